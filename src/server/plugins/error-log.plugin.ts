import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Logger } from '../logger.ts';
import type { GraphQLContext } from '../../graphql/context.ts';
import { appErrorOf } from '../../graphql/errors.ts';

// query_canceled: PostgreSQL stopped the statement (statement_timeout past the request's deadline, or
// a cancel sent for an abandoned request). An expected end of a slow request, not a bug.
const CANCELED = '57014';

/**
 * Internal errors are masked for clients in production; the original, with its stack, goes to the
 * log under the request id so an operator can find it from what the client saw. Expected failures
 * are not logged here: AppErrors are the client's answer, a lost database connection is logged once
 * per outage by `onUnavailable`'s tracker, and a cancelled statement is one warning line.
 */
export function errorLogPlugin(logger: Logger, options: { onUnavailable?: (error: unknown) => void } = {}): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let abortLogged = false;
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
            if ((original as { code?: unknown } | undefined)?.code === CANCELED) {
              if (!abortLogged) logger.warn('request aborted', { requestId: contextValue?.requestId, operationName, reason: (original as Error).message });
              abortLogged = true;
              continue;
            }
            logger.error('internal error', { requestId: contextValue?.requestId, operationName, path: e.path, error: original });
          }
        },
      };
    },
  };
}
