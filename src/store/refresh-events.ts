import type { Sql } from '../db/sql.ts';
import { mergedDate, type AccountDate } from '../resolve/event-dates.ts';

/**
 * An event shows what its accounts (event_article.members) say, chosen by total orders so that no
 * arrival order shows through: the most precise dates, then the earliest; a place, the first name in
 * code point order; the first title (then kind) in code point order; the type most accounts give, ties
 * by the ontology's order (the EventType enum's), then among the accounts of that type the mode most
 * give (ties in code point order; null when none gives one), mutual when all of them read it so, and
 * their highest confidence. An event of several accounts, or of one dated without a year, then takes
 * the most precise date consistent with all of them (mergedDate) when there is one. Run after any
 * change to the accounts of `ids` (a batch written, an article corrected or deleted).
 */
export async function refreshEvents(sql: Sql, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql.query(
    `WITH m AS (
       SELECT ea.event_id, x.*
       FROM event_article ea
       CROSS JOIN LATERAL jsonb_to_recordset(ea.members) AS x(title text, kind text, "startDate" date, "endDate" date, precision text, "placeId" int,
         type "EventType", mode text, "symmetric" boolean, confidence float8)
       WHERE ea.event_id = ANY($1::int[])
     ), dates AS (
       SELECT DISTINCT ON (event_id) event_id, "startDate", "endDate", precision FROM m
       ORDER BY event_id, COALESCE(array_position(ARRAY['ON_OR_BEFORE', 'YEAR', 'MONTH', 'RANGE', 'DAY'], precision), 0) DESC, "startDate" NULLS LAST, "endDate" NULLS LAST
     ), titles AS (
       SELECT DISTINCT ON (event_id) event_id, title, kind FROM m ORDER BY event_id, title COLLATE "C", kind COLLATE "C"
     ), places AS (
       SELECT DISTINCT ON (m.event_id) m.event_id, p.id AS place_id FROM m JOIN place p ON p.id = m."placeId" ORDER BY m.event_id, p.name COLLATE "C"
     ), types AS (
       SELECT DISTINCT ON (event_id) event_id, type FROM m WHERE type IS NOT NULL GROUP BY event_id, type ORDER BY event_id, count(*) DESC, type
     ), typed AS (
       SELECT m.*, count(*) OVER (PARTITION BY m.event_id, m.mode) AS mode_n FROM m JOIN types t ON t.event_id = m.event_id AND t.type = m.type
     ), typing AS (
       SELECT event_id, (array_agg(mode ORDER BY mode_n DESC, mode COLLATE "C") FILTER (WHERE mode IS NOT NULL))[1] AS mode,
         bool_and(COALESCE("symmetric", false)) AS is_symmetric, max(COALESCE(confidence, 0.5)) AS confidence
       FROM typed GROUP BY event_id
     ), shown AS (
       SELECT d.event_id, d."startDate" AS start_date, d."endDate" AS end_date, d.precision::"DatePrecision" AS precision, t.title, t.kind::"EventKind" AS kind,
         pl.place_id, ty.type, tg.mode, tg.is_symmetric, tg.confidence
       FROM dates d JOIN titles t USING (event_id) LEFT JOIN places pl USING (event_id) LEFT JOIN types ty USING (event_id) LEFT JOIN typing tg USING (event_id)
     )
     UPDATE event e SET start_date = s.start_date, end_date = s.end_date, precision = s.precision, title = s.title, kind = s.kind, place_id = s.place_id,
       type = COALESCE(s.type, e.type), mode = CASE WHEN s.type IS NULL THEN e.mode ELSE s.mode END,
       is_symmetric = COALESCE(s.is_symmetric, e.is_symmetric), confidence = COALESCE(s.confidence, e.confidence), updated_at = now()
     FROM shown s
     -- Only events whose shown values change are rewritten: most events of a batch (its new ones) already
     -- show what their one account says, and a rewrite costs a row version, its nine index entries and
     -- the title's search vector computed again.
     WHERE e.id = s.event_id
       AND (e.start_date, e.end_date, e.precision, e.title, e.kind, e.place_id, e.type, e.mode, e.is_symmetric, e.confidence)
         IS DISTINCT FROM (s.start_date, s.end_date, s.precision, s.title, s.kind, s.place_id, COALESCE(s.type, e.type),
           CASE WHEN s.type IS NULL THEN e.mode ELSE s.mode END, COALESCE(s.is_symmetric, e.is_symmetric), COALESCE(s.confidence, e.confidence))`,
    [ids],
  );
  await refreshMergedDates(sql, ids);
}

/** The dates of the events of `ids` with more than one account or a yearless one, by mergedDate. */
async function refreshMergedDates(sql: Sql, ids: number[]): Promise<void> {
  const rows = await sql.query<{ event_id: number; accounts: AccountDate[] }>(
    `SELECT ea.event_id, jsonb_agg(jsonb_build_object('startDate', m->>'startDate', 'endDate', m->>'endDate', 'precision', m->>'precision', 'yearless', m->'yearless')) AS accounts
     FROM event_article ea CROSS JOIN LATERAL jsonb_array_elements(ea.members) m
     WHERE ea.event_id = ANY($1::int[])
     GROUP BY ea.event_id HAVING count(*) > 1 OR bool_or(jsonb_typeof(m->'yearless') = 'object')`,
    [ids],
  );
  const dated = rows.map((r) => ({ id: r.event_id, d: mergedDate(r.accounts.map((a) => ({ ...a, yearless: a.yearless ?? null }))) })).filter((r) => r.d !== null);
  if (!dated.length) return;
  await sql.query(
    `UPDATE event e SET start_date = v.s, end_date = v.e, precision = v.p::"DatePrecision"
     FROM unnest($1::int[], $2::date[], $3::date[], $4::text[]) AS v(id, s, e, p)
     WHERE e.id = v.id AND (e.start_date IS DISTINCT FROM v.s OR e.end_date IS DISTINCT FROM v.e OR e.precision::text IS DISTINCT FROM v.p)`,
    [dated.map((r) => r.id), dated.map((r) => r.d!.startDate), dated.map((r) => r.d!.endDate), dated.map((r) => r.d!.precision)],
  );
}
