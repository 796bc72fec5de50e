import type { Sql } from '../db/sql.ts';

/**
 * An event shows what its accounts (event_article.members) say, chosen by total orders so that no
 * arrival order shows through: the most precise dates, then the earliest; a place, the first name in
 * code point order; the first title (then kind) in code point order. Run after any change to the
 * accounts of `ids` (a batch written, an article corrected or deleted).
 */
export async function refreshEvents(sql: Sql, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql.query(
    `WITH m AS (
       SELECT ea.event_id, x.*
       FROM event_article ea
       CROSS JOIN LATERAL jsonb_to_recordset(ea.members) AS x(title text, kind text, "startDate" date, "endDate" date, precision text, "placeId" int)
       WHERE ea.event_id = ANY($1::int[])
     ), dates AS (
       SELECT DISTINCT ON (event_id) event_id, "startDate", "endDate", precision FROM m
       ORDER BY event_id, COALESCE(array_position(ARRAY['YEAR', 'MONTH', 'RANGE', 'DAY'], precision), 0) DESC, "startDate" NULLS LAST, "endDate" NULLS LAST
     ), titles AS (
       SELECT DISTINCT ON (event_id) event_id, title, kind FROM m ORDER BY event_id, title COLLATE "C", kind COLLATE "C"
     ), places AS (
       SELECT DISTINCT ON (m.event_id) m.event_id, p.id AS place_id FROM m JOIN place p ON p.id = m."placeId" ORDER BY m.event_id, p.name COLLATE "C"
     )
     UPDATE event e SET start_date = d."startDate", end_date = d."endDate", precision = d.precision::"DatePrecision",
       title = t.title, kind = t.kind::"EventKind", place_id = pl.place_id, updated_at = now()
     FROM dates d JOIN titles t USING (event_id) LEFT JOIN places pl USING (event_id)
     WHERE e.id = d.event_id`,
    [ids],
  );
}
