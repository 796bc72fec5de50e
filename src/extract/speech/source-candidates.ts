import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';
import type { Sentence } from '../sentences.ts';
import { feature, hashText } from './hashing.ts';
import { subjectWords } from './speaker.ts';
import { TITLE_WORDS } from '../lexicon.ts';
import { NOT_AFTER_TITLE } from './title-stops.ts';
import { insertKind, leadsSentence, opensMainClause } from './source-layout.ts';
import { firstStartingAt } from '../sorted-spans.ts';

// Candidate sources of one statement and their features, for the learned source ranker
// (source-ranker.ts). Candidates are the names the entity index found, pronouns, and descriptions
// ("the company", "a spokesman for the Kremlin", "analysts") around the statement, plus whatever
// span the speaker rules chose; features say where each sits relative to the cue (or quotation),
// what lies between, the words on either side, and what the statements before it said.

export type CandidateKind = 'person' | 'org' | 'place' | 'pronoun' | 'description' | 'phrase' | 'rule';

export interface Candidate extends Span {
  kind: CandidateKind;
  features: number[];
}

/** What the ranker knows about the statement whose source it looks for. */
export interface SourceQuery {
  /** The cue (reported speech) or the quotation (direct speech): positions are measured from it. */
  anchor: Span;
  content: Span;
  /** 'DIRECT' (a quotation attributed by the rules) or the learned content's direction. */
  layout: 'DIRECT' | 'AFTER' | 'BEFORE' | 'AROUND';
  cue: string;
  sentence: number;
  /** The span the speaker rules chose, if any, and how: 1 a participle's clause, 2 a second predicate of the statement before, 3 the layout rules, 4 the nearest name before. */
  rule: Span | null;
  rulePath: number;
  /** Source spans of the statements before this one in the article, in reading order. */
  history: Span[];
}

const PRONOUN_WORDS = new Set(['he', 'she', 'they', 'it', 'we', 'you', 'who', 'which', 'i']);
const HEADS = 'spokesperson|spokesman|spokeswoman|spokespeople|officials?|sources?|ministers?|ministry|agency|newspaper|paper|government|statement|diplomats?|embassy|aides?|advisers?|analysts?|police|army|military|reports?|officers?|lawyers?|attorneys?|experts?|president|leaders?|company|firm|party|group|committee|council|administration|campaign|department|court|study|survey|polls?|data|figures|critics|supporters|democrats|republicans|voters|residents|researchers|economists|chairman|chairwoman|chief|executive|director|secretary|senator|governor|candidate|nominee|team|club|manager|coach|union|bank|commission|board|authorities|prosecutors|investigators|witnesses|documents|letter|lawsuit|memo|website|book|article|magazine|network|observers|people|organi[sz]ation|institute|association|federation|regulator|watchdog|opposition|activists|protesters|organisers|organizers|insiders|executives|bosses|doctors|scientists|scholars|pollsters|strategists|operatives|officers|members|lawmakers|legislators|chancellor|premier|prime minister|mayor|judge|justice|prosecutor|ambassador|envoy|minister|boss|founder|owner|player|striker|midfielder|defender|keeper|star|singer|actor|band|label|studio|retailer|carrier|airline|maker|group'; // the head nouns a description of a source ends in
/** Words that end a description's modifiers: function words and the verbs of attribution. */
const NOT_MODIFIER = '(?:after|before|with|and|but|or|of|for|to|in|on|at|by|from|that|which|who|as|when|while|if|than|said|says|say|told|tells|slams|slammed|claims|claimed|is|was|are|were|be|been|has|have|had|will|would|could|should|may|might|did|does|do|not|no)';
/** A description ending in a head noun and going on to the organisation it belongs to ("a spokesman for the Kremlin"). */
const OF_ORG = /^\s+(?:for|of|at|from|with|in)\s+(?:the\s+)?/i;

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
const KIND_ID: Record<CandidateKind, number> = { person: 1, org: 2, place: 3, pronoun: 4, description: 5, rule: 6, phrase: 7 };
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

/** A candidate span as found, before its statement-independent facts are computed. */
interface Lite extends Span {
  kind: CandidateKind;
  /** Mentions of the entity (names only). */
  mentions: number;
  sentence: number;
  /** Its statement-independent features once computed (see SourceContext.full). */
  full: RawSpan | null;
}

interface RawSpan extends Lite {
  /** What does not depend on the statement, computed once per article: neighbouring words, shape. */
  prevWord: string;
  prevId: number;
  nextId: number;
  headId: number;
  own: string;
  capital: boolean;
  possessive: boolean;
  objectOfVerb: boolean;
  /** The object of a verb written with its titles ("slams US Secretary of State Mike Pompeo"). */
  titledObject: boolean;
}

const HEAD_WORDS = new Set(HEADS.replace(/organi\[sz\]ation/, 'organisation|organization').split('|').flatMap((h) => (h.endsWith('s?') ? [h.slice(0, -2), h.slice(0, -1)] : [h.split(' ').pop()!])));
const NOT_MODIFIER_WORDS = new Set(NOT_MODIFIER.slice(3, -1).split('|'));
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'one', 'some', 'several', 'many', 'two', 'three', 'four', 'other', 'senior', 'top', 'most', 'both', 'all']);
const WORD = /[\p{L}’'-]+/gu;

/** Per article: each sentence's names, pronouns and descriptions with what they carry, computed once. */
export interface SourceContext {
  text: string;
  sentences: Sentence[];
  /** A sentence's names, pronouns and descriptions sorted as candidates are, one per span (see `sortedUnique`). */
  spansOf(sentence: number): Lite[];
  /** Where a sentence's first word starts, past a connective and "The" (see `openingWord`). */
  openingOf(sentence: number): number;
  /** A span's features that do not depend on the statement, computed once. */
  full(x: Lite): RawSpan;
  /** Counts of what lies between two positions of a sentence, from prefix sums (see `gapCounts`). */
  gapsOf(sentence: number): Gaps;
  rawSpan(start: number, end: number, kind: CandidateKind, sentence: number): Lite;
}

/** Prefix sums over a sentence's characters: what a gap between a candidate and the cue holds. */
interface Gaps {
  base: number;
  /** Positions per row: the sentence's length + 1. */
  size: number;
  /** The rows below one after another (one typed array per sentence: one each cost more than the counting). */
  sums: Int32Array;
}

/** Rows of Gaps.sums: , ; : . and quotation marks; commas; quotation marks; . ! ? followed by a space. */
const PUNCT = 0;
const COMMA = 1;
const QUOTE = 2;
const STOP = 3;
/** Words; that, who, which, whom, whose, when, after, because, if; and, but. */
const WORDS = 4;
const CLAUSE = 5;
const AND_BUT = 6;

const CLAUSE_WORDS = new Set(['that', 'who', 'which', 'whom', 'whose', 'when', 'after', 'because', 'if']);

interface Word extends Span {
  lower: string;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 160;

const UPPER = /^[\p{Lu}]/u;
/** UPPER.test(text[i]) without the pattern for ASCII (every word's first character is tested). */
const upperAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(text[i]);
};

/** A sentence's words (letters, apostrophes and hyphens) and the prefix sums of what lies between positions. */
function wordsAndGaps(text: string, sent: Sentence, sums: Int32Array): { words: Word[]; gaps: Gaps } {
  const n = sent.end - sent.start;
  const size = n + 1;
  const words: Word[] = [];
  // A word starting at i is marked at i + 1 of its rows, which the sums below then carry forward.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sent.text); m; m = WORD.exec(sent.text)) {
    const lower = m[0].toLowerCase();
    words.push({ start: sent.start + m.index, end: sent.start + m.index + m[0].length, lower });
    sums[WORDS * size + m.index + 1] = 1;
    if (CLAUSE_WORDS.has(lower)) sums[CLAUSE * size + m.index + 1] = 1;
    if (lower === 'and' || lower === 'but') sums[AND_BUT * size + m.index + 1] = 1;
  }
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(sent.start + i);
    const quote = c === 0x201c || c === 0x201d || c === 34;
    sums[PUNCT * size + i + 1] = sums[PUNCT * size + i] + (c === 44 || c === 59 || c === 58 || c === 46 || quote ? 1 : 0);
    sums[COMMA * size + i + 1] = sums[COMMA * size + i] + (c === 44 ? 1 : 0);
    sums[QUOTE * size + i + 1] = sums[QUOTE * size + i] + (quote ? 1 : 0);
    sums[STOP * size + i + 1] = sums[STOP * size + i] + ((c === 46 || c === 33 || c === 63) && isSpace(text.charCodeAt(sent.start + i + 1)) ? 1 : 0);
    sums[WORDS * size + i + 1] += sums[WORDS * size + i];
    sums[CLAUSE * size + i + 1] += sums[CLAUSE * size + i];
    sums[AND_BUT * size + i + 1] += sums[AND_BUT * size + i];
  }
  const g: Gaps = { base: sent.start, size, sums };
  return { words, gaps: g };
}

/** Where a word's first apostrophe (’ or ') is, -1 without one: w.search(/[’']/) without the pattern, asked of every word. */
function apostropheAt(w: string): number {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 0x2019 || c === 39) return i;
  }
  return -1;
}

/**
 * Whether word `w` may modify a description's head: not a head itself ("the ministry denounced US
 * Secretary …" stops before "ministry"), nor a verb in -ed right after a noun or name (the subject's verb).
 */
function modifier(text: string, words: Word[], w: number): boolean {
  const x = words[w].lower;
  if (NOT_MODIFIER_WORDS.has(x) || DETERMINERS.has(x) || HEAD_WORDS.has(x)) return false;
  if (x.endsWith('ed') && text[words[w].start] !== text[words[w].start].toUpperCase() && w > 0 && (HEAD_WORDS.has(words[w - 1].lower) || upperAt(text, words[w - 1].start))) return false;
  return true;
}

const VERBISH = /^(?:[a-z]+(?:s|ed)|met|told|hit|beat|called|urged|accused)$/;
const ARTICLES = new Set(['the', 'a', 'an']);

/** Spans of a list sorted by start that lie inside [from, to). */
function inRange<T extends Span>(list: T[], from: number, to: number): T[] {
  const lo = firstStartingAt(list, from);
  const out: T[] = [];
  for (let i = lo; i < list.length && list[i].start < to; i++) if (list[i].end <= to) out.push(list[i]);
  return out;
}

export function sourceContext(text: string, sentences: Sentence[], index: EntityIndexLocal, quotes: Span[]): SourceContext {
  const cache = new Map<number, Lite[]>();
  const openings = new Map<number, number>();
  const info = new Map<number, { words: Word[]; gaps: Gaps }>();
  // The sentences' prefix sums share one zeroed buffer, allocated on first use: a typed array of its
  // own per sentence (a backing store each) cost more than all the counting.
  let gapBuffer: ArrayBuffer | null = null;
  let gapOffsets: number[] = [];
  const infoOf = (si: number) => {
    let x = info.get(si);
    if (!x) {
      if (!gapBuffer) {
        let total = 0;
        gapOffsets = sentences.map((sent) => {
          const at = total;
          total += 7 * (sent.end - sent.start + 1);
          return at;
        });
        gapBuffer = new ArrayBuffer(4 * total);
      }
      const sent = sentences[si];
      info.set(si, (x = wordsAndGaps(text, sent, new Int32Array(gapBuffer, 4 * gapOffsets[si], 7 * (sent.end - sent.start + 1)))));
    }
    return x;
  };
  const quoted = (x: Span) => quotes.some((qq) => qq.start <= x.start && x.end <= qq.end);
  const joined = (a: Word, b: Word) => {
    for (let i = a.end; i < b.start; i++) if (!isSpace(text.charCodeAt(i))) return false;
    return a.end < b.start;
  };
  const full = (x: Lite): RawSpan => (x.full ??= raw(x.start, x.end, x.kind, x.mentions, x.sentence));
  const raw = (start: number, end: number, kind: CandidateKind, mentions: number, si: number): RawSpan => {
    const { words } = infoOf(si);
    const k = firstStartingAt(words, start);
    // The word before, past an article ("with the Beatles" → "with"); the word after.
    let p = k - 1;
    if (p >= 0 && ARTICLES.has(words[p].lower)) p--;
    const prevWord = p >= 0 ? words[p].lower : '';
    const e = firstStartingAt(words, end);
    const nextWord = e < words.length ? words[e].lower : '';
    const own = text.slice(start, end);
    let head = '';
    if (kind === 'pronoun' || kind === 'description' || kind === 'phrase') {
      const last = e - 1;
      head = last >= 0 && words[last].end <= end ? words[last].lower : own.toLowerCase();
    }
    // The object of a verb: "Capitalised verb [article] candidate" ("Pyongyang slams US Secretary").
    let v = k - 1;
    if (v >= 0 && ARTICLES.has(words[v].lower) && joined(words[v], words[k] ?? words[v])) v--;
    const objectOfVerb = v >= 1 && VERBISH.test(words[v].lower) && upperAt(text, words[v - 1].start) && joined(words[v - 1], words[v]) && (k < words.length ? joined(words[v], words[v + 1]) : false);
    // Past the titles the name is written with, when there are any.
    let t = k - 1;
    let titled = false;
    for (let n = 0; n < 6 && t >= 2 && joined(words[t], words[t + 1] ?? words[t]) && (upperAt(text, words[t].start) || words[t].lower === 'of'); n++) titled = TITLE_WORDS.has(text.slice(words[t].start, words[t--].end)) || titled;
    const titledObject = titled && t >= 1 && VERBISH.test(words[t].lower) && upperAt(text, words[t - 1].start) && joined(words[t - 1], words[t]) && joined(words[t], words[t + 1]);
    const c0 = text.charCodeAt(start);
    const next = text[end];
    return {
      start, end, kind, mentions, sentence: si, full: null, prevWord, own,
      prevId: hashText(prevWord),
      nextId: hashText(nextWord),
      headId: head ? hashText(head) : 0,
      capital: c0 >= 65 && c0 <= 90 ? true : c0 > 127 ? /^[\p{Lu}]/u.test(own) : false,
      possessive: (next === '’' || next === "'") && (text[end + 1] === 's' || text[end + 1] === undefined || !/\p{L}/u.test(text[end + 1])),
      objectOfVerb,
      titledObject,
    };
  };
  const spansOf = (si: number): Lite[] => {
    const hit = cache.get(si);
    if (hit) return hit;
    const sent = sentences[si];
    const { words } = infoOf(si);
    const found: { start: number; end: number; kind: CandidateKind; mentions: number }[] = [];
    for (const p of inRange(index.personSpans, sent.start, sent.end)) found.push({ start: p.start, end: p.end, kind: 'person', mentions: p.person.mentions.length });
    for (const o of inRange(index.orgSpans, sent.start, sent.end)) found.push({ start: o.start, end: o.end, kind: 'org', mentions: o.org.mentions.length });
    for (const p of inRange(index.placeSpans, sent.start, sent.end)) found.push({ start: p.start, end: p.end, kind: 'place', mentions: 0 });
    for (const w of words) {
      // "he’s", "they're": the pronoun before the apostrophe.
      const cut = apostropheAt(w.lower);
      const lower = cut > 0 ? w.lower.slice(0, cut) : w.lower;
      if (PRONOUN_WORDS.has(lower) && (lower !== 'i' || text[w.start] === 'I')) found.push({ start: w.start, end: w.start + lower.length, kind: 'pronoun', mentions: 0 });
    }
    // Descriptions: a head noun, up to three modifiers before it that are not function words or
    // verbs, and a determiner; "a spokesman for the Kremlin" runs on to the name right after it.
    for (let i = 0; i < words.length; i++) {
      if (!HEAD_WORDS.has(words[i].lower)) continue;
      let j = i;
      for (let n = 0; n < 3 && j > 0 && joined(words[j - 1], words[j]) && modifier(text, words, j - 1); n++) j--;
      if (j > 0 && joined(words[j - 1], words[j]) && DETERMINERS.has(words[j - 1].lower)) j--;
      let end = words[i].end;
      const of = OF_ORG.exec(text.slice(end, end + 12));
      if (of) {
        const at = end + of[0].length;
        const named = found.find((x) => (x.kind === 'org' || x.kind === 'place' || x.kind === 'person') && x.start === at);
        if (named) end = named.end;
      }
      found.push({ start: words[j].start, end, kind: 'description', mentions: 0 });
    }
    const out = sortedUnique(found.filter((x) => !quoted(x)).map((x): Lite => ({ start: x.start, end: x.end, kind: x.kind, mentions: x.mentions, sentence: si, full: null })));
    cache.set(si, out);
    return out;
  };
  const openingOf = (si: number): number => {
    let at = openings.get(si);
    if (at === undefined) openings.set(si, (at = openingWord(text, sentences[si])));
    return at;
  };
  return { text, sentences, spansOf, openingOf, full, gapsOf: (si) => infoOf(si).gaps, rawSpan: (start, end, kind, si) => ({ start, end, kind, mentions: 0, sentence: si, full: null }) };
}

/** Candidates in text order: by start, end, then kind (a name before a description of the same words). */
const byPlace = (a: Lite, b: Lite) => a.start - b.start || a.end - b.end || KIND_ID[a.kind] - KIND_ID[b.kind];

/** Sorted by place, the first of each span kept (the sort is stable): a sentence's list, sorted once. */
function sortedUnique(spans: Lite[]): Lite[] {
  spans.sort(byPlace);
  return spans.filter((x, i) => i === 0 || x.start !== spans[i - 1].start || x.end !== spans[i - 1].end);
}

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

/** Where a sentence's first word starts, past a connective ("But", "And") and "The". */
function openingWord(text: string, sent: Sentence): number {
  return sent.start + /^\s*(?:(?:But|And|So|Then|Meanwhile|Still|Later|Earlier|However|Instead|The|A|An),?\s+)?/.exec(sent.text)![0].length;
}

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

/** What the features of every candidate of one statement share: computed once per statement. */
interface StatementFacts {
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

function statementFacts(ctx: SourceContext, q: SourceQuery, kept: RawSpan[]): StatementFacts {
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
function candidateFeatures(ctx: SourceContext, q: SourceQuery, facts: StatementFacts, x: RawSpan): number[] {
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
