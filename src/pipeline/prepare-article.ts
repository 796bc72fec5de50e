import { extractArticle } from '../extract/extract-article.ts';
import { parseArticle } from '../ingest/parse-article.ts';
import type { Extraction } from '../extract/types.ts';
import type { ParsedArticle } from '../ingest/types.ts';
import type { SourceItem } from './read-sources.ts';

/**
 * A source after the stages that need nothing but the article itself (parse, extract), which can run
 * ahead of the ordered stages and on other threads. Errors are kept as the message the sequential
 * pipeline would report: whether an extraction error matters depends on the article not being a
 * duplicate, which only the ordered stage knows.
 */
export type Prepared =
  | { kind: 'failed'; origin: string; error: string }
  | { kind: 'parsed'; origin: string; parsed: ParsedArticle; extraction: Extraction | null; extractError: string | null };

export interface PrepareTimes {
  parseMs: number;
  extractMs: number;
}

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
