import type { Span } from '../../ingest/types.ts';
import type { Sentence } from '../sentences.ts';
import { hashText } from './hashing.ts';
import { FNV_OFFSET, FNV_PRIME } from '../fnv.ts';
import { firstEndingAfter } from '../sorted-spans.ts';

/** A word or punctuation mark with its place in the article, the unit the attribution models label. */
export interface Token extends Span {
  readonly text: string;
  /** Index into the article's sentences. */
  sentence: number;
  paragraph: number;
  /** Inside a quotation found by the quote rules (marks excluded). */
  quoted: boolean;
  /** A word or number, not a mark. */
  word: boolean;
  /**
   * Hashes of the lower-cased text and of its shape (see hashing.ts), as signed 32-bit integers: V8
   * keeps those as small integers, where an unsigned hash above 2^31 is a heap number per token. The
   * features mix them as 32-bit values, so the sign changes no feature; sets of ids compare `| 0`.
   */
  id: number;
  shapeId: number;
}

/**
 * A token as tokenize makes it: its text is sliced from the article only when asked for (extraction
 * never asks; a string per token was most of the tokeniser's garbage).
 */
class ArticleToken implements Token {
  constructor(
    private readonly source: string,
    public start: number,
    public end: number,
    public sentence: number,
    public paragraph: number,
    public quoted: boolean,
    public word: boolean,
    public id: number,
    public shapeId: number,
  ) {}

  get text(): string {
    return this.source.slice(this.start, this.end);
  }
}

/** Shapes of words, hashed once; punctuation's shape is the mark itself, so its id is the mark's. */
const SHAPE_IDS = new Map(['Xx', 'x', 'X', 'd'].map((x) => [x, hashText(x) | 0]));

/** Coarse word shape: capitalised, lower, all caps, number; punctuation stands for itself. */
export function shape(t: string): string {
  const ch = t[0];
  if (ch !== ch.toLowerCase()) return t.length > 1 && t === t.toUpperCase() ? 'X' : 'Xx';
  if (ch !== ch.toUpperCase()) return 'x';
  const c = t.charCodeAt(0);
  return c >= 48 && c <= 57 ? 'd' : t;
}

const CAPITALISED = SHAPE_IDS.get('Xx')!;
const CAPITALS = SHAPE_IDS.get('X')!;
const LOWER = SHAPE_IDS.get('x')!;
const DIGITS = SHAPE_IDS.get('d')!;

/**
 * The shape id of a word or number t = text[from .. to) whose first character is an ASCII letter or
 * digit (SHAPE_IDS of shape(t)), without upper- and lower-casing strings.
 */
function asciiShapeId(text: string, from: number, to: number): number {
  const c = text.charCodeAt(from);
  if (c >= 65 && c <= 90) {
    if (to - from === 1) return CAPITALISED;
    // shape() asks t === t.toUpperCase(): for ASCII, no small letter; any other character, ask it.
    for (let k = from + 1; k < to; k++) {
      const d = text.charCodeAt(k);
      if (d >= 128) {
        const t = text.slice(from, to);
        return t === t.toUpperCase() ? CAPITALS : CAPITALISED;
      }
      if (d >= 97 && d <= 122) return CAPITALISED;
    }
    return CAPITALS;
  }
  return c >= 97 && c <= 122 ? LOWER : DIGITS;
}

// Character classes by code unit, cached: letters and digits make words; ’ ' . - join two runs of them
// ("don’t", "U.S", "well-known"); anything else but space is a token of its own. A hand-written scanner:
// the equivalent regular expression took a tenth of extraction time.
const ALNUM = new Map<number, boolean>();
function alnum(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  let v = ALNUM.get(c);
  if (v === undefined) {
    v = /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
    ALNUM.set(c, v);
  }
  return v;
}
/** alnum for code units below 128. */
const ASCII_ALNUM = new Uint8Array(128).map((_, c) => (alnum(c) ? 1 : 0));
const SPACE = /\s/;
const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || (c > 127 && SPACE.test(String.fromCharCode(c)));
const isJoiner = (c: number) => c === 0x2019 || c === 39 || c === 46 || c === 45;

/** Tokens of the whole article, each tagged with its sentence, paragraph and whether it is quoted. */
export function tokenize(text: string, sentences: Sentence[], quoted: Span[]): Token[] {
  const out: Token[] = [];
  // The helpers above written out for ASCII (alnum, isSpace, asciiShapeId) and hashText of ASCII in lower case: this loop
  // runs for every character of every article, and small calls are not inlined into it.
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    const end = s.end;
    let i = s.start;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < 128 ? c === 32 || c === 10 || c === 9 || c === 13 : isSpace(c)) {
        i++;
        continue;
      }
      const first = c < 128 ? ASCII_ALNUM[c] === 1 : alnum(c);
      let j = i + 1;
      // A surrogate pair (emoji, astral letters) is one token: never cut between its halves, or a
      // statement's text would hold half a character (and PostgreSQL refuses it as JSON).
      if (c >= 0xd800 && c <= 0xdbff && j < end && (text.charCodeAt(j) & 0xfc00) === 0xdc00) j++;
      else if (first) {
        for (;;) {
          for (let d = 0; j < end && ((d = text.charCodeAt(j)) < 128 ? ASCII_ALNUM[d] === 1 : alnum(d)); ) j++;
          if (j + 1 < end && isJoiner(text.charCodeAt(j)) && alnum(text.charCodeAt(j + 1))) j += 2;
          else break;
        }
      }
      // hashText of the lower-cased token: in place for ASCII, else by toLowerCase.
      let h = FNV_OFFSET;
      let k = i;
      for (; k < j; k++) {
        let d = text.charCodeAt(k);
        if (d >= 128) break;
        if (d >= 65 && d <= 90) d += 32;
        h = Math.imul(h ^ d, FNV_PRIME);
      }
      const id = (k === j ? h : hashText(text.slice(i, j).toLowerCase())) | 0;
      // A mark of one character is no word, and its shape is itself (its id); an ASCII word or number
      // starts with a letter or digit (anything else is a mark of its own).
      const mark = j - i === 1 && !first;
      const shapeId = mark ? id : c >= 128 ? (SHAPE_IDS.get(shape(text.slice(i, j))) ?? id) : c >= 97 && c <= 122 ? LOWER : c <= 57 ? DIGITS : asciiShapeId(text, i, j);
      out.push(new ArticleToken(text, i, j, si, s.paragraph, false, !mark, id, shapeId));
      i = j;
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
  return firstEndingAfter(tokens, offset);
}
