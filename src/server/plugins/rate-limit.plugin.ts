import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { rateLimitHeaders, rateLimitStatus } from '../rate-limit/rate-limit-status.ts';
import type { SharedRateLimiter } from '../rate-limit/token-bucket.ts';
import { AppError } from '../../services/app-error.ts';
import type { GraphQLContext } from '../../graphql/context.ts';
import { toGraphQLError } from '../../graphql/errors.ts';

/** Points an operation costs; `operationName` picks the operation of a document that holds several. */
export type CostFunction = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string | null) => number;

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
 * Charges each operation's cost (the same measure as `extensions.cost.requested`, at least 1) to its
 * client's token bucket before execution; over budget gets RATE_LIMITED (HTTP 429, Retry-After). A
 * document that fails parsing or validation costs 1, so floods of garbage drain the bucket too (the
 * HTTP layer refuses clients whose bucket is empty). Every answer carries X-RateLimit-Limit,
 * -Remaining and -Reset, and the charge is left on the context for the `rateLimit` field.
 */
export function rateLimitPlugin(options: { limiter: SharedRateLimiter; cost?: CostFunction }): ApolloServerPlugin<GraphQLContext> {
  const cost = options.cost ?? unitCost;
  // The outcome goes on the shared operation facts, where the `rateLimit` field and the headers read it.
  const charge = async (context: GraphQLContext, points: number): Promise<void> => {
    const result = await options.limiter.take(context.viewer.clientId, points);
    context.operation.rateLimit = rateLimitStatus(options.limiter, points, result);
    if (!result.ok) throw rateLimitedError(`Rate limit exceeded: this operation costs ${points}, ${result.remaining} left`, result.retryAfterMs, { cost: points });
  };
  return {
    async requestDidStart() {
      let charged = false;
      return {
        async didResolveOperation({ schema, document, request, contextValue, operationName }) {
          charged = true;
          await charge(contextValue, Math.max(1, cost(schema, document, request.variables ?? {}, operationName)));
        },
        async willSendResponse({ contextValue, response }) {
          if (!charged && contextValue) {
            try {
              await charge(contextValue, 1);
            } catch {
              // Already answered (with the parse or validation error); the headers below say the bucket is empty.
            }
          }
          const status = contextValue?.operation.rateLimit;
          if (status) for (const [key, value] of rateLimitHeaders(status)) response.http.headers.set(key, value);
        },
      };
    },
  };
}
