import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copiedRuns, RUN_WORDS } from '../helpers/copied-text.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// The guard behind no-corpus-text.test.ts, on a corpus of one made-up record: it must see a copied
// run however it is punctuated or cased, and nothing shorter, and never an article's id.
const temp = makeTempDir('copied-text');
afterAll(() => temp.remove());
const words = Array.from({ length: 14 }, (_, i) => `word${i}`);
const corpus = path.join(temp.dir, 'corpus.jsonl');
fs.writeFileSync(corpus, `${JSON.stringify({ doc_id: 'an-id-of-many-words-alpha-beta-gamma-delta-epsilon-zeta-eta-theta', body: `${words.join(' ')}.` })}\n`);

describe('copiedRuns', () => {
  it(`finds a run of ${RUN_WORDS} corpus words, whatever the case and punctuation`, () => {
    const text = `// a comment quoting "${words.slice(2, 2 + RUN_WORDS).join(', ').toUpperCase()}" here`;
    expect(copiedRuns([{ file: 'a.ts', text }], [corpus])).toEqual([{ file: 'a.ts', words: words.slice(2, 2 + RUN_WORDS).join(' ') }]);
  });

  it('lets a shorter quotation and an article id pass', () => {
    const short = words.slice(0, RUN_WORDS - 1).join(' ');
    const id = 'an id of many words alpha beta gamma delta epsilon zeta eta theta';
    expect(copiedRuns([{ file: 'b.ts', text: `"${short}" … ${id}` }], [corpus])).toEqual([]);
  });
});
