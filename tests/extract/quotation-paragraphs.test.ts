import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { bbcStory, describeWithCorpus } from '../helpers/corpus.ts';

// A quotation of several paragraphs opens each with a straight mark and closes only the last; where
// the paragraphs were run together (`… if he were. "On the other hand, …`), each opening mark starts
// the next part of the same quotation. Every part is the speaker's, none is dropped or read as
// reported speech of "I". Real BBC stories, read from the shared corpus.

describeWithCorpus(['bbc.jsonl'], 'a quotation whose paragraphs were run together', () => {
  it.each([
    ['politics/232', 'nicky-gavron', ['I work very closely with Ken', 'On the other hand, I think his remarks', 'I hope he will do it soon']],
    ['sport/248', 'thierry-henry', ['The ref asked me if I wanted 10 yards']],
  ])('%s: every part is one statement of %s', (id, speaker, parts) => {
    const parsed = bbcStory(id);
    const { text } = parsed;
    const extraction = extractArticle(parsed);
    const statement = extraction.statements.find((s) => s.text.startsWith(parts[0]))!;
    expect(statement.kind).toBe('DIRECT');
    expect(statement.speaker?.key).toBe(`person:${speaker}`);
    for (const part of parts) expect(statement.text).toContain(part);
    // Each part is the article's text at its offsets, without the marks between parts.
    expect(statement.spans!.length).toBeGreaterThanOrEqual(id === 'sport/248' ? 3 : parts.length);
    expect(statement.text).toBe(statement.spans!.map((s) => text.slice(s.start, s.end)).join(' '));
    for (const s of statement.spans!) expect(text.slice(s.start, s.end)).not.toMatch(/^["“]|["”]$/);
    // Nothing inside the quotation is left to reported speech with "I" as its source.
    expect(extraction.statements.filter((s) => s.speakerText === 'I' && s.start >= statement.start && s.end <= statement.end)).toEqual([]);
  });
});
