import { describe, expect, it } from 'vitest';
import type { EntityIndexLocal } from '../../../src/extract/entities.ts';
import { findEntitiesByRules } from '../../../src/extract/entities.ts';
import { firstNameFrom, nameEndingAt, nameStartingAt, namesWithin } from '../../../src/extract/speech/named-spans.ts';

// Position look-ups over an entity index (src/extract/speech/named-spans.ts): bounds as each rule asks
// them, and a person before an organisation or a place at the same offsets.

const span = (start: number, end: number) => ({ start, end });
const index = {
  personSpans: [span(10, 20), span(40, 50)],
  orgSpans: [span(10, 20), span(30, 50)],
  placeSpans: [span(5, 20), span(60, 70)],
} as unknown as EntityIndexLocal;

describe('named spans by position', () => {
  it('finds the name ending at an offset within the start bounds, a person first', () => {
    expect(nameEndingAt(index, 'speakers', 20)).toBe(index.personSpans[0]);
    expect(nameEndingAt(index, 'speakers', 50, 35)).toBe(index.personSpans[1]);
    expect(nameEndingAt(index, 'speakers', 50, 0, 35)).toBe(index.orgSpans[1]);
    expect(nameEndingAt(index, 'speakers', 20, 11)).toBeNull();
    expect(nameEndingAt(index, 'all', 20, 0, 8)).toBe(index.placeSpans[0]);
    expect(nameEndingAt(index, 'speakers', 70)).toBeNull();
  });

  it('finds the name starting at either offset, and the earliest name opening a clause', () => {
    expect(nameStartingAt(index, 'speakers', 30)).toBe(index.orgSpans[1]);
    expect(nameStartingAt(index, 'speakers', 29, 40)).toBe(index.personSpans[1]);
    expect(firstNameFrom(index, 'speakers', 0, 100, 40)).toBe(index.personSpans[0]);
    expect(firstNameFrom(index, 'all', 0, 100, 40)).toBe(index.placeSpans[0]);
    expect(firstNameFrom(index, 'speakers', 25, 45, 40)).toBeNull();
    expect(firstNameFrom(index, 'speakers', 25, 100, 4)).toBeNull();
  });

  it('lists the names within a range by start', () => {
    expect(namesWithin(index, 'speakers', 0, 49)).toEqual([span(10, 20), span(10, 20)]);
    expect(namesWithin(index, 'speakers', 0, 50).map((x) => x.start)).toEqual([10, 10, 30, 40]);
  });

  it('reads a real index: the person a sentence opens with', () => {
    const text = 'Gordon Brown told MPs in London that Labour would cut taxes.';
    const x = findEntitiesByRules(text);
    const opener = firstNameFrom(x, 'speakers', 0, text.length, 10);
    expect(opener && text.slice(opener.start, opener.end)).toBe('Gordon Brown');
    const ending = nameEndingAt(x, 'all', text.indexOf(' that'));
    expect(ending && text.slice(ending.start, ending.end)).toBe('London');
  });
});
