import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createWriter, type Writer } from '../../src/db/writer.ts';
import { createSqlPool, type SqlPool } from '../../src/db/sql.ts';

export interface TestDatabase {
  url: string;
  name: string;
  writer: Writer;
  sql: SqlPool;
  drop(): Promise<void>;
}


export function databaseUrl(adminUrl: string, db: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  return u.toString();
}

export function adminDatabaseUrl(): string {
  return inject('adminDatabaseUrl');
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Databases of this test file not dropped yet. */
const live = new Set<TestDatabase>();

/**
 * A fresh, migrated, empty database of its own for one test file. Named after this process, so a
 * killed run's databases are dropped by the next run's global setup; dropped when the test file ends
 * at the latest, even if the test never got hold of it (say, `Promise.all` with a failing sibling).
 */
export async function createTestDatabase(label = 'suite'): Promise<TestDatabase> {
  const name = `newsgraph_test_${label.replace(/\W/g, '_')}_${process.pid}_${Date.now() % 1e8}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`));
  const url = databaseUrl(adminDatabaseUrl(), name);
  const writer = createWriter(url, { poolSize: 4 });
  const sql = createSqlPool(url, { max: 4 });
  const db: TestDatabase = {
    url,
    name,
    writer,
    sql,
    async drop() {
      live.delete(db);
      await Promise.allSettled([writer.end(), sql.end()]);
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
  live.add(db);
  return db;
}

// Imported during collection, so this hook belongs to the importing test file; it runs after the
// file's own afterAll hooks, which normally dropped everything already.
afterAll(async () => {
  await Promise.allSettled([...live].map((db) => db.drop()));
});
