import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardPagedSql, groupPages, pagedSql, windowParams, type Page, type PageWindow } from '../src/services/pagination.ts';
import { listArticles, listEvents, listPeople, listStatements } from '../src/services/lists.ts';
import { RELATIONS } from '../src/services/relations.ts';
import type { Sql } from '../src/db/sql.ts';
import { writeSyntheticGraph } from './helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

// Forward pages (first/after, the common case) use cheaper SQL than the general window SQL (top-N per
// parent; keys first for root lists). They must return exactly the same pages.
const WINDOWS: PageWindow[] = [];
for (const first of [0, 1, 2, 5, 20]) for (const afterPos of [null, 0, 1, 4, 30, 500]) WINDOWS.push({ first, afterPos, beforePos: null, last: null });

describe('forward-page SQL equals the window SQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pagination_forward');
    await writeSyntheticGraph(db.writer, { articles: 40, peoplePerArticle: 5, poolSize: 12 });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('for every relation and window', async () => {
    const parents = [...Array.from({ length: 45 }, (_, i) => i + 1), 99999];
    let compared = 0;
    for (const [name, spec] of Object.entries(RELATIONS)) {
      const forward = forwardPagedSql(spec.inner, spec.orderBy, spec.count);
      expect(forward, `${name} has no forward SQL`).not.toBeNull();
      // As the loaders do: a total the page SQL did not return (an empty page) comes from `count`.
      const counted = async (pages: Map<number | string, Page<unknown>>) => {
        const counts = new Map((await db.sql.query<{ parentId: number; n: number }>(spec.count, [parents])).map((r) => [r.parentId, r.n]));
        for (const [id, page] of pages) if (page.totalCount < 0) page.totalCount = counts.get(id as number) ?? 0;
        return [...pages];
      };
      for (const w of WINDOWS) {
        const expected = await counted(groupPages(await db.sql.query<never>(pagedSql(spec.inner, spec.orderBy), [parents, ...windowParams(w)]), parents, w));
        const actual = await counted(groupPages(await db.sql.query<never>(forward!, [parents, ...windowParams(w)]), parents, w));
        expect(actual, `${name} ${JSON.stringify(w)}`).toEqual(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('for root lists', async () => {
    // The general SQL, reached with the same window expressed from the end: `last` over a `before` bound.
    const lists: [string, (sql: Sql, w: PageWindow) => Promise<Page<{ rowId: number }>>][] = [
      ['articles', listArticles], ['people', listPeople], ['events', listEvents], ['statements', listStatements],
    ];
    for (const [name, list] of lists) {
      const all = await list(db.sql, { first: 100, afterPos: null, beforePos: null, last: null });
      const total = all.totalCount;
      expect(total).toBeGreaterThan(0);
      for (const w of WINDOWS) {
        const page = await list(db.sql, w);
        const start = (w.afterPos ?? -1) + 1;
        const end = Math.min(total, start + w.first!);
        expect(page.rows.map((r) => r.node.rowId), `${name} ${JSON.stringify(w)}`).toEqual(all.rows.slice(start, end).map((r) => r.node.rowId));
        expect(page.rows.map((r) => r.pos)).toEqual(all.rows.slice(start, end).map((r) => r.pos));
        expect(page.totalCount).toBe(total);
        if (end > start) {
          const fromEnd = await list(db.sql, { first: null, afterPos: null, beforePos: end, last: end - start });
          expect(page.rows, `${name} ${JSON.stringify(w)} vs window SQL`).toEqual(fromEnd.rows);
          expect(page.hasNextPage).toBe(end < total);
        }
      }
    }
  });
});
