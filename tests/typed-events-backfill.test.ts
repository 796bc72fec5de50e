import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type NewsgraphServer } from '../src/server/create-server.ts';
import { execute } from './helpers/graphql.ts';
import { createSeedGraph } from './helpers/sample-graph.ts';
import type { TestDatabase } from './helpers/test-database.ts';

/**
 * Migration 20261208090000_typed_events on a populated database: the seeds are ingested with
 * today's code, the database is taken back to its shape before the migration (typed columns, actors
 * and the accounts' typed keys removed) and the migration's SQL is run. Its backfill (type and mode
 * from kind and key) must give every event the type today's extraction gives it, and the API must
 * answer the backfilled events (no actors, no evidence: those were never stored before).
 */
const MIGRATION = fs.readFileSync(path.join('prisma', 'migrations', '20261208090000_typed_events', 'migration.sql'), 'utf8');
const TYPED_KEYS = ['type', 'mode', 'symmetric', 'confidence', 'trigger', 'sentence'];

describe('migration 20261208090000_typed_events on a populated database', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;

  beforeAll(async () => {
    db = await createSeedGraph('typed_backfill');
    server = await createServer({ sql: db.sql });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('types every stored event as today\'s extraction does', async () => {
    const events = () => db.sql.query<{ key: string; type: string; mode: string | null }>(`SELECT key, type::text AS type, mode FROM event ORDER BY key`);
    const before = await events();
    expect(before.length).toBeGreaterThan(5);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`DROP TABLE event_actor`);
      await client.query(`ALTER TABLE event DROP COLUMN type, DROP COLUMN mode, DROP COLUMN is_symmetric, DROP COLUMN confidence`);
      await client.query(`DROP TYPE "EventType", "EventActorRole"`);
      await client.query(`UPDATE event_article SET members = (SELECT jsonb_agg(m - $1::text[] ORDER BY n) FROM jsonb_array_elements(members) WITH ORDINALITY AS x(m, n))`, [TYPED_KEYS]);
      await client.query(MIGRATION);
    } finally {
      await client.end();
    }
    const after = await events();
    expect(after.map((e) => [e.key, e.type])).toEqual(before.map((e) => [e.key, e.type]));
    const sameMode = after.filter((e, i) => e.mode === before[i].mode).length;
    console.log(`backfill: ${after.length} events, type as ingested: ${after.length}, mode as ingested: ${sameMode}`);
    // Every account carries a type now; none carries evidence.
    const untyped = await db.sql.query(`SELECT 1 FROM event_article, jsonb_array_elements(members) m WHERE m->>'type' IS NULL OR m ? 'trigger'`);
    expect(untyped).toHaveLength(0);

    const r = await execute(server, db.sql, `{ events(first: 50) { totalCount nodes { type mode confidence sources { totalCount } evidence { totalCount } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.events.totalCount).toBe(before.length);
    expect(r.data!.events.nodes.every((e: any) => e.confidence === 0.5 && e.sources.totalCount === 0 && e.evidence.totalCount === 0)).toBe(true);
  });
});
