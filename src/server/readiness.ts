import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sql } from '../db/sql.ts';

export interface Readiness {
  ready: boolean;
  database: 'reachable' | 'unreachable';
  migrations: { expected: number; applied: number; missing: string[] };
  error?: string;
}

export const DEFAULT_MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prisma/migrations');

/** Migration names committed in the repository (one folder each). */
export function expectedMigrations(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/**
 * Ready = the database answers within `timeoutMs` and `_prisma_migrations` lists every committed
 * migration as finished and not rolled back.
 */
export async function checkReadiness(sql: Sql, options: { migrationsDir?: string; timeoutMs?: number } = {}): Promise<Readiness> {
  const expected = expectedMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const notReady = (database: Readiness['database'], error: string): Readiness => ({ ready: false, database, migrations: { expected: expected.length, applied: 0, missing: expected }, error });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      sql.query('SELECT 1'),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${options.timeoutMs ?? 2000} ms`)), options.timeoutMs ?? 2000); }),
    ]);
  } catch (error) {
    return notReady('unreachable', (error as Error).message);
  } finally {
    clearTimeout(timer);
  }
  let applied: string[];
  try {
    const rows = await sql.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL');
    applied = rows.map((r) => r.migration_name);
  } catch (error) {
    return notReady('reachable', `migrations table unreadable: ${(error as Error).message}`);
  }
  const done = new Set(applied);
  const missing = expected.filter((m) => !done.has(m));
  return { ready: missing.length === 0, database: 'reachable', migrations: { expected: expected.length, applied: expected.length - missing.length, missing } };
}
