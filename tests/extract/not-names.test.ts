import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { corpusRecords, corpusStory, describeWithCorpus } from '../helpers/corpus.ts';

// Capitalised words the rules or the model read as names, on every corpus story that writes them.

// "the General Election": a title word before a capitalised common noun names no one. Before 1.22.0
// the rules read "General" as a military title and "Election" as a person mentioned in 14 BBC
// politics stories.
describeWithCorpus(['bbc.jsonl'], 'capitalised words that are no names', () => {
  it('no BBC story that writes “General Election” has a person named Election', () => {
    const records = corpusRecords('bbc.jsonl', /General Election/);
    expect(records.length).toBeGreaterThanOrEqual(10);
    const named = records.filter((r) => extractArticle(corpusStory('bbc.jsonl', r)).people.some((p) => /^Elections?$/.test(p.name)));
    expect(named.map((r) => r.id)).toEqual([]);
  });
});

describeWithCorpus(['reuters21578.jsonl'], 'fragments of a split name', () => {
  it('no Reuters story that writes “S and P” (Standard and Poor’s, 1987 spelling) has a one-letter organisation', () => {
    const records = corpusRecords('reuters21578.jsonl', / S and P\b/);
    expect(records.length).toBeGreaterThanOrEqual(5);
    const fragments = records.flatMap((r) => extractArticle(corpusStory('reuters21578.jsonl', r)).organizations.filter((o) => o.name.length === 1).map((o) => `${String(r.newid)}: ${o.name}`));
    expect(fragments).toEqual([]);
  });
});

describeWithCorpus(['reuters21578.jsonl'], 'the end of a title before a name', () => {
  it('“Chancellor of the Exchequer Nigel Lawson” and “Chief of Staff Howard Baker” are Nigel Lawson and Howard Baker, with those roles', () => {
    const records = corpusRecords('reuters21578.jsonl', /Exchequer Nigel Lawson|of Staff Howard Baker/);
    expect(records.length).toBeGreaterThanOrEqual(5);
    const people = records.flatMap((r) => extractArticle(corpusStory('reuters21578.jsonl', r)).people);
    expect(people.map((p) => p.name).filter((n) => /^(?:Exchequer|Staff) /.test(n))).toEqual([]);
    expect(people.some((p) => p.name === 'Nigel Lawson' && p.roles.some((r) => r.includes('Exchequer')))).toBe(true);
    expect(people.some((p) => p.name === 'Howard Baker' && p.roles.some((r) => r.includes('Chief of Staff')))).toBe(true);
  });
});

describeWithCorpus(['bbc.jsonl'], 'analyst firms', () => {
  it('Gartner, quoted as “analyst Gartner” and “Gartner’s principal analyst”, is an organisation in every BBC story that names it, never a person', () => {
    const records = corpusRecords('bbc.jsonl', /\bGartner\b/);
    expect(records.length).toBeGreaterThanOrEqual(15);
    const read = records.map((r) => extractArticle(corpusStory('bbc.jsonl', r)));
    expect(read.filter((x) => x.people.some((p) => p.name === 'Gartner')).length).toBe(0);
    expect(read.filter((x) => x.organizations.some((o) => o.name === 'Gartner')).length).toBe(records.length);
  });
});

describeWithCorpus(['reuters21578.jsonl'], 'a title word before a common noun', () => {
  it('no Reuters story that writes “General Agreement on Tariffs and Trade” has a person named Agreement', () => {
    const records = corpusRecords('reuters21578.jsonl', /General Agreement on Tariffs/);
    expect(records.length).toBeGreaterThanOrEqual(10);
    const named = records.filter((r) => extractArticle(corpusStory('reuters21578.jsonl', r)).people.some((p) => p.name === 'Agreement'));
    expect(named.map((r) => r.newid)).toEqual([]);
  });
});

describeWithCorpus(['reuters21578.jsonl'], 'wire words that are no people', () => {
  it('“a Reuter survey” is the agency, “N.Z. Dlrs” a currency and “Louisiana” a state: no such person in any Reuters story', () => {
    const records = corpusRecords('reuters21578.jsonl', /\bReuter (?:survey|correspondent|interview)|N\.Z\. [Dd]lrs|\bLouisiana\b/);
    expect(records.length).toBeGreaterThanOrEqual(60);
    const read = records.map((r) => extractArticle(corpusStory('reuters21578.jsonl', r)));
    expect(read.flatMap((x) => x.people.map((p) => p.name)).filter((n) => /^(?:Reuter|Louisiana)$|Dlrs$/.test(n))).toEqual([]);
    expect(read.filter((x) => x.organizations.some((o) => o.name === 'Reuters' && o.aliases.includes('Reuter'))).length).toBeGreaterThanOrEqual(10);
  });
});

// "Kuwaiti oil minister Sheikh Ali al-Khalifa al-Sabah": a nationality the country list does not
// hold. Before 1.37.0 the recogniser read "Kuwaiti" as a person in 40 Reuters stories.
describeWithCorpus(['reuters21578.jsonl'], 'nationality words', () => {
  it('no Reuters story that writes “Kuwaiti” has a person named Kuwaiti', () => {
    const records = corpusRecords('reuters21578.jsonl', /Kuwaiti/);
    expect(records.length).toBeGreaterThanOrEqual(40);
    const named = records.filter((r) => extractArticle(corpusStory('reuters21578.jsonl', r)).people.some((p) => p.name === 'Kuwaiti'));
    expect(named.map((r) => r.newid)).toEqual([]);
  });
});

// "An earthquake measuring 6.5 on the Richter scale": before 1.37.0 a person Richter in 15 Reuters stories.
describeWithCorpus(['reuters21578.jsonl'], 'names of scales', () => {
  it('no Reuters story that writes “Richter scale” has a person named Richter', () => {
    const records = corpusRecords('reuters21578.jsonl', /Richter scale/);
    expect(records.length).toBeGreaterThanOrEqual(10);
    const named = records.filter((r) => extractArticle(corpusStory('reuters21578.jsonl', r)).people.some((p) => p.name === 'Richter'));
    expect(named.map((r) => r.newid)).toEqual([]);
  });
});
