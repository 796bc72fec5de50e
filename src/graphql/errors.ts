import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, type AppErrorCode } from '../services/app-error.ts';
import { isConnectionError } from '../db/connection-errors.ts';

/**
 * The HTTP status of a request refused with each code (before or instead of execution). A field
 * error inside a result keeps the response's status; see outageStatusPlugin for the exception.
 */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  BAD_USER_INPUT: 400,
  QUERY_TOO_COMPLEX: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  TIMEOUT: 503,
};

/** Seconds a client should wait before retrying an outage; sent as Retry-After. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** Response headers that go with an error: when to retry, how to authenticate. */
export function httpHeadersOf(error: AppError): Map<string, string> {
  const headers = new Map<string, string>();
  const retryAfter = error.details.retryAfterSeconds;
  if (typeof retryAfter === 'number') headers.set('retry-after', String(retryAfter));
  if (error.code === 'UNAUTHENTICATED') headers.set('www-authenticate', 'Bearer');
  return headers;
}

/**
 * The AppError an error stands for: itself, or SERVICE_UNAVAILABLE for a lost or refused database
 * connection (raised by pg or Prisma deep inside a resolver); null for anything unexpected.
 */
export function appErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isConnectionError(error)) return databaseUnavailableError(error);
  return null;
}

export function databaseUnavailableError(cause: unknown): AppError {
  return new AppError('SERVICE_UNAVAILABLE', 'The database is unavailable; retry later', { retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS }, { cause });
}

/** An AppError thrown from an Apollo plugin hook: Apollo takes status and headers from `extensions.http`. */
export function toGraphQLError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { ...error.details, code: error.code, http: { status: HTTP_STATUS[error.code], headers: httpHeadersOf(error) } },
  });
}

/** The JSON body of a request refused outside GraphQL execution (same shape as a GraphQL error). */
export function errorBody(error: AppError): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  return { errors: [{ message: error.message, extensions: { ...error.details, code: error.code } }] };
}

/**
 * Maps domain errors to `extensions.code`; anything unexpected becomes INTERNAL_SERVER_ERROR with
 * its message masked when `maskInternal` is set (production).
 */
export function createErrorFormatter(options: { maskInternal: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const known = appErrorOf(original);
    if (known) {
      return { ...formatted, message: known.message, extensions: { ...known.details, code: known.code } };
    }
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    if (original instanceof GraphQLError && original.extensions?.code && original.extensions.code !== 'INTERNAL_SERVER_ERROR') return formatted;
    // Apollo marks some request errors (e.g. an APQ hash mismatch) with a 4xx status but no code: the client's fault.
    const status = (original as GraphQLError | undefined)?.extensions?.http as { status?: number } | undefined;
    if (status?.status && status.status >= 400 && status.status < 500) return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
    if (!options.maskInternal) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
