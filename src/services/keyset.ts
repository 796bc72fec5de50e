import { createHash } from 'node:crypto';
import { AppError } from './app-error.ts';
import type { Direction } from './ordering.ts';
import type { PageWindow } from './pagination.ts';

/**
 * Keyset pagination: a cursor is the sort key of its row (every column of the list's order, the last
 * one unique), so the next page starts right after that row wherever it has moved. Articles arriving
 * between two pages do not shift anything the way a row position (OFFSET) did, and a page deep in a
 * list costs what the first page costs: an index range scan.
 */

/** SQL type of a sort key: how a cursor's value is cast back (`$n::date`). */
export type KeyType = 'int' | 'float8' | 'date' | 'timestamp' | 'text';

/** One column of a list's order, over the paged query's output (`q."column"`). */
export interface SortKey {
  column: string;
  dir: Direction;
  type: KeyType;
  /** Missing values sort last in both directions. Only the leading key may be nullable. */
  nullable?: boolean;
}

/**
 * What a list's cursors are made under: the list, its order and its filters. A cursor carries a digest
 * of it and is refused under another (`BAD_USER_INPUT`), so a cursor of one order cannot silently
 * position a page of another.
 */
export function cursorBinding(list: string, order: unknown = null, filters: unknown = null): string {
  return createHash('sha256').update(JSON.stringify([list, order, given(filters)])).digest('base64url').slice(0, 12);
}

/** The filters actually given, in a fixed order: an absent filter and a null one are the same list. */
function given(filters: unknown): unknown {
  if (filters === null || typeof filters !== 'object' || Array.isArray(filters)) return filters;
  return Object.entries(filters).filter(([, v]) => v != null && v !== '').sort(([a], [b]) => a.localeCompare(b));
}

const VERSION = 'k1';

export function encodeCursor(binding: string, key: readonly unknown[]): string {
  return Buffer.from(`${VERSION}|${binding}|${JSON.stringify(key)}`, 'utf8').toString('base64url');
}

const VALID: Record<KeyType, (v: unknown) => boolean> = {
  int: (v) => Number.isSafeInteger(v),
  float8: (v) => typeof v === 'number' && Number.isFinite(v),
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  timestamp: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$/.test(v),
  text: (v) => typeof v === 'string',
};

/** The sort key a cursor names, checked against the list it is used on. */
export function decodeCursor(cursor: string, binding: string, order: readonly SortKey[], argName: string): unknown[] {
  const bad = (why: string) => new AppError('BAD_USER_INPUT', `Argument "${argName}" ${why}`);
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [version, made, json] = [text.slice(0, 2), text.slice(3, 15), text.slice(16)];
  if (version !== VERSION || text[2] !== '|' || text[15] !== '|') throw bad('is not a valid cursor');
  if (made !== binding) throw bad('is a cursor of another order or filter: page with the order and filters it was made under');
  let key: unknown;
  try {
    key = JSON.parse(json);
  } catch {
    throw bad('is not a valid cursor');
  }
  if (!Array.isArray(key) || key.length !== order.length) throw bad('is not a valid cursor');
  order.forEach((k, i) => {
    if (key[i] === null ? !(k.nullable && i === 0) : !VALID[k.type](key[i])) throw bad('is not a valid cursor');
  });
  return key;
}

const col = (k: SortKey) => `q."${k.column}"`;
const flip = (d: Direction): Direction => (d === 'ASC' ? 'DESC' : 'ASC');

/**
 * ORDER BY over the keys, scanning forwards (the list's order) or backwards. Within a segment (only
 * dated or only undated rows) nulls are placed to match the index, whatever the list's order: DESC
 * NULLS LAST indexes serve DESC NULLS LAST forwards and ASC NULLS FIRST backwards.
 */
function orderSql(order: readonly SortKey[], backwards: boolean, segment: 'all' | 'notNull' | 'null'): string {
  return order
    .map((k) => {
      const dir = backwards ? flip(k.dir) : k.dir;
      if (!k.nullable) return `${col(k)} ${dir}`;
      // A segment's leading key is all null or all non-null: it stays in the ORDER BY (IS NULL makes no
      // equivalence, and without it the undated rows would be sorted instead of read from the index).
      if (segment !== 'all') return `${col(k)} ${dir} NULLS ${dir === 'DESC' ? 'LAST' : 'FIRST'}`;
      return `${col(k)} ${dir} NULLS ${backwards ? 'FIRST' : 'LAST'}`;
    })
    .join(', ');
}

/**
 * Rows strictly past `key` in the direction given (`after`: later in the list's order; `before`:
 * earlier), over non-null values of `keys`: k0 beyond v0, or k0 = v0 and k1 beyond v1, and so on. The
 * leading key is also bounded on its own (`k0 >= v0`) so that PostgreSQL starts the index scan there.
 */
function beyond(keys: readonly SortKey[], values: readonly unknown[], side: 'after' | 'before', param: (v: unknown, k: SortKey) => string): string {
  if (keys.length === 0) return 'false';
  const op = (k: SortKey, strict: boolean) => {
    const later = (k.dir === 'ASC') === (side === 'after');
    return `${later ? '>' : '<'}${strict ? '' : '='}`;
  };
  const p = keys.map((k, i) => param(values[i], k));
  const alternatives = keys.map((k, i) => [...keys.slice(0, i).map((e, j) => `${col(e)} = ${p[j]}`), `${col(k)} ${op(k, true)} ${p[i]}`].join(' AND '));
  return `${col(keys[0])} ${op(keys[0], false)} ${p[0]} AND (${alternatives.join(' OR ')})`;
}

/** A part of the list scanned on its own: all of it, or (nullable leading key) its dated and undated rows. */
interface Segment {
  kind: 'all' | 'notNull' | 'null';
  where: string[];
}

/** The segments a window leaves, with the conditions its cursors put on each; excluded segments dropped. */
function segments(order: readonly SortKey[], cursors: { side: 'after' | 'before'; key: unknown[] }[], param: (v: unknown, k: SortKey) => string): Segment[] {
  const lead = order[0];
  if (!lead.nullable) return [{ kind: 'all', where: cursors.map((c) => beyond(order, c.key, c.side, param)) }];
  // Without a cursor, a descending list is one range of its DESC NULLS LAST index (forwards, or
  // backwards for `last`): one scan, or one sort where no index serves the order, instead of two.
  // A small person page ran both segments every time (its first never filled the window). An
  // ascending list keeps its segments: its undated rows come last, which no index scan gives.
  if (cursors.length === 0 && lead.dir === 'DESC') return [{ kind: 'all', where: [] }];
  const notNull: Segment | null = { kind: 'notNull', where: [`${col(lead)} IS NOT NULL`] };
  const isNull: Segment | null = { kind: 'null', where: [`${col(lead)} IS NULL`] };
  let keep = { notNull: true, isNull: true };
  for (const c of cursors) {
    if (c.key[0] !== null) {
      // Past a dated row: later dated rows, and (after) every undated one, which sort last.
      notNull.where.push(beyond(order, c.key, c.side, param));
      if (c.side === 'before') keep = { ...keep, isNull: false };
    } else {
      // Past an undated row: undated rows beyond it by the other keys, and (before) every dated one.
      isNull.where.push(beyond(order.slice(1), c.key.slice(1), c.side, param));
      if (c.side === 'after') keep = { ...keep, notNull: false };
    }
  }
  return [...(keep.notNull ? [notNull] : []), ...(keep.isNull ? [isNull] : [])];
}

export interface PagedQuery {
  /** `SELECT ... FROM ... WHERE ...` of the list's rows, with every sort key among its output columns. */
  inner: string;
  /** The inner query's parameters ($1...). */
  params: unknown[];
  order: readonly SortKey[];
  binding: string;
}

/** Rows a window asks the database for: one more than it shows, to tell whether more follow. */
export function fetchSize(w: PageWindow): number {
  return (w.first ?? w.last ?? 0) + 1;
}

/**
 * THE paged SQL of every connection, root list or nested: the rows of one window in scan order (the
 * list's order forwards for `first`, backwards for `last`), `fetchSize` of them, each with its sort key
 * (`"__key"`, a JSON array for its cursor) and its place in the scan (`"__n"`, from 1). Nested
 * connections pass `perParent`: the inner query then reads the parent as `par.id`, and the SQL pages
 * every parent in $1 (int[]) at once (LATERAL), each row with its "parentId".
 */
export function pagedSql(q: PagedQuery, w: PageWindow, perParent = false): { text: string; params: unknown[] } {
  const params = perParent ? [null, ...q.params] : [...q.params];
  const param = (v: unknown, k: SortKey) => {
    params.push(v);
    return `$${params.length}::${k.type}`;
  };
  const cursors = [
    ...(w.after != null ? [{ side: 'after' as const, key: decodeCursor(w.after, q.binding, q.order, 'after') }] : []),
    ...(w.before != null ? [{ side: 'before' as const, key: decodeCursor(w.before, q.binding, q.order, 'before') }] : []),
  ];
  // `first` with `last` (rare): the first rows, of which the window function keeps the last.
  const backwards = w.first == null && w.last != null;
  const limit = fetchSize(w);
  const inner = perParent ? q.inner.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + 1}`) : q.inner;
  // In scan order: undated rows sort last, so a backward scan meets them first.
  const segs = segments(q.order, cursors, param);
  if (backwards) segs.reverse();
  const parts = segs.map((s, i) => {
    // The second segment is read only when the first did not fill the window: a popular person's
    // articles are all dated, and their undated range would otherwise walk every undated article
    // looking for one (150 ms at 500,000 articles). The count of the first is a one-time filter.
    const where = [...s.where, ...(i === 1 ? [`(SELECT count(*) FROM first_segment) < ${limit}`] : [])];
    return `SELECT q.* FROM (${inner}) q ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${orderSql(q.order, backwards, s.kind)} LIMIT ${limit}`;
  });
  const scan = orderSql(q.order, backwards, 'all');
  const source = parts.length === 0 ? `SELECT q.* FROM (${inner}) q WHERE false`
    : parts.length === 1 ? parts[0]
    : `WITH first_segment AS MATERIALIZED (${parts[0]}) SELECT * FROM first_segment UNION ALL (${parts[1]})`;
  const key = `json_build_array(${q.order.map(col).join(', ')})`;
  const page = `SELECT q.*, ${key} AS "__key", row_number() OVER (ORDER BY ${scan})::int AS "__n" FROM (${source}) q ORDER BY ${scan} LIMIT ${limit}`;
  if (!perParent) return { text: page, params };
  return {
    text: `SELECT par.id AS "parentId", pg.* FROM unnest($1::int[]) AS par(id) CROSS JOIN LATERAL (${page}) pg ORDER BY par.id, pg."__n"`,
    params,
  };
}

export interface KeysetRow {
  __key: unknown[];
  __n: number;
}

/** One page as a connection shows it: its rows in the list's order, each with its cursor. */
export interface PageSlice<T> {
  rows: { node: T; cursor: string }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/**
 * THE window function: the rows `pagedSql` fetched (in scan order) → the page, in the list's order.
 * `first` shows the first rows (more follow when one extra came back); `last` scanned backwards and
 * shows them reversed (more precede when one extra came back); both: the last `last` of the first
 * `first`. Relay's "has previous" for a forward page (and "has next" for a backward one) is whether a
 * cursor was given: the row it names lies on that side.
 */
export function pageOf<T>(fetched: readonly (T & KeysetRow)[], w: PageWindow, binding: string): PageSlice<T> {
  // The cursor is encoded when read (once): pages that select only `nodes` never read it.
  const toRow = (r: T & KeysetRow) => {
    const { __key, __n, ...node } = r as T & KeysetRow & Record<string, unknown>;
    let cursor: string | undefined;
    return {
      node: node as T,
      get cursor() {
        return (cursor ??= encodeCursor(binding, __key));
      },
    };
  };
  const sorted = [...fetched].sort((a, b) => a.__n - b.__n);
  if (w.first == null && w.last != null) {
    const shown = sorted.slice(0, w.last).reverse();
    return { rows: shown.map(toRow), hasNextPage: w.before != null, hasPreviousPage: sorted.length > w.last };
  }
  const first = w.first ?? 0;
  let shown = sorted.slice(0, first);
  let trimmed = false;
  if (w.last != null && shown.length > w.last) {
    shown = shown.slice(shown.length - w.last);
    trimmed = true;
  }
  return { rows: shown.map(toRow), hasNextPage: sorted.length > first, hasPreviousPage: w.after != null || trimmed };
}
