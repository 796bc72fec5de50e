import type { Span } from '../../ingest/types.ts';
import type { Sentence } from '../sentences.ts';
import { feature, hashText } from './hashing.ts';
import { insertKind, leadsSentence, opensMainClause } from './source-layout.ts';
import { AND_BUT, CLAUSE, COMMA, KIND_ID, PUNCT, QUOTE, STOP, WORDS, type Gaps, type RawSpan, type SourceContext } from './source-context.ts';
import type { SourceQuery } from './source-types.ts';

// The features of a candidate source of one statement, for the learned ranker (source-ranker.ts):
// where it sits relative to the cue (or quotation), what lies between, the words on either side, and
// what the statements before it said.

const T = (name: string) => hashText(`source:${name}`);
const F = {
  bias: T('bias'),
  kindRel: T('kindRel'),
  dist: T('dist'),
  rule: T('rule'),
  according: T('according'),
  colon: T('colon'),
  prev: T('prev'),
  next: T('next'),
  poss: T('poss'),
  between: T('between'),
  cueWord: T('cueWord'),
  first: T('first'),
  order: T('order'),
  history: T('history'),
  lastSource: T('lastSource'),
  word: T('word'),
  inContent: T('inContent'),
  sameSentence: T('sameSentence'),
  adjacent: T('adjacent'),
  subjectOfCue: T('subjectOfCue'),
  afterCue: T('afterCue'),
  prep: T('prep'),
  mentions: T('mentions'),
  capital: T('capital'),
  object: T('object'),
  insert: T('insert'),
  lead: T('lead'),
};
const LAYOUT_ID = { DIRECT: 1, AFTER: 2, BEFORE: 3, AROUND: 4 } as const;

const bucket = (n: number) => (n <= 3 ? n : n <= 5 ? 4 : n <= 8 ? 5 : n <= 12 ? 6 : n <= 20 ? 7 : 8);

/** Whether [from, to) ends in a colon, perhaps with an opening quotation mark after it. */
function endsInColon(text: string, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from && /\s/.test(text[i])) i--;
  if (i >= from && (text[i] === '“' || text[i] === '"' || text[i] === '‘')) i--;
  while (i >= from && /\s/.test(text[i])) i--;
  return i >= from && text[i] === ':';
}

function wordsIn(text: string, from: number, to: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
    if (letter && !inWord) n++;
    inWord = letter;
  }
  return n;
}

const PREPOSITIONS = new Set(['of', 'by', 'to', 'with', 'for', 'about', 'on', 'against', 'at', 'from', 'in', 'into', 'over', 'than', 'toward', 'towards', 'under', 'between', 'among', 'like', 'as']);

/** What the features of every candidate of one statement share: computed once per statement. */
export interface StatementFacts {
  sent: Sentence;
  g: Gaps;
  layout: number;
  cueId: number;
  according: boolean;
  lastSource: Span | null;
  before: RawSpan[];
  after: RawSpan[];
  sentStartLead: number;
  leading: boolean;
}

export function statementFacts(ctx: SourceContext, q: SourceQuery, kept: RawSpan[]): StatementFacts {
  const { text } = ctx;
  const sent = ctx.sentences[q.sentence];
  const anchor = q.anchor;
  const g = ctx.gapsOf(q.sentence);
  const layout = LAYOUT_ID[q.layout];
  const cueId = hashText(q.cue.toLowerCase().split(/\s+/)[0] ?? '');
  const according = /^according/i.test(q.cue);
  const lastSource = q.history[q.history.length - 1] ?? null;
  const before = kept.filter((x) => x.end <= anchor.start);
  const after = kept.filter((x) => x.start >= anchor.end);
  const sentStartLead = ctx.openingOf(q.sentence) - sent.start;
  const leading = leadsSentence(text, sent.start, anchor.start, q.cue);
  return { sent, g, layout, cueId, according, lastSource, before, after, sentStartLead, leading };
}

/** Whether a statement before this one has a source written as these words. */
function inHistory(text: string, history: Span[], words: string): boolean {
  for (const h of history) if (h.end - h.start === words.length && text.startsWith(words, h.start)) return true;
  return false;
}

/**
 * What lies between a candidate and the cue, text[from, to) (sentence offsets a, b): a row of the
 * sentence's prefix sums when the gap lies in the sentence, else whether `re` finds any (1 or 0).
 */
function gapCount(text: string, g: Gaps, inSentence: boolean, a: number, b: number, row: number, re: RegExp, from: number, to: number): number {
  return inSentence ? g.sums[row * g.size + b] - g.sums[row * g.size + a] : re.test(text.slice(from, to)) ? 1 : 0;
}
const PUNCT_RE = /[,;:.“”"]/;
const COMMA_RE = /,/;
const STOP_RE = /[.!?]\s/;
const QUOTE_RE = /[“”"]/;
const CLAUSE_RE = /\b(?:that|who|which|whom|whose|when|after|because|if)\b/i;
const AND_BUT_RE = /\b(?:and|but)\b/i;

/** The features of one candidate source of a statement. */
export function candidateFeatures(ctx: SourceContext, q: SourceQuery, facts: StatementFacts, x: RawSpan): number[] {
  const { text } = ctx;
  const { sent, g, layout, cueId, according, lastSource, before, after, sentStartLead, leading } = facts;
  const anchor = q.anchor;
  const k = KIND_ID[x.kind];
  const rel = x.end <= anchor.start ? 1 : x.start >= anchor.end ? 2 : 3;
  const gapFrom = rel === 1 ? x.end : rel === 2 ? anchor.end : x.start;
  const gapTo = rel === 1 ? anchor.start : rel === 2 ? x.start : x.start;
  // Counts between candidate and cue: from the sentence's prefix sums when both lie in it.
  const a = gapFrom - g.base;
  const b = gapTo - g.base;
  const inSentence = a >= 0 && b <= g.size - 1 && a <= b;
  const words = inSentence ? g.sums[WORDS * g.size + b] - g.sums[WORDS * g.size + a] : wordsIn(text, gapFrom, gapTo);
  const punct = gapCount(text, g, inSentence, a, b, PUNCT, PUNCT_RE, gapFrom, gapTo) > 0;
  const order = rel === 1 ? before.length - 1 - before.indexOf(x) : rel === 2 ? after.indexOf(x) : 0;
  const sameSentence = x.start >= sent.start && x.end <= sent.end ? 1 : x.start < sent.start ? 0 : 2;
  const fs: number[] = [
    feature(F.bias, k),
    feature(F.kindRel, k, rel, layout),
    feature(F.dist, k, bucket(words), rel),
    feature(F.dist, 0, bucket(words), rel * 10 + layout),
    feature(F.order, k, Math.min(order, 3), rel),
    feature(F.sameSentence, k, sameSentence, rel),
    feature(F.cueWord, cueId, rel, k),
    feature(F.cueWord, cueId, rel, bucket(words)),
    feature(F.prev, x.prevId, rel),
    feature(F.prev, x.prevId, k),
    feature(F.next, x.nextId, rel),
    feature(F.next, x.nextId, k),
  ];
  if (PREPOSITIONS.has(x.prevWord)) fs.push(feature(F.prep, k, rel, layout));
  if (x.possessive) fs.push(feature(F.poss, k, rel));
  if (x.headId) fs.push(feature(F.word, x.headId, rel, layout));
  if (x.capital) fs.push(feature(F.capital, k, rel));
  if (q.rule) {
    const ov = Math.min(x.end, q.rule.end) - Math.max(x.start, q.rule.start);
    const r = x.start === q.rule.start && x.end === q.rule.end ? 1 : ov > 0 ? (x.start >= q.rule.start && x.end <= q.rule.end ? 2 : 3) : 4;
    fs.push(feature(F.rule, r, k), feature(F.rule, r, layout, 99), feature(F.rule, r, q.rulePath, 98));
  } else fs.push(feature(F.rule, 0, k));
  if (rel === 1 && words <= 3 && !punct) fs.push(feature(F.subjectOfCue, k, words, layout));
  if (rel === 2 && words <= 2 && !punct) fs.push(feature(F.afterCue, k, words, layout));
  if (according && rel === 2 && words <= 3) fs.push(feature(F.according, k, words));
  if (rel === 1 && endsInColon(text, gapFrom, gapTo)) fs.push(feature(F.colon, k, layout));
  const commas = gapCount(text, g, inSentence, a, b, COMMA, COMMA_RE, gapFrom, gapTo);
  fs.push(feature(F.between, commas > 0 ? 1 : 0, gapCount(text, g, inSentence, a, b, STOP, STOP_RE, gapFrom, gapTo) > 0 ? 1 : 0, rel), feature(F.between, gapCount(text, g, inSentence, a, b, QUOTE, QUOTE_RE, gapFrom, gapTo) > 0 ? 1 : 0, gapCount(text, g, inSentence, a, b, CLAUSE, CLAUSE_RE, gapFrom, gapTo) > 0 ? 1 : 0, rel + 10));
  if (gapCount(text, g, inSentence, a, b, AND_BUT, AND_BUT_RE, gapFrom, gapTo) > 0) fs.push(feature(F.between, 7, rel, k));
  if (x.start >= sent.start + sentStartLead && x.start <= sent.start + sentStartLead + 2) fs.push(feature(F.first, k, rel, layout));
  if (x.start >= q.content.start && x.end <= q.content.end) fs.push(feature(F.inContent, k, layout));
  if (lastSource && Math.min(lastSource.end, x.end) - Math.max(lastSource.start, x.start) > 0) fs.push(feature(F.lastSource, k, rel));
  if (x.kind === 'person' || x.kind === 'org') {
    fs.push(feature(F.mentions, k, Math.min(x.mentions, 6)));
    if (inHistory(text, q.history, x.own)) fs.push(feature(F.history, k, rel));
  }
  if (rel === 1 && words === 0) fs.push(feature(F.adjacent, k, layout));
  // The subject before an insert ("X, who …, said") or after a leading participle clause.
  if (rel === 1 && words > 3 && commas >= 2) {
    const kind = insertKind(text.slice(gapFrom, gapTo));
    if (kind) fs.push(feature(F.insert, k, kind));
  }
  if (leading && rel === 2 && words <= 40 && opensMainClause(text.slice(gapFrom, gapTo))) fs.push(feature(F.lead, k));
  // The object of a verb: a name right after "Subject verb" ("Pyongyang slams US Secretary …").
  if (x.objectOfVerb) fs.push(feature(F.object, k, rel));
  return fs;
}
