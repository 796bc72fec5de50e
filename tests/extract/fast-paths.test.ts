import { describe, expect, it } from 'vitest';
import { fullGazetteerKey, gazetteerKey } from '../../src/geo/normalize.ts';
import { findEntitiesByRules } from '../../src/extract/entities.ts';
import { splitSentences } from '../../src/extract/sentences.ts';

describe('fast paths that keep extraction unchanged', () => {
  it('keys plain ASCII names as the full normalisation does', () => {
    for (const name of ['Paris', 'New York', 'The Hague', 'St Louis', 'St. Louis', 'Saint St', 'st', 'THE STATE', 'São Paulo', 'Rio  Grande', ' Leeds', 'Stoke', 'Bay St Louis']) {
      expect(gazetteerKey(name)).toBe(fullGazetteerKey(name));
    }
  });

  it('reads words of any script, possessives and titles as before', () => {
    const text = 'President Zoë Ball’s show met Putin-Kim talks and Jean-Marc Ayrault with Mr. Smith in Zürich, as Prime Minister Żaneta Nowak said. Dr. Émile Zola went to São Paulo.';
    const index = findEntitiesByRules(text);
    expect(index.personSpans.map((s) => text.slice(s.start, s.end))).toEqual(['Zoë Ball', 'Mr. Smith', 'Émile Zola']);
  });

  it('splits sentences at stops and closing quotes, not inside quotations or after titles', () => {
    const text = '“We are done. It is over,” he said. Mr. Smith left. The U.S. He agreed!';
    const sentences = splitSentences(text, [{ start: 0, end: text.length }]).map((s) => s.text);
    expect(sentences).toEqual(['“We are done. It is over,” he said.', 'Mr. Smith left.', 'The U.S.', 'He agreed!']);
  });
});
