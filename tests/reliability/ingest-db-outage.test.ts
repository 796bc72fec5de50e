import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migrateDeploy } from '../../src/db/migrate.ts';
import { settleWithin } from '../../src/db/settle-within.ts';
import { createWriter } from '../../src/db/writer.ts';
import { createSqlPool, type SqlPool } from '../../src/db/sql.ts';
import { DatabaseUnavailableError, ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { corpusArticles, tempDir, writeArticleFiles } from './ingest/corpus.ts';
import { spawnIngest } from './ingest/spawn-ingest.ts';
import { dumpGraph, NO_ORPHANS, orphanCounts, perArticleCounts } from './ingest/graph-dump.ts';
import { postgresBinDir, startPrivatePostgres, type PrivatePostgres } from './ingest/private-postgres.ts';

const ARTICLES = 80;

// Needs PostgreSQL server binaries to run a server of its own (the shared one is never stopped).
describeWithCorpus(['bbc.jsonl'], 'the database going away in the middle of an ingest', () => describe.skipIf(!postgresBinDir())('with a private PostgreSQL server', () => {
  let pgServer: PrivatePostgres;
  let clean: TestDatabase;
  let files: { dir: string; remove: () => void };
  const clients: { writer?: ReturnType<typeof createWriter>; sql?: SqlPool }[] = [];
  const connect = () => {
    const c = { writer: createWriter(pgServer.url, { poolSize: 2 }), sql: createSqlPool(pgServer.url, { max: 2 }) };
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    [pgServer, clean] = await Promise.all([startPrivatePostgres(), createTestDatabase('rel_outage_ref')]);
    await migrateDeploy(pgServer.url);
    files = tempDir('outage');
    writeArticleFiles(files.dir, corpusArticles(ARTICLES, 200));
  }, 300_000);
  afterAll(async () => {
    for (const c of clients) await settleWithin([c.writer!.end(), c.sql!.end()], 1_000);
    pgServer?.destroy();
    files?.remove();
    await clean?.drop();
  });

  it('stops with a clear DatabaseUnavailableError, keeps only whole articles, and a re-run after restart completes', { timeout: 300_000 }, async () => {
    await ingestArticles(clean.writer, readSources([files.dir]));
    const expectedCounts = await perArticleCounts(clean.sql);

    const first = connect();
    let done = 0;
    const run = ingestArticles(first.writer, readSources([files.dir]), { onProgress: (p) => (done = p.done) }).then(() => null, (e: unknown) => e as Error);
    // Stop the server from outside the ingest loop, whatever it is doing (usually mid-transaction).
    while (done < ARTICLES / 3) await new Promise((r) => setTimeout(r, 2));
    pgServer.stop();
    const error = await run;
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error!.message).toMatch(/^Database unavailable while ingesting .+\.txt: .+ Articles committed so far are kept; re-run the ingest to complete the rest\.$/s);
    // Closing a client whose connection died mid-transaction may never settle (Prisma's did; the store's
    // pg transactions destroy a broken connection, so now it usually does): the app bounds it either way.
    expect(['settled', 'timed out']).toContain(await settleWithin([first.writer.end(), first.sql.end()], 1_000));

    pgServer.start();
    const second = connect();
    const present = await perArticleCounts(second.sql);
    const stoppedAfter = present.size;
    expect(stoppedAfter).toBeGreaterThan(0);
    expect(stoppedAfter).toBeLessThan(ARTICLES);
    for (const [key, c] of present) expect(c, key).toBe(expectedCounts.get(key));
    expect(await orphanCounts(second.sql)).toEqual(NO_ORPHANS);

    const retry = await ingestArticles(second.writer, readSources([files.dir]));
    expect(retry.articles).toMatchObject({ created: ARTICLES - stoppedAfter, duplicates: stoppedAfter, failed: 0 });
    expect(await dumpGraph(second.sql)).toEqual(await dumpGraph(clean.sql));
    console.log(`database outage: stopped PostgreSQL after ${stoppedAfter}/${ARTICLES} articles -> "${error!.message.slice(0, 90)}…"; retry created ${retry.articles.created}`);
  });

  it('the ingest CLI reports the outage, exits with status 1 instead of hanging, and a re-run completes', { timeout: 300_000 }, async () => {
    const admin = new pg.Client({ connectionString: pgServer.url });
    await admin.connect();
    await admin.query('CREATE DATABASE cli_outage');
    await admin.end();
    const url = pgServer.url.replace(/\/postgres$/, '/cli_outage');
    const count = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return Number((await c.query('SELECT count(*) AS n FROM article')).rows[0].n);
      } catch {
        return 0; // not migrated yet
      } finally {
        await c.end();
      }
    };
    // Several transactions (the default batch would hold all 80 articles), so the outage falls between them.
    const run = spawnIngest(files.dir, url, ['--batch', '20']);
    let exited = false;
    void run.exited.then(() => (exited = true));
    while (!exited && (await count()) < ARTICLES / 3) await new Promise((r) => setTimeout(r, 10));
    expect(exited, run.output()).toBe(false);
    pgServer.stop();
    const { code } = await run.exited;
    expect(code, run.output()).toBe(1);
    expect(run.output()).toMatch(/ingest stopped: Database unavailable while ingesting .*re-run the ingest to complete the rest/);

    pgServer.start();
    const again = spawnIngest(files.dir, url, ['--batch', '20']);
    expect((await again.exited).code, `first run:\n${run.output()}\nre-run:\n${again.output()}`).toBe(0);
    expect(await count(), again.output()).toBe(ARTICLES);
  });
}));
