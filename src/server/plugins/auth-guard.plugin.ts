import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { AppError } from '../../services/app-error.ts';
import type { GraphQLContext } from '../../graphql/context.ts';
import { toGraphQLError } from '../../graphql/errors.ts';

export function unauthenticatedError(message: string): GraphQLError {
  return toGraphQLError(new AppError('UNAUTHENTICATED', message));
}

/**
 * The single place where mutations require an API key: any mutation operation from an
 * unauthenticated viewer is refused after validation and before execution, so no resolver can forget
 * the check and no partial effect is possible. With `privateReads`, queries need a key too.
 */
export function authGuardPlugin(options: { privateReads: boolean }): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (contextValue.viewer.authenticated) return;
          if (operation?.operation === 'mutation') throw unauthenticatedError('Mutations require an API key (Authorization: Bearer <key> or X-Api-Key)');
          if (options.privateReads) throw unauthenticatedError('This API requires an API key (Authorization: Bearer <key> or X-Api-Key)');
        },
      };
    },
  };
}
