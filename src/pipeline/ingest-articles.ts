import { pgPoolOf, type Db } from '../db/prisma-client.ts';
import { withPgTransaction } from '../db/pg-transaction.ts';
import type { Sql } from '../db/sql.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { EXTRACTOR_VERSION } from '../extract/version.ts';
import { addToIndex, forgetIndexCache, resolveExtraction } from '../resolve/resolve-extraction.ts';
import type { EntityIndex, ResolvedExtraction } from '../resolve/types.ts';
import { loadEntityIndex } from './load-entity-index.ts';
import { mergeSameNames } from './merge-same-names.ts';
import { articleNaturalKey } from './natural-key.ts';
import { persistArticle, prismaSql, type PersistCounts, type PersistResult } from './persist-article.ts';
import { persistBatch, type BatchArticle } from './persist-batch.ts';
import { prepareInOrder, type Prepared } from './prepare.ts';
import type { SourceItem } from './read-sources.ts';

export interface IngestSummary {
  articles: { created: number; updated: number; duplicates: number; failed: number };
  people: { created: number; updated: number };
  organizations: { created: number; updated: number };
  places: { created: number; updated: number };
  events: { created: number; updated: number };
  statements: number;
  errors: { origin: string; message: string }[];
}

export interface IngestProgress {
  origin: string;
  outcome: 'created' | 'updated' | 'duplicate' | 'failed';
  done: number;
}

export function emptySummary(): IngestSummary {
  return {
    articles: { created: 0, updated: 0, duplicates: 0, failed: 0 },
    people: { created: 0, updated: 0 },
    organizations: { created: 0, updated: 0 },
    places: { created: 0, updated: 0 },
    events: { created: 0, updated: 0 },
    statements: 0,
    errors: [],
  };
}

function addCounts(summary: IngestSummary, counts: PersistCounts): void {
  for (const k of ['people', 'organizations', 'places', 'events'] as const) {
    summary[k].created += counts[k].created;
    summary[k].updated += counts[k].updated;
  }
  summary.statements += counts.statements;
}

/** Errors from the database itself abort the batch: going on would only fail every next article. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

function isConnectionError(error: unknown): boolean {
  const text = `${(error as Error)?.name ?? ''} ${(error as Error)?.message ?? ''} ${(error as { code?: string })?.code ?? ''}`;
  // Prisma's raw queries report a lost server as "Can't reach database server" with code N/A.
  return /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|terminating connection|DatabaseNotReachable|Can't reach database server|57P01|57P03|08006|08001|P1001|P1017/i.test(text);
}

/**
 * Where the time of an ingest went, in milliseconds. Parse and extract are summed over the threads
 * that ran them (with workers they overlap each other and the ordered stages); resolve and persist
 * run in order on the calling thread (persist: inside the database transactions, merge included).
 */
export interface IngestStats {
  parseMs: number;
  extractMs: number;
  resolveMs: number;
  persistMs: number;
  /** Wall-clock time of the whole call. */
  wallMs: number;
  /** Database transactions committed or attempted. */
  transactions: number;
  /** Batches that could not be stored whole and were retried one article at a time. */
  fallbacks: number;
  workers: number;
  batchSize: number;
}

export function emptyStats(): IngestStats {
  return { parseMs: 0, extractMs: 0, resolveMs: 0, persistMs: 0, wallMs: 0, transactions: 0, fallbacks: 0, workers: 0, batchSize: 1 };
}

export interface IngestOptions {
  onProgress?: (p: IngestProgress) => void;
  index?: EntityIndex;
  /**
   * Threads that parse and extract ahead of the ordered stages (default 0: on this thread). Resolve and
   * persist stay in source order on this thread, so the graph is the same for any value.
   */
  workers?: number;
  /**
   * New articles written per transaction (default 1). A batch is written whole or not at all, so an
   * interruption still leaves every article whole or absent; the graph is the same for any value.
   */
  batchSize?: number;
  /** Filled with stage timings (see IngestStats). */
  stats?: IngestStats;
}

const TX = { timeout: 60_000, maxWait: 30_000 };

/**
 * Saves what `addToIndex` can change (list lengths, alias lists, event facts) so that the articles of
 * a batch that failed to store can be taken out of the index again.
 */
function snapshotIndex(index: EntityIndex): () => void {
  const lists = [index.people, index.organizations, index.places];
  const lengths = lists.map((l) => l.length);
  const aliasLengths = lists.map((l) => l.map((k) => k.aliases.length));
  const events = index.events.map((e) => ({ e, participants: e.participantNames.length, placeName: e.placeName, startDate: e.startDate, endDate: e.endDate }));
  return () => {
    lists.forEach((list, i) => {
      list.length = lengths[i];
      list.forEach((k, j) => (k.aliases.length = aliasLengths[i][j]));
    });
    index.events.length = events.length;
    for (const s of events) Object.assign(s.e, { placeName: s.placeName, startDate: s.startDate, endDate: s.endDate }).participantNames.length = s.participants;
    forgetIndexCache(index);
  };
}

/**
 * parse → extract → resolve → persist for each source. A bad article is reported and skipped; an
 * unreachable database stops the batch with a clear error (every article already committed stays;
 * re-running completes the rest).
 *
 * With `workers`, parse and extract run ahead on other threads; with `batchSize`, several new articles
 * share one transaction and one statement per table. Resolution stays in source order and every
 * outcome (graph, counts, errors, progress order) is what the one-by-one run produces: corrections
 * and failures fall back to the one-article path.
 */
export async function ingestArticles(
  db: Db,
  sources: AsyncIterable<SourceItem> | Iterable<SourceItem>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const stats = options.stats ?? emptyStats();
  const workers = Math.max(0, Math.floor(options.workers ?? 0));
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1));
  Object.assign(stats, { workers, batchSize });
  const summary = emptySummary();
  const index = options.index ?? (await loadEntityIndex(db));
  const known = new Set((await db.article.findMany({ select: { contentHash: true } })).map((a) => a.contentHash));
  let done = 0;
  const report = (origin: string, outcome: IngestProgress['outcome']) => options.onProgress?.({ origin, outcome, done: ++done });
  const failed = (origin: string, message: string) => {
    summary.articles.failed += 1;
    summary.errors.push({ origin, message });
    report(origin, 'failed');
  };
  const stored = (origin: string, result: PersistResult) => {
    if (result.outcome === 'duplicate') {
      summary.articles.duplicates += 1;
    } else {
      summary.articles[result.outcome] += 1;
      addCounts(summary, result.counts);
    }
    report(origin, result.outcome);
  };
  // One line: Prisma's messages run over several ("Invalid `prisma.$queryRawUnsafe()` invocation: …").
  const unavailable = (origin: string, error: unknown) =>
    new DatabaseUnavailableError(`Database unavailable while ingesting ${origin}: ${(error as Error).message.replace(/\s+/g, ' ').trim()}. Articles committed so far are kept; re-run the ingest to complete the rest.`);
  const resolve = (p: Prepared & { kind: 'parsed' }): ResolvedExtraction => {
    const t = performance.now();
    try {
      return resolveExtraction(p.parsed, p.extraction!, index);
    } finally {
      stats.resolveMs += performance.now() - t;
    }
  };
  const transaction = async <T>(fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> => {
    const t = performance.now();
    stats.transactions += 1;
    try {
      return await db.$transaction(fn, TX);
    } finally {
      stats.persistMs += performance.now() - t;
    }
  };

  // The batch path writes through pg directly when the client has a pool of ours (see withPgTransaction).
  const bulkPool = pgPoolOf(db);
  const batchTransaction = async <T>(fn: (sql: Sql) => Promise<T>): Promise<T> => {
    if (!bulkPool) return transaction((tx) => fn(prismaSql(tx)));
    const t = performance.now();
    stats.transactions += 1;
    try {
      return await withPgTransaction(bulkPool, fn, { timeoutMs: TX.timeout });
    } finally {
      stats.persistMs += performance.now() - t;
    }
  };

  /** The one-article path: its own transaction. */
  async function ingestOne(p: Prepared): Promise<void> {
    if (p.kind === 'failed') return failed(p.origin, p.error);
    const { origin, parsed } = p;
    if (known.has(parsed.contentHash)) {
      summary.articles.duplicates += 1;
      report(origin, 'duplicate');
      return;
    }
    let resolved: ResolvedExtraction;
    try {
      if (p.extractError !== null) throw new Error(p.extractError);
      resolved = resolve(p);
    } catch (error) {
      return failed(origin, (error as Error).message);
    }
    let result: PersistResult;
    try {
      result = await transaction((tx) => persistArticle(tx, parsed, resolved, { extractorVersion: EXTRACTOR_VERSION, origin }));
    } catch (error) {
      if (isConnectionError(error)) throw unavailable(origin, error);
      return failed(origin, `could not store: ${(error as Error).message}`);
    }
    known.add(parsed.contentHash);
    if (result.outcome !== 'duplicate') addToIndex(index, parsed, resolved);
    stored(origin, result);
  }

  type Step = { p: Prepared; then: 'failed' | 'duplicate'; message?: string } | { p: Prepared & { kind: 'parsed' }; then: 'store'; article: BatchArticle };

  /** Writes the steps' new articles in one transaction, then reports every step in order. */
  async function commit(steps: Step[], undo: { restoreIndex: () => void; knownAdded: string[] }): Promise<void> {
    const batch = steps.filter((s): s is Step & { then: 'store' } => s.then === 'store');
    let results: PersistResult[] = [];
    if (batch.length > 0) {
      try {
        results = await batchTransaction((sql) => persistBatch(sql, batch.map((s) => s.article), EXTRACTOR_VERSION));
      } catch (error) {
        if (isConnectionError(error)) throw unavailable(batch[0].p.origin, error);
        // Something in the batch cannot be stored: forget the batch, then go article by article so
        // that exactly the articles that fail alone are reported (and left out of the index).
        stats.fallbacks += 1;
        undo.restoreIndex();
        for (const h of undo.knownAdded) known.delete(h);
        for (const s of steps) await ingestOne(s.p);
        return;
      }
    }
    let i = 0;
    for (const s of steps) {
      if (s.then === 'store') stored(s.p.origin, results[i++]);
      else if (s.then === 'duplicate') {
        summary.articles.duplicates += 1;
        report(s.p.origin, 'duplicate');
      } else failed(s.p.origin, s.message!);
    }
  }

  /** Decides, in order, what happens to each prepared source of a batch; resolves and stores the new articles together. */
  async function ingestBatch(items: Prepared[]): Promise<void> {
    const parsed = items.filter((p): p is Prepared & { kind: 'parsed' } => p.kind === 'parsed');
    // Stored content (duplicates) and stored stories (corrections) as of now, in one query.
    let inDb: { natural_key: string; content_hash: string }[] = [];
    if (parsed.length) {
      try {
        inDb = await db.$queryRawUnsafe(
          `SELECT natural_key, content_hash FROM article WHERE natural_key IN (SELECT jsonb_array_elements_text($1::jsonb)) OR content_hash IN (SELECT jsonb_array_elements_text($2::jsonb))`,
          JSON.stringify(parsed.map((p) => articleNaturalKey(p.parsed))),
          JSON.stringify(parsed.map((p) => p.parsed.contentHash)),
        );
      } catch (error) {
        if (isConnectionError(error)) throw unavailable(parsed[0].origin, error);
        throw error;
      }
    }
    const storedHashes = new Set(inDb.map((r) => r.content_hash));
    const storedKeys = new Set(inDb.map((r) => r.natural_key));
    let steps: Step[] = [];
    let restoreIndex = snapshotIndex(index);
    let knownAdded: string[] = [];
    const batchKeys = new Set<string>();
    for (const p of items) {
      if (p.kind === 'failed') {
        steps.push({ p, then: 'failed', message: p.error });
        continue;
      }
      const hash = p.parsed.contentHash;
      if (known.has(hash)) {
        steps.push({ p, then: 'duplicate' });
        continue;
      }
      if (p.extractError !== null) {
        steps.push({ p, then: 'failed', message: p.extractError });
        continue;
      }
      const key = articleNaturalKey(p.parsed);
      if (!storedHashes.has(hash) && (storedKeys.has(key) || batchKeys.has(key))) {
        // A correction of a stored story: store what came before, then this one on its own.
        await commit(steps, { restoreIndex, knownAdded });
        await ingestOne(p);
        steps = [];
        restoreIndex = snapshotIndex(index);
        knownAdded = [];
        continue;
      }
      let resolved: ResolvedExtraction;
      try {
        resolved = resolve(p);
      } catch (error) {
        steps.push({ p, then: 'failed', message: (error as Error).message });
        continue;
      }
      known.add(hash);
      knownAdded.push(hash);
      if (storedHashes.has(hash)) {
        steps.push({ p, then: 'duplicate' });
        continue;
      }
      addToIndex(index, p.parsed, resolved);
      batchKeys.add(key);
      steps.push({ p, then: 'store', article: { parsed: p.parsed, resolved: mergeSameNames(resolved), origin: p.origin } });
    }
    await commit(steps, { restoreIndex, knownAdded });
  }

  const times = { parseMs: 0, extractMs: 0 };
  try {
    let pending: Prepared[] = [];
    for await (const p of prepareInOrder(sources, { workers, times, ahead: Math.max(256, 3 * batchSize) })) {
      if (batchSize === 1) {
        await ingestOne(p);
        continue;
      }
      pending.push(p);
      if (pending.length >= batchSize) {
        await ingestBatch(pending);
        pending = [];
      }
    }
    if (pending.length) await ingestBatch(pending);
  } finally {
    stats.parseMs += times.parseMs;
    stats.extractMs += times.extractMs;
    stats.wallMs += performance.now() - started;
  }
  return summary;
}
