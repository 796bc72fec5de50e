import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { landmarkCity } from '../../src/geo/landmarks.ts';
import type { Extraction } from '../../src/extract/types.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';
import { corpusArticle, corpusText } from '../helpers/corpus-text.ts';

// Places read at an event's later mentions and at landmarks (src/extract/events/event-place-mentions.ts,
// src/geo/landmarks.ts), on real article text read from the shared corpus at run time.

const placeName = (x: Extraction, key: string | null) => x.places.find((p) => p.key === key)?.name ?? null;
const extract = (doc: string) => extractArticle(corpusArticle(doc));

it('a landmark stands for its city, whatever its spelling; other names do not', () => {
  expect(landmarkCity('Forbidden City')).toBe('Beijing');
  expect(landmarkCity('the White House')).toBe('Washington');
  expect(landmarkCity('Tiananmen Square')).toBe('Beijing');
  expect(landmarkCity('City Hall')).toBeNull();
  expect(landmarkCity('Beijing')).toBeNull();
});

describeWithCorpus(['bbc.jsonl', 'polnear-traindev.jsonl'], 'event places at later mentions and landmarks', () => {
  it('a debate named again without its parties ("Monday\'s debate in New York") places the one debate it can be', () => {
    const doc = 'polnear:usa-today_2016-09-23_ready-for-trump-vs-clinton-his-p';
    // The passage the place is read from is in the article (a corpus change would otherwise pass silently).
    expect(corpusText(doc, "Monday's debate", 'New York')).toMatch(/^Monday's debate in New York$/);
    const x = extract(doc);
    const debates = x.events.filter((e) => e.type === 'ELECTION' && e.mode === 'debate');
    const withClinton = debates.find((e) => e.sources?.some((s) => s.name === 'Donald Trump') && e.targets?.some((t) => t.name === 'Hillary Clinton'));
    expect(placeName(x, withClinton?.placeKey ?? null)).toBe('New York');
    // … and the repetition's day: the Monday after the report.
    expect([withClinton?.startDate, withClinton?.precision]).toEqual(['2016-09-26', 'DAY']);
    // Clinton's 2008 debates with Obama are another time: not placed by Monday's.
    const with2008 = debates.find((e) => e.targets?.some((t) => t.name === 'Barack Obama'));
    expect(placeName(x, with2008?.placeKey ?? null)).not.toBe('New York');
  });

  it('an agreement sealed "beside the Forbidden City" is in Beijing', () => {
    const doc = 'polnear:nyt_2016-09-08_obama-on-climate-change-the-tren';
    expect(corpusText(doc, 'beside the', 'sealed their agreement')).toContain('Forbidden City');
    const x = extract(doc);
    const sealed = x.events.find((e) => e.type === 'AGREE' && e.trigger?.text.startsWith('sealed'));
    expect(placeName(x, sealed?.placeKey ?? null)).toBe('Beijing');
    expect(x.places.find((p) => p.name === 'Beijing')?.geo?.countryCode).toBe('CN');
  });

  it('a meeting "in the Oval Office" is in Washington, not in the city of the sentence before', () => {
    const doc = 'polnear:breitbart_2016-06-08_ready-to-back-clinton-obama-work';
    const x = extract(doc);
    const meeting = x.events.find((e) => e.type === 'CONSULT' && e.trigger?.text === 'meets');
    expect(placeName(x, meeting?.placeKey ?? null)).toBe('Washington');
  });

  it('a crackdown "on protesters in Tiananmen Square" is in Beijing', () => {
    const x = extract('bbc:politics/136');
    const crackdown = x.events.find((e) => e.type === 'COERCE');
    expect(placeName(x, crackdown?.placeKey ?? null)).toBe('Beijing');
  });

  it('"the debate stage in N.Y." of a headline places the debate its article reports', () => {
    const doc = 'polnear:usa-today_2016-04-15_fiery-words-light-up-the-debate-';
    const x = extract(doc);
    const debate = x.events.find((e) => e.type === 'ELECTION' && e.mode === 'debate' && e.mentions.some((m) => m.text === 'debate'));
    expect(placeName(x, debate?.placeKey ?? null)).toBe('N.Y.');
  });
});
