import { describe, expect, it } from 'vitest';
import { extractTestArticle as extract, speakerOf } from '../helpers/test-article.ts';
import { actCue } from '../../src/extract/speech/source-passive.ts';
import { insertKind, leadsSentence, opensMainClause } from '../../src/extract/speech/source-layout.ts';

// Speakers as extractor 1.6.0 resolves them, on short articles written for the test.

describe('who is not a speaker', () => {
  it('is the subject of a passive cue', () => {
    const body = 'The company has cut prices twice this year. Tony Blair was asked whether the plan would survive the election.';
    expect(speakerOf(body, 'whether the plan would survive')).toBeNull();
  });

  it('is the subject of a cue that reports an act', () => {
    expect(actCue('currently operates')).toBe(true);
    expect(actCue('beat')).toBe(true);
    expect(actCue('said')).toBe(false);
    expect(actCue('began his speech by saying')).toBe(false);
  });
});

describe('a phrase naming a speaker', () => {
  it('is headed by its last name when it has no comma, up to what follows the name', () => {
    const ex = extract('Acme Corp reported higher sales on Monday. “We are very pleased with the quarter,” said Acme chief executive John Smith.');
    const s = ex.statements.find((x) => x.text.includes('very pleased'))!;
    expect(s.speaker?.type).toBe('person');
    expect(ex.people.find((p) => p.key === s.speaker?.key)?.name).toBe('John Smith');
  });
});

describe('the layouts the ranker sees', () => {
  it('an insert between the subject and its cue', () => {
    expect(insertKind(', who lost her daughter in the shooting in Aurora, Colorado, in 2012, ')).toBe(1);
    expect(insertKind(', the former governor, also ')).toBe(2);
    expect(insertKind(' ')).toBe(0);
  });

  it('a participle clause leading its sentence, and the subject opening the main clause', () => {
    const text = 'After suggesting on Wednesday that he regretted it, Mr. Rubio disagreed.';
    expect(leadsSentence(text, 0, text.indexOf('suggesting'), 'suggesting')).toBe(true);
    expect(opensMainClause(' on Wednesday that he regretted it, ')).toBe(true);
    expect(opensMainClause(' on Wednesday, that he regretted it, ')).toBe(false);
  });
});

describe('coreference', () => {
  it('"he" continues a person who opens a sentence after the last speaker\'s words', () => {
    const body = '“It was a hard match,” admitted Tommy Haas. Cyril Saulnier will move into the top 50 for the first time. “It has taken a lot of work,” he said.';
    expect(speakerOf(body, 'It has taken a lot of work')).toBe('Cyril Saulnier');
  });

  it('"it" is no one when the sentence before opens with a name the entity index does not hold', () => {
    expect(speakerOf('Shares in Microsoft rose on Tuesday. Delta has been hit by rising fuel costs. It said it would cut 6,000 jobs.', 'cut 6,000 jobs')).toBeNull();
  });
});
