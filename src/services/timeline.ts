import type { Sql } from '../db/sql.ts';
import { AppError } from './app-error.ts';

export type TimelineInterval = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
export type TimelineSubject = 'person' | 'organization';

/** Items listed per bucket; counts always cover all of them. */
export const TIMELINE_SAMPLE = 20;

export interface TimelineBucket {
  /** First day of the period (weeks start on Monday). */
  start: string;
  /** Last day of the period. */
  end: string;
  statementCount: number;
  eventCount: number;
  articleCount: number;
  statementIds: number[];
  eventIds: number[];
}

export interface TimelineQuery {
  interval: TimelineInterval;
  from?: string | null;
  to?: string | null;
}

const SUBJECT_SQL: Record<TimelineSubject, { statements: string; events: string; articles: string }> = {
  person: {
    statements: 'SELECT s.speaker_person_id AS parent, s.id, a.published_at AS d, s.start_offset AS ord FROM statement s JOIN article a ON a.id = s.article_id WHERE s.speaker_person_id = ANY($1::int[])',
    events: 'SELECT ep.person_id AS parent, e.id, e.start_date AS d, 0 AS ord FROM event_participant ep JOIN event e ON e.id = ep.event_id WHERE ep.person_id = ANY($1::int[])',
    articles: 'SELECT ap.person_id AS parent, a.id, a.published_at AS d, 0 AS ord FROM article_person ap JOIN article a ON a.id = ap.article_id WHERE ap.person_id = ANY($1::int[])',
  },
  organization: {
    statements: 'SELECT s.speaker_organization_id AS parent, s.id, a.published_at AS d, s.start_offset AS ord FROM statement s JOIN article a ON a.id = s.article_id WHERE s.speaker_organization_id = ANY($1::int[])',
    events: 'SELECT eo.organization_id AS parent, e.id, e.start_date AS d, 0 AS ord FROM event_organization eo JOIN event e ON e.id = eo.event_id WHERE eo.organization_id = ANY($1::int[])',
    articles: 'SELECT ao.organization_id AS parent, a.id, a.published_at AS d, 0 AS ord FROM article_organization ao JOIN article a ON a.id = ao.article_id WHERE ao.organization_id = ANY($1::int[])',
  },
};

/**
 * Timelines of many subjects in one statement: statements dated by their article, events by their
 * start, articles by publication; undated items are left out. Buckets without items are omitted.
 */
export async function fetchTimelines(sql: Sql, subject: TimelineSubject, ids: readonly number[], q: TimelineQuery): Promise<Map<number, TimelineBucket[]>> {
  if (q.from && q.to && q.from > q.to) throw new AppError('BAD_USER_INPUT', `Date range is empty: from ${q.from} is after to ${q.to}`);
  const unit = q.interval.toLowerCase();
  const parts = SUBJECT_SQL[subject];
  const rows = await sql.query<{ parent: number; start: string; end: string; statementCount: number; eventCount: number; articleCount: number; statementIds: number[] | null; eventIds: number[] | null }>(
    `WITH items AS (
       SELECT 'S' AS k, x.* FROM (${parts.statements}) x
       UNION ALL SELECT 'E', x.* FROM (${parts.events}) x
       UNION ALL SELECT 'A', x.* FROM (${parts.articles}) x
     ), dated AS (
       SELECT k, parent, id, d, ord, date_trunc($2, d)::date AS bucket FROM items
       WHERE d IS NOT NULL AND ($3::date IS NULL OR d >= $3::date) AND ($4::date IS NULL OR d <= $4::date)
     )
     SELECT parent, bucket AS start, (bucket + ('1 ' || $2)::interval - interval '1 day')::date AS "end",
            count(*) FILTER (WHERE k = 'S')::int AS "statementCount",
            count(*) FILTER (WHERE k = 'E')::int AS "eventCount",
            count(*) FILTER (WHERE k = 'A')::int AS "articleCount",
            (array_agg(id ORDER BY d, ord, id) FILTER (WHERE k = 'S'))[1:${TIMELINE_SAMPLE}] AS "statementIds",
            (array_agg(id ORDER BY d, id) FILTER (WHERE k = 'E'))[1:${TIMELINE_SAMPLE}] AS "eventIds"
     FROM dated GROUP BY parent, bucket ORDER BY parent, bucket`,
    [ids, unit, q.from ?? null, q.to ?? null],
  );
  const out = new Map<number, TimelineBucket[]>(ids.map((id) => [id, []]));
  for (const r of rows) {
    out.get(r.parent)?.push({ start: r.start, end: r.end, statementCount: r.statementCount, eventCount: r.eventCount, articleCount: r.articleCount, statementIds: r.statementIds ?? [], eventIds: r.eventIds ?? [] });
  }
  return out;
}
