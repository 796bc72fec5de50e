import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { LiveFeed } from '../../src/feed/live-feed.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { IDE_EXAMPLE_TABS } from '../../src/server/http/ide.ts';
import { listen } from '../helpers/graphql.ts';
import { createSeedGraph } from '../helpers/sample-graph.ts';
import type { TestDatabase } from '../helpers/test-database.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * The visible text of a GraphiQL (Monaco) editor, in line order. Monaco renders only the lines in
 * view: enough for the start of a query or a result, which is what the checks below read.
 */
function editorText(page: Page, selector: string): Promise<string> {
  // Runs in the browser (this project's TypeScript has no DOM types).
  return page.evaluate((sel) => {
    const doc = (globalThis as any).document;
    const lines = [...doc.querySelectorAll(`${sel} .view-line`)] as { style: { top: string }; textContent: string }[];
    return lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top)).map((l) => l.textContent).join('\n').replace(/\u00a0/g, ' ');
  }, selector);
}

// The GraphiQL IDE in a real headless Chromium, against a server with the seed articles ingested.
describe('GraphiQL IDE', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  let disabled: NewsgraphServer;
  let base: string;
  let disabledBase: string;
  let browser: Browser;
  let feed: LiveFeed;

  beforeAll(async () => {
    db = await createSeedGraph('ide');
    feed = new LiveFeed(db.sql.pool, db.sql, { maxPending: 64 });
    await feed.start();
    server = await createServer({ sql: db.sql, db: db.writer, ide: true, liveFeed: feed });
    base = await listen(server);
    disabled = await createServer({ sql: db.sql, ide: false });
    disabledBase = await listen(disabled);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await feed?.stop();
    await disabled?.stop();
    await db?.drop();
  });

  // A browser on a loaded 2-core machine: each wait below is generous, and so is the whole.
  it('loads from this server only, runs the preloaded examples and shows seed data', { timeout: 300_000 }, async () => {
    // Fails, never skips, without a browser (the HTTP-level tests below still run).
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH. The IDE browser test does not skip.`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], timeout: 120_000 });
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const host = new URL(base).host;
    const foreign: string[] = [];
    const failed: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      const u = new URL(request.url());
      if (u.protocol === 'data:' || u.protocol === 'blob:') return;
      if (u.host !== host) foreign.push(request.url());
    });
    page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => { if (response.status() >= 400) failed.push(`${response.url()}: ${response.status()}`); });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    // CSP violations (e.g. a blocked inline script) are reported as events on the document.
    await page.addInitScript(() => {
      const w = globalThis as any;
      w.__csp = [];
      w.document.addEventListener('securitypolicyviolation', (e: any) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });

    // Every GraphQL result the IDE receives, in order (the editor shows only its first lines).
    const results: any[] = [];
    page.on('response', async (r) => {
      if (new URL(r.url()).pathname === '/graphql' && r.request().method() === 'POST') {
        const body = JSON.parse(r.request().postData() ?? '{}');
        if (!String(body.query).includes('__schema')) results.push(await r.json());
      }
    });
    const resultOf = async (field: string) => {
      await expect.poll(() => results.some((r) => r.data?.[field] !== undefined), { timeout: 60_000 }).toBe(true);
      return results.find((r) => r.data?.[field] !== undefined);
    };

    const response = await page.goto(`${base}/ide`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['content-security-policy']).toContain("worker-src 'self'");

    // The editor (Monaco) is up with one tab per example, the first one selected.
    await page.locator('.graphiql-container .graphiql-query-editor .view-line').first().waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('.graphiql-tab').count()).toBe(IDE_EXAMPLE_TABS.length);
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain('query ArticlesWithStatements');

    // Run it with the execute button: the result pane shows the seed graph.
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => editorText(page, '.graphiql-response'), { timeout: 60_000 }).toContain('"totalCount": 2');
    const articles = await resultOf('articles');
    expect(articles.errors).toBeUndefined();
    expect(JSON.stringify(articles)).toContain('Kim Jong Un');
    const speakers = articles.data.articles.nodes.flatMap((a: any) => a.statements.nodes.map((s: any) => s.speaker?.__typename));
    expect(speakers).toEqual(expect.arrayContaining(['Person', 'Organization']));

    // Second tab (with variables: an alias), run with Ctrl-Enter from the query editor.
    await page.locator('.graphiql-tab').nth(1).click();
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain('query PersonByName');
    await page.locator('.graphiql-query-editor .view-lines').click();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => editorText(page, '.graphiql-response'), { timeout: 60_000 }).toContain('"name": "Kim Jong Un"');
    expect((await resultOf('person')).data.person.name).toBe('Kim Jong Un');

    // Third tab: events with participants.
    await page.locator('.graphiql-tab').nth(2).click();
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain('query EventsWithParticipants');
    await page.locator('.graphiql-execute-button').click();
    const events = await resultOf('events');
    expect(events.errors).toBeUndefined();
    expect(events.data.events.totalCount).toBeGreaterThan(0);
    expect(events.data.events.nodes.some((e: any) => e.participants.nodes.some((p: any) => p.name === 'Kim Jong Un'))).toBe(true);
    await expect.poll(() => editorText(page, '.graphiql-response'), { timeout: 60_000 }).toContain('"events"');

    // The Explorer plugin lists the schema's entry points (from introspection) for point-and-click queries.
    await page.locator('button[aria-label="Show GraphiQL Explorer"]').click();
    await expect.poll(() => page.locator('.graphiql-plugin').innerText(), { timeout: 60_000 }).toMatch(/\barticles\b[\s\S]*\bpeople\b/);

    expect(foreign).toEqual([]);
    expect(failed).toEqual([]);
    expect(await page.evaluate(() => (globalThis as any).__csp)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('serves its bundle (dist/ide) with long-lived caching', async () => {
    const html = await (await fetch(`${base}/ide`)).text();
    const urls = [...html.matchAll(/(?:src|href)="(\/ide\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.map((u) => u.replace(/\.[0-9a-f]{16}\./, '.'))).toEqual(['/ide/assets/graphiql.css', '/ide/assets/graphiql.js']);
    // Monaco's workers: named in the page's settings, served the same way.
    const config = JSON.parse(/<script id="ide-config" type="application\/json">([^<]*)<\/script>/.exec(html)![1]);
    expect(Object.keys(config.workers).sort()).toEqual(['editor', 'graphql', 'json']);
    urls.push(...(Object.values(config.workers) as string[]));
    expect(html).not.toMatch(/<script(?![^>]*(\bsrc=|type="application\/json"))/);
    for (const u of urls) {
      const r = await fetch(`${base}${u}`);
      expect(r.status, u).toBe(200);
      expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(r.headers.get('content-type')).toMatch(u.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      const again = await fetch(`${base}${u}`, { headers: { 'if-none-match': r.headers.get('etag')! } });
      expect(again.status).toBe(304);
    }
    expect((await fetch(`${base}/ide/assets/nope.js`)).status).toBe(404);
  });

  it('answers a browser navigating to /graphql with the IDE, and API clients with GraphQL', async () => {
    const page = await fetch(`${base}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('vary')).toContain('Accept');
    expect(await page.text()).toContain('<title>Newsgraph IDE</title>');

    // A link with an operation in it is still a GraphQL request.
    const withQuery = await fetch(`${base}/graphql?query=${encodeURIComponent('{ articles { totalCount } }')}`, { headers: { accept: `application/json, ${BROWSER_ACCEPT}` } });
    expect(withQuery.headers.get('content-type')).toMatch(/json/);
    expect(((await withQuery.json()) as any).data.articles.totalCount).toBe(2);

    const json = await fetch(`${base}/graphql`, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).toMatch(/json/);
  });

  it('is off with ide: false: /ide is 404 and /graphql is only GraphQL', async () => {
    expect((await fetch(`${disabledBase}/ide`, { headers: { accept: BROWSER_ACCEPT } })).status).toBe(404);
    const html = await (await fetch(`${base}/ide`)).text();
    const asset = /src="(\/ide\/assets\/[^"]+)"/.exec(html)![1];
    expect((await fetch(`${disabledBase}${asset}`)).status).toBe(404);
    const r = await fetch(`${disabledBase}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(r.headers.get('content-type')).not.toMatch(/html/);
    expect(await r.text()).not.toContain('Newsgraph IDE');
  });

  it('is off by default in production', async () => {
    const production = await createServer({ sql: db.sql, production: true });
    try {
      const url = await listen(production);
      expect((await fetch(`${url}/ide`)).status).toBe(404);
    } finally {
      await production.stop();
    }
  });

  // Last: it stores an article, which the HTTP-level tests above do not expect.
  it('runs a subscription over WebSocket and shows what is stored meanwhile', { timeout: 300_000 }, async () => {
    browser ??= await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], timeout: 120_000 });
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${base}/ide`);
    await page.locator('.graphiql-container .graphiql-query-editor .view-line').first().waitFor({ timeout: 60_000 });
    await page.locator('.graphiql-tab').nth(IDE_EXAMPLE_TABS.length - 1).click();
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain('subscription LiveStatements');
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => feed.subscriberCount, { timeout: 60_000 }).toBe(1);
    const live = { ok: true as const, article: { origin: 'ide-test', raw: 'Ferry service resumes in Oban\n\n"The boats are back," said Ewan Grant, the harbour master.', meta: { source: 'IDE Desk' } } };
    expect((await ingestArticles(db.writer, [live])).errors).toEqual([]);
    await expect.poll(() => editorText(page, '.graphiql-response'), { timeout: 60_000 }).toContain('The boats are back');
    await context.close();
  });
});
