import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Sql } from '../db/sql.ts';
import { buildNewsgraphSchema } from '../graphql/build-schema.ts';
import { createContext, type GraphQLContext } from '../graphql/context.ts';
import { createErrorFormatter } from '../graphql/errors.ts';
import { HttpError, readBody } from './read-body.ts';

export interface ServerOptions {
  sql: Sql;
  /** Production masks internal error messages. */
  production?: boolean;
  bodyLimitBytes?: number;
  /** Called after each GraphQL request with its SQL statement count (benchmarks, logs). */
  onRequestDone?: (info: { requestId: string; sqlStatements: number }) => void;
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
  const apollo = new ApolloServer<GraphQLContext>({
    schema: buildNewsgraphSchema(),
    formatError: createErrorFormatter({ maskInternal: options.production ?? false }),
    includeStacktraceInErrorResponses: !options.production,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

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
    const requestId = String(req.headers['x-request-id'] ?? randomUUID());
    let context: GraphQLContext | undefined;
    const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers: toHeaderMap(req), search: url.search, body };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => (context = createContext(options.sql, requestId)),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.setHeader('x-request-id', requestId);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
    if (context) options.onRequestDone?.({ requestId, sqlStatements: context.stats.sqlStatements });
  }

  const httpServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async () => {
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url);
      if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/') {
        res.writeHead(302, { location: '/graphql' });
        return res.end();
      }
      sendJson(res, 404, { errors: [{ message: `Not found: ${url.pathname}`, extensions: { code: 'NOT_FOUND' } }] });
    };
    route().catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof HttpError) return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
      sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    });
  });

  return {
    httpServer,
    apollo,
    async stop() {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
