import { createHash, timingSafeEqual } from 'node:crypto';

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

export interface ApiKeyVerifier {
  /** Id of the matching key (a prefix of its hash, safe to log), or null. */
  verify(presented: string): string | null;
  readonly size: number;
}

/**
 * Compares the hash of the presented key with every configured hash in constant time: no early exit,
 * and equal-length buffers, so response time tells nothing about how close a guess was.
 */
export function createApiKeyVerifier(hashes: Buffer[]): ApiKeyVerifier {
  const known = hashes.map((h) => ({ hash: h, id: `key:${h.toString('hex').slice(0, 12)}` }));
  return {
    size: known.length,
    verify(presented) {
      const candidate = hashApiKey(presented);
      let match: string | null = null;
      for (const k of known) {
        if (timingSafeEqual(candidate, k.hash) && match === null) match = k.id;
      }
      return match;
    },
  };
}
