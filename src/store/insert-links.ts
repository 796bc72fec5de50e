import type { Sql } from '../db/sql.ts';
import type { LinkRows } from './link-rows.ts';

/**
 * Array columns are read by jsonb_to_recordset itself (a JSON array into an int[], text[] … column):
 * an `ARRAY(SELECT jsonb_array_elements_text(…))` per array and row was a subquery run per row, some
 * 90 ms of PostgreSQL CPU per 12,000 mention rows; the stored arrays are the same.
 */
async function insertRows(tx: Sql, table: string, columns: Record<string, string>, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const recordType = names.map((c) => `${c} ${columns[c]}`).join(', ');
  await tx.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.map((c) => `r.${c}`).join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType})`, [JSON.stringify(rows)]);
}

/**
 * event_article's two GIN indexes (members' names and key prefixes) are what every batch's look-up
 * searches (look-up-index.ts). GIN adds new entries to a pending list that each search reads whole,
 * until the list reaches gin_pending_list_limit (4 MB by default) or a vacuum merges it: at 21k
 * articles the look-up for a 200-article batch took ~250 ms instead of ~6 ms. With a 64 kB limit for
 * this insert alone, the list is merged into the index whenever it passes 64 kB. The other GIN indexes
 * (text search) keep the default, which suits their bulk inserts.
 */
async function insertEventArticles(tx: Sql, rows: LinkRows['eventArticle']): Promise<void> {
  if (rows.length === 0) return;
  await tx.query('SET LOCAL gin_pending_list_limit = 64');
  await insertRows(tx, 'event_article', { event_id: 'int', article_id: 'int', offsets: 'int[]', members: 'jsonb' }, rows);
  await tx.query('SET LOCAL gin_pending_list_limit TO DEFAULT');
}

/** Writes link rows (of one article or many) with one statement per table. */
export async function insertLinkRows(tx: Sql, link: LinkRows): Promise<void> {
  const mentions = { count: 'int', offsets: 'int[]', ends: 'int[]', confidences: 'float8[]' };
  await insertRows(tx, 'article_person', { article_id: 'int', person_id: 'int', ...mentions, roles: 'text[]' }, link.articlePerson);
  await insertRows(tx, 'article_organization', { article_id: 'int', organization_id: 'int', ...mentions }, link.articleOrganization);
  await insertRows(tx, 'article_place', { article_id: 'int', place_id: 'int', ...mentions }, link.articlePlace);
  await insertEventArticles(tx, link.eventArticle);
  if (link.eventParticipant.length) {
    await tx.query(`INSERT INTO event_participant (event_id, person_id, start_date) SELECT r.event_id, r.person_id, r.start_date::date FROM jsonb_to_recordset($1::jsonb) AS r(event_id int, person_id int, start_date text) WHERE r.person_id IS NOT NULL ON CONFLICT DO NOTHING`, [JSON.stringify(link.eventParticipant)]);
  }
  if (link.eventOrganization.length) {
    await tx.query(`INSERT INTO event_organization (event_id, organization_id, start_date) SELECT r.event_id, r.organization_id, r.start_date::date FROM jsonb_to_recordset($1::jsonb) AS r(event_id int, organization_id int, start_date text) WHERE r.organization_id IS NOT NULL ON CONFLICT DO NOTHING`, [JSON.stringify(link.eventOrganization)]);
  }
  if (link.eventActor.length) {
    // An article's actors are written once (deduplicated in actorRows); a row already there is no error.
    await tx.query(
      `INSERT INTO event_actor (event_id, article_id, role, person_id, organization_id, group_name)
       SELECT r.event_id, r.article_id, r.role::"EventActorRole", r.person_id, r.organization_id, r.group_name
       FROM jsonb_to_recordset($1::jsonb) AS r(event_id int, article_id int, role text, person_id int, organization_id int, group_name text)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(link.eventActor)],
    );
  }
  if (link.statements.length) {
    await tx.query(
      `INSERT INTO statement (article_id, text, kind, cue, speaker_person_id, speaker_organization_id, speaker_text, event_id, start_offset, end_offset, span_starts, span_ends, confidence, published_at)
       SELECT r.article_id, r.text, r.kind::"StatementKind", r.cue, r.speaker_person_id, r.speaker_organization_id, r.speaker_text, r.event_id, r.start_offset, r.end_offset,
              r.span_starts, r.span_ends, r.confidence,
              -- The article's date, copied so statements list newest first from an index (migrations
              -- 20261205090000_reads_keyset, 20261212090000_writer_row_work: the writer gives it).
              r.published_at::date
       FROM jsonb_to_recordset($1::jsonb) AS r(article_id int, text text, kind text, cue text, speaker_person_id int, speaker_organization_id int, speaker_text text, event_id int, start_offset int, end_offset int, span_starts int[], span_ends int[], confidence float8, published_at text)`,
      [JSON.stringify(link.statements)],
    );
  }
}
