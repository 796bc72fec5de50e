// Defaults the configuration and the server share, kept below both so that config.ts imports nothing of the server.

/**
 * What browser clients send besides the CORS-safelisted headers: JSON bodies, both ways of passing
 * an API key, request ids, Apollo's CSRF and client-awareness headers, and the W3C trace context
 * (traceparent, tracestate, baggage) that OpenTelemetry and Sentry add to every fetch.
 * NEWSGRAPH_CORS_ALLOW_HEADERS replaces this list.
 */
export const DEFAULT_CORS_ALLOW_HEADERS = [
  'content-type',
  'authorization',
  'x-api-key',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'traceparent',
  'tracestate',
  'baggage',
  'sentry-trace',
];

/** The response cache's memory budget when NEWSGRAPH_RESPONSE_CACHE_BYTES is unset. */
export const DEFAULT_RESPONSE_CACHE_BYTES = 64 * 1024 * 1024;
