import type { Db } from '../db/prisma-client.ts';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Sql } from '../db/sql.ts';
import { AppError } from '../services/app-error.ts';
import { buildNewsgraphSchema } from '../graphql/build-schema.ts';
import { createContext, type GraphQLContext } from '../graphql/context.ts';
import { createErrorFormatter } from '../graphql/errors.ts';
import { authGuardPlugin } from '../graphql/plugins/auth-guard.plugin.ts';
import { rateLimitPlugin, type CostFunction } from '../graphql/plugins/rate-limit.plugin.ts';
import { errorLogPlugin } from '../graphql/plugins/error-log.plugin.ts';
import { legacyJsonStatusPlugin } from '../graphql/plugins/legacy-json-status.plugin.ts';
import { computeQueryCost } from '../graphql/limits/query-cost.ts';
import { DEFAULT_QUERY_LIMITS, queryLimitsPlugin, type QueryLimits } from '../graphql/limits/query-limits.plugin.ts';
import { RootOperationExistsRule } from '../graphql/validation/root-operation-exists.rule.ts';
import { noIntrospectionRule } from '../graphql/validation/no-introspection.rule.ts';
import { createApiKeyVerifier } from './auth/api-keys.ts';
import { authenticateRequest } from './auth/authenticate-request.ts';
import { deadlineSql, withDeadline } from './execution-deadline.ts';
import { silentLogger, type Logger } from './logger.ts';
import { createRateLimiter, type RateLimitOptions } from './rate-limit/token-bucket.ts';
import { createResponseCache, type ResponseCacheOptions } from './response-cache.ts';
import { checkReadiness } from './readiness.ts';
import { rejectNulParams } from './request-sql.ts';
import { HttpError, readBody } from './read-body.ts';
import { applyCors } from './http/cors.ts';
import { createIde } from './http/ide.ts';
import { createSchemaSdl } from './http/schema-sdl.ts';
import { sendBody } from './http/send-body.ts';
import { annotate, logRequest, requestIdOf } from './request-log.ts';

export interface ServerOptions {
  sql: Sql;
  /** Write access for mutations; without it every mutation fails (read-only server). */
  db?: Db | null;
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
  /** Per-client token bucket on query cost; unset: no rate limit. */
  rateLimit?: RateLimitOptions | null;
  /** Cost of an operation for the rate limiter (default 1 per operation). */
  cost?: CostFunction;
  /** How long stop() waits for in-flight requests before closing their connections (default 10 s). */
  shutdownTimeoutMs?: number;
  /** Origins allowed by CORS (default any: reads are public). */
  corsOrigins?: string[];
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
  const verifier = createApiKeyVerifier(options.apiKeyHashes ?? []);
  const timeoutMs = options.executionTimeoutMs ?? 10_000;
  let stopping = false;
  const limiter = options.rateLimit ? createRateLimiter(options.rateLimit) : null;
  const introspection = options.introspection ?? !options.production;
  const schemaPath = options.schemaPath === undefined ? '/schema.graphql' : options.schemaPath;
  const cache = options.responseCache && !options.privateReads && !options.cost ? createResponseCache(options.sql, options.responseCache) : null;
  const apollo = new ApolloServer<GraphQLContext>({
    schema: buildNewsgraphSchema(),
    formatError: createErrorFormatter({ maskInternal: options.production ?? false }),
    includeStacktraceInErrorResponses: !options.production,
    // Off is enforced by our own rule below, whose error names the setting and the SDL's URL.
    introspection: true,
    // With introspection off, "Did you mean …?" suggestions would still reveal the schema.
    hideSchemaDetailsFromClientErrors: !introspection,
    validationRules: [RootOperationExistsRule, ...(introspection ? [] : [noIntrospectionRule(schemaPath)])],
    // A token limit stops giant documents in the parser, before any other work.
    parseOptions: { maxTokens: options.maxTokens ?? 5_000 },
    // main.ts owns shutdown order (HTTP drain, then Apollo, then the database). Apollo's own signal
    // handler would stop it under in-flight requests and re-raise the signal, killing the process.
    stopOnTerminationSignals: false,
    // GET serves public reads (cacheable, linkable). CSRF prevention guards cookie-authenticated
    // requests; this API authenticates with bearer/API-key headers a cross-site form cannot send,
    // and mutations over GET are refused anyway (405).
    csrfPrevention: false,
    plugins: [
      legacyJsonStatusPlugin(),
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ contextValue, operation }) {
              // For the HTTP cache policy: only queries are cacheable.
              if (operation) contextValue.operation.type = operation.operation;
            },
          };
        },
      },
      queryLimitsPlugin(options.queryLimits ?? DEFAULT_QUERY_LIMITS),
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's cache-control plugin wraps every field resolver to compute a cache policy nobody uses
      // (the Cache-Control header is set below); without it a page of many fields costs less CPU.
      ApolloServerPluginCacheControlDisabled(),
      errorLogPlugin(logger),
      authGuardPlugin({ privateReads: options.privateReads ?? false }),
      ...(limiter ? [rateLimitPlugin({ limiter, cost: options.cost ?? computeQueryCost })] : []),
    ],
  });
  await apollo.start();
  const ide = (options.ide ?? !options.production) ? createIde() : null;
  const schemaSdl = schemaPath ? createSchemaSdl({ path: schemaPath, privateReads: options.privateReads ?? false, verifier, corsOrigins: options.corsOrigins ?? ['*'] }) : null;

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    let body: unknown;
    if (method === 'POST') {
      const raw = await readBody(req, bodyLimit);
      const type = String(req.headers['content-type'] ?? '');
      if (type.includes('json')) {
        try {
          body = raw === '' ? undefined : JSON.parse(raw);
        } catch {
          throw new HttpError(400, 'Request body is not valid JSON', 'BAD_REQUEST');
        }
      } else {
        body = raw;
      }
    }
    const requestId = requestIdOf(req, res);
    const auth = authenticateRequest(req, verifier);
    if (auth.kind === 'invalid') throw new HttpError(401, auth.message, 'UNAUTHENTICATED');
    // With private reads nothing an anonymous client sends is parsed, validated or measured.
    if (options.privateReads && !auth.viewer.authenticated) {
      res.setHeader('www-authenticate', 'Bearer');
      throw new HttpError(401, 'This API requires an API key (Authorization: Bearer <key> or X-Api-Key)', 'UNAUTHENTICATED');
    }
    const budget = limiter?.check(auth.viewer.clientId, 1);
    if (budget && !budget.ok) {
      const retryAfter = Math.max(1, Math.ceil(budget.retryAfterMs / 1000));
      res.setHeader('retry-after', String(retryAfter));
      throw new HttpError(429, `Rate limit exceeded; retry in ${retryAfter} s`, 'RATE_LIMITED');
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
      const charge = hit && limiter ? limiter.take(auth.viewer.clientId, hit.cost) : null;
      if (hit && (!charge || charge.ok)) {
        for (const [key, value] of hit.headers) res.setHeader(key, value);
        if (charge) res.setHeader('x-ratelimit-remaining', String(charge.remaining));
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
    const sql = deadlineSql(rejectNulParams(options.sql), controller.signal, timeoutMs);
    const response = await withDeadline(apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => (context = createContext(sql, requestId, auth.viewer, options.db ?? null)),
    }), timeoutMs, controller);
    if (context) annotate(res, { sqlStatements: context.stats.sqlStatements });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // Public reads can be cached by CDNs and browsers for a minute; anything authenticated,
      // failed or mutating cannot.
      const publicRead = res.statusCode === 200 && context?.operation.type === 'query' && !auth.viewer.authenticated && !response.body.string.includes('"errors":');
      res.setHeader('cache-control', publicRead ? 'public, max-age=60' : 'no-store');
      sendBody(req, res, response.body.string);
      if (cache && publicRead && cacheKey && cacheVersion) {
        const cost = limiter ? Math.max(1, Number((JSON.parse(response.body.string) as { extensions?: { cost?: { requested?: unknown } } }).extensions?.cost?.requested) || 1) : 1;
        const headers = [...response.headers].filter(([key]) => key !== 'x-ratelimit-remaining');
        cache.set(cacheKey, cacheVersion, { status: res.statusCode, headers, body: response.body.string, cost });
      }
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
    if (context?.operation.type === 'mutation') cache?.invalidate();
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
      if (url.pathname === '/graphql' && applyCors(req, res, options.corsOrigins ?? ['*'])) return;
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
      sendJson(res, 404, { errors: [{ message: `Not found: ${url.pathname}`, extensions: { code: 'NOT_FOUND' } }] });
    };
    route().catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof HttpError) return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
      if (error instanceof AppError && error.code === 'TIMEOUT') return sendJson(res, 503, { errors: [{ message: error.message, extensions: { code: error.code } }] });
      logger.error('request failed', { requestId, error });
      sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    });
  });

  return {
    httpServer,
    apollo,
    async stop() {
      stopping = true;
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
