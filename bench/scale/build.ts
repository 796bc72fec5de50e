import pg from 'pg';
import { pgWriter, type Writer } from '../../src/db/writer.ts';
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

interface Progress {
  created: number;
  updated: number;
  duplicates: number;
  variants: number;
  /** (articles stored, seconds of writing) after each batch. */
  marks: { n: number; t: number }[];
}

/** Writes batches from the feed until `target` articles are stored or `maxSeconds` have passed. */
async function writeFeed(writer: Writer, feed: ReturnType<typeof variants>, options: { target: number; batchSize: number; maxSeconds: number | null; log: (line: string) => void }): Promise<Progress> {
  const p: Progress = { created: 0, updated: 0, duplicates: 0, variants: 0, marks: [{ n: 0, t: 0 }] };
  const started = performance.now();
  const elapsed = () => p.marks[p.marks.length - 1].t;
  let nextLog = 0;
  while (p.created < options.target && (options.maxSeconds === null || elapsed() < options.maxSeconds)) {
    const batch: Extracted[] = [];
    while (batch.length < Math.min(options.batchSize, options.target - p.created)) {
      const item = feed.next().value!;
      // Only sources with nothing to rename repeat themselves; a corpus of only those never gets anywhere.
      if (item.variant > 10_000) throw new Error('the variants of these sources are all duplicates');
      p.variants = Math.max(p.variants, item.variant + 1);
      batch.push(item);
    }
    const r = await writeExtracted(writer, batch);
    p.created += r.created;
    p.updated += r.updated;
    p.duplicates += r.duplicates;
    p.marks.push({ n: p.created, t: (performance.now() - started) / 1000 });
    if (p.created >= nextLog) {
      options.log(`  ${p.created} articles (variant ${p.variants - 1}) in ${elapsed().toFixed(0)} s: ${(p.created / elapsed()).toFixed(0)} articles/s`);
      nextLog += Math.max(1000, Math.round(options.target / 20));
    }
  }
  return p;
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
  let p: Progress;
  try {
    p = await writeFeed(pgWriter(pool), variants(sources, words), { target, batchSize: options.batchSize, maxSeconds: options.maxWriteSeconds, log });
  } finally {
    await pool.end();
  }
  const ingest = sliceRates(p.marks, p.created);
  const complete = p.created >= target;
  const end = p.marks[p.marks.length - 1].t;
  const projectedWriteSeconds = complete ? null : Math.round(end + (target - p.created) / Math.max(ingest.lastSliceArticlesPerSecond, 0.1));
  if (!complete) log(`stopped at the time limit with ${p.created} of ${target} articles after ${Math.round(end)} s; at the last tenth's ${ingest.lastSliceArticlesPerSecond} articles/s the whole write would take ${projectedWriteSeconds} s`);
  return {
    articles: p.created,
    target,
    complete,
    projectedWriteSeconds,
    sources: sources.length,
    variants: p.variants,
    duplicates: p.duplicates,
    updated: p.updated,
    extractSeconds: Math.round(extractSeconds),
    writeSeconds: Math.round(end),
    ingest,
  };
}
