import { expect, it } from 'vitest';
import { eventSummaries as events, eventSummariesOfType as ofType } from '../helpers/test-article.ts';
import { corpusText } from '../helpers/corpus-text.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';

// The corpus files whose articles these tests read (never copied here: see tests/helpers/corpus-text.ts).
const CORPUS_FILES = ['bbc.jsonl', 'polnear-traindev.jsonl'] as const;

// Sentences from the train corpora (BBC, PolNeAR train), none from the events gold: the extractor
// 1.18.0 rules for reading events that hold beyond the gold's articles (issue 16), each found by
// reading what the triggers fire on in unlabelled train articles (src/eval/events-fire.ts, seed 7).

describeWithCorpus(CORPUS_FILES, 'typed events: what only might happen is no event', () => {
  it('drops a trigger after a modal or a right to act', () => {
    expect(ofType(corpusText('bbc:politics/166', 'Shadow home', 'even indirectly.'), 'RESIGNATION')).toEqual([]);
    expect(ofType('He said he did support their right to sue Remington over the marketing of the rifle.', 'LEGAL')).toEqual([]);
    expect(ofType('It points to' + corpusText('polnear:politico_2016-08-23_top-senate-candidates-pointing-f', ' the bill Murphy', 'have vetoed.'), 'REJECT')).toEqual([]);
  });

  it('keeps a threat made in those words', () => {
    expect(ofType('Trump said the United States would impose tariffs on China if talks failed.', 'THREATEN')).toEqual(['THREATEN/tariffs United States → China']);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: passive agents', () => {
  it('finds the "by" agent past the object and through a title', () => {
    expect(ofType('Ruth Bader ' + corpusText('polnear:breitbart_2016-07-13_trump-demands-ginsburg-resign-fo', 'Ginsburg was', 'in 1993') + '.', 'APPOINTMENT')).toContain('APPOINTMENT Bill Clinton → Ruth Bader Ginsburg');
  });

  it('reads a company "sold to" another as the buyer acquiring it', () => {
    expect(ofType('The company said Patriot Coal was sold to Blackhawk Mining in 2015.', 'BUSINESS')).toEqual(['BUSINESS/acquisition Blackhawk Mining → Patriot Coal']);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: an event named as a circumstance', () => {
  it('gives a shooting or a trial no doer from the clause around it', () => {
    expect(ofType(corpusText('polnear:west-journal_2016-06-20_major-companies-pull-support-for', 'Apple CEO', 'refused to ') + 'unlock' + corpusText('polnear:west-journal_2016-06-20_major-companies-pull-support-for', ' the iPhone', 'Bernardino shooting.'), 'ASSAULT')).toEqual([]);
    expect(ofType(corpusText('bbc:business/196', 'The former', 'Bernie Ebbers.'), 'LEGAL').every((e) => e.startsWith('LEGAL/trial - →'))).toBe(true);
  });

  it('keeps a doer written as the owner of the noun', () => {
    expect(ofType('The attacks began soon after Russia’s invasion of Ukraine.', 'ASSAULT')).toContain('ASSAULT/invasion Russia → Ukraine');
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: fixtures are no visits', () => {
  it('reads a rugby side’s trip as no visit', () => {
    expect(ofType('Jason' + corpusText('bbc:sport/336', ' was given', 'to Ireland.'), 'CONSULT')).toEqual([]);
  });
});
