import type { Sql } from '../db/sql.ts';
import { COLUMNS, type ArticleRecord, type EventRecord, type StatementRecord } from '../services/records.ts';

/**
 * What the feed delivers, with the facts its filters test (row ids of the linked nodes), loaded once
 * per committed batch for all subscribers of a process — never per subscriber.
 */
export interface FeedArticle {
  node: ArticleRecord;
  personIds: number[];
  organizationIds: number[];
  placeIds: number[];
}
export interface FeedStatement {
  node: StatementRecord;
  /** Entities mentioned inside the statement's text. */
  personIds: number[];
  organizationIds: number[];
  placeIds: number[];
}
export interface FeedEvent {
  node: EventRecord;
  personIds: number[];
  organizationIds: number[];
}

const ids = (table: string, column: string, where: string) => `COALESCE((SELECT array_agg(x.${column} ORDER BY x.${column}) FROM ${table} x WHERE ${where}), '{}')`;
// A mention is inside a statement when one of its offsets falls within the statement's span.
const inside = (table: string, column: string) => ids(table, column, `x.article_id = s.article_id AND EXISTS (SELECT 1 FROM unnest(x.offsets) o WHERE o >= s.start_offset AND o < s.end_offset)`);

export async function loadFeedArticles(sql: Sql, articleIds: number[]): Promise<FeedArticle[]> {
  const rows = await sql.query<ArticleRecord & { personIds: number[]; organizationIds: number[]; placeIds: number[] }>(
    `SELECT ${COLUMNS.article()}, a.body, ${ids('article_person', 'person_id', 'x.article_id = a.id')} AS "personIds",
       ${ids('article_organization', 'organization_id', 'x.article_id = a.id')} AS "organizationIds", ${ids('article_place', 'place_id', 'x.article_id = a.id')} AS "placeIds"
     FROM article a WHERE a.id = ANY($1::int[]) ORDER BY a.id`,
    [articleIds],
  );
  return rows.map(({ personIds, organizationIds, placeIds, ...node }) => ({ node: node as ArticleRecord, personIds, organizationIds, placeIds }));
}

export async function loadFeedStatements(sql: Sql, articleIds: number[]): Promise<FeedStatement[]> {
  const rows = await sql.query<StatementRecord & { personIds: number[]; organizationIds: number[]; placeIds: number[] }>(
    `SELECT ${COLUMNS.statement()}, ${inside('article_person', 'person_id')} AS "personIds", ${inside('article_organization', 'organization_id')} AS "organizationIds",
       ${inside('article_place', 'place_id')} AS "placeIds"
     FROM statement s WHERE s.article_id = ANY($1::int[]) ORDER BY s.article_id, s.start_offset, s.id`,
    [articleIds],
  );
  return rows.map(({ personIds, organizationIds, placeIds, ...node }) => ({ node: node as StatementRecord, personIds, organizationIds, placeIds }));
}

/** Events the batch's articles report: new ones and ones a new report joined. */
export async function loadFeedEvents(sql: Sql, articleIds: number[]): Promise<FeedEvent[]> {
  const rows = await sql.query<EventRecord & { personIds: number[]; organizationIds: number[] }>(
    `SELECT ${COLUMNS.event()}, ${ids('event_participant', 'person_id', 'x.event_id = e.id')} AS "personIds", ${ids('event_organization', 'organization_id', 'x.event_id = e.id')} AS "organizationIds"
     FROM event e WHERE e.id IN (SELECT event_id FROM event_article WHERE article_id = ANY($1::int[])) ORDER BY e.id`,
    [articleIds],
  );
  return rows.map(({ personIds, organizationIds, ...node }) => ({ node: node as EventRecord, personIds, organizationIds }));
}
