import { describe, expect, it } from 'vitest';
import { extractTestArticle, speakerName } from '../../helpers/test-article.ts';

// Quoted phrases inside the writer's sentence that name or describe a verb's object, or end a "that"
// clause of a verb written right after its subject (extractor 1.45.0), on sentences written for the
// test in the layouts PolNeAR train showed: the verb's subject is their speaker.

const statements = (body: string) => {
  const x = extractTestArticle(body);
  return x.statements.map((s) => ({ text: s.text, kind: s.kind, cue: s.cue, speaker: speakerName(x, s), written: s.speakerText }));
};

describe('a quoted phrase naming a verb’s object', () => {
  it('is said by the verb’s subject, from the object to the quotation’s end', () => {
    expect(statements('Chancellor Maria Lopez touted the new river treaty as a “turning point.”')).toContainEqual(expect.objectContaining({ text: 'the new river treaty as a “turning point.”', kind: 'MIXED', cue: 'touted', speaker: 'Maria Lopez' }));
    expect(statements('Early in the race, Paul Greene attacked his rival, calling him, among other things, “a tired old hand.”')).toContainEqual(expect.objectContaining({ text: 'him, among other things, “a tired old hand.”', cue: 'calling', speaker: 'Paul Greene' }));
  });

  it('takes the name written right before the verb, not the first name of the sentence', () => {
    expect(statements('Harbour Party finance spokesman Vincent Marlow also branded the budget plans as “fantasy sums” on Monday.')).toContainEqual(expect.objectContaining({ cue: 'branded', speaker: 'Vincent Marlow' }));
  });

  it('is nobody’s statement when the naming is passive or supposed', () => {
    for (const body of ['The treaty was hailed by many as a “turning point” for the region.', 'Paul Greene said the press would call him a “coward” if he stayed away.']) {
      expect(statements(body).filter((s) => /^(?:hailed|call)$/.test(s.cue ?? ''))).toEqual([]);
    }
  });
});

describe('a quoted phrase in a "that" clause', () => {
  it('is said by the subject written right before the verb', () => {
    expect(statements('Paul Greene did post on Friday that his remarks were “only a joke” but few believed him.')).toContainEqual(expect.objectContaining({ text: 'that his remarks were “only a joke”', kind: 'MIXED', speaker: 'Paul Greene' }));
  });

  it('is not read in a relative clause', () => {
    expect(statements('Paul Greene forwards an article that included the line “the best port in the north.”').filter((s) => s.cue === 'forwards')).toEqual([]);
  });
});
