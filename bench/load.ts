import type autocannonType from 'autocannon';
import pg from 'pg';
import { requirePeer } from './peer-install.ts';
import type { RunningServer } from './servers.ts';

/**
 * Waits until the database has no query of a benchmark server left running: requests that autocannon
 * gave up on (or that were in flight when the run ended) keep PostgreSQL busy and would slow down the
 * next measurement, whoever's it is. Returns how long it waited (ms).
 */
export async function drain(databaseUrl: string, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    while (performance.now() - started < timeoutMs) {
      const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`);
      if (Number(rows[0].n) === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await c.end();
  }
  return Math.round(performance.now() - started);
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Transport errors, timeouts, non-2xx answers and GraphQL errors. */
  failures: number;
  /** SQL statements per request, as the server counted them during the measured run. */
  sqlPerRequest: number | null;
  /** Share of requests answered from the response cache (servers with one), else null. */
  cacheHitRate: number | null;
}

/**
 * `connections` concurrent clients POST the bodies in turn: `warmupSeconds` unmeasured, then
 * `durationSeconds` measured. Every answer is checked (HTTP 200 and no GraphQL errors).
 */
export async function measure(server: RunningServer, bodies: string[], options: { connections: number; durationSeconds: number; warmupSeconds: number; databaseUrl?: string; headers?: Record<string, string> }): Promise<LoadResult> {
  let next = 0;
  let graphqlErrors = 0;
  const requests = [{
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
    setupRequest: (req: { body?: string }) => ({ ...req, body: bodies[next++ % bodies.length] }),
    onResponse: (status: number, body: string) => {
      if (status === 200 && (body.includes('"errors":') || !body.includes('"data":'))) graphqlErrors++;
    },
  }];
  const base = { url: server.url, connections: options.connections, requests, timeout: 30 };
  if (options.databaseUrl) await drain(options.databaseUrl);
  // From bench/peer (installed by runBench), not the app's node_modules.
  const autocannon = requirePeer<typeof autocannonType>('autocannon');
  if (options.warmupSeconds > 0) await autocannon({ ...base, duration: options.warmupSeconds });
  if (options.databaseUrl) await drain(options.databaseUrl);
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
    cacheHitRate: server.name === 'newsgraph-cache' && served > 0 ? Math.round(((after.cacheHits - before.cacheHits) / served) * 1000) / 1000 : null,
  };
}
