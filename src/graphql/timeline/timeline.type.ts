import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { TimelineInterval as Interval } from '../../services/timeline.ts';
import { DateScalar } from '../scalars/index.ts';

export enum TimelineInterval {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(TimelineInterval, {
  name: 'TimelineInterval',
  description: 'Length of a timeline bucket.',
  valuesConfig: {
    DAY: { description: 'One calendar day.' },
    WEEK: { description: 'One ISO week, Monday to Sunday.' },
    MONTH: { description: 'One calendar month.' },
    YEAR: { description: 'One calendar year.' },
  },
});

@ArgsType()
export class TimelineArgs {
  @Field(() => TimelineInterval, { defaultValue: TimelineInterval.MONTH, description: 'Bucket length (default MONTH).' })
  interval!: Interval;

  @Field(() => DateScalar, { nullable: true, description: 'Only items dated on or after this day.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only items dated on or before this day.' })
  to?: string | null;
}

@ObjectType({ description: 'One period of a timeline: what happened and what was said in it. Statements are dated by their article, events by their start; undated items are not on the timeline.' })
export class TimelineBucket {
  @Field(() => DateScalar, { description: 'First day of the period.' })
  start!: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  end!: string;

  @Field(() => Int, { description: 'Statements made in the period.' })
  statementCount!: number;

  @Field(() => Int, { description: 'Events taken part in during the period.' })
  eventCount!: number;

  @Field(() => Int, { description: 'Articles mentioning them published in the period.' })
  articleCount!: number;
}
