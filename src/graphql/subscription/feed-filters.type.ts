import { Field, Float, ID, InputType } from 'type-graphql';
import { EventKind, EventType, StatementKind } from '../enums.ts';

@InputType({ description: 'Which new statements to deliver; every field optional, all given ones must hold.' })
export class StatementAddedFilter {
  @Field(() => ID, { nullable: true, description: 'Only statements by this person or organisation.' })
  speaker?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only statements whose words mention this person, organisation or place.' })
  mentioning?: string | null;

  @Field(() => StatementKind, { nullable: true, description: 'Only statements reported this way.' })
  kind?: StatementKind | null;

  @Field(() => Float, { nullable: true, description: 'Only statements extracted with at least this confidence (0–1).' })
  minConfidence?: number | null;
}

@InputType({ description: 'Which new or corrected articles to deliver; every field optional, all given ones must hold.' })
export class ArticleAddedFilter {
  @Field(() => String, { nullable: true, description: 'Publisher contains this text (case-insensitive), as the articles list filters.' })
  source?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only articles mentioning this person.' })
  person?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only articles mentioning this organisation.' })
  organization?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only articles mentioning this place.' })
  place?: string | null;
}

@InputType({ description: 'Which new or newly reported events to deliver; every field optional, all given ones must hold.' })
export class EventUpdatedFilter {
  @Field(() => [EventType], { nullable: true, description: 'Only events of one of these types (`Event.type`; absent or empty: every type).' })
  type?: EventType[] | null;

  @Field(() => EventKind, { nullable: true, description: 'Only events of this legacy kind.', deprecationReason: 'Use `type`: the kind calls most events OTHER.' })
  kind?: EventKind | null;

  @Field(() => ID, { nullable: true, description: 'Only events this person or organisation takes part in, in any role.' })
  actor?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events at this place.' })
  place?: string | null;
}
