import { describe, expect, it } from 'vitest';
import { extractTestArticle } from '../../helpers/test-article.ts';

// Whether reported content quotes (MIXED) or not (INDIRECT), on text written for the test in the
// layouts PolNeAR train showed: a double mark the pairing cannot pair still quotes.

const kindOf = (body: string, words: string) => extractTestArticle(body).statements.find((s) => s.text.includes(words))?.kind;

describe('the kind of reported content', () => {
  it('is MIXED when it holds a paired quotation or a double mark left unpaired', () => {
    expect(kindOf('The ministry said the rise was “uncharted territory” for the industry.', 'uncharted')).toBe('MIXED');
    expect(kindOf('The ministry said the rise was “uncharted territory“ for the industry.', 'uncharted')).toBe('MIXED');
  });

  it('is INDIRECT without double marks, and with single marks or an inch mark', () => {
    expect(kindOf('The ministry said the rise was uncharted territory for the industry.', 'uncharted')).toBe('INDIRECT');
    expect(kindOf("The ministry said the rise was 'uncharted territory' for the industry.", 'uncharted')).toBe('INDIRECT');
    expect(kindOf('The coach said the new striker, who stands 6\'2" tall, would start on Saturday.', 'striker')).toBe('INDIRECT');
  });

  it('ends before ", adding that …" with the closing mark of a quotation it holds', () => {
    const x = extractTestArticle('The analyst said the price rise was "uncharted territory", adding that the industry "has never seen anything like it".');
    expect(x.statements.map((s) => s.text)).toEqual(['the price rise was "uncharted territory"', 'the industry "has never seen anything like it"']);
  });
});
