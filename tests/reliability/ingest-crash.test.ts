import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { corpusArticles, tempDir, writeArticleFiles } from './ingest/corpus.ts';
import { spawnIngest } from './ingest/spawn-ingest.ts';
import { dumpGraph, NO_ORPHANS, orphanCounts, perArticleCounts } from './ingest/graph-dump.ts';
import { sleep } from './slow-sql.ts';

const ARTICLES = 150;

describeWithCorpus(['bbc.jsonl'], 'kill -9 in the middle of an ingest', () => {
  let crashed: TestDatabase;
  let clean: TestDatabase;
  let files: { dir: string; remove: () => void };

  beforeAll(async () => {
    [crashed, clean] = await Promise.all([createTestDatabase('rel_crash'), createTestDatabase('rel_crash_ref')]);
    files = tempDir('crash');
    writeArticleFiles(files.dir, corpusArticles(ARTICLES));
  });
  afterAll(async () => {
    files?.remove();
    await Promise.all([crashed?.drop(), clean?.drop()]);
  });

  it('leaves every article whole or absent, and a re-run completes to the same graph as a clean ingest', { timeout: 480_000 }, async () => {
    const reference = await ingestArticles(clean.writer, readSources([files.dir]));
    expect(reference.articles.created).toBe(ARTICLES);
    expect(reference.statements).toBeGreaterThan(ARTICLES / 2);
    const expectedCounts = await perArticleCounts(clean.sql);
    const count = async () => Number((await crashed.sql.query<{ n: number }>('SELECT count(*) AS n FROM article'))[0].n);

    // Two interruptions at growing points of the batch, then a run to the end.
    const killedAt: number[] = [];
    for (const threshold of [Math.floor(ARTICLES / 4), Math.floor(ARTICLES / 2)]) {
      // Several transactions per run (the default batch would hold all 150 articles).
      const run = spawnIngest(files.dir, crashed.url, ['--batch', '50']);
      let exited = false;
      void run.exited.then(() => (exited = true));
      while (!exited && (await count()) < threshold) await sleep(20);
      expect(exited, `ingest ended before it could be killed:\n${run.output()}`).toBe(false);
      run.child.kill('SIGKILL');
      expect((await run.exited).signal).toBe('SIGKILL');
      const present = await count();
      killedAt.push(present);
      expect(present).toBeLessThan(ARTICLES); // really mid-batch

      // Consistency right after the crash: each present article exactly as a clean ingest stores it.
      const counts = await perArticleCounts(crashed.sql);
      for (const [key, c] of counts) expect(c, key).toBe(expectedCounts.get(key));
      expect(await orphanCounts(crashed.sql)).toEqual(NO_ORPHANS);
    }

    const final = spawnIngest(files.dir, crashed.url, ['--batch', '50']);
    const { code } = await final.exited;
    expect(code, final.output()).toBe(0);
    expect(final.output()).toMatch(/skipped duplicates/);
    expect(await count()).toBe(ARTICLES);
    expect(await dumpGraph(crashed.sql)).toEqual(await dumpGraph(clean.sql));
    expect(await orphanCounts(crashed.sql)).toEqual(NO_ORPHANS);
    console.log(`kill -9: ${ARTICLES} articles, killed with ${killedAt.join(' then ')} committed; re-run completed, graph equal to a clean ingest (${reference.statements} statements)`);
  });
});
