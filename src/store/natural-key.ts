import { createHash } from 'node:crypto';
import type { ParsedArticle } from '../ingest/types.ts';
import { MAX_NATURAL_KEY_BYTES } from '../ingest/field-limits.ts';

/**
 * Identity of a story across corrections. A new text replaces a stored story only when something
 * says it is the same story:
 * - its URL (`url:`);
 * - its title, source and date, all three present (`tsd:`);
 * - its record id in the source collection (`id:`).
 * Anything else is identified by its content (`content:` + content hash): a headline alone, or a
 * headline with only a source or only a date, is shared by different stories (BBC and Reuters repeat
 * headlines, even on one day; twelve undated, unsourced files headed "T" are twelve stories), so a
 * new text there is a new article, and the same text again is still a duplicate.
 */
export function articleNaturalKey(article: Pick<ParsedArticle, 'url' | 'title' | 'source' | 'publishedAt' | 'externalId' | 'contentHash'>): string {
  if (article.url && article.url.trim()) return bounded('url', article.url.trim());
  const norm = (s: string | null) => (s ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const [title, source] = [norm(article.title), norm(article.source)];
  if (title && source && article.publishedAt) return bounded('tsd', `${title}|${source}|${article.publishedAt}`);
  if (article.externalId) return bounded('id', article.externalId);
  return `content:${article.contentHash}`;
}

/**
 * The key is in a btree index, whose entries PostgreSQL limits to about 2.7 kB: a 1,000-character
 * CJK title alone is 3 kB. A key longer than the limit is replaced by its digest (`kind#sha256`,
 * which no plain key can spell: plain keys have a colon after the kind).
 */
function bounded(kind: string, value: string): string {
  const key = `${kind}:${value}`;
  if (Buffer.byteLength(key) <= MAX_NATURAL_KEY_BYTES) return key;
  return `${kind}#${createHash('sha256').update(value).digest('hex')}`;
}

/**
 * What tells an article's stored row from another's: its natural key (a correction shares it) and its
 * content hash (a duplicate shares it). The resolve stage never compares an article's accounts of events
 * with accounts stored under either (see EventMember.article).
 */
export function articleIdentity(article: Pick<ParsedArticle, 'url' | 'title' | 'source' | 'publishedAt' | 'externalId' | 'contentHash'>): string[] {
  return [articleNaturalKey(article), article.contentHash];
}
