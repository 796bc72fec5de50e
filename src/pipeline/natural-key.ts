import type { ParsedArticle } from '../ingest/types.ts';

/**
 * Identity of a story across corrections: its URL when known, else title + source + date.
 * A corrected text of the same story has the same natural key but a new content hash.
 */
export function articleNaturalKey(article: Pick<ParsedArticle, 'url' | 'title' | 'source' | 'publishedAt'>): string {
  if (article.url) return `url:${article.url.trim()}`;
  const norm = (s: string | null) => (s ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return `tsd:${norm(article.title)}|${norm(article.source)}|${article.publishedAt ?? ''}`;
}
