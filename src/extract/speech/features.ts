import { SPEECH_VERBS, THOUGHT_VERBS } from '../lexicon.ts';
import { feature, hashText } from './hashing.ts';
import type { Token } from './tokens.ts';

/**
 * Feature templates shared by training and extraction: the same functions compute them in both, so a
 * model never sees features at run time it was not trained on. Each feature is a template name mixed
 * with token hashes and small numbers (hashing.ts); changing a template means retraining.
 */

/** hashText as a token id: a signed 32-bit integer (see Token.id). */
const hashId = (s: string) => hashText(s) | 0;

const LEXICON = new Set(`${SPEECH_VERBS}|${THOUGHT_VERBS}`.split('|').filter((w) => !w.includes(' ')).map(hashId));

/** One template id per feature name, computed once (an object literal, so property reads stay fast). */
const T = {
  b: hashText('b'),
  w: hashText('w'),
  s: hashText('s'),
  p1: hashText('p1'),
  p2: hashText('p2'),
  n1: hashText('n1'),
  n2: hashText('n2'),
  p1w: hashText('p1w'),
  wn1: hashText('wn1'),
  p2p1w: hashText('p2p1w'),
  wn1n2: hashText('wn1n2'),
  ps: hashText('ps'),
  ns: hashText('ns'),
  t: hashText('t'),
  tw: hashText('tw'),
  q: hashText('q'),
  qw: hashText('qw'),
  lex: hashText('lex'),
  lexn1: hashText('lexn1'),
  lexp1: hashText('lexp1'),
  qnext: hashText('qnext'),
  qprev: hashText('qprev'),
  dc: hashText('dc'),
  dp1: hashText('dp1'),
  dp2: hashText('dp2'),
  dn1: hashText('dn1'),
  dn2: hashText('dn2'),
  dcn1: hashText('dcn1'),
  dp1c: hashText('dp1c'),
  dbf: hashText('dbf'),
  daf: hashText('daf'),
  dbfaf: hashText('dbfaf'),
  dcbf: hashText('dcbf'),
  dcaf: hashText('dcaf'),
  dp1n1: hashText('dp1n1'),
  dcomma: hashText('dcomma'),
  dnext: hashText('dnext'),
  dcnext: hashText('dcnext'),
  dthat: hashText('dthat'),
  dq: hashText('dq'),
  dkn: hashText('dkn'),
  dka: hashText('dka'),
  dkt: hashText('dkt'),
  dkc: hashText('dkc'),
  asw: hashText('asw'),
  ass: hashText('ass'),
  asp: hashText('asp'),
  asd: hashText('asd'),
  ascd: hashText('ascd'),
  aspw: hashText('aspw'),
  asdp: hashText('asdp'),
  asq: hashText('asq'),
  aew: hashText('aew'),
  aen1: hashText('aen1'),
  aen2: hashText('aen2'),
  aewn1: hashText('aewn1'),
  aen1n2: hashText('aen1n2'),
  aed: hashText('aed'),
  aesn: hashText('aesn'),
  aesnn1: hashText('aesnn1'),
  aec: hashText('aec'),
  aecn1: hashText('aecn1'),
  aem: hashText('aem'),
  aecue: hashText('aecue'),
  aedn1: hashText('aedn1'),
  aeq: hashText('aeq'),
  aeend: hashText('aeend'),
  aev: hashText('aev'),
  bew: hashText('bew'),
  ben1: hashText('ben1'),
  bewn1: hashText('bewn1'),
  bed: hashText('bed'),
  begap: hashText('begap'),
  becgap: hashText('becgap'),
  beq: hashText('beq'),
  besent: hashText('besent'),
  bsw: hashText('bsw'),
  bss: hashText('bss'),
  bsp: hashText('bsp'),
  bspw: hashText('bspw'),
  bsd: hashText('bsd'),
  bssn: hashText('bssn'),
  bssnp: hashText('bssnp'),
  bsc: hashText('bsc'),
  bscue: hashText('bscue'),
  bsq: hashText('bsq'),
};

const PARA = hashId('<p>');
const SENT = hashId('<s>');
const COMMA = hashId(',');
const THAT = hashId('that');
const CONJ_ID = hashText('<conj>');
const OPEN = new Set(['“', '"', '‘'].map(hashId));
const CLOSE = new Set(['”', '"', '’'].map(hashId));
const QUOTE_MARKS = new Set(['“', '”', '"'].map(hashId));
const CONJ = new Set(['but', 'and', 'while', 'as', 'because', 'although', 'though', 'which', 'who', 'when', 'after', 'before', 'if', 'since'].map(hashId));
const GAP_WORDS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'the', 'a', 'an', ',', '”', '"', '’'].map(hashId));

/** Distance buckets: exact up to 3, then widening ranges. */
export function bucket(n: number): number {
  if (n <= 3) return n;
  if (n <= 5) return 4;
  if (n <= 10) return 5;
  if (n <= 20) return 6;
  if (n <= 40) return 7;
  return 8;
}

/** The token at `i` (hashed), or a marker for the edge of the sentence or paragraph. */
function at(tokens: Token[], i: number, from: Token): number {
  const t = tokens[i];
  if (!t || t.paragraph !== from.paragraph) return PARA;
  if (t.sentence !== from.sentence) return SENT;
  return t.id;
}

const shapeAt = (tokens: Token[], i: number) => tokens[i]?.shapeId ?? PARA;

/** Is token `i` part of an attribution cue (said, according to, told reporters, a colon after a speaker)? `prevTag`: 0 O, 1 B, 2 I. */
export function cueFeatures(tokens: Token[], i: number, prevTag: number): number[] {
  const f: number[] = [];
  cueFeaturesInto(tokens, i, prevTag, f);
  return f;
}

/**
 * cueFeatures written into f[0 ..) (a buffer the caller reuses), returning how many: the tagger asks
 * for them at about 200,000 tokens per BBC pass, and an array each was garbage.
 */
export function cueFeaturesInto(tokens: Token[], i: number, prevTag: number, f: number[]): number {
  const t = tokens[i];
  const w = t.id;
  const p1 = at(tokens, i - 1, t);
  const p2 = at(tokens, i - 2, t);
  const n1 = at(tokens, i + 1, t);
  const n2 = at(tokens, i + 2, t);
  const q = t.quoted ? 1 : 0;
  // The features' template and values, four a row, hashed in one loop below: feature() called ~20
  // times here was not inlined (this runs for ~200,000 tokens per BBC pass). The same hashes.
  const a = CUE_ARGS;
  a[0] = T.b; a[1] = 0; a[2] = 0; a[3] = 0;
  a[4] = T.w; a[5] = w; a[6] = 0; a[7] = 0;
  a[8] = T.s; a[9] = t.shapeId; a[10] = 0; a[11] = 0;
  a[12] = T.p1; a[13] = p1; a[14] = 0; a[15] = 0;
  a[16] = T.p2; a[17] = p2; a[18] = 0; a[19] = 0;
  a[20] = T.n1; a[21] = n1; a[22] = 0; a[23] = 0;
  a[24] = T.n2; a[25] = n2; a[26] = 0; a[27] = 0;
  a[28] = T.p1w; a[29] = p1; a[30] = w; a[31] = 0;
  a[32] = T.wn1; a[33] = w; a[34] = n1; a[35] = 0;
  a[36] = T.p2p1w; a[37] = p2; a[38] = p1; a[39] = w;
  a[40] = T.wn1n2; a[41] = w; a[42] = n1; a[43] = n2;
  a[44] = T.ps; a[45] = shapeAt(tokens, i - 1); a[46] = t.shapeId; a[47] = 0;
  a[48] = T.ns; a[49] = t.shapeId; a[50] = shapeAt(tokens, i + 1); a[51] = 0;
  a[52] = T.t; a[53] = prevTag; a[54] = 0; a[55] = 0;
  a[56] = T.tw; a[57] = prevTag; a[58] = w; a[59] = 0;
  a[60] = T.q; a[61] = q; a[62] = 0; a[63] = 0;
  a[64] = T.qw; a[65] = q; a[66] = w; a[67] = 0;
  let n = 17;
  if (LEXICON.has(w)) {
    a[4 * n] = T.lex; a[4 * n + 1] = 0; a[4 * n + 2] = 0; a[4 * n + 3] = 0; n++;
    a[4 * n] = T.lexn1; a[4 * n + 1] = n1; a[4 * n + 2] = 0; a[4 * n + 3] = 0; n++;
    a[4 * n] = T.lexp1; a[4 * n + 1] = p1 === COMMA || CLOSE.has(p1) ? 1 : shapeAt(tokens, i - 1); a[4 * n + 2] = 0; a[4 * n + 3] = 0; n++;
  }
  if (OPEN.has(n1) || OPEN.has(n2)) {
    a[4 * n] = T.qnext; a[4 * n + 1] = w; a[4 * n + 2] = 0; a[4 * n + 3] = 0; n++;
  }
  if (CLOSE.has(p1) || CLOSE.has(p2)) {
    a[4 * n] = T.qprev; a[4 * n + 1] = w; a[4 * n + 2] = 0; a[4 * n + 3] = 0; n++;
  }
  // feature(a[4k], a[4k + 1], a[4k + 2], a[4k + 3]), written out (see hashing.ts).
  for (let k = 0; k < n; k++) {
    let h = Math.imul(a[4 * k] ^ a[4 * k + 1], 0x5bd1e995);
    h ^= h >>> 13;
    h = Math.imul(h ^ a[4 * k + 2], 0x5bd1e995);
    h ^= h >>> 13;
    h = Math.imul(h ^ a[4 * k + 3], 0x5bd1e995);
    h ^= h >>> 13;
    f[k] = h >>> 0;
  }
  return n;
}

/** cueFeaturesInto's templates and values, four per feature (at most 22 features). */
const CUE_ARGS = new Int32Array(4 * 22);

/** The cue as one hash (its words in order). */
export function cueId(tokens: Token[], a: number, b: number): number {
  let h = 0;
  for (let k = a; k <= b; k++) h = feature(h, tokens[k].id);
  return h;
}

/** Where the content lies relative to its cue: after it, before it, or around it (a quotation split by it). */
export function directionFeatures(tokens: Token[], a: number, b: number, sentFirst: number, sentLast: number, counts: SpanCounts): number[] {
  const cue = cueId(tokens, a, b);
  const p1 = at(tokens, a - 1, tokens[a]);
  const p2 = at(tokens, a - 2, tokens[a]);
  const n1 = at(tokens, b + 1, tokens[b]);
  const n2 = at(tokens, b + 2, tokens[b]);
  const before = bucket(a - sentFirst);
  const after = bucket(sentLast - b);
  // The clause layout around the cue: how far back the last comma is ("…, the Kremlin said"), which
  // mark comes next after it and how soon ("said Thursday, as …" / "said that …").
  let comma = -1;
  for (let k = a - 1; k >= sentFirst; k--) {
    if (tokens[k].id === COMMA) {
      comma = a - k;
      break;
    }
  }
  let next = SENT;
  let nextAt = sentLast - b;
  let that = 0;
  for (let k = b + 1; k <= sentLast; k++) {
    if (k <= b + 3 && tokens[k].id === THAT) that = 1;
    if (!tokens[k].word) {
      next = tokens[k].id;
      nextAt = k - b;
      break;
    }
  }
  const k = comma < 0 ? 99 : bucket(comma);
  const quotesBefore = counts.marks[a] > counts.marks[sentFirst] ? 1 : 0;
  const quotesAfter = counts.marks[sentLast + 1] > counts.marks[b + 1] ? 1 : 0;
  return [
    feature(T.b), feature(T.dc, cue), feature(T.dp1, p1), feature(T.dp2, p2), feature(T.dn1, n1), feature(T.dn2, n2), feature(T.dcn1, cue, n1), feature(T.dp1c, p1, cue), feature(T.dbf, before), feature(T.daf, after), feature(T.dbfaf, before, after), feature(T.dcbf, cue, before), feature(T.dcaf, cue, after), feature(T.dp1n1, p1, n1),
    feature(T.dcomma, k), feature(T.dnext, next, bucket(nextAt)), feature(T.dcnext, cue, next), feature(T.dthat, that), feature(T.dq, quotesBefore, quotesAfter),
    feature(T.dkn, k, next, bucket(nextAt)), feature(T.dka, k, after), feature(T.dkt, k, that), feature(T.dkc, k, cue),
  ];
}

/** Content after its cue: the first token of the content, a candidate `s` a few tokens after the cue's last token `b`. */
export function afterStartFeatures(tokens: Token[], cue: number, b: number, s: number): number[] {
  const f: number[] = [];
  afterStartFeaturesInto(tokens, cue, b, s, f);
  return f;
}

/** afterStartFeatures written into f[0 ..), returning how many (see cueFeaturesInto). */
export function afterStartFeaturesInto(tokens: Token[], cue: number, b: number, s: number, f: number[]): number {
  const t = tokens[s];
  const prev = at(tokens, s - 1, t);
  const d = bucket(s - b - 1);
  f[0] = feature(T.asw, t.id);
  f[1] = feature(T.ass, t.shapeId);
  f[2] = feature(T.asp, prev);
  f[3] = feature(T.asd, d);
  f[4] = feature(T.ascd, cue, d);
  f[5] = feature(T.aspw, prev, t.id);
  f[6] = feature(T.asdp, d, prev);
  f[7] = feature(T.asq, t.quoted ? 1 : 0, d);
  return 8;
}

/** Content after its cue: the last token `e` of content starting at `s` (both parts below). */
export function afterEndFeatures(tokens: Token[], cue: number, s: number, e: number, counts: SpanCounts): number[] {
  return [...afterEndAt(tokens, e), ...afterEndSpan(tokens, cue, s, e, counts)];
}

/** The features of an end candidate that depend on its position only: scored once per token and article. */
export function afterEndAt(tokens: Token[], e: number): number[] {
  const f: number[] = [];
  afterEndAtInto(tokens, e, f);
  return f;
}

/** afterEndAt written into f[0 ..), returning how many. */
export function afterEndAtInto(tokens: Token[], e: number, f: number[]): number {
  const t = tokens[e];
  const n1 = at(tokens, e + 1, t);
  const n2 = at(tokens, e + 2, t);
  f[0] = feature(T.aew, t.id);
  f[1] = feature(T.aen1, n1);
  f[2] = feature(T.aen2, n2);
  f[3] = feature(T.aewn1, t.id, n1);
  f[4] = feature(T.aen1n2, n1, n2);
  f[5] = feature(T.aeq, t.quoted ? 1 : 0, tokens[e + 1]?.quoted ? 1 : 0);
  return 6;
}

/** The features of an end candidate that depend on the span [s, e] and the cue. */
export function afterEndSpan(tokens: Token[], cue: number, s: number, e: number, counts: SpanCounts): number[] {
  const f: number[] = [];
  afterEndSpanInto(tokens, cue, s, e, counts, f);
  return f;
}

/** afterEndSpan written into f[0 ..), returning how many (one buffer for every candidate, see cueFeaturesInto). */
export function afterEndSpanInto(tokens: Token[], cue: number, s: number, e: number, counts: SpanCounts, f: number[]): number {
  const t = tokens[e];
  const n1 = at(tokens, e + 1, t);
  const d = bucket(e - s);
  const sents = Math.min(3, t.sentence - tokens[s].sentence);
  const commas = bucket(counts.commas[e + 1] - counts.commas[s]);
  const marks = (counts.marks[e + 1] - counts.marks[s]) % 2;
  const verbs = Math.min(2, counts.verbs[e + 1] - counts.verbs[s]);
  const conj = CONJ.has(n1) ? CONJ_ID : n1;
  f[0] = feature(T.aed, d);
  f[1] = feature(T.aesn, sents);
  f[2] = feature(T.aesnn1, sents, n1);
  f[3] = feature(T.aec, commas);
  f[4] = feature(T.aecn1, commas, conj);
  f[5] = feature(T.aem, marks, n1);
  f[6] = feature(T.aecue, cue, n1);
  f[7] = feature(T.aedn1, d, conj);
  f[8] = feature(T.aev, verbs);
  if (n1 === SENT || n1 === PARA) {
    f[9] = feature(T.aeend, sents);
    return 10;
  }
  return 9;
}

/** Content before its cue: the last token `e` of the content, a candidate shortly before the cue's first token `a`. */
export function beforeEndFeatures(tokens: Token[], cue: number, a: number, e: number): number[] {
  const f: number[] = [];
  beforeEndFeaturesInto(tokens, cue, a, e, f);
  return f;
}

/** beforeEndFeatures written into f[0 ..), returning how many. */
export function beforeEndFeaturesInto(tokens: Token[], cue: number, a: number, e: number, f: number[]): number {
  const t = tokens[e];
  const n1 = at(tokens, e + 1, t);
  const len = a - e - 1;
  let gap = len;
  if (len <= 4) {
    gap = 0x9e37;
    for (let k = e + 1; k < a; k++) gap = feature(gap, GAP_WORDS.has(tokens[k].id) ? tokens[k].id : tokens[k].shapeId);
  } else gap = 1000 + bucket(len);
  f[0] = feature(T.bew, t.id);
  f[1] = feature(T.ben1, n1);
  f[2] = feature(T.bewn1, t.id, n1);
  f[3] = feature(T.bed, bucket(len));
  f[4] = feature(T.begap, gap);
  f[5] = feature(T.becgap, cue, gap);
  f[6] = feature(T.beq, t.quoted ? 1 : 0, n1);
  f[7] = feature(T.besent, t.sentence === tokens[a].sentence ? 1 : 0);
  return 8;
}

/** Content before its cue: the first token `s` of content ending at `e` (both parts below). */
export function beforeStartFeatures(tokens: Token[], cue: number, s: number, e: number, counts: SpanCounts): number[] {
  return [...beforeStartAt(tokens, s), ...beforeStartSpan(tokens, cue, s, e, counts)];
}

/** The features of a start candidate that depend on its position only. */
export function beforeStartAt(tokens: Token[], s: number): number[] {
  const f: number[] = [];
  beforeStartAtInto(tokens, s, f);
  return f;
}

/** beforeStartAt written into f[0 ..), returning how many. */
export function beforeStartAtInto(tokens: Token[], s: number, f: number[]): number {
  const t = tokens[s];
  const prev = at(tokens, s - 1, t);
  f[0] = feature(T.bsw, t.id);
  f[1] = feature(T.bss, t.shapeId);
  f[2] = feature(T.bsp, prev);
  f[3] = feature(T.bspw, prev, t.shapeId);
  f[4] = feature(T.bsq, t.quoted ? 1 : 0, prev);
  return 5;
}

/** The features of a start candidate that depend on the span [s, e] and the cue. */
export function beforeStartSpan(tokens: Token[], cue: number, s: number, e: number, counts: SpanCounts): number[] {
  const f: number[] = [];
  beforeStartSpanInto(tokens, cue, s, e, counts, f);
  return f;
}

/** beforeStartSpan written into f[0 ..), returning how many (see afterEndSpanInto). */
export function beforeStartSpanInto(tokens: Token[], cue: number, s: number, e: number, counts: SpanCounts, f: number[]): number {
  const t = tokens[s];
  const prev = at(tokens, s - 1, t);
  const d = bucket(e - s);
  const sents = Math.min(3, tokens[e].sentence - t.sentence);
  const commas = bucket(counts.commas[e + 1] - counts.commas[s]);
  const pre = CONJ.has(prev) ? CONJ_ID : prev;
  f[0] = feature(T.bsd, d);
  f[1] = feature(T.bssn, sents);
  f[2] = feature(T.bssnp, sents, pre);
  f[3] = feature(T.bsc, commas, pre);
  f[4] = feature(T.bscue, cue, pre);
  return 5;
}

/** Prefix counts over the article's tokens, so a span's commas, quote marks and cue verbs cost O(1). */
export interface SpanCounts {
  commas: Int32Array;
  marks: Int32Array;
  verbs: Int32Array;
}

export function spanCounts(tokens: Token[]): SpanCounts {
  const n = tokens.length;
  const c: SpanCounts = { commas: new Int32Array(n + 1), marks: new Int32Array(n + 1), verbs: new Int32Array(n + 1) };
  for (let i = 0; i < n; i++) countToken(c, i, COUNTED.get(tokens[i].id) ?? 0);
  return c;
}

/** What spanCounts counts of a token, as bits (COUNTED_COMMA …): one look-up per token instead of three. */
export const COUNTED_COMMA = 1;
export const COUNTED_MARK = 2;
export const COUNTED_VERB = 4;
export const COUNTED = new Map<number, number>();
for (const id of QUOTE_MARKS) COUNTED.set(id, (COUNTED.get(id) ?? 0) | COUNTED_MARK);
for (const id of LEXICON) COUNTED.set(id, (COUNTED.get(id) ?? 0) | COUNTED_VERB);
COUNTED.set(COMMA, (COUNTED.get(COMMA) ?? 0) | COUNTED_COMMA);

/** Token i's prefix counts, from token i - 1's and its COUNTED bits. */
export function countToken(c: SpanCounts, i: number, bits: number): void {
  c.commas[i + 1] = c.commas[i] + (bits & COUNTED_COMMA);
  c.marks[i + 1] = c.marks[i] + ((bits & COUNTED_MARK) >> 1);
  c.verbs[i + 1] = c.verbs[i] + ((bits & COUNTED_VERB) >> 2);
}
