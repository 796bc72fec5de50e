import type { Sentence } from '../sentences.ts';
import type { EntityIndexLocal } from '../entities.ts';
import type { Span } from '../../ingest/types.ts';
import type { Quote } from './quotes.ts';
import { attributeQuote } from './direct.ts';
import type { Reported } from './reported.ts';
import { joinSpans, overlapsHalf, partsAround, relativeClause, type StatementDraft } from './draft.ts';
import { kindOf } from './kind.ts';
import { invertedAttribution } from './inverted.ts';
import { openingClauseSource, participleSource, sourceSpan } from './source.ts';
import { passiveSource } from './source-passive.ts';
import { tidySourceSpan } from './source-tidy.ts';
import { appositionChainHost } from './apposition.ts';
import { firstNameFrom, nameEndingAt } from './named-spans.ts';
import { createSpeakerResolver, NOT_A_SPEAKER, plausibleSpeaker } from './speaker.ts';
import { subjectFinders } from './subjects.ts';
import { sourceCandidates, sourceContext, type Candidate, type SourceContext, type SourceQuery } from './source-candidates.ts';
import { rankSources, sourceModel } from './source-ranker.ts';

// Assembly of one article's statements in reading order: quotations (rules, direct.ts) and learned
// reported speech (reported.ts), each with its speaker (source.ts, speaker.ts, subjects.ts).

/** Training hook (`npm run train:source`): sees every statement's source candidates. Never set in extraction. */
let recorder: ((query: SourceQuery, candidates: Candidate[], named: Span[][]) => void) | null = null;
export function recordSources(fn: typeof recorder): void {
  recorder = fn;
}

/** A participle of saying that goes on from an attribution ("…,” he said, adding: “…”"). */
const SAYING_PARTICIPLE = /^(?:adding|saying|noting|continuing|explaining|arguing|insisting|stressing|warning|acknowledging|asserting|suggesting|claiming|predicting|vowing|promising)\b/;

/** A source query's history before chooseSource fills it in. */
const NO_HISTORY: Span[] = [];

/**
 * The statement ending last in the text (the last assembled among equals): reported speech of a
 * sentence is assembled after its quotations, so "He told the Journal that …: “A,” Roffman
 * predicted. “B.”" has the paraphrase after “A” in assembly order. Only those ending before `at`,
 * where the quotation starts (reported content running over it is dropped for it).
 */
function lastInText(list: StatementDraft[], at: number): StatementDraft | undefined {
  let best: StatementDraft | undefined;
  for (const h of list) if (h.end <= at && (!best || h.end >= best.end)) best = h;
  return best;
}

/** The first person, organisation or place named in [from, to), when one opens it (a clause's subject). */
function namedIn(text: string, index: EntityIndexLocal, from: number, to: number): Span | null {
  const named = firstNameFrom(index, 'all', from, to, 30);
  return named && /^(?:(?:the|The)\s+)?(?:[\p{Lu}][\p{L}’'.-]*\s+){0,4}$/u.test(text.slice(from, named.start)) ? { start: named.start, end: named.end } : null;
}

/** Whether a span ends in a name of the entity index ("Pyongyang", "Chancellor Gordon Brown"). */
function isNameSpan(index: EntityIndexLocal, x: Span): boolean {
  return nameEndingAt(index, 'all', x.end, x.start) !== null;
}

/**
 * One article's statements as they are assembled in reading order. A class with one method per step,
 * not closures in one large function: V8 compiles and re-optimises each step on its own.
 */
export class StatementAssembly {
  readonly out: StatementDraft[] = [];
  /** The span the rules chose, per statement: what decides nested attributions and content cuts, as before. */
  readonly ruleSpan = new Map<StatementDraft, Span | null>();
  /** Whom a source span names (also for the steps after assembly: named-quotations.ts). */
  readonly resolveSpeaker: ReturnType<typeof createSpeakerResolver>;
  private readonly subjects: ReturnType<typeof subjectFinders>;
  private readonly model = sourceModel();
  private context: SourceContext | null = null;
  /** The speaker spans of out[0 .. historyOf), for the ranker's paragraph-history features. */
  private readonly history: Span[] = [];
  private historyOf = 0;
  private readonly namedIn = (from: number, to: number) => namedIn(this.text, this.index, from, to);

  constructor(
    private readonly text: string,
    private readonly sentences: Sentence[],
    private readonly paragraphs: Span[],
    private readonly index: EntityIndexLocal,
    readonly quotes: Quote[],
  ) {
    this.resolveSpeaker = createSpeakerResolver(index, text, this.out);
    this.subjects = subjectFinders(text, sentences, index, quotes);
  }

  /**
   * The learned source step (speech/source-ranker.ts) ranks a statement's candidate sources, with the
   * span the rules chose as one of its features; without a model (training) the rules decide (undefined).
   */
  private chooseSource(query: SourceQuery): Span | null | undefined {
    if (!this.model && !recorder) return undefined;
    this.context ??= sourceContext(this.text, this.sentences, this.index, this.quotes.map((q) => ({ start: q.start, end: q.end })));
    // The speakers written so far, in order: statements are only ever appended, so the list grows with them.
    for (; this.historyOf < this.out.length; this.historyOf++) {
      const written = this.out[this.historyOf].speakerSpan;
      if (written) this.history.push(written);
    }
    // A copy only for training, which keeps the query: the candidates only read the list while they are built.
    query.history = recorder ? this.history.slice() : this.history;
    const candidates = sourceCandidates(this.context, query);
    // For training: the mentions of whom each candidate names, so any candidate naming the gold source counts as right.
    if (recorder) recorder(query, candidates, candidates.map((c) => this.resolveSpeaker(c)?.entity.mentions ?? []));
    if (!this.model) return undefined;
    const at = rankSources(this.model, candidates);
    return at >= 0 ? { start: candidates[at].start, end: candidates[at].end } : null;
  }

  /** 1. A direct quotation with an attribution right after ("…,” said Kwon.) or before (Kwon said: “…”). */
  direct(sent: Sentence, q: Quote): void {
    const { text, paragraphs, out } = this;
    const attribution = attributeQuote(text, sent, q, paragraphs, this.index);
    if (!attribution) return;
    const { speakerSpan: found, cue: foundCue, contentStart } = attribution;
    // The span as written is tidied (source-tidy.ts); whom it names is read from the span as found, so
    // a pronoun cut out of a misread phrase ("naturally he") is not resolved afresh: weak evidence.
    let speakerSpan = tidySourceSpan(text, this.index, found, this.resolveSpeaker);
    let cue = foundCue;
    let speaker = speakerSpan && found ? this.resolveSpeaker(found) : null;
    let confidence = speaker ? 0.9 : 0.4;
    let inherited: StatementDraft | undefined;
    // A span found but naming no one ("In", "Holding") leaves the quotation without a speaker: its
    // attribution is in this sentence, so it does not continue the speaker before.
    if (!found) {
      // A quotation standing alone continues the speaker of this or the previous paragraph
      // ("Kerry said that … would be accepted. ⏎ “That adds up to …”").
      // Positions, not sentence numbers: a quotation spanning paragraphs belongs to the paragraph it ends in.
      const from = paragraphs[Math.max(0, sent.paragraph - 1)]?.start ?? 0;
      // The statement written last before the quotation, not the one found last: reported speech of
      // a sentence is assembled after its quotations, so "Trump posted … “A,” he tweeted. “B.”"
      // continues "he tweeted", which comes later in the text.
      let at = -1;
      for (const h of out) {
        // Not reported speech whose content is this quotation ("“…?” Bush said. “Libya …”" read by the
        // learned step as "said" → “Libya …”): the quotation replaces it once all are assembled.
        if (this.replacedBy(h, q)) continue;
        // Not a relative clause's statement ("…,” said Nicky Driscoll, …, who said Sanders is …. “It's
        // supposed to be …”): the quotation goes on with the person the clause is about.
        // Also a description running into its relative ("a veteran GOP leader who had endorsed Kasich").
        if (relativeClause(h)) continue;
        const written = h.speakerSpan ? Math.max(h.start, h.speakerSpan.start) : -1;
        if (h.speakerSpan && Math.max(h.end, h.speakerSpan.end) >= from && written <= q.inner.start && written >= at) {
          inherited = h;
          at = written;
        }
      }
      if (inherited) {
        speaker = inherited.speaker;
        speakerSpan = inherited.speakerSpan;
        cue = inherited.cue;
        confidence = 0.6;
      } else if (text.slice(sent.start, q.start).trim() === '' && sent.paragraph > 0 && sent.start === paragraphs[sent.paragraph].start) {
        // Nobody quoted yet, but the paragraph before is about someone ("Valastro praised Christie’s
        // leadership. ⏎ “We need someone who …”"): its last sentence's subject, when that is a name.
        const subject = this.subjects.previousParagraphSubject(sent.paragraph);
        if (subject) {
          speakerSpan = subject;
          speaker = this.resolveSpeaker(subject);
          confidence = 0.5;
        }
      }
    }
    // “A,” the judge exclaimed, “B.” — a quotation interrupted by its attribution: the second part's
    // speaker is the attribution between the two parts, so it continues the first part's statement.
    const last = lastInText(out.filter((h) => !this.replacedBy(h, q)), q.start);
    // Also across a full stop when both quotations have the same attribution (“A,” Roffman predicted. “B.”).
    // Not when the attribution goes on to a participle of saying ("…,” Lewandowski said, adding: “B.”): B is what was added.
    const interrupted = !inherited && found && last && !SAYING_PARTICIPLE.test(text.slice(found.end, q.start).replace(/^[^,]*,\s*/, '')) && last.kind === 'DIRECT' && last.speakerSpan && last.end <= found.start && found.end <= q.inner.start && q.inner.start - last.end <= 160 && Math.min(found.end, last.speakerSpan.end) > Math.max(found.start, last.speakerSpan.start) && (!/[.!?]\s/.test(text.slice(last.speakerSpan.end, q.start)) || (found.start === last.speakerSpan.start && found.end === last.speakerSpan.end));
    if (interrupted) inherited = last;
    // Past the relative clauses of its attribution ("…,” said Tom Rath, a veteran GOP leader who had
    // endorsed Kasich …. “B.”): they are statements of their own, and the quotation goes on.
    const lastOwn = lastInText(out.filter((h) => !this.replacedBy(h, q) && !(inherited && h.start > inherited.end && relativeClause(h))), q.start);
    const host = inherited && inherited === lastOwn ? this.continuedBy(inherited, q) : undefined;
    if (host) {
      // “A,” X said. “B.” — one statement: offsets span both parts, the text joins the quoted words.
      host.end = q.inner.end;
      host.spans.push({ start: q.inner.start, end: q.inner.end });
      host.text = joinSpans(text, host.spans);
      return;
    }
    // A transcript's turn ("PENCE: Well, …") says what follows its speaker's label.
    const start = contentStart ?? q.inner.start;
    out.push({
      start,
      end: q.inner.end,
      text: text.slice(start, q.inner.end),
      spans: [{ start, end: q.inner.end }],
      kind: 'DIRECT',
      cue,
      speaker,
      speakerText: speakerSpan ? text.slice(speakerSpan.start, speakerSpan.end) : null,
      speakerSpan,
      confidence,
      sentence: sent,
    });
  }

  /**
   * Reported speech whose content is mostly the quotation `q` (withoutNested drops it for the quotation)
   * and whose attribution is the one of the quotation before it: "“…?” Bush said. “Libya …”", where the
   * learned step read "Bush said" as introducing “Libya …”.
   */
  private replacedBy(h: StatementDraft, q: Quote): boolean {
    if (h.kind === 'DIRECT' || !h.speakerSpan || !overlapsHalf(h, q.inner)) return false;
    const before = this.out[this.out.indexOf(h) - 1];
    return Boolean(before && before.kind === 'DIRECT' && before.speakerSpan && before.speakerSpan.start === h.speakerSpan.start && before.speakerSpan.end === h.speakerSpan.end);
  }

  /**
   * The statement a quotation standing alone goes on with, when `h` (the statement written last before
   * it) ends in a quotation by the same attribution: a quotation ("“A,” X said. “B.”"); the quotation
   * of an attribution that goes on in a participle's clause ("“A,” Clinton said, referencing a super
   * PAC …. “B.”": the clause is a statement of its own, the quotation goes on with "said"); mixed
   * speech ending in its quotation ("America needs leaders “who …,” Clinton said. ⏎ “And that’s why …”").
   * Not reported speech otherwise: after a paraphrase the quotation is a statement of its own.
   */
  private continuedBy(h: StatementDraft, q: Quote): StatementDraft | undefined {
    if (h.kind === 'DIRECT') return h;
    const span = h.speakerSpan;
    if (!span) return undefined;
    const before = this.out[this.out.indexOf(h) - 1];
    const sameAttribution = before && before.kind === 'DIRECT' && before.speakerSpan && before.speakerSpan.start === span.start && before.speakerSpan.end === span.end;
    if (sameAttribution && h.start > span.end) return before;
    const text = this.text;
    if (h.kind !== 'MIXED') return undefined;
    const endsInQuotation = span.start >= h.end && /[”"][,.!?]?\s*$/.test(text.slice(h.end - 3, span.start)) && /^\s+[\p{L}]+(?:\s+[\p{L}]+)?\.\s*$/u.test(text.slice(span.end, q.start));
    // Mixed content running up to the quotation ("Corker said he … were “meticulous”
    // about …, a formal acronym …. “If we were …”").
    const runsInto = span.end <= h.start && /^[.!?]?\s*$/.test(text.slice(h.end, q.start)) && !text.slice(h.end, q.start).includes('\n');
    return endsInQuotation || runsInto ? h : undefined;
  }

  /** 2. Reported speech or a partial quotation: a learned cue and content span, with its speaker. */
  reported(si: number, sent: Sentence, found: Reported): void {
    const { text, out } = this;
    const inverted = invertedAttribution(text, sent, found, this.index);
    const r = inverted?.reported ?? found;
    // A cue attributing a quotation already taken as direct speech ("…,” Kwon said) adds nothing
    // (quotations in later sentences, "Cruz continued: ⏎ “…”", are checked once all are known).
    if (out.some((d) => d.kind === 'DIRECT' && overlapsHalf(d, r.content))) return;
    if (out.some((d) => d.start === r.content.start && d.end === r.content.end)) return;
    const byRules = this.ruleSource(sent, r);
    // Rules kept where they are excellent: a participle's own clause ("… after North Korea launched an
    // attack on Pompeo, demanding …") and a name written before its cue with at most three lower-case
    // words between ("as Moscow seeks to …", "Trump also said"). PolNeAR has few of the first kind and
    // the ranker learns them poorly; for the second it agrees with the rules (held-out train: all
    // speaker F1 0.745 either way), and not asking it there keeps the step cheap. The seeds'
    // statements go to North Korea and Russia, not to the Kremlin or "the two leaders".
    const adjacentName = byRules.span && byRules.span.end <= r.cue.start && /^(?:\s+[a-z]+){0,3}\s*$/.test(text.slice(byRules.span.end, r.cue.start)) && isNameSpan(this.index, byRules.span);
    const keepRules = Boolean(byRules.participle || adjacentName);
    // Sources the layout settles: the name an inverted attribution ends with; for a passive cue, whose
    // subject is who is talked about, the agent after "by", or no one.
    const settled = inverted ? inverted.speaker : passiveSource(text, sent, r, this.namedIn);
    // Where the rules stand, the ranker is not asked (its candidates are only built for training).
    const chosen = (keepRules || settled !== undefined) && !recorder ? undefined : this.chooseSource({ anchor: r.cue, content: r.content, layout: r.direction, cue: text.slice(r.cue.start, r.cue.end), sentence: si, rule: byRules.span, rulePath: byRules.path, history: NO_HISTORY });
    const picked = settled !== undefined ? settled : chosen === undefined || keepRules ? byRules.span : chosen;
    // A name inside a description set off after the sentence's subject is not the subject (apposition.ts).
    const host = r.content.start >= r.cue.end ? appositionChainHost(this.index, text, sent.start, r.cue.start) : null;
    const asFound = host && (!picked || (picked.start >= host.end && picked.end <= r.cue.start)) ? host : picked;
    const speakerSpan = tidySourceSpan(text, this.index, asFound, this.resolveSpeaker);
    const speaker = speakerSpan && asFound ? this.resolveSpeaker(asFound) : null;
    const inside = byRules.span && byRules.span.start >= r.content.start && byRules.span.end <= r.content.end ? byRules.span : r.cue;
    const spans = partsAround(text, r.content, { start: Math.min(r.cue.start, inside.start), end: Math.max(r.cue.end, inside.end) });
    const draft: StatementDraft = {
      start: spans[0].start,
      end: spans[spans.length - 1].end,
      text: joinSpans(text, spans),
      spans,
      kind: kindOf(r.content, this.quotes, text),
      cue: text.slice(r.cue.start, r.cue.end),
      cueSpan: r.cue,
      speaker,
      speakerText: speakerSpan ? text.slice(speakerSpan.start, speakerSpan.end) : null,
      speakerSpan,
      confidence: speaker ? 0.75 : 0.35,
      sentence: sent,
    };
    this.ruleSpan.set(draft, byRules.span);
    out.push(draft);
  }
  /**
   * The source the speaker rules choose for a reported statement, and how: 1 a participle's clause,
   * 2 a second predicate of the statement before, 3 the layout rules, 4 the nearest name before.
   */
  ruleSource(sent: Sentence, r: Reported): { span: Span | null; path: number; participle: Span | null } {
    const { text, out } = this;
    // A second predicate of the same subject ("… denounced Pompeo as “reckless” and called for him to
    // be removed"; "Pyongyang slams Pompeo, claims …"): the words between the two are only a comma, a
    // conjunction or an adverb, so the speaker is the first one's.
    const previous = out[out.length - 1];
    // Also after the first one's attribution ("…, the spokesperson added, but did not provide …").
    const previousEnd = previous ? Math.max(previous.end, previous.cueSpan?.end ?? 0, previous.speakerSpan?.end ?? 0) : 0;
    const coordinated = previous && previous.sentence === sent && previous.speakerSpan && previousEnd <= r.cue.start && /^[\s,;”"’]*(?:(?:and|but|also|then|later)\s+)*$/i.test(text.slice(previousEnd, r.cue.start));
    const participle = participleSource(text, sent, r, this.namedIn) ?? openingClauseSource(text, sent, r, this.namedIn);
    const found = participle ?? (coordinated ? previous.speakerSpan : sourceSpan(text, sent, r, (to) => this.subjects.sentenceSubject(sent, to)));
    // What follows "according to" is a source by construction, however long its description.
    const according = /^according/i.test(text.slice(r.cue.start, r.cue.end));
    const span = found && (according || plausibleSpeaker(text.slice(found.start, found.end))) && !NOT_A_SPEAKER.test(text.slice(found.start, found.end).trim()) ? found : this.subjects.nearestSpeakerBefore(sent.start, Math.min(r.cue.start, r.content.start));
    const path = span !== found ? 4 : participle ? 1 : coordinated ? 2 : 3;
    return { span, path, participle };
  }
}
