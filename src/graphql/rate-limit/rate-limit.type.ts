import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/index.ts';

@ObjectType({
  description: 'Your rate limit after this request (GitHub-style). Each client (API key, else address) has a token bucket of `limit` points that refills steadily; every operation is charged its query cost (what `extensions.cost.requested` reports, at least 1) before it runs. The same numbers are sent as the X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset headers.',
})
export class RateLimit {
  @Field(() => Int, { description: 'Size of your bucket: the most points you can spend at once. The bucket refills at `limit` points per minute.' })
  limit!: number;

  @Field(() => Int, { description: 'Points this request was charged: its query cost (objects it can return, connections multiplied by their page size), at least 1.' })
  cost!: number;

  @Field(() => Int, { description: 'Whole points left in your bucket after this request.' })
  remaining!: number;

  @Field(() => DateTimeScalar, { description: 'When your bucket is full again if you send nothing more (the current time if it is full). X-RateLimit-Reset is the same moment in UTC epoch seconds, rounded up.' })
  resetAt!: Date;
}
