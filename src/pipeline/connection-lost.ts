/** Errors from the database itself abort the run: going on would only fail every next article. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** A lost or refused connection (not a problem with one article's data). */
export function isConnectionError(error: unknown): boolean {
  const text = `${(error as Error)?.name ?? ''} ${(error as Error)?.message ?? ''} ${(error as { code?: string })?.code ?? ''}`;
  // Prisma's raw queries report a lost server as "Can't reach database server" with code N/A.
  return /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|terminating connection|DatabaseNotReachable|Can't reach database server|57P01|57P03|08006|08001|P1001|P1017/i.test(text);
}
