import type { Worker } from 'node:worker_threads';
import type { Db } from '../db/writer.ts';
import { EXTRACTOR_VERSION } from '../extract/version.ts';
import { publishStored } from '../feed/publish-feed.ts';
import { resolveArticle } from '../resolve/resolve-article.ts';
import type { EntityIndex } from '../resolve/types.ts';
import type { StoreArticle, StoreResult } from '../store/types.ts';
import { articleIdentity } from '../store/natural-key.ts';
import { storeArticles } from '../store/store-articles.ts';
import { DatabaseUnavailableError, isConnectionError } from './connection-lost.ts';
import { emptyStats, emptySummary, type IngestProgress, type IngestStats, type IngestSummary } from './ingest-summary.ts';
import { lookUpIndex } from './look-up-index.ts';
import type { Prepared } from './prepare-article.ts';
import { prepareInOrder } from './prepare.ts';
import type { SourceItem } from './read-sources.ts';

export { DatabaseUnavailableError } from './connection-lost.ts';
export { emptyStats, emptySummary, type IngestProgress, type IngestStats, type IngestSummary } from './ingest-summary.ts';

export interface IngestOptions {
  onProgress?: (p: IngestProgress) => void;
  /**
   * Threads that parse and extract ahead of the ordered stages (default 0: on this thread). Resolve and
   * store stay in source order on this thread, so the graph is the same for any value.
   */
  workers?: number;
  /** Extraction threads already started (startExtractionThreads), used in place of `workers` new ones; ended with the ingest. */
  threads?: Worker[];
  /**
   * Articles written per transaction (default 1). A batch is written whole or not at all, so an
   * interruption still leaves every article whole or absent; the graph is the same for any value.
   */
  batchSize?: number;
  /** Filled with stage timings (see IngestStats). */
  stats?: IngestStats;
}

/** What the ordered stage decided for one prepared source. */
type Step = { p: Prepared; then: 'failed'; message: string } | { p: Prepared; then: 'store'; article: StoreArticle };

/**
 * parse → extract → resolve → store for each source. A bad article is reported and skipped; an
 * unreachable database stops the run with a clear error (every batch already committed stays;
 * re-running completes the rest).
 *
 * With `workers`, parse and extract run ahead on other threads; every `batchSize` sources are resolved
 * in order and written by the store in one transaction. A batch that cannot be stored is retried one
 * article at a time, so that exactly the articles that fail alone are reported.
 */
export async function ingestArticles(db: Db, sources: AsyncIterable<SourceItem> | Iterable<SourceItem>, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const stats = options.stats ?? emptyStats();
  const workers = options.threads?.length ?? Math.max(0, Math.floor(options.workers ?? 0));
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1));
  Object.assign(stats, { workers, batchSize });
  const writer = db;
  const summary = emptySummary();
  let done = 0;
  const report = (origin: string, outcome: IngestProgress['outcome'], articleId?: number, error?: string) => options.onProgress?.({ origin, outcome, done: ++done, articleId, error });
  const unavailable = (origin: string, error: unknown) =>
    new DatabaseUnavailableError(`Database unavailable while ingesting ${origin}: ${(error as Error).message.replace(/\s+/g, ' ').trim()}. Articles committed so far are kept; re-run the ingest to complete the rest.`);

  function reportStep(s: Step, result?: StoreResult): void {
    if (s.then === 'failed') {
      summary.articles.failed += 1;
      summary.errors.push({ origin: s.p.origin, message: s.message });
      return report(s.p.origin, 'failed', undefined, s.message);
    }
    if (result!.outcome === 'duplicate') {
      summary.articles.duplicates += 1;
      return report(s.p.origin, 'duplicate', result!.articleId);
    }
    summary.articles[result!.outcome as 'created' | 'updated'] += 1;
    for (const k of ['people', 'organizations', 'places', 'events'] as const) {
      summary[k].created += result!.counts[k].created;
      summary[k].updated += result!.counts[k].updated;
    }
    summary.statements += result!.counts.statements;
    report(s.p.origin, result!.outcome, result!.articleId);
  }

  /** What of the stored graph the batch names: the nodes it may resolve to. */
  async function lookUp(items: Prepared[]): Promise<EntityIndex> {
    const parsed = items.filter((p): p is Prepared & { kind: 'parsed' } => p.kind === 'parsed');
    try {
      const t = performance.now();
      const index = await lookUpIndex(writer, parsed.flatMap((p) => (p.extraction ? [p.extraction] : [])));
      stats.resolveMs += performance.now() - t;
      return index;
    } catch (error) {
      if (isConnectionError(error)) throw unavailable(items[0].origin, error);
      throw error;
    }
  }

  /** Decides in order what happens to each source; resolves the ones to store (adding them to the index). */
  function plan(items: Prepared[], index: EntityIndex): Step[] {
    const t = performance.now();
    const steps = items.map((p): Step => {
      if (p.kind === 'failed') return { p, then: 'failed', message: p.error };
      if (p.extractError !== null) return { p, then: 'failed', message: p.extractError };
      try {
        const resolved = resolveArticle(index, p.extraction!, articleIdentity(p.parsed));
        return { p, then: 'store', article: { parsed: p.parsed, resolved, origin: p.origin } };
      } catch (error) {
        return { p, then: 'failed', message: (error as Error).message };
      }
    });
    stats.resolveMs += performance.now() - t;
    return steps;
  }

  async function store(articles: StoreArticle[]): Promise<StoreResult[]> {
    const t = performance.now();
    stats.transactions += 1;
    try {
      return await storeArticles(writer, articles, EXTRACTOR_VERSION);
    } finally {
      stats.persistMs += performance.now() - t;
    }
  }

  async function ingestBatch(items: Prepared[]): Promise<void> {
    const index = await lookUp(items);
    const steps = plan(items, index);
    const toStore = steps.filter((s): s is Step & { then: 'store' } => s.then === 'store');
    let results: StoreResult[] = [];
    try {
      if (toStore.length) results = await store(toStore.map((s) => s.article));
    } catch (error) {
      if (isConnectionError(error)) throw unavailable(toStore[0].p.origin, error);
      // The batch's index is dropped with it: each article looks its nodes up again.
      if (items.length > 1) {
        stats.fallbacks += 1;
        for (const p of items) await ingestBatch([p]);
        return;
      }
      return reportStep({ p: items[0], then: 'failed', message: `could not store: ${(error as Error).message}` });
    }
    // Subscribers hear of new and corrected articles once they are committed.
    await publishStored(writer, results.filter((r) => r.outcome !== 'duplicate').map((r) => r.articleId));
    let i = 0;
    for (const s of steps) reportStep(s, s.then === 'store' ? results[i++] : undefined);
  }

  /** A batch's look-up, resolve and store, while no other writer (any process) does the same. */
  async function ingestExclusively(items: Prepared[]): Promise<void> {
    let locked = false;
    try {
      await writer.exclusive(() => ((locked = true), ingestBatch(items)));
    } catch (error) {
      if (!locked && isConnectionError(error)) throw unavailable(items[0].origin, error);
      throw error;
    }
  }

  const times = { parseMs: 0, extractMs: 0 };
  try {
    let pending: Prepared[] = [];
    for await (const p of prepareInOrder(sources, { workers, threads: options.threads, times, ahead: Math.max(256, 3 * batchSize) })) {
      pending.push(p);
      if (pending.length >= batchSize) {
        await ingestExclusively(pending);
        pending = [];
      }
    }
    if (pending.length) await ingestExclusively(pending);
  } finally {
    stats.parseMs += times.parseMs;
    stats.extractMs += times.extractMs;
    stats.wallMs += performance.now() - started;
  }
  return summary;
}
