import type { ParsedArticle } from '../ingest/types.ts';

/**
 * Identity of a story across corrections: its URL when known, else title + source + date (the id in
 * the source collection when neither source nor date is known).
 * A corrected text of the same story has the same natural key but a new content hash.
 */
export function articleNaturalKey(article: Pick<ParsedArticle, 'url' | 'title' | 'source' | 'publishedAt' | 'externalId'>): string {
  if (article.url) return `url:${article.url.trim()}`;
  // Title alone is too weak an identity (BBC has distinct stories sharing a headline): without a source
  // or date, the record id in the source collection identifies the story.
  if (article.externalId && !article.source && !article.publishedAt) return `id:${article.externalId}`;
  const norm = (s: string | null) => (s ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return `tsd:${norm(article.title)}|${norm(article.source)}|${article.publishedAt ?? ''}`;
}
