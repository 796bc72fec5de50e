import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killGroup, spawnTracked } from '../helpers/child-process.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait.ts';

/**
 * Two API processes and one queue worker on one database: a subscriber connected to B receives what
 * the worker stores from articles enqueued through A, and each filter delivers only what it names.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const KEY = 'live-feed-test-key-012345';
const QUOTED = 'Port strike ends in Rotterdam\n\nDock workers in Rotterdam ended their strike on Tuesday, the union said.\n\n"We have a fair deal at last," said Marta de Vries, the union\'s chairwoman.';
const OTHER = 'Rain delays harvest in Kent\n\nFarmers in Kent said heavy rain had delayed the harvest by two weeks.';

function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray; log: () => string }> {
  const child = spawnTracked(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'info', INGEST_SEEDS: 'false', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) resolve({ child, match: m, log: () => out });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}:\n${out}`)));
  });
}

/**
 * Collects what one subscription delivers. A payload that carries errors, or no data, is kept whole
 * under `errors` (asserted empty), so waiting on `items` never reads a payload that has no data.
 */
function collect(client: Client, query: string): { items: any[]; errors: unknown[] } {
  const got = { items: [] as any[], errors: [] as unknown[] };
  client.subscribe({ query }, { next: (r) => (r.errors || !r.data ? got.errors.push(r) : got.items.push(r.data)), error: (e) => got.errors.push(e), complete: () => {} });
  return got;
}

describe('live feed across replicas', () => {
  let db: TestDatabase;
  const children: ChildProcess[] = [];
  let client: Client | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('live_feed');
  });
  afterAll(async () => {
    await client?.dispose();
    for (const c of children) killGroup(c);
    await db?.drop();
  });

  it('delivers to a subscriber on B what a worker stores from articles enqueued through A, filtered', async () => {
    const env = { DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', NEWSGRAPH_API_KEYS: KEY };
    const [a, b, worker] = await Promise.all([
      start(['src/server/main.ts'], env, /ready at (http:\/\/\S+)\/graphql/),
      start(['src/server/main.ts'], env, /ready at (http:\/\/\S+)\/graphql/),
      start(['src/cli/worker.ts', '--batch', '5'], { DATABASE_URL: db.url }, /worker ready/),
    ]);
    children.push(a.child, b.child, worker.child);
    const urlA = a.match[1].replace('localhost', '127.0.0.1');
    const urlB = b.match[1].replace('localhost', '127.0.0.1');

    client = createClient({ url: `${urlB.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
    const all = collect(client, `subscription { statementAdded { kind text speakerText article { title source } } }`);
    const direct = collect(client, `subscription { statementAdded(filter: { kind: DIRECT }) { kind text } }`);
    const wire = collect(client, `subscription { articleAdded(filter: { source: "wire one" }) { title source } }`);
    // A query over the same socket answers after the subscriptions before it were taken up.
    await new Promise((resolve, reject) => client!.subscribe({ query: '{ __typename }' }, { next: resolve, error: reject, complete: () => {} }));

    const res = await fetch(`${urlA}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ query: `mutation($input: [IngestArticleInput!]!) { enqueueArticles(input: $input) { jobs { id } userErrors { message } } }`, variables: { input: [{ text: QUOTED, source: 'Wire One' }, { text: OTHER, source: 'Other Desk' }] } }),
    });
    expect(((await res.json()) as any).data.enqueueArticles.userErrors).toEqual([]);

    await waitFor(() => new Set(all.items.map((i) => i.statementAdded.article.title)).size === 2, 'statements of both articles on B', { timeoutMs: 120_000, detail: () => JSON.stringify(all) + worker.log().slice(-2000) });
    expect(all.errors).toEqual([]);
    expect(direct.errors).toEqual([]);
    expect(wire.errors).toEqual([]);
    const quote = all.items.find((i) => i.statementAdded.kind === 'DIRECT');
    expect(quote.statementAdded).toMatchObject({ text: 'We have a fair deal at last,', speakerText: 'Marta de Vries', article: { source: 'Wire One' } });
    expect(direct.items.length).toBeGreaterThan(0);
    expect(direct.items.every((i) => i.statementAdded.kind === 'DIRECT')).toBe(true);
    expect(direct.items).toHaveLength(all.items.filter((i) => i.statementAdded.kind === 'DIRECT').length);
    expect(wire.items).toEqual([{ articleAdded: { title: 'Port strike ends in Rotterdam', source: 'Wire One' } }]);
  }, 300_000);
});
