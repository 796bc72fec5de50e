import type { Writer } from '../../src/db/writer.ts';
import type { Extraction } from '../../src/extract/types.ts';
import { EXTRACTOR_VERSION } from '../../src/extract/version.ts';
import type { ParsedArticle } from '../../src/ingest/types.ts';
import { lookUpIndex } from '../../src/pipeline/look-up-index.ts';
import { resolveArticle } from '../../src/resolve/resolve-article.ts';
import { articleIdentity } from '../../src/store/natural-key.ts';
import { storeArticles } from '../../src/store/store-articles.ts';

export interface Extracted {
  origin: string;
  parsed: ParsedArticle;
  extraction: Extraction;
}

export interface BatchOutcome {
  created: number;
  updated: number;
  duplicates: number;
}

/**
 * The ingest's ordered stages for one batch of already extracted articles, as ingestArticles runs them:
 * look up what the batch names, resolve in order, store in one transaction (the store tells duplicates).
 */
export async function writeExtracted(writer: Writer, items: Extracted[]): Promise<BatchOutcome> {
  const index = await lookUpIndex(writer, items.map((i) => i.extraction));
  const articles = items.map((item) => ({ parsed: item.parsed, resolved: resolveArticle(index, item.extraction, articleIdentity(item.parsed)), origin: item.origin }));
  const results = await storeArticles(writer, articles, EXTRACTOR_VERSION);
  const count = (o: string) => results.filter((r) => r.outcome === o).length;
  return { created: count('created'), updated: count('updated'), duplicates: count('duplicate') };
}
