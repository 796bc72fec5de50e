import type { Db } from '../db/prisma-client.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { EXTRACTOR_VERSION } from '../extract/version.ts';
import { parseArticle } from '../ingest/parse-article.ts';
import { addToIndex, resolveExtraction } from '../resolve/resolve-extraction.ts';
import type { EntityIndex } from '../resolve/types.ts';
import { loadEntityIndex } from './load-entity-index.ts';
import { persistArticle, type PersistCounts } from './persist-article.ts';
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
  return /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|terminating connection|DatabaseNotReachable|57P01|57P03|08006|08001|P1001|P1017/i.test(text);
}

/**
 * parse → extract → resolve → persist for each source, one transaction per article.
 * A bad article is reported and skipped; an unreachable database stops the batch with a clear error
 * (every article already committed stays; re-running completes the rest).
 */
export async function ingestArticles(
  db: Db,
  sources: AsyncIterable<SourceItem> | Iterable<SourceItem>,
  options: { onProgress?: (p: IngestProgress) => void; index?: EntityIndex } = {},
): Promise<IngestSummary> {
  const summary = emptySummary();
  const index = options.index ?? (await loadEntityIndex(db));
  const known = new Set((await db.article.findMany({ select: { contentHash: true } })).map((a) => a.contentHash));
  let done = 0;
  const report = (origin: string, outcome: IngestProgress['outcome']) => options.onProgress?.({ origin, outcome, done: ++done });

  for await (const item of sources) {
    if (!item.ok) {
      summary.articles.failed += 1;
      summary.errors.push({ origin: item.origin, message: item.error });
      report(item.origin, 'failed');
      continue;
    }
    const origin = item.article.origin;
    let parsed;
    let resolved;
    try {
      parsed = parseArticle(item.article);
      if (known.has(parsed.contentHash)) {
        summary.articles.duplicates += 1;
        report(origin, 'duplicate');
        continue;
      }
      const extraction = extractArticle(parsed);
      resolved = resolveExtraction(parsed, extraction, index);
    } catch (error) {
      summary.articles.failed += 1;
      summary.errors.push({ origin, message: (error as Error).message });
      report(origin, 'failed');
      continue;
    }
    try {
      const p = parsed;
      const r = resolved;
      const result = await db.$transaction((tx) => persistArticle(tx, p, r, { extractorVersion: EXTRACTOR_VERSION, origin }), { timeout: 60_000, maxWait: 30_000 });
      known.add(parsed.contentHash);
      if (result.outcome === 'duplicate') {
        summary.articles.duplicates += 1;
      } else {
        summary.articles[result.outcome] += 1;
        addCounts(summary, result.counts);
        addToIndex(index, parsed, resolved);
      }
      report(origin, result.outcome);
    } catch (error) {
      if (isConnectionError(error)) {
        throw new DatabaseUnavailableError(`Database unavailable while ingesting ${origin}: ${(error as Error).message}. Articles committed so far are kept; re-run the ingest to complete the rest.`);
      }
      summary.articles.failed += 1;
      summary.errors.push({ origin, message: `could not store: ${(error as Error).message}` });
      report(origin, 'failed');
    }
  }
  return summary;
}
