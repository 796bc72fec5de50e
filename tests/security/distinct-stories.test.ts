import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const TOWNS = ['Ashby', 'Bexley', 'Corfe', 'Dalton', 'Epping', 'Frome', 'Goole', 'Hythe', 'Ilkley', 'Jarrow', 'Keswick', 'Ludlow'];
const story = (town: string, extra = '') =>
  `The council of ${town} voted on Tuesday to close the old market. "It is a sad day," said councillor ${town} Jones.${extra}\n\nTraders in ${town} said they would appeal.`;

const jsonl = (records: object[]) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

/**
 * Twelve different stories with one headline ("T"), no date and no source: nothing says they are one
 * story, so each is an article of its own. Only the same URL, or the same title, source and date all
 * present, make a new text a correction of a stored story.
 */
describe.each([1, 200])('distinct stories with the same headline (batch size %i)', (batchSize) => {
  let db: TestDatabase;
  let dir: string;
  const ingest = (...inputs: string[]) => ingestArticles(db.writer, readSources(inputs), { batchSize });
  const count = async () => (await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM article'))[0].n;

  beforeAll(async () => {
    db = await createTestDatabase(`sec_distinct_${batchSize}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-distinct-'));
    fs.mkdirSync(path.join(dir, 'headline-t'));
    TOWNS.forEach((town, i) => fs.writeFileSync(path.join(dir, 'headline-t', `${String(i).padStart(2, '0')}.txt`), `T\n\n${story(town)}\n`));
  });
  afterAll(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('12 undated, unsourced files headed "T" are 12 articles; ingesting them again changes nothing', async () => {
    const first = await ingest(path.join(dir, 'headline-t'));
    expect(first.articles).toEqual({ created: 12, updated: 0, duplicates: 0, failed: 0 });
    expect(await count()).toBe(12);
    const again = await ingest(path.join(dir, 'headline-t'));
    expect(again.articles).toEqual({ created: 0, updated: 0, duplicates: 12, failed: 0 });
    expect(await count()).toBe(12);
  });

  it('a new text with only the title and source (no date), or only the title and date (no source), is a new article', async () => {
    const before = await count();
    const file = path.join(dir, 'partial-keys.jsonl');
    fs.writeFileSync(file, jsonl([
      { title: 'Market closes', source: 'Gazette', body: story('Ashby') },
      { title: 'Market closes', source: 'Gazette', body: story('Bexley') },
      { title: 'Market closes', date: '2020-05-06', body: story('Corfe') },
      { title: 'Market closes', date: '2020-05-06', body: story('Dalton') },
    ]));
    const r = await ingest(file);
    expect(r.articles).toEqual({ created: 4, updated: 0, duplicates: 0, failed: 0 });
    expect(await count()).toBe(before + 4);
  });

  it('a corrected text with the same URL, or the same title, source and date, updates the stored story in place', async () => {
    const v1 = path.join(dir, 'v1.jsonl');
    const v2 = path.join(dir, 'v2.jsonl');
    fs.writeFileSync(v1, jsonl([
      { title: 'T', url: 'https://news.example/t-morley', body: story('Morley') },
      { title: 'Market closes', source: 'Gazette', date: '2020-05-07', body: story('Newent') },
    ]));
    fs.writeFileSync(v2, jsonl([
      { title: 'T', url: 'https://news.example/t-morley', body: story('Morley', ' He later apologised.') },
      { title: 'Market closes', source: 'Gazette', date: '2020-05-07', body: story('Newent', ' She later apologised.') },
    ]));
    expect((await ingest(v1)).articles).toEqual({ created: 2, updated: 0, duplicates: 0, failed: 0 });
    const ids = async () => (await db.sql.query<{ id: number }>(`SELECT id FROM article WHERE url = 'https://news.example/t-morley' OR (source = 'Gazette' AND published_at = '2020-05-07') ORDER BY id`)).map((r) => r.id);
    const before = await ids();
    const total = await count();
    expect((await ingest(v2)).articles).toEqual({ created: 0, updated: 2, duplicates: 0, failed: 0 });
    expect(await ids()).toEqual(before);
    expect(await count()).toBe(total);
    const bodies = (await db.sql.query<{ body: string }>(`SELECT body FROM article WHERE id = ANY($1::int[]) ORDER BY id`, [before])).map((r) => r.body);
    expect(bodies[0]).toContain('He later apologised.');
    expect(bodies[1]).toContain('She later apologised.');
    // And the corrected files again: nothing to do.
    expect((await ingest(v2)).articles).toEqual({ created: 0, updated: 0, duplicates: 2, failed: 0 });
  });
});
