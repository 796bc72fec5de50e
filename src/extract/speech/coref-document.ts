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

/** Who wrote the document named by `head` at or before `span`, if the article says so. */
export function documentAuthor(index: EntityIndexLocal, text: string, span: Span, head: string): Speaker {
  const nouns = SAME_DOC[head] ?? head;
  const re = new RegExp(`\\b(?:${nouns})s?\\b`, 'gi');
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
