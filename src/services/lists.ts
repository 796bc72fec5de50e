import { CUSTOM_PLAN, type Sql } from '../db/sql.ts';
import { AppError } from './app-error.ts';
import { cursorBinding, encodeCursor, pageOf, pagedSql, type KeyType, type KeysetRow, type PagedQuery, type SortKey } from './keyset.ts';
import type { Direction, OrderBy } from './ordering.ts';
import type { Page, PageWindow } from './pagination.ts';
import { COLUMNS, TABLE_OF, columnsOf, type ArticleRecord, type EventRecord, type NodeRecord, type OrganizationRecord, type PersonRecord, type PlaceRecord, type StatementRecord, type TypeName } from './records.ts';

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

/** The size of a list the writer keeps a counter for (graph_count, or a counter column of one row). */
async function counter(sql: Sql, text: string, params: unknown[]): Promise<number> {
  const [row] = await sql.query<{ n: string | number }>(text, params);
  return Number(row?.n ?? 0);
}

/** Counts a list: from a counter when `counted` names one for these filters, else the filtered rows. */
function countOf(sql: Sql, from: string, where: Where, counted?: { text: string; params: unknown[] } | null): () => Promise<number> {
  return () => (counted ? counter(sql, counted.text, counted.params) : counter(sql, `SELECT count(*) AS n FROM ${from} ${where}`, where.params));
}

const wholeList = (table: string) => ({ text: `SELECT n FROM graph_count WHERE name = $1`, params: [table] });

/** Calls `count` once, when first asked. */
function once(count: () => Promise<number>): () => Promise<number> {
  let value: Promise<number> | null = null;
  return () => (value ??= count());
}

/** A root list's page: the keyset window in one SQL statement, the count only when asked for. */
export async function rootPage<T>(sql: Sql, q: PagedQuery, w: PageWindow, count: () => Promise<number>): Promise<Page<T>> {
  const { text, params } = pagedSql(q, w);
  // A filtered list's plan follows its values (a popular or a rare person): see CUSTOM_PLAN.
  const rows = await sql.query<T & KeysetRow>(q.params.length > 0 ? CUSTOM_PLAN + text : text, params);
  return { ...pageOf(rows, w, q.binding), count: once(count) };
}

/** The sort keys of an order chosen among `fields`: the field's key(s), then the row id in the same direction. */
function orderKeys<F extends string>(list: string, fields: Record<F, (dir: Direction) => SortKey[]>, order: OrderBy<F> | null | undefined, fallback: F, defaults: Record<F, Direction>): { keys: SortKey[]; chosen: { field: F; direction: Direction } } {
  const field = order?.field ?? fallback;
  if (!Object.hasOwn(fields, field)) throw new AppError('BAD_USER_INPUT', `Cannot order ${list} by ${String(field)}`);
  const dir = order?.direction ?? defaults[field];
  return { keys: fields[field](dir), chosen: { field, direction: dir } };
}

const byId = (dir: Direction): SortKey => ({ column: 'rowId', dir, type: 'int' });
const key = (type: KeyType, nullable = false) => (dir: Direction): SortKey[] => [{ column: '__k', dir, type, nullable }, byId(dir)];

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
const ARTICLE_KEYS: Record<ArticleOrderField, (dir: Direction) => SortKey[]> = { PUBLISHED_AT: key('date', true), TITLE: key('text'), INGESTED_AT: key('timestamp') };
const ARTICLE_KEY_SQL: Record<ArticleOrderField, string> = { PUBLISHED_AT: 'a.published_at', TITLE: 'lower(left(a.title, 300))', INGESTED_AT: 'a.created_at' };
const ARTICLE_DEFAULTS: Record<ArticleOrderField, Direction> = { PUBLISHED_AT: 'DESC', TITLE: 'ASC', INGESTED_AT: 'DESC' };

export function listArticles(sql: Sql, w: PageWindow, f: ArticleFilter = {}, order?: OrderBy<ArticleOrderField> | null, fields?: ReadonlySet<string>): Promise<Page<ArticleRecord>> {
  checkDateRange(f.from, f.to);
  const where = new Where();
  if (f.source) where.add((p) => `a.source ILIKE '%' || ${p(escapeLike(f.source!))} || '%'`);
  if (f.from) where.add((p) => `a.published_at >= ${p(f.from)}::date`);
  if (f.to) where.add((p) => `a.published_at <= ${p(f.to)}::date`);
  if (f.personId != null) where.add((p) => `EXISTS (SELECT 1 FROM article_person x WHERE x.article_id = a.id AND x.person_id = ${p(f.personId)})`);
  if (f.organizationId != null) where.add((p) => `EXISTS (SELECT 1 FROM article_organization x WHERE x.article_id = a.id AND x.organization_id = ${p(f.organizationId)})`);
  if (f.placeId != null) where.add((p) => `EXISTS (SELECT 1 FROM article_place x WHERE x.article_id = a.id AND x.place_id = ${p(f.placeId)})`);
  if (f.eventId != null) where.add((p) => `EXISTS (SELECT 1 FROM event_article x WHERE x.article_id = a.id AND x.event_id = ${p(f.eventId)})`);
  const { keys, chosen } = orderKeys('articles', ARTICLE_KEYS, order, 'PUBLISHED_AT', ARTICLE_DEFAULTS);
  const inner = `SELECT ${columnsOf('Article', 'a', fields)}, ${ARTICLE_KEY_SQL[chosen.field]} AS "__k" FROM article a ${where}`;
  const filters = Object.values(f).filter((v) => v != null).length;
  // The whole list, or all of one entity's articles: counters the writer keeps.
  const counted = filters === 0 ? wholeList('article')
    : filters === 1 && f.personId != null ? { text: 'SELECT article_count AS n FROM person_counter WHERE person_id = $1', params: [f.personId] }
    : filters === 1 && f.organizationId != null ? { text: 'SELECT article_count AS n FROM organization_counter WHERE organization_id = $1', params: [f.organizationId] }
    : filters === 1 && f.placeId != null ? { text: 'SELECT article_count AS n FROM place_counter WHERE place_id = $1', params: [f.placeId] }
    : filters === 1 && f.eventId != null ? { text: 'SELECT article_count AS n FROM event_counter WHERE event_id = $1', params: [f.eventId] }
    : null;
  const q = { inner, params: where.params, order: keys, binding: cursorBinding('articles', chosen, f) };
  return rootPage(sql, q, w, countOf(sql, 'article a', where, counted));
}

/**
 * The cursor of an article in the default articles list (newest first, no filters), from its date
 * ('YYYY-MM-DD' or null) and id: where a reader (or a benchmark) resumes after a known article.
 */
export function newestArticlesCursor(publishedAt: string | null, rowId: number): string {
  return encodeCursor(cursorBinding('articles', { field: 'PUBLISHED_AT', direction: 'DESC' }, {}), [publishedAt, rowId]);
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
const ENTITY_KEYS: Record<EntityOrderField, (dir: Direction) => SortKey[]> = { MENTIONS: key('int'), STATEMENTS: key('int'), NAME: key('text') };
const ENTITY_DEFAULTS: Record<EntityOrderField, Direction> = { MENTIONS: 'DESC', STATEMENTS: 'DESC', NAME: 'ASC' };

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

/**
 * People, organisations and places share their list shape. MENTIONS and STATEMENTS read the counters
 * the writer keeps in <entity>_counter (article_count, statement_count; migration 20261207090000);
 * places do not speak, and STATEMENTS orders them by mentions.
 */
function listEntities<T>(sql: Sql, w: PageWindow, table: 'person' | 'organization' | 'place', f: EntityFilter, order: OrderBy<EntityOrderField> | null | undefined, fields: ReadonlySet<string> | undefined): Promise<Page<T>> {
  const spec = {
    person: { alias: 'p', type: 'Person' as const, mentions: 'article_person', column: 'person_id', events: 'event_participant', statements: 'c.statement_count' },
    organization: { alias: 'o', type: 'Organization' as const, mentions: 'article_organization', column: 'organization_id', events: 'event_organization', statements: 'c.statement_count' },
    place: { alias: 'pl', type: 'Place' as const, mentions: 'article_place', column: 'place_id', events: null, statements: 'c.article_count' },
  }[table];
  const where = entityWhere(spec.alias, f, spec.mentions, spec.column, spec.events);
  const { keys, chosen } = orderKeys(table, ENTITY_KEYS, order, 'MENTIONS', ENTITY_DEFAULTS);
  const keySql = { MENTIONS: 'c.article_count', STATEMENTS: spec.statements, NAME: `lower(${spec.alias}.name)` }[chosen.field];
  const counters = chosen.field === 'NAME' ? '' : `JOIN ${table}_counter c ON c.${table}_id = ${spec.alias}.id`;
  const inner = `SELECT ${columnsOf(spec.type, spec.alias, fields)}, ${keySql} AS "__k" FROM ${table} ${spec.alias} ${counters} ${where}`;
  const filtered = Object.values(f).some((v) => v != null && v !== '');
  const q = { inner, params: where.params, order: keys, binding: cursorBinding(table, chosen, f) };
  return rootPage<T>(sql, q, w, countOf(sql, `${table} ${spec.alias}`, where, filtered ? null : wholeList(table)));
}

export function listPeople(sql: Sql, w: PageWindow, f: EntityFilter = {}, order?: OrderBy<EntityOrderField> | null, fields?: ReadonlySet<string>): Promise<Page<PersonRecord>> {
  return listEntities(sql, w, 'person', f, order, fields);
}

export function listOrganizations(sql: Sql, w: PageWindow, f: EntityFilter = {}, order?: OrderBy<EntityOrderField> | null, fields?: ReadonlySet<string>): Promise<Page<OrganizationRecord>> {
  return listEntities(sql, w, 'organization', f, order, fields);
}

export function listPlaces(sql: Sql, w: PageWindow, f: EntityFilter = {}, order?: OrderBy<EntityOrderField> | null, fields?: ReadonlySet<string>): Promise<Page<PlaceRecord>> {
  return listEntities(sql, w, 'place', f, order, fields);
}

/** A person or organisation as an actor filter. */
export interface EventActorRef {
  type: 'Person' | 'Organization';
  rowId: number;
}

export interface EventFilter {
  kind?: string | null;
  /** Only events of one of these types. */
  types?: string[] | null;
  /** Only events this person or organisation acted in (a source), or was acted on in (a target). */
  sourceActor?: EventActorRef | null;
  targetActor?: EventActorRef | null;
  from?: string | null;
  to?: string | null;
  personId?: number | null;
  organizationId?: number | null;
  placeId?: number | null;
  articleId?: number | null;
}

export type EventOrderField = 'START_DATE' | 'ARTICLES' | 'TITLE';
const EVENT_KEYS: Record<EventOrderField, (dir: Direction) => SortKey[]> = { START_DATE: key('date', true), ARTICLES: key('int'), TITLE: key('text') };
const EVENT_KEY_SQL: Record<EventOrderField, string> = { START_DATE: 'e.start_date', ARTICLES: 'c.article_count', TITLE: 'lower(left(e.title, 300))' };
const EVENT_DEFAULTS: Record<EventOrderField, Direction> = { START_DATE: 'DESC', ARTICLES: 'DESC', TITLE: 'ASC' };

export function listEvents(sql: Sql, w: PageWindow, f: EventFilter = {}, order?: OrderBy<EventOrderField> | null, fields?: ReadonlySet<string>): Promise<Page<EventRecord>> {
  checkDateRange(f.from, f.to);
  const where = new Where();
  if (f.kind) where.add((p) => `e.kind = ${p(f.kind)}::"EventKind"`);
  if (f.types?.length) where.add((p) => `e.type = ANY(${p(f.types)}::"EventType"[])`);
  for (const [actor, role] of [[f.sourceActor, 'SOURCE'], [f.targetActor, 'TARGET']] as const) {
    if (!actor) continue;
    const column = actor.type === 'Person' ? 'person_id' : 'organization_id';
    where.add((p) => `EXISTS (SELECT 1 FROM event_actor x WHERE x.${column} = ${p(actor.rowId)} AND x.role = '${role}' AND x.event_id = e.id)`);
  }
  // An event overlaps the range when it starts before its end and ends after its start.
  if (f.from) where.add((p) => `COALESCE(e.end_date, e.start_date) >= ${p(f.from)}::date`);
  if (f.to) where.add((p) => `e.start_date <= ${p(f.to)}::date`);
  if (f.personId != null) where.add((p) => `EXISTS (SELECT 1 FROM event_participant x WHERE x.event_id = e.id AND x.person_id = ${p(f.personId)})`);
  if (f.organizationId != null) where.add((p) => `EXISTS (SELECT 1 FROM event_organization x WHERE x.event_id = e.id AND x.organization_id = ${p(f.organizationId)})`);
  if (f.placeId != null) where.add((p) => `e.place_id = ${p(f.placeId)}`);
  if (f.articleId != null) where.add((p) => `EXISTS (SELECT 1 FROM event_article x WHERE x.event_id = e.id AND x.article_id = ${p(f.articleId)})`);
  const { keys, chosen } = orderKeys('events', EVENT_KEYS, order, 'START_DATE', EVENT_DEFAULTS);
  // ARTICLES reads the writer's counter, in the order of its index (see migration 20261207090000).
  const counters = chosen.field === 'ARTICLES' ? 'JOIN event_counter c ON c.event_id = e.id' : '';
  const inner = `SELECT ${columnsOf('Event', 'e', fields)}, ${EVENT_KEY_SQL[chosen.field]} AS "__k" FROM event e ${counters} ${where}`;
  const filtered = Object.values(f).some((v) => v != null && v !== '');
  const q = { inner, params: where.params, order: keys, binding: cursorBinding('events', chosen, f) };
  return rootPage(sql, q, w, countOf(sql, 'event e', where, filtered ? null : wholeList('event')));
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
/**
 * Statements by their article's date (copied onto the statement), then article, then text order:
 * newest first reads each article's statements in reading order.
 */
export const STATEMENT_DATE_KEYS = (dir: Direction): SortKey[] => [
  { column: '__date', dir, type: 'date', nullable: true },
  { column: 'articleId', dir, type: 'int' },
  { column: 'startOffset', dir: 'ASC', type: 'int' },
  { column: 'rowId', dir: 'ASC', type: 'int' },
];
const STATEMENT_KEYS: Record<StatementOrderField, (dir: Direction) => SortKey[]> = { PUBLISHED_AT: STATEMENT_DATE_KEYS, CONFIDENCE: key('float8') };
const STATEMENT_DEFAULTS: Record<StatementOrderField, Direction> = { PUBLISHED_AT: 'DESC', CONFIDENCE: 'DESC' };

/** A person mentioned inside a statement's span: one of their mention offsets lies within it. */
export const MENTIONED_IN_STATEMENT = (personParam: string) =>
  `EXISTS (SELECT 1 FROM article_person mp WHERE mp.article_id = s.article_id AND mp.person_id = ${personParam} AND EXISTS (SELECT 1 FROM unnest(mp.offsets) o WHERE o >= s.start_offset AND o < s.end_offset))`;

export function listStatements(sql: Sql, w: PageWindow, f: StatementFilter = {}, order?: OrderBy<StatementOrderField> | null, fields?: ReadonlySet<string>): Promise<Page<StatementRecord>> {
  checkDateRange(f.from, f.to);
  if (f.minConfidence != null && !(f.minConfidence >= 0 && f.minConfidence <= 1)) throw new AppError('BAD_USER_INPUT', 'minConfidence must be between 0 and 1');
  const where = new Where();
  if (f.speakerPersonId != null) where.add((p) => `s.speaker_person_id = ${p(f.speakerPersonId)}`);
  if (f.speakerOrganizationId != null) where.add((p) => `s.speaker_organization_id = ${p(f.speakerOrganizationId)}`);
  if (f.articleId != null) where.add((p) => `s.article_id = ${p(f.articleId)}`);
  if (f.eventId != null) where.add((p) => `s.event_id = ${p(f.eventId)}`);
  if (f.kind) where.add((p) => `s.kind = ${p(f.kind)}::"StatementKind"`);
  if (f.from) where.add((p) => `s.published_at >= ${p(f.from)}::date`);
  if (f.to) where.add((p) => `s.published_at <= ${p(f.to)}::date`);
  if (f.source) where.add((p) => `EXISTS (SELECT 1 FROM article a WHERE a.id = s.article_id AND a.source ILIKE '%' || ${p(escapeLike(f.source!))} || '%')`);
  if (f.minConfidence != null) where.add((p) => `s.confidence >= ${p(f.minConfidence)}`);
  if (f.mentionsPersonId != null) where.add((p) => MENTIONED_IN_STATEMENT(p(f.mentionsPersonId)));
  const { keys, chosen } = orderKeys('statements', STATEMENT_KEYS, order, 'PUBLISHED_AT', STATEMENT_DEFAULTS);
  const inner = `SELECT ${columnsOf('Statement', 's', fields, keys.map((k) => k.column))}, s.published_at AS "__date", s.confidence AS "__k" FROM statement s ${where}`;
  const filters = Object.values(f).filter((v) => v != null && v !== '').length;
  const counted = filters === 0 ? wholeList('statement')
    : filters === 1 && f.speakerPersonId != null ? { text: 'SELECT statement_count AS n FROM person_counter WHERE person_id = $1', params: [f.speakerPersonId] }
    : filters === 1 && f.speakerOrganizationId != null ? { text: 'SELECT statement_count AS n FROM organization_counter WHERE organization_id = $1', params: [f.speakerOrganizationId] }
    : null;
  const q = { inner, params: where.params, order: keys, binding: cursorBinding('statements', chosen, f) };
  return rootPage(sql, q, w, countOf(sql, 'statement s', where, counted));
}

/** LIKE patterns treat the user's % and _ literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A person by canonical name or alias, case-insensitively, hyphens and punctuation read as spaces
 * ("Kim Jong-un" is Kim Jong Un). A canonical-name match wins; an alias shared by several people
 * ("Kim") goes to the most-mentioned of them.
 */
export async function findPersonByName(sql: Sql, name: string): Promise<PersonRecord | null> {
  const rows = await sql.query<PersonRecord>(
    `SELECT ${COLUMNS.person()} FROM person p
     WHERE lower(p.name) = lower($1) OR lower($1) = ANY (SELECT lower(x) FROM unnest(p.aliases) x)
        OR newsgraph_loose_name(p.name) = newsgraph_loose_name($1) OR newsgraph_loose_name($1) = ANY (SELECT newsgraph_loose_name(x) FROM unnest(p.aliases) x)
     ORDER BY (lower(p.name) = lower($1)) DESC, (newsgraph_loose_name(p.name) = newsgraph_loose_name($1)) DESC, (SELECT c.article_count FROM person_counter c WHERE c.person_id = p.id) DESC, p.id
     LIMIT 1`,
    [name.trim()],
  );
  return rows[0] ?? null;
}

export async function findOrganizationByName(sql: Sql, name: string): Promise<OrganizationRecord | null> {
  const rows = await sql.query<OrganizationRecord>(
    `SELECT ${COLUMNS.organization()} FROM organization o
     WHERE lower(o.name) = lower($1) OR lower($1) = ANY (SELECT lower(x) FROM unnest(o.aliases) x)
        OR newsgraph_loose_name(o.name) = newsgraph_loose_name($1) OR newsgraph_loose_name($1) = ANY (SELECT newsgraph_loose_name(x) FROM unnest(o.aliases) x)
     ORDER BY (lower(o.name) = lower($1)) DESC, (newsgraph_loose_name(o.name) = newsgraph_loose_name($1)) DESC, o.id LIMIT 1`,
    [name.trim()],
  );
  return rows[0] ?? null;
}

/** Rows of one type by id, for DataLoaders (order not guaranteed). */
export function getRecordsByIds(sql: Sql, type: TypeName, ids: readonly number[], fields?: ReadonlySet<string>): Promise<NodeRecord[]> {
  const t = TABLE_OF[type];
  return sql.query<NodeRecord>(`SELECT ${t.columns(fields)} FROM ${t.table} ${t.alias} WHERE ${t.alias}.id = ANY($1::int[])`, [ids]);
}
