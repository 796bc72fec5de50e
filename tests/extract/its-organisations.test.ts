import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { bbcStory, corpusRecords, corpusStory, describeWithCorpus } from '../helpers/corpus.ts';

// Firms the recogniser reads as people become the organisations the text treats them as: a person
// takes "he", "she", "his", "her", never "its" ("Monsanto also agreed to … monitoring of its business
// practices"). Real BBC stories, read from the shared corpus.

describeWithCorpus(['bbc.jsonl'], 'a name followed by "its"', () => {
  it.each([
    ['business/400', 'Monsanto'],
    ['business/298', 'Fannie Mae'],
    ['tech/356', 'Hitachi'],
    ['business/480', 'Wipro'],
  ])('%s: %s is an organisation, not a person', (id, name) => {
    const x = extractArticle(bbcStory(id));
    expect(x.people.map((p) => p.name)).not.toContain(name);
    const org = x.organizations.find((o) => o.name === name)!;
    expect(org.mentions.length).toBeGreaterThan(0);
  });
});

// A person has no shareholders, chief executive or share price (1.37.0): "said Aston's chief executive
// Ulrich Bez", "subject to approval of Marine shareholders".
describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl'], 'names followed by what only a firm has', () => {
  it('Aston (BBC business/105) and Marine (Reuters 6810) are organisations, not people', () => {
    const aston = extractArticle(bbcStory('business/105'));
    expect(aston.people.map((p) => p.name)).not.toContain('Aston');
    expect(aston.organizations.map((o) => o.name)).toContain('Aston');
    const record = corpusRecords('reuters21578.jsonl', /"newid": 6810,/)[0];
    const marine = extractArticle(corpusStory('reuters21578.jsonl', record));
    expect(marine.people.map((p) => p.name)).not.toContain('Marine');
    expect(marine.organizations.map((o) => o.name)).toContain('Marine');
  });
});
