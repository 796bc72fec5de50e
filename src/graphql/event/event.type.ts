import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DatePrecision, EventKind, EventType } from '../enums.ts';
import { Node } from '../node/node.interface.ts';
import { ConnectionType } from '../pagination/connection.ts';
import { DateScalar } from '../scalars/index.ts';

@ObjectType({ implements: Node, description: 'A real-world event (a meeting, an accusation, a missile test, an arrest…) reported by one or more articles: what happened (`type`, `mode`), who did it to whom (`sources`, `targets`), when and where, and the words that report it (`evidence`). The same event in several articles is one node.' })
export class Event implements Node {
  @Field(() => ID, { description: 'Globally unique opaque ID.' })
  id!: string;

  @Field(() => Int, { description: 'Primary key in the database (stable, but prefer `id`).' })
  rowId!: number;

  @Field(() => String, { description: 'Stable natural key the extractor derives for this event (kind, participants, place, time).' })
  key!: string;

  @Field(() => String, { description: 'Human-readable title, e.g. "Kim Jong Un–Vladimir Putin meeting".' })
  title!: string;

  @Field(() => EventKind, {
    description: 'The legacy kind: MEETING, SUMMIT, TALKS or VISIT for CONSULT events of those modes, WEAPONS_TEST for weapons tests, OTHER for every other type.',
    deprecationReason: 'Use `type` (and `mode`): the kind tells only meetings and weapons tests apart and calls every other event OTHER.',
  })
  kind!: EventKind;

  @Field(() => EventType, { description: 'What happened, in the event ontology: the type most of the articles\' accounts give (ties in the ontology\'s order).' })
  type!: EventType;

  @Field(() => String, { nullable: true, description: 'The type\'s mode where it matters ("summit", "visit", "weapons_test", "arrest", "acquisition"): the one most accounts of that type give; null when none gives one.' })
  mode!: string | null;

  @Field(() => Boolean, { description: 'A mutual event (a meeting, talks, a match): which party is a source and which a target is arbitrary, so look at both.' })
  symmetric!: boolean;

  @Field(() => Float, { description: "How sure the extractor is, 0..1: the highest confidence among the accounts of the event's type (a rule score, not a measured precision; 0.5 for events stored before scores were kept, 0 where the stored kind told no type)." })
  confidence!: number;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the event, as far as the text justifies; null when undated.' })
  startDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the event (equal to startDate for single days).' })
  endDate!: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'How precisely the dates are known.' })
  precision!: DatePrecision | null;

  placeId!: number | null;
}

export const EventConnection = ConnectionType(Event, 'Event', 'A page of events.');
