import { describe, expect, it } from 'vitest';
import { gazetteerKey } from '../../src/geo/normalize.ts';
import { findEntitiesByRules } from '../../src/extract/entities.ts';
import { splitSentences } from '../../src/extract/sentences.ts';

// The reading the fast paths stand in for (see their comments): they must agree with it exactly.
const slowKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/(^| )st( |$)/g, '$1saint$2');

describe('fast paths that keep extraction unchanged', () => {
  it('keys plain ASCII names as the full normalisation does', () => {
    for (const name of ['Paris', 'New York', 'The Hague', 'St Louis', 'St. Louis', 'Saint St', 'st', 'THE STATE', 'São Paulo', 'Rio  Grande', ' Leeds', 'Stoke', 'Bay St Louis']) {
      expect(gazetteerKey(name)).toBe(slowKey(name));
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
