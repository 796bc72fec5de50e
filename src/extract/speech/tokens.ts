import type { Span } from '../../ingest/types.ts';
import type { Sentence } from '../sentences.ts';
import { hashText } from './hashing.ts';

/** A word or punctuation mark with its place in the article, the unit the attribution models label. */
export interface Token extends Span {
  text: string;
  /** Lower-cased text, the form most features use. */
  lower: string;
  /** Index into the article's sentences. */
  sentence: number;
  paragraph: number;
  /** Inside a quotation found by the quote rules (marks excluded). */
  quoted: boolean;
  /** A word or number, not a mark. */
  word: boolean;
  /** Hashes of the lower-cased text and of its shape (see hashing.ts). */
  id: number;
  shapeId: number;
}

/** Shapes of words, hashed once; punctuation's shape is the mark itself, so its id is the mark's. */
const SHAPE_IDS = new Map(['Xx', 'x', 'X', 'd'].map((x) => [x, hashText(x)]));

/** Coarse word shape: capitalised, lower, all caps, number; punctuation stands for itself. */
export function shape(t: string): string {
  const ch = t[0];
  if (ch !== ch.toLowerCase()) return t.length > 1 && t === t.toUpperCase() ? 'X' : 'Xx';
  if (ch !== ch.toUpperCase()) return 'x';
  const c = t.charCodeAt(0);
  return c >= 48 && c <= 57 ? 'd' : t;
}

// Words keep inner apostrophes, hyphens and dots ("don’t", "well-known", "U.S"); everything else is one mark a token.
const TOKEN = /[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*|\S/gu;

/** Tokens of the whole article, each tagged with its sentence, paragraph and whether it is quoted. */
export function tokenize(text: string, sentences: Sentence[], quoted: Span[]): Token[] {
  const out: Token[] = [];
  for (const [si, s] of sentences.entries()) {
    TOKEN.lastIndex = 0;
    const slice = text.slice(s.start, s.end);
    for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
      const start = s.start + m.index;
      const lower = m[0].toLowerCase();
      const id = hashText(lower);
      const sh = shape(m[0]);
      const word = m[0].length > 1 || SHAPE_IDS.has(sh) || /[\p{L}\p{N}]/u.test(m[0]);
      out.push({ start, end: start + m[0].length, text: m[0], lower, sentence: si, paragraph: s.paragraph, quoted: false, word, id, shapeId: SHAPE_IDS.get(sh) ?? id });
    }
  }
  // Quotations are sorted and disjoint: one pass marks the tokens inside them.
  let q = 0;
  const spans = [...quoted].sort((a, b) => a.start - b.start);
  for (const t of out) {
    while (q < spans.length && spans[q].end <= t.start) q++;
    if (q < spans.length && spans[q].start <= t.start && t.end <= spans[q].end) t.quoted = true;
  }
  return out;
}

/** The first token ending after `offset` (the token holding it, or the next one). */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
