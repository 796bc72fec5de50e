import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { corpusDir } from '../../src/config.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { jsonlRecordToRaw } from '../../src/pipeline/read-sources.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';

// Reuters-21578 stories that end with the wire's sign-off on a line of its own ("REUTER...",
// "Reuter..."): the sign-off is no text of the story, and no person called Reuter (13 such people
// before the parser dropped it). Read from the shared corpus.

describeWithCorpus(['reuters21578.jsonl'], "a wire service's sign-off", () => {
  it('is dropped from the body, so no one is called Reuter', () => {
    const records = fs.readFileSync(path.join(corpusDir()!, 'reuters21578.jsonl'), 'utf8').split('\n').filter((l) => /\\n\s*reuter\.\.\.",/i.test(l)).map((l) => JSON.parse(l));
    expect(records.length).toBeGreaterThanOrEqual(15);
    for (const r of records) {
      const parsed = parseArticle(jsonlRecordToRaw(r, `reuters#${r.newid}`));
      expect(parsed.text.trimEnd()).not.toMatch(/reuter\.*$/i);
      // Stories that name the agency elsewhere ("A Reuter poll of …") are left to the recogniser.
      if (/reuter/i.test(parsed.text)) continue;
      expect(extractArticle(parsed).people.map((p) => p.name)).not.toContainEqual(expect.stringMatching(/^reuters?$/i));
    }
  });
});
