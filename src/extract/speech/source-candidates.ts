import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';
import type { Sentence } from '../sentences.ts';
import { feature, hashText } from './hashing.ts';
import { subjectWords } from './speaker.ts';

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

const PRONOUN = /\b(?:he|she|they|it|we|you|who|He|She|They|It|We|You|I)\b/g;
const HEADS = 'spokesperson|spokesman|spokeswoman|spokespeople|officials?|sources?|ministers?|ministry|agency|newspaper|paper|government|statement|diplomats?|embassy|aides?|advisers?|analysts?|police|army|military|reports?|officers?|lawyers?|attorneys?|experts?|president|leaders?|company|firm|party|group|committee|council|administration|campaign|department|court|study|survey|polls?|data|figures|critics|supporters|democrats|republicans|voters|residents|researchers|economists|chairman|chairwoman|chief|executive|director|secretary|senator|governor|candidate|nominee|team|club|manager|coach|union|bank|commission|board|authorities|prosecutors|investigators|witnesses|documents|letter|lawsuit|memo|website|book|article|magazine|network|observers|people|organi[sz]ation|institute|association|federation|regulator|watchdog|opposition|activists|protesters|organisers|organizers|insiders|executives|bosses|doctors|scientists|scholars|pollsters|strategists|operatives|officers|members|lawmakers|legislators|chancellor|premier|prime minister|mayor|judge|justice|prosecutor|ambassador|envoy|minister|boss|founder|owner|player|striker|midfielder|defender|keeper|star|singer|actor|band|label|studio|retailer|carrier|airline|maker|group'; // the head nouns a description of a source ends in
/** Words that end a description's modifiers: function words and the verbs of attribution. */
const NOT_MODIFIER = '(?:after|before|with|and|but|or|of|for|to|in|on|at|by|from|that|which|who|as|when|while|if|than|said|says|say|told|tells|slams|slammed|claims|claimed|is|was|are|were|be|been|has|have|had|will|would|could|should|may|might|did|does|do|not|no)';
const DESCRIPTION = new RegExp(`\\b(?:(?:the|a|an|this|that|these|those|his|her|its|their|our|one|some|several|many|two|three|four|other|senior|top|most|both|all)\\s+)?(?:(?!${NOT_MODIFIER}\\b)[\\p{L}’'-]+\\s+){0,3}?(?:${HEADS})\\b`, 'giu');
/** A description ending in a head noun and going on to the organisation it belongs to ("a spokesman for the Kremlin"). */
const OF_ORG = /^\s+(?:for|of|at|from|with|in)\s+(?:the\s+)?/i;

/** The last clause boundary before a cue: punctuation or a conjunction, relative or subordinator. */
const PHRASE_BOUNDARY = /(?:[,;:()“”"—–]|\b(?:and|but|or|that|who|which|whom|when|after|before|because|as|while|if|since|although|though|where|than)\b)(?![^]*(?:[,;:()“”"—–]|\b(?:and|but|or|that|who|which|whom|when|after|before|because|as|while|if|since|although|though|where|than)\b))\s*/i;
/** "Name verb " or "Name verb the " right before a candidate: the candidate is that verb's object. */
const OBJECT_OF_VERB = /(?:^|[\s(])[\p{Lu}][\p{L}’'.-]*\s+(?:[a-z]+(?:s|ed)|met|told|hit|beat|called|urged|accused)\s+(?:the\s+|a\s+|an\s+)?$/u;
const LEADING_FUNCTION = /^(?:(?:with|after|before|from|of|for|to|in|on|at|by|as|also|then)\s+)+/i;
const anchor0 = (q: Omit<SourceQuery, 'history'>) => q.anchor;

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
  inQuote: T('inQuote'),
  inContent: T('inContent'),
  sameSentence: T('sameSentence'),
  adjacent: T('adjacent'),
  subjectOfCue: T('subjectOfCue'),
  afterCue: T('afterCue'),
  prep: T('prep'),
  mentions: T('mentions'),
  capital: T('capital'),
  object: T('object'),
};
const KIND_ID: Record<CandidateKind, number> = { person: 1, org: 2, place: 3, pronoun: 4, description: 5, rule: 6, phrase: 7 };
const LAYOUT_ID = { DIRECT: 1, AFTER: 2, BEFORE: 3, AROUND: 4 } as const;

const bucket = (n: number) => (n <= 3 ? n : n <= 5 ? 4 : n <= 8 ? 5 : n <= 12 ? 6 : n <= 20 ? 7 : 8);

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

/** The word before a candidate, past an article ("with the Beatles" → "with"). */
const PREV_WORD = /([\p{L}’']+)[^\p{L}]*(?:(?:the|a|an)\s+)?$/u;
const NEXT_WORD = /^[^\p{L}]*?([\p{L}’']+)/u;
const PREPOSITIONS = new Set(['of', 'by', 'to', 'with', 'for', 'about', 'on', 'against', 'at', 'from', 'in', 'into', 'over', 'than', 'toward', 'towards', 'under', 'between', 'among', 'like', 'as']);

/**
 * The candidates for one statement: entity mentions, pronouns and descriptions from the start of the
 * sentence before the statement's to the end of its own (and of the next one for a quotation whose
 * attribution may follow it), the rule's span, each with its features. Deterministic, in text order.
 */
export function sourceCandidates(text: string, sentences: Sentence[], index: EntityIndexLocal, quotes: Span[], q: SourceQuery, mentionCount: (s: Span) => number): Candidate[] {
  const sent = sentences[q.sentence];
  const from = sentences[Math.max(0, q.sentence - 1)].start;
  const nextSent = q.layout === 'DIRECT' && sentences[q.sentence + 1]?.paragraph === sent.paragraph ? sentences[q.sentence + 1] : null;
  const to = Math.max(sent.end, nextSent ? nextSent.end : 0, q.content.end);
  const spans: { start: number; end: number; kind: CandidateKind }[] = [];
  const inside = (a: Span, b: Span) => a.start >= b.start && a.end <= b.end;
  const within = (x: Span) => x.start >= from && x.end <= to;
  const quoted = (x: Span) => quotes.some((qq) => qq.start <= x.start && x.end <= qq.end);
  for (const p of index.personSpans) if (within(p)) spans.push({ start: p.start, end: p.end, kind: 'person' });
  for (const o of index.orgSpans) if (within(o)) spans.push({ start: o.start, end: o.end, kind: 'org' });
  for (const p of index.placeSpans) if (within(p)) spans.push({ start: p.start, end: p.end, kind: 'place' });
  const slice = text.slice(from, to);
  PRONOUN.lastIndex = 0;
  for (let m = PRONOUN.exec(slice); m; m = PRONOUN.exec(slice)) spans.push({ start: from + m.index, end: from + m.index + m[0].length, kind: 'pronoun' });
  DESCRIPTION.lastIndex = 0;
  for (let m = DESCRIPTION.exec(slice); m; m = DESCRIPTION.exec(slice)) {
    const start = from + m.index;
    let end = start + m[0].length;
    // "a spokesman for the Kremlin": the description runs on to a name that starts right after it.
    const of = OF_ORG.exec(text.slice(end, end + 12));
    if (of) {
      const at = end + of[0].length;
      const named = spans.find((x) => (x.kind === 'org' || x.kind === 'place' || x.kind === 'person') && x.start === at);
      if (named) end = named.end;
    }
    spans.push({ start, end, kind: 'description' });
  }
  // The noun phrase right before the cue, back to a clause boundary ("some families said", "the
  // journalists are missing"), and the one right after it ("said Steve Duprey, …").
  if (q.layout !== 'DIRECT') {
    const head = text.slice(sent.start, anchor0(q).start);
    const b = PHRASE_BOUNDARY.exec(head);
    const start = sent.start + (b ? b.index + b[0].length : 0);
    const words = subjectWords(text.slice(start, anchor0(q).start)).replace(LEADING_FUNCTION, '');
    if (words && words.split(/\s+/).length <= 8) {
      const at = text.indexOf(words, start);
      if (at >= 0) spans.push({ start: at, end: at + words.length, kind: 'phrase' });
    }
    const rest = text.slice(anchor0(q).end, Math.min(sent.end, anchor0(q).end + 120));
    const m = /^\s+((?:the |a |an )?[\p{L}\d’'.\- ]{1,60}?)(?=[,.;:!?(“”"]|\s(?:on|in|at|who|when|after|before|that|to|for|about)\s|$)/u.exec(rest);
    if (m && m[1].trim().split(/\s+/).length <= 8) {
      const at = anchor0(q).end + m[0].indexOf(m[1]);
      spans.push({ start: at, end: at + m[1].trim().length, kind: 'phrase' });
    }
  }
  if (q.rule && !spans.some((x) => x.start === q.rule!.start && x.end === q.rule!.end)) spans.push({ start: q.rule.start, end: q.rule.end, kind: 'rule' });
  // One candidate per span (a name the index and a description both found keeps the name's kind).
  spans.sort((a, b) => a.start - b.start || a.end - b.end || KIND_ID[a.kind] - KIND_ID[b.kind]);
  const unique = spans.filter((x, i) => i === 0 || x.start !== spans[i - 1].start || x.end !== spans[i - 1].end);
  // Never a source: words inside a quotation (unless the rules chose them), the object of a verb before
  // the cue ("Pyongyang slams US Secretary …, claims …"; held-out train: all speaker F1 0.748 → 0.747).
  const isRule = (x: Span) => q.rule !== null && x.start === q.rule.start && x.end === q.rule.end;
  const object = (x: Span) => x.end <= q.anchor.start && OBJECT_OF_VERB.test(text.slice(Math.max(sent.start, x.start - 60), x.start));
  const kept = unique.filter((x) => isRule(x) || (!quoted(x) && !object(x)));

  const anchor = q.anchor;
  const layout = LAYOUT_ID[q.layout];
  const cueId = hashText(q.cue.toLowerCase().split(/\s+/)[0] ?? '');
  const according = /^according/i.test(q.cue);
  const lastSource = q.history[q.history.length - 1] ?? null;
  const before = kept.filter((x) => x.end <= anchor.start);
  const after = kept.filter((x) => x.start >= anchor.end);
  const sentStartLead = /^\s*(?:(?:But|And|So|Then|Meanwhile|Still|Later|Earlier|However|Instead|The|A|An),?\s+)?/.exec(sent.text)![0].length;
  return kept.map((x) => {
    const k = KIND_ID[x.kind];
    const rel = x.end <= anchor.start ? 1 : x.start >= anchor.end ? 2 : 3;
    const gapFrom = rel === 1 ? x.end : rel === 2 ? anchor.end : x.start;
    const gapTo = rel === 1 ? anchor.start : rel === 2 ? x.start : x.start;
    const gap = text.slice(gapFrom, gapTo);
    const words = wordsIn(text, gapFrom, gapTo);
    const order = rel === 1 ? before.length - 1 - before.indexOf(x) : rel === 2 ? after.indexOf(x) : 0;
    const prevWord = (PREV_WORD.exec(text.slice(Math.max(0, x.start - 24), x.start))?.[1] ?? '').toLowerCase();
    const nextWord = (NEXT_WORD.exec(text.slice(x.end, x.end + 24))?.[1] ?? '').toLowerCase();
    const own = text.slice(x.start, x.end);
    const head = x.kind === 'pronoun' || x.kind === 'description' || x.kind === 'phrase' ? own.toLowerCase().split(/\s+/).pop()! : '';
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
      feature(F.prev, hashText(prevWord), rel),
      feature(F.prev, hashText(prevWord), k),
      feature(F.next, hashText(nextWord), rel),
      feature(F.next, hashText(nextWord), k),
    ];
    if (PREPOSITIONS.has(prevWord)) fs.push(feature(F.prep, k, rel, layout));
    if (/^[’']s?\b/.test(text.slice(x.end, x.end + 2))) fs.push(feature(F.poss, k, rel));
    if (head) fs.push(feature(F.word, hashText(head), rel, layout));
    if (/^[\p{Lu}]/u.test(own)) fs.push(feature(F.capital, k, rel));
    if (q.rule) {
      const ov = Math.min(x.end, q.rule.end) - Math.max(x.start, q.rule.start);
      const r = x.start === q.rule.start && x.end === q.rule.end ? 1 : ov > 0 ? (inside(x, q.rule) ? 2 : 3) : 4;
      fs.push(feature(F.rule, r, k), feature(F.rule, r, layout, 99), feature(F.rule, r, q.rulePath, 98));
    } else fs.push(feature(F.rule, 0, k));
    if (rel === 1 && words <= 3 && !/[,;:.“”"]/.test(gap)) fs.push(feature(F.subjectOfCue, k, words, layout));
    if (rel === 2 && words <= 2 && !/[,;:.“”"]/.test(gap)) fs.push(feature(F.afterCue, k, words, layout));
    if (according && rel === 2 && words <= 3) fs.push(feature(F.according, k, words));
    if (rel === 1 && /:\s*[“"‘]?\s*$/.test(gap)) fs.push(feature(F.colon, k, layout));
    fs.push(feature(F.between, gap.includes(',') ? 1 : 0, /[.!?]\s/.test(gap) ? 1 : 0, rel), feature(F.between, /[“”"]/.test(gap) ? 1 : 0, /\b(?:that|who|which|whom|whose|when|after|because|if)\b/i.test(gap) ? 1 : 0, rel + 10));
    if (/\b(?:and|but)\b/i.test(gap)) fs.push(feature(F.between, 7, rel, k));
    if (x.start >= sent.start + sentStartLead && x.start <= sent.start + sentStartLead + 2) fs.push(feature(F.first, k, rel, layout));
    if (x.start >= q.content.start && x.end <= q.content.end) fs.push(feature(F.inContent, k, layout));
    if (quoted(x)) fs.push(feature(F.inQuote, k));
    if (lastSource && Math.min(lastSource.end, x.end) - Math.max(lastSource.start, x.start) > 0) fs.push(feature(F.lastSource, k, rel));
    if (x.kind === 'person' || x.kind === 'org') {
      const n = mentionCount(x);
      fs.push(feature(F.mentions, k, Math.min(n, 6)));
      if (q.history.some((h) => text.slice(h.start, h.end) === own)) fs.push(feature(F.history, k, rel));
    }
    if (rel === 1 && words === 0) fs.push(feature(F.adjacent, k, layout));
    // The object of a verb: a name right after "Subject verb" ("Pyongyang slams US Secretary …").
    const lead = text.slice(Math.max(sent.start, x.start - 60), x.start);
    if (OBJECT_OF_VERB.test(lead)) fs.push(feature(F.object, k, rel));
    return { start: x.start, end: x.end, kind: x.kind, features: fs };
  });
}
