import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { bbcStory, describeWithCorpus } from '../helpers/corpus.ts';

// "Mr King" after "Graham King": one person, not two (the surname is also a word the recogniser and
// the rules read otherwise). Real BBC stories, read from the shared corpus.

describeWithCorpus(['bbc.jsonl'], 'a courtesy title and a surname', () => {
  it.each([
    ['entertainment/039', 'Graham King', 'Mr King'],
    ['politics/101', 'Mike German', 'Mr German'],
    ['politics/101', 'Bob Wellington', 'Mr Wellington'],
  ])('%s: %s is also “%s”', (id, full, titled) => {
    const x = extractArticle(bbcStory(id));
    const person = x.people.find((p) => p.name === full)!;
    expect(person.aliases).toContain(titled);
    expect(person.mentions.some((m) => m.text === titled)).toBe(true);
    expect(x.people.map((p) => p.name)).not.toContain(titled);
  });
});
