// One ingest run in a process of its own (so its peak RSS is its own), as bench/ingest-phase.ts starts it.
// Env BENCH_INGEST (JSON): { databaseUrl, files, limit, workers, batchSize }. Prints one line
// `BENCH_INGEST_RESULT {...}` with the summary, stage timings and peak RSS.
import { createWriter } from '../src/db/writer.ts';
import { emptyStats, ingestArticles } from '../src/pipeline/ingest-articles.ts';
import { readSources, type SourceItem } from '../src/pipeline/read-sources.ts';
import { useColdPassV8Flags } from '../src/cli/cold-pass-flags.ts';

// A bulk ingest is one cold pass, as `npm run ingest` makes it: the same V8 settings before the
// extraction threads start.
useColdPassV8Flags();

const job = JSON.parse(process.env.BENCH_INGEST!) as { databaseUrl: string; files: string[]; limit: number | null; workers: number; batchSize: number };

/** The first `limit` records of each file. */
async function* limited(files: string[], limit: number | null): AsyncGenerator<SourceItem> {
  for (const file of files) {
    let n = 0;
    for await (const item of readSources([file])) {
      if (limit !== null && n++ >= limit) break;
      yield item;
    }
  }
}

const db = createWriter(job.databaseUrl);
const stats = emptyStats();
let records = 0;
// Sample RSS too: maxRSS covers the whole process (worker threads included) but only since start.
let sampledPeak = 0;
const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss())), 100);
const started = performance.now();
const summary = await ingestArticles(db, limited(job.files, job.limit), { workers: job.workers, batchSize: job.batchSize, stats, onProgress: () => records++ });
const wallMs = performance.now() - started;
clearInterval(sampler);
await db.end();
const result = {
  records,
  articles: summary.articles,
  statements: summary.statements,
  people: summary.people,
  events: summary.events,
  errors: summary.errors.length,
  stats,
  wallMs,
  peakRssMb: Math.round(Math.max(process.resourceUsage().maxRSS / 1024, sampledPeak / 1024 / 1024)),
};
console.log(`BENCH_INGEST_RESULT ${JSON.stringify(result)}`);
process.exit(0);
