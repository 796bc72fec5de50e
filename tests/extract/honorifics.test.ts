import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { jsonlRecordToRaw } from '../../src/pipeline/read-sources.ts';
import { corpusDir } from '../../src/config.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';

// "Mr King" after "Graham King": one person, not two (the surname is also a word the recogniser and
// the rules read otherwise). Real BBC stories, read from the shared corpus.

function bbcStory(id: string) {
  const line = fs.readFileSync(path.join(corpusDir()!, 'bbc.jsonl'), 'utf8').split('\n').find((l) => l.includes(`"id": "${id}"`) || l.includes(`"id":"${id}"`))!;
  return extractArticle(parseArticle(jsonlRecordToRaw(JSON.parse(line), `bbc.jsonl#${id}`, id)));
}

describeWithCorpus(['bbc.jsonl'], 'a courtesy title and a surname', () => {
  it.each([
    ['entertainment/039', 'Graham King', 'Mr King'],
    ['politics/101', 'Mike German', 'Mr German'],
    ['politics/101', 'Bob Wellington', 'Mr Wellington'],
  ])('%s: %s is also “%s”', (id, full, titled) => {
    const x = bbcStory(id);
    const person = x.people.find((p) => p.name === full)!;
    expect(person.aliases).toContain(titled);
    expect(person.mentions.some((m) => m.text === titled)).toBe(true);
    expect(x.people.map((p) => p.name)).not.toContain(titled);
  });
});
