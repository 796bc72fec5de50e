import DataLoader from 'dataloader';
import { GENERIC_PLAN, type Sql } from '../../db/sql.ts';
import { getRecordsByIds } from '../../services/lists.ts';
import { cursorBinding, pageOf, pagedSql, type KeysetRow } from '../../services/keyset.ts';
import { windowKey, type Page, type PageWindow } from '../../services/pagination.ts';
import { columnsOf, type ArticleRecord, type FieldSelection, type EventRecord, type NodeRecord, type OrganizationRecord, type PersonRecord, type PlaceRecord, type StatementRecord, type TypeName } from '../../services/records.ts';
import { ALL_COLUMNS, RELATIONS, type ColumnPicker, type RelationName, type RelationSpec } from '../../services/relations.ts';
import type { DocumentSelection } from './columns.ts';
import { sentencesOf } from '../../services/sentences.ts';
import type { Span } from '../../ingest/types.ts';

/**
 * Sends the statements issued in the same turn of the event loop (the loaders of one level of a query:
 * an article's people and statements, a person's statements, events and co-mentions) as one statement,
 * each part's rows as JSON: one round trip instead of several. On a small machine a round trip to
 * PostgreSQL costs more CPU than the query itself. Rows come back as the pool returns them (numbers,
 * text, arrays, dates as text): timestamps, which JSON turns into text, are read back into Dates
 * (see TIMESTAMP_COLUMNS). Rows keep each part's order.
 */
/**
 * The timestamp columns the loaders' rows carry. `to_json` writes a `timestamp without time zone` as
 * ISO text without an offset, which `new Date` reads as local time, as the pool's own parser does.
 */
const TIMESTAMP_COLUMNS = ['createdAt', 'updatedAt'] as const;

function reviveTimestamps(row: unknown): unknown {
  const r = row as Record<string, unknown>;
  for (const column of TIMESTAMP_COLUMNS) {
    if (typeof r[column] === 'string') r[column] = new Date(r[column] as string);
  }
  return r;
}

/**
 * A cache of what is made from SQL texts. The texts come from a few shapes (a relation and the kind of
 * window), so it stays small; it is emptied if it ever reaches `limit` entries, which bounds it.
 */
function sqlCache<V>(limit = 1000): (text: string, make: () => V) => V {
  const made = new Map<string, V>();
  return (text, make) => {
    let value = made.get(text);
    if (value === undefined) {
      if (made.size >= limit) made.clear();
      made.set(text, (value = make()));
    }
    return value;
  };
}

// Renumbered forms of each statement are kept, so that a request does not rewrite kilobytes of SQL for
// every part it merges.
const shiftedForms = sqlCache<string[]>();

/** The statement with its parameters renumbered from `offset + 1` ($1 becomes $(offset + 1)). */
function shiftParameters(text: string, offset: number): string {
  if (offset === 0) return text;
  const forms = shiftedForms(text, () => []);
  return (forms[offset] ??= text.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + offset}`));
}

// Each distinct statement text gets a small number, so that a merged statement is found again by its
// parts' numbers and offsets (a short key) instead of being rebuilt and re-hashed, kilobytes long, at
// every request: the same string also finds its prepared statement's name at once (sql.ts).
// Numbers are never reused (the map is emptied, not renumbered), so a cached merge cannot be mistaken.
const partIds = new Map<string, number>();
let nextPartId = 0;
const partId = (text: string) => {
  let id = partIds.get(text);
  if (id === undefined) {
    if (partIds.size >= 1000) partIds.clear();
    partIds.set(text, (id = nextPartId++));
  }
  return id;
};
const mergedTexts = sqlCache<string>();

/** The UNION ALL of a batch's statements, parameters renumbered; `shape` is [part id, offset] per part. */
function mergedText(batch: readonly { text: string }[], shape: readonly number[]): string {
  return mergedTexts(shape.join(','), () => batch
    .map((b, i) => `SELECT ${i} AS "__q", to_json(t) AS "__r" FROM (${shiftParameters(b.text, shape[2 * i + 1])}) t`)
    .join('\nUNION ALL\n'));
}

function mergingSql(sql: Sql): Sql {
  type Pending = { text: string; params: unknown[]; resolve: (rows: unknown[]) => void; reject: (error: unknown) => void };
  let pending: Pending[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    if (batch.length === 1) {
      const [only] = batch;
      return sql.query(only.text, only.params).then(only.resolve, only.reject);
    }
    const params: unknown[] = [];
    const shape: number[] = [];
    for (const b of batch) {
      shape.push(partId(b.text), params.length);
      params.push(...b.params);
    }
    try {
      const rows = await sql.query<{ __q: number; __r: unknown }>(mergedText(batch, shape), params);
      const results = batch.map((): unknown[] => []);
      for (const r of rows) results[r.__q].push(reviveTimestamps(r.__r));
      batch.forEach((b, i) => b.resolve(results[i]));
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  };
  return {
    query<T>(text: string, params: unknown[] = []) {
      return new Promise<T[]>((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ text, params, resolve: resolve as (rows: unknown[]) => void, reject });
      });
    },
  };
}

const withArticlesSql = sqlCache<string>();

/**
 * A page SQL of statements whose rows carry their article as the article loader reads it ("__article",
 * JSON), looked up once per row of the page, after the page is cut: the rows' order does not matter
 * (the loader orders each parent's rows by "__n"). A second statement that ran the page again to find
 * its articles cost about as much as the page itself (0.07 of 0.45 ms of a person page in PostgreSQL).
 */
function withArticles(page: string, c: ColumnPicker): string {
  return withArticlesSql(page, () => `SELECT w.*, (SELECT row_to_json(x) FROM (SELECT ${c('Article', 'a')} FROM article a WHERE a.id = w."articleId") x) AS "__article" FROM (${page}) w`);
}

const columnsAfterSql = sqlCache<string>();

/** A page SQL whose rows get their columns after the cut (see RelationSpec.after); same parameters. */
function withColumnsAfter(page: string, after: NonNullable<RelationSpec['after']>, c: ColumnPicker): string {
  return columnsAfterSql(page, () => {
    const keep = (after.keep ?? []).map((k) => `, pg."${k}"`).join('');
    return `SELECT pg."parentId", pg."__key", pg."__n"${keep}, ${after.columns(c)} FROM (${page}) pg ${after.join}`;
  });
}

const relationStatements = sqlCache<{ binding: string; text: string; paged: { text: string; params: unknown[] } }>();

/**
 * A relation page's statement: every parent's page in one statement (LATERAL, keyset: an index range
 * per parent). A bad cursor throws here, before anything is sent. Windows without cursors (first pages,
 * nearly all of them) give the same text and parameters every time: made once per process.
 */
function relationStatement(name: RelationName, w: PageWindow, bringArticles: boolean, key: string, fields: FieldSelection | null) {
  const make = () => {
    const spec: RelationSpec = RELATIONS[name];
    const binding = cursorBinding(name);
    const c = picker(spec, fields);
    const inner = typeof spec.inner === 'string' ? spec.inner : spec.inner(c);
    const paged = pagedSql({ inner, params: [], order: spec.order, binding }, w, true);
    const text = bringArticles ? withArticles(paged.text, c) : spec.after ? withColumnsAfter(paged.text, spec.after, c) : paged.text;
    return { binding, text, paged };
  };
  return w.after == null && w.before == null ? relationStatements(key, make) : make();
}

/**
 * The columns a relation's rows read: the query's fields (null: every column), the keys its pages are
 * ordered by, and a statement's article id (its article may come along, see withArticles).
 */
function picker(spec: RelationSpec, fields: FieldSelection | null): ColumnPicker {
  if (!fields) return ALL_COLUMNS;
  const required = [...spec.order.map((k) => k.column), ...(spec.after?.keep ?? []), ...(spec.statementsOfArticles ? ['articleId'] : [])];
  return Object.assign((type: Parameters<ColumnPicker>[0], alias: string) => columnsOf(type, alias, fields[type], required), {
    speakers: fields.Statement?.has('speaker') ?? true,
  });
}

const genericTexts = sqlCache<string>();

/** The loaders' statements are planned once per connection (see GENERIC_PLAN); the marked text is kept with its text. */
function genericPlans(sql: Sql): Sql {
  return { query: (text, params) => sql.query(text.startsWith(GENERIC_PLAN) ? text : genericTexts(text, () => GENERIC_PLAN + text), params) };
}

function byIdLoader<T extends NodeRecord>(sql: Sql, type: TypeName, fields: () => FieldSelection | null): DataLoader<number, T | null> {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = (await getRecordsByIds(sql, type, ids, fields()?.[type])) as T[];
    const map = new Map(rows.map((r) => [r.rowId, r]));
    return ids.map((id) => map.get(id) ?? null);
  }, { maxBatchSize: 1000 });
}

/**
 * One set per request (never shared: it caches rows the request has seen). Each nested connection
 * shape (relation + page window) gets one loader, so a level of the query costs one SQL statement
 * however many parents it has. Rows carry every column until `select` narrows them to what the
 * request's document reads (see columns.ts): set before the first load, by the request pipeline.
 */
export function createLoaders(requestSql: Sql) {
  const sql = genericPlans(requestSql);
  const relationLoaders = new Map<string, DataLoader<number, Page<unknown>>>();
  const merged = mergingSql(sql);
  let selection: DocumentSelection | null = null;
  const fields = () => selection?.fields ?? null;
  const article = byIdLoader<ArticleRecord>(merged, 'Article', fields);
  const person = byIdLoader<PersonRecord>(merged, 'Person', fields);
  const organization = byIdLoader<OrganizationRecord>(merged, 'Organization', fields);
  /** Rows a relation brought along (statement speakers, articles): later look-ups of them need no query. */
  const keep = (rows: readonly object[]) => {
    for (const row of rows) {
      const r = row as { __speakerPerson?: PersonRecord | null; __speakerOrganization?: OrganizationRecord | null; __article?: ArticleRecord | null };
      if (r.__speakerPerson) person.prime(r.__speakerPerson.rowId, r.__speakerPerson);
      if (r.__speakerOrganization) organization.prime(r.__speakerOrganization.rowId, r.__speakerOrganization);
      if (r.__article !== undefined) {
        if (r.__article) article.prime(r.__article.rowId, reviveTimestamps(r.__article) as ArticleRecord);
        delete r.__article;
      }
    }
  };

  /** Each relation's sizes, batched over the parents whose `totalCount` a query selects (and only then). */
  const countLoaders = new Map<RelationName, DataLoader<number, number>>();
  const countOf = (name: RelationName) => {
    let loader = countLoaders.get(name);
    if (!loader) {
      loader = new DataLoader<number, number>(async (ids) => {
        const counts = new Map((await merged.query<{ parentId: number; n: number | string }>(RELATIONS[name].count, [ids])).map((r) => [r.parentId, Number(r.n)]));
        return ids.map((id) => counts.get(id) ?? 0);
      }, { maxBatchSize: 1000 });
      countLoaders.set(name, loader);
    }
    return loader;
  };

  function relation<T>(name: RelationName, w: PageWindow, options: { articles?: boolean } = {}): DataLoader<number, Page<T>> {
    // `articles`: the page's statements bring their articles (see withArticles), kept in the article loader.
    const bringArticles = options.articles === true && (RELATIONS[name] as RelationSpec).statementsOfArticles === true;
    const key = `${name}|${windowKey(w)}${bringArticles ? '|articles' : ''}`;
    let loader = relationLoaders.get(key);
    if (!loader) {
      const { binding, text, paged } = relationStatement(name, w, bringArticles, selection ? `${key}|${selection.signature}` : key, fields());
      loader = new DataLoader<number, Page<unknown>>(async (ids) => {
        type Row = KeysetRow & { parentId: number };
        const rows = await merged.query<Row>(text, [ids, ...paged.params.slice(1)]);
        keep(rows);
        const byParent = new Map<number, Row[]>();
        for (const { parentId, ...row } of rows) {
          let list = byParent.get(parentId);
          if (!list) byParent.set(parentId, (list = []));
          list.push(row as Row);
        }
        const counts = countOf(name);
        return ids.map((id) => ({ ...pageOf(byParent.get(id) ?? [], w, binding), count: () => counts.load(id) }));
      }, { maxBatchSize: 1000 });
      relationLoaders.set(key, loader);
    }
    return loader as DataLoader<number, Page<T>>;
  }

  /**
   * Article bodies by id, apart from the article rows (which leave them out: see ArticleRecord.body), so
   * that only the fields that show or cut the text (Article.body, mention and evidence texts, sentences)
   * read it; null for an article that is gone.
   */
  const articleBody = new DataLoader<number, string | null>(async (ids) => {
    const rows = await merged.query<{ rowId: number; body: string }>(`SELECT a.id AS "rowId", a.body FROM article a WHERE a.id = ANY($1::int[])`, [ids]);
    const map = new Map(rows.map((r) => [r.rowId, r.body]));
    return ids.map((id) => map.get(id) ?? null);
  }, { maxBatchSize: 1000 });

  /** Sentence bounds of an article body, split once per article and request (see services/sentences.ts). */
  const sentences = new DataLoader<number, Span[]>(async (ids) => {
    const bodies = await articleBody.loadMany(ids);
    return bodies.map((b) => (typeof b === 'string' ? sentencesOf(b) : []));
  });

  return {
    article,
    articleBody,
    sentences,
    person,
    organization,
    place: byIdLoader<PlaceRecord>(merged, 'Place', fields),
    event: byIdLoader<EventRecord>(merged, 'Event', fields),
    statement: byIdLoader<StatementRecord>(merged, 'Statement', fields),
    relation,
    /** A relation's size per parent (batched; a query selecting totalCount starts it with the page). */
    relationCount: countOf,
    /** The fields the request's document selects on a record type (undefined: read whole rows), for root lists. */
    fieldsOf(type: TypeName): ReadonlySet<string> | undefined {
      return selection?.fields[type];
    },
    /** Narrows the rows to the columns the request's document reads (before anything is loaded). */
    select(documentSelection: DocumentSelection) {
      selection = documentSelection;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export function loaderFor(loaders: Loaders, type: TypeName): DataLoader<number, NodeRecord | null> {
  const map: Record<TypeName, DataLoader<number, NodeRecord | null>> = {
    Article: loaders.article as DataLoader<number, NodeRecord | null>,
    Person: loaders.person as DataLoader<number, NodeRecord | null>,
    Organization: loaders.organization as DataLoader<number, NodeRecord | null>,
    Place: loaders.place as DataLoader<number, NodeRecord | null>,
    Event: loaders.event as DataLoader<number, NodeRecord | null>,
    Statement: loaders.statement as DataLoader<number, NodeRecord | null>,
  };
  return map[type];
}
