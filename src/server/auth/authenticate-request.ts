import type { IncomingMessage } from 'node:http';
import type { Viewer } from '../../graphql/context.ts';
import type { ApiKeyVerifier } from './api-keys.ts';

export type Authentication =
  | { kind: 'viewer'; viewer: Viewer }
  /** A key was sent but matches none: refused outright rather than silently treated as anonymous. */
  | { kind: 'invalid'; message: string };

/** The API key of a request: `Authorization: Bearer <key>` or `X-Api-Key: <key>`. */
export function presentedApiKey(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.trim() !== '') {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    return m ? m[1].trim() : auth.trim();
  }
  const header = req.headers['x-api-key'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && value.trim() !== '' ? value.trim() : null;
}

/**
 * `client`: the caller's address key (see client-address.ts), its identity when it sends no key.
 * `key`: the key as presented (default: the request's headers; a WebSocket's connection_init payload).
 */
export function authenticateRequest(req: IncomingMessage, verifier: ApiKeyVerifier, client: string, key = presentedApiKey(req)): Authentication {
  if (key === null) return { kind: 'viewer', viewer: { authenticated: false, clientId: `ip:${client}` } };
  const id = verifier.verify(key);
  if (id === null) return { kind: 'invalid', message: 'Invalid API key' };
  return { kind: 'viewer', viewer: { authenticated: true, clientId: id } };
}
