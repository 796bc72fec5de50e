import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';
import type { StatementDraft } from './draft.ts';

// A document as the speaker ("the report said", "the study found", "Oxfam's report says"): an editor
// names who wrote it, when the article says so — the name in the possessive before the document
// ("the IPPR's report"), after "by/from/of" ("a study by the OECD"), right before it ("the IMF
// report") or as the subject that published it ("Oxfam published a report"). Else no one.

type Speaker = StatementDraft['speaker'];

/** Nouns of documents and findings that are written as speakers. */
export const DOC_HEAD = /^(?:report|study|survey|research|poll|analysis|letter|statement|lawsuit|review|figures|data|document|audit|inquiry|investigation|findings|memo|ruling|judgment|judgement|consultation|forecast)$/;

/** Words that stand for one another when the article names the document again. */
const SAME_DOC: Record<string, string> = { study: 'report|study|research', research: 'report|study|research', report: 'report|study|research|survey', survey: 'survey|poll|report', poll: 'poll|survey', findings: 'report|study|research|findings', figures: 'figures|data', data: 'figures|data' };

const PUBLISHED = /^\s+(?:has\s+|have\s+|had\s+)?(?:published|released|issued|produced|commissioned|carried\s+out|conducted|prepared|compiled|unveiled|filed|sent|wrote|written)\b[^.;!?“”"]{0,60}$/;

/** The pattern of each set of document nouns, compiled once (a few: DOC_HEAD's words and SAME_DOC's sets); matchAll copies it, so its lastIndex is never shared. */
const DOC_PATTERNS = new Map<string, RegExp>();

/** Who wrote the document named by `head` at or before `span`, if the article says so. */
export function documentAuthor(index: EntityIndexLocal, text: string, span: Span, head: string): Speaker {
  const nouns = SAME_DOC[head] ?? head;
  let re = DOC_PATTERNS.get(nouns);
  if (!re) DOC_PATTERNS.set(nouns, (re = new RegExp(`\\b(?:${nouns})s?\\b`, 'gi')));
  const from = Math.max(0, span.start - 2500);
  const hits: number[] = [];
  for (const m of text.slice(from, span.end).matchAll(re)) hits.push(from + m.index!);
  const names = [...index.personSpans.map((p) => ({ start: p.start, end: p.end, s: { type: 'person' as const, entity: p.person } })), ...index.orgSpans.map((o) => ({ start: o.start, end: o.end, s: { type: 'organization' as const, entity: o.org } }))];
  for (const at of hits.reverse()) {
    const end = at + (/^\S+/.exec(text.slice(at))?.[0].replace(/[^\p{L}]+$/u, '').length ?? 0);
    // Before it: "Oxfam's new report", "the IMF report", "an OECD study".
    const before = names.filter((n) => n.end <= at && n.end >= at - 40 && /^(?:[’']s?)?\s+(?:[\p{L}-]+\s+){0,2}$/u.test(text.slice(n.end, at))).pop();
    if (before) return before.s;
    // After it: "a report by the Institute …", "the study from Cambridge University".
    const by = /^(?:\s+[\p{L}-]+){0,3}?\s+(?:by|from|of|for)\s+(?:the\s+)?/u.exec(text.slice(end, end + 60));
    const after = by && names.find((n) => n.start === end + by[0].length);
    if (after) return after.s;
    // The subject that published it: "Oxfam published a report …".
    const pub = names.filter((n) => n.end <= at && n.end >= at - 80 && PUBLISHED.test(text.slice(n.end, at))).pop();
    if (pub) return pub.s;
  }
  return null;
}

/** Things that speak in the press without being organisations: documents and what is published. */
const THING_HEAD = /^(?:advert|advertisement|ad|list|paper|piece|editorial|article|book|email|e-mail|message|post|tweet|column|transcript|filing|complaint|petition|bill|note|release|website|page|film|documentary|programme|show)$/;

/** The head noun of a description written as a speaker ("A report by analysts InStat/MDR" → report). */
function descriptionHead(phrase: string): string | null {
  const m = /^(?:the|a|an|this|its|their)\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)(?:\s+(?:by|from|of|for|in|on|published|released|issued|filed)\b.*)?$/iu.exec(phrase.trim());
  return m ? m[1].split(/\s+/).pop()!.toLowerCase() : null;
}

/**
 * "It" right after a statement whose speaker is a document ("…,” the advert said. It also urged …";
 * "the congressional report said. It accused the FDIC …") is that document again: the same speaker
 * (its author, or no one), not the organisation the sentences mention. Undefined when it is not.
 */
export function documentContinued(text: string, span: Span, history: StatementDraft[]): Speaker | undefined {
  // The last statement with a speaker span before the pronoun (read backwards, without a copy: this
  // runs for every "it").
  let prev: StatementDraft | undefined;
  for (let i = history.length - 1; i >= 0 && !prev; i--) if (history[i].speakerSpan && history[i].speakerSpan!.end <= span.start) prev = history[i];
  if (!prev || prev.speakerSpan!.end < span.start - 600) return undefined;
  // Only the sentence before or the pronoun's own: at most one full stop between them.
  // Or a chain of sentences about it ("…,” the advert said. It also included a coupon … It also urged …").
  const between = text.slice(Math.max(prev.end, prev.speakerSpan!.end), span.start);
  const stops = [...between.matchAll(/[.!?][”"’]?\s+/g)];
  if (stops.length > 1 && !stops.slice(0, -1).every((m) => /^(?:It|it)\s/.test(between.slice(m.index! + m[0].length)))) return undefined;
  // A finding quoted inside another statement ("The NAO said although the latest figures showed …")
  // is not what the story is about.
  if (history.some((h) => h !== prev && h.start <= prev.speakerSpan!.start && prev.speakerSpan!.end <= h.end)) return undefined;
  const head = descriptionHead(prev.speakerText ?? '');
  if (!head || !(DOC_HEAD.test(head) || THING_HEAD.test(head))) return undefined;
  if (prev.speaker || !/^(?:the|this|its|their)\s+[\p{L}-]+$/iu.test(prev.speakerText!.trim())) return prev.speaker;
  // A bare "the report" with no author written near it: the organisation quoted last before it, whose
  // report it usually is ("The NAO urged … The report said: …"), else no one. Not a report described
  // further ("the congressional report", "the white paper"), which is someone else's.
  const owner = [...history].reverse().find((h) => h.speaker?.type === 'organization' && (h.speakerSpan?.start ?? h.start) < prev.speakerSpan!.start && (h.speakerSpan?.start ?? h.start) >= prev.speakerSpan!.start - 1500);
  return owner ? owner.speaker : null;
}
