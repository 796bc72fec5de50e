import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { RateLimiter } from '../../server/rate-limit/token-bucket.ts';
import type { GraphQLContext } from '../context.ts';

export type CostFunction = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>) => number;

/** Until the query-cost analysis is wired in, every operation costs 1. */
export const unitCost: CostFunction = () => 1;

/**
 * Charges each operation's cost to its client's token bucket before execution; over budget gets
 * RATE_LIMITED (HTTP 429, Retry-After). Invalid documents never reach this hook and cost nothing.
 */
export function rateLimitPlugin(options: { limiter: RateLimiter; cost?: CostFunction }): ApolloServerPlugin<GraphQLContext> {
  const cost = options.cost ?? unitCost;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, contextValue, response }) {
          const points = Math.max(1, cost(schema, document, request.variables ?? {}));
          const r = options.limiter.take(contextValue.viewer.clientId, points);
          response.http.headers.set('x-ratelimit-remaining', String(r.remaining));
          if (r.ok) return;
          const retryAfter = Math.max(1, Math.ceil(r.retryAfterMs / 1000));
          throw new GraphQLError(`Rate limit exceeded: this operation costs ${points}, ${r.remaining} left; retry in ${retryAfter} s`, {
            extensions: { code: 'RATE_LIMITED', cost: points, retryAfterSeconds: retryAfter, http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) } },
          });
        },
      };
    },
  };
}
