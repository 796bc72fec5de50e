import { describe, expect, it } from 'vitest';
import { htmlToText, normalizeText } from '../../src/ingest/normalize-text.ts';

describe('normalizeText', () => {
  it('maps look-alike characters one for one and repairs mojibake', () => {
    expect(normalizeText('Korea´s «talks»\u00a0on\u2009Monday')).toBe('Korea’s “talks” on Monday');
    expect(normalizeText('Russia‘s envoy')).toBe('Russia’s envoy');
    expect(normalizeText('Kimâ€™s â€œvisitâ€\u009d')).toBe('Kim’s “visit”');
    expect(normalizeText('a\r\nb\rc\td')).toBe('a\nb\nc d');
  });

  it('replaces what PostgreSQL cannot store (lone surrogates, NUL) without moving offsets', () => {
    const input = 'a\uD800b \uDC00c \u0000d \uD83D\uDE00 e';
    const out = normalizeText(input);
    expect(out).toBe('a\uFFFDb \uFFFDc \uFFFDd \uD83D\uDE00 e');
    expect(out).toHaveLength(input.length);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('htmlToText', () => {
  it('decodes entities, and reads one for a surrogate or an impossible code point as a space', () => {
    expect(htmlToText('<p>Tom &amp; Jerry&#8217;s &#x1F600;</p>')).toBe('Tom & Jerry’s 😀\n\n');
    expect(htmlToText('<p>x&#xD800;y&#0;z&#x110000;w</p>')).toBe('x y z w\n\n');
  });
});
