import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventMergesOf } from '../../src/eval/event-merges.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';

const seeds = fs.readdirSync('seeds').sort().map((f) => parseArticle({ origin: f, raw: fs.readFileSync(path.join('seeds', f), 'utf8') }));

describe('cross-article merges (eval:events)', () => {
  it('counts the events the two seeds share, none of them between articles sharing no party', () => {
    const r = eventMergesOf(seeds);
    expect(r.articles).toBe(2);
    // Kim–Putin, Hanoi, the weapons test, Biegun in Moscow and North Korea's attack on Pompeo.
    expect(r.merged).toBeGreaterThanOrEqual(4);
    expect(r.unrelated).toBe(0);
    expect(eventMergesOf([...seeds].reverse())).toEqual(r);
  });

  it('keeps party-less events apart when a body is repeated under another title (Reuters does)', () => {
    // Another title is another article: its party-less events are its own (the key hashes title and text).
    const twin = { ...seeds[1], title: `${seeds[1].title} (updated)` };
    expect(eventMergesOf([seeds[1], twin]).unrelated).toBe(0);
  });
});
