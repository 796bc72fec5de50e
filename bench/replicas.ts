// npm run bench:replicas: two API processes on one database, with the response cache on, first each
// with its own (no REDIS_URL), then sharing Redis. A client alternates between the replicas over a
// fixed set of public queries at fixed concurrency for a fixed time; reports req/s and the share of
// answers served from the cache, and merges them into bench/results.json under "replicas" (the other
// sections are left as they are). Settings: BENCH_ADMIN_URL (default the local PostgreSQL),
// REDIS_URL (default the local Redis), BENCH_ARTICLES (BBC articles ingested, default 300),
// BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 8).
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { ingestArticles } from '../src/pipeline/ingest-articles.ts';
import { readSources } from '../src/pipeline/read-sources.ts';
import { seeded } from '../src/extract/seeded-random.ts';
import { createFreshDatabase, dropDatabase, withDatabase } from './database.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ADMIN = process.env.BENCH_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const OUT = process.env.BENCH_OUT ?? path.join(ROOT, 'bench/results.json');

interface Replica {
  child: ChildProcess;
  url: string;
  log: () => string;
}

async function startReplica(databaseUrl: string, extra: Record<string, string>): Promise<Replica> {
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', INGEST_SEEDS: 'false', LOG_LEVEL: 'info', NEWSGRAPH_IDE: 'false', NEWSGRAPH_RESPONSE_CACHE: 'true', NEWSGRAPH_RATE_LIMIT: '0', ...extra };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const started = Date.now();
  for (;;) {
    const url = /ready at (http:\/\/[\d.:]+)\/graphql/.exec(out)?.[1];
    if (url) return { child, url, log: () => out };
    if (child.exitCode !== null || Date.now() - started > 240_000) throw new Error(`replica did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Public queries a reader's pages make (the newest articles, people, statements, places) at page
 * sizes 1–50: 200 distinct requests, asked with a Zipf-like skew (a few pages are popular, most are
 * rare), so a cache is warmed by the popular ones and a shared cache also by the rare ones another
 * replica computed.
 */
const QUERIES = Array.from({ length: 50 }, (_, k) => k + 1).flatMap((n) => [
  `{ articles(first: ${n}) { totalCount edges { node { title publishedAt people(first: 3) { edges { node { name } } } } } } }`,
  `{ people(first: ${n}) { edges { node { name statements(first: 2) { edges { node { text } } } } } } }`,
  `{ statements(first: ${n}) { edges { node { text kind speaker { __typename ... on Person { name } } } } } }`,
  `{ places(first: ${n}) { edges { node { name } } } }`,
]);

// Query i is asked with weight 1/(i+1), from a fixed seed: both modes see the same sequence.
const WEIGHTS = QUERIES.map((_, i) => 1 / (i + 1));
const TOTAL = WEIGHTS.reduce((a, b) => a + b, 0);
let random = seeded(21);
function pick(): number {
  let x = random() * TOTAL;
  for (let i = 0; i < WEIGHTS.length; i++) if ((x -= WEIGHTS[i]) <= 0) return i;
  return WEIGHTS.length - 1;
}

/** Requests for `seconds` at `connections` in flight, alternating replicas. */
async function drive(replicas: Replica[], seconds: number, connections: number): Promise<{ requests: number; errors: number }> {
  const until = performance.now() + seconds * 1000;
  let requests = 0;
  let errors = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const i = next++;
        const res = await fetch(`${replicas[i % replicas.length].url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERIES[pick()] }) });
        await res.arrayBuffer();
        if (res.status === 200) requests++;
        else errors++;
      }
    }),
  );
  return { requests, errors };
}

const countLines = (replicas: Replica[], pattern: string) => replicas.reduce((n, r) => n + r.log().split('\n').filter((l) => l.includes('"msg":"request"') && l.includes(pattern)).length, 0);

async function measureMode(databaseUrl: string, extra: Record<string, string>) {
  const replicas = await Promise.all([startReplica(databaseUrl, extra), startReplica(databaseUrl, extra)]);
  random = seeded(21);
  try {
    const [hitsBefore, allBefore] = [countLines(replicas, '"cache":"hit"'), countLines(replicas, '"path":"/graphql"')];
    const started = performance.now();
    const { requests, errors } = await drive(replicas, SECONDS, CONNECTIONS);
    const seconds = (performance.now() - started) / 1000;
    // Request lines are written when each answer has gone out: give the last ones a moment.
    await new Promise((r) => setTimeout(r, 500));
    const hits = countLines(replicas, '"cache":"hit"') - hitsBefore;
    const all = countLines(replicas, '"path":"/graphql"') - allBefore;
    return { reqPerSecond: Math.round(requests / seconds), errors, hitRate: Math.round((1000 * hits) / Math.max(1, all)) / 1000 };
  } finally {
    for (const r of replicas) r.child.kill('SIGKILL');
  }
}

const name = `newsgraph_bench_replicas_${process.pid}`;
const url = await createFreshDatabase(ADMIN, name);
try {
  const db = await openDatabase(loadConfig({ ...process.env, DATABASE_URL: url }));
  const corpus = path.join(ROOT, '../shared/corpus/bbc.jsonl');
  const sources = [path.join(ROOT, 'seeds'), ...(fs.existsSync(corpus) ? [corpus] : [])];
  let taken = 0;
  const limited = (async function* () {
    for await (const s of readSources(sources)) {
      if (taken++ >= ARTICLES + 2) break;
      yield s;
    }
  })();
  const summary = await ingestArticles(db.writer, limited);
  await db.close();
  console.log(`database: ${summary.articles.created} articles`);
  const load = os.loadavg()[0];
  const perProcess = await measureMode(withDatabase(ADMIN, name), {});
  console.log(`two replicas, each its own cache: ${perProcess.reqPerSecond} req/s, ${(perProcess.hitRate * 100).toFixed(1)} % from the cache`);
  const shared = await measureMode(withDatabase(ADMIN, name), { REDIS_URL, NEWSGRAPH_REDIS_PREFIX: `newsgraph-bench:${process.pid}:` });
  console.log(`two replicas sharing Redis: ${shared.reqPerSecond} req/s, ${(shared.hitRate * 100).toFixed(1)} % from the cache`);
  const results = fs.existsSync(OUT) ? JSON.parse(fs.readFileSync(OUT, 'utf8')) : {};
  results.replicas = {
    date: new Date().toISOString(),
    load: Math.round(load * 100) / 100,
    cpus: os.availableParallelism(),
    articles: summary.articles.created,
    queries: QUERIES.length,
    seconds: SECONDS,
    connections: CONNECTIONS,
    perProcessCache: perProcess,
    sharedRedisCache: shared,
  };
  fs.writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`merged into ${path.relative(process.cwd(), OUT)} under "replicas"`);
} finally {
  await dropDatabase(ADMIN, name);
  // Keys of this run only.
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const keys = await redis.keys(`newsgraph-bench:${process.pid}:*`).catch(() => [] as string[]);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
process.exit(0);
