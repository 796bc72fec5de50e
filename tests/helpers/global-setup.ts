import fs from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres.ts';
import { migrateDeploy } from '../../src/db/migrate.ts';
import { dropStaleDatabases, killStaleGroups, ownerFile, releaseOwner, removeStaleTempDirs, stopOrphanedEmbedded, writeOwner } from './leftovers.ts';


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
  // Leftovers of killed earlier runs, each removed only when the process that made it is dead:
  // other runs (other checkouts, CI jobs) may be going on right now on this machine.
  const embeddedDir = `${process.cwd()}/.data/test-pg`;
  const groups = killStaleGroups();
  const temp = await removeStaleTempDirs();
  const orphan = await stopOrphanedEmbedded(embeddedDir);
  const removed = [
    groups.length && `${groups.length} process group(s)`,
    temp.postmasters.length && `${temp.postmasters.length} PostgreSQL server(s)`,
    temp.dirs.length && `${temp.dirs.length} temp dir(s)`,
    orphan && 'the orphaned .data/test-pg server',
  ].filter(Boolean);
  if (removed.length) console.log(`test setup: removed leftovers of killed runs: ${removed.join(', ')}`);

  let embedded: EmbeddedDatabase | null = null;
  let adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  if (!(await reachable(adminUrl))) {
    if (process.env.TEST_DATABASE_URL) throw new Error(`TEST_DATABASE_URL is not reachable: ${adminUrl}`);
    // A live owner file means another run of this checkout is using the server: it stays the owner.
    const mine = !fs.existsSync(ownerFile(embeddedDir));
    embedded = await startEmbeddedPostgres(embeddedDir, 54330);
    if (mine) writeOwner(embeddedDir);
    adminUrl = withDatabase(embedded.url, 'postgres');
  }
  // One template per test run, so parallel runs (several checkouts, CI) never share one.
  const template = `newsgraph_tpl_${process.pid}_${Date.now() % 1e6}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const dropped = await dropStaleDatabases(admin);
  if (dropped.length) console.log(`test setup: dropped ${dropped.length} database(s) of killed runs`);
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
    if (embedded) releaseOwner(embeddedDir);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}
