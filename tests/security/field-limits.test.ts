import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { hashApiKey } from '../../src/config/api-keys.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { execute, TEST_ADMIN } from '../helpers/graphql.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const TEXT = 'Port strike ends\n\nDock workers in Elsby returned to work on Monday. "The dispute is over," said union leader Maria Lopez.\n\nShipping resumed in the afternoon.';

/** Deterministic CJK text that does not compress: 3 UTF-8 bytes a character, no repetition to speak of. */
function cjk(n: number): string {
  let x = 12345;
  let s = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    s += String.fromCharCode(0x4e00 + (x % 20000));
  }
  return s;
}

/** Deterministic ASCII letters that do not compress (PostgreSQL compresses long index entries: 'aaaa…' would fit). */
function noise(n: number): string {
  let x = 67890;
  let s = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    s += String.fromCharCode(97 + (x % 26));
  }
  return s;
}

const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { outcome userErrors { message field code } article { title url source } } }`;

describe('article fields are validated before they reach PostgreSQL', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  let dir: string;
  const ingest = async (input: Record<string, unknown>) => {
    const r = await execute(server, db.sql, INGEST, { input }, TEST_ADMIN, db.writer);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.ingestArticle as { outcome: string | null; userErrors: { message: string; field: string[]; code: string }[]; article: { title: string; url: string | null; source: string | null } | null };
  };
  const articles = async () => (await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM article'))[0].n;

  beforeAll(async () => {
    db = await createTestDatabase('sec_fields');
    server = await createServer({ sql: db.sql, db: db.writer, apiKeyHashes: [hashApiKey('field-limits-key-0123456789')] });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-fields-'));
  });
  afterAll(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await server?.stop();
    await db?.drop();
  });

  it.each([
    ['a 500 kB url', { url: `https://example.org/${noise(500_000)}` }, 'url', /url .*500,020 characters.*2,048/],
    ['a NUL in url', { url: 'https://example.org/a\u0000b' }, 'url', /url .*control character U\+0000/],
    ['a newline in url', { url: 'https://example.org/a\nb' }, 'url', /url .*control character U\+000A/],
    ['a NUL in source', { source: 'Wire\u0000Service' }, 'source', /source .*U\+0000/],
    ['a NUL in title', { title: 'Port\u0000strike' }, 'title', /title .*U\+0000/],
    ['a 1,001-character title', { title: 'x'.repeat(1001) }, 'title', /title .*1,001 characters.*1,000/],
    ['a 201-character source', { source: 's'.repeat(201) }, 'source', /source .*201 characters.*200/],
    ['a lone surrogate in dateline', { dateline: 'ELSBY\ud800' }, 'dateline', /dateline .*unpaired surrogate/],
  ])('the mutation refuses %s as BAD_USER_INPUT on that field and stores nothing', async (label, fields, field, message) => {
    const before = await articles();
    const r = await ingest({ text: `${TEXT}\n\nCase: ${label}.`, ...fields });
    expect(r.outcome).toBeNull();
    expect(r.userErrors).toHaveLength(1);
    expect(r.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', field] });
    expect(r.userErrors[0].message).toMatch(message);
    expect(r.userErrors[0].message).not.toMatch(/index row|byte sequence|could not store/);
    expect(await articles()).toBe(before);
  });

  it('accepts values at the limits, including a 1,000-character CJK title whose natural key is 3 kB', { timeout: 60_000 }, async () => {
    const url = `https://example.org/${noise(2048 - 20)}`;
    expect(url).toHaveLength(2048);
    const atUrlLimit = await ingest({ text: TEXT, url });
    expect(atUrlLimit).toMatchObject({ outcome: 'CREATED', userErrors: [], article: { url } });
    const title = cjk(1000);
    const keyed = { text: `${TEXT}\n\nA later paragraph.`, title, source: 's'.repeat(200), publishedAt: '2020-01-02' };
    const long = await ingest(keyed);
    expect(long).toMatchObject({ outcome: 'CREATED', userErrors: [], article: { title } });
    // Its natural key (title, source and date) still identifies the story: a corrected text updates it.
    const corrected = await ingest({ ...keyed, text: `${TEXT}\n\nA corrected later paragraph.` });
    expect(corrected).toMatchObject({ outcome: 'UPDATED', userErrors: [] });
  });

  it('the CLI path reports each bad record with its field and stores the rest', { timeout: 60_000 }, async () => {
    const file = path.join(dir, 'records.jsonl');
    const record = (id: string, extra: Record<string, unknown>) => JSON.stringify({ id, source: 'Wire', date: '2021-03-04', title: `Story ${id}`, body: `Body of story ${id}. "It happened," said Anna Berg.`, ...extra });
    fs.writeFileSync(file, [
      record('good-1', {}),
      record('long-url', { url: `https://example.org/${noise(500_000)}` }),
      record('ctl-title', { title: 'Bell\u0007 title' }),
      record('long-source', { source: 'w'.repeat(300) }),
      record('long-id', { id: noise(5000), source: undefined }),
      record('good-2', {}),
    ].join('\n'));
    for (const batchSize of [1, 200]) {
      const fresh = await createTestDatabase(`sec_fields_cli_${batchSize}`);
      try {
        const summary = await ingestArticles(fresh.writer, readSources([file]), { batchSize });
        expect(summary.articles).toMatchObject({ created: 2, failed: 4 });
        const errors = summary.errors.map((e) => `${e.origin.replace(`${file}#`, '')}: ${e.message}`);
        expect(errors).toHaveLength(4);
        expect(errors[0]).toMatch(/^long-url: url .*2,048/);
        expect(errors[1]).toMatch(/^ctl-title: title .*control character U\+0007/);
        expect(errors[2]).toMatch(/^long-source: source .*300 characters.*200/);
        expect(errors[3]).toMatch(/: id is 5,000 characters.*200/);
        expect(summary.errors[3].origin).toBe(`${file}:5`); // the line, not a 5,000-character name
        for (const e of errors) expect(e).not.toMatch(/could not store|index row|byte sequence/);
        const titles = (await fresh.sql.query<{ title: string }>('SELECT title FROM article ORDER BY title')).map((r) => r.title);
        expect(titles).toEqual(['Story good-1', 'Story good-2']);
      } finally {
        await fresh.drop();
      }
    }
  });
});
