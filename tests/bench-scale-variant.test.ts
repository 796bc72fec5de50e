import { describe, expect, it } from 'vitest';
import type { Extraction } from '../src/extract/types.ts';
import type { ParsedArticle } from '../src/ingest/types.ts';
import { GIVEN_NAMES, nameSwap } from '../bench/scale/name-pool.ts';
import { rewrite } from '../bench/scale/rewrite.ts';
import { makeVariant, renameKey, shiftDate, variantOf } from '../bench/scale/variant.ts';

// The variants of the scale benchmark are derived from one extraction by renaming inside it: every
// offset must still point at the same words of the rewritten text.
const text = 'Tony Blair met Gordon Brown in 1997.\n\nBlair said profits rose to 1,250.5 million on April 3.';
const at = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length, text: s });
const parsed: ParsedArticle = {
  title: 'Blair meets Brown', source: 'Wire', url: null, externalId: 'x1', publishedAt: '1996-02-29', dateline: null, text,
  paragraphs: [{ start: 0, end: 36, text: text.slice(0, 36) }, { start: 38, end: text.length, text: text.slice(38) }], captions: [], contentHash: 'h',
};
const extraction: Extraction = {
  people: [
    { key: 'person:tony-blair', name: 'Tony Blair', aliases: ['Blair'], roles: [], mentions: [at('Tony Blair'), at('Blair', 40)] },
    { key: 'person:gordon-brown', name: 'Gordon Brown', aliases: [], roles: [], mentions: [at('Gordon Brown')] },
  ],
  organizations: [], places: [],
  events: [{ key: 'meeting:gordon-brown+tony-blair@1997', title: 'Tony Blair–Gordon Brown meeting', kind: 'MEETING', startDate: '1997', endDate: null, precision: 'YEAR', placeKey: null, participantKeys: ['person:tony-blair', 'person:gordon-brown'], organizationKeys: [], mentions: [at('met')] }],
  statements: [{ ...at('profits rose to 1,250.5 million on April 3'), kind: 'INDIRECT', cue: 'said', speaker: { type: 'person', key: 'person:tony-blair' }, speakerText: 'Blair', eventKey: null, confidence: 0.9 }],
};

describe('scale benchmark variants', () => {
  const swap = new Map([['Tony', 'Alan'], ['Blair', 'Whitford'], ['Gordon', 'Kenneth'], ['Brown', 'Ng']]);
  const v = { ...makeVariant(3, swap, 1), numberFactor: 1.1 };

  it('rewrites names, years and large numbers, and maps offsets', () => {
    const r = rewrite(text, v);
    expect(r.text).toBe('Alan Whitford met Kenneth Ng in 1994.\n\nWhitford said profits rose to 1,375.6 million on April 3.');
    expect(r.text.slice(r.at(text.indexOf('met')), r.at(text.indexOf('met') + 3))).toBe('met');
  });

  it('keeps every mention, statement and key consistent with the new text', () => {
    const out = variantOf(parsed, extraction, v);
    for (const e of out.extraction.people) for (const m of e.mentions) expect(out.parsed.text.slice(m.start, m.end)).toBe(m.text);
    expect(out.extraction.people.map((p) => [p.key, p.name, p.aliases])).toEqual([['person:alan-whitford', 'Alan Whitford', ['Whitford']], ['person:kenneth-ng', 'Kenneth Ng', []]]);
    expect(out.extraction.events[0]).toMatchObject({ key: 'meeting:kenneth-ng+alan-whitford@1994', startDate: '1994', participantKeys: ['person:alan-whitford', 'person:kenneth-ng'] });
    expect(out.extraction.statements[0].text).toBe('profits rose to 1,375.6 million on April 3');
    expect(out.parsed.paragraphs.map((p) => out.parsed.text.slice(p.start, p.end))).toEqual(out.parsed.paragraphs.map((p) => p.text));
    expect(out.parsed).toMatchObject({ title: 'Whitford meets Ng', publishedAt: '1993-02-28', externalId: 'x1~3' });
    expect(out.parsed.contentHash).not.toBe(parsed.contentHash);
  });

  it('leaves variant 0 as it is', () => {
    expect(variantOf(parsed, extraction, makeVariant(0, new Map(), 1))).toEqual({ parsed, extraction });
  });

  it('swaps names one to one, given names among given names', () => {
    const words = ['Tony', 'Gordon', 'Margaret', 'Blair', 'Brown', 'Thatcher', 'Kinnock'];
    const s = nameSwap(1, words);
    expect(new Set(s.values()).size).toBe(words.length);
    const given = words.filter((w) => GIVEN_NAMES.includes(w));
    expect(given.length).toBeGreaterThan(1);
    expect(given.map((w) => s.get(w)).sort()).toEqual([...given].sort());
    expect(nameSwap(1, words)).toEqual(s);
    expect(renameKey('talks:blair+brown@2001', makeVariant(2, new Map([['Blair', 'Kinnock']]), 1))).toBe('talks:kinnock+brown@1999');
    expect(shiftDate('2000-02-29', -1)).toBe('1999-02-28');
  });
});
