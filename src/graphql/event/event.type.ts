import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DatePrecision, EventKind } from '../enums.ts';
import { Node } from '../node/node.interface.ts';
import { ConnectionType } from '../pagination/connection.ts';
import { DateScalar } from '../scalars/index.ts';

@ObjectType({ implements: Node, description: 'A real-world event (meeting, summit, test...) reported by one or more articles; the same event in several articles is one node.' })
export class Event implements Node {
  @Field(() => ID, { description: 'Globally unique opaque ID.' })
  id!: string;

  @Field(() => Int, { description: 'Primary key in the database (stable, but prefer `id`).' })
  rowId!: number;

  @Field(() => String, { description: 'Stable natural key the extractor derives for this event (kind, participants, place, time).' })
  key!: string;

  @Field(() => String, { description: 'Human-readable title, e.g. "Kim Jong Un–Vladimir Putin meeting".' })
  title!: string;

  @Field(() => EventKind, { description: 'What kind of event it is.' })
  kind!: EventKind;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the event, as far as the text justifies; null when undated.' })
  startDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the event (equal to startDate for single days).' })
  endDate!: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'How precisely the dates are known.' })
  precision!: DatePrecision | null;

  placeId!: number | null;
}

export const EventConnection = ConnectionType(Event, 'Event', 'A page of events.');
