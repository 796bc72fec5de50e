import { extractArticle } from '../extract/extract-article.ts';
import { parseArticle } from '../ingest/parse-article.ts';
import type { ParsedArticle } from '../ingest/types.ts';
import type { Prepared, PrepareTimes } from './prepare.ts';
import type { SourceItem } from './read-sources.ts';

/**
 * Parse and extract one source: what a worker thread does for each article (and this thread when
 * the pipeline runs without workers). A module of its own so that a thread that only hands articles
 * to workers never loads the extraction code and its models.
 */
export function prepare(item: SourceItem, times: PrepareTimes): Prepared {
  if (!item.ok) return { kind: 'failed', origin: item.origin, error: item.error };
  const origin = item.article.origin;
  let t = performance.now();
  let parsed: ParsedArticle;
  try {
    parsed = parseArticle(item.article);
  } catch (error) {
    return { kind: 'failed', origin, error: (error as Error).message };
  } finally {
    times.parseMs += performance.now() - t;
  }
  t = performance.now();
  try {
    return { kind: 'parsed', origin, parsed, extraction: extractArticle(parsed), extractError: null };
  } catch (error) {
    return { kind: 'parsed', origin, parsed, extraction: null, extractError: (error as Error).message };
  } finally {
    times.extractMs += performance.now() - t;
  }
}
