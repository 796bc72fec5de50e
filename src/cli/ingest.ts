import fs from 'node:fs';
import os from 'node:os';
import { startExtractionThreads } from '../pipeline/prepare.ts';
import { parseCliArgs } from './cli-args.ts';
import { useColdPassV8Flags } from './cold-pass-flags.ts';

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
  const enqueue = parsed.switches.has('enqueue');
  // The extraction threads start before anything else is loaded: their first second (loading the
  // extraction modules and models) then overlaps this thread loading the writer's modules and opening
  // the database, which is why those come by a dynamic import after this line.
  if (!enqueue) useColdPassV8Flags();
  const threads = enqueue ? [] : startExtractionThreads(flags.get('workers') ?? defaultWorkers());
  const run = await import('./ingest-run.ts');
  if (enqueue) return run.enqueueSources(inputs);
  return run.ingestSources(inputs, { threads, batchSize: flags.get('batch') ?? DEFAULT_BATCH });
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
