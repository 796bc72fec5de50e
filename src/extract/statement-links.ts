import type { Span } from '../ingest/types.ts';
import type { StatementDraft } from './speech/draft.ts';
import type { LinkableEvent } from './linkable-event.ts';
import { leadEvent, namedAgain, namedLater, stemIndex, type EventReports, type StemIndex } from './statement-named-again.ts';

// Acts done in words, and agreements (whose parties go on to say what they agreed): what their author says next is
// mostly more of the same act. (Measured on the events gold's development part: meetings, deals, appointments and
// court steps are followed by talk about other things as often as not.)
const SPOKEN = new Set(['ACCUSE', 'REJECT', 'REQUEST', 'SUPPORT', 'THREATEN', 'AGREE']);

/**
 * A statement in a sentence that reports no event, by the source of a speech act reported in its
 * paragraph or the one before ("Pyongyang’s foreign ministry denounced Pompeo …" then “I wish our
 * dialogue counterpart would be not Pompeo,” the official said): the author following the act up,
 * linked to the latest such act. Only the source: what the accused says back is a reply, and
 * events done in deeds (a meeting, a company deal) are followed by talk about other things too.
 * Only quotation: what the author is reported to have said next is another matter as often as not
 * ("He rejected across-the-board tax cuts …", then that child benefit would rise).
 */
function followedUp(s: StatementDraft, events: LinkableEvent[]): number[] {
  const who = s.speaker?.entity;
  if (!who || s.kind === 'INDIRECT') return [];
  let best = -1;
  let bestStart = -1;
  events.forEach((e, i) => {
    const first = e.sentence;
    if (!first || first.paragraph === undefined || !SPOKEN.has(e.type ?? '') || first.start >= s.sentence.start || first.start <= bestStart) return;
    if (s.sentence.paragraph - first.paragraph > 1) return;
    if (!(e.sources ?? []).some((r) => (r.kind === 'person' || r.kind === 'org') && r.entity === who)) return;
    best = i;
    bestStart = first.start;
  });
  return best >= 0 ? [best] : [];
}

const inside = (m: Span, s: Span) => m.start >= s.start && m.end <= s.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

// A statement whose content is one word ("which", "he", "bankruptcy", a headline's "Trump") is a misread fragment, about nothing.
// So is a bare noun phrase of a few words ("a station official", "a 2.5 billion dlr"): no clause, nothing said.
const FRAGMENT = /^(?:[A-Za-z]+|(?:a|an|the)(?: [\w.$£€-]+){1,3})$/;

// "it had conducted its first weapons test since the last summit": a trigger after one of these dates the statement, it is not what the statement is about.
const TIME_REFERENCE = /\b(?:since|after|before|until)\s+(?:the\s+)?(?:(?:last|first|second|previous|recent|next|local|general)\s+)?$/i;

/** The statement's words before a point of one of its parts (its text is its parts joined by a space). */
function wordsBefore(s: StatementDraft, part: number, at: number): string {
  let offset = 0;
  for (let k = 0; k < part; k++) offset += s.spans[k].end - s.spans[k].start + 1;
  return s.text.slice(offset, offset + at - s.spans[part].start);
}

/** Whether the statement carries the event's trigger, in its words (not as a time reference) or as its cue. */
function carries(s: StatementDraft, e: LinkableEvent): boolean {
  return e.mentions.some((m) => s.spans.some((p, k) => inside(m, p) && !TIME_REFERENCE.test(wordsBefore(s, k, m.start))) || (s.cueSpan !== undefined && overlaps(m, s.cueSpan)));
}

/** Whether the statement holds the event's trigger only as a time reference ("until local elections start on April 12"). */
function onlyTimeReference(s: StatementDraft, e: LinkableEvent): boolean {
  let held = 0;
  for (const m of e.mentions)
    for (let k = 0; k < s.spans.length; k++) {
      if (!inside(m, s.spans[k])) continue;
      if (!TIME_REFERENCE.test(wordsBefore(s, k, m.start))) return false;
      held++;
    }
  return held > 0;
}

/**
 * Whether another statement of the sentence carries the event's trigger while this one does not:
 * "Russia … continued to provide food aid to the country, and Putin has long expressed his readiness to meet Kim"
 * — the aid is Russia's statement; Putin's says something else. (The same speaker's next clause, "May said the
 * country would declare its intention to break with the EU … and it would withdraw from the single market", goes on
 * about the same act.)
 */
function carriedByAnother(s: StatementDraft, e: LinkableEvent, all: StatementDraft[]): boolean {
  if (carries(s, e)) return false;
  // Another speaker, both known: a statement whose speaker was not resolved may be the same one's.
  return all.some((o) => o !== s && o.sentence.start === s.sentence.start && !!o.speaker && !!s.speaker && o.speaker.entity !== s.speaker.entity && e.mentions.some((m) => o.spans.some((p) => inside(m, p))));
}

/**
 * Whether the event is told only in the words between the statement's speaker and its cue: "Henman, who faces Russian
 * Igor Andreev in the quarter-finals, said it was difficult coming up against his compatriot" — the clause introduces
 * the speaker; what he said is about something else.
 */
function toldOfSpeaker(s: StatementDraft, e: LinkableEvent): boolean {
  const from = s.speakerSpan?.end;
  const to = s.cueSpan?.start;
  if (from === undefined || to === undefined || from >= to) return false;
  return e.mentions.every((m) => m.start >= from && m.end <= to && RELATIVE_AFTER_SPEAKER.test(s.sentence.text.slice(from - s.sentence.start, m.start - s.sentence.start)));
}

// The speaker's relative clause: ", who", ", whose", ", which" right after the name.
const RELATIVE_AFTER_SPEAKER = /^\s*,\s*(?:who|whose|which)\b/;

/** Whether the sentence first reports the event (an event without `sentence`: any of its sentences). */
const firstReports = (e: LinkableEvent, sentence: Span) => !e.sentence || e.sentence.start === sentence.start;

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
  const paragraphAt = new Map<number, number>();
  for (const e of events) for (const x of e.sentences) if (x.paragraph !== undefined) paragraphAt.set(x.start, x.paragraph);
  const reports: EventReports = { starts: [...bySentence.keys()].sort((a, b) => a - b), bySentence, paragraphAt, stems: [] };
  // Built on first use: most articles' statements all lie in sentences reporting an event.
  let named: StemIndex | undefined;
  let lead: number | undefined;
  return statements.map((s) => {
    const candidates = bySentence.get(s.sentence.start) ?? [];
    if (FRAGMENT.test(s.text.trim())) return [];
    if (!candidates.length) {
      const follow = followedUp(s, events);
      if (follow.length) return follow;
      const again = namedAgain(s, events, reports);
      return again.length ? again : namedLater(s, events, (named ??= stemIndex(events, reports.stems)), (lead ??= leadEvent(events)));
    }
    // A trigger the statement carries only as a time reference ("until local elections start") dates what it says.
    if (candidates.every((i) => onlyTimeReference(s, events[i]))) return [];
    // A sentence that only names an event again ("The Kim-Putin meeting would be the first …, as Moscow seeks to play
    // a role") is about it through a statement only when the statement carries its trigger.
    if (candidates.length === 1 && firstReports(events[candidates[0]], s.sentence) && !carriedByAnother(s, events[candidates[0]], statements)) return toldOfSpeaker(s, events[candidates[0]]) ? [] : candidates;
    return candidates.filter((i) => carries(s, events[i]));
  });
}
