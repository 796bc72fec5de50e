import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';
import type { Sentence } from '../sentences.ts';
import { appositionChainHost } from './apposition.ts';
import type { StatementAssembly } from './assembly.ts';
import { namingVerbCue, thatClauseCue } from './direct.ts';
import type { StatementDraft } from './draft.ts';
import { inDoubleMarks } from './kind.ts';
import { nameEndingAt } from './named-spans.ts';
import type { Quote } from './quotes.ts';
import type { Reported } from './reported.ts';
import { plausibleSpeaker } from './speaker.ts';
import { tidySourceSpan } from './source-tidy.ts';

// Quoted phrases no statement holds that name a verb's object or sit in a "that" clause the learned
// tagger does not cue: statements of the verb's subject, by the speaker rules (the ranker is not asked,
// so neither model's training data changes).

/**
 * A quoted phrase in the writer's sentence that names or describes the object of a verb of calling or
 * describing ("Merkel heralded the deal as a “breakthrough”", "calling him, among other things, “a
 * failed candidate”") and that no statement holds: a statement of the verb's subject, from the object
 * to the quotation's end.
 */
export function namedQuotations(text: string, sentences: Sentence[], index: EntityIndexLocal, quotes: Quote[], list: StatementDraft[], assembly: StatementAssembly): StatementDraft[] {
  const added: StatementDraft[] = [];
  for (const sent of sentences) {
    for (const q of quotes) {
      if (q.start < sent.start || q.end > sent.end + 1 || !inDoubleMarks(text, q)) continue;
      if (quotes.some((x) => x !== q && x.start < q.start && x.end > q.start)) continue;
      if (list.some((d) => Math.min(d.end, q.inner.end) > Math.max(d.start, q.inner.start))) continue;
      const named = namingVerbCue(text, sent, q);
      const found = named ?? thatClauseCue(text, sent, q);
      if (!found) continue;
      // A "that" clause no statement holds any of ("Hope Hicks said … that Trump “…” and has “…”" is one statement's).
      if (!named && list.some((d) => d.start < q.end && found.contentStart < d.end)) continue;
      const r: Reported = { cue: found.cue, content: { start: found.contentStart, end: q.end }, direction: 'AFTER', sentence: sentences.indexOf(sent) };
      // The speaker rules alone (the ranker's training data stays as it was): the verb's subject.
      const ruled = assembly.ruleSource(sent, r).span;
      const picked = subjectOfCue(text, index, sent, r.cue, ruled, Boolean(named));
      if (!picked) continue;
      const span = tidySourceSpan(text, index, picked, assembly.resolveSpeaker);
      const speaker = span ? assembly.resolveSpeaker(picked) : null;
      // Only with someone to say it ("Holding signs calling Christie “…”" names no one).
      if (!speaker) continue;
      const content = r.content;
      added.push({
        start: content.start,
        end: content.end,
        text: text.slice(content.start, content.end),
        spans: [content],
        kind: content.start < q.start ? 'MIXED' : 'DIRECT',
        cue: text.slice(r.cue.start, r.cue.end),
        cueSpan: r.cue,
        speaker,
        speakerText: span ? text.slice(span.start, span.end) : null,
        speakerSpan: span,
        confidence: 0.7,
        sentence: sent,
      });
    }
  }
  return added.length ? [...list, ...added].sort((a, b) => a.start - b.start) : list;
}

/**
 * The subject of a verb of naming or of a "that" clause (namedQuotations): a finite verb's is written
 * right before it, past adverbs and auxiliaries — a name ending there ("Lib Dem Treasury spokesman
 * Vince Cable also branded …", where the rules take the first name of the sentence), a name with
 * descriptions set off after it, the speaker rules' span when it ends there, or a pronoun. A participle after a comma or a preposition ("…, calling him …",
 * "mocked Trump for calling …") has the rules' subject, cut before a verb the span runs into ("Trump
 * attacked Romney"). A "that" clause only with the first kind. Null when neither holds.
 */
function subjectOfCue(text: string, index: EntityIndexLocal, sent: Sentence, cue: Span, ruled: Span | null, naming: boolean): Span | null {
  const lead = /(?:\s+(?:[a-z]+ly|also|then|later|again|once|has|have|had|did|does|do|has since|have since|had since|has also|have also|had also))*\s*$/.exec(text.slice(sent.start, cue.start))!;
  const subjectEnd = sent.start + lead.index;
  if (naming && ruled && /^\p{L}+ing$/u.test(text.slice(cue.start, cue.end)) && /(?:,|\bfor|\bby)\s*$/.test(text.slice(sent.start, cue.start))) {
    const verb = /\s(?:\p{Ll}+ed|told|said|made|took|gave)\s/u.exec(text.slice(ruled.start, ruled.end));
    return verb && plausibleSpeaker(text.slice(ruled.start, ruled.start + verb.index)) ? { start: ruled.start, end: ruled.start + verb.index } : ruled;
  }
  const name = nameEndingAt(index, 'speakers', subjectEnd, sent.start);
  // "Pasquale D'Amuro of the FBI called …": the name the organisation qualifies.
  const of = name ? /\s+of\s+(?:the\s+)?$/.exec(text.slice(sent.start, name.start)) : null;
  const owner = of ? nameEndingAt(index, 'speakers', sent.start + of.index, sent.start) : null;
  if (owner) return { start: owner.start, end: owner.end };
  if (name) return { start: name.start, end: name.end };
  if (ruled && ruled.end === subjectEnd) return ruled;
  // A name with descriptions set off after it ("Michael Gerson, a speechwriter in …, calls Cruz …").
  if (/,\s*$/.test(text.slice(sent.start, subjectEnd + 1))) {
    const host = appositionChainHost(index, text, sent.start, cue.start);
    if (host) return host;
    // The name before the first comma, the description after it opening with a determiner.
    const comma = text.indexOf(',', sent.start);
    const described = comma > sent.start && comma < subjectEnd && /^,\s*(?:a|an|the)\s[^,]*(?:,[^,]*)?,?\s*$/.test(text.slice(comma, subjectEnd + 1)) ? nameEndingAt(index, 'speakers', comma, sent.start) : null;
    if (described) return { start: described.start, end: described.end };
  }
  const pronoun = /(?:^|\s)(?:he|she|they|He|She|They)$/.exec(text.slice(sent.start, subjectEnd));
  if (pronoun) return { start: subjectEnd - pronoun[0].trim().length, end: subjectEnd };
  return null;
}

