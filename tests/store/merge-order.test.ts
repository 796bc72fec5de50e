import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { corpusArticles, tempDir, writeArticleFiles } from '../reliability/ingest/corpus.ts';
import type { Sql } from '../../src/db/sql.ts';

/**
 * Which accounts are one event must be a function of the set of articles, not of the order they arrive
 * in or of where batches end: an undated report joins a dated event that agrees with it whether the
 * dated one was stored before it, after it, in its batch or in another (a resumed ingest after a crash
 * starts a new batch anywhere). No crash needed: the same BBC articles the crash test uses, ingested in
 * batches of 1, 7 and all, forwards and backwards, resumed after
 * partial runs and ingested twice, give the same events.
 */
const ARTICLES = 150;

/** Every event as what it is, not how it was written: type, dates, place, actors, and the articles reporting it. */
async function events(sql: Sql): Promise<unknown[]> {
  return sql.query(
    `SELECT e.key, e.type, e.mode, e.start_date::text, e.end_date::text, e.precision, p.name AS place,
       (SELECT array_agg(DISTINCT x.role || ':' || COALESCE(pp.name, o.name, x.group_name) ORDER BY x.role || ':' || COALESCE(pp.name, o.name, x.group_name))
          FROM event_actor x LEFT JOIN person pp ON pp.id = x.person_id LEFT JOIN organization o ON o.id = x.organization_id WHERE x.event_id = e.id) AS actors,
       (SELECT array_agg(a.natural_key ORDER BY a.natural_key) FROM event_article ea JOIN article a ON a.id = ea.article_id WHERE ea.event_id = e.id) AS articles,
       (SELECT count(*)::int FROM statement s WHERE s.event_id = e.id) AS statements
     FROM event e LEFT JOIN place p ON p.id = e.place_id ORDER BY e.key`,
  );
}

describeWithCorpus(['bbc.jsonl'], 'event merging does not depend on arrival order or batch boundaries', () => {
  let files: { dir: string; remove: () => void };
  let paths: string[];
  const dbs: TestDatabase[] = [];

  beforeAll(() => {
    files = tempDir('merge-order');
    // Two more BBC stories, each with two accounts of its own that sameEvent alone would link (Kilroy-Silk
    // quitting, undated, and quitting UKIP in Hinckley; standing in an election, undated, and in Erewash):
    // the extractor keeps them apart, and so must any later resolution of the stored article.
    paths = [...writeArticleFiles(files.dir, corpusArticles(ARTICLES)), ...writeArticleFiles(files.dir, [...corpusArticles(1, 840), ...corpusArticles(1, 1053)], 'b')];
  });
  afterAll(async () => {
    files?.remove();
    await Promise.all(dbs.map((db) => db.drop()));
  });

  it('gives the same events for any batch size, either order, resumed or ingested twice', { timeout: 480_000 }, async () => {
    const runs = [
      { name: 'one batch', order: paths, batchSize: paths.length },
      { name: 'batches of 7', order: paths, batchSize: 7 },
      { name: 'one by one', order: paths, batchSize: 1 },
      { name: 'backwards, batches of 7', order: [...paths].reverse(), batchSize: 7 },
    ];
    const dumps: unknown[][] = [];
    for (const [i, run] of runs.entries()) {
      const db = await createTestDatabase(`merge_order_${i}`);
      dbs.push(db);
      const summary = await ingestArticles(db.writer, readSources(run.order), { batchSize: run.batchSize });
      expect(summary.articles.created, run.name).toBe(paths.length);
      dumps.push(await events(db.sql));
    }
    // Resumed ingests, as after kill -9: what a killed run committed is read again as duplicates, which are
    // resolved once more against a store that now holds their own accounts. Killed after 50 and after 100
    // articles (the crash test's points), then run to the end; and everything ingested twice.
    const resumed = await createTestDatabase('merge_order_resumed');
    dbs.push(resumed);
    for (const n of [50, 100, paths.length]) await ingestArticles(resumed.writer, readSources(paths.slice(0, n)), { batchSize: 50 });
    runs.push({ name: 'killed after 50 and 100, then resumed', order: paths, batchSize: 50 });
    dumps.push(await events(resumed.sql));
    const twice = await createTestDatabase('merge_order_twice');
    dbs.push(twice);
    await ingestArticles(twice.writer, readSources(paths), { batchSize: paths.length });
    const again = await ingestArticles(twice.writer, readSources(paths), { batchSize: paths.length });
    expect(again.articles.duplicates).toBe(paths.length);
    runs.push({ name: 'all, then all again', order: paths, batchSize: paths.length });
    dumps.push(await events(twice.sql));
    const merged = (dumps[0] as { articles: string[] }[]).filter((e) => e.articles.length > 1).length;
    expect(merged, 'some events are reported by several articles').toBeGreaterThan(0);
    for (let i = 1; i < runs.length; i++) expect(dumps[i], `${runs[i].name} vs ${runs[0].name}`).toEqual(dumps[0]);
  });
});
