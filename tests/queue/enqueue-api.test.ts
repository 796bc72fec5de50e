import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIngestQueue, QUEUE_SCHEMA, type IngestQueue } from '../../src/queue/ingest-queue.ts';
import { ingestBatch } from '../../src/queue/queue-worker.ts';
import { parseApiKeys } from '../../src/config/api-keys.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { listen } from '../helpers/graphql.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

/** The queue's GraphQL surface: editors only, all-or-nothing enqueueing, jobs followed to their article. */
const KEY = 'enqueue-api-test-key-0123';
const ARTICLE = 'Talks resume in Geneva\n\nThe foreign minister, Anna Berg, said on Monday that the talks would resume in Geneva.';

describe('enqueueArticles, ingestJob and deadLetterJobs', () => {
  let db: TestDatabase;
  let queue: IngestQueue;
  let server: NewsgraphServer;
  let base: string;
  const gql = async (query: string, variables: Record<string, unknown> = {}, key: string | null = KEY) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key) headers.authorization = `Bearer ${key}`;
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  };
  const queued = async () => Number((await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${QUEUE_SCHEMA}.job`))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase('enqueue_api');
    queue = await openIngestQueue(db.url, { retryLimit: 0, retryDelaySeconds: 0, expireSeconds: 60 }, { supervise: false });
    server = await createServer({ sql: db.sql, db: db.writer, queue, apiKeyHashes: parseApiKeys(KEY) });
    base = await listen(server);
  });
  afterAll(async () => {
    await server?.stop();
    await queue?.stop();
    await db?.drop();
  });

  it('refuses callers without an API key', async () => {
    const m = await gql(`mutation { enqueueArticles(input: [{ text: "x" }]) { jobs { id } } }`, {}, null);
    expect(m.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const q = await gql(`{ deadLetterJobs { id } }`, {}, null);
    expect(q.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await queued()).toBe(0);
  });

  it('queues nothing when one article of the list is bad, and names it', async () => {
    const r = await gql(`mutation($input: [IngestArticleInput!]!) { enqueueArticles(input: $input) { jobs { id } userErrors { field code } } }`, { input: [{ text: ARTICLE }, { text: '   ' }] });
    expect(r.data.enqueueArticles).toEqual({ jobs: [], userErrors: [{ field: ['input', '1', 'text'], code: 'BAD_USER_INPUT' }] });
    expect(await queued()).toBe(0);
  });

  it('follows a job from the queue to its article, and a second copy to UNCHANGED', async () => {
    const r = await gql(`mutation($input: [IngestArticleInput!]!) { enqueueArticles(input: $input) { jobs { id state attempts article { id } } userErrors { message } } }`, { input: [{ text: ARTICLE, source: 'Test' }, { text: ARTICLE, source: 'Test' }] });
    const [first, second] = r.data.enqueueArticles.jobs;
    expect(first).toMatchObject({ state: 'QUEUED', attempts: 0, article: null });
    const taken = await queue.take(10);
    expect(taken.map((j) => j.id).sort()).toEqual([first.id, second.id].sort());
    expect(await ingestBatch(db.writer, queue, taken)).toEqual({ done: 2, failed: 0 });
    const jobs = await Promise.all([first, second].map(async (j) => (await gql(`query($id: ID!) { ingestJob(id: $id) { state attempts outcome error article { title } } }`, { id: j.id })).data.ingestJob));
    expect(jobs.map((j) => j.outcome).sort()).toEqual(['CREATED', 'UNCHANGED']);
    for (const j of jobs) expect(j).toMatchObject({ state: 'COMPLETED', attempts: 1, error: null, article: { title: 'Talks resume in Geneva' } });
    expect((await gql(`{ ingestJob(id: "not-a-job") { id } }`)).data.ingestJob).toBeNull();
  });

  it('dead-letters a job whose article fails, with the error', async () => {
    const [id] = await queue.enqueue([{ raw: ARTICLE, origin: 'test', meta: { title: 'T'.repeat(5000) } }]);
    const taken = await queue.take(10);
    expect(await ingestBatch(db.writer, queue, taken)).toEqual({ done: 0, failed: 1 });
    const dead = (await gql(`{ deadLetterJobs(limit: 5) { id state attempts error } }`)).data.deadLetterJobs;
    expect(dead).toEqual([{ id, state: 'FAILED', attempts: 1, error: expect.stringMatching(/title is 5,000 characters/) }]);
  });

  it('hands the articles of one enqueue out in the order they came', async () => {
    const articles = Array.from({ length: 120 }, (_, i) => ({ raw: `Story ${i}\n\nA body of story ${i}.`, origin: `order:${i}` }));
    const ids = await queue.enqueue(articles);
    const taken = [];
    for (let batch = await queue.take(50); batch.length; batch = await queue.take(50)) taken.push(...batch);
    expect(taken.map((j) => j.id)).toEqual(ids);
    expect(taken.map((j) => j.article.origin)).toEqual(articles.map((a) => a.origin));
  });
});
