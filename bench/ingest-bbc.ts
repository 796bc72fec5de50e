import os from 'node:os';
import path from 'node:path';
import { sampleCpu, summariseCpu } from './process-cpu.ts';

// The benchmark's ingest phase for BBC alone, as `npm run bench` runs it (a fresh migrated database,
// one child process, cores - 1 extraction threads, 200 articles per transaction), so that two checkouts
// can be measured side by side in the same minutes. Prints the run's figures as JSON, with the CPU
// seconds of the ingest process's threads and of its PostgreSQL backends (sampled from /proc).
// npx tsx bench/ingest-bbc.ts [ROOT] (ROOT: the checkout whose bench and src run; default this one).
// Env: NEWSGRAPH_CORPUS_DIR (default ../shared/corpus beside this checkout), BENCH_ADMIN_URL (default local postgres), BENCH_DATABASE (created and dropped), BENCH_WORKERS, BENCH_BATCH.
const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
process.chdir(root); // its migrations and its tsx
const { runIngest } = await import(path.join(root, 'bench/ingest-phase.ts'));
const { createFreshDatabase, dropDatabase } = await import(path.join(root, 'bench/database.ts'));
const admin = process.env.BENCH_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const name = process.env.BENCH_DATABASE || `newsgraph_ingest_bbc_${process.pid}`;
const url = await createFreshDatabase(admin, name);
try {
  const workers = Number(process.env.BENCH_WORKERS ?? Math.max(1, os.availableParallelism() - 1));
  const batchSize = Number(process.env.BENCH_BATCH ?? 200);
  const sampler = sampleCpu(name);
  const run = await runIngest({ corpus: 'bbc', mode: 'fast', databaseUrl: url, files: [path.join(process.env.NEWSGRAPH_CORPUS_DIR ?? path.resolve(import.meta.dirname, '../../shared/corpus'), 'bbc.jsonl')], limit: null, workers, batchSize, cpus: os.availableParallelism() });
  const cpuSeconds = summariseCpu(sampler.stop());
  console.log(JSON.stringify({ root, articlesPerSecond: run.articlesPerSecond, wallSeconds: run.wallSeconds, stageSeconds: run.stageSeconds, cpuSeconds, stored: run.articles.created + run.articles.updated, statements: run.statements, peakRssMb: run.peakRssMb }));
} finally {
  await dropDatabase(admin, name);
}
