import type { IncomingMessage, ServerResponse } from 'node:http';
import { RATE_LIMIT_HEADERS } from '../rate-limit/rate-limit-status.ts';

export interface CorsOptions {
  /** Origins allowed to read responses (`*` for any). */
  origins: string[];
  /** Request headers a browser may send cross-origin: the preflight's Access-Control-Allow-Headers. */
  allowHeaders: string[];
}

/** Response headers a script on another origin may read; without this list fetch() hides them. */
export const CORS_EXPOSE_HEADERS = ['x-request-id', 'retry-after', ...RATE_LIMIT_HEADERS];

/**
 * Whether a browser page on `req`'s Origin may use the API where CORS does not apply (a WebSocket
 * upgrade): no Origin (not a browser), the server's own origin (the IDE), or one of the allowed ones.
 */
export function originAllowed(req: IncomingMessage, options: CorsOptions): boolean {
  const origin = req.headers.origin;
  if (!origin || options.origins.includes('*') || options.origins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * CORS for browser clients on other origins. Answers preflights itself (returns true when the request
 * is fully handled).
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, options: CorsOptions): boolean {
  const origin = req.headers.origin;
  const { origins } = options;
  if (origin && (origins.includes('*') || origins.includes(origin))) {
    res.setHeader('access-control-allow-origin', origins.includes('*') ? '*' : origin);
    res.setHeader('vary', 'Origin');
    res.setHeader('access-control-expose-headers', CORS_EXPOSE_HEADERS.join(', '));
  }
  if (req.method === 'OPTIONS') {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', options.allowHeaders.join(', '));
    res.setHeader('access-control-max-age', '600');
    res.writeHead(204);
    res.end();
    return true;
  }
  return false;
}
