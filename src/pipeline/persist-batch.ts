import type { Sql } from '../db/sql.ts';
import type { ParsedArticle } from '../ingest/types.ts';
import type { ResolvedExtraction } from '../resolve/types.ts';
import { articleNaturalKey } from './natural-key.ts';
import { emptyCounts, entityRows, eventRows, insertLinkRows, linkRows, UPSERT_EVENT, UPSERT_ORGANIZATIONS, UPSERT_PEOPLE, UPSERT_PLACES, type EventRow, type LinkRows, type PersistResult } from './persist-article.ts';

/** One new article of a batch: parsed, resolved and already merged (`mergeSameNames`). */
export interface BatchArticle {
  parsed: ParsedArticle;
  resolved: ResolvedExtraction;
  origin: string | null;
}

interface Upserted {
  id: number;
  name: string;
  inserted: boolean;
}

/**
 * Rows of several articles that upsert one node, folded into one row the way the per-article upserts
 * would leave it when run one after the other (PostgreSQL refuses to touch a row twice in one statement):
 * - aliases and roles: the union. A row upserted by one article keeps that article's order; by several,
 *   the second upsert re-sorted it in SQL (`multi`), so the folded row is sorted in SQL too;
 * - organisation and place kind: the first that is not OTHER;
 * - event dates: the first day-precise ones, else the first with a precision, else the last;
 *   place: the first known; title and kind: the first.
 * Every rule is associative, so the database row upserted with the folded row ends as it would after
 * the articles' upserts in order.
 */
function foldNamed<T extends { name: string; aliases: string[]; roles?: string[]; kind?: string }>(perArticle: T[][]): (T & { multi: boolean })[] {
  const byName = new Map<string, T & { multi: boolean }>();
  for (const rows of perArticle) {
    for (const row of rows) {
      const prev = byName.get(row.name);
      if (!prev) {
        byName.set(row.name, { ...row, multi: false });
        continue;
      }
      prev.multi = true;
      prev.aliases = [...prev.aliases, ...row.aliases];
      if (prev.roles && row.roles) prev.roles = [...prev.roles, ...row.roles];
      if (prev.kind === 'OTHER' && row.kind !== undefined) prev.kind = row.kind;
    }
  }
  return [...byName.values()];
}

function foldEvents(perArticle: EventRow[][]): EventRow[] {
  const byKey = new Map<string, EventRow>();
  for (const rows of perArticle) {
    for (const row of rows) {
      const prev = byKey.get(row.key);
      if (!prev) {
        byKey.set(row.key, { ...row });
        continue;
      }
      if (prev.precision == null || (prev.precision !== 'DAY' && row.precision === 'DAY')) {
        prev.start_date = row.start_date;
        prev.end_date = row.end_date;
        prev.precision = row.precision;
      }
      prev.place_id ??= row.place_id;
    }
  }
  return [...byKey.values()];
}

const INSERT_ARTICLES = `
INSERT INTO article (natural_key, title, source, url, published_at, dateline, body, content_hash, extractor_version, origin, updated_at)
SELECT r.natural_key, r.title, r.source, r.url, r.published_at::date, r.dateline, r.body, r.content_hash, r.extractor_version, r.origin, now()
FROM jsonb_to_recordset($1::jsonb) AS r(i int, natural_key text, title text, source text, url text, published_at text, dateline text, body text, content_hash text, extractor_version text, origin text)
ORDER BY r.i
RETURNING id, natural_key`;

async function upsertAll(sql: Sql, text: string, rows: unknown[]): Promise<Upserted[]> {
  if (rows.length === 0) return [];
  return sql.query<Upserted>(text, [JSON.stringify(rows)]);
}

/**
 * Writes several new articles (no duplicates, no corrections: the caller routes those through
 * `persistArticle`) inside the caller's transaction (`tx`) with one statement per table, and reports per
 * article what `persistArticle` would have reported had they been written one after the other.
 */
export async function persistBatch(tx: Sql, articles: BatchArticle[], extractorVersion: string): Promise<PersistResult[]> {
  if (articles.length === 0) return [];
  const keys = articles.map((a) => articleNaturalKey(a.parsed));
  const inserted = await tx.query<{ id: number; natural_key: string }>(INSERT_ARTICLES, [JSON.stringify(articles.map(({ parsed, origin }, i) => ({
    i,
    natural_key: keys[i],
    title: parsed.title,
    source: parsed.source,
    url: parsed.url,
    published_at: parsed.publishedAt ? parsed.publishedAt.slice(0, 10) : null,
    dateline: parsed.dateline,
    body: parsed.text,
    content_hash: parsed.contentHash,
    extractor_version: extractorVersion,
    origin,
  })))]);
  const articleIds = new Map(inserted.map((r) => [r.natural_key, r.id]));

  const rows = articles.map((a) => entityRows(a.resolved));
  const [people, orgs, places] = [
    await upsertAll(tx, UPSERT_PEOPLE, foldNamed(rows.map((r) => r.people))),
    await upsertAll(tx, UPSERT_ORGANIZATIONS, foldNamed(rows.map((r) => r.organizations))),
    await upsertAll(tx, UPSERT_PLACES, foldNamed(rows.map((r) => r.places))),
  ];
  const idOf = (list: Upserted[]) => new Map(list.map((r) => [r.name, r.id]));
  const personIds = idOf(people);
  const orgIds = idOf(orgs);
  const placeIds = idOf(places);
  const keyMaps = articles.map(({ resolved }) => ({
    personKey: new Map(resolved.people.map((p) => [p.key, personIds.get(p.name)!])),
    orgKey: new Map(resolved.organizations.map((o) => [o.key, orgIds.get(o.name)!])),
    placeKey: new Map(resolved.places.map((p) => [p.key, placeIds.get(p.name)!])),
  }));
  const events = articles.map((a, i) => eventRows(a.resolved, keyMaps[i].placeKey));
  const upsertedEvents = await upsertAll(tx, UPSERT_EVENT, foldEvents(events));
  const eventIds = idOf(upsertedEvents);

  const all: LinkRows = { articlePerson: [], articleOrganization: [], articlePlace: [], eventArticle: [], eventParticipant: [], eventOrganization: [], statements: [] };
  const results: PersistResult[] = [];
  // Created by this batch: the first article naming a node counts it as created, later ones as updated.
  const createdBy = (list: Upserted[]) => new Set(list.filter((r) => r.inserted).map((r) => r.name));
  const newNames = { people: createdBy(people), organizations: createdBy(orgs), places: createdBy(places), events: createdBy(upsertedEvents) };
  const tally = (names: string[], fresh: Set<string>) => {
    let created = 0;
    for (const n of names) {
      if (fresh.delete(n)) created++;
    }
    return { created, updated: names.length - created };
  };
  articles.forEach((a, i) => {
    const articleId = articleIds.get(keys[i])!;
    const link = linkRows(articleId, a.resolved, { ...keyMaps[i], eventIds });
    for (const k of Object.keys(all) as (keyof LinkRows)[]) (all[k] as unknown[]).push(...link[k]);
    const counts = emptyCounts();
    counts.people = tally(rows[i].people.map((r) => r.name), newNames.people);
    counts.organizations = tally(rows[i].organizations.map((r) => r.name), newNames.organizations);
    counts.places = tally(rows[i].places.map((r) => r.name), newNames.places);
    counts.events = tally(events[i].map((r) => r.key), newNames.events);
    counts.statements = link.statements.length;
    results.push({ outcome: 'created', articleId, counts });
  });
  await insertLinkRows(tx, all);
  return results;
}
