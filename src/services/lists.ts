import type { Sql } from '../db/sql.ts';
import { AppError } from './app-error.ts';
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
}

export function listArticles(sql: Sql, w: PageWindow, f: ArticleFilter = {}): Promise<Page<ArticleRecord>> {
  checkDateRange(f.from, f.to);
  const where = new Where();
  if (f.source) where.add((p) => `a.source ILIKE '%' || ${p(f.source)} || '%'`);
  if (f.from) where.add((p) => `a.published_at >= ${p(f.from)}::date`);
  if (f.to) where.add((p) => `a.published_at <= ${p(f.to)}::date`);
  return page(sql, 'article a', COLUMNS.article(), where, `q."publishedAt" DESC NULLS LAST, q."rowId" DESC`, w);
}

export function listPeople(sql: Sql, w: PageWindow): Promise<Page<PersonRecord>> {
  // Most-mentioned first: that is who a reader of the graph wants to see.
  const columns = `${COLUMNS.person()}, (SELECT count(*) FROM article_person ap WHERE ap.person_id = p.id)::int AS "__weight"`;
  return page(sql, 'person p', columns, new Where(), `q."__weight" DESC, q.name, q."rowId"`, w);
}

export function listOrganizations(sql: Sql, w: PageWindow): Promise<Page<OrganizationRecord>> {
  const columns = `${COLUMNS.organization()}, (SELECT count(*) FROM article_organization ao WHERE ao.organization_id = o.id)::int AS "__weight"`;
  return page(sql, 'organization o', columns, new Where(), `q."__weight" DESC, q.name, q."rowId"`, w);
}

export function listPlaces(sql: Sql, w: PageWindow): Promise<Page<PlaceRecord>> {
  const columns = `${COLUMNS.place()}, (SELECT count(*) FROM article_place ap WHERE ap.place_id = pl.id)::int AS "__weight"`;
  return page(sql, 'place pl', columns, new Where(), `q."__weight" DESC, q.name, q."rowId"`, w);
}

export interface EventFilter {
  kind?: string | null;
  from?: string | null;
  to?: string | null;
}

export function listEvents(sql: Sql, w: PageWindow, f: EventFilter = {}): Promise<Page<EventRecord>> {
  checkDateRange(f.from, f.to);
  const where = new Where();
  if (f.kind) where.add((p) => `e.kind = ${p(f.kind)}::"EventKind"`);
  // An event overlaps the range when it starts before its end and ends after its start.
  if (f.from) where.add((p) => `COALESCE(e.end_date, e.start_date) >= ${p(f.from)}::date`);
  if (f.to) where.add((p) => `e.start_date <= ${p(f.to)}::date`);
  return page(sql, 'event e', COLUMNS.event(), where, `q."startDate" DESC NULLS LAST, q."rowId" DESC`, w);
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
}

export function listStatements(sql: Sql, w: PageWindow, f: StatementFilter = {}): Promise<Page<StatementRecord>> {
  checkDateRange(f.from, f.to);
  const where = new Where();
  if (f.speakerPersonId != null) where.add((p) => `s.speaker_person_id = ${p(f.speakerPersonId)}`);
  if (f.speakerOrganizationId != null) where.add((p) => `s.speaker_organization_id = ${p(f.speakerOrganizationId)}`);
  if (f.articleId != null) where.add((p) => `s.article_id = ${p(f.articleId)}`);
  if (f.eventId != null) where.add((p) => `s.event_id = ${p(f.eventId)}`);
  if (f.kind) where.add((p) => `s.kind = ${p(f.kind)}::"StatementKind"`);
  if (f.from) where.add((p) => `a.published_at >= ${p(f.from)}::date`);
  if (f.to) where.add((p) => `a.published_at <= ${p(f.to)}::date`);
  const columns = `${COLUMNS.statement()}, a.published_at AS "__date"`;
  return page(sql, 'statement s JOIN article a ON a.id = s.article_id', columns, where, `q."__date" DESC NULLS LAST, q."articleId" DESC, q."startOffset", q."rowId"`, w);
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
