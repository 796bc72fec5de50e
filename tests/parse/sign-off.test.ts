import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { corpusRecords, corpusStory, describeWithCorpus } from '../helpers/corpus.ts';

// Reuters-21578 stories that end with the wire's sign-off on a line of its own ("REUTER...",
// "Reuter..."): the sign-off is no text of the story, and no person called Reuter (13 such people
// before the parser dropped it). Read from the shared corpus.

describeWithCorpus(['reuters21578.jsonl'], "a wire service's sign-off", () => {
  it('is dropped from the body, so no one is called Reuter', () => {
    const records = corpusRecords('reuters21578.jsonl', /\\n\s*reuter\.\.\.",/i);
    expect(records.length).toBeGreaterThanOrEqual(15);
    for (const r of records) {
      const parsed = corpusStory('reuters21578.jsonl', r);
      expect(parsed.text.trimEnd()).not.toMatch(/reuter\.*$/i);
      // Stories that name the agency elsewhere ("A Reuter poll of …") are left to the recogniser.
      if (/reuter/i.test(parsed.text)) continue;
      expect(extractArticle(parsed).people.map((p) => p.name)).not.toContainEqual(expect.stringMatching(/^reuters?$/i));
    }
  });
});
