import { AppError } from './app-error.ts';
import type { Sql } from '../db/sql.ts';

/** Relay connection arguments. Cursors are opaque positions in the connection's stable order. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageLimits {
  /** Page size when neither first nor last is given. */
  defaultPageSize: number;
  /** Largest first/last accepted. */
  maxPageSize: number;
}

export const DEFAULT_PAGE_LIMITS: PageLimits = { defaultPageSize: 20, maxPageSize: 100 };

/** The validated window: rows with position in [after+1, before) then first/last applied (Relay spec order). */
export interface PageWindow {
  afterPos: number | null;
  beforePos: number | null;
  first: number | null;
  last: number | null;
}

export interface PageRow<T> {
  node: T;
  /** 0-based position in the connection's order. */
  pos: number;
}

export interface Page<T> {
  rows: PageRow<T>[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

const CURSOR_PREFIX = 'cursor:v1:';

export function encodeCursor(pos: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${pos}`, 'utf8').toString('base64');
}

export function decodeCursor(cursor: string, argName: string): number {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const pos = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(pos) || pos < 0) throw new AppError('BAD_USER_INPUT', `Argument "${argName}" is not a valid cursor`);
  return pos;
}

export function toPageWindow(args: PageArgs, limits: PageLimits = DEFAULT_PAGE_LIMITS): PageWindow {
  for (const name of ['first', 'last'] as const) {
    const v = args[name];
    if (v != null && (!Number.isInteger(v) || v < 0)) throw new AppError('BAD_USER_INPUT', `Argument "${name}" must be a non-negative integer`);
    if (v != null && v > limits.maxPageSize) {
      throw new AppError('BAD_USER_INPUT', `Argument "${name}" is ${v}, above the maximum page size of ${limits.maxPageSize}`, { maximum: limits.maxPageSize });
    }
  }
  const first = args.first ?? (args.last == null ? limits.defaultPageSize : null);
  return {
    afterPos: args.after != null ? decodeCursor(args.after, 'after') : null,
    beforePos: args.before != null ? decodeCursor(args.before, 'before') : null,
    first,
    last: args.last ?? null,
  };
}

/** Stable key of a window, so that one DataLoader serves all parents asking for the same page shape. */
export function windowKey(w: PageWindow): string {
  return `${w.afterPos ?? ''}|${w.beforePos ?? ''}|${w.first ?? ''}|${w.last ?? ''}`;
}

/**
 * Builds the SQL that pages many parents' children at once: row_number()/count() windows per parent,
 * the Relay window applied in SQL. `inner` must select a "parentId" column; `orderBy` refers to its
 * output columns (as `q."col"`). Parameters: $1 is the parent id array; the window uses $2..$5.
 */
export function pagedSql(inner: string, orderBy: string): string {
  return `
SELECT * FROM (
  SELECT q.*, (row_number() OVER (PARTITION BY q."parentId" ORDER BY ${orderBy}) - 1)::int AS "__pos",
         (count(*) OVER (PARTITION BY q."parentId"))::int AS "__total"
  FROM (${inner}) q
) t
WHERE t."__pos" > COALESCE($2::int, -1)
  AND t."__pos" < LEAST(COALESCE($3::int, t."__total"), t."__total", COALESCE($2::int, -1) + 1 + COALESCE($4::int, t."__total"))
  AND t."__pos" >= LEAST(COALESCE($3::int, t."__total"), t."__total", COALESCE($2::int, -1) + 1 + COALESCE($4::int, t."__total")) - COALESCE($5::int, t."__total")
ORDER BY t."parentId", t."__pos"`;
}

/** Whether a window is a plain forward page (`first`, maybe `after`): the common case, with a cheaper SQL. */
export function isForwardWindow(w: PageWindow): boolean {
  return w.first !== null && w.beforePos === null && w.last === null;
}

// Positions of a forward page: offset after+1, at most `first` rows.
const FORWARD_LIMIT = `LIMIT $4::int OFFSET COALESCE($2::int, -1) + 1`;
const forwardPosition = (orderBy: string, partition = '') => `(COALESCE($2::int, -1) + row_number() OVER (${partition}ORDER BY ${orderBy}))::int`;
const forwardPos = (orderBy: string) => `${forwardPosition(orderBy)} AS "__pos"`;

/**
 * `pagedSql` for a forward window, per parent: the first rows of each parent's list in order (a top-N
 * sort, or an index scan) and the list's size from `count`, instead of numbering every child of every
 * parent. `inner` and `count` must restrict the parent with `= ANY($1::int[])` (see RelationSpec);
 * null when they do not, and callers use `pagedSql`. Same parameters and output as `pagedSql`, plus
 * one row with a null "__pos" for each parent whose page is empty, carrying its total.
 */
export function forwardPagedSql(inner: string, orderBy: string, count: string): string | null {
  const parent = /= ANY\(\$1::int\[\]\)/g;
  if ((inner.match(parent) ?? []).length !== 1 || (count.match(parent) ?? []).length !== 1) return null;
  const one = (sql: string) => sql.replace(parent, '= par.id');
  return `
SELECT q.*, par.id AS "parentId", CASE WHEN q."parentId" IS NOT NULL THEN ${forwardPosition(orderBy, 'PARTITION BY par.id ')} END AS "__pos", COALESCE(c.n, 0)::int AS "__total"
FROM unnest($1::int[]) AS par(id)
LEFT JOIN LATERAL (SELECT q.* FROM (${one(inner)}) q ORDER BY ${orderBy} ${FORWARD_LIMIT}) q ON true
LEFT JOIN LATERAL (${one(count)}) c ON true
WHERE $3::int IS NULL AND $5::int IS NULL
ORDER BY par.id, "__pos"`;
}

/** Turns the rows of `pagedSql` into one Page per parent (in `parentIds` order). */
export function groupPages<T>(rows: (T & { parentId: number | string; __pos: number; __total: number })[], parentIds: readonly (number | string)[], w: PageWindow): Map<number | string, Page<T>> {
  const byParent = new Map<number | string, PageRow<T>[]>();
  const totals = new Map<number | string, number>();
  for (const row of rows) {
    const { parentId, __pos, __total, ...node } = row;
    if (__pos === null) {
      // No rows on this page (forwardPagedSql): only the total.
      totals.set(parentId, __total);
      continue;
    }
    let list = byParent.get(parentId);
    if (!list) byParent.set(parentId, (list = []));
    list.push({ node: node as T, pos: __pos });
    totals.set(parentId, __total);
  }
  const pages = new Map<number | string, Page<T>>();
  for (const id of parentIds) {
    const list = byParent.get(id) ?? [];
    pages.set(id, finishPage(list, totals.get(id) ?? null, w));
  }
  return pages;
}

/**
 * `totalCount` is known when at least one row came back or the window covers the whole list; an
 * empty page of a possibly non-empty connection (cursor past the end, first: 0) reports the count as
 * unknown (-1) and callers fetch it.
 */
function finishPage<T>(rows: PageRow<T>[], total: number | null, w: PageWindow): Page<T> {
  // An unbounded, non-empty window that finds nothing proves the list empty: no count needed.
  const wholeList = w.afterPos == null && w.beforePos == null && (w.first ?? 1) > 0 && (w.last ?? 1) > 0;
  const t = total ?? (wholeList ? 0 : -1);
  const lastPos = rows.length ? rows[rows.length - 1].pos : null;
  const firstPos = rows.length ? rows[0].pos : null;
  return {
    rows,
    totalCount: t,
    hasNextPage: lastPos !== null ? lastPos < t - 1 : false,
    hasPreviousPage: firstPos !== null ? firstPos > 0 : (w.afterPos ?? -1) >= 0,
  };
}

export function windowParams(w: PageWindow): unknown[] {
  return [w.afterPos, w.beforePos, w.first, w.last];
}

/**
 * Pages one list (root fields): the same SQL with a constant parent. A forward page sorts for its
 * rows only (top-N, or an index) and counts the list apart, instead of numbering the whole list.
 */
export async function fetchPage<T>(sql: Sql, inner: string, orderBy: string, params: unknown[], w: PageWindow, count: () => Promise<number>, options: { rowIdUnique?: boolean } = {}): Promise<Page<T>> {
  // The inner query's own parameters come after the window's ($6...).
  const shifted = inner.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + 5}`);
  let text: string;
  if (!isForwardWindow(w)) text = pagedSql(`SELECT COALESCE($1::int, 0) AS "parentId", x.* FROM (${shifted}) x`, orderBy);
  else if (options.rowIdUnique !== false && /q\."rowId"(?: ASC| DESC)?$/.test(orderBy.trim())) {
    // The order ends with the row id, so it identifies the rows: sort just the keys (narrow rows, no
    // per-row expressions), then fetch the page's rows by id.
    text = `
SELECT COALESCE($1::int, 0) AS "parentId", q.*, (COALESCE($2::int, -1) + k.rn)::int AS "__pos", (SELECT count(*) FROM (${shifted}) c)::int AS "__total"
FROM (SELECT q."rowId" AS id, row_number() OVER (ORDER BY ${orderBy}) AS rn FROM (SELECT q.* FROM (${shifted}) q ORDER BY ${orderBy} ${FORWARD_LIMIT}) q) k
JOIN (${shifted}) q ON q."rowId" = k.id
WHERE $3::int IS NULL AND $5::int IS NULL
ORDER BY k.rn`;
  } else {
    text = `
SELECT COALESCE($1::int, 0) AS "parentId", q.*, ${forwardPos(orderBy)}, (SELECT count(*) FROM (${shifted}) c)::int AS "__total"
FROM (SELECT q.* FROM (${shifted}) q ORDER BY ${orderBy} ${FORWARD_LIMIT}) q
WHERE $3::int IS NULL AND $5::int IS NULL
ORDER BY "__pos"`;
  }
  const rows = await sql.query<T & { parentId: number; __pos: number; __total: number }>(text, [null, ...windowParams(w), ...params]);
  const page = groupPages(rows, [0], w).get(0)!;
  if (page.totalCount < 0) page.totalCount = await count();
  return page;
}
