import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context.ts';
import { RateLimit } from './rate-limit.type.ts';

@Resolver()
export class RateLimitResolver {
  @Query(() => RateLimit, {
    nullable: true,
    description: 'Your rate limit: what this request cost and what you have left (asking for it adds 1 to the cost, like any object). Null when the server runs without a rate limit (NEWSGRAPH_RATE_LIMIT=0): then nothing is charged and there is nothing to wait for.',
  })
  rateLimit(@Ctx() ctx: GraphQLContext): RateLimit | null {
    // Numbers about this client: the HTTP layer must not let a shared cache keep the answer.
    ctx.operation.perClient = true;
    return ctx.operation.rateLimit;
  }
}
