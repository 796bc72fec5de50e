import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { corpusRecords, corpusStory, describeWithCorpus } from '../helpers/corpus.ts';

// One-word "people" that are firms' suffixes, table words or things, on every corpus story that
// writes them (census of BBC + Reuters before these rules: Cie 14 stories, Louvre 8, MARINGA 7).

type File = 'bbc.jsonl' | 'reuters21578.jsonl';
/** The extraction of a record, or null for the few Reuters records without a body. */
function read(file: File, r: Parameters<typeof corpusStory>[1]) {
  try {
    return extractArticle(corpusStory(file, r));
  } catch {
    return null;
  }
}
const peopleIn = (file: File, pattern: RegExp, name: string) => corpusRecords(file, pattern).filter((r) => read(file, r)?.people.some((p) => p.name === name));

describeWithCorpus(['reuters21578.jsonl'], 'company suffixes and wire tables', () => {
  it('“Brown Boveri und Cie”, “Lazard Freres et Cie”: no Reuters story has a person named Cie', () => {
    expect(corpusRecords('reuters21578.jsonl', /\bCie\b/).length).toBeGreaterThanOrEqual(14);
    expect(peopleIn('reuters21578.jsonl', /\bCie\b/, 'Cie').map((r) => r.newid)).toEqual([]);
  });

  it('Brazilian rain tables in capitals (“LONDRINA NIL, MARINGA NIL”) name no person MARINGA', () => {
    expect(corpusRecords('reuters21578.jsonl', /MARINGA/).length).toBeGreaterThanOrEqual(7);
    expect(peopleIn('reuters21578.jsonl', /MARINGA/, 'MARINGA').map((r) => r.newid)).toEqual([]);
  });

  it('“the Louvre accord” is no person, and the Reagan administration keeps Reagan a person', () => {
    const records = corpusRecords('reuters21578.jsonl', /Louvre (?:accord|agreement)/);
    expect(records.length).toBeGreaterThanOrEqual(5);
    expect(peopleIn('reuters21578.jsonl', /Louvre (?:accord|agreement)/, 'Louvre').map((r) => r.newid)).toEqual([]);
    const reagan = corpusRecords('reuters21578.jsonl', /the Reagan administration/).slice(0, 20);
    const asPerson = reagan.filter((r) => read('reuters21578.jsonl', r)?.people.some((p) => /Reagan$/.test(p.name)));
    expect(asPerson.length).toBeGreaterThanOrEqual(reagan.length * 0.8);
  });
});
