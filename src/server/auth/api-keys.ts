import { timingSafeEqual } from 'node:crypto';
import { hashApiKey } from '../../config/api-keys.ts';

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
