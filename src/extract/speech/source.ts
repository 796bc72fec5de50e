import type { Span } from '../../ingest/types.ts';
import type { Sentence } from '../sentences.ts';
import type { Reported } from './reported.ts';
import { trimSpan } from './draft.ts';
import { searchPastTitles, withoutTitleStops } from './title-stops.ts';
import { subjectSpanBefore, subjectWords } from './speaker.ts';

/**
 * Where the source is written for a learned cue, by the layout of cue and content: the words between
 * content and cue ("…, the Kremlin said"), after the cue ("said Kwon", "according to the Post"), or
 * the subject before it ("Trump said that …"). The source ranker (source-ranker.ts) takes this span as
 * a candidate and a feature, and keeps it for a participle's clause and a name right before its cue.
 */
const SUBORDINATE = /\b(?:after|before|when|while|because|as|since|if|although|though|that|which|who|whom|whose|where|until|unless)\b/i;

/**
 * A participle after a comma belongs to the clause just before it: after "after North Korea launched
 * an attack on Pompeo," "demanding …" is North Korea's, not the main clause's subject's. The subject
 * named right after the last clause opener, if any.
 */
export function participleSource(text: string, sent: Sentence, r: Reported, namedIn: (from: number, to: number) => Span | null): Span | null {
  const head = text.slice(sent.start, r.cue.start);
  if (!/^\p{L}+ing\b/u.test(text.slice(r.cue.start, r.cue.end)) || !/,\s*$/.test(head)) return null;
  let at = -1;
  for (const m of head.matchAll(CLAUSE_OPENER)) at = m.index! + m[0].length;
  return at >= 0 ? namedIn(sent.start + at, r.cue.start) : null;
}

/**
 * A sentence that opens with a gerund cue, bare or after a preposition ("After thanking the crowd, he
 * said …", "Besides attacking the former president, Mr. Trump …", "Criticizing police, she …"): the
 * clause has no subject of its own, so the speaker is the main clause's, named or a pronoun right
 * after the clause's comma. (PolNeAR train: the rules took "After", "Besides", "In addition to" for
 * the speaker.)
 */
export function openingClauseSource(text: string, sent: Sentence, r: Reported, namedIn: (from: number, to: number) => Span | null): Span | null {
  const cue = text.slice(r.cue.start, r.cue.end);
  if (!/^\p{L}+ing\b/u.test(cue) || /^according/i.test(cue)) return null;
  if (!OPENING_CLAUSE.test(text.slice(sent.start, r.cue.start))) return null;
  // The clause may hold a list ("By looking beyond … New Hampshire, Nevada and South
  // Carolina, the Sanders' camp …"): a subject is followed by its verb, not by "and" or a comma.
  for (let comma = text.indexOf(',', r.cue.end), k = 0; comma >= 0 && comma < sent.end && k < 4; comma = text.indexOf(',', comma + 1), k++) {
    const at = comma + 1 + /^\s*/.exec(text.slice(comma + 1))![0].length;
    const pronoun = /^(?:he|she|they|we|I)\b/i.exec(text.slice(at, sent.end));
    const subject = pronoun ? { start: at, end: at + pronoun[0].length } : namedIn(at, sent.end);
    if (!subject) return null;
    if (!/^\s*(?:,|and\b|or\b)/.test(text.slice(subject.end, subject.end + 5))) return subject;
  }
  return null;
}

/** The sentence's start, up to a preposition or conjunction that takes a gerund, before the cue ("In declaring …", "And in explaining …"). */
const OPENING_CLAUSE = /^\s*[“"]?(?:(?:And|But)\s+)?(?:(?:After|Before|Besides|Since|Upon|On|While|When|By|Without|Despite|In addition to|In|Instead of|Rather than)\s+)?$/i;

const CLAUSE_OPENER = /\b(?:after|before|when|while|because|as|since|although|though)\s+/gi;
/** Where a speaker written after its cue ends: punctuation, a quotation mark, or a clause word ("said Ms Ray on Monday"). */
const SPEAKER_END = /[,.;:!?“”"(]|\s(?:on|in|at|who|when|after|before|that)\s/g;

/** The phrase of a span, trimmed, when it is one: at most `maxWords` words and no sentence end or quotation mark. */
function phrase(text: string, s: Span, maxWords: number): Span | null {
  const t = trimSpan(text, s);
  const words = text.slice(t.start, t.end).split(/\s+/).filter(Boolean).length;
  return t.end > t.start && words <= maxWords && !/[.;!?“”"]/.test(withoutTitleStops(text.slice(t.start, t.end))) ? t : null;
}

/** From the cue's end to the next comma or full stop: "said Kwon." / "according to a CNN tally," */
function afterCue(text: string, sent: Sentence, r: Reported, maxWords: number): Span | null {
  const rest = text.slice(r.cue.end, sent.end);
  const stop = searchPastTitles(rest, SPEAKER_END);
  return phrase(text, { start: r.cue.end, end: r.cue.end + (stop < 0 ? rest.length : stop) }, maxWords);
}

/** The subject before the cue, as the speaker rules find it. */
function subjectBeforeCue(text: string, sent: Sentence, r: Reported, maxWords: number): Span | null {
  const head = text.slice(sent.start, r.cue.start);
  const span = subjectSpanBefore(head, head.length);
  const words = subjectWords(head.slice(span.start, span.end));
  if (!words) return null;
  const at = head.indexOf(words, span.start);
  return at >= 0 ? phrase(text, { start: sent.start + at, end: sent.start + at + words.length }, maxWords) : null;
}

export function sourceSpan(text: string, sent: Sentence, r: Reported, sentenceSubject: (to: number) => Span | null): Span | null {
  const cue = text.slice(r.cue.start, r.cue.end).toLowerCase();
  // Sources after "according to" run long ("early results of the exit poll conducted by a polling
  // firm for the Associated Press"); the resolver finds the organisation inside.
  const maxWords = cue.startsWith('according') ? 24 : 12;
  if (cue.startsWith('according')) return afterCue(text, sent, r, maxWords);
  if (r.direction === 'BEFORE' && r.content.end <= r.cue.start) {
    const gap = phrase(text, { start: r.content.end, end: r.cue.start }, maxWords);
    if (gap) return gap;
    return afterCue(text, sent, r, maxWords) ?? subjectBeforeCue(text, sent, r, maxWords);
  }
  if (r.direction === 'AROUND') return subjectBeforeCue(text, sent, r, maxWords) ?? afterCue(text, sent, r, maxWords);
  // After a comma the words before the cue are an insert or the end of another clause ("Clinton,
  // during a meeting in Columbus, Ohio, said"; "…, telling reporters"): the sentence's own subject.
  // So for partial quotations, which usually open with their speaker ("Rubio called the plan “…”");
  // measured on held-out train, where the nearest subject did worse for them.
  const head = text.slice(sent.start, r.cue.start);
  if (/[“"]/.test(text.slice(r.content.start, r.content.end)) || /,\s*$/.test(head)) {
    const subject = sentenceSubject(r.cue.start);
    // Not a possessive ("The Kremlin’s announcement came after Pyongyang denounced …"), and not when the
    // cue sits in a clause of its own after it (after, when, because, that, who …).
    if (subject && !/^[’']/.test(text.slice(subject.end, subject.end + 1)) && !SUBORDINATE.test(text.slice(subject.end, r.cue.start))) return subject;
  }
  return subjectBeforeCue(text, sent, r, maxWords) ?? (r.content.start > r.cue.end ? phrase(text, { start: r.cue.end, end: r.content.start }, maxWords) : null);
}
