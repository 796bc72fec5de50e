import { expect, it } from 'vitest';
import { describeWithCorpus } from './helpers/corpus.ts';
import { corpusArticle, corpusText } from './helpers/corpus-text.ts';

describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl'], 'corpusText: a passage named by its first and last words', () => {
  it('cuts the parsed article from the first anchor through the second', () => {
    const text = corpusText('bbc:business/001', 'Quarterly profits', 'year-earlier.');
    expect(text.startsWith('Quarterly profits')).toBe(true);
    expect(text.endsWith('year-earlier.')).toBe(true);
    expect(corpusArticle('bbc:business/001').text.includes(text)).toBe(true);
  });

  it('refuses anchors the article does not have, or in the wrong order', () => {
    expect(() => corpusText('bbc:business/001', 'no such words here', '.')).toThrow(/not in bbc:business\/001/);
    expect(() => corpusText('bbc:business/001', 'year-earlier.', 'Quarterly profits')).toThrow(/does not follow/);
    expect(() => corpusText('reuters:999999', 'a', 'b')).toThrow(/no article reuters:999999/);
  });
});
