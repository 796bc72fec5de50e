import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Logger } from '../../server/logger.ts';
import type { GraphQLContext } from '../context.ts';
import { appErrorOf } from '../errors.ts';

/**
 * Internal errors are masked for clients in production; the original, with its stack, goes to the
 * log under the request id so an operator can find it from what the client saw. Expected failures
 * are not logged here: AppErrors are the client's answer, a lost database connection is logged once
 * per outage by `onUnavailable`'s tracker.
 */
export function errorLogPlugin(logger: Logger, options: { onUnavailable?: (error: unknown) => void } = {}): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const e of errors) {
            const original = unwrapResolverError(e);
            const known = appErrorOf(original);
            if (known) {
              // Raw connection errors (Prisma, on the write path) reach the tracker here.
              if (known !== original) options.onUnavailable?.(original);
              continue;
            }
            const code = original instanceof GraphQLError ? original.extensions?.code : undefined;
            if (code && code !== 'INTERNAL_SERVER_ERROR') continue;
            logger.error('internal error', { requestId: contextValue?.requestId, operationName, path: e.path, error: original });
          }
        },
      };
    },
  };
}
