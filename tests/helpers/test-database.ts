import pg from 'pg';
import { inject } from 'vitest';
import { createPrismaClient, type Db } from '../../src/db/prisma-client.ts';
import { createSqlPool, type SqlPool } from '../../src/db/sql.ts';

export interface TestDatabase {
  url: string;
  name: string;
  prisma: Db;
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

/** A fresh, migrated, empty database of its own for one test file. */
export async function createTestDatabase(label = 'suite'): Promise<TestDatabase> {
  const name = `newsgraph_test_${label.replace(/\W/g, '_')}_${process.pid}_${Date.now() % 1e8}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`));
  const url = databaseUrl(adminDatabaseUrl(), name);
  const prisma = createPrismaClient(url, { poolSize: 4 });
  const sql = createSqlPool(url, { max: 4 });
  return {
    url,
    name,
    prisma,
    sql,
    async drop() {
      await Promise.allSettled([prisma.$disconnect(), sql.end()]);
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
