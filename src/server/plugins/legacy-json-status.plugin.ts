import type { ApolloServerPlugin } from '@apollo/server';

const REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * GraphQL over HTTP: a client that accepts only `application/json` (the legacy media type) should get
 * 200 for a request error (parse, validation, variable coercion) with the errors in the body; Apollo
 * answers 400. Clients accepting `application/graphql-response+json` keep the 4xx.
 */
export function legacyJsonStatusPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, errors }) {
          const accept = request.http?.headers.get('accept') ?? '';
          if (accept.includes('application/graphql-response+json')) return;
          if (response.http.status !== 400 || !errors?.length) return;
          if (errors.every((e) => REQUEST_ERRORS.has(String(e.extensions?.code)))) response.http.status = 200;
        },
      };
    },
  };
}
