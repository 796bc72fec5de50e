import { spawn } from 'node:child_process';
import path from 'node:path';
import type { IngestStats } from '../src/pipeline/ingest-articles.ts';

export interface IngestRun {
  corpus: string;
  mode: string;
  workers: number;
  batchSize: number;
  records: number;
  articles: { created: number; updated: number; duplicates: number; failed: number };
  statements: number;
  wallSeconds: number;
  /** Records (articles, duplicates and unusable records alike) per second of the ingest. */
  recordsPerSecond: number;
  /** Stored articles (created + updated) per second. */
  articlesPerSecond: number;
  articlesPerSecondPerCore: number;
  /** Seconds per stage; parse and extract summed over worker threads (they overlap the rest). */
  stageSeconds: { parse: number; extract: number; resolve: number; persist: number };
  transactions: number;
  fallbacks: number;
  peakRssMb: number;
}

const ROOT = path.resolve(import.meta.dirname, '..');

/** Ingests `files` (the first `limit` records of each) into `databaseUrl` in a child process. */
export async function runIngest(options: { corpus: string; mode: string; databaseUrl: string; files: string[]; limit: number | null; workers: number; batchSize: number; cpus: number }): Promise<IngestRun> {
  const job = { databaseUrl: options.databaseUrl, files: options.files, limit: options.limit, workers: options.workers, batchSize: options.batchSize };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/ingest-child.ts')], { cwd: ROOT, env: { ...process.env, BENCH_INGEST: JSON.stringify(job) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const line = out.split('\n').find((l) => l.startsWith('BENCH_INGEST_RESULT '));
  if (code !== 0 || !line) throw new Error(`ingest of ${options.corpus} failed (exit ${code}):\n${out.slice(-4000)}`);
  const r = JSON.parse(line.slice('BENCH_INGEST_RESULT '.length)) as { records: number; articles: IngestRun['articles']; statements: number; stats: IngestStats; wallMs: number; peakRssMb: number };
  const seconds = r.wallMs / 1000;
  const stored = r.articles.created + r.articles.updated;
  const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    corpus: options.corpus,
    mode: options.mode,
    workers: options.workers,
    batchSize: options.batchSize,
    records: r.records,
    articles: r.articles,
    statements: r.statements,
    wallSeconds: round(seconds, 2),
    recordsPerSecond: round(r.records / seconds),
    articlesPerSecond: round(stored / seconds),
    articlesPerSecondPerCore: round(stored / seconds / options.cpus),
    stageSeconds: { parse: round(r.stats.parseMs / 1000, 2), extract: round(r.stats.extractMs / 1000, 2), resolve: round(r.stats.resolveMs / 1000, 2), persist: round(r.stats.persistMs / 1000, 2) },
    transactions: r.stats.transactions,
    fallbacks: r.stats.fallbacks,
    peakRssMb: r.peakRssMb,
  };
}
