import { describe, expect, it } from 'vitest';
import { extractTestArticle, speakerName } from '../../helpers/test-article.ts';

// Quoted words written as someone's claim, remark or pledge (extractor 1.44.0), on sentences written
// for the test in the layouts PolNeAR train showed: the possessor is their speaker, and a statement
// around them quotes no words of its own speaker there.

const statements = (body: string) => {
  const x = extractTestArticle(body);
  return x.statements.map((s) => ({ text: s.text, kind: s.kind, cue: s.cue, speaker: speakerName(x, s), written: s.speakerText }));
};

describe('a quotation written as someone’s claim', () => {
  it('is the possessor’s, and the sentence around it is reported speech of its own subject', () => {
    const out = statements('Governor Alan Brooks on Monday blamed the press for fussing over Senator Maria Lopez’s claim that the mayor “rigged the vote,” saying reporters had missed the point.');
    expect(out).toContainEqual(expect.objectContaining({ text: 'that the mayor “rigged the vote,”', kind: 'MIXED', cue: 'claim', speaker: 'Maria Lopez' }));
    expect(out.find((s) => s.text.startsWith('fussing over'))).toEqual(expect.objectContaining({ kind: 'INDIRECT', speaker: 'Alan Brooks' }));
  });

  it('takes "his" or "her" for the person named before it in the sentence', () => {
    const out = statements('Senator Paul Greene stood by his comment on Monday that the tax was “a disgrace,” and he refused to apologise.');
    expect(out).toContainEqual(expect.objectContaining({ text: 'that the tax was “a disgrace,”', cue: 'comment', speaker: 'Paul Greene', written: 'his' }));
  });

  it('reads a pledge’s infinitive and a slogan set off after it', () => {
    expect(statements('Critics pointed to Senator Maria Lopez’s pledge to stay “neutral” in the talks.')).toContainEqual(expect.objectContaining({ text: 'to stay “neutral”', speaker: 'Maria Lopez' }));
    expect(statements('Fans waved flags printed with Senator Maria Lopez’s slogan, “Build It Now,” outside the hall.')).toContainEqual(expect.objectContaining({ text: '“Build It Now,”', cue: 'slogan', speaker: 'Maria Lopez' }));
  });

  it('is not the possessor’s when the words are said of the claim', () => {
    for (const body of [
      'The mayor told reporters that Senator Maria Lopez’s comments “show real bias.”',
      'The mayor answered by calling Senator Maria Lopez’s charge “pathetic” and “dangerous.”',
      'The mayor said on Tuesday that Senator Maria Lopez’s tweet was “a joke.”',
      'Senator Paul Greene posted on Friday that his remarks about the budget were “a joke,” and he apologised.',
    ]) {
      expect(statements(body).filter((s) => /^(?:comments|charge|tweet|remarks)$/.test(s.cue ?? ''))).toEqual([]);
    }
  });
});
