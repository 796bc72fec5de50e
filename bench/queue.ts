// npm run bench:queue: ingest throughput of the queue with 1 and then 2 worker processes. For each, a
// fresh database, BENCH_ARTICLES BBC articles (default all 2,225) enqueued, then the workers started;
// the time from their start until the queue is empty gives articles/s. Merged into bench/results.json
// under "queue" (other sections left as they are) with the machine's load. Settings: BENCH_ADMIN_URL
// (default the local PostgreSQL), BENCH_ARTICLES, BENCH_WORKER_BATCH (default 50).
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusDir, loadConfig } from '../src/config.ts';
import type { RawArticle } from '../src/ingest/types.ts';
import { readSources } from '../src/pipeline/read-sources.ts';
import { openIngestQueue, QUEUE_SCHEMA } from '../src/queue/ingest-queue.ts';
import { createFreshDatabase, dropDatabase, withClient } from './database.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ADMIN = process.env.BENCH_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1e9);
const BATCH = process.env.BENCH_WORKER_BATCH ?? '50';
const OUT = process.env.BENCH_OUT ?? path.join(ROOT, 'bench/results.json');

async function articles(): Promise<RawArticle[]> {
  const out: RawArticle[] = [];
  for await (const s of readSources([path.join(corpusDir() ?? '../shared/corpus', 'bbc.jsonl')])) {
    if (s.ok) out.push(s.article);
    if (out.length >= ARTICLES) break;
  }
  return out;
}

async function pending(url: string): Promise<number> {
  return withClient(url, async (c) => Number((await c.query(`SELECT count(*) AS n FROM ${QUEUE_SCHEMA}.job WHERE state IN ('created', 'retry', 'active')`)).rows[0].n));
}

/** Seconds for `workers` processes to empty a queue of `raws`, on a fresh database. */
async function run(workers: number, raws: RawArticle[]): Promise<{ workers: number; articles: number; seconds: number; articlesPerSecond: number }> {
  const name = `newsgraph_bench_queue_${process.pid}`;
  const url = await createFreshDatabase(ADMIN, name);
  const children: ChildProcess[] = [];
  try {
    const queue = await openIngestQueue(url, loadConfig().queue, { supervise: false });
    await queue.enqueue(raws);
    await queue.stop();
    const started = performance.now();
    for (let i = 0; i < workers; i++) {
      const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', INGEST_SEEDS: 'false' };
      children.push(spawn(process.execPath, ['--import', 'tsx', 'src/cli/worker.ts', '--batch', BATCH, '--concurrency', '2'], { cwd: ROOT, env, stdio: 'inherit' }));
    }
    while ((await pending(url)) > 0) await new Promise((r) => setTimeout(r, 250));
    const seconds = (performance.now() - started) / 1000;
    return { workers, articles: raws.length, seconds: Math.round(seconds * 10) / 10, articlesPerSecond: Math.round(raws.length / seconds) };
  } finally {
    for (const c of children) c.kill('SIGKILL');
    await dropDatabase(ADMIN, name);
  }
}

const raws = await articles();
const load = os.loadavg()[0];
const runs = [];
for (const workers of [1, 2]) {
  const r = await run(workers, raws);
  console.log(`${workers} worker(s): ${r.articles} articles in ${r.seconds} s = ${r.articlesPerSecond} articles/s`);
  runs.push(r);
}
const results = fs.existsSync(OUT) ? JSON.parse(fs.readFileSync(OUT, 'utf8')) : {};
results.queue = { date: new Date().toISOString(), load: Math.round(load * 100) / 100, loadAfter: Math.round(os.loadavg()[0] * 100) / 100, cpus: os.availableParallelism(), batch: Number(BATCH), concurrency: 2, runs };
fs.writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
console.log(`merged into ${path.relative(process.cwd(), OUT)} under "queue"`);
