import pg from 'pg';
import { pgWriter } from '../../src/db/prisma-client.ts';
import { nameSwap, seededRandom } from './name-pool.ts';
import { extractSources, nameWords, type Source } from './sources.ts';
import { makeVariant, variantOf } from './variant.ts';
import { writeExtracted, type Extracted } from './write-ordered.ts';

export interface BuildReport {
  articles: number;
  /** Articles asked for; more than `articles` when the build stopped at its time limit. */
  target: number;
  complete: boolean;
  /** When stopped early: the whole build's projected seconds at the last tenth's rate. */
  projectedWriteSeconds: number | null;
  sources: number;
  variants: number;
  duplicates: number;
  updated: number;
  extractSeconds: number;
  writeSeconds: number;
  ingest: { firstSliceArticlesPerSecond: number; lastSliceArticlesPerSecond: number };
}

/** Per article of a variant, numbers move together (a story's figures stay consistent with each other). */
const factorFor = (variant: number, source: number) => (variant === 0 ? 1 : 0.8 + 0.4 * seededRandom(variant * 1_000_003 + source)());

/** Variant after variant of every source, in order: the archive grows as a feed would deliver it. */
function* variants(sources: Source[], words: string[]): Generator<Extracted & { variant: number }> {
  for (let v = 0; ; v++) {
    const base = makeVariant(v, nameSwap(v, words), 1);
    for (const [i, s] of sources.entries()) {
      const { parsed, extraction } = variantOf(s.parsed, s.extraction, { ...base, numberFactor: factorFor(v, i) });
      yield { origin: `${s.origin}~${v}`, parsed, extraction, variant: v };
    }
  }
}

/** Articles/s over the first and the last tenth of the build, from (articles stored, seconds) marks. */
export function sliceRates(marks: { n: number; t: number }[], total: number): BuildReport['ingest'] {
  const round = (x: number) => Math.round(x * 10) / 10;
  const first = marks.find((m) => m.n >= total * 0.1) ?? marks[marks.length - 1];
  const lastStart = marks.find((m) => m.n >= total * 0.9) ?? marks[0];
  const end = marks[marks.length - 1];
  return {
    firstSliceArticlesPerSecond: round(first.n / first.t),
    lastSliceArticlesPerSecond: round(end.t > lastStart.t ? (end.n - lastStart.n) / (end.t - lastStart.t) : 0),
  };
}

/** Fills the (migrated, empty) database with `target` articles: the corpus, then its variants. */
export async function buildScaleDatabase(options: { databaseUrl: string; corpusDir: string; target: number; batchSize: number; sourceLimit: number | null; maxWriteSeconds: number | null; log: (line: string) => void }): Promise<BuildReport> {
  const { log, target } = options;
  const t0 = performance.now();
  const sources = await extractSources(options.corpusDir, options.sourceLimit, log);
  if (sources.length === 0) throw new Error(`no usable sources in ${options.corpusDir}`);
  const words = nameWords(sources);
  log(`${words.length} name words to swap per variant`);
  const extractSeconds = (performance.now() - t0) / 1000;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  const writer = pgWriter(pool);
  const totals = { created: 0, updated: 0, duplicates: 0, variants: 0 };
  const marks: { n: number; t: number }[] = [{ n: 0, t: 0 }];
  const started = performance.now();
  let nextLog = 0;
  try {
    const feed = variants(sources, words);
    while (totals.created < target && (options.maxWriteSeconds === null || marks[marks.length - 1].t < options.maxWriteSeconds)) {
      const batch: Extracted[] = [];
      while (batch.length < Math.min(options.batchSize, target - totals.created)) {
        const item = feed.next().value!;
        totals.variants = Math.max(totals.variants, item.variant + 1);
        batch.push(item);
      }
      const r = await writeExtracted(writer, batch);
      totals.created += r.created;
      totals.updated += r.updated;
      totals.duplicates += r.duplicates;
      const t = (performance.now() - started) / 1000;
      marks.push({ n: totals.created, t });
      if (totals.created >= nextLog) {
        log(`  ${totals.created} articles (variant ${totals.variants - 1}) in ${t.toFixed(0)} s: ${(totals.created / t).toFixed(0)} articles/s`);
        nextLog += Math.max(1000, Math.round(target / 20));
      }
    }
  } finally {
    await pool.end();
  }
  const ingest = sliceRates(marks, totals.created);
  const complete = totals.created >= target;
  const end = marks[marks.length - 1].t;
  const projectedWriteSeconds = complete ? null : Math.round(end + (target - totals.created) / Math.max(ingest.lastSliceArticlesPerSecond, 0.1));
  if (!complete) log(`stopped at the time limit with ${totals.created} of ${target} articles after ${Math.round(end)} s; at the last tenth's ${ingest.lastSliceArticlesPerSecond} articles/s the whole write would take ${projectedWriteSeconds} s`);
  return {
    articles: totals.created,
    target,
    complete,
    projectedWriteSeconds,
    sources: sources.length,
    variants: totals.variants,
    duplicates: totals.duplicates,
    updated: totals.updated,
    extractSeconds: Math.round(extractSeconds),
    writeSeconds: Math.round(marks[marks.length - 1].t),
    ingest,
  };
}
