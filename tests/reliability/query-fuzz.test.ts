import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNewsgraphSchema } from '../../src/graphql/build-schema.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { createLogger } from '../../src/server/logger.ts';
import { listen } from '../helpers/graphql.ts';
import { writeSyntheticGraph } from '../helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { fuzzRequest, type FuzzRequest } from './fuzz/query-generator.ts';
import { createRng } from './fuzz/rng.ts';

const DOCUMENTS = Number(process.env.FUZZ_QUERIES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const CONCURRENCY = 4;

interface Outcome {
  status: number;
  problem: string | null;
  codes: string[];
}

/** What makes a response acceptable: never 5xx except a TIMEOUT, always a GraphQL-shaped JSON body or a plain 4xx. */
function judge(status: number, contentType: string, text: string): Outcome {
  const problem = (p: string): Outcome => ({ status, problem: p, codes: [] });
  if (status >= 500 && status !== 503) return problem(`HTTP ${status}`);
  if (!/json/.test(contentType)) return status >= 400 && status < 500 ? { status, problem: null, codes: [] } : problem(`non-JSON ${status} response: ${contentType}`);
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return problem('unparseable JSON body');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return problem('body is not an object');
  if (!('data' in body) && !Array.isArray(body.errors)) return problem('neither data nor errors');
  const errors: any[] = body.errors ?? [];
  if (errors.some((e) => typeof e?.message !== 'string')) return problem('error without message');
  const codes = errors.map((e) => String(e.extensions?.code ?? 'NONE'));
  if (status === 503 && !codes.every((c) => c === 'TIMEOUT')) return problem('503 that is not a TIMEOUT');
  if (codes.includes('INTERNAL_SERVER_ERROR')) return problem(`internal error: ${errors.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR').message}`);
  if (/"stacktrace"|at .*\.ts:\d+/.test(text)) return problem('stack trace in response');
  return { status, problem: null, codes };
}

async function send(url: string, r: FuzzRequest): Promise<Outcome> {
  const headers: Record<string, string> = { accept: 'application/graphql-response+json, application/json' };
  if (r.contentType) headers['content-type'] = r.contentType;
  // Apollo's CSRF prevention wants a preflight-forcing header on GETs; half the GETs send it.
  if (r.method === 'GET' && r.search && r.search.length % 2 === 0) headers['apollo-require-preflight'] = 'true';
  const res = await fetch(`${url}/graphql${r.search ?? ''}`, { method: r.method, headers, body: r.body });
  return judge(res.status, res.headers.get('content-type') ?? '', await res.text());
}

describe('query fuzzing against the running server', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  let url: string;
  const logged: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('rel_query_fuzz');
    await writeSyntheticGraph(db.writer, { articles: 6, peoplePerArticle: 2, poolSize: 4 });
    server = await createServer({ sql: db.sql, production: true, executionTimeoutMs: 5_000, logger: createLogger({ level: 'error', write: (l) => logged.push(l) }) });
    url = await listen(server);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  // Half a minute on a quiet machine, two minutes at load average 12: the bound is for a hang only.
  it(`answers ${DOCUMENTS} generated documents with well-formed results or errors, never a 500, and keeps serving`, { timeout: 480_000 }, async () => {
    const schema = buildNewsgraphSchema();
    const rng = createRng(SEED);
    const requests = Array.from({ length: DOCUMENTS }, () => fuzzRequest(rng, schema));
    const outcomes: (Outcome & { kind: string; i: number; ms: number })[] = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const i = next++;
        const t0 = performance.now();
        const o = await send(url, requests[i]).catch((e: Error): Outcome => ({ status: 0, problem: `request failed: ${e.message}`, codes: [] }));
        outcomes.push({ ...o, kind: requests[i].kind, i, ms: performance.now() - t0 });
      }
    }));
    const seconds = (Date.now() - started) / 1000;

    const byKind = new Map<string, Record<string, number>>();
    for (const o of outcomes) {
      const k = byKind.get(o.kind) ?? { ms: 0 };
      k[o.status] = (k[o.status] ?? 0) + 1;
      k.ms += o.ms;
      byKind.set(o.kind, k);
    }
    const codes = new Map<string, number>();
    for (const o of outcomes) for (const c of o.codes) codes.set(c, (codes.get(c) ?? 0) + 1);
    const bad = outcomes.filter((o) => o.problem);
    console.log(`query fuzz: ${outcomes.length} documents in ${seconds.toFixed(1)} s (seed ${SEED}), ${bad.length} bad`);
    for (const [kind, statuses] of [...byKind].sort()) console.log(`  ${kind.padEnd(15)} ${Object.entries(statuses).map(([s, n]) => (s === 'ms' ? `${Math.round(n)} ms total` : `${s}: ${n}`)).join(', ')}`);
    console.log(`  error codes: ${[...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ')}`);
    for (const o of bad.slice(0, 5)) console.log(`  BAD #${o.i} ${o.kind}: ${o.problem}\n    ${(requests[o.i].body ?? requests[o.i].search ?? '').slice(0, 300)}`);

    expect(outcomes).toHaveLength(DOCUMENTS);
    expect(bad.map((o) => `#${o.i} ${o.kind}: ${o.problem}`)).toEqual([]);
    // Not everything was refused: the generator really reaches execution with data (random
    // arguments to filters, dates and orders make most documents fail validation or input checks).
    expect(outcomes.filter((o) => o.status === 200 && o.codes.length === 0).length).toBeGreaterThan(DOCUMENTS / 20);

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const r = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ articles { totalCount } }' }) });
    expect(await r.json()).toMatchObject({ data: { articles: { totalCount: 6 } } });
  });
});
