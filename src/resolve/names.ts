/** How names are compared across articles: NFKC, lower case, runs of white space as one space. */
export const normalizeName = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Code point order: what PostgreSQL's C collation (bytes of UTF-8) gives, so that JS and SQL agree. */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

const shouted = (s: string) => s === s.toUpperCase() && s !== s.toLowerCase();

/**
 * Which of two spellings of one name (they normalise alike) names the node: written in mixed case
 * over all capitals (headlines shout), else the first in code point order. A total order, so the
 * node's name is the same whichever article brought which spelling first.
 */
export function preferredName(a: string, b: string): string {
  if (shouted(a) !== shouted(b)) return shouted(a) ? b : a;
  return compareCodePoints(a, b) <= 0 ? a : b;
}
