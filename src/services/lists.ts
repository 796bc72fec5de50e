import type { Sql } from '../db/sql.ts';
import { AppError } from './app-error.ts';
import { orderByClause, type OrderBy, type SortableField } from './ordering.ts';
import { fetchPage, type Page, type PageWindow } from './pagination.ts';
import { COLUMNS, TABLE_OF, type ArticleRecord, type EventRecord, type NodeRecord, type OrganizationRecord, type PersonRecord, type PlaceRecord, type StatementRecord, type TypeName } from './records.ts';

/** Collects WHERE clauses with numbered parameters. */
class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  add(clause: (p: (v: unknown) => string) => string): void {
    this.clauses.push(clause((v) => {
      this.params.push(v);
      return `$${this.params.length}`;
    }));
  }
  toString(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

async function page<T>(sql: Sql, from: string, columns: string, where: Where, orderBy: string, w: PageWindow): Promise<Page<T>> {
  const inner = `SELECT ${columns} FROM ${from} ${where}`;
  return fetchPage<T>(sql, inner, orderBy, where.params, w, async () => {
    const [row] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM ${from} ${where}`, where.params);
    return row.n;
  });
}

function checkDateRange(from?: string | null, to?: string | null): void {
  if (from && to && from > to) throw new AppError('BAD_USER_INPUT', `Date range is empty: from ${from} is after to ${to}`);
}

export interface ArticleFilter {
  source?: string | null;
  from?: string | null;
  to?: string | null;
  personId?: number | null;
  organizationId?: number | null;
  placeId?: number | null;
  eventId?: number | null;
}

export type ArticleOrderField = 'PUBLISHED_AT' | 'TITLE' | 'INGESTED_AT';
export const ARTICLE_ORDER: Record<ArticleOrderField, SortableField> = {
  PUBLISHED_AT: { expression: 'q."publishedAt"', defaultDirection: 'DESC', nullable: true },
  TITLE: { expression: 'lower(q.title)', defaultDirection: 'ASC' },
  INGESTED_AT: { expression: 'q."createdAt"', defaultDirection: 'DESC' },
};

export function listArticles(sql: Sql, w: PageWindow, f: ArticleFilter = {}, order?: OrderBy<ArticleOrderField> | null): Promise<Page<ArticleRecord>> {
  checkDateRange(f.from, f.to);
  const where = new Where();
  if (f.source) where.add((p) => `a.source ILIKE '%' || ${p(escapeLike(f.source!))} || '%'`);
  if (f.from) where.add((p) => `a.published_at >= ${p(f.from)}::date`);
  if (f.to) where.add((p) => `a.published_at <= ${p(f.to)}::date`);
  if (f.personId != null) where.add((p) => `EXISTS (SELECT 1 FROM article_person x WHERE x.article_id = a.id AND x.person_id = ${p(f.personId)})`);
  if (f.organizationId != null) where.add((p) => `EXISTS (SELECT 1 FROM article_organization x WHERE x.article_id = a.id AND x.organization_id = ${p(f.organizationId)})`);
  if (f.placeId != null) where.add((p) => `EXISTS (SELECT 1 FROM article_place x WHERE x.article_id = a.id AND x.place_id = ${p(f.placeId)})`);
  if (f.eventId != null) where.add((p) => `EXISTS (SELECT 1 FROM event_article x WHERE x.article_id = a.id AND x.event_id = ${p(f.eventId)})`);
  return page(sql, 'article a', COLUMNS.article(), where, orderByClause(ARTICLE_ORDER, order, { field: 'PUBLISHED_AT' }), w);
}

export interface EntityFilter {
  /** Only entities mentioned in this article. */
  articleId?: number | null;
  /** Only entities taking part in this event. */
  eventId?: number | null;
  /** Name or alias contains this text, case-insensitively. */
  nameContains?: string | null;
}

export type EntityOrderField = 'MENTIONS' | 'STATEMENTS' | 'NAME';

/** People, organisations and places share their list shape: mention counts, statement counts, name. */
function entityOrder(statementCount: string | null): Record<EntityOrderField, SortableField> {
  return {
    MENTIONS: { expression: 'q."__weight"', defaultDirection: 'DESC' },
    STATEMENTS: { expression: statementCount ? 'q."__statements"' : '0', defaultDirection: 'DESC' },
    NAME: { expression: 'lower(q.name)', defaultDirection: 'ASC' },
  };
}

function entityWhere(alias: string, f: EntityFilter, mentionTable: string, mentionColumn: string, eventTable: string | null): Where {
  const where = new Where();
  if (f.nameContains) {
    where.add((p) => {
      const needle = p(escapeLike(f.nameContains!));
      return `(${alias}.name ILIKE '%' || ${needle} || '%' OR EXISTS (SELECT 1 FROM unnest(${alias}.aliases) al WHERE al ILIKE '%' || ${needle} || '%'))`;
    });
  }
  if (f.articleId != null) where.add((p) => `EXISTS (SELECT 1 FROM ${mentionTable} x WHERE x.${mentionColumn} = ${alias}.id AND x.article_id = ${p(f.articleId)})`);
  if (f.eventId != null) {
    if (!eventTable) where.add((p) => `EXISTS (SELECT 1 FROM event x WHERE x.place_id = ${alias}.id AND x.id = ${p(f.eventId)})`);
    else where.add((p) => `EXISTS (SELECT 1 FROM ${eventTable} x WHERE x.${mentionColumn} = ${alias}.id AND x.event_id = ${p(f.eventId)})`);
  }
  return where;
}

export function listPeople(sql: Sql, w: PageWindow, f: EntityFilter = {}, order?: OrderBy<EntityOrderField> | null): Promise<Page<PersonRecord>> {
  // Most-mentioned first: that is who a reader of the graph wants to see.
  const columns = `${COLUMNS.person()}, (SELECT count(*) FROM article_person ap WHERE ap.person_id = p.id)::int AS "__weight"${order?.field === 'STATEMENTS' ? `, (SELECT count(*) FROM statement s WHERE s.speaker_person_id = p.id)::int AS "__statements"` : ''}`;
  const where = entityWhere('p', f, 'article_person', 'person_id', 'event_participant');
  return page(sql, 'person p', columns, where, orderByClause(entityOrder('s'), order, { field: 'MENTIONS' }), w);
}

export function listOrganizations(sql: Sql, w: PageWindow, f: EntityFilter = {}, order?: OrderBy<EntityOrderField> | null): Promise<Page<OrganizationRecord>> {
  const columns = `${COLUMNS.organization()}, (SELECT count(*) FROM article_organization ao WHERE ao.organization_id = o.id)::int AS "__weight"${order?.field === 'STATEMENTS' ? `, (SELECT count(*) FROM statement s WHERE s.speaker_organization_id = o.id)::int AS "__statements"` : ''}`;
  const where = entityWhere('o', f, 'article_organization', 'organization_id', 'event_organization');
  return page(sql, 'organization o', columns, where, orderByClause(entityOrder('s'), order, { field: 'MENTIONS' }), w);
}

export function listPlaces(sql: Sql, w: PageWindow, f: EntityFilter = {}, order?: OrderBy<EntityOrderField> | null): Promise<Page<PlaceRecord>> {
  const columns = `${COLUMNS.place()}, (SELECT count(*) FROM article_place ap WHERE ap.place_id = pl.id)::int AS "__weight"`;
  const where = entityWhere('pl', f, 'article_place', 'place_id', null);
  // Places do not speak: STATEMENTS orders by mentions.
  const fields = { ...entityOrder(null), STATEMENTS: { expression: 'q."__weight"', defaultDirection: 'DESC' as const } };
  return page(sql, 'place pl', columns, where, orderByClause(fields, order, { field: 'MENTIONS' }), w);
}

export interface EventFilter {
  kind?: string | null;
  from?: string | null;
  to?: string | null;
  personId?: number | null;
  organizationId?: number | null;
  placeId?: number | null;
  articleId?: number | null;
}

export type EventOrderField = 'START_DATE' | 'ARTICLES' | 'TITLE';
export const EVENT_ORDER: Record<EventOrderField, SortableField> = {
  START_DATE: { expression: 'q."startDate"', defaultDirection: 'DESC', nullable: true },
  ARTICLES: { expression: 'q."__articles"', defaultDirection: 'DESC' },
  TITLE: { expression: 'lower(q.title)', defaultDirection: 'ASC' },
};

export function listEvents(sql: Sql, w: PageWindow, f: EventFilter = {}, order?: OrderBy<EventOrderField> | null): Promise<Page<EventRecord>> {
  checkDateRange(f.from, f.to);
  const where = new Where();
  if (f.kind) where.add((p) => `e.kind = ${p(f.kind)}::"EventKind"`);
  // An event overlaps the range when it starts before its end and ends after its start.
  if (f.from) where.add((p) => `COALESCE(e.end_date, e.start_date) >= ${p(f.from)}::date`);
  if (f.to) where.add((p) => `e.start_date <= ${p(f.to)}::date`);
  if (f.personId != null) where.add((p) => `EXISTS (SELECT 1 FROM event_participant x WHERE x.event_id = e.id AND x.person_id = ${p(f.personId)})`);
  if (f.organizationId != null) where.add((p) => `EXISTS (SELECT 1 FROM event_organization x WHERE x.event_id = e.id AND x.organization_id = ${p(f.organizationId)})`);
  if (f.placeId != null) where.add((p) => `e.place_id = ${p(f.placeId)}`);
  if (f.articleId != null) where.add((p) => `EXISTS (SELECT 1 FROM event_article x WHERE x.event_id = e.id AND x.article_id = ${p(f.articleId)})`);
  const columns = order?.field === 'ARTICLES' ? `${COLUMNS.event()}, (SELECT count(*) FROM event_article x WHERE x.event_id = e.id)::int AS "__articles"` : COLUMNS.event();
  return page(sql, 'event e', columns, where, orderByClause(EVENT_ORDER, order, { field: 'START_DATE' }), w);
}

export interface StatementFilter {
  speakerPersonId?: number | null;
  speakerOrganizationId?: number | null;
  articleId?: number | null;
  eventId?: number | null;
  kind?: string | null;
  /** Publication date range of the article the statement appeared in. */
  from?: string | null;
  to?: string | null;
  /** Only statements whose words name this person (who-mentions-whom). */
  mentionsPersonId?: number | null;
  minConfidence?: number | null;
  source?: string | null;
}

export type StatementOrderField = 'PUBLISHED_AT' | 'CONFIDENCE';
export const STATEMENT_ORDER: Record<StatementOrderField, SortableField> = {
  // Within one date, articles by id and statements in text order keep reading order stable.
  PUBLISHED_AT: { expression: 'q."__date"', defaultDirection: 'DESC', nullable: true },
  CONFIDENCE: { expression: 'q.confidence', defaultDirection: 'DESC' },
};

/** A person mentioned inside a statement's span: one of their mention offsets lies within it. */
export const MENTIONED_IN_STATEMENT = (personParam: string) =>
  `EXISTS (SELECT 1 FROM article_person mp WHERE mp.article_id = s.article_id AND mp.person_id = ${personParam} AND EXISTS (SELECT 1 FROM unnest(mp.offsets) o WHERE o >= s.start_offset AND o < s.end_offset))`;

export function listStatements(sql: Sql, w: PageWindow, f: StatementFilter = {}, order?: OrderBy<StatementOrderField> | null): Promise<Page<StatementRecord>> {
  checkDateRange(f.from, f.to);
  if (f.minConfidence != null && !(f.minConfidence >= 0 && f.minConfidence <= 1)) throw new AppError('BAD_USER_INPUT', 'minConfidence must be between 0 and 1');
  const where = new Where();
  if (f.speakerPersonId != null) where.add((p) => `s.speaker_person_id = ${p(f.speakerPersonId)}`);
  if (f.speakerOrganizationId != null) where.add((p) => `s.speaker_organization_id = ${p(f.speakerOrganizationId)}`);
  if (f.articleId != null) where.add((p) => `s.article_id = ${p(f.articleId)}`);
  if (f.eventId != null) where.add((p) => `s.event_id = ${p(f.eventId)}`);
  if (f.kind) where.add((p) => `s.kind = ${p(f.kind)}::"StatementKind"`);
  if (f.from) where.add((p) => `a.published_at >= ${p(f.from)}::date`);
  if (f.to) where.add((p) => `a.published_at <= ${p(f.to)}::date`);
  if (f.source) where.add((p) => `a.source ILIKE '%' || ${p(escapeLike(f.source!))} || '%'`);
  if (f.minConfidence != null) where.add((p) => `s.confidence >= ${p(f.minConfidence)}`);
  if (f.mentionsPersonId != null) where.add((p) => MENTIONED_IN_STATEMENT(p(f.mentionsPersonId)));
  const columns = `${COLUMNS.statement()}, a.published_at AS "__date"`;
  const chosen = orderByClause(STATEMENT_ORDER, order, { field: 'PUBLISHED_AT' });
  const orderBy = (order?.field ?? 'PUBLISHED_AT') === 'PUBLISHED_AT' && (order?.direction ?? 'DESC') === 'DESC'
    ? `q."__date" DESC NULLS LAST, q."articleId" DESC, q."startOffset", q."rowId"`
    : chosen;
  return page(sql, 'statement s JOIN article a ON a.id = s.article_id', columns, where, orderBy, w);
}

/** LIKE patterns treat the user's % and _ literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A person by canonical name or alias, case-insensitively. A canonical-name match wins; an alias
 * shared by several people ("Kim") goes to the most-mentioned of them.
 */
export async function findPersonByName(sql: Sql, name: string): Promise<PersonRecord | null> {
  const rows = await sql.query<PersonRecord>(
    `SELECT ${COLUMNS.person()} FROM person p
     WHERE lower(p.name) = lower($1) OR lower($1) = ANY (SELECT lower(x) FROM unnest(p.aliases) x)
     ORDER BY (lower(p.name) = lower($1)) DESC, (SELECT count(*) FROM article_person ap WHERE ap.person_id = p.id) DESC, p.id
     LIMIT 1`,
    [name.trim()],
  );
  return rows[0] ?? null;
}

export async function findOrganizationByName(sql: Sql, name: string): Promise<OrganizationRecord | null> {
  const rows = await sql.query<OrganizationRecord>(
    `SELECT ${COLUMNS.organization()} FROM organization o
     WHERE lower(o.name) = lower($1) OR lower($1) = ANY (SELECT lower(x) FROM unnest(o.aliases) x)
     ORDER BY (lower(o.name) = lower($1)) DESC, o.id LIMIT 1`,
    [name.trim()],
  );
  return rows[0] ?? null;
}

/** Rows of one type by id, for DataLoaders (order not guaranteed). */
export function getRecordsByIds(sql: Sql, type: TypeName, ids: readonly number[]): Promise<NodeRecord[]> {
  const t = TABLE_OF[type];
  return sql.query<NodeRecord>(`SELECT ${t.columns()} FROM ${t.table} ${t.alias} WHERE ${t.alias}.id = ANY($1::int[])`, [ids]);
}
