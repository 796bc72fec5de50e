/**
 * FNV-1a over UTF-16 code units, 32 bits: the stable string hash of the learned models' features
 * (the recogniser's and the attribution models'). `fnvMore` continues a hash over more characters,
 * so hash(a + b) = fnvMore(hash(a), b) without building a + b.
 */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** The hash `h` continued over s[from .. to). */
export function fnvMore(h: number, s: string, from = 0, to = s.length): number {
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

export const fnv1a = (s: string): number => fnvMore(FNV_OFFSET, s);
