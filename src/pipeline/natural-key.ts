import type { ParsedArticle } from '../ingest/types.ts';

/**
 * Identity of a story across corrections: its URL when known, else title + source + date (the id in
 * the source collection when the source is unknown).
 * A corrected text of the same story has the same natural key but a new content hash.
 */
export function articleNaturalKey(article: Pick<ParsedArticle, 'url' | 'title' | 'source' | 'publishedAt' | 'externalId'>): string {
  if (article.url) return `url:${article.url.trim()}`;
  // Title and date alone are too weak an identity (BBC and Reuters repeat headlines across stories, even
  // on one day): without a source, the record id in the source collection identifies the story.
  if (article.externalId && !article.source) return `id:${article.externalId}`;
  const norm = (s: string | null) => (s ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return `tsd:${norm(article.title)}|${norm(article.source)}|${article.publishedAt ?? ''}`;
}
