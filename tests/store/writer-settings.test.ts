import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { corpusDir } from '../../src/config.ts';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { readSources, type SourceItem } from '../../src/pipeline/read-sources.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

async function* first(n: number, file: string): AsyncGenerator<SourceItem> {
  let i = 0;
  for await (const item of readSources([file])) {
    if (i++ >= n) return;
    yield item;
  }
}

/** Pages GIN still holds in the pending list of `index` (merging them into the index, which this test no longer needs). */
async function pendingPages(db: TestDatabase, index: string): Promise<number> {
  const [row] = await db.sql.query<{ pages: number }>(`SELECT gin_clean_pending_list($1::regclass)::int AS pages`, [index]);
  return row.pages;
}

describeWithCorpus(['reuters21578.jsonl'], 'the writer’s PostgreSQL settings', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('writer_settings');
  });
  afterAll(async () => {
    await db?.drop();
  });

  // JIT compilation of the writes' set-based statements over jsonb cost ~1 s per 200-article batch.
  it('writes and looks up without JIT compilation', async () => {
    const [{ jit }] = await db.writer.transaction((sql) => sql.query<{ jit: string }>('SHOW jit'));
    expect(jit).toBe('off');
    // The look-ups before a write too, in a read-only transaction.
    const [read] = await db.writer.read((sql) => sql.query<{ jit: string; ro: string }>(`SELECT current_setting('jit') AS jit, current_setting('transaction_read_only') AS ro`));
    expect(read).toEqual({ jit: 'off', ro: 'on' });
  });

  // Every batch's look-up searches event_article's GIN indexes: a pending list of up to 4 MB (GIN's
  // default) was read whole by each search, ~250 ms per batch at 21k articles. The writer keeps it
  // under 64 kB (8 pages); 2,000 Reuters articles add 11 pages to the prefixes' list without that.
  it('keeps the pending lists of the event accounts’ indexes short', { timeout: 240_000 }, async () => {
    // A vacuum would merge the lists too, and make this pass whatever the writer does.
    await db.sql.query('ALTER TABLE event_article SET (autovacuum_enabled = false)');
    const summary = await ingestArticles(db.writer, first(2000, path.join(corpusDir()!, 'reuters21578.jsonl')), { batchSize: 200 });
    expect(summary.events.created).toBeGreaterThan(1000);
    for (const index of ['event_article_member_names_idx', 'event_article_member_prefixes_idx']) expect(await pendingPages(db, index)).toBeLessThanOrEqual(8);
  });
});
