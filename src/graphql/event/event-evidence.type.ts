import { Field, Float, ObjectType } from 'type-graphql';
import { EventType } from '../enums.ts';
import { ConnectionType } from '../pagination/connection.ts';

@ObjectType({ description: "One article's account of an event: what the article says happened (type, mode, confidence) and where it says so (the trigger words and their sentence, offsets into Article.body)." })
export class EventEvidence {
  @Field(() => EventType, { description: 'The type this account gives the event (the event takes the type most of its accounts give).' })
  type!: EventType;

  @Field(() => String, { nullable: true, description: 'The mode this account gives, where it matters ("summit", "weapons_test", "arrest"); null otherwise.' })
  mode!: string | null;

  @Field(() => Float, { description: "How sure the extractor is of this account, 0..1 (the extractor's rule score, not a measured precision)." })
  confidence!: number;

  articleId!: number;
  triggerStart!: number;
  triggerEnd!: number;
  sentenceStart!: number | null;
  sentenceEnd!: number | null;
}

export const EventEvidenceConnection = ConnectionType(EventEvidence, 'EventEvidence', 'A page of the accounts of an event, newest article first, then in text order.');
