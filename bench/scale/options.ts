import path from 'node:path';
import { corpusDir } from '../../src/config.ts';
import { scaleDir } from './dump.ts';

export interface ScaleOptions {
  articles: number;
  batchSize: number;
  /** Distinct sources to derive variants from (default: all); small values for tests. */
  sourceLimit: number | null;
  durationSeconds: number;
  warmupSeconds: number;
  concurrencies: number[];
  adminUrl: string;
  database: string;
  dir: string;
  corpusDir: string;
  out: string;
  /** Only build (or restore) the database, measure nothing. */
  buildOnly: boolean;
  /** Articles the ingest pipeline writes; the rest are SQL copies of them (null: the pipeline writes all). */
  pipelineArticles: number | null;
  /** Stop writing after this many minutes (the database is kept and measured as far as it got). */
  maxMinutes: number | null;
  /** Build again even if a dump is kept. */
  rebuild: boolean;
  /** Measure the database kept by an earlier `--keep-db` run as it is, if it holds the kept build (and whatever earlier runs ingested into it). */
  reuseDatabase: boolean;
  keepDatabase: boolean;
  /** Measure only these reads (and `ingestArticle` if named); null: all of them. */
  only: string[] | null;
}

/** The corpus once (22,192 distinct texts, a few duplicates): what the pipeline writes before the copies. */
export const PIPELINE_ARTICLES = 22_000;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function count(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got "${raw}"`);
  return n;
}

/**
 * `npm run bench:scale -- [--articles 500000] [--duration 10] [--warmup 2] [--concurrency 1,8]
 * [--batch 200] [--sources N] [--database scale_bench] [--out bench/results.json] [--build-only] [--keep-db]
 * [--max-minutes M] [--pipeline N|all] [--rebuild] [--reuse-db] [--only read,read,ingestArticle]`;
 * NEWSGRAPH_SCALE_DIR keeps the dumps (default ~/.cache/newsgraph-scale).
 */
export function scaleOptions(args: string[], env: Record<string, string | undefined> = process.env): ScaleOptions {
  const dir = corpusDir(env);
  if (!dir) throw new Error('No corpus directory: set NEWSGRAPH_CORPUS_DIR');
  const sources = flag(args, 'sources');
  return {
    articles: count(flag(args, 'articles'), 'articles', 500_000),
    batchSize: Math.max(1, count(flag(args, 'batch'), 'batch', 200)),
    sourceLimit: sources === undefined ? null : count(sources, 'sources', 0),
    durationSeconds: count(flag(args, 'duration'), 'duration', 10),
    warmupSeconds: count(flag(args, 'warmup'), 'warmup', 2),
    concurrencies: (flag(args, 'concurrency') ?? '1,8').split(',').map(Number).filter((c) => c > 0),
    adminUrl: env.BENCH_ADMIN_URL || env.TEST_DATABASE_URL || env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres',
    database: flag(args, 'database') ?? 'scale_bench',
    dir: scaleDir(env),
    corpusDir: dir,
    out: flag(args, 'out') ?? path.join(import.meta.dirname, '..', 'results.json'),
    buildOnly: args.includes('--build-only'),
    maxMinutes: flag(args, 'max-minutes') === undefined ? null : count(flag(args, 'max-minutes'), 'max-minutes', 0),
    pipelineArticles: flag(args, 'pipeline') === 'all' ? null : count(flag(args, 'pipeline'), 'pipeline', PIPELINE_ARTICLES),
    rebuild: args.includes('--rebuild'),
    reuseDatabase: args.includes('--reuse-db'),
    keepDatabase: args.includes('--keep-db'),
    only: flag(args, 'only')?.split(',').filter(Boolean) ?? null,
  };
}
