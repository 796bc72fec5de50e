import type { ApolloServerPlugin } from '@apollo/server';
import { OUTAGE_RETRY_AFTER_SECONDS } from '../../graphql/errors.ts';

/**
 * A result whose fields failed because the database is unreachable is an outage, not a partial
 * answer: GraphQL-over-HTTP clients (`application/graphql-response+json`) get 503, and every client
 * gets Retry-After. Legacy `application/json` clients keep 200 with the errors in the body, as the
 * spec asks for that media type.
 */
export function outageStatusPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          // The formatted errors: by now every lost connection is coded SERVICE_UNAVAILABLE.
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (!errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
          response.http.headers.set('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
          const accept = request.http?.headers.get('accept') ?? '';
          if (accept.includes('application/graphql-response+json')) response.http.status = 503;
        },
      };
    },
  };
}
