import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { parseApiKeys } from '../../src/config/api-keys.ts';
import { clientKey, createClientAddressResolver } from '../../src/server/auth/client-address.ts';
import { parseTrustProxy } from '../../src/config/trust-proxy.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { createLogger } from '../../src/server/logger.ts';
import { listen } from '../helpers/graphql.ts';
import { writeSyntheticGraph } from '../helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const KEY = 'auth-failure-test-key-0123456789';
const WRONG = 'auth-failure-test-key-wrongwrong';
// Three failures a minute: one comes back every 20 s, far longer than any step here takes even on a
// busy machine, so each expected 429 is one.
const BUDGET = { perMinute: 3 };
const READ = JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' });

const request = (remoteAddress: string, forwarded?: string) => ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

describe('client identity: trusted proxies and IPv6 grouping', () => {
  it('groups IPv6 clients by /64 and reads IPv4-mapped addresses as IPv4', () => {
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
  });

  it('believes X-Forwarded-For only from trusted peers, and only as far as the chain is trusted', () => {
    const none = createClientAddressResolver(parseTrustProxy(undefined));
    expect(none(request('10.0.0.1', '203.0.113.9'))).toBe('10.0.0.1');

    const oneHop = createClientAddressResolver(parseTrustProxy('1'));
    // The proxy appends the address it saw (rightmost); anything left of it is the client's claim.
    expect(oneHop(request('10.0.0.1', '1.1.1.1, 203.0.113.9'))).toBe('203.0.113.9');
    expect(oneHop(request('10.0.0.1'))).toBe('10.0.0.1');
    expect(createClientAddressResolver(parseTrustProxy('2'))(request('10.0.0.1', '1.1.1.1, 203.0.113.9, 10.0.0.2'))).toBe('203.0.113.9');

    const cidrs = createClientAddressResolver(parseTrustProxy('10.0.0.0/8, loopback'));
    expect(cidrs(request('10.0.0.1', '1.1.1.1, 203.0.113.9, 10.0.0.2'))).toBe('203.0.113.9');
    expect(cidrs(request('::ffff:127.0.0.1', '2001:db8::7'))).toBe('2001:db8::7');
    // An untrusted peer's header is ignored entirely.
    expect(cidrs(request('198.51.100.4', '10.0.0.3'))).toBe('198.51.100.4');
    // Garbage in the chain stops the walk at the last address a trusted proxy vouched for.
    expect(cidrs(request('10.0.0.1', '203.0.113.9, nonsense'))).toBe('10.0.0.1');
  });

  it('is configured by NEWSGRAPH_TRUST_PROXY and NEWSGRAPH_AUTH_FAILURES_PER_MINUTE', () => {
    expect(loadConfig({})).toMatchObject({ trustProxy: { hops: 0 }, authFailures: { perMinute: 10 } });
    expect(loadConfig({ NEWSGRAPH_TRUST_PROXY: '2' }).trustProxy).toEqual({ hops: 2 });
    expect(loadConfig({ NEWSGRAPH_TRUST_PROXY: '10.0.0.0/8,::1' }).trustProxy).toEqual({ networks: ['10.0.0.0/8', '::1'] });
    expect(() => loadConfig({ NEWSGRAPH_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/NEWSGRAPH_TRUST_PROXY/);
    expect(() => loadConfig({ NEWSGRAPH_TRUST_PROXY: 'proxy.local' })).toThrow(/NEWSGRAPH_TRUST_PROXY/);
    expect(loadConfig({ NEWSGRAPH_AUTH_FAILURES_PER_MINUTE: '0' }).authFailures).toBeNull();
    expect(loadConfig({ NEWSGRAPH_AUTH_FAILURES_PER_MINUTE: '3' }).authFailures).toEqual({ perMinute: 3 });
  });
});

describe('wrong API keys are rate-limited per client', () => {
  let db: TestDatabase;
  let direct: NewsgraphServer;
  let proxied: NewsgraphServer;
  let directUrl: string;
  let proxiedUrl: string;
  const lines: { level: string; msg: string; suppressed?: number }[] = [];

  const post = async (base: string, headers: Record<string, string>) => {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers }, body: READ });
    const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: res.status, retryAfter: res.headers.get('retry-after'), codes: (json.errors ?? []).map((e) => e.extensions?.code) };
  };

  beforeAll(async () => {
    db = await createTestDatabase('auth_failures');
    await writeSyntheticGraph(db.writer, { articles: 1, peoplePerArticle: 1, poolSize: 1 });
    const logger = createLogger({ level: 'info', write: (line) => lines.push(JSON.parse(line)) });
    const apiKeyHashes = parseApiKeys(KEY);
    direct = await createServer({ sql: db.sql, apiKeyHashes, logger, authFailures: BUDGET });
    // Behind a proxy on this machine: the client is who X-Forwarded-For says.
    proxied = await createServer({ sql: db.sql, apiKeyHashes, authFailures: BUDGET, trustProxy: parseTrustProxy('loopback') });
    [directUrl, proxiedUrl] = await Promise.all([listen(direct), listen(proxied)]);
  });
  afterAll(async () => {
    await Promise.allSettled([direct?.stop(), proxied?.stop()]);
    await db?.drop();
  });

  it('answers 401 for the first failures, then 429 with Retry-After to every key attempt; keyless reads go on', async () => {
    for (let i = 0; i < BUDGET.perMinute; i++) {
      const r = await post(directUrl, { authorization: `Bearer ${WRONG}` });
      expect(r.status, `attempt ${i + 1}`).toBe(401);
    }
    // Client-chosen X-Forwarded-For is not trusted here: rotating it escapes nothing.
    for (let i = 0; i < 50; i++) {
      const r = await post(directUrl, { authorization: `Bearer ${WRONG}`, 'x-forwarded-for': `198.51.100.${i}` });
      expect(r.status).toBe(429);
      expect(r.codes).toEqual(['RATE_LIMITED']);
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(Number(r.retryAfter)).toBeLessThanOrEqual(60);
    }
    // Even the right key is refused while locked out: otherwise a lucky guess would stand out.
    expect((await post(directUrl, { 'x-api-key': KEY })).status).toBe(429);
    expect((await post(directUrl, {})).status).toBe(200);

    // Logged, but the log cannot be flooded: 53 attempts, at most 30 lines a minute.
    const warned = lines.filter((l) => l.msg === 'authentication failed');
    expect(warned.length).toBeGreaterThanOrEqual(BUDGET.perMinute);
    expect(warned.length).toBe(30);
    expect(warned.every((l) => l.level === 'warn')).toBe(true);
  });

  it('behind a trusted proxy, counts per forwarded client, an IPv6 client per /64', async () => {
    const from = (address: string, key: string) => post(proxiedUrl, { 'x-forwarded-for': `192.0.2.1, ${address}`, 'x-api-key': key });
    for (let i = 0; i < BUDGET.perMinute; i++) expect((await from(`2001:db8:1:2::${i + 1}`, WRONG)).status).toBe(401);
    // Another address of the same /64 is the same client; the proxy's other clients are not.
    expect((await from('2001:db8:1:2:abcd::1', WRONG)).status).toBe(429);
    expect((await from('2001:db8:1:2::1', KEY)).status).toBe(429);
    expect((await from('2001:db8:1:3::1', KEY)).status).toBe(200);
    expect((await from('203.0.113.7', KEY)).status).toBe(200);
    expect((await from('203.0.113.7', WRONG)).status).toBe(401);
  });
});
