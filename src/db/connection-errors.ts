/**
 * Whether an error means "the database cannot be reached right now" rather than "this statement is
 * wrong": the one place that knows how pg, PostgreSQL and Prisma say so. Such errors are answered
 * SERVICE_UNAVAILABLE (retry later) and logged once per outage, not once per request.
 */

// Socket-level failures (Node errno codes) on the way to the server.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);

// SQLSTATEs of a server that is shutting down, restarting or refusing connections
// (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections);
// class 08 (connection exception) is matched by prefix.
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

// Prisma's codes: P1001 can't reach, P1002 timed out reaching, P1017 server closed the connection,
// P2024 timed out waiting for a pool connection, P2037 too many connections.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'P2037']);

// Prisma driver-adapter error kinds for the same failures.
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

// Errors pg raises without a code: a connection cut mid-query, a pool that cannot connect in time,
// a client already broken; and PostgreSQL's refusal of a database closed to connections (55000 is too
// broad a code to match on its own).
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|is not currently accepting connections|the database system is (starting up|shutting down|in recovery mode)/i;

function matches(e: Record<string, unknown>): boolean {
  const code = typeof e.code === 'string' ? e.code : '';
  if (SOCKET_CODES.has(code) || SQLSTATES.has(code) || PRISMA_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
  return typeof e.message === 'string' && MESSAGES.test(e.message);
}

export function isConnectionError(error: unknown): boolean {
  // Wrappers (Prisma errors, driver-adapter errors, AggregateError of a multi-address connect) keep
  // the original below: look a few levels down.
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length > 0 && seen.size < 20) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const r = e as Record<string, unknown>;
    if (matches(r)) return true;
    const meta = r.meta as Record<string, unknown> | undefined;
    queue.push(r.cause, r.originalError, meta?.driverAdapterError, ...(Array.isArray(r.errors) ? r.errors : []));
  }
  return false;
}
