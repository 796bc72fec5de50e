import type { Writer } from '../db/writer.ts';
import type { ParsedArticle } from '../ingest/types.ts';
import { articleNaturalKey } from '../store/natural-key.ts';

/**
 * The stored articles a batch names (by content hash or natural key), kept up to date while the batch
 * is planned in order, so that duplicates are known without resolving them — also after a correction
 * earlier in the batch replaced a stored text (its old hash is then no longer stored).
 */
export class StoredArticles {
  private constructor(private readonly hashOfKey: Map<string, string>, private readonly keyOfHash: Map<string, string>) {}

  /** One indexed look-up on the two unique keys of article. */
  static async lookUp(writer: Writer, articles: ParsedArticle[]): Promise<StoredArticles> {
    if (articles.length === 0) return new StoredArticles(new Map(), new Map());
    const rows = await writer.query<{ natural_key: string; content_hash: string }>(
      `SELECT natural_key, content_hash FROM article WHERE content_hash = ANY($1::text[]) OR natural_key = ANY($2::text[])`,
      [articles.map((a) => a.contentHash), articles.map(articleNaturalKey)],
    );
    return new StoredArticles(new Map(rows.map((r) => [r.natural_key, r.content_hash])), new Map(rows.map((r) => [r.content_hash, r.natural_key])));
  }

  /** Whether the article's content is stored (or will be, by an earlier article of the batch). */
  isDuplicate(article: ParsedArticle): boolean {
    return this.keyOfHash.has(article.contentHash);
  }

  /** Records that the article will be stored: new, or replacing the text stored under its key. */
  add(article: ParsedArticle): void {
    const key = articleNaturalKey(article);
    const old = this.hashOfKey.get(key);
    if (old !== undefined) this.keyOfHash.delete(old);
    this.hashOfKey.set(key, article.contentHash);
    this.keyOfHash.set(article.contentHash, key);
  }
}
