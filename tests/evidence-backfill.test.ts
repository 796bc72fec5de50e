import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../src/config.ts';
import { ingestArticles } from '../src/pipeline/ingest-articles.ts';
import { readSources } from '../src/pipeline/read-sources.ts';
import { createServer, type NewsgraphServer } from '../src/server/create-server.ts';
import { describeWithCorpus } from './helpers/corpus.ts';
import { execute } from './helpers/graphql.ts';
import { makeTempDir, type TempDir } from './helpers/temp-dir.ts';
import { createSeedGraph } from './helpers/sample-graph.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

/**
 * Rows stored before migration 20261201090000_evidence have no statement parts and no mention ends or
 * confidences. The test ingests articles with today's code, snapshots what ingest wrote, takes the
 * database back to the shape before the migration (drops the new columns) and runs the migration's
 * SQL: its backfill must recover what ingest wrote (ends), answer the API with the same confidences
 * (computed at read time for those rows), and give old statements their outer span as their one part.
 */
const MIGRATION = fs.readFileSync(path.join('prisma', 'migrations', '20261201090000_evidence', 'migration.sql'), 'utf8');
const LINKS = [['article_person', 'person_id'], ['article_organization', 'organization_id'], ['article_place', 'place_id']] as const;

type Mention = { table: string; article_id: number; entity: number; start: number; end: number | null; confidence: number | null };

async function mentions(db: TestDatabase): Promise<Mention[]> {
  const out: Mention[] = [];
  for (const [table, column] of LINKS) {
    out.push(...(await db.sql.query<Mention>(`SELECT '${table}' AS table, l.article_id, l.${column} AS entity, m.start, m."end", m.confidence
      FROM ${table} l CROSS JOIN LATERAL unnest(l.offsets, l.ends, l.confidences) AS m(start, "end", confidence) ORDER BY 2, 3, 4`)));
  }
  return out;
}

/** Back to the schema before the migration, then the migration itself (as `migrate deploy` runs it: one script). */
async function rerunMigration(db: TestDatabase): Promise<void> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(`ALTER TABLE statement DROP COLUMN span_starts, DROP COLUMN span_ends`);
    for (const [table] of LINKS) await client.query(`ALTER TABLE ${table} DROP COLUMN ends, DROP COLUMN confidences`);
    await client.query(MIGRATION);
  } finally {
    await client.end();
  }
}

async function backfillAgreement(db: TestDatabase) {
  const before = await mentions(db);
  const statementsBefore = await db.sql.query<{ id: number; start_offset: number; end_offset: number; parts: number }>(`SELECT id, start_offset, end_offset, cardinality(span_starts) AS parts FROM statement ORDER BY id`);
  await rerunMigration(db);
  const after = await mentions(db);
  expect(after.map((m) => [m.table, m.article_id, m.entity, m.start])).toEqual(before.map((m) => [m.table, m.article_id, m.entity, m.start]));
  const same = after.filter((m, i) => m.end === before[i].end).length;
  const missing = after.filter((m) => m.end === null).length;
  const wrong = after.length - same - missing;
  expect(after.every((m) => m.confidence === null)).toBe(true);
  const statements = await db.sql.query<{ id: number; start_offset: number; end_offset: number; span_starts: number[]; span_ends: number[] }>(`SELECT id, start_offset, end_offset, span_starts, span_ends FROM statement ORDER BY id`);
  expect(statements.map((s) => [s.id, s.span_starts, s.span_ends])).toEqual(statementsBefore.map((s) => [s.id, [s.start_offset], [s.end_offset]]));
  return { mentions: after.length, same, missing, wrong, multiPartStatements: statementsBefore.filter((s) => s.parts > 1).length, before };
}

describe('old rows after the evidence migration', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('recovers every seed mention end, and serves the same confidences and words as a fresh ingest', async () => {
    db = await createSeedGraph('evidence_backfill');
    server = await createServer({ sql: db.sql });
    const query = `{ people(first: 50) { nodes { name mentions(first: 50) { nodes { start end text confidence sentence { start } article { title } } } } } organizations(first: 50) { nodes { name mentions(first: 50) { nodes { start end text confidence } } } } places(first: 50) { nodes { name mentions(first: 50) { nodes { start end text confidence } } } } }`;
    const fresh = await execute(server, db.sql, query);
    expect(fresh.errors).toBeUndefined();

    const r = await backfillAgreement(db);
    console.log(`seeds: ${r.mentions} mentions, backfilled end equals the ingested one for ${r.same}, left NULL ${r.missing}, other ${r.wrong}`);
    expect(r).toMatchObject({ same: r.mentions, missing: 0, wrong: 0 });
    // Same answers: ends recovered, confidences computed at read time from the same table.
    const old = await execute(server, db.sql, query);
    expect(old.errors).toBeUndefined();
    expect(old.data).toEqual(fresh.data);
    const statements = await execute(server, db.sql, `{ statements(first: 100) { nodes { startOffset endOffset spans { start end } } } }`);
    for (const s of statements.data!.statements.nodes) expect(s.spans).toEqual([{ start: s.startOffset, end: s.endOffset }]);
  });
});

describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl'], 'old rows after the evidence migration, on corpus articles', () => {
  let db: TestDatabase;
  let dir: TempDir | null = null;

  afterAll(async () => {
    await db?.drop();
    dir?.remove();
  });

  it('recovers the mention ends of 300 BBC and 200 Reuters articles', async () => {
    db = await createTestDatabase('evidence_backfill_corpus');
    dir = makeTempDir('evidence-backfill');
    const lines: string[] = [];
    for (const [file, count] of [['bbc.jsonl', 300], ['reuters21578.jsonl', 200]] as const) {
      let taken = 0;
      for (const line of fs.readFileSync(path.join(corpusDir()!, file), 'utf8').split('\n')) {
        if (taken >= count) break;
        if (!line.trim() || !JSON.parse(line).body) continue;
        taken++;
        lines.push(line);
      }
    }
    const file = path.join(dir.dir, 'sample.jsonl');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const summary = await ingestArticles(db.writer, readSources([file]), { batchSize: 100 });
    expect(summary.errors).toEqual([]);
    const r = await backfillAgreement(db);
    console.log(`corpus: ${r.mentions} mentions, backfilled end equals the ingested one for ${r.same} (${((100 * r.same) / r.mentions).toFixed(2)} %), left NULL ${r.missing}, other ${r.wrong}; ${r.multiPartStatements} statements of several parts get their outer span`);
    expect(r.same / r.mentions).toBeGreaterThan(0.99);
  }, 180_000);
});
