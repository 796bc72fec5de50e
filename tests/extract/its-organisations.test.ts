import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { bbcStory, describeWithCorpus } from '../helpers/corpus.ts';

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
