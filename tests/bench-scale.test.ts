import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dropDatabase } from '../bench/database.ts';
import { ensurePeerInstalled } from '../bench/peer-install.ts';
import { measureAll } from '../bench/scale/measure-all.ts';
import { scaleQueries } from '../bench/scale/queries.ts';
import { ensureScaleDatabase } from '../bench/scale/scale-database.ts';
import { corpusDir } from '../src/config.ts';
import { describeWithCorpus } from './helpers/corpus.ts';
import { adminDatabaseUrl } from './helpers/test-database.ts';

// Keeps `npm run bench:scale` from rotting: the builder at 2,000 articles (variants of 400 sources)
// into a throwaway database, its dump reused by a second run, and every measured read answering.
const ARTICLES = 2000;

describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl', 'polnear-traindev.jsonl'], 'bench:scale builder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-scale-test-'));
  // Named like the other test databases, so a killed run's leftover is dropped by the next.
  const database = `newsgraph_test_scale_${process.pid}_${Date.now() % 1e8}`;
  const options = { adminUrl: '', database, dir, corpusDir: corpusDir()!, articles: ARTICLES, batchSize: 200, sourceLimit: 400, log: () => {} };
  let client: pg.Client | null = null;

  beforeAll(() => {
    options.adminUrl = adminDatabaseUrl();
  });
  afterAll(async () => {
    await client?.end();
    await dropDatabase(options.adminUrl, database);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const one = async <T>(text: string): Promise<T[]> => (await client!.query(text)).rows as T[];

  it('builds exactly the articles asked for, as real variants, and keeps a dump', { timeout: 600_000 }, async () => {
    const db = await ensureScaleDatabase(options);
    expect(db.restored).toBe(false);
    expect(db.build).toMatchObject({ articles: ARTICLES, extractorVersion: expect.any(String) });
    expect(db.build.variants).toBeGreaterThan(3);
    expect(db.build.ingest.firstSliceArticlesPerSecond).toBeGreaterThan(0);
    expect(db.build.ingest.lastSliceArticlesPerSecond).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).sort()).toEqual([`scale-${ARTICLES}.dump`, `scale-${ARTICLES}.json`]);

    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    expect(await one(`SELECT count(*)::int AS n FROM article`)).toEqual([{ n: ARTICLES }]);
    // Variant n of a dated story is the same story n years earlier...
    const shifted = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM article a JOIN article b ON b.origin = replace(a.origin, '~0', '~1')
      WHERE a.origin LIKE '%~0' AND b.published_at = (a.published_at - interval '1 year')::date`);
    expect(shifted[0].n).toBeGreaterThan(50);
    // ...with other people in it: the same number of people, under other names.
    const people = await one<{ v0: string[]; v1: string[] }>(`
      SELECT ARRAY(SELECT p.name FROM article_person ap JOIN person p ON p.id = ap.person_id WHERE ap.article_id = a.id ORDER BY 1) AS v0,
             ARRAY(SELECT p.name FROM article_person ap JOIN person p ON p.id = ap.person_id WHERE ap.article_id = b.id ORDER BY 1) AS v1
      FROM article a JOIN article b ON b.origin = replace(a.origin, '~0', '~1')
      WHERE a.origin LIKE '%~0' AND EXISTS (SELECT 1 FROM article_person x WHERE x.article_id = a.id)`);
    expect(people.length).toBeGreaterThan(50);
    const renamed = people.filter((r) => r.v0.length === r.v1.length && r.v0.some((n) => !r.v1.includes(n)));
    expect(renamed.length / people.length).toBeGreaterThan(0.8);
    const distinct = await one<{ n: number }>(`SELECT count(DISTINCT name)::int AS n FROM person`);
    expect(distinct[0].n).toBeGreaterThan(2 * people.length);
  });

  it('restores the kept dump instead of building again', { timeout: 600_000 }, async () => {
    await client?.end();
    client = null;
    const db = await ensureScaleDatabase(options);
    expect(db.restored).toBe(true);
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    expect(await one(`SELECT count(*)::int AS n FROM article`)).toEqual([{ n: ARTICLES }]);
  });

  it('measures every read and the mutation without failures', { timeout: 600_000 }, async () => {
    await ensurePeerInstalled();
    const url = new URL(options.adminUrl);
    url.pathname = `/${database}`;
    const queries = await scaleQueries(url.toString());
    const measured = await measureAll({ databaseUrl: url.toString(), corpusDir: options.corpusDir, queries, concurrencies: [1, 2], durationSeconds: 0.5, warmupSeconds: 0, log: () => {} });
    expect(Object.keys(measured.queries)).toEqual([...queries.map((q) => q.name), 'ingestArticle']);
    // measureAll has sent each request once before measuring (and throws if one fails); how many more
    // finish in half a second depends on the machine, so only failures are checked here.
    for (const [name, byConcurrency] of Object.entries(measured.queries)) {
      for (const c of ['c1', 'c2']) expect(byConcurrency[c].failures, `${name} ${c}`).toBe(0);
    }
    expect(measured.loads.length).toBeGreaterThan(0);
  });
});
