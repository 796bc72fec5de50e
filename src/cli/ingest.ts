import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import cliProgress from 'cli-progress';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import type { RawArticle } from '../ingest/types.ts';
import { openIngestQueue } from '../queue/ingest-queue.ts';
import { emptyStats, ingestArticles, type IngestStats, type IngestSummary } from '../pipeline/ingest-articles.ts';
import { readSources } from '../pipeline/read-sources.ts';
import { parseCliArgs } from './cli-args.ts';

function printSummary(s: IngestSummary, seconds: number, stats: IngestStats): void {
  const rows: [string, string][] = [
    ['articles', `${s.articles.created} created, ${s.articles.updated} updated, ${s.articles.duplicates} skipped duplicates, ${s.articles.failed} failed`],
    ['people', `${s.people.created} created, ${s.people.updated} updated`],
    ['organizations', `${s.organizations.created} created, ${s.organizations.updated} updated`],
    ['places', `${s.places.created} created, ${s.places.updated} updated`],
    ['events', `${s.events.created} created, ${s.events.updated} updated`],
    ['statements', `${s.statements} created`],
    ['time', `${seconds.toFixed(1)} s (${stats.workers} worker(s), ${stats.batchSize} per transaction)`],
    ['stages', `parse ${(stats.parseMs / 1000).toFixed(1)} s, extract ${(stats.extractMs / 1000).toFixed(1)} s, resolve ${(stats.resolveMs / 1000).toFixed(1)} s, persist ${(stats.persistMs / 1000).toFixed(1)} s`],
  ];
  console.log('\nIngest summary');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(14)} ${v}`);
  if (s.errors.length) {
    console.log(`\n${s.errors.length} problem(s):`);
    for (const e of s.errors.slice(0, 50)) console.log(`  ${e.origin}: ${e.message}`);
    if (s.errors.length > 50) console.log(`  ... and ${s.errors.length - 50} more`);
  }
}

const USAGE = 'usage: npm run ingest -- [--workers N] [--batch N] [--enqueue] <files or directories> (.txt/.html articles, .jsonl corpora)\n  --enqueue: queue the articles for `npm run worker` instead of ingesting them here';

// Defaults: parse+extract on all cores but one (the ordered stages and PostgreSQL need the rest),
// 200 new articles per transaction: a batch upserts each entity once however many of its articles
// name it, so bigger batches save PostgreSQL rewriting the same popular rows (measured on this 2-core
// VM: BBC 6.1–6.6 s at 50 → 5.2–6.1 s at 200, Reuters 32.7 → 25.7 s, PostgreSQL CPU −20 %); a batch
// that fails is retried one article at a time. --workers 0 --batch 1 is the one-article-at-a-time pipeline.
const DEFAULT_BATCH = 200;
const defaultWorkers = () => Math.max(1, os.availableParallelism() - 1);

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseCliArgs(process.argv.slice(2), { ints: { workers: 0, batch: 1 }, switches: ['enqueue'] });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const { inputs, ints: flags } = parsed;
  if (inputs.length === 0) {
    console.error(USAGE);
    process.exit(2);
  }
  // A mistyped argument stops the run before it starts; bad entries inside a directory are reported one by one.
  const missing = inputs.find((input) => !fs.existsSync(input));
  if (missing !== undefined) {
    console.error(`ingest failed: No such file or directory: ${missing}`);
    process.exit(1);
  }
  const config = loadConfig();
  const db = await openDatabase(config);
  if (parsed.switches.has('enqueue')) return enqueueSources(db, config, inputs);
  const bar = new cliProgress.SingleBar({ format: 'ingest [{bar}] {value} articles | {origin}', hideCursor: true, noTTYOutput: false, etaBuffer: 50 }, cliProgress.Presets.shades_classic);
  const interactive = process.stdout.isTTY;
  if (interactive) bar.start(0, 0, { origin: '' });
  const started = Date.now();
  const stats = emptyStats();
  try {
    const summary = await ingestArticles(db.writer, readSources(inputs), {
      workers: flags.get('workers') ?? defaultWorkers(),
      batchSize: flags.get('batch') ?? DEFAULT_BATCH,
      stats,
      onProgress: (p) => {
        if (interactive) {
          bar.setTotal(p.done);
          bar.update(p.done, { origin: p.origin.length > 60 ? `…${p.origin.slice(-59)}` : p.origin });
        } else if (p.done % 500 === 0) console.log(`  ${p.done} articles processed`);
      },
    });
    if (interactive) bar.stop();
    printSummary(summary, (Date.now() - started) / 1000, stats);
    process.exitCode = summary.articles.failed > 0 ? 1 : 0;
  } catch (error) {
    if (interactive) bar.stop();
    console.error(`\ningest stopped: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}

/** --enqueue: every readable article becomes a queue job; unreadable entries are reported here. */
async function enqueueSources(db: OpenDatabase, config: Config, inputs: string[]): Promise<void> {
  const queue = await openIngestQueue(db.url, config.queue, { supervise: false });
  let queued = 0;
  const problems: string[] = [];
  try {
    let chunk: RawArticle[] = [];
    const flush = async () => {
      queued += (await queue.enqueue(chunk)).length;
      chunk = [];
    };
    for await (const item of readSources(inputs)) {
      if (!item.ok) problems.push(`${item.origin}: ${item.error}`);
      else chunk.push(item.article);
      if (chunk.length === 500) await flush();
    }
    await flush();
    console.log(`enqueued ${queued} article(s); \`npm run worker\` ingests them`);
    for (const p of problems) console.log(`  not enqueued: ${p}`);
    process.exitCode = problems.length ? 1 : 0;
  } catch (error) {
    console.error(`enqueue stopped after ${queued} article(s): ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await queue.stop();
    await db.close();
  }
}

// Exit explicitly: after a database outage a dead connection can keep the event loop busy (or let
// it drain with the wrong status), and a CLI must end with its real exit code.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(`ingest failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
