import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';

// Look-ups of the entity index's name spans by position, shared by the speaker rules (statements.ts,
// source-tidy.ts, subjects.ts, apposition.ts). Lists are read in a fixed order — people, then
// organisations, then places — so where two names qualify equally, a person wins, as each rule
// expects. Nothing is allocated per look-up but the result.

/** Which names a rule looks at: people and organisations (who can speak), or places too. */
export type NameKinds = 'speakers' | 'all';

const listsOf = (index: EntityIndexLocal, kinds: NameKinds): readonly Span[][] =>
  kinds === 'all' ? [index.personSpans, index.orgSpans, index.placeSpans] : [index.personSpans, index.orgSpans];

/** The first name ending at `end` whose start lies in [from, before). */
export function nameEndingAt(index: EntityIndexLocal, kinds: NameKinds, end: number, from = 0, before = end): Span | null {
  for (const list of listsOf(index, kinds)) {
    for (const y of list) if (y.end === end && y.start >= from && y.start < before) return y;
  }
  return null;
}

/** The first name starting at one of the given offsets. */
export function nameStartingAt(index: EntityIndexLocal, kinds: NameKinds, at: number, orAt = at): Span | null {
  for (const list of listsOf(index, kinds)) {
    for (const y of list) if (y.start === at || y.start === orAt) return y;
  }
  return null;
}

/** The name starting earliest in [from, from + reach] and ending by `to` (a clause's subject, if it opens it). */
export function firstNameFrom(index: EntityIndexLocal, kinds: NameKinds, from: number, to: number, reach: number): Span | null {
  let best: Span | null = null;
  for (const list of listsOf(index, kinds)) {
    for (const y of list) if (y.start >= from && y.start <= from + reach && y.end <= to && (!best || y.start < best.start)) best = y;
  }
  return best;
}

/** Every name lying within [from, to], by start (people before organisations at the same start). */
export function namesWithin(index: EntityIndexLocal, kinds: NameKinds, from: number, to: number): Span[] {
  const out: Span[] = [];
  for (const list of listsOf(index, kinds)) for (const y of list) if (y.start >= from && y.end <= to) out.push(y);
  return out.sort((a, b) => a.start - b.start);
}
