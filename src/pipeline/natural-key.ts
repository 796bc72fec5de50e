import type { ParsedArticle } from '../ingest/types.ts';

/**
 * Identity of a story across corrections: its URL when known, else its id in the source collection,
 * else title + source + date.
 * A corrected text of the same story has the same natural key but a new content hash.
 */
export function articleNaturalKey(article: Pick<ParsedArticle, 'url' | 'title' | 'source' | 'publishedAt' | 'externalId'>): string {
  if (article.url) return `url:${article.url.trim()}`;
  if (article.externalId) return `id:${article.externalId}`;
  const norm = (s: string | null) => (s ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return `tsd:${norm(article.title)}|${norm(article.source)}|${article.publishedAt ?? ''}`;
}
