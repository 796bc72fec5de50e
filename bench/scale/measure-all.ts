import os from 'node:os';
import { measure, type LoadResult } from '../load.ts';
import { probe } from '../operations.ts';
import { startServer } from '../servers.ts';
import { ingestBodies } from './mutation.ts';
import type { ScaleQuery } from './queries.ts';

export interface Latency {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
  failures: number;
}

export type QueryResults = Record<string, Record<string, Latency>>;

const API_KEY = 'scale-benchmark-key-0123456789';

/** One `ingestArticle` answered with an article and no errors, or an error saying what came back. */
async function probeIngest(url: string, body: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': API_KEY }, body });
  const text = await res.text();
  if (res.status !== 200 || !/"outcome":"CREATED"/.test(text)) throw new Error(`ingestArticle fails: HTTP ${res.status} ${text.slice(0, 300)}`);
}

const latency = (r: LoadResult): Latency => ({ p50: r.p50Ms, p99: r.p99Ms, requestsPerSecond: r.requestsPerSecond, requests: r.requests, failures: r.failures });

/**
 * Every read at every concurrency, then `ingestArticle` (it adds articles, so it goes last), against
 * our server with the response cache off; the load average is sampled before each run.
 */
export async function measureAll(options: { databaseUrl: string; corpusDir: string; queries: ScaleQuery[]; ingest?: boolean; concurrencies: number[]; durationSeconds: number; warmupSeconds: number; log: (line: string) => void }): Promise<{ queries: QueryResults; loads: number[] }> {
  const { log } = options;
  const server = await startServer('newsgraph', options.databaseUrl, 60_000, { BENCH_API_KEY: API_KEY });
  const loads: number[] = [];
  const out: QueryResults = {};
  try {
    const run = async (name: string, bodies: string[], c: number, headers?: Record<string, string>) => {
      loads.push(os.loadavg()[0]);
      const r = await measure(server, bodies, { connections: c, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds, databaseUrl: options.databaseUrl, headers });
      (out[name] ??= {})[`c${c}`] = latency(r);
      log(`  ${name.padEnd(17)} c=${String(c).padEnd(2)} p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  ${r.requestsPerSecond} req/s  load ${os.loadavg()[0].toFixed(2)}${r.failures ? `  FAILURES ${r.failures}` : ''}`);
    };
    for (const q of options.queries) {
      const p = await probe(server.url, { query: '', bodies: q.bodies });
      if (p !== 'ok') throw new Error(`${q.name} fails: ${p}`);
      for (const c of options.concurrencies) await run(q.name, q.bodies, c);
    }
    if (options.ingest === false) return { queries: out, loads };
    // New stories only: enough for the longest run at the highest concurrency at a few hundred per second.
    const tag = `r${Date.now().toString(36)}`;
    await probeIngest(server.url, ingestBodies(options.corpusDir, 1, `${tag}probe`)[0]);
    const perRun = Math.ceil(400 * (options.durationSeconds + options.warmupSeconds));
    for (const [i, c] of options.concurrencies.entries()) {
      const bodies = ingestBodies(options.corpusDir, perRun, `${tag}c${i}`);
      await run('ingestArticle', bodies, c, { 'x-api-key': API_KEY });
    }
  } finally {
    await server.stop();
  }
  return { queries: out, loads };
}
