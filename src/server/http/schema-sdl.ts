import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { printNewsgraphSchema } from '../../graphql/build-schema.ts';
import { AppError } from '../../services/app-error.ts';
import { applyCors, type CorsOptions } from './cors.ts';
import { sendBody } from './send-body.ts';

/**
 * The schema as SDL (the same text as the committed schema.graphql), so that codegen and IDEs work
 * when introspection is off. Readable by whoever may read the graph: with private reads it needs an
 * API key, like /graphql.
 */

export interface SchemaSdlOptions {
  /** URL path, e.g. /schema.graphql. */
  path: string;
  privateReads: boolean;
  /** The server's key check (failed-key budget, private reads); throws AppError when refused. */
  authorize(req: IncomingMessage, res: ServerResponse): unknown;
  cors: CorsOptions;
}

export interface SchemaSdl {
  /** Serves the request if it is for the SDL; false otherwise. Throws AppError (UNAUTHENTICATED, METHOD_NOT_ALLOWED). */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
}

export function createSchemaSdl(options: SchemaSdlOptions): SchemaSdl {
  const sdl = printNewsgraphSchema();
  const etag = `"${createHash('sha256').update(sdl).digest('hex').slice(0, 16)}"`;
  return {
    handle(req, res, url) {
      if (url.pathname !== options.path) return false;
      if (applyCors(req, res, options.cors)) return true;
      const method = (req.method ?? 'GET').toUpperCase();
      if (method !== 'GET' && method !== 'HEAD') {
        res.setHeader('allow', 'GET, HEAD');
        throw new AppError('METHOD_NOT_ALLOWED', 'Method not allowed');
      }
      options.authorize(req, res);
      res.setHeader('etag', etag);
      // Public: any cache may keep it a few minutes. Private: only the key holder's, revalidated.
      res.setHeader('cache-control', options.privateReads ? 'private, no-cache' : 'public, max-age=300');
      res.setHeader('x-content-type-options', 'nosniff');
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304);
        res.end();
        return true;
      }
      // text/plain so a browser shows it; codegen tools go by the .graphql extension, not the type.
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.statusCode = 200;
      sendBody(req, res, sdl);
      return true;
    },
  };
}
