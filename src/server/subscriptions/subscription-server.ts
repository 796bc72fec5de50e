import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Sql } from '../../db/sql.ts';
import type { LiveFeed } from '../../feed/live-feed.ts';
import { createContext, type GraphQLContext, type Viewer } from '../../graphql/context.ts';
import { toGraphQLError } from '../../graphql/errors.ts';
import { measureOperation } from '../../graphql/limits/query-cost.ts';
import { limitExceeded, type QueryLimits } from '../../graphql/limits/query-limits.plugin.ts';
import { AppError } from '../../services/app-error.ts';

/** Close codes of our own (4000–4999 are the application's; graphql-ws uses 44xx and 4500). */
export const CLOSE_TOO_SLOW = 4008;
export const CLOSE_GOING_AWAY = 1001;

export interface SubscriptionServerOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  sql: Sql;
  feed: LiveFeed;
  limits: QueryLimits;
  maxTokens: number;
  /** Subscriptions one connection, and one client over all its connections, may hold at once. */
  maxPerConnection: number;
  maxPerClient: number;
  privateReads: boolean;
  /** Whether the upgrade's Origin may connect (the CORS allow-list: WebSockets are not covered by CORS). */
  allowOrigin: (req: IncomingMessage) => boolean;
  /** Checks the upgrade request's headers (X-Api-Key / Authorization) like any HTTP request; throws AppError. */
  authenticate: (req: IncomingMessage, connectionKey: string | null) => Viewer;
  formatError: (error: GraphQLError) => GraphQLFormattedError;
  keepAliveMs?: number;
  /** A connection whose unsent data passes this is too slow and is dropped. */
  maxBufferedBytes?: number;
}

type Ctx = Context<Record<string, unknown> | undefined, Extra & { viewer?: Viewer; subscriptions?: Set<string> }>;

/** The API key a browser client sends in connection_init (it cannot set headers on a WebSocket). */
function keyOf(params: Record<string, unknown> | undefined): string | null {
  const raw = params?.authorization ?? params?.Authorization ?? params?.apiKey ?? params?.['x-api-key'];
  if (typeof raw !== 'string') return null;
  return raw.replace(/^Bearer\s+/i, '').trim() || null;
}

const refuse = (error: AppError) => [toGraphQLError(error)];

/**
 * Subscriptions over graphql-ws at /graphql, under the rules of queries: an API key where reads are
 * private, the cost and depth limits, per-connection and per-client subscription limits. A connection
 * that falls behind (too many undelivered events, or too much unsent data) is closed with 4008.
 */
export function attachSubscriptionServer(options: SubscriptionServerOptions): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const perClient = new Map<string, number>();
  const maxBuffered = options.maxBufferedBytes ?? 4 * 1024 * 1024;

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    // A page on a foreign origin may not open what CORS would not let it read.
    if (!options.allowOrigin(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  options.httpServer.on('upgrade', onUpgrade);

  const release = (ctx: Ctx, id: string) => {
    if (!ctx.extra.subscriptions?.delete(id)) return;
    const client = ctx.extra.viewer!.clientId;
    const n = (perClient.get(client) ?? 1) - 1;
    if (n > 0) perClient.set(client, n);
    else perClient.delete(client);
  };

  const server = useServer<Record<string, unknown> | undefined, { viewer?: Viewer; subscriptions?: Set<string> }>(
    {
      schema: options.schema,
      onConnect: (ctx: Ctx) => {
        let viewer: Viewer;
        try {
          viewer = options.authenticate(ctx.extra.request, keyOf(ctx.connectionParams));
        } catch {
          return false; // 4403 Forbidden: a wrong key
        }
        if (options.privateReads && !viewer.authenticated) return false;
        ctx.extra.viewer = viewer;
        ctx.extra.subscriptions = new Set();
        return true;
      },
      onSubscribe: (ctx: Ctx, id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(options.schema, document, specifiedRules);
        if (errors.length) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('Name the operation to run (operationName)')];
        if (operation.operation === 'mutation') return refuse(new AppError('BAD_REQUEST', 'Mutations are sent over HTTP POST, not over the subscription socket'));
        const refused = limitExceeded(measureOperation(options.schema, document, payload.variables ?? {}, payload.operationName), options.limits);
        if (refused) return refuse(refused);
        const viewer = ctx.extra.viewer!;
        if (ctx.extra.subscriptions!.size >= options.maxPerConnection) return refuse(new AppError('RATE_LIMITED', `At most ${options.maxPerConnection} subscriptions per connection`));
        if ((perClient.get(viewer.clientId) ?? 0) >= options.maxPerClient) return refuse(new AppError('RATE_LIMITED', `At most ${options.maxPerClient} subscriptions per client`));
        ctx.extra.subscriptions!.add(id);
        perClient.set(viewer.clientId, (perClient.get(viewer.clientId) ?? 0) + 1);
        const context: GraphQLContext = createContext(options.sql, `ws:${id}`, viewer);
        const socket: WebSocket = ctx.extra.socket;
        context.live = { feed: options.feed, dropSlow: () => socket.close(CLOSE_TOO_SLOW, 'Subscriber too slow: events were not read in time') };
        return { schema: options.schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue: context };
      },
      onNext: (ctx: Ctx) => {
        // Sending faster than the client reads: drop it before its backlog grows further.
        if (ctx.extra.socket.bufferedAmount > maxBuffered) ctx.extra.socket.close(CLOSE_TOO_SLOW, 'Subscriber too slow: unsent data over the limit');
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => options.formatError(e)),
      onComplete: (ctx: Ctx, id) => release(ctx, id),
      onClose: (ctx: Ctx) => {
        for (const id of [...(ctx.extra.subscriptions ?? [])]) release(ctx, id);
      },
    },
    wss,
    options.keepAliveMs ?? 12_000,
  );

  return {
    async close() {
      options.httpServer.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.close(CLOSE_GOING_AWAY, 'Server shutting down');
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

