import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { corpusDir } from '../../src/config.ts';
import { parsedFromGoldText, type PolnearDoc } from '../../src/eval/polnear.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { titleCaseHeadline } from '../../src/extract/ner/headline-names.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';
import { corpusText } from '../helpers/corpus-text.ts';

// The corpus files whose articles these tests read (never copied here: see tests/helpers/corpus-text.ts).
const CORPUS_FILES = ['polnear-traindev.jsonl'] as const;

// US outlets write headlines in title case, where every word is capitalised and the recogniser reads
// runs such as "Paris Terror Attacks Highlight Threat Posed" as names. Before 1.37.0, PolNeAR train's
// 309 title-case headlines gave 277 organisations and 81 people found nowhere else in their article.

describeWithCorpus(CORPUS_FILES, 'titleCaseHeadline', () => {
  it('is the first line in title case, not one in capitals or in sentence case', () => {
    expect(titleCaseHeadline(corpusText('polnear:breitbart_2015-11-18_ny-daily-news-paris-terror-attac', 'NY Daily', 'November 18'))).toEqual({ start: 0, end: 66 });
    expect(titleCaseHeadline('SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .\nAL-AIN')).toBeNull();
    expect(titleCaseHeadline('Ad sales boost Time Warner profit\n\nQuarterly profits')).toBeNull();
  });
});

describeWithCorpus(['polnear-traindev.jsonl'], 'names in title-case headlines (PolNeAR train)', () => {
  const docs = () =>
    fs.readFileSync(path.join(corpusDir()!, 'polnear-traindev.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as PolnearDoc).filter((d) => d.split === 'train').slice(0, 300);
  it('leaves few people or unclassified organisations that only the headline names, and finds the article’s people there by name', () => {
    let headlines = 0;
    let found = 0;
    const junk: string[] = [];
    for (const doc of docs()) {
      const parsed = parsedFromGoldText(doc);
      const headline = titleCaseHeadline(parsed.text);
      if (!headline) continue;
      headlines++;
      const x = extractArticle(parsed);
      for (const e of [...x.people, ...x.organizations.filter((o) => o.kind === 'OTHER')]) {
        if (e.mentions.every((m) => m.end <= headline.end) && !parsed.text.includes(e.name, headline.end)) junk.push(e.name);
        if (e.mentions.some((m) => m.end <= headline.end) && e.mentions.some((m) => m.start > headline.end)) found++;
      }
    }
    expect(headlines).toBeGreaterThanOrEqual(80);
    expect(junk).toEqual([]);
    expect(found).toBeGreaterThanOrEqual(headlines);
  });
});
