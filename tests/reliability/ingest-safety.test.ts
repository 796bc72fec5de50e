import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { corpusArticles, seedTexts, tempDir } from './ingest/corpus.ts';
import { dumpGraph, NO_ORPHANS, orphanCounts } from './ingest/graph-dump.ts';

/** Every row of every table, timestamps included: "changes nothing" means exactly that. */
async function rawSnapshot(db: TestDatabase): Promise<string> {
  const tables = ['article', 'person', 'organization', 'place', 'event', 'statement', 'article_person', 'article_organization', 'article_place', 'event_article', 'event_participant', 'event_organization'];
  const parts = await Promise.all(tables.map(async (t) => (await db.sql.query<{ h: string | null }>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${t} t`))[0].h));
  return parts.join(',');
}

const jsonl = (records: object[]) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

describe('ingest safety: duplicates and corrections', () => {
  let db: TestDatabase;
  let fresh: TestDatabase;
  let tmp: { dir: string; remove: () => void };
  // Each case its own stories: the same body in two cases' stores would be one story reported twice,
  // whose events merge across the cases (an undated report joins a dated one), so a case's graph would
  // depend on the cases before it.
  const CASES = ['same URL', 'same corpus id', 'same title, source and date'];

  beforeAll(async () => {
    [db, fresh] = await Promise.all([createTestDatabase('rel_safety'), createTestDatabase('rel_safety_fresh')]);
    tmp = tempDir('safety');
  });
  afterAll(async () => {
    tmp?.remove();
    await Promise.all([db?.drop(), fresh?.drop()]);
  });

  it('re-ingesting the same content changes nothing, whatever the file is called', async () => {
    fs.mkdirSync(path.join(tmp.dir, 'seeds'));
    seedTexts().forEach((t, i) => fs.writeFileSync(path.join(tmp.dir, 'seeds', `s${i}.txt`), t));
    const first = await ingestArticles(db.writer, readSources([path.join(tmp.dir, 'seeds')]));
    expect(first.articles.created).toBe(seedTexts().length);
    const before = await rawSnapshot(db);
    // Same bytes again, and the same content under other names: all duplicates, not one row touched.
    fs.mkdirSync(path.join(tmp.dir, 'copies'));
    seedTexts().forEach((t, i) => fs.writeFileSync(path.join(tmp.dir, 'copies', `copy-${i}.txt`), t));
    const again = await ingestArticles(db.writer, readSources([path.join(tmp.dir, 'seeds'), path.join(tmp.dir, 'copies')]));
    expect(again.articles).toEqual({ created: 0, updated: 0, duplicates: 2 * seedTexts().length, failed: 0 });
    expect(again.statements).toBe(0);
    expect(await rawSnapshot(db)).toBe(before);
  });

  it.each([
    ['same URL', 'url:', (v: object) => ({ ...v, url: 'https://news.example/story-1', title: 'Title as first published', date: '2019-04-01' }), (v: object) => ({ ...v, url: 'https://news.example/story-1', title: 'Title after the correction', date: '2019-04-02' })],
    ['same corpus id', 'id:', (v: object) => ({ ...v, id: 'story-7', title: 'First title' }), (v: object) => ({ ...v, id: 'story-7', title: 'Second title' })],
    ['same title, source and date', 'tsd:', (v: object) => ({ ...v, title: 'One story', source: 'Wire', date: '2019-04-01' }), (v: object) => ({ ...v, title: 'One story', source: 'Wire', date: '2019-04-01' })],
  ])('a corrected version (%s) replaces the extraction in place and leaves no orphans', async (label, keyKind, first, second) => {
    const dir = path.join(tmp.dir, label.replace(/\W/g, '_'));
    const [a, b, c] = corpusArticles(3, 40 + 3 * CASES.indexOf(label));
    for (const d of ['v1', 'v2', 'final']) fs.mkdirSync(path.join(dir, d), { recursive: true });
    // Version 2 keeps article a's opening and replaces the rest with article b: people and quotes change.
    const v1 = { body: a.body };
    const v2 = { body: `${a.body.split('\n\n')[0]}\n\n${b.body}` };
    const other = { title: `${c.title} (${label})`, body: c.body, date: '2019-01-01' };
    // Same file name in each directory: a JSONL record's id is scoped by its file name.
    fs.writeFileSync(path.join(dir, 'v1', 'stories.jsonl'), jsonl([first(v1), other]));
    fs.writeFileSync(path.join(dir, 'v2', 'stories.jsonl'), jsonl([second(v2)]));
    await ingestArticles(db.writer, readSources([path.join(dir, 'v1')]));
    // The story is the file's first record; its natural key must be of the kind this case is about.
    const [{ natural_key: naturalKey }] = await db.sql.query<{ natural_key: string }>(`SELECT natural_key FROM article WHERE origin LIKE $1 ORDER BY id LIMIT 1`, [`${path.join(dir, 'v1', 'stories.jsonl')}%`]);
    expect(naturalKey.startsWith(keyKind), naturalKey).toBe(true);
    const id = async () => (await db.sql.query<{ id: number }>(`SELECT id FROM article WHERE natural_key = $1`, [naturalKey])).map((r) => r.id);
    const idBefore = await id();
    expect(idBefore).toHaveLength(1);
    const corrected = await ingestArticles(db.writer, readSources([path.join(dir, 'v2')]));
    expect(corrected.articles).toEqual({ created: 0, updated: 1, duplicates: 0, failed: 0 });
    expect(await id()).toEqual(idBefore); // the story keeps its id (stable global IDs)
    expect(await orphanCounts(db.sql)).toEqual(NO_ORPHANS);

    // The same graph as a database that only ever saw the corrected version (plus the other article).
    await fresh.sql.query('TRUNCATE article, person, organization, place, event RESTART IDENTITY CASCADE');
    fs.writeFileSync(path.join(dir, 'final', 'stories.jsonl'), jsonl([other, second(v2)]));
    await ingestArticles(fresh.writer, readSources([path.join(dir, 'final')]));
    // Only this test's stories (earlier tests' articles live in `db` as well).
    const keys = new Set((await fresh.sql.query<{ natural_key: string }>(`SELECT natural_key FROM article`)).map((r) => r.natural_key));
    expect(keys.size).toBe(2);
    expect(keys.has(naturalKey)).toBe(true);
    const scope = async (t: TestDatabase) => {
      const g = await dumpGraph(t.sql);
      return Object.fromEntries(Object.entries(g).filter(([k]) => k.startsWith('article') || k === 'statements').map(([k, rows]) => [k, (rows as { natural_key: string }[]).filter((r) => keys.has(r.natural_key))]));
    };
    expect(await scope(db)).toEqual(await scope(fresh));
    // And version 1's own quotes are gone.
    const quotes = async (t: TestDatabase) => (await t.sql.query<{ text: string }>(`SELECT s.text FROM statement s JOIN article x ON x.id = s.article_id WHERE x.natural_key = $1 ORDER BY 1`, [naturalKey])).map((r) => r.text);
    expect(await quotes(db)).toEqual(await quotes(fresh));
    expect((await quotes(db)).length).toBeGreaterThan(0);
  });
});

describe('ingest safety: malformed input gets a clear per-file error and the batch goes on', () => {
  let db: TestDatabase;
  let tmp: { dir: string; remove: () => void };

  beforeAll(async () => {
    db = await createTestDatabase('rel_malformed');
    tmp = tempDir('malformed');
  });
  afterAll(async () => {
    tmp?.remove();
    await db?.drop();
  });

  it('empty, binary, Latin-1, 10 MB, untitled and undated, unbalanced quotes, HTML', { timeout: 60_000 }, async () => {
    const [good1, good2, latin, html] = corpusArticles(4, 80);
    const seed = seedTexts()[0];
    const files: Record<string, Buffer | string> = {
      '00-good.txt': `${good1.title}\n\n${good1.body}`,
      '01-empty.txt': '',
      '02-blank.txt': ' \n\n\t \n',
      '03-binary.txt': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
      '04-latin1.txt': Buffer.from(`Café owners say "prices rose by £5," said Zoë Müller\n\n${latin.body}\n\n"Ça va très bien," said François Hollande.`, 'latin1'),
      '05-huge.txt': `A very long file\n\n${`${good2.body}\n\n`.repeat(Math.ceil((10 * 1024 * 1024) / good2.body.length))}`,
      '06-no-title-no-date.txt': `${seed.split('\n').slice(2).join('\n')}`,
      '07-unbalanced-quotes.txt': `Unbalanced quotes\n\n"This quote never ends, said nobody.\n\n${good1.body.replace(/"/g, (q, i: number) => (i % 3 === 0 ? '' : q))}\n\nHe said: "and then “another” one "`,
      '08-page.html': `<!doctype html><html><head><title>${html.title}</title><style>p { color: red }</style><script>var s = "said \\"nobody\\"";</script></head><body><h1>${html.title}</h1>${html.body.split('\n\n').map((p) => `<p>${p.replace(/&/g, '&amp;')}</p>`).join('\n')}</body></html>`,
      '09-good.txt': `${good2.title}\n\n${good2.body}`,
    };
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(tmp.dir, name), content);
    const origin = (name: string) => path.join(tmp.dir, name);

    const started = Date.now();
    const summary = await ingestArticles(db.writer, readSources([tmp.dir]));
    const seconds = (Date.now() - started) / 1000;
    const errors = new Map(summary.errors.map((e) => [e.origin, e.message]));
    const stored = new Map((await db.sql.query<{ origin: string; body: string; title: string; published_at: string | null }>('SELECT origin, body, title, published_at FROM article')).map((r) => [r.origin, r]));
    const report = Object.keys(files).map((f) => `${f}: ${stored.has(origin(f)) ? 'stored' : `error "${errors.get(origin(f))}"`}`);
    console.log(`malformed input (${seconds.toFixed(1)} s):\n  ${report.join('\n  ')}`);

    // Every file is accounted for: stored, or a per-file error naming it. Nothing crashed the batch.
    for (const f of Object.keys(files)) expect(stored.has(origin(f)) !== errors.has(origin(f)), f).toBe(true);
    for (const [, message] of errors) {
      expect(message).toMatch(/\S/);
      expect(message).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
      expect(message).not.toMatch(/could not store/); // refused before the database, not by it
    }
    // The good files around the bad ones are stored: the batch went on.
    expect(stored.has(origin('00-good.txt')) && stored.has(origin('09-good.txt'))).toBe(true);
    // Nothing to extract from these; a 10 MB file is not one article.
    for (const f of ['01-empty.txt', '02-blank.txt', '03-binary.txt', '05-huge.txt']) expect(errors.has(origin(f)), f).toBe(true);
    expect(errors.get(origin('05-huge.txt'))).toMatch(/10\.\d MB is too large for one article/);
    expect(errors.get(origin('03-binary.txt'))).toMatch(/binary/);
    // Latin-1 is decoded as Latin-1, not mangled.
    const latinRow = stored.get(origin('04-latin1.txt'));
    expect(latinRow, errors.get(origin('04-latin1.txt'))).toBeDefined();
    expect(`${latinRow!.title}\n${latinRow!.body}`).toContain('£5');
    expect(`${latinRow!.title}\n${latinRow!.body}`).toContain('François');
    expect(latinRow!.body).not.toContain('\uFFFD');
    // Undated stays undated (nothing inferred).
    if (stored.has(origin('06-no-title-no-date.txt'))) expect(stored.get(origin('06-no-title-no-date.txt'))!.published_at).toBeNull();
    // HTML: the markup and scripts are not the article.
    const page = stored.get(origin('08-page.html'));
    if (page) expect(page.body).not.toMatch(/<script|<p>|var s =/);
    expect(await orphanCounts(db.sql)).toEqual(NO_ORPHANS);
  });
});
