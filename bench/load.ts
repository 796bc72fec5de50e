import autocannon from 'autocannon';
import type { RunningServer } from './servers.ts';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Transport errors, timeouts, non-2xx answers and GraphQL errors. */
  failures: number;
  /** SQL statements per request, as the server counted them during the measured run. */
  sqlPerRequest: number | null;
}

/**
 * `connections` concurrent clients POST the bodies in turn: `warmupSeconds` unmeasured, then
 * `durationSeconds` measured. Every answer is checked (HTTP 200 and no GraphQL errors).
 */
export async function measure(server: RunningServer, bodies: string[], options: { connections: number; durationSeconds: number; warmupSeconds: number }): Promise<LoadResult> {
  let next = 0;
  let graphqlErrors = 0;
  const requests = [{
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    setupRequest: (req: { body?: string }) => ({ ...req, body: bodies[next++ % bodies.length] }),
    onResponse: (status: number, body: string) => {
      if (status === 200 && (body.includes('"errors":') || !body.includes('"data":'))) graphqlErrors++;
    },
  }];
  const base = { url: server.url, connections: options.connections, requests, timeout: 30 };
  if (options.warmupSeconds > 0) await autocannon({ ...base, duration: options.warmupSeconds });
  graphqlErrors = 0;
  const before = await server.counters();
  const r = await autocannon({ ...base, duration: options.durationSeconds });
  const after = await server.counters();
  const served = after.requests - before.requests;
  return {
    requestsPerSecond: Math.round((r.requests.total / (r.duration || options.durationSeconds)) * 10) / 10,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    failures: r.errors + r.timeouts + r.non2xx + graphqlErrors,
    sqlPerRequest: served > 0 ? Math.round(((after.sqlStatements - before.sqlStatements) / served) * 100) / 100 : null,
  };
}
