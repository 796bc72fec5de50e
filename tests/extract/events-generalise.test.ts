import { describe, expect, it } from 'vitest';
import { eventSummaries as events, eventSummariesOfType as ofType } from '../helpers/test-article.ts';

// Sentences from the train corpora (BBC, PolNeAR train), none from the events gold: the extractor
// 1.18.0 rules for reading events that hold beyond the gold's articles (issue 16), each found by
// reading what the triggers fire on in unlabelled train articles (src/eval/events-fire.ts, seed 7).

describe('typed events: what only might happen is no event', () => {
  it('drops a trigger after a modal or a right to act', () => {
    expect(ofType('Shadow home secretary David Davis says Mr Blunkett should quit if he is found to have influenced the visa process even indirectly.', 'RESIGNATION')).toEqual([]);
    expect(ofType('He said he did support their right to sue Remington over the marketing of the rifle.', 'LEGAL')).toEqual([]);
    expect(ofType('It points to the bill Murphy and other Democrats most strongly opposed and Obama said he would have vetoed.', 'REJECT')).toEqual([]);
  });

  it('keeps a threat made in those words', () => {
    expect(ofType('Trump said the United States would impose tariffs on China if talks failed.', 'THREATEN')).toEqual(['THREATEN/tariffs United States → China']);
  });
});

describe('typed events: passive agents', () => {
  it('finds the "by" agent past the object and through a title', () => {
    expect(ofType('Ruth Bader Ginsburg was appointed to the Supreme Court by President Bill Clinton in 1993.', 'APPOINTMENT')).toContain('APPOINTMENT Bill Clinton → Ruth Bader Ginsburg');
  });

  it('reads a company "sold to" another as the buyer acquiring it', () => {
    expect(ofType('The company said Patriot Coal was sold to Blackhawk Mining in 2015.', 'BUSINESS')).toEqual(['BUSINESS/acquisition Blackhawk Mining → Patriot Coal']);
  });
});

describe('typed events: an event named as a circumstance', () => {
  it('gives a shooting or a trial no doer from the clause around it', () => {
    expect(ofType('Apple CEO Tim Cook refused to unlock the iPhone belonging to one of the terrorists in the San Bernardino shooting.', 'ASSAULT')).toEqual([]);
    expect(ofType('The former chief financial officer at US telecoms firm WorldCom has finished giving evidence at the trial of his ex-boss Bernie Ebbers.', 'LEGAL').every((e) => e.startsWith('LEGAL/trial - →'))).toBe(true);
  });

  it('keeps a doer written as the owner of the noun', () => {
    expect(ofType('The attacks began soon after Russia’s invasion of Ukraine.', 'ASSAULT')).toContain('ASSAULT/invasion Russia → Ukraine');
  });
});

describe('typed events: fixtures are no visits', () => {
  it('reads a rugby side’s trip as no visit', () => {
    expect(ofType("Jason was given the role after the injury to fly-half Jonny Wilkinson, ahead of this weekend's trip to Ireland.", 'CONSULT')).toEqual([]);
  });
});
