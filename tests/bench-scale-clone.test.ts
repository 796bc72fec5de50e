import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dropDatabase } from '../bench/database.ts';
import { RARE_MENTIONS } from '../bench/scale/clone.ts';
import { ensureScaleDatabase } from '../bench/scale/scale-database.ts';
import { corpusDir } from '../src/config.ts';
import { describeWithCorpus } from './helpers/corpus.ts';
import { counterDrift } from './helpers/counter-drift.ts';
import { adminDatabaseUrl } from './helpers/test-database.ts';

// The scale build past its pipeline-written base: SQL copies of the base (bench/scale/clone.ts) must
// leave a graph the API can serve: exact counters, every reference resolved, distinct keys, the long
// tail of people new per copy and the popular ones shared.
const BASE = 300;
const ARTICLES = 3 * BASE;

describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl', 'polnear-traindev.jsonl'], 'bench:scale copies', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-scale-clone-test-'));
  const database = `newsgraph_test_scaleclone_${process.pid}_${Date.now() % 1e8}`;
  const options = { adminUrl: '', database, dir, corpusDir: corpusDir()!, articles: ARTICLES, pipelineArticles: BASE, batchSize: 100, sourceLimit: BASE, log: () => {} };
  let client: pg.Client | null = null;

  beforeAll(() => {
    options.adminUrl = adminDatabaseUrl();
  });
  afterAll(async () => {
    await client?.end();
    await dropDatabase(options.adminUrl, database);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const rows = async <T>(text: string): Promise<T[]> => (await client!.query(text)).rows as T[];

  it('copies the pipeline-built base into a consistent archive of the size asked for', { timeout: 600_000 }, async () => {
    const db = await ensureScaleDatabase(options);
    expect(db.build).toMatchObject({ articles: ARTICLES, complete: true, clone: { baseArticles: BASE, copies: 2 } });
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    expect(await rows(`SELECT count(*)::int AS n FROM article`)).toEqual([{ n: ARTICLES }]);
    // Counters equal a recount, statements carry their article's date.
    expect(await counterDrift({ query: async (text, params) => (await client!.query(text, params as unknown[])).rows })).toEqual([]);
    // Every copied event keeps its type and its accounts' sources and targets, on the copy's articles.
    const actors = await rows<{ base: number; copied: number; typed: boolean }>(`
      SELECT count(*) FILTER (WHERE a.natural_key NOT LIKE '%~copy%')::int AS base, count(*) FILTER (WHERE a.natural_key LIKE '%~copy%')::int AS copied,
             bool_and(e.type IS NOT NULL) AS typed
      FROM event_actor x JOIN article a ON a.id = x.article_id JOIN event e ON e.id = x.event_id`);
    expect(actors[0].base).toBeGreaterThan(0);
    expect(actors[0]).toEqual({ base: actors[0].base, copied: 2 * actors[0].base, typed: true });
    // Copy k of a dated article is the same story k years earlier, under its own key, URL and title.
    const copies = await rows<{ k: number; shifted: boolean; title: boolean }>(`
      SELECT substring(c.natural_key from '~copy(\\d+)$')::int AS k,
             c.published_at = (b.published_at - make_interval(years => substring(c.natural_key from '~copy(\\d+)$')::int))::date AS shifted,
             c.title <> b.title AS title
      FROM article b JOIN article c ON c.natural_key LIKE b.natural_key || '~copy%'
      WHERE b.published_at IS NOT NULL`);
    expect(copies.length).toBeGreaterThan(BASE);
    expect(copies.every((r) => r.shifted && r.title && (r.k === 1 || r.k === 2))).toBe(true);
    // A popular base person is shared by every copy (three times the base's mentions); a long-tail one
    // is a new person in each copy that mentions them.
    const [popular] = await rows<{ n: number; base: number }>(`
      SELECT c.article_count AS n, (SELECT count(*)::int FROM article_person x WHERE x.person_id = p.id AND x.article_id IN (SELECT id FROM article WHERE natural_key NOT LIKE '%~copy%')) AS base
      FROM person p JOIN person_counter c ON c.person_id = p.id ORDER BY c.article_count DESC, p.id LIMIT 1`);
    expect(popular.base).toBeGreaterThan(RARE_MENTIONS);
    expect(popular.n).toBe(3 * popular.base);
    const tail = await rows<{ name: string; copies: string[] }>(`
      SELECT p.name, ARRAY(SELECT q.name FROM person q WHERE q.name IN (p.name || ' II', p.name || ' III') ORDER BY 1) AS copies
      FROM person p JOIN person_counter c ON c.person_id = p.id
      WHERE c.article_count = 1 AND p.id IN (SELECT person_id FROM article_person WHERE article_id IN (SELECT id FROM article WHERE natural_key NOT LIKE '%~copy%')) LIMIT 20`);
    expect(tail.length).toBeGreaterThan(0);
    for (const t of tail) expect(t.copies).toEqual([`${t.name} II`, `${t.name} III`]);
    expect(await rows(`SELECT count(*)::int AS n FROM person WHERE aliases IS NULL`)).toEqual([{ n: 0 }]);
  });
});
