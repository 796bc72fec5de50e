// NEWSGRAPH_API_KEYS as the server keeps it: SHA-256 hashes only. Config reads it; the server's
// verifier (server/auth/api-keys.ts) compares presented keys with the same hash.
import { createHash } from 'node:crypto';

/** Keys shorter than this are refused at start-up: they could be guessed. */
export const MIN_API_KEY_LENGTH = 16;

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/**
 * Parses `NEWSGRAPH_API_KEYS`: comma-separated keys, or `sha256:<64 hex>` entries so that the
 * plain key need not sit in the environment. Only the SHA-256 hashes are kept.
 */
export function parseApiKeys(raw: string | undefined): Buffer[] {
  if (!raw || raw.trim() === '') return [];
  return raw.split(',').map((s) => s.trim()).filter((s) => s !== '').map((entry, i) => {
    const hashed = /^sha256:([0-9a-f]{64})$/i.exec(entry);
    if (hashed) return Buffer.from(hashed[1], 'hex');
    if (entry.length < MIN_API_KEY_LENGTH) throw new Error(`API key #${i + 1} is shorter than ${MIN_API_KEY_LENGTH} characters`);
    return hashApiKey(entry);
  });
}
