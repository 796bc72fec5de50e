import type { Span } from '../../ingest/types.ts';
import { subjectWords } from './speaker.ts';
import { NOT_AFTER_TITLE } from './title-stops.ts';
import { byPlace, WORDS, type Gaps, type Lite, type RawSpan, type SourceContext } from './source-context.ts';
import { candidateFeatures, statementFacts } from './source-features.ts';
import type { Candidate, CandidateKind, SourceQuery } from './source-types.ts';

// Candidate sources of one statement, for the learned source ranker (source-ranker.ts): the names,
// pronouns and descriptions of its sentence near the cue (source-context.ts), the noun phrases either
// side of the cue, and whatever span the speaker rules chose, each with its features (source-features.ts).

export type { Candidate, CandidateKind, SourceQuery } from './source-types.ts';
export { sourceContext, type SourceContext } from './source-context.ts';

/** A span not among a sentence's names, pronouns and descriptions (a phrase, the rules' choice). */
function rawSpan(ctx: SourceContext, start: number, end: number, kind: CandidateKind, sentence: number): Lite {
  return ctx.rawSpan(start, end, kind, sentence);
}
/** Candidates at most this many words before or after the cue (held-out train, all speaker F1: 0.745 with no limit, 0.747 with 12 and 8, 0.744 with 8 and 5). */
const WINDOW_BEFORE = 12;
const WINDOW_AFTER = 8;
/** The noun phrase right after a cue ("said Steve Duprey, …", "said Sen. Patty Murray."); not a prepositional phrase ("said on the same call"). */
const PHRASE_AFTER_CUE = new RegExp(String.raw`^\s+(?!(?:on|in|at|who|when|after|before|that|to|for|about|with|as|by|from)\s)((?:the |a |an )?[\p{L}\d’'.\- ]{1,60}?)${NOT_AFTER_TITLE}(?=[,.;:!?(“”"]|\s(?:on|in|at|who|when|after|before|that|to|for|about)\s|$)`, 'u');
const LEADING_FUNCTION = /^(?:(?:with|after|before|from|of|for|to|in|on|at|by|as|also|then)\s+)+/i;

/**
 * The last clause boundary before a cue: punctuation or a conjunction, relative or subordinator, as
 * the pattern /(?:[,;:()“”"—–]|\b(?:and|but|…|than)\b)\s*\/gi would find them (see afterLastBoundary);
 * the words are matched whole, in ASCII letters, in any case.
 */
const BOUNDARY_WORDS = new Set(['and', 'but', 'or', 'that', 'who', 'which', 'whom', 'when', 'after', 'before', 'because', 'as', 'while', 'if', 'since', 'although', 'though', 'where', 'than']);
const BOUNDARY_MARKS = new Set([...',;:()“”"—–'].map((c) => c.charCodeAt(0)));
/** `\w` of a regular expression without the u flag. */
const isRegexWord = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const SPACE_CHAR = /\s/;
const isRegexSpace = (c: number) => (c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE_CHAR.test(String.fromCharCode(c)));

/**
 * Where the last clause boundary in text[from, to) ends (its trailing spaces included), or
 * `from` when there is none: read backwards from `to`, since the last match is the last boundary
 * mark or boundary word (matches cannot hide one another: each is one mark or one whole word, and
 * the spaces after it).
 */
function afterLastBoundary(text: string, from: number, to: number): number {
  let end = -1;
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (BOUNDARY_MARKS.has(c)) {
      end = i + 1;
      break;
    }
    if (!isRegexWord(c)) continue;
    // A whole word (text[i + 1] is no word character, or the end): back to its first character.
    let j = i;
    while (j > from && isRegexWord(text.charCodeAt(j - 1))) j--;
    if (i + 1 - j >= 2 && i + 1 - j <= 8 && BOUNDARY_WORDS.has(text.slice(j, i + 1).toLowerCase())) {
      end = i + 1;
      break;
    }
    i = j;
  }
  if (end < 0) return from;
  while (end < to && isRegexSpace(text.charCodeAt(end))) end++;
  return end;
}

/** Titles and capitalised words before a sentence's opening name ("Florida Sen. Marco Rubio"). */
const OPENS_WITH = /^(?:[\p{Lu}][\p{L}’'.-]*\s+){0,4}$/u;

/**
 * The candidates for one statement: entity mentions, pronouns and descriptions in its sentence, the
 * noun phrases either side of its cue and the rule's span, each with its features. Deterministic, in
 * text order.
 */
export function sourceCandidates(ctx: SourceContext, q: SourceQuery): Candidate[] {
  const { text, sentences } = ctx;
  const sent = sentences[q.sentence];
  const base = ctx.spansOf(q.sentence);
  // The noun phrase right before the cue, back to a clause boundary ("some families said", "the
  // journalists are missing"), and the one right after it ("said Steve Duprey, …").
  const extras: Lite[] = [];
  if (q.layout !== 'DIRECT') {
    const start = afterLastBoundary(text, sent.start, q.anchor.start);
    const words = subjectWords(text.slice(start, q.anchor.start)).replace(LEADING_FUNCTION, '');
    if (words && words.split(/\s+/).length <= 8) {
      const at = text.indexOf(words, start);
      if (at >= 0) extras.push(rawSpan(ctx, at, at + words.length, 'phrase', q.sentence));
    }
    const rest = text.slice(q.anchor.end, Math.min(sent.end, q.anchor.end + 120));
    const m = PHRASE_AFTER_CUE.exec(rest);
    if (m && m[1].trim().split(/\s+/).length <= 8) {
      const at = q.anchor.end + m[0].indexOf(m[1]);
      extras.push(rawSpan(ctx, at, at + m[1].trim().length, 'phrase', q.sentence));
    }
  }
  const rule = q.rule;
  if (rule && !holdsSpan(base, rule) && !holdsSpan(extras, rule)) extras.push(rawSpan(ctx, rule.start, rule.end, 'rule', q.sentence));
  // Never a source: words inside a quotation (unless the rules chose them), the object of a verb before
  // the cue ("Pyongyang slams US Secretary …, claims …"; held-out train: all speaker F1 0.748 → 0.747).
  // Only the cue's neighbourhood: at most WINDOW words before it or after it (the rules' span always).
  const g0 = ctx.gapsOf(q.sentence);
  // The sentence's opening name stays a candidate however far its cue ("Florida Sen. Marco Rubio says
  // he feels … and is optimistic"; "Bush, Florida’s former governor, also attacked …, calling him").
  const opening = ctx.openingOf(q.sentence);
  const kept: RawSpan[] = [];
  // One candidate per span, in text order (a name the index and a description both found keeps the
  // name's kind): the sentence's list is sorted and unique already, the extras are merged into it.
  // (Loops, not closures: this runs per statement.)
  let lastStart = -1;
  let lastEnd = -1;
  if (extras.length > 1) extras.sort(byPlace);
  for (let i = 0, e = 0; i < base.length || e < extras.length; ) {
    const x = e < extras.length && (i >= base.length || byPlace(extras[e], base[i]) < 0) ? extras[e++] : base[i++];
    if (x.start === lastStart && x.end === lastEnd) continue;
    lastStart = x.start;
    lastEnd = x.end;
    if (!(sameSpan(x, rule) || nearAnchor(g0, q.anchor, x) || (opening >= 0 && x.end <= q.anchor.start && (x.kind === 'person' || x.kind === 'org') && x.start >= opening && OPENS_WITH.test(text.slice(opening, x.start))))) continue;
    const f = ctx.full(x);
    if (sameSpan(f, rule) || !(f.end <= q.anchor.start && (f.objectOfVerb || f.titledObject))) kept.push(f);
  }

  const facts = statementFacts(ctx, q, kept);
  return kept.map((x) => ({ start: x.start, end: x.end, kind: x.kind, features: candidateFeatures(ctx, q, facts, x) }));
}

/** Whether x is the span `rule` (none: never). */
const sameSpan = (x: Span, rule: Span | null) => rule !== null && x.start === rule.start && x.end === rule.end;

/** Whether a list holds the span `rule`. */
function holdsSpan(list: Span[], rule: Span): boolean {
  for (const x of list) if (x.start === rule.start && x.end === rule.end) return true;
  return false;
}

/** Words starting in [a, b) of a sentence, from its prefix sums; 0 outside it. */
function wordsBetween(g: Gaps, a: number, b: number): number {
  const w0 = WORDS * g.size;
  return a >= g.base && b - g.base < g.size && a <= b ? g.sums[w0 + b - g.base] - g.sums[w0 + a - g.base] : 0;
}

/** Whether a span lies at most WINDOW_BEFORE words before the anchor or WINDOW_AFTER after it (or over it). */
function nearAnchor(g: Gaps, anchor: Span, x: Span): boolean {
  return x.end <= anchor.start ? wordsBetween(g, x.end, anchor.start) <= WINDOW_BEFORE : x.start >= anchor.end ? wordsBetween(g, anchor.end, x.start) <= WINDOW_AFTER : true;
}

