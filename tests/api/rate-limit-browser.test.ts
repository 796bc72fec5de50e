import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiKeys } from '../../src/config/api-keys.ts';
import { createServer, type NewsgraphServer, type ServerOptions } from '../../src/server/create-server.ts';
import { listen } from '../helpers/graphql.ts';
import { writeSyntheticGraph } from '../helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const KEY = 'rate-limit-browser-key-0123456789';

interface PageFetch {
  ok: boolean;
  status?: number;
  headers?: Record<string, string | null>;
  body?: any;
  error?: string;
}

/** fetch() from the page, as a browser client on the other origin would; reads only what CORS lets it. */
function fetchFromPage(page: Page, url: string, headers: Record<string, string>, query: string): Promise<PageFetch> {
  // Runs in the browser (this project's TypeScript has no DOM types).
  return page.evaluate(async ({ url, headers, query }) => {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
      const names = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after', 'x-request-id', 'vary'];
      return { ok: true, status: res.status, headers: Object.fromEntries(names.map((n) => [n, res.headers.get(n)])), body: await res.json() };
    } catch (error) {
      return { ok: false, error: String(error) };
    }
  }, { url, headers, query });
}

// A page on one origin calling the API on another, in a real headless Chromium: the browser enforces
// the preflight's allowed request headers and hides response headers that are not exposed.
describe('rate-limit headers and CORS, seen from a browser page on another origin', () => {
  let db: TestDatabase;
  let pages: http.Server;
  let pageOrigin: string;
  let browser: Browser;
  let page: Page;
  const servers: NewsgraphServer[] = [];
  const start = async (options: Omit<ServerOptions, 'sql'>) => {
    const s = await createServer({ sql: db.sql, apiKeyHashes: parseApiKeys(KEY), corsOrigins: [pageOrigin], ...options });
    servers.push(s);
    return listen(s);
  };

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH. This browser test does not skip.`);
    }
    db = await createTestDatabase('rate_limit_browser');
    await writeSyntheticGraph(db.writer, { articles: 3, peoplePerArticle: 1, poolSize: 2 });
    // The client app's origin: another port is another origin.
    pages = http.createServer((_req, res) => res.end('<!doctype html><title>client app</title>'));
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    pageOrigin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], timeout: 120_000 });
    page = await (await browser.newContext()).newPage();
    await page.goto(`${pageOrigin}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.stop()));
    await new Promise((resolve) => (pages ? pages.close(resolve) : resolve(undefined)));
    await db?.drop();
  });

  it('lets the page send trace headers and read X-RateLimit-* and Retry-After', { timeout: 180_000 }, async () => {
    const api = `${await start({ rateLimit: { capacity: 5, refillPerSecond: 0.01 } })}/graphql`;
    const traced = { authorization: `Bearer ${KEY}`, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: 'vendor=1', baggage: 'tenant=news' };
    const ok = await fetchFromPage(page, api, traced, '{ articles(first: 2) { nodes { title } } rateLimit { limit cost remaining resetAt } }');
    expect(ok.ok, ok.error).toBe(true);
    expect(ok.body.data.rateLimit).toMatchObject({ limit: 5, cost: 3, remaining: 2 });
    expect(ok.headers).toMatchObject({ 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '2', 'x-ratelimit-reset': String(Math.ceil(Date.parse(ok.body.data.rateLimit.resetAt) / 1000)) });
    expect(ok.headers!['x-request-id']).toBeTruthy();
    // Not exposed, so hidden from the page even though the server sent it.
    expect(ok.headers!.vary).toBeNull();

    const refused = await fetchFromPage(page, api, traced, '{ articles(first: 3) { nodes { title } } }');
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers!['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers!['x-ratelimit-remaining']).toBe('2');
    expect(refused.headers!['x-ratelimit-limit']).toBe('5');
  });

  it('refuses, in the browser, request headers the allow-list does not name', { timeout: 180_000 }, async () => {
    const api = `${await start({ rateLimit: null })}/graphql`;
    const query = '{ rateLimit { remaining } articles(first: 1) { totalCount } }';
    const unlisted = await fetchFromPage(page, api, { 'x-not-on-the-list': '1' }, query);
    expect(unlisted.ok).toBe(false);
    expect(unlisted.error).toMatch(/TypeError/);
    // Configured without the trace context: the same traceparent a default server accepts is refused.
    const narrow = `${await start({ rateLimit: null, corsAllowHeaders: ['content-type', 'authorization'] })}/graphql`;
    const withTrace = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' };
    expect((await fetchFromPage(page, narrow, withTrace, query)).ok).toBe(false);
    const accepted = await fetchFromPage(page, api, withTrace, query);
    expect(accepted.ok, accepted.error).toBe(true);
    expect(accepted.body.data).toEqual({ rateLimit: null, articles: { totalCount: 3 } });
    expect(accepted.headers!['x-ratelimit-remaining']).toBeNull();
    const plain = await fetchFromPage(page, narrow, { authorization: `Bearer ${KEY}` }, query);
    expect(plain.ok, plain.error).toBe(true);
  });
});
