import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres.ts';
import { migrateDeploy } from '../../src/db/migrate.ts';


async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/**
 * Tests run against a real PostgreSQL: TEST_DATABASE_URL (admin access), else the local server on
 * 127.0.0.1:5432, else an embedded one. A migrated template database makes each suite's own
 * database a cheap `CREATE DATABASE ... TEMPLATE` copy.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  if (!(await reachable(adminUrl))) {
    if (process.env.TEST_DATABASE_URL) throw new Error(`TEST_DATABASE_URL is not reachable: ${adminUrl}`);
    embedded = await startEmbeddedPostgres(`${process.cwd()}/.data/test-pg`, 54330);
    adminUrl = withDatabase(embedded.url, 'postgres');
  }
  // One template per test run, so parallel runs (several checkouts, CI) never share one.
  const template = `newsgraph_tpl_${process.pid}_${Date.now() % 1e6}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Leftovers of killed earlier runs.
  const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'newsgraph_tpl_%' OR datname LIKE 'newsgraph_test_%'`);
  for (const { datname } of stale.rows) {
    const pid = Number(/_(\d+)_\d+$/.exec(datname)?.[1]);
    let alive = false;
    try { if (pid) { process.kill(pid, 0); alive = true; } } catch { /* gone */ }
    if (!alive) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
  }
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  await migrateDeploy(withDatabase(adminUrl, template));
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);
  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => {});
    await c.end();
    await embedded?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}
