import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../src/config.ts';
import type { Sql } from '../../src/db/sql.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { jsonlRecordToRaw, readSources } from '../../src/pipeline/read-sources.ts';
import type { ParsedArticle, Span } from '../../src/ingest/types.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';
import { execute, type GraphQLResult } from '../helpers/graphql.ts';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

/**
 * The rules a statement's offsets follow, wherever it is read (extraction, the database, the API):
 * each part's text is the article's own text at its offsets, the statement's text is its parts' text
 * joined by one space (extraction's rule), its outer offsets are its parts' bounds, and the parts are
 * non-empty and in order.
 */
function spanErrors(where: string, body: string, s: { start: number; end: number; text: string; spans: (Span & { text?: string })[] }): string[] {
  const errors: string[] = [];
  const { spans } = s;
  if (spans.length === 0) return [`${where}: no spans`];
  for (const x of spans) if (x.text !== undefined && x.text !== body.slice(x.start, x.end)) errors.push(`${where}: span [${x.start}, ${x.end}) text ≠ the body there`);
  const written = spans.map((x) => body.slice(x.start, x.end)).join(' ');
  if (written !== s.text) errors.push(`${where}: ${JSON.stringify(s.text.slice(0, 60))} ≠ ${JSON.stringify(written.slice(0, 60))}`);
  if (spans[0].start !== s.start || spans[spans.length - 1].end !== s.end) errors.push(`${where}: offsets are not its spans' bounds`);
  if (spans.length === 1 && body.slice(s.start, s.end) !== s.text) errors.push(`${where}: one span, other text`);
  spans.forEach((x, i) => {
    if (x.end <= x.start || (i > 0 && x.start < spans[i - 1].end)) errors.push(`${where}: spans empty or out of order`);
  });
  return errors;
}

/** Every statement extraction finds in the article. */
function offsetErrors(parsed: ParsedArticle): string[] {
  return extractArticle(parsed).statements.flatMap((s) => spanErrors(`${parsed.contentHash}@${s.start}`, parsed.text, { ...s, spans: s.spans ?? [s] }));
}

/** Every statement stored in the database, read back as rows. */
async function storedErrors(sql: Sql): Promise<{ statements: number; multiPart: number; errors: string[] }> {
  const rows = await sql.query<{ id: number; body: string; text: string; start_offset: number; end_offset: number; span_starts: number[]; span_ends: number[] }>(
    `SELECT s.id, a.body, s.text, s.start_offset, s.end_offset, s.span_starts, s.span_ends FROM statement s JOIN article a ON a.id = s.article_id ORDER BY s.id`);
  const errors = rows.flatMap((r) => {
    if (r.span_starts.length !== r.span_ends.length) return [`statement ${r.id}: span arrays of different lengths`];
    return spanErrors(`statement ${r.id}`, r.body, { start: r.start_offset, end: r.end_offset, text: r.text, spans: r.span_starts.map((start, i) => ({ start, end: r.span_ends[i] })) });
  });
  return { statements: rows.length, multiPart: rows.filter((r) => r.span_starts.length > 1).length, errors };
}

/** The first `count` articles with a body of each corpus file, as JSONL lines. */
function corpusSample(dir: string): { file: string; line: string; id: string }[] {
  const out: { file: string; line: string; id: string }[] = [];
  for (const [file, count] of [['bbc.jsonl', 250], ['reuters21578.jsonl', 250]] as const) {
    let taken = 0;
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (taken >= count) break;
      if (!line.trim()) continue;
      const record = JSON.parse(line);
      if (!record.body) continue;
      taken++;
      out.push({ file, line, id: String(record.id ?? record.newid) });
    }
  }
  return out;
}

const STATEMENT_SPANS = /* GraphQL */ `
  query Spans($after: String) {
    statements(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { text startOffset endOffset spans { start end text } article { body } }
    }
  }`;

/** Every statement the API lists, with its parts and their text (all pages). */
async function servedErrors(server: NewsgraphServer, sql: Sql): Promise<{ statements: number; multiPart: number; errors: string[] }> {
  const errors: string[] = [];
  let after: string | null = null;
  let statements = 0;
  let multiPart = 0;
  do {
    const r: GraphQLResult = await execute(server, sql, STATEMENT_SPANS, { after });
    if (r.errors) return { statements, multiPart, errors: r.errors.map((e) => e.message) };
    for (const s of r.data!.statements.nodes) {
      statements++;
      if (s.spans.length > 1) multiPart++;
      errors.push(...spanErrors(`API statement @${s.startOffset}`, s.article.body, { start: s.startOffset, end: s.endOffset, text: s.text, spans: s.spans }));
    }
    after = r.data!.statements.pageInfo.hasNextPage ? r.data!.statements.pageInfo.endCursor : null;
  } while (after);
  return { statements, multiPart, errors };
}

describe('statement offsets are exact', () => {
  it('for every statement of the seeds', () => {
    const seeds = fs.readdirSync('seeds').filter((f) => f.endsWith('.txt'));
    expect(seeds.length).toBeGreaterThan(0);
    const errors = seeds.flatMap((f) => offsetErrors(parseArticle({ raw: fs.readFileSync(path.join('seeds', f), 'utf8'), origin: f })));
    expect(errors).toEqual([]);
  });

  describe('stored and served (one article per transaction)', () => {
    let db: TestDatabase;
    let server: NewsgraphServer;

    beforeAll(async () => {
      db = await createTestDatabase('statement_spans_seeds');
      const summary = await ingestArticles(db.writer, readSources(['seeds']), { batchSize: 1 });
      expect(summary.errors).toEqual([]);
      server = await createServer({ sql: db.sql });
    });

    afterAll(async () => {
      await server?.stop();
      await db?.drop();
    });

    it('stores every part of every seed statement, as extraction found them', async () => {
      const stored = await storedErrors(db.sql);
      expect(stored.errors).toEqual([]);
      const extracted = fs.readdirSync('seeds').filter((f) => f.endsWith('.txt'))
        .flatMap((f) => extractArticle(parseArticle({ raw: fs.readFileSync(path.join('seeds', f), 'utf8'), origin: f })).statements);
      const rows = await db.sql.query<{ span_starts: number[]; span_ends: number[] }>(`SELECT span_starts, span_ends FROM statement`);
      const key = (spans: Span[]) => spans.map((x) => `${x.start}-${x.end}`).join(',');
      expect(new Set(rows.map((r) => key(r.span_starts.map((start, i) => ({ start, end: r.span_ends[i] })))))).toEqual(new Set(extracted.map((s) => key(s.spans ?? [s]))));
      expect(stored.statements).toBe(new Set(extracted.map((s) => `${s.start}:${s.end}`)).size);
    });

    it('serves every seed statement with its parts and their text through the API', async () => {
      const served = await servedErrors(server, db.sql);
      expect(served.errors).toEqual([]);
      expect(served.statements).toBe((await storedErrors(db.sql)).statements);
      console.log(`seeds through the API: ${served.statements} statements, ${served.multiPart} with several parts`);
    });
  });
});

describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl'], 'statement offsets are exact on 500 corpus articles (250 BBC, 250 Reuters)', () => {
  let db: TestDatabase;
  let dir: TempDir | null = null;
  let server: NewsgraphServer | null = null;

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    dir?.remove();
  });

  it('for every statement extraction finds', () => {
    let statements = 0;
    const errors: string[] = [];
    corpusSample(corpusDir()!).forEach(({ file, line, id }, i) => {
      const parsed = parseArticle(jsonlRecordToRaw(JSON.parse(line), `${file}#${i}`, id));
      statements += extractArticle(parsed).statements.length;
      errors.push(...offsetErrors(parsed));
    });
    expect(statements).toBeGreaterThan(500);
    expect(errors.slice(0, 10)).toEqual([]);
  });

  it('for every statement stored by the batch write path (many articles per transaction)', async () => {
    db = await createTestDatabase('statement_spans_corpus');
    dir = makeTempDir('statement-spans');
    const file = path.join(dir.dir, 'sample.jsonl');
    fs.writeFileSync(file, `${corpusSample(corpusDir()!).map((s) => s.line).join('\n')}\n`);
    const summary = await ingestArticles(db.writer, readSources([file]), { batchSize: 100 });
    expect(summary.errors).toEqual([]);
    const stored = await storedErrors(db.sql);
    console.log(`500 corpus articles stored: ${stored.statements} statements, ${stored.multiPart} with several parts`);
    expect(stored.statements).toBeGreaterThan(500);
    expect(stored.multiPart).toBeGreaterThan(0);
    expect(stored.errors.slice(0, 10)).toEqual([]);

    server = await createServer({ sql: db.sql });
    const served = await servedErrors(server, db.sql);
    console.log(`500 corpus articles through the API: ${served.statements} statements, ${served.multiPart} with several parts`);
    expect(served.errors.slice(0, 10)).toEqual([]);
    expect([served.statements, served.multiPart]).toEqual([stored.statements, stored.multiPart]);
  }, 180_000);
});

