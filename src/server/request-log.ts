import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './logger.ts';

const info = new WeakMap<ServerResponse, Record<string, unknown>>();

// A client-chosen id is kept (to follow a call across services) only when it is short and plain:
// anything else could forge log lines or headers.
const SAFE_ID = /^[\w.:-]{1,128}$/;

/** The request id (the client's `X-Request-Id` when safe, else a new UUID), echoed in the response. */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const existing = info.get(res)?.requestId;
  if (typeof existing === 'string') return existing;
  const sent = req.headers['x-request-id'];
  const id = typeof sent === 'string' && SAFE_ID.test(sent) ? sent : randomUUID();
  annotate(res, { requestId: id });
  res.setHeader('x-request-id', id);
  return id;
}

/** Adds fields to the request's log line (client id, operation, SQL count). */
export function annotate(res: ServerResponse, fields: Record<string, unknown>): void {
  info.set(res, { ...info.get(res), ...fields });
}

/** One structured line per HTTP request, written when the response is finished. */
export function logRequest(logger: Logger, req: IncomingMessage, res: ServerResponse, path: string, started: number): void {
  const fields = { ...info.get(res), method: req.method, path, status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10 };
  if (res.statusCode >= 500) logger.warn('request', fields);
  else logger.info('request', fields);
}
