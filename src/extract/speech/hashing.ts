import { fnv1a } from '../fnv.ts';

/**
 * Features are hashed to integers (the "hashing trick"): building and looking up strings per token
 * cost 7x the rest of extraction; integer mixes into a weight table cost almost nothing. Each model
 * keeps the low bits it needs (perceptron.ts): tables small enough to stay in the CPU cache, since
 * every lookup that misses it costs as much as the arithmetic of a whole feature set.
 */

/** FNV-1a over UTF-16 code units (src/extract/fnv.ts, shared with the recogniser). */
export const hashText = fnv1a;

/** One feature: a template (hashText of its name) combined with up to three values; a 32-bit hash. */
export function feature(template: number, a = 0, b = 0, c = 0): number {
  // Each value mixed in as h = (h ^ x) * 0x5bd1e995 (32-bit), then h ^= h >>> 13: written out in one
  // small body, which callers can inline (it runs millions of times per pass).
  let h = Math.imul(template ^ a, 0x5bd1e995);
  h ^= h >>> 13;
  h = Math.imul(h ^ b, 0x5bd1e995);
  h ^= h >>> 13;
  h = Math.imul(h ^ c, 0x5bd1e995);
  h ^= h >>> 13;
  return h >>> 0;
}
