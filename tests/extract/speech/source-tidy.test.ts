import { expect, it } from 'vitest';
import type { EntityIndexLocal } from '../../../src/extract/entities.ts';
import { tidySourceSpan } from '../../../src/extract/speech/source-tidy.ts';
import { extractTestArticle, speakerName } from '../../helpers/test-article.ts';
import { corpusText } from '../../helpers/corpus-text.ts';
import { describeWithCorpus } from '../../helpers/corpus.ts';

// The corpus files whose articles these tests read (never copied here: see tests/helpers/corpus-text.ts).
const CORPUS_FILES = ['bbc.jsonl'] as const;

// Speaker spans as extractor 1.18.0 writes them (src/extract/speech/source-tidy.ts), on text written
// for the test in the layouts the error analysis found on PolNeAR train and BBC (no corpus text).

const noNames = { personSpans: [], orgSpans: [], placeSpans: [] } as unknown as EntityIndexLocal;
const spanOf = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
const tidied = (text: string, words: string, resolves = () => null as unknown) => {
  const span = tidySourceSpan(text, noNames, spanOf(text, words), resolves);
  return span && text.slice(span.start, span.end);
};

describeWithCorpus(CORPUS_FILES, 'a speaker span as written', () => {
  it('is the subject pronoun a longer phrase closes with', () => {
    expect(tidied('When I began to speak, naturally he expected me to read it.', 'naturally he')).toBe('he');
    expect(tidied("''That is over,'' he said.", "'' he")).toBe('he');
    expect(tidied('Instead he pledged to fight on.', 'Instead he')).toBe('he');
  });

  it('is no one when it is a lone preposition, verb or lower-case participle', () => {
    expect(tidied('In declaring the plan "not serious", the pope spoke out.', 'In')).toBeNull();
    expect(tidied('Output fell, casting further doubt on the recovery.', 'casting')).toBeNull();
    expect(tidied(corpusText('bbc:business/286', 'Despite urging', 'they are ') + 'not ready.', 'Despite')).toBeNull();
  });

  it('keeps a name, capitalised participle or a word the resolver takes for a name', () => {
    expect(tidied('Boeing said it expected to sell 500 planes.', 'Boeing')).toBe('Boeing');
    const text = 'From said it was over.';
    expect(tidySourceSpan(text, noNames, { start: 0, end: 4 }, () => ({ type: 'person' }))).toEqual({ start: 0, end: 4 });
  });
});

describeWithCorpus(CORPUS_FILES, 'in extraction', () => {
  it('a gerund clause after "In" is said by the main clause’s subject', () => {
    const ex = extractTestArticle('Hillary Clinton spoke in Ohio on Monday. And in explaining why those plans had not passed, Clinton described a rigged system that favoured special interests.');
    // 1.17.0: speakerText "in", no speaker.
    const s = ex.statements.find((x) => x.text.includes('a rigged system'));
    expect(s).toBeDefined();
    expect(s!.speakerText).toBe('Clinton');
    expect(speakerName(ex, s!)).toBe('Hillary Clinton');
  });
});
