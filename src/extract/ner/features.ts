import { isGivenName } from '../given-names.ts';
import { CITIES, COUNTRIES, KNOWN_ORGS, PERSONAL_TITLES, REGIONS } from '../lexicon.ts';
import type { Token } from './tokenise.ts';

/**
 * Observation features of tokens, hashed into a fixed table so the model stores no feature strings:
 * the weight file holds only the buckets that carry weight.
 */

/** Entity strings (tokens joined by one space, lower case) → type, e.g. "real madrid" → ORG. */
export type Lexicon = Map<string, string>;
/** Longest lexicon entry, in tokens. */
const MAX_ENTRY = 6;

/** The curated gazetteers of the rule-based extractor, as a lexicon. */
export const CURATED: Lexicon = (() => {
  const m: Lexicon = new Map();
  const put = (s: string, type: string) => m.set(s.toLowerCase().replace(/’/g, "'"), type);
  for (const c of COUNTRIES) {
    put(c.name, 'LOC');
    for (const a of c.aliases) put(a, 'LOC');
    if (c.capital) put(c.capital, 'LOC');
    put(c.demonym, 'MISC');
  }
  for (const city of Object.keys(CITIES)) put(city, 'LOC');
  for (const r of REGIONS) put(r, 'LOC');
  for (const o of KNOWN_ORGS) {
    put(o.name, 'ORG');
    for (const a of o.aliases) put(a, 'ORG');
  }
  return m;
})();

/** FNV-1a, 32 bits: a stable hash of a feature string. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Typographic quotes and apostrophes read as CoNLL's straight ones. */
export const normal = (w: string) => w.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');

/** "Bre-X" → "Xx-X"; runs of the same class collapse ("Reuters" → "Xx"), so rare words share a shape. */
export function shape(w: string): string {
  let out = '';
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

const isCapital = (w: string) => /^\p{Lu}/u.test(w);

/** Lexicon matches covering each token: "LOC-B", "LOC-L" … (longest match starting at each token). */
function lexiconHits(lower: string[], lex: Lexicon, tag: string, out: string[][]): void {
  for (let i = 0; i < lower.length; i++) {
    let key = '';
    for (let k = i; k < Math.min(lower.length, i + MAX_ENTRY); k++) {
      key = k === i ? lower[k] : `${key} ${lower[k]}`;
      const type = lex.get(key);
      if (!type) continue;
      if (k === i) out[i].push(`${tag}U${type}`);
      else {
        out[i].push(`${tag}B${type}`);
        for (let j = i + 1; j < k; j++) out[j].push(`${tag}I${type}`);
        out[k].push(`${tag}L${type}`);
      }
    }
  }
}

/**
 * Hashed feature ids (masked to `bits`) of every token of one document, sentence by sentence.
 * `docLower` is the set of words the document writes in lower case: a capitalised word that also
 * appears in lower case elsewhere ("Shares", "Police") is less likely a name.
 */
export function featurise(sentences: Token[][], lexicon: Lexicon, bits: number): Int32Array[][] {
  const mask = (1 << bits) - 1;
  const docLower = new Set<string>();
  for (const s of sentences) for (const t of s) if (/^\p{Ll}/u.test(t.text)) docLower.add(t.text);
  return sentences.map((sent) => {
    const words = sent.map((t) => normal(t.text));
    const lower = words.map((w) => w.toLowerCase());
    const shapes = words.map(shape);
    // Headlines and datelines in capitals ("LONDON 1996-12-06"): capitalisation says nothing there.
    const letters = words.join('').replace(/[^\p{L}]/gu, '');
    const caps = letters.length >= 4 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.7;
    const extra: string[][] = sent.map(() => []);
    lexiconHits(lower, CURATED, 'g', extra);
    lexiconHits(lower, lexicon, 'x', extra);
    const n = words.length;
    const at = (arr: string[], i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : arr[i]);
    return sent.map((_, i) => {
      const w = words[i];
      const lw = lower[i];
      const sh = shapes[i];
      const c = caps ? 'C' : '';
      const f: string[] = [
        'b',
        `c${c}`,
        `w=${w}`,
        `l=${lw}`,
        `s=${sh}`,
        `s=${sh}${c}`,
        `l-1=${at(lower, i - 1)}`,
        `l+1=${at(lower, i + 1)}`,
        `l-2=${at(lower, i - 2)}`,
        `l+2=${at(lower, i + 2)}`,
        `l-1l=${at(lower, i - 1)}|${lw}`,
        `ll+1=${lw}|${at(lower, i + 1)}`,
        `s-1=${at(shapes, i - 1)}`,
        `s+1=${at(shapes, i + 1)}`,
        `sss=${at(shapes, i - 1)}|${sh}|${at(shapes, i + 1)}`,
        `l-1s=${at(lower, i - 1)}|${sh}`,
        `sl+1=${sh}|${at(lower, i + 1)}`,
        `pos=${i === 0 ? 0 : i === 1 ? 1 : 2}${sh}`,
      ];
      for (let k = 1; k <= 4 && k <= lw.length; k++) f.push(`p${k}=${lw.slice(0, k)}`, `x${k}=${lw.slice(-k)}`);
      if (isCapital(w) && docLower.has(lw)) f.push(`dl${c}`);
      if (isCapital(w) && isGivenName(w[0] + lw.slice(1))) f.push(`gn${c}`);
      if (i > 0 && isGivenName(words[i - 1])) f.push('gn-1');
      if (i > 0 && PERSONAL_TITLES.test(words[i - 1])) f.push('ttl-1');
      for (const e of extra[i]) f.push(e, `${e}${isCapital(w) ? 'K' : 'k'}`);
      if (i > 0) for (const e of extra[i - 1]) f.push(`-1${e}`);
      if (i + 1 < n) for (const e of extra[i + 1]) f.push(`+1${e}`);
      const ids = new Int32Array(f.length);
      for (let k = 0; k < f.length; k++) ids[k] = hash(f[k]) & mask;
      return ids;
    });
  });
}

/** Builds a lexicon from labelled entity strings: each string's most frequent type (ties: first seen). */
export function buildLexicon(entries: Iterable<{ text?: string; type: string }>): Lexicon {
  const counts = new Map<string, Map<string, number>>();
  for (const e of entries) {
    const key = normal(e.text ?? "").toLowerCase();
    let m = counts.get(key);
    if (!m) counts.set(key, (m = new Map()));
    m.set(e.type, (m.get(e.type) ?? 0) + 1);
  }
  const lex: Lexicon = new Map();
  for (const [key, m] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    let best = '';
    let n = 0;
    for (const [t, c] of m) if (c > n) [best, n] = [t, c];
    lex.set(key, best);
  }
  return lex;
}
