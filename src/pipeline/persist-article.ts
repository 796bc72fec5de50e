import type { Sql } from '../db/sql.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Db } from '../db/prisma-client.ts';
import type { ParsedArticle } from '../ingest/types.ts';
import type { ResolvedExtraction } from '../resolve/types.ts';
import type { Mention } from '../extract/types.ts';
import { mentionConfidence, type MentionType } from './mention-confidence.ts';
import { mergeSameNames } from './merge-same-names.ts';
import { articleNaturalKey } from './natural-key.ts';

type Tx = Prisma.TransactionClient;

export type PersistOutcome = 'created' | 'updated' | 'duplicate';

export interface PersistCounts {
  people: { created: number; updated: number };
  organizations: { created: number; updated: number };
  places: { created: number; updated: number };
  events: { created: number; updated: number };
  statements: number;
}

export interface PersistResult {
  outcome: PersistOutcome;
  articleId: number;
  counts: PersistCounts;
}

interface Upserted {
  id: number;
  name: string;
  inserted: boolean;
}

export function emptyCounts(): PersistCounts {
  return {
    people: { created: 0, updated: 0 },
    organizations: { created: 0, updated: 0 },
    places: { created: 0, updated: 0 },
    events: { created: 0, updated: 0 },
    statements: 0,
  };
}

function tally(rows: Upserted[]): { created: number; updated: number } {
  const created = rows.filter((r) => r.inserted).length;
  return { created, updated: rows.length - created };
}

export const uniq = (xs: string[]) => [...new Set(xs.filter((x) => x.trim() !== ''))].sort();
export const isoDate = (d: string | null) => (d ? d.slice(0, 10) : null);

// Entities are upserted by their unique name in one statement per table; aliases and roles are
// unioned so that what another article taught us is never lost. `xmax = 0` tells inserts from updates.
// A row's `multi` says it folds several articles' rows (persist-batch): its lists are then sorted in SQL,
// as the second of the one-article upserts would have left them; otherwise they keep the article's order.
const aliasArray = (column: string) => `CASE WHEN r.multi THEN ARRAY(SELECT DISTINCT a FROM jsonb_array_elements_text(r.${column}) a ORDER BY a) ELSE ARRAY(SELECT jsonb_array_elements_text(r.${column})) END`;

export const UPSERT_PEOPLE = `
INSERT INTO person (name, aliases, roles, updated_at)
SELECT r.name, ${aliasArray('aliases')}, ${aliasArray('roles')}, now()
FROM jsonb_to_recordset($1::jsonb) AS r(name text, aliases jsonb, roles jsonb, multi boolean)
ORDER BY r.name
ON CONFLICT (name) DO UPDATE SET
  aliases = ARRAY(SELECT DISTINCT a FROM unnest(person.aliases || excluded.aliases) a ORDER BY a),
  roles = ARRAY(SELECT DISTINCT a FROM unnest(person.roles || excluded.roles) a ORDER BY a),
  updated_at = now()
RETURNING id, name, (xmax = 0) AS inserted`;

const upsertNamed = (table: 'organization' | 'place', kindType: string) => `
INSERT INTO ${table} (name, aliases, kind, updated_at)
SELECT r.name, ${aliasArray('aliases')}, r.kind::"${kindType}", now()
FROM jsonb_to_recordset($1::jsonb) AS r(name text, aliases jsonb, kind text, multi boolean)
ORDER BY r.name
ON CONFLICT (name) DO UPDATE SET
  aliases = ARRAY(SELECT DISTINCT a FROM unnest(${table}.aliases || excluded.aliases) a ORDER BY a),
  kind = CASE WHEN ${table}.kind = 'OTHER' THEN excluded.kind ELSE ${table}.kind END,
  updated_at = now()
RETURNING id, name, (xmax = 0) AS inserted`;

export const UPSERT_ORGANIZATIONS = upsertNamed('organization', 'OrganizationKind');
export const UPSERT_PLACES = upsertNamed('place', 'PlaceKind');

// An event reported by several articles keeps the most precise date any of them gave.
export const UPSERT_EVENT = `
INSERT INTO event (key, title, kind, start_date, end_date, precision, place_id, updated_at)
SELECT r.key, r.title, r.kind::"EventKind", r.start_date::date, r.end_date::date, r.precision::"DatePrecision", r.place_id, now()
FROM jsonb_to_recordset($1::jsonb) AS r(key text, title text, kind text, start_date text, end_date text, precision text, place_id int)
ORDER BY r.key
ON CONFLICT (key) DO UPDATE SET
  start_date = CASE WHEN event.precision IS NULL OR (event.precision <> 'DAY' AND excluded.precision = 'DAY') THEN excluded.start_date ELSE event.start_date END,
  end_date = CASE WHEN event.precision IS NULL OR (event.precision <> 'DAY' AND excluded.precision = 'DAY') THEN excluded.end_date ELSE event.end_date END,
  precision = CASE WHEN event.precision IS NULL OR (event.precision <> 'DAY' AND excluded.precision = 'DAY') THEN excluded.precision ELSE event.precision END,
  place_id = COALESCE(event.place_id, excluded.place_id),
  updated_at = now()
RETURNING id, key AS name, (xmax = 0) AS inserted`;

/**
 * One row per natural key: several extracted entities may resolve to one node, and PostgreSQL refuses
 * to upsert the same row twice in one statement. Aliases and roles of the duplicates are unioned.
 */
export function dedupe<T extends Record<string, unknown>>(rows: T[], key: 'name' | 'key'): T[] {
  const byKey = new Map<unknown, T>();
  for (const row of rows) {
    const prev = byKey.get(row[key]);
    if (!prev) {
      byKey.set(row[key], { ...row });
      continue;
    }
    for (const list of ['aliases', 'roles'] as const) {
      if (Array.isArray(prev[list]) && Array.isArray(row[list])) (prev as Record<string, unknown>)[list] = uniq([...(prev[list] as string[]), ...(row[list] as string[])]);
    }
  }
  return [...byKey.values()];
}

async function upsert(tx: Tx, sql: string, rows: Record<string, unknown>[], key: 'name' | 'key' = 'name'): Promise<Upserted[]> {
  if (rows.length === 0) return [];
  return tx.$queryRawUnsafe<Upserted[]>(sql, JSON.stringify(dedupe(rows, key)));
}

/** Raw statements of a Prisma transaction as an Sql (what the batch path gets from pg directly). */
export function prismaSql(tx: Tx): Sql {
  return { query: <T>(text: string, params: unknown[] = []) => tx.$queryRawUnsafe<T[]>(text, ...params) };
}

async function insertRows(tx: Sql, table: string, columns: Record<string, string>, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const select = names.map((c) => (columns[c].endsWith('[]') ? `ARRAY(SELECT jsonb_array_elements_text(r.${c}))::${columns[c]}` : `r.${c}`)).join(', ');
  const recordType = names.map((c) => `${c} ${columns[c].endsWith('[]') ? 'jsonb' : columns[c]}`).join(', ');
  await tx.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${select} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType})`, [JSON.stringify(rows)]);
}

/** The entity rows one article upserts (one per name; aliases without the name itself, sorted). */
export function entityRows(resolved: ResolvedExtraction) {
  return {
    people: dedupe(resolved.people.map((p) => ({ name: p.name, aliases: uniq(p.aliases.filter((a) => a !== p.name)), roles: uniq(p.roles) })), 'name'),
    organizations: dedupe(resolved.organizations.map((o) => ({ name: o.name, aliases: uniq(o.aliases.filter((a) => a !== o.name)), kind: o.kind as string })), 'name'),
    places: dedupe(resolved.places.map((p) => ({ name: p.name, aliases: uniq(p.aliases.filter((a) => a !== p.name)), kind: p.kind as string })), 'name'),
  };
}

export interface EventRow extends Record<string, unknown> {
  key: string;
  title: string;
  kind: string;
  start_date: string | null;
  end_date: string | null;
  precision: string | null;
  place_id: number | null;
}

/** The event rows one article upserts (one per key). */
export function eventRows(resolved: ResolvedExtraction, placeKey: Map<string, number>): EventRow[] {
  return dedupe(resolved.events.map((e) => ({
    key: e.key,
    title: e.title,
    kind: e.kind as string,
    start_date: isoDate(e.startDate),
    end_date: isoDate(e.endDate),
    precision: e.precision as string | null,
    place_id: e.placeKey ? (placeKey.get(e.placeKey) ?? null) : null,
  })), 'key');
}

export interface LinkRows {
  articlePerson: Record<string, unknown>[];
  articleOrganization: Record<string, unknown>[];
  articlePlace: Record<string, unknown>[];
  eventArticle: Record<string, unknown>[];
  eventParticipant: { event_id: number | undefined; person_id: number | undefined }[];
  eventOrganization: { event_id: number | undefined; organization_id: number | undefined }[];
  statements: Record<string, unknown>[];
}

/** Mention, participation and statement rows of one article, given the ids its entities got. */
export function linkRows(articleId: number, resolved: ResolvedExtraction, ids: { personKey: Map<string, number>; orgKey: Map<string, number>; placeKey: Map<string, number>; eventIds: Map<string, number> }): LinkRows {
  const { personKey, orgKey, placeKey, eventIds } = ids;
  // Two extracted entities can resolve to one node ("Blair" and "Tony Blair"): one mention row each.
  // Mentions are stored as parallel arrays (offsets, ends, confidences) in start order, one per start:
  // of two mentions starting at one offset, the longer is kept (the written name, not a part of it).
  const mentionRows = (entities: { key: string; mentions: Mention[]; roles?: string[] }[], idOfKey: Map<string, number>, column: string, type: MentionType) => {
    const byId = new Map<number, { count: number; byStart: Map<number, Mention>; roles: string[] }>();
    for (const e of entities) {
      const id = idOfKey.get(e.key);
      if (id === undefined) continue;
      const row = byId.get(id) ?? { count: 0, byStart: new Map<number, Mention>(), roles: [] };
      row.count += e.mentions.length;
      for (const m of e.mentions) {
        const prev = row.byStart.get(m.start);
        if (!prev || m.end > prev.end) row.byStart.set(m.start, m);
      }
      row.roles.push(...(e.roles ?? []));
      byId.set(id, row);
    }
    return [...byId].map(([id, r]) => {
      const mentions = [...r.byStart.values()].sort((a, b) => a.start - b.start);
      return {
        article_id: articleId,
        [column]: id,
        count: r.count,
        offsets: mentions.map((m) => m.start),
        ends: mentions.map((m) => m.end),
        confidences: mentions.map((m) => mentionConfidence(type, m.text)),
        roles: uniq(r.roles),
      };
    });
  };
  const eventOffsets = new Map<number, number[]>();
  for (const e of resolved.events) {
    const id = eventIds.get(e.key)!;
    eventOffsets.set(id, [...(eventOffsets.get(id) ?? []), ...e.mentions.map((m) => m.start)]);
  }
  // Offsets are unique per article; two extracted statements over one span keep the first.
  const seenSpans = new Set<string>();
  const statements = resolved.statements.filter((s) => {
    const k = `${s.start}:${s.end}`;
    if (seenSpans.has(k)) return false;
    seenSpans.add(k);
    return true;
  }).map((s) => ({
    article_id: articleId,
    text: s.text,
    kind: s.kind,
    cue: s.cue,
    speaker_person_id: s.speaker?.type === 'person' ? (personKey.get(s.speaker.key) ?? null) : null,
    speaker_organization_id: s.speaker?.type === 'organization' ? (orgKey.get(s.speaker.key) ?? null) : null,
    speaker_text: s.speakerText,
    event_id: s.eventKey ? (eventIds.get(s.eventKey) ?? null) : null,
    start_offset: s.start,
    end_offset: s.end,
    // Every part of the statement; hand-built statements without spans are their one outer span.
    span_starts: (s.spans ?? [s]).map((x) => x.start),
    span_ends: (s.spans ?? [s]).map((x) => x.end),
    confidence: s.confidence,
  }));
  return {
    articlePerson: mentionRows(resolved.people, personKey, 'person_id', 'PER'),
    articleOrganization: mentionRows(resolved.organizations, orgKey, 'organization_id', 'ORG').map(({ roles: _roles, ...r }) => r),
    articlePlace: mentionRows(resolved.places, placeKey, 'place_id', 'LOC').map(({ roles: _roles, ...r }) => r),
    eventArticle: [...eventOffsets].map(([eventId, offsets]) => ({ event_id: eventId, article_id: articleId, offsets })),
    eventParticipant: resolved.events.flatMap((e) => e.participantKeys.map((k) => ({ event_id: eventIds.get(e.key), person_id: personKey.get(k) }))),
    eventOrganization: resolved.events.flatMap((e) => e.organizationKeys.map((k) => ({ event_id: eventIds.get(e.key), organization_id: orgKey.get(k) }))),
    statements,
  };
}

/** Writes link rows (of one article or many) with one statement per table. */
export async function insertLinkRows(tx: Sql, link: LinkRows): Promise<void> {
  const mentions = { count: 'int', offsets: 'int[]', ends: 'int[]', confidences: 'float8[]' };
  await insertRows(tx, 'article_person', { article_id: 'int', person_id: 'int', ...mentions, roles: 'text[]' }, link.articlePerson);
  await insertRows(tx, 'article_organization', { article_id: 'int', organization_id: 'int', ...mentions }, link.articleOrganization);
  await insertRows(tx, 'article_place', { article_id: 'int', place_id: 'int', ...mentions }, link.articlePlace);
  await insertRows(tx, 'event_article', { event_id: 'int', article_id: 'int', offsets: 'int[]' }, link.eventArticle);
  if (link.eventParticipant.length) {
    await tx.query(`INSERT INTO event_participant (event_id, person_id) SELECT r.event_id, r.person_id FROM jsonb_to_recordset($1::jsonb) AS r(event_id int, person_id int) WHERE r.person_id IS NOT NULL ON CONFLICT DO NOTHING`, [JSON.stringify(link.eventParticipant)]);
  }
  if (link.eventOrganization.length) {
    await tx.query(`INSERT INTO event_organization (event_id, organization_id) SELECT r.event_id, r.organization_id FROM jsonb_to_recordset($1::jsonb) AS r(event_id int, organization_id int) WHERE r.organization_id IS NOT NULL ON CONFLICT DO NOTHING`, [JSON.stringify(link.eventOrganization)]);
  }
  if (link.statements.length) {
    await tx.query(
      `INSERT INTO statement (article_id, text, kind, cue, speaker_person_id, speaker_organization_id, speaker_text, event_id, start_offset, end_offset, span_starts, span_ends, confidence)
       SELECT r.article_id, r.text, r.kind::"StatementKind", r.cue, r.speaker_person_id, r.speaker_organization_id, r.speaker_text, r.event_id, r.start_offset, r.end_offset,
              ARRAY(SELECT jsonb_array_elements_text(r.span_starts))::int[], ARRAY(SELECT jsonb_array_elements_text(r.span_ends))::int[], r.confidence
       FROM jsonb_to_recordset($1::jsonb) AS r(article_id int, text text, kind text, cue text, speaker_person_id int, speaker_organization_id int, speaker_text text, event_id int, start_offset int, end_offset int, span_starts jsonb, span_ends jsonb, confidence float8)`,
      [JSON.stringify(link.statements)],
    );
  }
}

/** Removes entities that no article refers to any more (after a correction replaced an extraction). */
async function deleteOrphans(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`DELETE FROM event e WHERE NOT EXISTS (SELECT 1 FROM event_article ea WHERE ea.event_id = e.id)`);
  await tx.$executeRawUnsafe(`DELETE FROM person p WHERE NOT EXISTS (SELECT 1 FROM article_person ap WHERE ap.person_id = p.id) AND NOT EXISTS (SELECT 1 FROM statement s WHERE s.speaker_person_id = p.id)`);
  await tx.$executeRawUnsafe(`DELETE FROM organization o WHERE NOT EXISTS (SELECT 1 FROM article_organization ao WHERE ao.organization_id = o.id) AND NOT EXISTS (SELECT 1 FROM statement s WHERE s.speaker_organization_id = o.id)`);
  await tx.$executeRawUnsafe(`DELETE FROM place p WHERE NOT EXISTS (SELECT 1 FROM article_place ap WHERE ap.place_id = p.id) AND NOT EXISTS (SELECT 1 FROM event e WHERE e.place_id = p.id)`);
}

/** Upserts the article row; a same-story correction keeps its id (stable global IDs) and drops its old extraction. */
async function upsertArticle(tx: Tx, parsed: ParsedArticle, extractorVersion: string, origin: string | null): Promise<{ id: number; outcome: PersistOutcome }> {
  const naturalKey = articleNaturalKey(parsed);
  const data = {
    title: parsed.title,
    source: parsed.source,
    url: parsed.url,
    publishedAt: parsed.publishedAt ? new Date(`${parsed.publishedAt.slice(0, 10)}T00:00:00Z`) : null,
    dateline: parsed.dateline,
    body: parsed.text,
    contentHash: parsed.contentHash,
    extractorVersion,
    origin,
  };
  const existing = await tx.article.findUnique({ where: { naturalKey }, select: { id: true } });
  if (!existing) {
    const created = await tx.article.create({ data: { naturalKey, ...data }, select: { id: true } });
    return { id: created.id, outcome: 'created' };
  }
  await tx.statement.deleteMany({ where: { articleId: existing.id } });
  await tx.articlePerson.deleteMany({ where: { articleId: existing.id } });
  await tx.articleOrganization.deleteMany({ where: { articleId: existing.id } });
  await tx.articlePlace.deleteMany({ where: { articleId: existing.id } });
  await tx.eventArticle.deleteMany({ where: { articleId: existing.id } });
  await tx.article.update({ where: { id: existing.id }, data });
  return { id: existing.id, outcome: 'updated' };
}

/**
 * Writes one article and its resolved extraction inside the caller's transaction.
 * Idempotent: the same content (hash) is a no-op reported as `duplicate`.
 */
export async function persistArticle(
  tx: Tx,
  parsed: ParsedArticle,
  unmerged: ResolvedExtraction,
  options: { extractorVersion: string; origin?: string | null },
): Promise<PersistResult> {
  const counts = emptyCounts();
  const resolved = mergeSameNames(unmerged);
  const same = await tx.article.findUnique({ where: { contentHash: parsed.contentHash }, select: { id: true } });
  if (same) return { outcome: 'duplicate', articleId: same.id, counts };

  const article = await upsertArticle(tx, parsed, options.extractorVersion, options.origin ?? null);

  const rows = entityRows(resolved);
  const people = await upsert(tx, UPSERT_PEOPLE, rows.people);
  const orgs = await upsert(tx, UPSERT_ORGANIZATIONS, rows.organizations);
  const places = await upsert(tx, UPSERT_PLACES, rows.places);
  counts.people = tally(people);
  counts.organizations = tally(orgs);
  counts.places = tally(places);

  const idOf = (rows: Upserted[]) => new Map(rows.map((r) => [r.name, r.id]));
  const personIds = idOf(people);
  const orgIds = idOf(orgs);
  const placeIds = idOf(places);
  const personKey = new Map(resolved.people.map((p) => [p.key, personIds.get(p.name)!]));
  const orgKey = new Map(resolved.organizations.map((o) => [o.key, orgIds.get(o.name)!]));
  const placeKey = new Map(resolved.places.map((p) => [p.key, placeIds.get(p.name)!]));

  const events = await upsert(tx, UPSERT_EVENT, eventRows(resolved, placeKey), 'key');
  counts.events = tally(events);
  const eventIds = idOf(events);

  const link = linkRows(article.id, resolved, { personKey, orgKey, placeKey, eventIds });
  await insertLinkRows(prismaSql(tx), link);
  counts.statements = link.statements.length;

  if (article.outcome === 'updated') await deleteOrphans(tx);
  return { outcome: article.outcome, articleId: article.id, counts };
}
