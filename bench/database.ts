import pg from 'pg';
import { migrateDeploy } from '../src/db/migrate.ts';

/** `adminUrl` with another database name. */
export function withDatabase(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `fn` on a connection of its own to `url`, closed afterwards whatever happens. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new database with no tables (dropped first if a previous run left it), e.g. to restore a dump into. */
export async function createEmptyDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  return withDatabase(adminUrl, name);
}

/** A fresh, migrated, empty database (dropped first if a previous run left it). */
export async function createFreshDatabase(adminUrl: string, name: string): Promise<string> {
  const url = await createEmptyDatabase(adminUrl, name);
  await migrateDeploy(url);
  return url;
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export async function serverVersion(url: string): Promise<string> {
  return withClient(url, async (c) => (await c.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version);
}

/** Fresh planner statistics and visibility maps after a bulk load, before anything is measured. */
export async function vacuumAnalyze(url: string): Promise<void> {
  await withClient(url, (c) => c.query('VACUUM ANALYZE'));
}
