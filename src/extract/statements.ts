import type { Sentence } from './sentences.ts';
import type { EntityDraft, EntityIndexLocal, OrgDraft } from './entities.ts';
import { countryOf } from './entities.ts';
import { SPEECH_VERBS, THOUGHT_VERBS } from './lexicon.ts';
import { genderOf } from './given-names.ts';
import type { Span } from '../ingest/types.ts';
import type { Mention, StatementKind } from './types.ts';
import { findQuotes, type Quote } from './speech/quotes.ts';
import { trimSpan, type StatementDraft } from './speech/draft.ts';
import { createSpeakerResolver, NOT_A_SPEAKER, NP_HEADS, plausibleSpeaker, subjectBefore, subjectSpanBefore, subjectWords } from './speech/speaker.ts';

export type { StatementDraft } from './speech/draft.ts';

const VERB = `(?:${SPEECH_VERBS})`;

// ", Christie said, " / ", the senator added, " in the middle of a sentence (groups: speaker, cue).
const PARENTHETICAL = /,\s+((?:the\s+)?(?:[\p{Lu}][\p{L}’'.-]*\s+){0,3}[\p{Lu}][\p{L}’'.-]*|(?:the|a)\s+[\p{Ll}]+(?:\s+[\p{Ll}]+)?|he|she|they|I|we)\s+(said|says|added|argued|noted|explained|insisted|warned|believes|told reporters)(?:\s+on\s+[\p{Lu}][\p{L}]+)?,\s+/u;

// "…, according to a CNN tally, but …" (group: source).
const ACCORDING_INSIDE = /,\s+according to ((?:the |a |an )?[^,;]{2,120}),\s+/iu;

/** "asked whether …", "wondered why …": a reported question, speech without "that". */
const asksQuestion = (verb: string, rest: string) => /^(?:asked|asks|wondered|wonders)$/.test(verb) && /^(?:whether|if|why|how|what|when|who|where)\b/i.test(rest);
const ATTRIBUTED_AFTER = new RegExp(`^[,.!?]?\\s*(?:[\\p{L}][\\p{L}\\d’'.\\-, ]{0,80}?\\s+)?(?:${VERB})\\b`, 'iu');
const ADVERBIAL = String.raw`(?:\s+(?:on|in|at|last|this|late|early|earlier|later)\s+[\p{L}\d’' ]{1,30}?|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|recently|repeatedly|again|publicly|previously|also))?`;
function kindOf(content: Span, quotes: Quote[]): StatementKind {
  return quotes.some((q) => q.start >= content.start && q.end <= content.end) ? 'MIXED' : 'INDIRECT';
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
const LABELLING_WORDS = ['described', 'denounced', 'branded', 'labelled', 'labeled', 'dismissed', 'hailed'];
const VERB_AFTER_QUOTE = new RegExp(`^[,.!?]?[”"’']?\\s*(?:(${VERB})\\s+((?:the |a |an )?[\\p{L}\\d’'.\\- ]{1,60}?(?:\\s\\([\\p{L}.\\- ]{1,12}\\))?)(?=[,.;]|$|\\s+(?:on|in|at|who|after|before|when|adding|told)\\b)|((?:the |a |an )?[\\p{L}\\d’'.()\\- ]{1,80}?)(?:,[^,]{1,180},)?\\s+(?:(was|were) quoted as saying|(${VERB})))`, 'iu');
const OPENING = new RegExp(`^((?:[\\p{Lu}][\\p{L}’'.-]*\\s+){1,4}|(?:He|She|They|It)\\s+)(?:(?:also|then|later|again|has|had|have)\\s+)?(${VERB})\\b([^;,"“]{0,90}?)\\s+that\\s+`, 'u');
const TRAILING = new RegExp(`,"?\\s*((?:the |a |an )?[^,;"]{2,90}?)\\s+(${VERB})\\b(?:\\s+in a statement)?(?:${ADVERBIAL}|\\s+(?:[\\p{L}\\d’'-]+\\s+){0,4}?[\\p{L}\\d’'-]+)(?:[,.;]|\\s+(?:but|and|as)\\s|\\s*$)`, 'gu');
const INVERTED = new RegExp(`,"?\\s*(${VERB})\\s+((?:the |a |an )?[\\p{L}\\d’'.()\\- ]{2,80}?)(?:[,.;]|\\s+(?:in|on|at|who|when|after)\\b|\\s*$)`, 'gu');
const FORWARD = new RegExp(`\\b(${VERB}|${THOUGHT_VERBS})\\b(?:\\s+(?:reporters|journalists|the (?:newspaper|agency|BBC|media|press)|\\p{Lu}[\\p{L}]+(?: \\p{Lu}[\\p{L}]+)?)(?=\\s+(?:that|on|in|he|she|it|they)\\b))?(?:\\s+in a statement)?${ADVERBIAL}(?:\\s+(that))?(:)?\\s+`, 'gu');

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

  for (const sent of sentences) {
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
        inherited.text = `${inherited.text} ${text.slice(q.inner.start, q.inner.end)}`;
        continue;
      }
      out.push({
        start: q.inner.start,
        end: q.inner.end,
        text: text.slice(q.inner.start, q.inner.end),
        kind: 'DIRECT',
        cue,
        speaker,
        speakerText: speakerSpan ? text.slice(speakerSpan.start, speakerSpan.end) : null,
        speakerSpan,
        confidence,
        sentence: sent,
      });
    }
    if (handled.size && inSentence.every((q) => handled.has(q))) continue;

    const before2 = out.length;
    // 2. Reported speech. Mask handled quotes so their words are not taken as cues.
    const masked = s.replace(/[“”]/g, '"');
    // For cheap tests of the literal words a pattern needs before running it (most sentences have none).
    const lower = masked.toLowerCase();
    const content0 = dateline && sent.start === paragraphs[0]?.start ? (/^[A-Z][A-Z .'-]+(?:,[^:]{0,30})?:\s*/.exec(s)?.[0].length ?? 0) : 0;
    const push = (content: Span, found: Span, cue: string, confidence: number) => {
      const c = trimSpan(text, content);
      // A clause fragment caught as the subject: the nearest name or pronoun before it in the sentence.
      const speakerSpan = plausibleSpeaker(text.slice(found.start, found.end)) ? found : (nearestSpeakerBefore(sent.start, Math.min(found.start, c.start)) ?? found);
      // "Asked if he was bullied, he said no." — short answers count after a plain speech verb.
      const minWords = /^(?:said|says|say|told|answered|replied)$/.test(cue) ? 1 : 3;
      if (c.end - c.start < 2 || text.slice(c.start, c.end).split(/\s+/).length < minWords) return;
      const speaker = resolveSpeaker(speakerSpan);
      out.push({
        start: c.start,
        end: c.end,
        text: text.slice(c.start, c.end),
        kind: kindOf(c, quotes),
        cue,
        speaker,
        speakerText: text.slice(speakerSpan.start, speakerSpan.end).trim(),
        speakerSpan,
        confidence: speaker ? confidence : 0.35,
        sentence: sent,
      });
    };
    const abs = (i: number) => sent.start + i;
    let m: RegExpExecArray | null;

    // "X was quoted as saying …", "X cited Y as saying …"
    if (lower.includes(' as saying') && ((m = /\b(was|were) quoted as saying\b(?: that)?/iu.exec(masked)) || (m = /\bcit(?:ed|ing) [^,.]{1,80}? as saying\b(?: that)?/iu.exec(masked)))) {
      const subj = subjectBefore(masked, m.index);
      push({ start: abs(m.index + m[0].length), end: sent.end }, trimSpan(text, { start: abs(subj), end: abs(m.index) }), m[0].replace(/ that$/, ''), 0.8);
      continue;
    }
    // "…, according to X." / "According to X, …"
    if ((m = /,?\s*according to ((?:the |a |an )?[^,;]{2,160}?)[,.]?\s*$/iu.exec(masked)) && m.index > 10) {
      push({ start: abs(content0), end: abs(m.index) }, trimSpan(text, { start: abs(m.index + m[0].indexOf(m[1])), end: abs(m.index + m[0].indexOf(m[1]) + m[1].length) }), 'according to', 0.75);
      continue;
    }
    if ((m = /^according to ((?:the |a |an )?[^,]{2,160}),\s*/iu.exec(masked.slice(content0)))) {
      push({ start: abs(content0 + m[0].length), end: sent.end }, { start: abs(content0 + 13), end: abs(content0 + 13 + m[1].length) }, 'according to', 0.75);
      continue;
    }
    // "Trump said during a rally in Michigan that …": a sentence opening with its speaker and cue.
    const opening = OPENING.exec(masked.slice(content0));
    if (opening && opening[1].trim().split(/\s+/).every((w) => !/^(?:The|A|An|But|And|In|On|At|As|If|When|While)$/.test(w))) {
      const subjStart = content0;
      push({ start: abs(content0 + opening[0].length), end: sent.end }, trimSpan(text, { start: abs(subjStart), end: abs(subjStart + opening[1].length) }), opening[2], 0.8);
      continue;
    }
    // "In his state, Christie said, nonviolent offenders are …": an attribution set off by commas
    // inside the sentence. The statement is the sentence without it.
    // With quotation marks in the sentence only when none of them was handled as a quotation and the
    // attribution is outside them ("Trump, Sexton said, has created a “strange … zone.”").
    if ((m = PARENTHETICAL.exec(masked) ?? ACCORDING_INSIDE.exec(masked)) && m.index > content0 && (!/["“”]/.test(masked) || (handled.size === 0 && !inSentence.some((q) => q.start - sent.start <= m!.index && m!.index < q.end - sent.start))) && masked.slice(m.index + m[0].length).trim().split(/\s+/).length >= 3) {
      const npStart = m.index + m[0].indexOf(m[1]);
      const count = out.length;
      push({ start: abs(content0), end: sent.end }, { start: abs(npStart), end: abs(npStart + m[1].length) }, m[2] ?? 'according to', 0.75);
      if (out.length > count) out[out.length - 1].text = `${masked.slice(content0, m.index)}, ${masked.slice(m.index + m[0].length)}`.trim();
      continue;
    }
    // Trailing attribution: "…, the Kremlin said (on Thursday)(, citing …)."
    const trailing = TRAILING;
    trailing.lastIndex = 0;
    let trailingMatch: RegExpExecArray | null = null;
    for (let t = trailing.exec(masked); t; t = trailing.exec(masked)) {
      if (t.index > masked.length * 0.3 && t[1].split(/\s+/).length <= 9 && !/\b(?:that|which|who)\b/i.test(t[1])) trailingMatch = t;
    }
    // Inverted: "…, said Kunin." / "…, said the spokesman."
    INVERTED.lastIndex = 0;
    const inverted = !trailingMatch ? INVERTED.exec(masked) : null;
    if (inverted && inverted.index > masked.length * 0.3 && /["”]/.test(masked.slice(0, inverted.index))) {
      const subjStart = inverted.index + inverted[0].indexOf(inverted[2], inverted[0].indexOf(inverted[1]) + inverted[1].length);
      push({ start: abs(content0), end: abs(inverted.index) }, trimSpan(text, { start: abs(subjStart), end: abs(subjStart + inverted[2].length) }), inverted[1], 0.8);
      continue;
    }
    if (trailingMatch) {
      const subjStart = trailingMatch.index + trailingMatch[0].indexOf(trailingMatch[1]);
      push({ start: abs(content0), end: abs(trailingMatch.index) }, trimSpan(text, { start: abs(subjStart), end: abs(subjStart + trailingMatch[1].length) }), trailingMatch[2], 0.8);
      continue;
    }
    // "X described/denounced Y as …"
    if (LABELLING_WORDS.some((w) => lower.includes(w)) && (m = /\b(described|denounced|branded|labelled|labeled|dismissed|hailed)\b(?=[^.]{1,60}\bas\b)/iu.exec(masked))) {
      const subj = subjectBefore(masked, m.index);
      if (subj < m.index) {
        push({ start: abs(m.index + m[0].length), end: sent.end }, trimSpan(text, { start: abs(subj), end: abs(m.index) }), m[1], 0.7);
        continue;
      }
    }
    // "Obama defended the deal on Monday, saying (that) …": the participle's subject opens the sentence.
    if (lower.includes(', saying ') && (m = /,\s+saying(?:\s+that)?\s+(?!["“])/u.exec(masked))) {
      const subject = sentenceSubject(sent, abs(m.index));
      if (subject) {
        push({ start: abs(m.index + m[0].length), end: sent.end }, subject, 'saying', 0.7);
        continue;
      }
    }
    // "X said (on Thursday) (that) …"
    const forward = FORWARD;
    forward.lastIndex = 0;
    for (let f = forward.exec(masked); f; f = forward.exec(masked)) {
      if (/^(?:says|say|said)$/i.test(f[1]) && /\b(?:to|it is|was|is)\s+$/i.test(masked.slice(0, f.index))) continue;
      // Transitive verbs ("announced the talks", "maintained ties") report speech only with "that" or a colon.
      if (!/^(?:said|says|say|told|tells|added|adds|claimed|claims|claiming|insisted|insists|warned|warns|argued|argues|stressed|stresses|wrote|writes|replied|replies|predicted|predicts|believes|believed|explained|explains|noted|notes|announced|announces|confirmed|confirms|denied|denies|suggested|suggests|acknowledged|acknowledges|admitted|admits|urged|urges|promised|promises|vowed|vows|revealed|reveals|reported|reports|accused|accuses)$/.test(f[1]) && !f[2] && !f[3] && !asksQuestion(f[1], masked.slice(f.index + f[0].length))) continue;
      // "Karimi, executive director of Interfaith Paths to Peace, said …": step over the apposition.
      const span = subjectSpanBefore(masked, f.index);
      let subj = span.start;
      const subjText = subjectWords(masked.slice(subj, span.end));
      if (!subjText || subjText.split(/\s+/).length > 10) continue;
      subj = masked.indexOf(subjText, subj);
      const conj = /^(?:Though|Although|While|As|Because)\b/.test(masked.slice(Math.max(0, subj - 10), subj).trim().split(/\s+/).pop() ?? '');
      let endPos = sent.end;
      if (conj) {
        const comma = masked.indexOf(',', f.index + f[0].length);
        if (comma > 0) endPos = abs(comma);
      }
      push({ start: abs(f.index + f[0].length), end: endPos }, { start: abs(subj), end: abs(subj + subjText.length) }, f[1], 0.75);
      break;
    }
    // 3. A partial quotation in a sentence no rule attributed ("Rubio called the statement “offensive”"):
    //    the subject before the quote and the verb after it introduce a mixed statement.
    for (const partial of inSentence.filter((q) => !handled.has(q))) {
      if (out.slice(before2 - 0).some((st) => st.sentence === sent && st.start <= partial.start && st.end >= partial.end)) continue;
      if (out.length > before2 && out[out.length - 1].sentence === sent && out[out.length - 1].end > partial.start) continue;
      pushMixed(sent, partial);
    }
  }
  return out;

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

  function pushMixed(sent: Sentence, q: Quote): void {
    // The cue: the closest verb-like word before the quotation ("calling the candidate “fit”").
    const head = text.slice(sent.start, q.start);
    const cueRe = /\b([a-z]+(?:ed|es|s|ing)|told|said|wrote|thought|spoke|made|gave|took|put|sent|felt|saw|drew|read|says|say)\b(?:\s+(?:that|whether|to|of|on|about|for|with|as))?\s+/g;
    let cueMatch: RegExpExecArray | null = null;
    for (let m = cueRe.exec(head); m; m = cueRe.exec(head)) {
      if (head.length - m.index > 90) continue;
      if (/^(?:is|was|has|does|its|this|his|us|as|thus|always|perhaps|plus|news|series|bus|gas|less|unless|its|whereas|yes|ones|times|years|days|weeks|states|comments|remarks|words|things|others|politics)$/.test(m[1])) continue;
      cueMatch = m;
    }
    if (!cueMatch) return;
    const cueAt = sent.start + cueMatch.index;
    const candidates: Span[] = [
      ...index.personSpans.map((x) => ({ start: x.start, end: x.end })),
      ...index.orgSpans.map((x) => ({ start: x.start, end: x.end })),
    ].filter((x) => x.start >= sent.start && x.end <= cueAt && !/^[’']/.test(text.slice(x.end, x.end + 1)));
    const pronoun = /\b(?:he|she|they|He|She|They|I|We)\b/g;
    const slice = text.slice(sent.start, cueAt);
    for (let m = pronoun.exec(slice); m; m = pronoun.exec(slice)) candidates.push({ start: sent.start + m.index, end: sent.start + m.index + m[0].length });
    // The subject: the first candidate of the clause holding the cue — of the main clause when the cue
    // is a participle after a comma ("Trump went after Bush, calling him …"), and never one inside a
    // leading subordinate clause ("When Wallace died, …").
    const participle = /ing$/.test(cueMatch[1]) && /,\s*$/.test(head.slice(0, cueMatch.index));
    const lead = /^(?:When|As|After|In|Since|Because|If|While|Although|Though|Following|Before|During|With|Speaking|Holding)\b[^,]{0,140},\s*/.exec(slice);
    const mainStart = sent.start + (lead ? lead[0].length : 0);
    const lastComma = slice.lastIndexOf(', ', participle ? cueMatch.index - 3 : slice.length);
    const clauseStart = participle ? mainStart : Math.max(mainStart, sent.start + (lastComma >= 0 ? lastComma + 2 : 0));
    const ordered = candidates.sort((a, b) => a.start - b.start);
    const c = sentenceSubject(sent, cueAt) ?? ordered.find((x) => x.start >= clauseStart) ?? ordered.find((x) => x.start >= mainStart) ?? ordered[0];
    if (!c) return;
    const start = cueAt + cueMatch[0].length;
    const c2 = trimSpan(text, { start, end: sent.end });
    if (c2.end - c2.start < 4) return;
    const speaker = resolveSpeaker(c);
    out.push({ start: c2.start, end: c2.end, text: text.slice(c2.start, c2.end), kind: 'MIXED', cue: cueMatch[1], speaker, speakerText: text.slice(c.start, c.end), speakerSpan: c, confidence: speaker ? 0.55 : 0.3, sentence: sent });
  }
}
