import type { Span } from '../ingest/types.ts';
import type { Mention } from './types.ts';
import type { StatementDraft } from './speech/draft.ts';

/** What linking needs of an event: where its triggers are written and the sentences that report it. */
export interface LinkableEvent {
  mentions: Mention[];
  sentences: Span[];
}

const inside = (m: Span, s: Span) => m.start >= s.start && m.end <= s.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * Which events each statement is about, as event indexes per statement. A statement is about the
 * events reported in its sentence; when that sentence reports several ("North Korea slams Pompeo
 * and calls for his removal"), the statement is about the ones whose trigger it carries, in its
 * words or as its cue ("calls for" → the request, not the accusation). A statement carrying none of
 * its sentence's several triggers is linked to none of them: which one it is about is a guess.
 */
export function linkStatements(statements: StatementDraft[], events: LinkableEvent[]): number[][] {
  const bySentence = new Map<number, number[]>();
  events.forEach((e, i) => {
    for (const s of e.sentences) {
      const list = bySentence.get(s.start);
      if (list) list.push(i);
      else bySentence.set(s.start, [i]);
    }
  });
  return statements.map((s) => {
    const candidates = bySentence.get(s.sentence.start) ?? [];
    if (candidates.length <= 1) return candidates;
    return candidates.filter((i) => events[i].mentions.some((m) => s.spans.some((p) => inside(m, p)) || (s.cueSpan !== undefined && overlaps(m, s.cueSpan))));
  });
}
