/** Error codes the domain raises; the GraphQL layer maps them to `extensions.code`. */
export type AppErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CONFLICT' | 'QUERY_TOO_COMPLEX' | 'RATE_LIMITED' | 'TIMEOUT' | 'INTERNAL_SERVER_ERROR';

/** The one error type of the domain. Knows nothing of HTTP or GraphQL. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
