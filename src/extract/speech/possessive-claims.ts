import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';
import type { Sentence } from '../sentences.ts';
import { corefSpeaker } from './coref.ts';
import { overlapsHalf, type StatementDraft } from './draft.ts';
import { inDoubleMarks } from './kind.ts';
import { nameEndingAt } from './named-spans.ts';
import type { Quote } from './quotes.ts';

/** Nouns of saying a possessive names the author of ("Trump’s claim that …", "her comments"). */
const CLAIM_NOUNS = 'claims?|comments?|remarks?|statements?|assertions?|pledges?|promises?|vows?|warnings?|descriptions?|characterizations?|suggestions?|insistence|accusations?|charges?|slogan|catchphrase|catch phrase|boasts?|arguments?|answer|response|reply|message|declarations?|dictum|quip|refrain|complaints?|threats?|tweets?|predictions?|admission|contention|retort';
/** A possessor (a capitalised name with ’s, or his/her/their/its), at most two lower-case words, and a noun of saying (what may follow: possessiveClaims). */
const POSSESSIVE_CLAIM = new RegExp(String.raw`((?:\b[\p{Lu}][\p{L}.-]*\s+){0,3}\b[\p{Lu}][\p{L}.-]*(?:[’']s|s[’'])|\b(?:his|her|their|its|His|Her|Their|Its))\s+(?:[a-z][a-z-]+\s+){0,2}?(${CLAIM_NOUNS})\b`, 'gu');

/**
 * Quoted words written as someone's claim, remark or pledge ("Donald Trump’s claim that Obama
 * “founded ISIS”", "her comments that “I was responsible …”"): a statement of the possessor's,
 * its cue the noun. A statement around it ("the governor blamed the press for fussing over …")
 * quotes no words of its own speaker there: it is reported speech (INDIRECT) unless it holds
 * another quotation.
 */
export function possessiveClaims(text: string, sentences: Sentence[], index: EntityIndexLocal, quotes: Quote[], list: StatementDraft[], written: StatementDraft[]): StatementDraft[] {
  const added: StatementDraft[] = [];
  for (const sent of sentences) {
    const body = text.slice(sent.start, sent.end);
    for (const m of body.matchAll(POSSESSIVE_CLAIM)) {
      const at = sent.start + m.index!;
      const ownerEnd = at + m[1].length;
      const nounEnd = at + m[0].length;
      // The quotation: the first one opening after the noun, within the clause (no full stop or other quotation between).
      const q = quotes.find((x) => x.start >= nounEnd && inDoubleMarks(text, x));
      if (!q || q.end > sent.end || q.start - nounEnd > 120 || /[.;!?”"]/.test(text.slice(nounEnd, q.start))) continue;
      // The quotation must be what the noun says: set off after it ("the slogan, “…”"), its "that" clause
      // ("his comment Monday that “…”"), or a pledge's infinitive ("pledge to be “neutral”"). Not words
      // said of it ("Ginsburg’s comments “shows bias”", "called Trump’s charge “pathetic”", "her
      // tweet was “a joke”").
      const lead = /^\s*/.exec(text.slice(nounEnd, q.start))![0].length;
      const gap = text.slice(nounEnd + lead, q.start);
      const that = /^((?:[^\s]+\s+){0,8}?)that\s/.exec(gap);
      const contentStart = /^[,:—–]\s*$/.test(gap)
        ? q.start
        : /^to\s+[a-z]+\b/.test(gap) && /^(?:pledges?|promises?|vows?|threats?|warnings?|calls?)$/i.test(m[2])
          ? nounEnd + lead
          : that && !/\b(?:is|was|were|are|be|been|has|have|had|will|would|said|says|[a-z]+ed)\b|[,:]/.test(that[1])
            ? nounEnd + lead + that[1].length
            : -1;
      if (contentStart < 0) continue;
      // Not inside a quotation itself.
      if (quotes.some((x) => x.start < at && x.end > at)) continue;
      // A quotation already someone's direct speech stays so.
      if (list.some((d) => d.kind === 'DIRECT' && overlapsHalf(d, q.inner))) continue;
      const owner = /^(?:his|her|their|its)$/i.test(m[1]) ? { start: at, end: ownerEnd } : nameEndingAt(index, 'speakers', at + m[1].replace(/[’']s?$/, '').length, at);
      if (!owner) continue;
      const ownerSpan = { start: owner.start, end: owner.end };
      const end = q.end;
      const content = { start: contentStart, end };
      const speaker = possessor(text, index, written, ownerSpan, sent);
      const same = list.find((d) => d.kind !== 'DIRECT' && overlapsHalf(d, content) && d.end - d.start <= 2 * (end - contentStart));
      if (same) {
        if (!same.speaker && speaker) {
          same.speaker = speaker;
          same.speakerSpan = ownerSpan;
          same.speakerText = text.slice(ownerSpan.start, ownerSpan.end);
        }
        continue;
      }
      const cueAt = nounEnd - m[2].length;
      added.push({
        start: content.start,
        end: content.end,
        text: text.slice(content.start, content.end),
        spans: [content],
        kind: 'MIXED',
        cue: m[2],
        cueSpan: { start: cueAt, end: cueAt + m[2].length },
        speaker,
        speakerText: text.slice(ownerSpan.start, ownerSpan.end),
        speakerSpan: ownerSpan,
        confidence: speaker ? 0.7 : 0.3,
        sentence: sent,
      });
    }
  }
  if (!added.length) return list;
  // A statement around such a claim quotes nobody's words of its own there.
  for (const d of list) {
    if (d.kind !== 'MIXED' || !added.some((a) => a.start >= d.start && a.end <= d.end + 2)) continue;
    const own = quotes.filter((x) => inDoubleMarks(text, x) && x.start >= d.start && x.end <= d.end + 2 && !added.some((a) => x.start >= a.start && x.end <= a.end));
    if (!own.length) d.kind = 'INDIRECT';
  }
  return [...list, ...added].sort((a, b) => a.start - b.start);
}

/** Whom a possessive names: the person or organisation of a name ("Donald Trump’s"), or the one "his", "her", "their", "its" stands for. */
function possessor(text: string, index: EntityIndexLocal, written: StatementDraft[], span: Span, sent: Span): StatementDraft['speaker'] {
  const word = text.slice(span.start, span.end).toLowerCase();
  const pronoun = ({ his: 'he', her: 'she', their: 'they', its: 'it' } as Record<string, string>)[word];
  // "The senator stood by his comment that …": the person named last before it in its sentence, else as "he" would be read.
  if (pronoun === 'he' || pronoun === 'she') {
    const named = index.personSpans.filter((x) => x.start >= sent.start && x.end <= span.start).pop();
    if (named) return { type: 'person', entity: named.person };
  }
  if (pronoun) return corefSpeaker(index, text, span, pronoun, written);
  const person = index.personSpans.find((x) => x.start === span.start && x.end === span.end);
  if (person) return { type: 'person', entity: person.person };
  const org = index.orgSpans.find((x) => x.start === span.start && x.end === span.end);
  return org ? { type: 'organization', entity: org.org } : null;
}
