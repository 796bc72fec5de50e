import type { Db } from '../db/writer.ts';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type DocumentStore, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Sql } from '../db/sql.ts';
import { AppError } from '../services/app-error.ts';
import { buildNewsgraphSchema } from '../graphql/build-schema.ts';
import { createContext, type GraphQLContext, type Viewer } from '../graphql/context.ts';
import { documentSelection } from '../graphql/loaders/columns.ts';
import type { LiveFeed } from '../feed/live-feed.ts';
import { attachSubscriptionServer } from './subscriptions/subscription-server.ts';
import type { IngestQueue } from '../queue/ingest-queue.ts';
import { appErrorOf, createErrorFormatter } from '../graphql/errors.ts';
import { createDocumentStore } from '../graphql/document-store.ts';
import { authGuardPlugin } from './plugins/auth-guard.plugin.ts';
import { rateLimited, rateLimitPlugin, type CostFunction } from './plugins/rate-limit.plugin.ts';
import { errorLogPlugin } from './plugins/error-log.plugin.ts';
import { legacyJsonStatusPlugin } from './plugins/legacy-json-status.plugin.ts';
import { outageStatusPlugin } from './plugins/outage-status.plugin.ts';
import { MAX_NESTING, nestingDepth } from '../graphql/limits/nesting.ts';
import { computeQueryCost } from '../graphql/limits/query-cost.ts';
import { DEFAULT_QUERY_LIMITS, queryLimitsPlugin, type QueryLimits } from '../graphql/limits/query-limits.plugin.ts';
import { RootOperationExistsRule } from '../graphql/validation/root-operation-exists.rule.ts';
import { SubscriptionsOverWebSocketRule } from '../graphql/validation/subscriptions-over-websocket.rule.ts';
import { noIntrospectionRule } from '../graphql/validation/no-introspection.rule.ts';
import { createApiKeyVerifier } from './auth/api-keys.ts';
import { createAuthFailureGuard, DEFAULT_AUTH_FAILURES, type AuthFailureOptions } from './auth/auth-failures.ts';
import { authenticateRequest, presentedApiKey } from './auth/authenticate-request.ts';
import { clientKey, createClientAddressResolver } from './auth/client-address.ts';
import { TRUST_NO_PROXY, type TrustProxy } from '../config/trust-proxy.ts';
import { createOutageTracker, outageAwareSql } from './database-outage.ts';
import { deadlineSql, withDeadline } from './execution-deadline.ts';
import { createWriteTracker, deadlineDb } from './deadline-writes.ts';
import { silentLogger, type Logger } from './logger.ts';
import { RATE_LIMIT_HEADERS, rateLimitHeaders, rateLimitStatus } from './rate-limit/rate-limit-status.ts';
import { localRateLimiter, type RateLimitOptions } from './rate-limit/token-bucket.ts';
import { redisRateLimiter } from './rate-limit/redis-token-bucket.ts';
import { createSharedResponseCache } from './response-cache-redis.ts';
import type { SharedRedis } from './shared/redis.ts';
import { redisPersistedQueries } from './persisted-queries-redis.ts';
import { createResponseCache, type ResponseCacheOptions } from './response-cache.ts';
import { checkReadiness } from './readiness.ts';
import { rejectNulParams } from './request-sql.ts';
import { readBody } from './read-body.ts';
import { applyCors, originAllowed, type CorsOptions } from './http/cors.ts';
import { DEFAULT_CORS_ALLOW_HEADERS } from '../config/defaults.ts';
import { createIde } from './http/ide.ts';
import { createSchemaSdl } from './http/schema-sdl.ts';
import { sendBody } from './http/send-body.ts';
import { isJsonPost, mediaTypeOf } from './http/media-type.ts';
import { sendError } from './http/send-error.ts';
import { annotate, logRequest, requestIdOf } from './request-log.ts';

export interface ServerOptions {
  sql: Sql;
  /** Write access for mutations; without it every mutation fails (read-only server). */
  db?: Db | null;
  /** The ingest queue for enqueueArticles and the job queries; without it they answer INTERNAL_SERVER_ERROR. */
  queue?: IngestQueue | null;
  /** The live feed: with it, subscriptions are served over WebSocket at /graphql. */
  liveFeed?: LiveFeed | null;
  /** Subscriptions one connection, and one client, may hold at once (defaults 20 and 100). */
  subscriptionLimits?: { perConnection: number; perClient: number };
  /** Ping interval of subscription sockets; one that misses a pong is terminated (default 12 s). */
  subscriptionKeepAliveMs?: number;
  /** Production masks internal error messages. */
  production?: boolean;
  bodyLimitBytes?: number;
  /** Called after each GraphQL request with its SQL statement count (benchmarks, logs). */
  onRequestDone?: (info: { requestId: string; sqlStatements: number }) => void;
  /** Structured request/error logs (default: silent). */
  logger?: Logger;
  /** SHA-256 hashes of accepted API keys (see config). No keys: every mutation is refused. */
  apiKeyHashes?: Buffer[];
  /** Queries need an API key too. */
  privateReads?: boolean;
  /** Default: on unless production. */
  introspection?: boolean;
  /** Serve the GraphiQL IDE page (default: on unless production). */
  ide?: boolean;
  /** URL path of the schema's SDL, for codegen without introspection (default /schema.graphql; null: not served). */
  schemaPath?: string | null;
  /** Requests running longer are answered with TIMEOUT and stop issuing SQL (default 10 s). */
  executionTimeoutMs?: number;
  /** Per-client budget of wrong API keys (default 10 a minute); null: unlimited. */
  authFailures?: AuthFailureOptions | null;
  /** Proxies whose X-Forwarded-For names the client (default: none, the socket peer is the client). */
  trustProxy?: TrustProxy;
  /** Per-client token bucket on query cost; unset: no rate limit. */
  rateLimit?: RateLimitOptions | null;
  /** Cost of an operation for the rate limiter (default: its query cost, as reported in extensions.cost). */
  cost?: CostFunction;
  /** How long stop() waits for in-flight requests before closing their connections (default 10 s). */
  shutdownTimeoutMs?: number;
  /** Origins allowed by CORS (default any: reads are public). */
  corsOrigins?: string[];
  /** Request headers a cross-origin browser may send (preflight answer; default DEFAULT_CORS_ALLOW_HEADERS). */
  corsAllowHeaders?: string[];
  /** Cost, depth, alias and directive limits checked before execution. */
  queryLimits?: QueryLimits;
  /** Documents with more tokens are refused while parsing (default 5000). */
  maxTokens?: number;
  /** Where /readyz finds the committed migrations (default prisma/migrations). */
  migrationsDir?: string;
  /** A client must have sent the whole request within this time (default 30 s; slow-upload / slowloris guard). */
  requestTimeoutMs?: number;
  /**
   * Keep answers to public queries and serve them again while the data is unchanged (see
   * response-cache.ts). Off by default. Not used with a custom `cost` function.
   */
  responseCache?: ResponseCacheOptions | null;
  /** Parsed, validated documents kept for repeated queries (default: bounded by bytes, see document-store.ts). */
  documentStore?: DocumentStore;
  /**
   * Redis shared by every replica (REDIS_URL): persisted queries, the response cache and the rate
   * limiter live there. Unset: each lives in this process.
   */
  redis?: SharedRedis | null;
}

export interface NewsgraphServer {
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
  /** Finishes in-flight requests, then stops. */
  stop(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Builds the HTTP server (not listening): GraphQL at /graphql, health at /healthz. */
export async function createServer(options: ServerOptions): Promise<NewsgraphServer> {
  const bodyLimit = options.bodyLimitBytes ?? 1024 * 1024;
  const logger = options.logger ?? silentLogger;
  // Every read goes through this: an unreachable database is SERVICE_UNAVAILABLE, logged once per outage.
  const outage = createOutageTracker(logger);
  const sql = outageAwareSql(options.sql, outage);
  const verifier = createApiKeyVerifier(options.apiKeyHashes ?? []);
  const timeoutMs = options.executionTimeoutMs ?? 10_000;
  let stopping = false;
  const redis = options.redis ?? null;
  const limiter = options.rateLimit ? (redis ? redisRateLimiter(redis, options.rateLimit) : localRateLimiter(options.rateLimit)) : null;
  const authFailures = options.authFailures === null ? null : createAuthFailureGuard(options.authFailures ?? DEFAULT_AUTH_FAILURES, logger);
  const clientAddress = createClientAddressResolver(options.trustProxy ?? TRUST_NO_PROXY);
  const introspection = options.introspection ?? !options.production;
  const schemaPath = options.schemaPath === undefined ? '/schema.graphql' : options.schemaPath;
  const cors: CorsOptions = { origins: options.corsOrigins ?? ['*'], allowHeaders: options.corsAllowHeaders ?? DEFAULT_CORS_ALLOW_HEADERS };
  const cache = options.responseCache && !options.privateReads && !options.cost ? (redis ? createSharedResponseCache(sql, redis, options.responseCache) : createResponseCache(sql, options.responseCache)) : null;
  const formatError = createErrorFormatter({ maskInternal: options.production ?? false });
  const apollo = new ApolloServer<GraphQLContext>({
    schema: buildNewsgraphSchema(),
    formatError,
    includeStacktraceInErrorResponses: !options.production,
    // Off is enforced by our own rule below, whose error names the setting and the SDL's URL.
    introspection: true,
    // With introspection off, "Did you mean …?" suggestions would still reveal the schema.
    hideSchemaDetailsFromClientErrors: !introspection,
    validationRules: [RootOperationExistsRule, SubscriptionsOverWebSocketRule, ...(introspection ? [] : [noIntrospectionRule(schemaPath)])],
    // A token limit stops giant documents in the parser, before any other work.
    parseOptions: { maxTokens: options.maxTokens ?? 5_000 },
    documentStore: options.documentStore ?? createDocumentStore(),
    // Automatic persisted queries: in Redis when replicas share one, else Apollo's in-process cache.
    ...(redis ? { persistedQueries: { cache: redisPersistedQueries(redis, bodyLimit) } } : {}),
    // main.ts owns shutdown order (HTTP drain, then Apollo, then the database). Apollo's own signal
    // handler would stop it under in-flight requests and re-raise the signal, killing the process.
    stopOnTerminationSignals: false,
    // GET serves public reads (cacheable, linkable). CSRF prevention guards cookie-authenticated
    // requests; this API authenticates with bearer/API-key headers a cross-site form cannot send,
    // and mutations over GET are refused anyway (405).
    csrfPrevention: false,
    plugins: [
      legacyJsonStatusPlugin(),
      outageStatusPlugin(),
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ contextValue, operation, schema, document }) {
              // For the HTTP cache policy: only queries are cacheable.
              if (operation) contextValue.operation.type = operation.operation;
              // The loaders read only the columns this document's fields need (loaders/columns.ts).
              contextValue.loaders.select(documentSelection(schema, document));
            },
          };
        },
      },
      queryLimitsPlugin(options.queryLimits ?? DEFAULT_QUERY_LIMITS),
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's cache-control plugin wraps every field resolver to compute a cache policy nobody uses
      // (the Cache-Control header is set below); without it a page of many fields costs less CPU.
      ApolloServerPluginCacheControlDisabled(),
      errorLogPlugin(logger, { onUnavailable: (error) => outage.down(error) }),
      authGuardPlugin({ privateReads: options.privateReads ?? false }),
      ...(limiter ? [rateLimitPlugin({ limiter, cost: options.cost ?? computeQueryCost })] : []),
    ],
  });
  await apollo.start();
  const ide = (options.ide ?? !options.production) ? createIde() : null;
  const schemaSdl = schemaPath ? createSchemaSdl({ path: schemaPath, privateReads: options.privateReads ?? false, authorize: (req, res) => authorize(req, res, requestIdOf(req, res)), cors }) : null;

  /**
   * Who is asking, for /graphql and the SDL alike: the API key checked against the failed-key budget
   * of the client's address (an IPv6 client per /64, see client-address.ts); with private reads an
   * anonymous request is refused here, before anything it sent is parsed, validated or measured.
   */
  function authorize(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const client = clientKey(clientAddress(req));
    annotate(res, { clientId: `ip:${client}` });
    if (authFailures && presentedApiKey(req) !== null) {
      // A locked-out client's key is not even checked: a right guess must look like a wrong one.
      const wait = authFailures.lockedFor(client);
      if (wait > 0) {
        authFailures.refused(client, { requestId });
        throw rateLimited('Too many invalid API keys from this client', wait);
      }
    }
    const auth = authenticateRequest(req, verifier, client);
    if (auth.kind === 'invalid') {
      authFailures?.failed(client, { requestId });
      throw new AppError('UNAUTHENTICATED', auth.message);
    }
    if (options.privateReads && !auth.viewer.authenticated) {
      throw new AppError('UNAUTHENTICATED', 'This API requires an API key (Authorization: Bearer <key> or X-Api-Key)');
    }
    return auth;
  }

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    let body: unknown;
    if (method === 'POST') {
      if (!isJsonPost(req)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `POST requests must be sent as Content-Type: application/json, got "${mediaTypeOf(req).slice(0, 100) || 'none'}"`);
      }
      const raw = await readBody(req, bodyLimit);
      try {
        body = raw === '' ? undefined : JSON.parse(raw);
      } catch {
        throw new AppError('BAD_REQUEST', 'Request body is not valid JSON');
      }
    }
    const requestId = requestIdOf(req, res);
    const auth = authorize(req, res, requestId);
    const checked = limiter ? await limiter.check(auth.viewer.clientId, 1) : null;
    const budget = checked?.result;
    if (limiter && checked && budget) {
      // Where the client stands before this request, for answers that never reach the charge (an
      // empty bucket, over-nested documents); a charged request's answer replaces them.
      const standing = budget.ok ? checked.standing : budget;
      for (const [key, value] of rateLimitHeaders(rateLimitStatus(limiter, 0, standing))) res.setHeader(key, value);
      if (!budget.ok) throw rateLimited('Rate limit exceeded', budget.retryAfterMs);
    }
    // Before Apollo parses it: deep nesting would overflow the parser's stack.
    const queryText = method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
    if (typeof queryText === 'string' && nestingDepth(queryText) > MAX_NESTING) {
      throw new AppError('QUERY_TOO_COMPLEX', `The document nests braces, brackets or parentheses more than ${MAX_NESTING} levels deep`, { maxNesting: MAX_NESTING });
    }
    annotate(res, { clientId: auth.viewer.clientId, operationName: (body as { operationName?: unknown } | undefined)?.operationName ?? url.searchParams.get('operationName') ?? undefined });
    // Public reads may be answered from the response cache (only queries are ever stored in it).
    let cacheKey: string | null = null;
    let cacheVersion: string | null = null;
    if (cache && !auth.viewer.authenticated && (method === 'POST' || method === 'GET')) {
      const p = method === 'POST'
        ? (body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {})
        : { query: url.searchParams.get('query'), operationName: url.searchParams.get('operationName'), variables: url.searchParams.get('variables') };
      cacheKey = cache.key({ query: p.query, operationName: p.operationName, variables: p.variables, accept: String(req.headers.accept ?? '') });
      const hit = cacheKey ? await cache.get(cacheKey) : null;
      // A hit costs the client what the query costs; without budget left it goes the normal way (429).
      const charge = hit && limiter ? await limiter.take(auth.viewer.clientId, hit.cost) : null;
      if (hit && (!charge || charge.ok)) {
        for (const [key, value] of hit.headers) res.setHeader(key, value);
        if (limiter && charge) for (const [key, value] of rateLimitHeaders(rateLimitStatus(limiter, hit.cost, charge))) res.setHeader(key, value);
        res.statusCode = hit.status;
        res.setHeader('cache-control', 'public, max-age=60');
        annotate(res, { sqlStatements: 0, cache: 'hit' });
        sendBody(req, res, hit.body);
        options.onRequestDone?.({ requestId, sqlStatements: 0 });
        return;
      }
      if (cacheKey) cacheVersion = await cache.version();
    }
    let context: GraphQLContext | undefined;
    const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers: toHeaderMap(req), search: url.search, body };
    const controller = new AbortController();
    const requestSql = deadlineSql(rejectNulParams(sql), controller.signal, timeoutMs);
    // Writes obey the deadline too: TIMEOUT means nothing was written (see deadline-writes.ts).
    const writes = createWriteTracker(controller.signal, timeoutMs);
    const db = options.db ? deadlineDb(options.db, writes, sql) : null;
    const response = await withDeadline(apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => (context = createContext(requestSql, requestId, auth.viewer, db, options.queue ?? null)),
    }), timeoutMs, controller, writes);
    if (context) annotate(res, { sqlStatements: context.stats.sqlStatements });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // Public reads can be cached by CDNs and browsers for a minute; anything authenticated,
      // failed, mutating or about this client (the rateLimit field) cannot.
      const publicRead = res.statusCode === 200 && context?.operation.type === 'query' && !context.operation.perClient && !auth.viewer.authenticated && !response.body.string.includes('"errors":');
      res.setHeader('cache-control', publicRead ? 'public, max-age=60' : 'no-store');
      // Before the answer leaves: a client that reads it and asks any replica again must miss.
      if (context?.operation.type === 'mutation') await cache?.invalidate();
      sendBody(req, res, response.body.string);
      if (cache && publicRead && cacheKey && cacheVersion) {
        const cost = limiter ? Math.max(1, Number((JSON.parse(response.body.string) as { extensions?: { cost?: { requested?: unknown } } }).extensions?.cost?.requested) || 1) : 1;
        // Each hit is charged again and gets its own rate-limit headers.
        const headers = [...response.headers].filter(([key]) => !(RATE_LIMIT_HEADERS as readonly string[]).includes(key));
        cache.set(cacheKey, cacheVersion, { status: res.statusCode, headers, body: response.body.string, cost });
      }
    } else {
      if (context?.operation.type === 'mutation') await cache?.invalidate();
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
    if (context) options.onRequestDone?.({ requestId, sqlStatements: context.stats.sqlStatements });
  }

  async function handleReady(res: ServerResponse): Promise<void> {
    if (stopping) return sendJson(res, 503, { status: 'stopping' });
    const r = await checkReadiness(options.sql, { migrationsDir: options.migrationsDir });
    sendJson(res, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', ...r });
  }

  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  // Node checks these deadlines every connectionsCheckingInterval (30 s by default): keep it finer.
  const httpServer = http.createServer({ requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(1_000, requestTimeout) }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const started = performance.now();
    const requestId = requestIdOf(req, res);
    if (stopping) res.setHeader('connection', 'close');
    res.on('finish', () => {
      logRequest(logger, req, res, url.pathname, started);
      // During shutdown a keep-alive connection is closed as soon as its last response is out.
      if (stopping) setImmediate(() => httpServer.closeIdleConnections());
    });
    const route = async () => {
      if (url.pathname === '/graphql' && applyCors(req, res, cors)) return;
      // GET /ide, its assets, and GET /graphql from a browser (Accept: text/html, no query).
      if (ide?.handle(req, res, url)) return;
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url);
      if (schemaSdl?.handle(req, res, url)) return;
      if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/readyz') return handleReady(res);
      if (url.pathname === '/') {
        res.writeHead(302, { location: '/graphql' });
        return res.end();
      }
      sendError(res, new AppError('NOT_FOUND', `Not found: ${url.pathname}`));
    };
    route().catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      const known = appErrorOf(error);
      if (known && known !== error) outage.down(error);
      if (known) return sendError(res, known);
      logger.error('request failed', { requestId, error });
      sendError(res, new AppError('INTERNAL_SERVER_ERROR', 'Internal server error'));
    });
  });

  const subscriptions = options.liveFeed
    ? attachSubscriptionServer({
        httpServer,
        schema: buildNewsgraphSchema(),
        sql,
        feed: options.liveFeed,
        limits: options.queryLimits ?? DEFAULT_QUERY_LIMITS,
        maxTokens: options.maxTokens ?? 5_000,
        maxPerConnection: options.subscriptionLimits?.perConnection ?? 20,
        maxPerClient: options.subscriptionLimits?.perClient ?? 100,
        privateReads: options.privateReads ?? false,
        allowOrigin: (req) => originAllowed(req, cors),
        authenticate: (req, key) => authenticateSocket(req, key),
        formatError: (error) => formatError(error.toJSON(), error),
        keepAliveMs: options.subscriptionKeepAliveMs,
      })
    : null;

  /** A WebSocket's viewer: its key from connection_init (browsers cannot set headers there) or its headers. */
  function authenticateSocket(req: IncomingMessage, key: string | null): Viewer {
    const client = clientKey(clientAddress(req));
    const auth = authenticateRequest(req, verifier, client, key ?? presentedApiKey(req));
    if (auth.kind === 'invalid') {
      authFailures?.failed(client, { requestId: 'websocket' });
      throw new AppError('UNAUTHENTICATED', auth.message);
    }
    return auth.viewer;
  }

  return {
    httpServer,
    apollo,
    async stop() {
      stopping = true;
      // Subscribers are told the server is going away (1001) and reconnect elsewhere.
      await subscriptions?.close();
      // Refuse new connections, let in-flight requests finish, and close their connections after
      // the last response; past the grace period, cut whatever is left.
      const force = setTimeout(() => httpServer.closeAllConnections(), options.shutdownTimeoutMs ?? 10_000);
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      clearTimeout(force);
      await apollo.stop();
    },
  };
}
