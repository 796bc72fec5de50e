import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';
import { firstNameFrom } from './named-spans.ts';
import type { Sentence } from '../sentences.ts';
import type { Quote } from './quotes.ts';

/**
 * Speaker helpers of the speaker rules: the subject a
 * sentence or the paragraph before opens with, and the nearest name or pronoun before a position.
 */
export function subjectFinders(text: string, sentences: Sentence[], index: EntityIndexLocal, quotes: Quote[]): SubjectFinders {
  return new SubjectFinders(text, sentences, index, quotes);
}

/** The finders of one article (a class: its methods are not closures made per article). */
export class SubjectFinders {
  constructor(
    private readonly text: string,
    private readonly sentences: Sentence[],
    private readonly index: EntityIndexLocal,
    private readonly quotes: Quote[],
  ) {}

  /** The person or organisation named first in the last sentence of paragraph `p - 1`, if the sentence opens with it. */
  previousParagraphSubject(p: number): Span | null {
    const { text, sentences, index } = this;
    const last = [...sentences].reverse().find((x) => x.paragraph === p - 1);
    if (!last) return null;
    const lead = /^(?:(?:The|A|An|But|And|So|Then|Meanwhile|Still|Later|Earlier|Now|However),?\s+)?/.exec(last.text)![0].length;
    const from = last.start + (last.text.length - last.text.trimStart().length) + lead;
    const named = firstNameFrom(index, 'speakers', from, last.end, 40);
    // The name must be the sentence's subject: nothing but a title or words in capitals before it.
    if (!named || !/^(?:[\p{Lu}][\p{L}’'.-]*\s+){0,4}$/u.test(text.slice(from, named.start))) return null;
    return { start: named.start, end: named.end };
  }

  /** The person or organisation (else the pronoun) a sentence opens with, before `to`. */
  sentenceSubject(sent: Sentence, to: number): Span | null {
    const { text, index } = this;
    // Skip a leading connective and a leading subordinate clause ("When Wallace died in 1998, …").
    const lead = /^\s*(?:(?:But|And|So|Then|Meanwhile|Still|Later|Earlier|However|Instead),?\s+)?(?:(?:When|As|After|If|While|Although|Though|Because|Since|Before|Once|Until|Unless)\b[^,]{0,140},\s*)?/.exec(sent.text)![0].length;
    const from = sent.start + lead;
    const named = firstNameFrom(index, 'speakers', from, to, 40);
    if (named && /^(?:(?:the|The)\s+)?(?:[\p{Lu}][\p{L}’'.-]*\s+){0,4}$/u.test(text.slice(from, named.start))) return { start: named.start, end: named.end };
    const pronoun = /^(?:He|She|They|We|I)\b/.exec(text.slice(from, to));
    return pronoun ? { start: from, end: from + pronoun[0].length } : null;
  }

  /** The last person, organisation or subject pronoun in [from, to), outside quotation marks. */
  nearestSpeakerBefore(from: number, to: number): Span | null {
    const { text, index, quotes } = this;
    const candidates: Span[] = [
      ...index.personSpans.map((x) => ({ start: x.start, end: x.end })),
      ...index.orgSpans.map((x) => ({ start: x.start, end: x.end })),
    ].filter((x) => x.start >= from && x.end <= to && !/^[’']/.test(text.slice(x.end, x.end + 1)));
    const pronoun = /\b(?:he|she|they|He|She|They)\b/g;
    const slice = text.slice(from, to);
    for (let m = pronoun.exec(slice); m; m = pronoun.exec(slice)) candidates.push({ start: from + m.index, end: from + m.index + m[0].length });
    const best = candidates.filter((x) => !quotes.some((q) => q.start <= x.start && x.end <= q.end)).sort((a, b) => b.start - a.start)[0];
    return best ?? null;
  }
}
