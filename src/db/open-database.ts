import type { Config } from '../config.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.ts';
import { migrateDeploy } from './migrate.ts';
import { settleWithin } from './settle-within.ts';
import { pgWriter, type Writer } from './writer.ts';
import { createSqlPool, type SqlPool } from './sql.ts';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** The graph's writers (ingest, the editor's corrections): pg transactions on the same pool. */
  writer: Writer;
  /** Reads (GraphQL), on the same pool. */
  sql: SqlPool;
  close(): Promise<void>;
}

/**
 * The one way the app reaches its database: `DATABASE_URL` when set, else an embedded PostgreSQL;
 * migrations are applied before anything else touches it.
 */
export async function openDatabase(config: Config, log: (msg: string) => void = () => {}): Promise<OpenDatabase> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    log(`starting embedded PostgreSQL in ${config.dataDir}`);
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
    url = embedded.url;
  }
  try {
    await migrateDeploy(url);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  // One pool per process (NEWSGRAPH_DB_POOL_SIZE). Statements never run longer than a GraphQL request
  // may (the pool's statement_timeout); write transactions set their own (SET LOCAL).
  const sql = createSqlPool(url, { max: config.databasePoolSize, statementTimeoutMs: config.executionTimeoutMs });
  const writer = pgWriter(sql.pool);
  return {
    url,
    embedded: embedded !== null,
    writer,
    sql,
    async close() {
      await settleWithin([sql.end()], 2_000);
      await embedded?.stop();
    },
  };
}
