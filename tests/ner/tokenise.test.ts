import { describe, expect, it } from 'vitest';
import { detokenise } from '../../src/eval/ner.ts';
import { tagEntities } from '../../src/extract/ner/index.ts';
import { sentences, tokenise } from '../../src/extract/ner/tokenise.ts';

// Sentences as published (seeds/000_f5ecbbdfcd50e156.txt, Al Jazeera, and a Reuters-style dateline).
const PROSE = 'North Korean leader Kim Jong Un will travel to Russia later this month, the Kremlin said, for talks with President Vladimir Putin.\nPyongyang’s foreign ministry didn’t comment; the U.S.\'s envoy, Stephen Biegun (pictured), met Mr. Lavrov at 10:30 in Moscow.';

describe('tokenise', () => {
  it('splits prose the way CoNLL is tokenised, with offsets into the original text', () => {
    const tokens = tokenise(PROSE);
    for (const t of tokens) expect(PROSE.slice(t.start, t.end)).toBe(t.text);
    const words = tokens.map((t) => t.text);
    expect(words.slice(0, 6)).toEqual(['North', 'Korean', 'leader', 'Kim', 'Jong', 'Un']);
    expect(words).toContain('month');
    expect(words[words.indexOf('month') + 1]).toBe(',');
    // Clitics apart, abbreviations and acronyms whole, times whole.
    expect(words.slice(words.indexOf('Pyongyang'), words.indexOf('Pyongyang') + 2)).toEqual(['Pyongyang', '’s']);
    expect(words.slice(words.indexOf('did'), words.indexOf('did') + 2)).toEqual(['did', 'n’t']);
    expect(words.slice(words.indexOf('U.S.'), words.indexOf('U.S.') + 2)).toEqual(['U.S.', "'s"]);
    expect(words).toContain('Mr.');
    expect(words).toContain('10:30');
    expect(words.slice(words.indexOf('('), words.indexOf('(') + 3)).toEqual(['(', 'pictured', ')']);
  });

  it('gives the same tokens with and without the plain-ASCII fast path', () => {
    const cases = [
      PROSE,
      'U.S. A. B. J.R.R. a.b.c x.y',
      'US$5 HK$ 12$ ABCD$ A$1 $5',
      'AT&T e-mail O\'Neill rock\'n\'roll yahoo.com don\'t DON\'T we\'re I\'m it\'d they\'ve she\'ll',
      '1.5 1,000 10:30 1/2 1996-08-22 +44 +1.5 3. 12.\n1. Name\n  2. Other',
      'Corp. Inc. Mr. Mrs. St. Jan. Calif. etc.',
      'a--b -- ... .. . - + \' " ( ) , ; : ! ? % * # @ [ ] { } < > = ~ ^ | \\ _ `',
      'caf\u00e9 na\u00efve \u00c9cole Stra\u00dfe Gdańsk Zürich’s ’s ‘quoted’ “double”',
      'x\u0001y a\tb c\u00a0d e\u2003f g\u000bh',
      'end', 'end.', "end'", 'A', '9', '+', 'ab1cd2 3x 4-5 6&7 8.9 a,b a:b a/b',
    ];
    for (const text of cases) expect(tokenise(text)).toEqual(tokenise(text, false));
  });

  it('ends sentences at line breaks and full stops, not after abbreviations', () => {
    const s = sentences(PROSE, tokenise(PROSE)).map((x) => x.map((t) => t.text).join(' '));
    expect(s).toHaveLength(2);
    expect(s[1]).toMatch(/^Pyongyang/);
    expect(s[1]).toMatch(/Mr\. Lavrov/);
  });

  it('detokenises CoNLL text and moves the entity offsets with it', () => {
    const text = 'Germany \'s representative to the European Union \'s committee , Werner Zwingmann , said " we do n\'t " ( BSE ) .';
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const doc = { doc_id: 'x', text, entities: [{ ...at('Germany'), type: 'LOC' as const }, { ...at('European Union'), type: 'ORG' as const }, { ...at('Werner Zwingmann'), type: 'PER' as const }, { ...at('BSE'), type: 'MISC' as const }] };
    const d = detokenise(doc);
    expect(d.text).toBe('Germany\'s representative to the European Union\'s committee, Werner Zwingmann, said "we don\'t" (BSE).');
    for (const e of d.entities) expect(d.text.slice(e.start, e.end)).toBe(e.text);
    expect(d.entities.map((e) => e.text)).toEqual(['Germany', 'European Union', 'Werner Zwingmann', 'BSE']);
  });

  it('tags prose as written (typographic apostrophes, no spaces before punctuation)', () => {
    const spans = tagEntities(PROSE).map((s) => `${s.type} ${PROSE.slice(s.start, s.end)}`);
    expect(spans).toContain('PER Vladimir Putin');
    expect(spans).toContain('LOC Moscow');
    expect(spans).toContain('LOC Russia');
    expect(spans).toContain('PER Stephen Biegun');
  });
});
