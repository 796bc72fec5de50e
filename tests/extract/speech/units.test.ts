import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/extract/sentences.ts';
import { findQuotes } from '../../../src/extract/speech/quotes.ts';
import { shape, tokenAt, tokenize } from '../../../src/extract/speech/tokens.ts';
import { argmax, pack, PerceptronTrainer, unpack, scores } from '../../../src/extract/speech/perceptron.ts';
import { feature, hashText } from '../../../src/extract/speech/hashing.ts';
import { findCues } from '../../../src/extract/speech/cues.ts';
import { boundsOf, contentOf } from '../../../src/extract/speech/content.ts';
import { attributionModel } from '../../../src/extract/speech/model.ts';
import { findReported } from '../../../src/extract/speech/reported.ts';
import { joinSpans, partsAround, trimSpan } from '../../../src/extract/speech/draft.ts';

const paragraphsOf = (text: string) => {
  const out: { text: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  return out;
};
const prepare = (text: string) => {
  const paragraphs = paragraphsOf(text);
  return tokenize(text, splitSentences(text, paragraphs), findQuotes(text, paragraphs).map((q) => q.inner));
};

describe('tokens', () => {
  it('keep exact offsets, inner apostrophes and hyphens, and mark quoted words', () => {
    const text = 'He said: “We don’t back well-known plans.” Then he left.';
    const tokens = prepare(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toContain('don’t');
    expect(tokens.map((t) => t.text)).toContain('well-known');
    expect(tokens.filter((t) => t.quoted).map((t) => t.text)).toEqual(['We', 'don’t', 'back', 'well-known', 'plans', '.']);
    expect(tokens[tokenAt(tokens, text.indexOf('plans') + 2)].text).toBe('plans');
  });

  it('never cut a surrogate pair in two', () => {
    const text = 'He said 😀 was 𝐀 fine.';
    for (const t of prepare(text)) expect(t.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it('shapes: capitalised, lower, all caps, number, mark', () => {
    expect(['Kremlin', 'said', 'NATO', '2019', ','].map(shape)).toEqual(['Xx', 'x', 'X', 'd', ',']);
  });
});

describe('averaged perceptron over hashed features', () => {
  it('learns a separable problem and survives packing', () => {
    const t = new PerceptronTrainer(['no', 'yes'], 10);
    const data: [number[], number][] = [[[feature(hashText('w'), hashText('said'))], 1], [[feature(hashText('w'), hashText('the'))], 0]];
    for (let epoch = 0; epoch < 3; epoch++) for (const [f, y] of data) t.learn(f, y);
    const model = unpack(pack(t.averaged()));
    for (const [f, y] of data) expect(argmax(scores(model, f))).toBe(y);
  });

  it('breaks ties towards the first class', () => {
    expect(argmax([1, 1, 0])).toBe(0);
  });
});

describe('the committed attribution model', () => {
  const model = attributionModel();

  it('tags speech cues, including several words and a source before a colon', () => {
    const text = 'The minister said that taxes would rise.\nAccording to the report, prices fell.';
    const tokens = prepare(text);
    const cues = findCues(tokens, model.cue, model.cueStarts).map((c) => text.slice(tokens[c.a].start, tokens[c.b].end));
    expect(cues).toEqual(['said', 'According to']);
  });

  it('finds content after the cue, before it and around it', () => {
    const cases: [string, string][] = [
      ['The minister said the taxes would rise next year.', 'the taxes would rise next year'],
      ['Taxes will rise next year, the minister said.', 'Taxes will rise next year'],
    ];
    for (const [text, content] of cases) {
      const tokens = prepare(text);
      const [r] = findReported(model, text, tokens);
      expect(text.slice(r.content.start, r.content.end)).toBe(content);
    }
    const text = 'Taxes, the minister said, will rise next year.';
    const tokens = prepare(text);
    const bounds = boundsOf(tokens);
    const [c] = findCues(tokens, model.cue, model.cueStarts);
    expect(contentOf(model, tokens, bounds, c)?.direction).toBe('AROUND');
  });
});

describe('statement parts', () => {
  it('trim the edges, cut out the attribution, and join with a space', () => {
    const text = 'In her state, Lopez said, offenders get treatment.';
    const content = { start: 0, end: text.length };
    const cut = { start: text.indexOf('Lopez'), end: text.indexOf('said') + 4 };
    const parts = partsAround(text, content, cut);
    expect(parts.map((p) => text.slice(p.start, p.end))).toEqual(['In her state,', 'offenders get treatment']);
    expect(joinSpans(text, parts)).toBe('In her state, offenders get treatment');
    expect(text.slice(...Object.values(trimSpan(text, { start: 12, end: 20 })) as [number, number])).toBe('Lopez');
  });
});

describe('quotation marks', () => {
  const quoted = (text: string) => findQuotes(text, [{ start: 0, end: text.length }]).map((q) => text.slice(q.inner.start, q.inner.end));
  it('pair a left mark used as the closing one when it touches the word before and not the word after', () => {
    expect(quoted('“It could create real problems for her here,“ said Jim Clyburn.')).toEqual(['It could create real problems for her here,']);
    expect(quoted('Cruz called the group “abhorrent“ on Sunday.')).toEqual(['abhorrent']);
    // A left mark before a word opens the next quotation.
    expect(quoted('He said “no” and then “yes” again.')).toEqual(['no', 'yes']);
  });
});
