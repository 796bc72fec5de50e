/**
 * `ingestArticle` latency and memory over consecutive calls on an existing database:
 *   DATABASE_URL=... npx tsx bench/ingest-article-latency.ts [calls] [run-tag] [--prior N [--same]] [--rounds N | --cold]
 * Each call ingests a BBC article under a new URL with a tag line (a new story whose names are the
 * graph's own), through the service the mutation calls. Prints p50/p99 and memory.
 *
 * Warm-up, stated: like the API server (src/server/main.ts), the process first runs the start-up
 * warm-up (warmUpExtraction: invented articles, nothing stored), and RSS growth is counted from there.
 * `--rounds N` changes its rounds (WARM_UP_ROUNDS); `--cold` skips it (a process whose first request loads the models). `--prior N` first makes N calls
 * with other BBC articles (from the 1,001st on), as a server that has already served some ingests,
 * and counts the growth over the measured calls only. Under `node --expose-gc --import tsx` it also
 * reports what stays reachable after a full collection. BENCH_OUT=bench/results.json keeps the figures
 * there under "ingestArticleLatency", by the number of articles stored before the calls.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import { parseCliArgs } from '../src/cli/cli-args.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { warmUpExtraction } from '../src/pipeline/warm-up.ts';
import { ingestArticleText } from '../src/services/editor.ts';

const args = parseCliArgs(process.argv.slice(2), { ints: { prior: 0, rounds: 1 }, switches: ['cold', 'same'] });
const calls = Number(args.inputs[0] ?? 200);
const tag = args.inputs[1] ?? String(Date.now());
const prior = args.ints.get('prior') ?? 0;
const records = fs.readFileSync('/work/shared/corpus/bbc.jsonl', 'utf8').split('\n').filter(Boolean);
const measured = records.slice(0, calls);
// --same: the prior calls ingest the measured articles themselves (under other URLs), so the measured
// calls bring extraction's per-word cache no new word: what remains is what the rest of the pipeline keeps.
const earlier = args.switches.has('same') ? records.slice(0, prior) : records.slice(1000, 1000 + prior);
if (measured.length < calls || earlier.length < prior) throw new Error('not enough BBC records for these counts');
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const mb = (b: number) => Math.round(b / 1e6);
const gc = (globalThis as { gc?: () => void }).gc;
const memory = () => {
  const m = process.memoryUsage();
  // With node --expose-gc, also what stays reachable after a full collection (what the process keeps).
  gc?.();
  const kept = gc ? process.memoryUsage() : null;
  return { rss: m.rss, heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, kept };
};

const atStart = memory();
const db = await openDatabase(loadConfig());
try {
  const warmUpMs = args.switches.has('cold') ? null : Math.round(warmUpExtraction(args.ints.get('rounds')).ms);
  async function ingest(line: string, label: string): Promise<number> {
    const a = JSON.parse(line) as { title?: string; body?: string; text?: string };
    const text = `${a.body ?? a.text ?? ''}\n\nBenchmark copy ${tag}-${label}.`;
    const t = performance.now();
    const r = await ingestArticleText(db.writer, { text, title: a.title ?? null, source: 'Bench Wire', url: `https://bench.test/${tag}/${label}` });
    if (r.outcome !== 'CREATED') throw new Error(`call ${label}: ${r.outcome}`);
    return performance.now() - t;
  }
  for (const [i, line] of earlier.entries()) await ingest(line, `prior-${i}`);
  const before = memory();
  const times: number[] = [];
  for (const [i, line] of measured.entries()) times.push(await ingest(line, String(i)));
  const after = memory();
  const [{ articles }] = await db.sql.query<{ articles: number }>('SELECT count(*)::int AS articles FROM article');
  const result = {
    articlesBefore: articles - prior - calls,
    articlesAfter: articles,
    warmUpMs,
    priorCalls: prior,
    calls: times.length,
    firstMs: Math.round(times[0]),
    p50Ms: Math.round(quantile(times, 0.5)),
    p99Ms: Math.round(quantile(times, 0.99)),
    maxMs: Math.round(Math.max(...times)),
    slowestCalls: times.map((ms, i) => [i, Math.round(ms)]).sort((a, b) => b[1] - a[1]).slice(0, 5),
    rssAtStartMb: mb(atStart.rss),
    rssBeforeMb: mb(before.rss),
    rssAfterMb: mb(after.rss),
    rssGrowthMb: mb(after.rss - before.rss),
    heapUsedGrowthMb: mb(after.heapUsed - before.heapUsed),
    arrayBuffersGrowthMb: mb(after.arrayBuffers - before.arrayBuffers),
    ...(before.kept && after.kept ? { keptHeapGrowthMb: mb(after.kept.heapUsed - before.kept.heapUsed), keptArrayBuffersGrowthMb: mb(after.kept.arrayBuffers - before.kept.arrayBuffers) } : {}),
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
  console.log(JSON.stringify(result));
  // BENCH_OUT=bench/results.json: kept under "ingestArticleLatency", one entry per database size.
  if (process.env.BENCH_OUT) {
    const file = process.env.BENCH_OUT;
    const current = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, unknown> | undefined>) : {};
    const command = `npx tsx bench/ingest-article-latency.ts ${process.argv.slice(2).join(' ')}`.trim();
    const entry = { date: new Date().toISOString(), command, ...result };
    fs.writeFileSync(file, `${JSON.stringify({ ...current, ingestArticleLatency: { ...current.ingestArticleLatency, [String(result.articlesBefore)]: entry } }, null, 2)}\n`);
  }
} finally {
  await db.close();
}
