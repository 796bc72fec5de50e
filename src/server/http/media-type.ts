import type { IncomingMessage } from 'node:http';

/** The MIME type of a request body, lower-cased, without parameters (`charset=…`); '' when absent. */
export function mediaTypeOf(req: IncomingMessage): string {
  return String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * GraphQL POSTs must be `application/json`. A browser sends a cross-site POST without asking the
 * server first (no CORS preflight) only for the "simple" types text/plain, form-urlencoded and
 * multipart/form-data; executing anything but JSON would let any web page run operations with the
 * visitor's network position. Matching the exact type (not "contains json") closes that.
 */
export function isJsonPost(req: IncomingMessage): boolean {
  return mediaTypeOf(req) === 'application/json';
}
