import 'reflect-metadata';
import type { Worker } from 'node:worker_threads';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/open-database.ts';
import type { RawArticle } from '../ingest/types.ts';
import { emptyStats, ingestArticles, type IngestStats, type IngestSummary } from '../pipeline/ingest-articles.ts';
import { readSources } from '../pipeline/read-sources.ts';

// What `npm run ingest` does once its arguments are checked and its extraction threads started (ingest.ts).

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

/** Ingests `inputs` here: parse and extract on `threads` (none: on this thread), resolve and store in batches. */
export async function ingestSources(inputs: string[], options: { threads: Worker[]; batchSize: number }): Promise<void> {
  let db;
  try {
    db = await openDatabase(loadConfig());
  } catch (error) {
    await Promise.all(options.threads.map((t) => t.terminate()));
    throw error;
  }
  const bar = new cliProgress.SingleBar({ format: 'ingest [{bar}] {value} articles | {origin}', hideCursor: true, noTTYOutput: false, etaBuffer: 50 }, cliProgress.Presets.shades_classic);
  const interactive = process.stdout.isTTY;
  if (interactive) bar.start(0, 0, { origin: '' });
  const started = Date.now();
  const stats = emptyStats();
  try {
    const summary = await ingestArticles(db.writer, readSources(inputs), {
      threads: options.threads,
      batchSize: options.batchSize,
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
export async function enqueueSources(inputs: string[]): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  // pg-boss is loaded only for --enqueue.
  const { openIngestQueue } = await import('../queue/ingest-queue.ts');
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
