import type { Sql } from '../db/sql.ts';
import { articleNaturalKey } from './natural-key.ts';
import { compareCodePoints } from '../resolve/names.ts';
import type { StoreArticle } from './types.ts';

/** What the store does with one article of a segment (see classifyArticles). */
export type ArticlePlan =
  | { kind: 'created' }
  | { kind: 'updated'; id: number }
  /** Same content as a stored article (`id`, stored under `storedKey`) or as an earlier article of the segment (`of`). */
  | { kind: 'duplicate'; id: number | null; of: number | null; storedKey: string | null };

/**
 * Decides, under row locks, what each article of a segment (no natural key twice) is: a duplicate
 * (its content is stored, or came earlier in the segment), a correction of a stored story (same
 * natural key, new content) or new. One indexed look-up on the two unique keys for the whole segment.
 */
export async function classifyArticles(sql: Sql, articles: StoreArticle[], keys: string[]): Promise<ArticlePlan[]> {
  const stored = await sql.query<{ id: number; natural_key: string; content_hash: string }>(
    `SELECT id, natural_key, content_hash FROM article WHERE content_hash = ANY($1::text[]) OR natural_key = ANY($2::text[]) ORDER BY id FOR UPDATE`,
    [articles.map((a) => a.parsed.contentHash), keys],
  );
  const byHash = new Map(stored.map((r) => [r.content_hash, r]));
  const byKey = new Map(stored.map((r) => [r.natural_key, r.id]));
  const earlier = new Map<string, number>();
  return articles.map(({ parsed }, i) => {
    const hash = parsed.contentHash;
    const same = byHash.get(hash);
    if (same) return { kind: 'duplicate', id: same.id, of: null, storedKey: same.natural_key };
    if (earlier.has(hash)) return { kind: 'duplicate', id: null, of: earlier.get(hash)!, storedKey: null };
    earlier.set(hash, i);
    const id = byKey.get(keys[i]);
    return id === undefined ? { kind: 'created' } : { kind: 'updated', id };
  });
}

/**
 * Which article of each content a new row takes its identity and metadata from (URL, source, date,
 * origin: duplicates share title and text): the smallest natural key in code point order among it and
 * its duplicates in the segment, so the stored row is the same whichever copy came first.
 */
export function identityOf(plans: ArticlePlan[], keys: string[]): Map<number, number> {
  const best = new Map<number, number>();
  plans.forEach((p, i) => {
    if (p.kind === 'created') best.set(i, best.get(i) ?? i);
    if (p.kind !== 'duplicate' || p.of === null || plans[p.of].kind !== 'created') return;
    const current = best.get(p.of) ?? p.of;
    if (compareCodePoints(keys[i], keys[current]) < 0) best.set(p.of, i);
  });
  return best;
}

/**
 * A stored article takes the identity and metadata of a duplicate with a smaller natural key (see
 * identityOf), unless another article holds that key.
 */
export async function rekeyStored(sql: Sql, articles: StoreArticle[], plans: ArticlePlan[], keys: string[]): Promise<ArticleDates> {
  const best = new Map<number, number>();
  plans.forEach((p, i) => {
    if (p.kind !== 'duplicate' || p.id === null) return;
    const current = best.get(p.id);
    const currentKey = current === undefined ? p.storedKey! : keys[current];
    if (compareCodePoints(keys[i], currentKey) < 0) best.set(p.id, i);
  });
  if (best.size === 0) return new Map();
  const rows = [...best].map(([id, i]) => ({ id, natural_key: keys[i], ...articleRow(articles[i], '') }));
  const rekeyed = await sql.query<{ id: number; published_at: string | null }>(
    `UPDATE article a SET natural_key = r.natural_key, source = r.source, url = r.url, published_at = r.published_at::date, dateline = r.dateline, origin = r.origin, updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS r(id int, natural_key text, ${COLUMNS})
     WHERE a.id = r.id AND NOT EXISTS (SELECT 1 FROM article o WHERE o.natural_key = r.natural_key)
     RETURNING a.id, a.published_at::text AS published_at`,
    [JSON.stringify(rows)],
  );
  return new Map(rekeyed.map((r) => [r.id, r.published_at]));
}

/**
 * The stored date (YYYY-MM-DD, or null) of each article the segment wrote, by id: statements copy it
 * (statement.published_at, see insert-links.ts).
 */
export type ArticleDates = Map<number, string | null>;

/** Natural keys of a batch's articles (the segmenting and look-up key). */
export const naturalKeys = (articles: StoreArticle[]) => articles.map((a) => articleNaturalKey(a.parsed));

const COLUMNS = `title text, source text, url text, published_at text, dateline text, body text, content_hash text, extractor_version text, origin text`;

function articleRow({ parsed, origin }: StoreArticle, extractorVersion: string) {
  return {
    title: parsed.title,
    source: parsed.source,
    url: parsed.url,
    published_at: parsed.publishedAt ? parsed.publishedAt.slice(0, 10) : null,
    dateline: parsed.dateline,
    body: parsed.text,
    content_hash: parsed.contentHash,
    extractor_version: extractorVersion,
    origin,
  };
}

/** Inserts new articles in order; returns their ids in the same order, and their stored dates. */
export async function insertArticles(sql: Sql, articles: StoreArticle[], keys: string[], extractorVersion: string, dates: ArticleDates): Promise<number[]> {
  if (articles.length === 0) return [];
  const rows = articles.map((a, i) => ({ i, natural_key: keys[i], ...articleRow(a, extractorVersion) }));
  const inserted = await sql.query<{ id: number; natural_key: string; published_at: string | null }>(
    `INSERT INTO article (natural_key, title, source, url, published_at, dateline, body, content_hash, extractor_version, origin, updated_at)
     SELECT r.natural_key, r.title, r.source, r.url, r.published_at::date, r.dateline, r.body, r.content_hash, r.extractor_version, r.origin, now()
     FROM jsonb_to_recordset($1::jsonb) AS r(i int, natural_key text, ${COLUMNS})
     ORDER BY r.i
     RETURNING id, natural_key, published_at::text AS published_at`,
    [JSON.stringify(rows)],
  );
  for (const r of inserted) dates.set(r.id, r.published_at);
  const idOf = new Map(inserted.map((r) => [r.natural_key, r.id]));
  return keys.map((k) => idOf.get(k)!);
}

/**
 * Corrected stories keep their id (stable global IDs): their old extraction (statements, mentions,
 * event links) is dropped and the row takes the new text.
 */
export async function replaceArticles(sql: Sql, articles: StoreArticle[], ids: number[], extractorVersion: string, dates: ArticleDates): Promise<void> {
  if (articles.length === 0) return;
  for (const table of ['statement', 'article_person', 'article_organization', 'article_place', 'event_article', 'event_actor']) {
    await sql.query(`DELETE FROM ${table} WHERE article_id = ANY($1::int[])`, [ids]);
  }
  const rows = articles.map((a, i) => ({ id: ids[i], ...articleRow(a, extractorVersion) }));
  for (const r of rows) dates.set(r.id, r.published_at);
  await sql.query(
    `UPDATE article a SET title = r.title, source = r.source, url = r.url, published_at = r.published_at::date, dateline = r.dateline, body = r.body,
       content_hash = r.content_hash, extractor_version = r.extractor_version, origin = r.origin, updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS r(id int, ${COLUMNS})
     WHERE a.id = r.id`,
    [JSON.stringify(rows)],
  );
}
