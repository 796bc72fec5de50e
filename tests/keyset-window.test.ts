import { describe, expect, it } from 'vitest';
import { cursorBinding, decodeCursor, encodeCursor, pageOf, pagedSql, type SortKey } from '../src/services/keyset.ts';
import { toPageWindow } from '../src/services/pagination.ts';

const ORDER: SortKey[] = [
  { column: '__date', dir: 'DESC', type: 'date', nullable: true },
  { column: 'rowId', dir: 'DESC', type: 'int' },
];
const binding = cursorBinding('articles', { field: 'PUBLISHED_AT', direction: 'DESC' }, { source: 'bbc' });

/** Rows as the paged SQL returns them: in scan order, each with its key and place. */
const fetched = (ids: number[]) => ids.map((id, i) => ({ rowId: id, __key: ['2001-01-01', id], __n: i + 1 }));

describe('keyset cursors and the window function', () => {
  it('round-trips a sort key, and binds it to the list, order and filters', () => {
    const cursor = encodeCursor(binding, ['2001-01-02', 7]);
    expect(decodeCursor(cursor, binding, ORDER, 'after')).toEqual(['2001-01-02', 7]);
    expect(decodeCursor(encodeCursor(binding, [null, 7]), binding, ORDER, 'after')).toEqual([null, 7]);
    // Absent and null filters are the same list; another value or order is another.
    expect(cursorBinding('articles', { field: 'PUBLISHED_AT', direction: 'DESC' }, { source: 'bbc', personId: null })).toBe(binding);
    for (const other of [cursorBinding('articles', { field: 'PUBLISHED_AT', direction: 'ASC' }, { source: 'bbc' }), cursorBinding('articles', { field: 'PUBLISHED_AT', direction: 'DESC' }, { source: 'reuters' }), cursorBinding('statements', { field: 'PUBLISHED_AT', direction: 'DESC' }, { source: 'bbc' })]) {
      expect(other).not.toBe(binding);
      expect(() => decodeCursor(cursor, other, ORDER, 'after')).toThrow(/another order or filter/);
    }
  });

  it('refuses malformed cursors and keys of the wrong shape with BAD_USER_INPUT', () => {
    const bad = [
      'garbage',
      Buffer.from('cursor:v1:3').toString('base64'),
      encodeCursor(binding, ['2001-01-02']),
      encodeCursor(binding, ['2001-01-02', 'seven']),
      encodeCursor(binding, ['yesterday', 7]),
      encodeCursor(binding, ['2001-01-02', null]),
      encodeCursor(binding, ['2001-01-02', 1.5]),
    ];
    for (const cursor of bad) {
      expect(() => decodeCursor(cursor, binding, ORDER, 'before'), cursor).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });

  it('shows first rows forwards and last rows backwards, with Relay page info', () => {
    const forward = pageOf(fetched([9, 8, 7, 6]), toPageWindow({ first: 3 }), binding);
    expect(forward.rows.map((r) => r.node.rowId)).toEqual([9, 8, 7]);
    expect(forward).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(decodeCursor(forward.rows[2].cursor, binding, ORDER, 'after')).toEqual(['2001-01-01', 7]);
    const after = pageOf(fetched([6, 5]), toPageWindow({ first: 3, after: forward.rows[2].cursor }), binding);
    expect(after).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    // Backwards the SQL scans from the end: the page is shown in the list's order.
    const backward = pageOf(fetched([1, 2, 3, 4]), toPageWindow({ last: 3 }), binding);
    expect(backward.rows.map((r) => r.node.rowId)).toEqual([3, 2, 1]);
    expect(backward).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    // first and last together: the last of the first.
    const both = pageOf(fetched([9, 8, 7, 6]), toPageWindow({ first: 3, last: 2 }), binding);
    expect(both.rows.map((r) => r.node.rowId)).toEqual([8, 7]);
    expect(both).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(pageOf([], toPageWindow({ first: 0 }), binding)).toMatchObject({ rows: [], hasNextPage: false });
  });

  it('builds one statement per window: undated rows as their own range, cursor values as parameters', () => {
    const q = { inner: 'SELECT a.id AS "rowId", a.published_at AS "__date" FROM article a WHERE a.source = $1', params: ['bbc'], order: ORDER, binding };
    const first = pagedSql(q, toPageWindow({ first: 5 }));
    expect(first.params).toEqual(['bbc']);
    // Without a cursor, a descending list is one range of its DESC NULLS LAST order (backwards for `last`).
    expect(first.text).not.toContain('UNION ALL');
    expect(first.text).toContain('q."__date" DESC NULLS LAST');
    expect(first.text).toContain('LIMIT 6');
    expect(pagedSql(q, toPageWindow({ last: 5 })).text).toContain('q."__date" ASC NULLS FIRST');
    // An ascending list (undated still last) keeps its two ranges: no index scan gives that order.
    const ascending = pagedSql({ ...q, order: ORDER.map((k) => ({ ...k, dir: k.dir === 'DESC' ? ('ASC' as const) : ('DESC' as const) })) }, toPageWindow({ first: 5 }));
    expect(ascending.text).toContain('UNION ALL');
    // After a dated row: later dated rows, then every undated one.
    const dated = pagedSql(q, toPageWindow({ first: 5, after: encodeCursor(binding, ['2001-01-02', 7]) }));
    expect(dated.params).toEqual(['bbc', '2001-01-02', 7]);
    expect(dated.text).toContain('q."__date" <= $2::date');
    // After an undated row: only undated rows remain; before a dated one, no undated rows.
    expect(pagedSql(q, toPageWindow({ first: 5, after: encodeCursor(binding, [null, 7]) })).text).not.toContain('UNION ALL');
    expect(pagedSql(q, toPageWindow({ last: 5, before: encodeCursor(binding, ['2001-01-02', 7]) })).text).not.toContain('IS NULL');
    // Per parent: $1 is the parents, the inner query's parameters follow.
    const nested = pagedSql({ ...q, inner: q.inner.replace('$1', 'par.id::text'), params: [] }, toPageWindow({ first: 2, after: encodeCursor(binding, ['2001-01-02', 7]) }), true);
    expect(nested.params).toEqual([null, '2001-01-02', 7]);
    expect(nested.text).toContain('unnest($1::int[]) AS par(id) CROSS JOIN LATERAL');
  });
});
