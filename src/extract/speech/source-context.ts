import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';
import type { Sentence } from '../sentences.ts';
import { hashText } from './hashing.ts';
import { TITLE_WORDS } from '../lexicon.ts';
import { firstStartingAt } from '../sorted-spans.ts';
import type { CandidateKind } from './source-types.ts';

// Per article, once: each sentence's candidate sources (the names the entity index found, pronouns,
// descriptions such as "the company" or "a spokesman for the Kremlin"), what each carries whatever
// the statement (neighbouring words, shape, being a verb's object), and prefix sums of what lies
// between positions of a sentence, which the features read (source-features.ts).

const PRONOUN_WORDS = new Set(['he', 'she', 'they', 'it', 'we', 'you', 'who', 'which', 'i']);
const HEADS = 'spokesperson|spokesman|spokeswoman|spokespeople|officials?|sources?|ministers?|ministry|agency|newspaper|paper|government|statement|diplomats?|embassy|aides?|advisers?|analysts?|police|army|military|reports?|officers?|lawyers?|attorneys?|experts?|president|leaders?|company|firm|party|group|committee|council|administration|campaign|department|court|study|survey|polls?|data|figures|critics|supporters|democrats|republicans|voters|residents|researchers|economists|chairman|chairwoman|chief|executive|director|secretary|senator|governor|candidate|nominee|team|club|manager|coach|union|bank|commission|board|authorities|prosecutors|investigators|witnesses|documents|letter|lawsuit|memo|website|book|article|magazine|network|observers|people|organi[sz]ation|institute|association|federation|regulator|watchdog|opposition|activists|protesters|organisers|organizers|insiders|executives|bosses|doctors|scientists|scholars|pollsters|strategists|operatives|officers|members|lawmakers|legislators|chancellor|premier|prime minister|mayor|judge|justice|prosecutor|ambassador|envoy|minister|boss|founder|owner|player|striker|midfielder|defender|keeper|star|singer|actor|band|label|studio|retailer|carrier|airline|maker|group'; // the head nouns a description of a source ends in
/** Words that end a description's modifiers: function words and the verbs of attribution. */
const NOT_MODIFIER = '(?:after|before|with|and|but|or|of|for|to|in|on|at|by|from|that|which|who|as|when|while|if|than|said|says|say|told|tells|slams|slammed|claims|claimed|is|was|are|were|be|been|has|have|had|will|would|could|should|may|might|did|does|do|not|no)';
/** A description ending in a head noun and going on to the organisation it belongs to ("a spokesman for the Kremlin"). */
const OF_ORG = /^\s+(?:for|of|at|from|with|in)\s+(?:the\s+)?/i;

/** A candidate kind's number in features and in the sort order. */
export const KIND_ID: Record<CandidateKind, number> = { person: 1, org: 2, place: 3, pronoun: 4, description: 5, rule: 6, phrase: 7 };

/** A candidate span as found, before its statement-independent facts are computed. */
export interface Lite extends Span {
  kind: CandidateKind;
  /** Mentions of the entity (names only). */
  mentions: number;
  sentence: number;
  /** Its statement-independent features once computed (see SourceContext.full). */
  full: RawSpan | null;
}

export interface RawSpan extends Lite {
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
export interface Gaps {
  base: number;
  /** Positions per row: the sentence's length + 1. */
  size: number;
  /** The rows below one after another (one typed array per sentence: one each cost more than the counting). */
  sums: Int32Array;
}

/** Rows of Gaps.sums: , ; : . and quotation marks; commas; quotation marks; . ! ? followed by a space. */
export const PUNCT = 0;
export const COMMA = 1;
export const QUOTE = 2;
export const STOP = 3;
/** Words; that, who, which, whom, whose, when, after, because, if; and, but. */
export const WORDS = 4;
export const CLAUSE = 5;
export const AND_BUT = 6;

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

/** The per-article context of the source step: every sentence's candidate spans and prefix sums, made on first use. */
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
export const byPlace = (a: Lite, b: Lite) => a.start - b.start || a.end - b.end || KIND_ID[a.kind] - KIND_ID[b.kind];

/** Sorted by place, the first of each span kept (the sort is stable): a sentence's list, sorted once. */
function sortedUnique(spans: Lite[]): Lite[] {
  spans.sort(byPlace);
  return spans.filter((x, i) => i === 0 || x.start !== spans[i - 1].start || x.end !== spans[i - 1].end);
}



/** Where a sentence's first word starts, past a connective ("But", "And") and "The". */
function openingWord(text: string, sent: Sentence): number {
  return sent.start + /^\s*(?:(?:But|And|So|Then|Meanwhile|Still|Later|Earlier|However|Instead|The|A|An),?\s+)?/.exec(sent.text)![0].length;
}
