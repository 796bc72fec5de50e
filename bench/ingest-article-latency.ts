/**
 * `ingestArticle` latency and memory over consecutive calls on an existing database:
 *   NEWSGRAPH_DATA_DIR=... NEWSGRAPH_PG_PORT=... npx tsx bench/ingest-article-latency.ts [calls] [run-tag]
 * Each call ingests a BBC article under a new URL with a tag line (a new story whose names are the
 * graph's own), through the service the mutation calls. Prints p50/p99 and RSS before/after.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { ingestArticleText } from '../src/services/editor.ts';

const calls = Number(process.argv[2] ?? 200);
const tag = process.argv[3] ?? String(Date.now());
const lines = fs.readFileSync('/work/shared/corpus/bbc.jsonl', 'utf8').split('\n').filter(Boolean).slice(0, calls);
const db = await openDatabase(loadConfig());
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
try {
  const times: number[] = [];
  const rssBefore = process.memoryUsage().rss;
  for (const [i, line] of lines.entries()) {
    const a = JSON.parse(line) as { title?: string; body?: string; text?: string };
    const text = `${a.body ?? a.text ?? ''}\n\nBenchmark copy ${tag}-${i}.`;
    const t = performance.now();
    const r = await ingestArticleText(db.writer, { text, title: a.title ?? null, source: 'Bench Wire', url: `https://bench.test/${tag}/${i}` });
    times.push(performance.now() - t);
    if (r.outcome !== 'CREATED') throw new Error(`call ${i}: ${r.outcome}`);
  }
  const rssAfter = process.memoryUsage().rss;
  const mb = (b: number) => Math.round(b / 1e6);
  console.log(JSON.stringify({ calls: times.length, p50Ms: Math.round(quantile(times, 0.5)), p99Ms: Math.round(quantile(times, 0.99)), maxMs: Math.round(Math.max(...times)), rssBeforeMb: mb(rssBefore), rssAfterMb: mb(rssAfter), rssGrowthMb: mb(rssAfter - rssBefore) }));
} finally {
  await db.close();
}
