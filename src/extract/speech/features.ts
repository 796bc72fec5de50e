import { SPEECH_VERBS, THOUGHT_VERBS } from '../lexicon.ts';
import type { Token } from './tokens.ts';

/**
 * Feature templates shared by training and extraction: the same function computes them in both, so a
 * model can never see features at run time it was not trained on. Names are short: they are the keys
 * of the committed weights.
 */

const LEXICON = new Set(`${SPEECH_VERBS}|${THOUGHT_VERBS}`.split('|').filter((w) => !w.includes(' ')));

/** Coarse word shape: capitalised, lower, all caps, number, punctuation. */
export function shape(t: string): string {
  const c = t.charCodeAt(0);
  if (/^\p{Lu}/u.test(t)) return t.length > 1 && t === t.toUpperCase() ? 'X' : 'Xx';
  if (/^\p{Ll}/u.test(t)) return 'x';
  if (c >= 48 && c <= 57) return 'd';
  return t;
}

/** Distance buckets: exact up to 3, then widening ranges. */
export function bucket(n: number): string {
  if (n <= 3) return String(n);
  if (n <= 5) return '4-5';
  if (n <= 10) return '6-10';
  if (n <= 20) return '11-20';
  if (n <= 40) return '21-40';
  return '41+';
}

const OPEN = new Set(['“', '"', '‘']);
const CLOSE = new Set(['”', '"', '’']);

/** The token at `i`, or a marker for the edge of the sentence or paragraph. */
function at(tokens: Token[], i: number, from: Token): string {
  const t = tokens[i];
  if (!t) return '<p>';
  if (t.paragraph !== from.paragraph) return '<p>';
  if (t.sentence !== from.sentence) return '<s>';
  return t.lower;
}

/** Is token `i` part of an attribution cue (said, according to, told reporters, a colon after a speaker)? */
export function cueFeatures(tokens: Token[], i: number, prevTag: string): string[] {
  const t = tokens[i];
  const w = t.lower;
  const p1 = at(tokens, i - 1, t);
  const p2 = at(tokens, i - 2, t);
  const n1 = at(tokens, i + 1, t);
  const n2 = at(tokens, i + 2, t);
  const f = [
    'b',
    `w=${w}`,
    `s=${shape(t.text)}`,
    `x3=${w.slice(-3)}`,
    `p1=${p1}`,
    `p2=${p2}`,
    `n1=${n1}`,
    `n2=${n2}`,
    `p1w=${p1}|${w}`,
    `wn1=${w}|${n1}`,
    `p2p1w=${p2}|${p1}|${w}`,
    `wn1n2=${w}|${n1}|${n2}`,
    `ps=${tokens[i - 1] ? shape(tokens[i - 1].text) : '<p>'}|${shape(t.text)}`,
    `ns=${shape(t.text)}|${tokens[i + 1] ? shape(tokens[i + 1].text) : '<p>'}`,
    `t=${prevTag}`,
    `tw=${prevTag}|${w}`,
    `q=${t.quoted ? 1 : 0}`,
    `qw=${t.quoted ? 1 : 0}|${w}`,
  ];
  if (LEXICON.has(w)) f.push('lex', `lexn1=${n1}`, `lexp1=${p1 === ',' || CLOSE.has(p1) ? 'c' : shape(p1)}`);
  if (OPEN.has(n1) || OPEN.has(n2)) f.push(`qnext|${w}`);
  if (CLOSE.has(p1) || CLOSE.has(p2)) f.push(`qprev|${w}`);
  return f;
}

/** Where the content lies relative to its cue: after it, before it, or around it (a quotation split by it). */
export function directionFeatures(tokens: Token[], a: number, b: number, sentFirst: number, sentLast: number): string[] {
  const cue = tokens.slice(a, b + 1).map((t) => t.lower).join(' ');
  const t = tokens[a];
  const p1 = at(tokens, a - 1, t);
  const p2 = at(tokens, a - 2, t);
  const n1 = at(tokens, b + 1, tokens[b]);
  const n2 = at(tokens, b + 2, tokens[b]);
  const before = bucket(a - sentFirst);
  const after = bucket(sentLast - b);
  return ['b', `c=${cue}`, `p1=${p1}`, `p2=${p2}`, `n1=${n1}`, `n2=${n2}`, `cn1=${cue}|${n1}`, `p1c=${p1}|${cue}`, `bf=${before}`, `af=${after}`, `bfaf=${before}|${after}`, `cbf=${cue}|${before}`, `caf=${cue}|${after}`, `p1n1=${p1}|${n1}`];
}

function count(tokens: Token[], from: number, to: number, set: Set<string>): number {
  let n = 0;
  for (let k = from; k <= to; k++) if (set.has(tokens[k].lower)) n++;
  return n;
}

const COMMA = new Set([',']);
const QUOTE_MARKS = new Set(['“', '”', '"']);
const CONJ = new Set(['but', 'and', 'while', 'as', 'because', 'although', 'though', 'which', 'who', 'when', 'after', 'before', 'if', 'since']);

/** Content after its cue: the first token of the content, a candidate `s` a few tokens after the cue end `b`. */
export function afterStartFeatures(tokens: Token[], cue: string, b: number, s: number): string[] {
  const t = tokens[s];
  const prev = at(tokens, s - 1, t);
  const d = bucket(s - b - 1);
  return [`as.w=${t.lower}`, `as.s=${shape(t.text)}`, `as.p=${prev}`, `as.d=${d}`, `as.cd=${cue}|${d}`, `as.pw=${prev}|${t.lower}`, `as.dp=${d}|${prev}`, `as.q=${t.quoted ? 1 : 0}|${d}`];
}

/** Content after its cue: the last token `e` of content starting at `s`. */
export function afterEndFeatures(tokens: Token[], cue: string, s: number, e: number): string[] {
  const t = tokens[e];
  const n1 = at(tokens, e + 1, t);
  const n2 = at(tokens, e + 2, t);
  const d = bucket(e - s);
  const sents = Math.min(3, t.sentence - tokens[s].sentence);
  const commas = bucket(count(tokens, s, e, COMMA));
  const marks = count(tokens, s, e, QUOTE_MARKS) % 2;
  const conj = CONJ.has(n1) ? 'conj' : n1;
  const f = [`ae.w=${t.lower}`, `ae.n1=${n1}`, `ae.n2=${n2}`, `ae.wn1=${t.lower}|${n1}`, `ae.n1n2=${n1}|${n2}`, `ae.d=${d}`, `ae.sn=${sents}`, `ae.snn1=${sents}|${n1}`, `ae.c=${commas}`, `ae.cn1=${commas}|${conj}`, `ae.m=${marks}|${n1}`, `ae.cue=${cue}|${n1}`, `ae.dn1=${d}|${conj}`, `ae.q=${t.quoted ? 1 : 0}|${tokens[e + 1]?.quoted ? 1 : 0}`];
  if (n1 === '<s>' || n1 === '<p>') f.push(`ae.end=${sents}`);
  // Another cue verb inside the span: often the start of a second statement or a nested one.
  let verbs = 0;
  for (let k = s; k <= e; k++) if (LEXICON.has(tokens[k].lower)) verbs++;
  f.push(`ae.v=${Math.min(verbs, 2)}`);
  return f;
}

/** Content before its cue: the last token `e` of the content, a candidate shortly before the cue start `a`. */
export function beforeEndFeatures(tokens: Token[], cue: string, a: number, e: number): string[] {
  const t = tokens[e];
  const n1 = at(tokens, e + 1, t);
  const gap = tokens.slice(e + 1, a);
  const gapShape = gap.length <= 4 ? gap.map((g) => (/^(?:he|she|they|it|i|we|the|a|an|,|”|"|’)$/.test(g.lower) ? g.lower : shape(g.text))).join(' ') : `long${bucket(gap.length)}`;
  const d = bucket(a - e - 1);
  return [`be.w=${t.lower}`, `be.n1=${n1}`, `be.wn1=${t.lower}|${n1}`, `be.d=${d}`, `be.gap=${gapShape}`, `be.cgap=${cue}|${gapShape}`, `be.q=${t.quoted ? 1 : 0}|${n1}`, `be.sent=${t.sentence === tokens[a].sentence ? 1 : 0}`];
}

/** Content before its cue: the first token `s` of content ending at `e`. */
export function beforeStartFeatures(tokens: Token[], cue: string, s: number, e: number): string[] {
  const t = tokens[s];
  const prev = at(tokens, s - 1, t);
  const d = bucket(e - s);
  const sents = Math.min(3, tokens[e].sentence - t.sentence);
  const commas = bucket(count(tokens, s, e, COMMA));
  const pre = CONJ.has(prev) ? 'conj' : prev;
  return [`bs.w=${t.lower}`, `bs.s=${shape(t.text)}`, `bs.p=${prev}`, `bs.pw=${prev}|${shape(t.text)}`, `bs.d=${d}`, `bs.sn=${sents}`, `bs.snp=${sents}|${pre}`, `bs.c=${commas}|${pre}`, `bs.cue=${cue}|${pre}`, `bs.q=${t.quoted ? 1 : 0}|${prev}`];
}
