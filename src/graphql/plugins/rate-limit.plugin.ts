import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import type { RateLimiter } from '../../server/rate-limit/token-bucket.ts';
import { AppError } from '../../services/app-error.ts';
import type { GraphQLContext } from '../context.ts';
import { toGraphQLError } from '../errors.ts';

export type CostFunction = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>) => number;

/** Until the query-cost analysis is wired in, every operation costs 1. */
export const unitCost: CostFunction = () => 1;

/** The RATE_LIMITED error (HTTP 429 with Retry-After). */
export function rateLimited(message: string, retryAfterMs: number, details: Record<string, unknown> = {}): AppError {
  const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError('RATE_LIMITED', `${message}; retry in ${retryAfter} s`, { ...details, retryAfterSeconds: retryAfter });
}

export function rateLimitedError(message: string, retryAfterMs: number, details: Record<string, unknown> = {}): GraphQLError {
  return toGraphQLError(rateLimited(message, retryAfterMs, details));
}

/**
 * Charges each operation's cost to its client's token bucket before execution; over budget gets
 * RATE_LIMITED (HTTP 429, Retry-After). A document that fails parsing or validation costs 1, so
 * floods of garbage drain the bucket too (the HTTP layer refuses clients whose bucket is empty).
 */
export function rateLimitPlugin(options: { limiter: RateLimiter; cost?: CostFunction }): ApolloServerPlugin<GraphQLContext> {
  const cost = options.cost ?? unitCost;
  return {
    async requestDidStart() {
      let charged = false;
      return {
        async didResolveOperation({ schema, document, request, contextValue, response }) {
          charged = true;
          const points = Math.max(1, cost(schema, document, request.variables ?? {}));
          const r = options.limiter.take(contextValue.viewer.clientId, points);
          response.http.headers.set('x-ratelimit-remaining', String(r.remaining));
          if (!r.ok) throw rateLimitedError(`Rate limit exceeded: this operation costs ${points}, ${r.remaining} left`, r.retryAfterMs, { cost: points });
        },
        async willSendResponse({ contextValue }) {
          if (!charged && contextValue) options.limiter.take(contextValue.viewer.clientId, 1);
        },
      };
    },
  };
}
