import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsApplied } from '../../src/db/migrations-applied.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

describe('migrationsApplied (the start-up check that skips the Prisma CLI)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('migrations_applied');
  });
  afterAll(() => db.drop());

  it('is true on a migrated database, false when a committed migration is missing or one failed', async () => {
    expect(await migrationsApplied(db.url, process.cwd())).toBe(true);
    const [{ migration_name: last }] = await db.sql.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1');
    await db.sql.query('UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1', [last]);
    expect(await migrationsApplied(db.url, process.cwd())).toBe(false);
    await db.sql.query('UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = $1', [last]);
    await db.sql.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('failed', 'x', '29990101000000_failed', now(), 0)`);
    expect(await migrationsApplied(db.url, process.cwd())).toBe(false);
  });

  it('is false when it cannot tell: no migrations table, or no committed migrations', async () => {
    await db.sql.query('DROP TABLE _prisma_migrations');
    expect(await migrationsApplied(db.url, process.cwd())).toBe(false);
    expect(await migrationsApplied(db.url, '/nonexistent')).toBe(false);
  });
});
