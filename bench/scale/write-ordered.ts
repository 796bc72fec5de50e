import type { Writer } from '../../src/db/prisma-client.ts';
import type { Extraction } from '../../src/extract/types.ts';
import { EXTRACTOR_VERSION } from '../../src/extract/version.ts';
import type { ParsedArticle } from '../../src/ingest/types.ts';
import { lookUpIndex } from '../../src/pipeline/look-up-index.ts';
import { StoredArticles } from '../../src/pipeline/stored-articles.ts';
import { resolveArticle } from '../../src/resolve/resolve-article.ts';
import { storeArticles } from '../../src/store/store-articles.ts';
import type { StoreArticle } from '../../src/store/types.ts';

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
 * look up what the batch names, resolve in order (skipping stored content), store in one transaction.
 */
export async function writeExtracted(writer: Writer, items: Extracted[]): Promise<BatchOutcome> {
  const stored = await StoredArticles.lookUp(writer, items.map((i) => i.parsed));
  const index = await lookUpIndex(writer, items.map((i) => i.extraction));
  const toStore: StoreArticle[] = [];
  let duplicates = 0;
  for (const item of items) {
    if (stored.duplicateOf(item.parsed)) {
      duplicates++;
      continue;
    }
    const resolved = resolveArticle(index, item.parsed, item.extraction);
    stored.add(item.parsed);
    toStore.push({ parsed: item.parsed, resolved, origin: item.origin });
  }
  const results = toStore.length ? await storeArticles(writer, toStore, EXTRACTOR_VERSION) : [];
  const count = (o: string) => results.filter((r) => r.outcome === o).length;
  return { created: count('created'), updated: count('updated'), duplicates: duplicates + count('duplicate') };
}
