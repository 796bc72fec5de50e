import { describe, expect, it } from 'vitest';
import { loadGoldArticles } from '../../src/eval/events-sample.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { articleGeoContext, geocodePlace } from '../../src/geo/geocode.ts';
import { gazetteerCandidates } from '../../src/geo/table.ts';
import { foldNamed } from '../../src/store/fold-rows.ts';
import type { NamedRow } from '../../src/store/entity-rows.ts';
import { bbcStory, describeWithCorpus } from '../helpers/corpus.ts';

const placesOf = (doc: string) => {
  const article = loadGoldArticles([doc]).get(doc)!;
  return new Map(extractArticle(article).places.map((p) => [p.name, p]));
};

describe('geocoding on the seed articles', () => {
  const seed = placesOf('seed:000_f5ecbbdfcd50e156.txt');

  it('reads Moscow as the Russian capital, not Moscow, Idaho', () => {
    // The gazetteer has both; the article's countries (Russia) and the population prior choose.
    expect(gazetteerCandidates('Moscow').map((c) => c.countryCode)).toEqual(expect.arrayContaining(['RU', 'US']));
    expect(seed.get('Moscow')!.geo).toMatchObject({ countryCode: 'RU' });
    expect(seed.get('Moscow')!.geo!.latitude).toBeCloseTo(55.75, 1);
  });

  it('reads Washington as Washington, D.C., not the English town', () => {
    expect(gazetteerCandidates('Washington').map((c) => c.countryCode)).toEqual(expect.arrayContaining(['GB', 'US']));
    expect(seed.get('Washington')!.geo).toMatchObject({ countryCode: 'US' });
    expect(seed.get('Washington')!.geo!.longitude).toBeCloseTo(-77.04, 1);
  });

  it('gives countries their capital and no GeoNames id, cities their id', () => {
    expect(seed.get('Vietnam')!.geo).toMatchObject({ countryCode: 'VN', geonamesId: null, latitude: seed.get('Hanoi')!.geo!.latitude });
    expect(seed.get('Hanoi')!.geo!.geonamesId).toBeGreaterThan(0);
  });
});

describe('the dateline and written qualifiers choose between places of one name', () => {
  it('a "PORTLAND, Maine" dateline puts the article in Maine; "PORTLAND, Ore." in Oregon', () => {
    const portland = { name: 'Portland', kind: 'CITY', mentions: [] };
    const maine = geocodePlace(portland, '', articleGeoContext('PORTLAND, Maine, March 2', []));
    const oregon = geocodePlace(portland, '', articleGeoContext('PORTLAND, Ore., Feb 26', []));
    expect(maine).toMatchObject({ countryCode: 'US' });
    expect(oregon).toMatchObject({ countryCode: 'US' });
    // Portland, Maine is at about 70° W, Portland, Oregon at about 123° W.
    expect(maine!.longitude).toBeGreaterThan(-71);
    expect(oregon!.longitude).toBeLessThan(-122);
  });

  it('"Georgia" is the country without American context, the state in a US-datelined story', () => {
    const georgia = { name: 'Georgia', kind: 'OTHER', mentions: [] };
    expect(geocodePlace(georgia, '', articleGeoContext(null, [{ name: 'Ukraine', kind: 'COUNTRY', mentions: [] }]))).toMatchObject({ countryCode: 'GE' });
    expect(geocodePlace(georgia, '', articleGeoContext('ATLANTA, March 3', [{ name: 'United States', kind: 'COUNTRY', mentions: [] }]))).toMatchObject({ countryCode: 'US' });
  });
});

describeWithCorpus(['reuters21578.jsonl', 'bbc.jsonl'], 'geocoding on corpus articles', () => {
  it('"Birmingham, Alabama" in a Reuters story is in the US; Birmingham in a BBC story is in England', () => {
    const alabama = placesOf('reuters:3948').get('Birmingham')!;
    expect(alabama.geo).toMatchObject({ countryCode: 'US' });
    expect(alabama.geo!.longitude).toBeLessThan(-80);
    const story = bbcStory('business/034');
    const england = extractArticle(story).places.find((p) => p.name === 'Birmingham')!;
    expect(england.geo).toMatchObject({ countryCode: 'GB' });
  });

  it('a name only the recogniser calls a place is not put on a small town elsewhere ("Obama", a town in Japan)', () => {
    expect(gazetteerCandidates('Obama').map((c) => c.countryCode)).toContain('JP');
    const misread = { name: 'Obama', kind: 'OTHER', mentions: [] };
    expect(geocodePlace(misread, '', articleGeoContext(null, [{ name: 'United States', kind: 'COUNTRY', mentions: [] }]))).toBeNull();
    expect(geocodePlace(misread, '', articleGeoContext(null, [{ name: 'Japan', kind: 'COUNTRY', mentions: [] }]))).toMatchObject({ countryCode: 'JP' });
  });
});

describeWithCorpus(['reuters21578.jsonl'], 'a much larger namesake abroad against the dateline', () => {
  const geoOf = (doc: string, name: string) => placesOf(doc).get(name)?.geo;

  it('Moscow and Paris in WASHINGTON stories are the Russian and French capitals, not Moscow, Idaho or Paris, Texas', () => {
    expect(geoOf('reuters:180', 'Moscow')).toMatchObject({ countryCode: 'RU' });
    expect(geoOf('reuters:3014', 'Moscow')).toMatchObject({ countryCode: 'RU' });
    expect(geoOf('reuters:2620', 'Paris')).toMatchObject({ countryCode: 'FR' });
  });

  it('a town of the dateline\'s own state stays local: "Athens" from MONTGOMERY, Ala. and "Birmingham" from BIRMINGHAM, MICH.', () => {
    const athens = geoOf('reuters:10989', 'Athens');
    expect(athens).toMatchObject({ countryCode: 'US' });
    expect(athens!.longitude).toBeLessThan(-85);
    const birmingham = geoOf('reuters:3265', 'Birmingham');
    expect(birmingham).toMatchObject({ countryCode: 'US' });
    expect(birmingham!.latitude).toBeGreaterThan(42);
  });
});

describeWithCorpus(['reuters21578.jsonl'], 'cities by their English names', () => {
  it('"Geneva" (GeoNames\' Genève) in a KUALA LUMPUR story is in Switzerland, not Geneva, Illinois', () => {
    expect(placesOf('reuters:5195').get('Geneva')!.geo).toMatchObject({ countryCode: 'CH' });
    expect(gazetteerCandidates('Peking').map((c) => c.name)).toEqual(['Beijing']);
    expect(gazetteerCandidates('Leningrad').map((c) => c.countryCode)).toEqual(['RU']);
  });
});

describe('one stored reading per place name, whatever the order', () => {
  const row = (country_code: string, population: number, geonames_id: number, latitude: number, longitude: number): NamedRow => ({ name: 'Paris', aliases: [], kind: 'CITY', latitude, longitude, country_code, geonames_id, population });
  const france = row('FR', 2138551, 2988507, 48.85, 2.35);
  const texas = row('US', 24782, 4717560, 33.66, -95.56);
  const unknown: NamedRow = { name: 'Paris', aliases: [], kind: 'CITY', latitude: null, longitude: null, country_code: null, geonames_id: null, population: null };

  it('keeps the more populous reading, and a reading over none', () => {
    for (const order of [[[france], [texas], [unknown]], [[unknown], [texas], [france]], [[texas], [unknown], [france]]]) {
      expect(foldNamed(order.map((rows) => rows.map((r) => ({ ...r }))))[0]).toMatchObject({ country_code: 'FR', geonames_id: 2988507 });
    }
    expect(foldNamed([[{ ...unknown }], [{ ...texas }]])[0]).toMatchObject({ country_code: 'US' });
  });
});
