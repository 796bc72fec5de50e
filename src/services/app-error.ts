/**
 * Error codes the app raises; `src/graphql/errors.ts` maps each to `extensions.code` and, for errors
 * that refuse a whole request, its HTTP status (one table).
 */
export type AppErrorCode =
  | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CONFLICT' | 'QUERY_TOO_COMPLEX' | 'RATE_LIMITED' | 'TIMEOUT'
  | 'INTERNAL_SERVER_ERROR' | 'BAD_REQUEST' | 'METHOD_NOT_ALLOWED' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'SERVICE_UNAVAILABLE';

/** The one error type of the app. Knows nothing of HTTP or GraphQL. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
