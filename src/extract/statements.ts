import type { Sentence } from './sentences.ts';
import type { EntityDraft, EntityIndexLocal, OrgDraft } from './entities.ts';
import { countryOf } from './entities.ts';
import { SPEECH_VERBS, THOUGHT_VERBS } from './lexicon.ts';
import { genderOf } from './given-names.ts';
import type { Span } from '../ingest/types.ts';
import type { Mention, StatementKind } from './types.ts';
import { findQuotes, type Quote } from './speech/quotes.ts';
import { joinSpans, partsAround, trimSpan, type StatementDraft } from './speech/draft.ts';
import { createSpeakerResolver, NOT_A_SPEAKER, NP_HEADS, plausibleSpeaker, subjectBefore, subjectSpanBefore, subjectWords } from './speech/speaker.ts';

import { tokenize } from './speech/tokens.ts';
import { findReported, type Reported } from './speech/reported.ts';
import { attributionModel } from './speech/model.ts';
import { sourceSpan } from './speech/source.ts';

export type { StatementDraft } from './speech/draft.ts';

const overlapsHalf = (a: Span, b: Span) => {
  const ov = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return ov > 0 && ov >= Math.min(a.end - a.start, b.end - b.start) / 2;
};

const VERB = `(?:${SPEECH_VERBS})`;



const ATTRIBUTED_AFTER = new RegExp(`^[,.!?]?\\s*(?:[\\p{L}][\\p{L}\\d’'.\\-, ]{0,80}?\\s+)?(?:${VERB})\\b`, 'iu');
const ADVERBIAL = String.raw`(?:\s+(?:on|in|at|last|this|late|early|earlier|later)\s+[\p{L}\d’' ]{1,30}?|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|recently|repeatedly|again|publicly|previously|also))?`;
/**
 * Reported content holding a quotation in double marks is mixed speech. Single marks inside it are
 * mostly scare quotes and titles in the US press ('wrong track'), which PolNeAR does not count as
 * quoting either; they stay indirect.
 */
function kindOf(content: Span, quotes: Quote[], text: string): StatementKind {
  return quotes.some((q) => q.start >= content.start && q.end <= content.end && /[“"]/.test(text[q.start])) ? 'MIXED' : 'INDIRECT';
}

// Compiled once (they were rebuilt per sentence and quote); the global ones are reset before each use.
const INTRODUCED_BEFORE = new RegExp(`(?:${VERB})${ADVERBIAL}[,:]?\\s*$`, 'u');
const VERB_BEFORE = new RegExp(`(${VERB})${ADVERBIAL}\\s*[:,]?\\s*$`, 'iu');
const VERB_COLON_TAIL = new RegExp(`(${VERB})${ADVERBIAL}[^.:;!?]{0,40}:\\s*$`, 'iu');
const INVERTED_CLAUSE = new RegExp(`^(${VERB})\\s+([\\p{Lu}][\\p{L}.’' -]{1,40}?)\\s*:\\s*$`, 'iu');
/** “…” ― Name (to the end of the line, or before a full stop, comma or another quotation). */
const DASH_ATTRIBUTION = /^[,.]?\s*[―—–]\s*((?:[\p{Lu}][\p{L}\p{M}’'.-]*)(?:\s+[\p{Lu}][\p{L}\p{M}’'.-]*){0,3})\s*(?:[.,]?\s*$|[.,]?\s*[“"])/u;
/** A clause opening with its subject: a pronoun or a described speaker ("The spokesman said …"). */
const CLAUSE_OPENER = new RegExp(`^((?:He|She|They|We|I)|(?:The|A|An)\\s+(?:[\\p{L}’'-]+\\s+){0,4}?${NP_HEADS.source.replace(/^\\b|\\b$/g, '')})\\s+(?:[a-z]+(?:s|ed)|told|said|wrote|spoke|put it|had this to say)\\b`, 'u');
const VERB_AFTER_QUOTE = new RegExp(`^[,.!?]?[”"’']?\\s*(?:(${VERB})\\s+((?:the |a |an )?[\\p{L}\\d’'.\\- ]{1,60}?(?:\\s\\([\\p{L}.\\- ]{1,12}\\))?)(?=[,.;]|$|\\s+(?:on|in|at|who|after|before|when|adding|told)\\b)|((?:the |a |an )?[\\p{L}\\d’'.()\\- ]{1,80}?)(?:,[^,]{1,180},)?\\s+(?:(was|were) quoted as saying|(${VERB})))`, 'iu');

/** Direct and indirect statements with their speakers, sentence by sentence. */
export function findStatements(text: string, sentences: Sentence[], paragraphs: Span[], index: EntityIndexLocal, dateline: string | null): StatementDraft[] {
  const quotes = findQuotes(text, paragraphs);
  const out: StatementDraft[] = [];
  const resolveSpeaker = createSpeakerResolver(index, text, out);

  /** The person or organisation named first in the last sentence of paragraph `p - 1`, if the sentence opens with it. */
  const previousParagraphSubject = (p: number): Span | null => {
    const last = [...sentences].reverse().find((x) => x.paragraph === p - 1);
    if (!last) return null;
    const lead = /^(?:(?:The|A|An|But|And|So|Then|Meanwhile|Still|Later|Earlier|Now|However),?\s+)?/.exec(last.text)![0].length;
    const from = last.start + (last.text.length - last.text.trimStart().length) + lead;
    const named = [...index.personSpans, ...index.orgSpans].filter((x) => x.start >= from && x.start <= from + 40 && x.end <= last.end).sort((a, b) => a.start - b.start)[0];
    // The name must be the sentence's subject: nothing but a title or words in capitals before it.
    if (!named || !/^(?:[\p{Lu}][\p{L}’'.-]*\s+){0,4}$/u.test(text.slice(from, named.start))) return null;
    return { start: named.start, end: named.end };
  };

  /** The person or organisation (else the pronoun) a sentence opens with, before `to`. */
  const sentenceSubject = (sent: Sentence, to: number): Span | null => {
    // Skip a leading connective and a leading subordinate clause ("When Wallace died in 1998, …").
    const lead = /^\s*(?:(?:But|And|So|Then|Meanwhile|Still|Later|Earlier|However|Instead),?\s+)?(?:(?:When|As|After|If|While|Although|Though|Because|Since|Before|Once|Until|Unless)\b[^,]{0,140},\s*)?/.exec(sent.text)![0].length;
    const from = sent.start + lead;
    const named = [...index.personSpans, ...index.orgSpans].filter((x) => x.start >= from && x.end <= to && x.start <= from + 40).sort((a, b) => a.start - b.start)[0];
    if (named && /^(?:(?:the|The)\s+)?(?:[\p{Lu}][\p{L}’'.-]*\s+){0,4}$/u.test(text.slice(from, named.start))) return { start: named.start, end: named.end };
    const pronoun = /^(?:He|She|They|We|I)\b/.exec(text.slice(from, to));
    return pronoun ? { start: from, end: from + pronoun[0].length } : null;
  };

  // The learned step runs once over the article; its statements join the direct ones sentence by
  // sentence, so speakers resolve against the statements before them in reading order.
  const tokens = tokenize(text, sentences, quotes.map((q) => q.inner));
  const reportedBySentence = new Map<number, Reported[]>();
  for (const r of findReported(attributionModel(), text, tokens)) reportedBySentence.set(r.sentence, [...(reportedBySentence.get(r.sentence) ?? []), r]);

  for (const [si, sent] of sentences.entries()) {
    const s = text.slice(sent.start, sent.end);
    const inSentence = quotes.filter((q) => q.start >= sent.start && q.start < sent.end);
    const handled = new Set<Quote>();

    // 1. Direct quotations with an attribution right after ("…,” said Kwon.) or before (Kwon said: “…”).
    for (const q of inSentence) {
      // The attribution may sit in the next sentence of the paragraph ("… missing.” Trump said.").
      const paraEnd = paragraphs[sent.paragraph]?.end ?? sent.end;
      const after = text.slice(q.end, Math.min(paraEnd, q.end + 260));
      const before = text.slice(sent.start, q.start);
      const startsSentence = before.trim() === '' || /[:]\s*$/.test(before);
      const attributedAfter = ATTRIBUTED_AFTER.test(after.replace(/^[”"’']/, ''));
      const introduced = INTRODUCED_BEFORE.test(before) || /:\s*$/.test(before);
      const full = (startsSentence || introduced) && (q.words >= 4 || attributedAfter || introduced);
      if (!full) continue;
      let speakerSpan: Span | null = null;
      let cue: string | null = null;
      // An attribution after the quotation wins over the clause introducing it when the quotation ends
      // in a comma ("… posted a message: “Men, you will not …,” she wrote.").
      const continues = /,\s*$/.test(text.slice(q.inner.start, q.inner.end)) || /^,/.test(after);
      const m = introduced && !continues ? null : VERB_AFTER_QUOTE.exec(after);
      if (m && /^[,.!?”"’'\s]/.test(after) && q.inner.end - q.inner.start > 0) {
        if (m[1]) {
          const off = q.end + m.index + m[0].indexOf(m[2], m[0].indexOf(m[1]) + m[1].length);
          speakerSpan = { start: off, end: off + m[2].trim().length };
          cue = m[1];
        } else if (m[3]) {
          const off = q.end + m[0].indexOf(m[3]);
          speakerSpan = { start: off, end: off + m[3].trim().length };
          cue = m[4] ? `${m[4]} quoted as saying` : m[5];
        }
      }
      if (!speakerSpan) {
        // “…” ― Carlos Raúl: a name after a dash closing the quotation's line (testimonials, epigraphs).
        const dm = DASH_ATTRIBUTION.exec(text.slice(q.end, paraEnd));
        if (dm && plausibleSpeaker(dm[1])) {
          const off = q.end + dm[0].indexOf(dm[1]);
          // A full stop after the name ends the line; one after an initial ("Oscar P.") is the name's.
          const name = /\s\p{Lu}\.$|^\p{Lu}\.$/u.test(dm[1]) ? dm[1] : dm[1].replace(/\.$/, '');
          speakerSpan = { start: off, end: off + name.length };
          cue = dm[0].trim()[0];
        }
      }
      if (!speakerSpan) {
        const bm = VERB_BEFORE.exec(before);
        if (bm) {
          const subj = subjectSpanBefore(before, bm.index);
          const words = subjectWords(before.slice(subj.start, subj.end));
          const at = words ? before.indexOf(words, subj.start) : -1;
          speakerSpan = at >= 0 ? { start: sent.start + at, end: sent.start + at + words.length } : trimSpan(text, { start: sent.start + subj.start, end: sent.start + subj.end });
          cue = bm[1];
          if (speakerSpan.end <= speakerSpan.start) speakerSpan = null;
        }
      }
      // A quotation opening a paragraph after "Cruz continued:" is introduced by the previous paragraph.
      if (!speakerSpan && before.trim() === '' && sent.paragraph > 0 && sent.start === paragraphs[sent.paragraph].start) {
        const prevPara = paragraphs[sent.paragraph - 1];
        const tail = text.slice(Math.max(prevPara.start, prevPara.end - 300), prevPara.end);
        if (/:\s*$/.test(tail)) {
          const vm = VERB_COLON_TAIL.exec(tail);
          if (vm) {
            const base = prevPara.end - tail.length;
            const subj = subjectSpanBefore(tail, vm.index);
            const span = trimSpan(text, { start: base + subj.start, end: base + subj.end });
            if (span.end > span.start) {
              speakerSpan = span;
              cue = vm[1];
            }
          }
        }
      }
      if (!speakerSpan) {
        // "Cruz called them on it:", "pollster Daron Shaw: “…”": the first named entity of the introducing clause.
        const introStart = before.trim() === '' && sent.paragraph > 0 && sent.start === paragraphs[sent.paragraph].start ? paragraphs[sent.paragraph - 1].start : sent.start;
        const intro = text.slice(introStart, q.start);
        if (/:\s*$/.test(intro)) {
          const clauseStart = introStart + Math.max(intro.lastIndexOf('. ', intro.length - 3) + 1, 0);
          // Skip a leading subordinate clause ("When Wallace died in 1998, …") and possessives ("Sanders’ surge").
          const lead = /^(?:When|As|After|In|Since|Because|If|While|Although|Though|Following|Before|During|With)\b[^,]{0,120},\s*/.exec(text.slice(clauseStart, q.start));
          const from = clauseStart + (lead ? lead[0].length : 0);
          // A clause opening with a pronoun or a described speaker ("He told Hannity:", "The spokesman
          // said of Cameron:") has its subject there, not in a name later in the clause.
          const opener = CLAUSE_OPENER.exec(text.slice(from, q.start));
          const named = opener ? { start: from, end: from + opener[1].length } : [...index.personSpans.map((x) => ({ start: x.start, end: x.end })), ...index.orgSpans.map((x) => ({ start: x.start, end: x.end }))]
            .filter((x) => x.start >= from && x.end <= q.start && !/^[’']/.test(text.slice(x.end, x.end + 1)))
            .sort((a, b) => a.start - b.start)[0];
          if (named) {
            speakerSpan = named;
            cue = ':';
          } else {
            // No named entity: the clause's own subject ("He tells the crowd:", "Continued Stone:").
            const clause = text.slice(from, q.start);
            const inverted = INVERTED_CLAUSE.exec(clause);
            const subject = /^((?:He|She|They|It|I|We)|(?:(?:the|The|a|A|an|An|[\p{Lu}][\p{L}’'.-]*)\s+){1,5}?)(?:[a-z]+(?:s|ed)|told|said|wrote)\b/u.exec(clause);
            if (inverted) {
              const off = from + clause.indexOf(inverted[2], inverted[1].length);
              speakerSpan = { start: off, end: off + inverted[2].trim().length };
              cue = inverted[1];
            } else if (subject && subject[1].trim()) {
              speakerSpan = trimSpan(text, { start: from, end: from + subject[1].length });
              cue = ':';
            }
          }
        }
      }
      // A cue found but no noun phrase before it ("… but described his skills as …"): no speaker span.
      if (speakerSpan && NOT_A_SPEAKER.test(text.slice(speakerSpan.start, speakerSpan.end).trim())) speakerSpan = null;
      let speaker = speakerSpan ? resolveSpeaker(speakerSpan) : null;
      let confidence = speaker ? 0.9 : 0.4;
      let inherited: StatementDraft | undefined;
      if (!speakerSpan) {
        // A quotation standing alone continues the speaker of this or the previous paragraph
        // ("Kerry said that 100,000 would be accepted. ⏎ “That adds up to …”").
        // Positions, not sentence numbers: a quotation spanning paragraphs belongs to the paragraph it ends in.
        const from = paragraphs[Math.max(0, sent.paragraph - 1)]?.start ?? 0;
        inherited = [...out].reverse().find((h) => h.speakerSpan && Math.max(h.end, h.speakerSpan.end) >= from);
        if (inherited) {
          speaker = inherited.speaker;
          speakerSpan = inherited.speakerSpan;
          cue = inherited.cue;
          confidence = 0.6;
        } else if (before.trim() === '' && sent.paragraph > 0 && sent.start === paragraphs[sent.paragraph].start) {
          // Nobody quoted yet, but the paragraph before is about someone ("Valastro praised Christie’s
          // leadership. ⏎ “We need someone who …”"): its last sentence's subject, when that is a name.
          const subject = previousParagraphSubject(sent.paragraph);
          if (subject) {
            speakerSpan = subject;
            speaker = resolveSpeaker(subject);
            confidence = 0.5;
          }
        }
      }
      handled.add(q);
      if (inherited && inherited === out[out.length - 1] && inherited.kind === 'DIRECT') {
        // “A,” X said. “B.” — one statement: offsets span both parts, the text joins the quoted words.
        // Only a quotation continuing a quotation: after reported speech it is a statement of its own
        // (with the inherited speaker), not an extension of the paraphrase.
        inherited.end = q.inner.end;
        inherited.spans.push({ start: q.inner.start, end: q.inner.end });
        inherited.text = joinSpans(text, inherited.spans);
        continue;
      }
      out.push({
        start: q.inner.start,
        end: q.inner.end,
        text: text.slice(q.inner.start, q.inner.end),
        spans: [{ start: q.inner.start, end: q.inner.end }],
        kind: 'DIRECT',
        cue,
        speaker,
        speakerText: speakerSpan ? text.slice(speakerSpan.start, speakerSpan.end) : null,
        speakerSpan,
        confidence,
        sentence: sent,
      });
    }
    // 2. Reported speech and partial quotations: the learned cues and content spans, in this sentence.
    for (const r of reportedBySentence.get(si) ?? []) {
      // A cue attributing a quotation already taken as direct speech ("…,” Kwon said) adds nothing
      // (quotations in later sentences, "Cruz continued: ⏎ “…”", are checked once all are known).
      if (out.some((d) => d.kind === 'DIRECT' && overlapsHalf(d, r.content))) continue;
      if (out.some((d) => d.start === r.content.start && d.end === r.content.end)) continue;
      // A second predicate of the same subject ("… denounced Pompeo as “reckless” and called for him to
      // be removed"; "Pyongyang slams Pompeo, claims …"): the words between the two are only a comma, a
      // conjunction or an adverb, so the speaker is the first one's.
      const previous = out[out.length - 1];
      const coordinated = previous && previous.sentence === sent && previous.speakerSpan && previous.end <= r.cue.start && /^[\s,;”"’]*(?:(?:and|but|also|then|later)\s+)*$/i.test(text.slice(previous.end, r.cue.start));
      const found = coordinated ? previous.speakerSpan : sourceSpan(text, sent, r, (to) => sentenceSubject(sent, to));
      // What follows "according to" is a source by construction, however long its description.
      const according = /^according/i.test(text.slice(r.cue.start, r.cue.end));
      const speakerSpan = found && (according || plausibleSpeaker(text.slice(found.start, found.end))) && !NOT_A_SPEAKER.test(text.slice(found.start, found.end).trim()) ? found : nearestSpeakerBefore(sent.start, Math.min(r.cue.start, r.content.start));
      const speaker = speakerSpan ? resolveSpeaker(speakerSpan) : null;
      const inside = speakerSpan && speakerSpan.start >= r.content.start && speakerSpan.end <= r.content.end ? speakerSpan : r.cue;
      const spans = partsAround(text, r.content, { start: Math.min(r.cue.start, inside.start), end: Math.max(r.cue.end, inside.end) });
      out.push({
        start: spans[0].start,
        end: spans[spans.length - 1].end,
        text: joinSpans(text, spans),
        spans,
        kind: kindOf(r.content, quotes, text),
        cue: text.slice(r.cue.start, r.cue.end),
        cueSpan: r.cue,
        speaker,
        speakerText: speakerSpan ? text.slice(speakerSpan.start, speakerSpan.end) : null,
        speakerSpan,
        confidence: speaker ? 0.75 : 0.35,
        sentence: sent,
      });
    }
  }
  // A learned statement mostly inside another one is a nested attribution ("… which an FBI
  // investigation said was “extremely careless” but …") or a second cue for the same words; the
  // longer one stands for both (measured on held-out train: +0.03 content F1 direct and indirect).
  const direct = out.filter((d) => d.kind === 'DIRECT');
  const learned = out.filter((d) => d.kind !== 'DIRECT' && !direct.some((x) => overlapsHalf(x, d)));
  // Content that is mostly another statement's cue and speaker ("…, the spokesperson added, but did
  // not provide …" read backwards from "did not provide") is that attribution, not something said.
  const attributionOf = (x: StatementDraft) => (x.cueSpan && x.speakerSpan && Math.abs(x.speakerSpan.end - x.cueSpan.start) <= 2 ? { start: Math.min(x.cueSpan.start, x.speakerSpan.start), end: Math.max(x.cueSpan.end, x.speakerSpan.end) } : x.cueSpan);
  const isAttribution = (d: StatementDraft) =>
    learned.some((x) => {
      // A statement nested inside d ("found that most voters oppose the plan") is part of what d says.
      const a = x !== d && !overlapsHalf(x, d) ? attributionOf(x) : undefined;
      return a !== undefined && Math.min(a.end, d.end) - Math.max(a.start, d.start) >= (d.end - d.start) / 2;
    });
  return out.filter((d) => d.kind === 'DIRECT' || (learned.includes(d) && !isAttribution(d) && !learned.some((x) => x !== d && overlapsHalf(x, d) && x.end - x.start > d.end - d.start)));

  /** The last person, organisation or subject pronoun in [from, to), outside quotation marks. */
  function nearestSpeakerBefore(from: number, to: number): Span | null {
    const inQuote = (x: Span) => quotes.some((q) => q.start <= x.start && x.end <= q.end);
    const candidates: Span[] = [
      ...index.personSpans.map((x) => ({ start: x.start, end: x.end })),
      ...index.orgSpans.map((x) => ({ start: x.start, end: x.end })),
    ].filter((x) => x.start >= from && x.end <= to && !/^[’']/.test(text.slice(x.end, x.end + 1)));
    const pronoun = /\b(?:he|she|they|He|She|They)\b/g;
    const slice = text.slice(from, to);
    for (let m = pronoun.exec(slice); m; m = pronoun.exec(slice)) candidates.push({ start: from + m.index, end: from + m.index + m[0].length });
    const best = candidates.filter((x) => !inQuote(x)).sort((a, b) => b.start - a.start)[0];
    return best ?? null;
  }
}
