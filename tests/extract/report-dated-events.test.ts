import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';

/**
 * An event the text does not date happened on or before the day it was reported: seed 003 is
 * published 2019-04-19 and reports North Korea's weapons test without a date; seed 000 has no
 * publication date, so what its text does not date stays undated.
 */
const seed = (name: string) => {
  const file = path.resolve(import.meta.dirname, '../../seeds', name);
  return extractArticle(parseArticle({ origin: file, raw: fs.readFileSync(file, 'utf8') } as Parameters<typeof parseArticle>[0]));
};

describe('events the text does not date', () => {
  it('are dated on or before the report in a dated article', () => {
    const events = seed('003_9412593e3c0903a8.txt').events;
    const test = events.find((e) => e.type === 'MOBILIZE' && e.mode === 'weapons_test');
    expect(test, JSON.stringify(events.map((e) => e.key))).toBeDefined();
    expect(test).toMatchObject({ precision: 'ON_OR_BEFORE', startDate: null, endDate: '2019-04-19' });
    expect(test!.key, 'keys keep only years the text gives').toBe('test:north-korea@undated');
    // Dated by the text: this week's talks in Moscow keep their range.
    expect(events.find((e) => e.key.startsWith('meeting:russia+stephen-biegun'))).toMatchObject({ precision: 'RANGE', startDate: '2019-04-15', endDate: '2019-04-19' });
  });

  it('stay undated in an article without a publication date', () => {
    const events = seed('000_f5ecbbdfcd50e156.txt').events;
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.precision === 'ON_OR_BEFORE')).toEqual([]);
    // "in Vietnam in February": a month without its year, kept apart from the dates, for resolve.
    const hanoi = events.find((e) => e.key.startsWith('meeting:donald-trump+kim-jong-un') && e.key.includes('@hanoi'));
    expect(hanoi).toMatchObject({ startDate: null, precision: null, yearless: { precision: 'MONTH', start: '--02-01', end: '--02-29' } });
  });
});
