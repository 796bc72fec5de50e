import type { EntityDraft } from '../entity-drafts.ts';
import { opensWithGivenName } from '../given-names.ts';

type Spanned = { start: number; end: number };

/** A name before "scale" is a scale's ("6.5 on the Richter scale", "the Mercalli scale"), no one's. */
const BEFORE_SCALE = /^\s+scale\b/;

/** A "person" every mention of whom names a scale (the Richter scale: a person in 15 Reuters stories). */
export function namesAScale(text: string, person: EntityDraft): boolean {
  return person.mentions.length > 0 && person.mentions.every((m) => BEFORE_SCALE.test(text.slice(m.end, m.end + 8)));
}

/** How far either side of a mention a table written in capitals reaches. */
const CAPITALS_REACH = 100;
const LOWER = /\p{Ll}/u;

/**
 * A one-word "person" written only in capitals, every mention inside a stretch of capitals reaching
 * CAPITALS_REACH characters either side: a wire table's place or word, not a name ("PARANA STATE:
 * UMUARAMA NIL, PARANAVAI 1.5 MILLIMETRES, …", Reuters' Brazilian rain tables). The recogniser learnt
 * names from mixed case; a headline in capitals is shorter than the reach and keeps its names.
 */
export function inCapitalsTable(text: string, person: EntityDraft, spans: Spanned[]): boolean {
  if (person.name.includes(' ') || person.name !== person.name.toUpperCase() || person.roles.size > 0 || !spans.length) return false;
  return spans.every((s) => s.start >= CAPITALS_REACH && s.end + CAPITALS_REACH <= text.length && !LOWER.test(text.slice(s.start - CAPITALS_REACH, s.end + CAPITALS_REACH)));
}

/**
 * Nouns after a name that make it the name of a thing: accords and treaties named after the place
 * they were signed ("the Louvre accord", "the Plaza agreement"), museums and scales ("the Richter scale").
 */
const THING_AFTER = /^\s+(?:accords?|agreements?|pacts?|treaty|museum|gallery|scale)\b/i;
/**
 * Words after "the Name" that leave the name the head of its phrase ("The Court is expected", "the
 * Louvre has given"): a verb or a joiner, not a noun the name qualifies ("the Reagan administration").
 */
const HEAD_ENDS = /^(?:\s*[,.;:!?)”"'’]|\s*$|\s+(?:is|was|are|were|has|had|have|will|would|could|can|should|may|might|must|said|says|and|or|of|in|on|at|to|for|which|that|who|also|itself)\b)/;
const THE_BEFORE = /\b[Tt]he\s+(?:so-called\s+)?$/;

/**
 * A one-word "person" that the text names as a thing: every mention qualifies a noun of a named
 * thing (THING_AFTER: "the so-called Louvre accord") or is "the Name" heading its phrase ("The Court
 * is expected to reach a verdict", "The Louvre has also given permission"). People
 * take no article; a person's name that qualifies another noun ("the Reagan administration") is kept.
 */
export function namedAsThing(text: string, person: EntityDraft, spans: Spanned[]): boolean {
  if (person.name.includes(' ') || person.roles.size > 0 || opensWithGivenName([person.name]) || !spans.length) return false;
  return spans.every((s) => {
    const after = text.slice(s.end, s.end + 20);
    return THING_AFTER.test(after) || (THE_BEFORE.test(text.slice(Math.max(0, s.start - 14), s.start)) && HEAD_ENDS.test(after));
  });
}
