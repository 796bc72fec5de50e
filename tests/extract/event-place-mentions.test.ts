import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { landmarkCity } from '../../src/geo/landmarks.ts';
import type { Extraction } from '../../src/extract/types.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';
import { corpusArticle, corpusText } from '../helpers/corpus-text.ts';

// Places read at landmarks (src/geo/landmarks.ts), on real article text read from the shared corpus at run time.

const placeName = (x: Extraction, key: string | null) => x.places.find((p) => p.key === key)?.name ?? null;
const extract = (doc: string) => extractArticle(corpusArticle(doc));

it('a landmark stands for its city, whatever its spelling; other names do not', () => {
  expect(landmarkCity('Forbidden City')).toBe('Beijing');
  expect(landmarkCity('the White House')).toBe('Washington');
  expect(landmarkCity('Tiananmen Square')).toBe('Beijing');
  expect(landmarkCity('City Hall')).toBeNull();
  expect(landmarkCity('Beijing')).toBeNull();
});

describeWithCorpus(['bbc.jsonl', 'polnear-traindev.jsonl'], 'event places at landmarks', () => {
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
});
