import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { corpusDir } from '../../src/config.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { jsonlRecordToRaw } from '../../src/pipeline/read-sources.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';

// Firms the recogniser reads as people become the organisations the text treats them as: a person
// takes "he", "she", "his", "her", never "its" ("Monsanto also agreed to … monitoring of its business
// practices"). Real BBC stories, read from the shared corpus.

function bbcStory(id: string) {
  const line = fs.readFileSync(path.join(corpusDir()!, 'bbc.jsonl'), 'utf8').split('\n').find((l) => l.includes(`"id": "${id}"`) || l.includes(`"id":"${id}"`))!;
  return extractArticle(parseArticle(jsonlRecordToRaw(JSON.parse(line), `bbc.jsonl#${id}`, id)));
}

describeWithCorpus(['bbc.jsonl'], 'a name followed by "its"', () => {
  it.each([
    ['business/400', 'Monsanto'],
    ['business/298', 'Fannie Mae'],
    ['tech/356', 'Hitachi'],
    ['business/480', 'Wipro'],
  ])('%s: %s is an organisation, not a person', (id, name) => {
    const x = bbcStory(id);
    expect(x.people.map((p) => p.name)).not.toContain(name);
    const org = x.organizations.find((o) => o.name === name)!;
    expect(org.mentions.length).toBeGreaterThan(0);
  });
});
