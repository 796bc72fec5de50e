import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Writer } from '../../src/db/writer.ts';
import type { Sql } from '../../src/db/sql.ts';
import { hashApiKey } from '../../src/config/api-keys.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { createWriteTracker, deadlineDb } from '../../src/server/deadline-writes.ts';
import { withDeadline } from '../../src/server/execution-deadline.ts';
import { toGlobalId } from '../../src/services/global-id.ts';
import { listen } from '../helpers/graphql.ts';
import { writeSyntheticGraph } from '../helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const KEY = 'deadline-editor-key-0123456789';
// Long enough for the mutation to reach the lock on a busy machine; the lock, not this clock, decides the outcome.
const DEADLINE_MS = 3_000;

/** Polls `check` until it returns a value (not a clock: a condition, with a generous cap). */
async function until<T>(what: string, check: () => Promise<T | null>, capMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() - started > capMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('a mutation past its deadline writes nothing (real PostgreSQL, over HTTP)', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  let url: string;
  let observer: pg.Client;
  const lockers: pg.Client[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('mutation_deadline');
    await writeSyntheticGraph(db.writer, { articles: 3, peoplePerArticle: 2, poolSize: 4 });
    server = await createServer({ sql: db.sql, db: db.writer, apiKeyHashes: [hashApiKey(KEY)], executionTimeoutMs: DEADLINE_MS });
    url = `${await listen(server)}/graphql`;
    observer = new pg.Client({ connectionString: db.url });
    await observer.connect();
    // Open the write pool's connections now, so the first mutation is not slowed by connecting.
    await db.writer.query('SELECT 1');
  }, 120_000);
  afterAll(async () => {
    for (const c of lockers) await c.end().catch(() => {});
    await observer?.end().catch(() => {});
    await server?.stop();
    await db?.drop();
  });

  /** A separate session holding `lockSql` in an open transaction until `release()`. */
  const hold = async (lockSql: string, params: unknown[] = []) => {
    const c = new pg.Client({ connectionString: db.url });
    lockers.push(c);
    await c.connect();
    await c.query('BEGIN');
    await c.query(lockSql, params);
    const pid = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    return { pid, release: () => c.query('ROLLBACK') };
  };
  /** Sessions of this database, other than the observer and `except`, that wait for a lock or hold a transaction open. */
  const busySessions = async (except: number) =>
    (await observer.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> $1
         AND (wait_event_type = 'Lock' OR state IN ('active', 'idle in transaction', 'idle in transaction (aborted)'))`, [except])).rows[0].n;
  const mutate = (query: string, variables: Record<string, unknown>) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ query, variables }) })
      .then(async (res) => ({ status: res.status, body: (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } }));

  /**
   * Sends `send()` while `lock` blocks it, checks it waited on the lock and was answered 503 TIMEOUT
   * with its transaction already gone, then releases the lock and waits for any work left.
   */
  async function timesOutWhileLocked(lock: { pid: number; release: () => Promise<unknown> }, send: () => ReturnType<typeof mutate>) {
    const answer = send();
    let answered = false;
    void answer.finally(() => (answered = true));
    // The write reached the lock before its deadline (else this test would prove less than it claims).
    await until('the mutation to wait for the lock', async () => {
      const n = (await observer.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n;
      if (n > 0) return true;
      if (answered) throw new Error('answered before the mutation reached the lock');
      return null;
    });
    const r = await answer;
    expect(r.status).toBe(503);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
    // Answered only after the rollback: nothing of the write is left waiting or open.
    expect.soft(await busySessions(lock.pid)).toBe(0);
    await lock.release();
    // Whatever might still be pending has had its chance: no session of this database is busy.
    await until('the database to be idle', async () => ((await busySessions(-1)) === 0 ? true : null));
  }

  it('mergePeople blocked on a row lock: TIMEOUT, rolled back, nothing written; the same write later succeeds', async () => {
    const [target, source] = (await observer.query<{ id: number; name: string }>('SELECT id, name FROM person ORDER BY id LIMIT 2')).rows;
    const persons = async () => (await observer.query<{ id: number; aliases: string[] }>('SELECT id, aliases FROM person ORDER BY id')).rows;
    const before = await persons();
    const query = `mutation($t: ID!, $s: [ID!]!) { mergePeople(input: { targetId: $t, sourceIds: $s }) { removedPersonIds userErrors { code } } }`;
    const variables = { t: toGlobalId('Person', target.id), s: [toGlobalId('Person', source.id)] };

    // The merge locks the target (lower id) first, then waits for the source.
    const lock = await hold('SELECT id FROM person WHERE id = $1 FOR UPDATE', [source.id]);
    await timesOutWhileLocked(lock, () => mutate(query, variables));
    expect(await persons()).toEqual(before);

    // Not blocked, the same write commits and says so; the cancelled connection was left clean.
    const ok = await mutate(query, variables);
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.mergePeople).toEqual({ removedPersonIds: [variables.s[0]], userErrors: [] });
    const after = await persons();
    expect(after.map((p) => p.id)).not.toContain(source.id);
    expect(after.find((p) => p.id === target.id)?.aliases).toContain(source.name);
  }, 120_000);

  it('ingestArticle blocked on a table lock: TIMEOUT, rolled back, no article stored', async () => {
    const articles = async () => (await observer.query<{ n: number }>('SELECT count(*)::int AS n FROM article')).rows[0].n;
    const before = await articles();
    const query = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { outcome userErrors { code } } }`;
    const variables = { input: { text: 'Talks resume in Oslo\n\nNegotiator Jane Example said on Monday: "We are close to an agreement."', url: 'https://example.test/oslo', source: 'Example Wire', publishedAt: '2021-05-03' } };

    // Reads of article go on (ACCESS SHARE); the insert inside the write transaction waits.
    const lock = await hold('LOCK TABLE article IN SHARE MODE');
    await timesOutWhileLocked(lock, () => mutate(query, variables));
    expect(await articles()).toBe(before);
  }, 120_000);
});

describe('the deadline and the commit point (deterministic, fake timers)', () => {
  const control = (onCancel: (pid: number) => void): Sql => ({
    query: async <T>(text: string, params?: unknown[]) => {
      if (text.includes('pg_cancel_backend')) onCancel(params![0] as number);
      return [] as T[];
    },
  });
  const tx: Sql = { query: async <T>() => [{ pid: 4242 }] as T[] };

  it('a write that passed its commit point before the deadline is answered with its result, not TIMEOUT', async () => {
    vi.useFakeTimers();
    try {
      let reachedCommit!: () => void;
      const atCommit = new Promise<void>((r) => (reachedCommit = r));
      let finishCommit!: () => void;
      const commitDone = new Promise<void>((r) => (finishCommit = r));
      // A COMMIT that takes longer than the deadline.
      const fake = { query: async () => [], async transaction(fn: (t: Sql) => Promise<unknown>) {
        const r = await fn(tx);
        reachedCommit();
        await commitDone;
        return r;
      } } as unknown as Writer;
      const controller = new AbortController();
      const writes = createWriteTracker(controller.signal, 50);
      const cancels: number[] = [];
      const answer = withDeadline(deadlineDb(fake, writes, control((pid) => cancels.push(pid))).transaction(async () => 'written'), 50, controller, writes);
      await atCommit;
      await vi.advanceTimersByTimeAsync(200);
      expect(controller.signal.aborted).toBe(false);
      finishCommit();
      await expect(answer).resolves.toBe('written');
      expect(cancels).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a write under way at the deadline is cancelled, and TIMEOUT is answered only after its rollback', async () => {
    vi.useFakeTimers();
    try {
      let cancelStatement!: (e: Error) => void;
      const statement = new Promise<never>((_, reject) => (cancelStatement = reject));
      let finishRollback!: () => void;
      const rollbackDone = new Promise<void>((r) => (finishRollback = r));
      let rolledBack = false;
      let committed = false;
      const fake = { query: async () => [], async transaction(fn: (t: Sql) => Promise<unknown>) {
        try {
          const r = await fn(tx);
          committed = true;
          return r;
        } catch (error) {
          await rollbackDone;
          rolledBack = true;
          throw error;
        }
      } } as unknown as Writer;
      const controller = new AbortController();
      const writes = createWriteTracker(controller.signal, 50);
      const cancels: number[] = [];
      // The callback even swallows the cancellation: the commit point still refuses to commit.
      const work = deadlineDb(fake, writes, control((pid) => {
        cancels.push(pid);
        cancelStatement(new Error('canceling statement due to user request'));
      })).transaction(async () => statement.catch(() => 'carried on'));
      let settled = false;
      const answer = withDeadline(work, 50, controller, writes);
      answer.then(() => (settled = true), () => (settled = true));
      await vi.advanceTimersByTimeAsync(60);
      expect(cancels).toEqual([4242]);
      expect(settled).toBe(false); // still rolling back
      finishRollback();
      await expect(answer).rejects.toMatchObject({ code: 'TIMEOUT' });
      expect(rolledBack).toBe(true);
      expect(committed).toBe(false);
      // A transaction asked for after the deadline is refused before it begins.
      await expect(deadlineDb(fake, writes, control(() => {})).transaction(async () => 'late')).rejects.toMatchObject({ code: 'TIMEOUT' });
    } finally {
      vi.useRealTimers();
    }
  });
});
