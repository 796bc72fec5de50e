import { expect, it } from 'vitest';
import { parsedFromGoldText, type PolnearDoc } from '../../../src/eval/polnear.ts';
import { extractArticle } from '../../../src/extract/extract-article.ts';
import { corpusRecords, describeWithCorpus } from '../../helpers/corpus.ts';
import { corpusText } from '../../helpers/corpus-text.ts';

/** The quotation of a PolNeAR train article holding `words`: its speaker as written and whom it resolves to. */
function quotation(docId: string, words: string) {
  const doc = corpusRecords('polnear-traindev.jsonl', new RegExp(`"doc_id": ?"${docId}`))[0] as unknown as PolnearDoc;
  const x = extractArticle(parsedFromGoldText(doc));
  const s = x.statements.find((st) => st.kind === 'DIRECT' && st.text.includes(words))!;
  const name = [...x.people, ...x.organizations].find((e) => e.key === s.speaker?.key)?.name ?? null;
  return { written: s.speakerSpan ? doc.text.slice(s.speakerSpan.start, s.speakerSpan.end) : null, before: s.speakerSpan ? doc.text.slice(s.speakerSpan.start - 20, s.speakerSpan.start) : null, name };
}

describeWithCorpus(['polnear-traindev.jsonl'], 'the speaker of a quotation on PolNeAR train text', () => {
  it('goes to the pronoun when an adverb stands between it and its verb ("He also suggested …:")', () => {
    // "He also … the election: “They ought to look into Judge Curiel, …”"
    const q = quotation('wash-post_2016-06-02_not-just-another-trump-vendetta', 'They ought to look into Judge Curiel');
    expect(q.written).toBe('He');
    expect(q.before).toMatch(/"\n\n$/);
    expect(q.name).toBe('Donald Trump');
  });

  it('goes to the pronoun after a leading phrase ("But back on American soil, he returned …:")', () => {
    const q = quotation('wash-post_2016-09-01_trump-appeared-to-break-down-wal', "It's called America First!");
    // This sentence's "he", not one of an earlier statement.
    expect(q.written).toBe('he');
    expect(q.before).toMatch(/American soil, $/);
    expect(q.name).toBe('Donald Trump');
  });

  it('is not attributed to a capitalised verb opening the next sentence (“….” Asked what …, she said:)', () => {
    // "If he's not … movement going" … Asked what that might look like, she said: "…"
    const q = quotation('wash-post_2016-04-21_what-s-next-for-sanders-much-res', "If he's not president");
    expect(q.written).not.toBe('what that might look like');
    expect(q.written).toBe('she');
  });
});
