import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Logger } from '../../server/logger.ts';
import { AppError } from '../../services/app-error.ts';
import type { GraphQLContext } from '../context.ts';

/**
 * Internal errors are masked for clients in production; the original, with its stack, goes to the
 * log under the request id so an operator can find it from what the client saw.
 */
export function errorLogPlugin(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const e of errors) {
            const original = unwrapResolverError(e);
            if (original instanceof AppError) continue;
            const code = original instanceof GraphQLError ? original.extensions?.code : undefined;
            if (code && code !== 'INTERNAL_SERVER_ERROR') continue;
            logger.error('internal error', { requestId: contextValue?.requestId, operationName, path: e.path, error: original });
          }
        },
      };
    },
  };
}
