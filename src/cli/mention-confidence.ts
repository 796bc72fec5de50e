import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { corpusDir } from '../config.ts';
import { detokenise, parsedFromNerDoc, type NerDoc } from '../eval/ner.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { mentionClass, type MentionClass, type MentionType } from '../store/mention-confidence.ts';

// npx tsx src/cli/mention-confidence.ts [FILE] [--split NAME]: the exact-match precision of the
// extraction's person, organisation and place mentions per confidence class (src/pipeline/
// mention-confidence.ts), on CoNLL-style JSONL (default: the shared corpus, dev, detokenised). Prints
// the table MENTION_PRECISION holds, as JSON on the last line.
const DEFAULT_FILE = path.join(corpusDir() ?? '../shared/corpus', 'conllpp-traindev.jsonl');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const splitAt = args.indexOf('--split');
  const file = args.find((a, i) => !a.startsWith('--') && (splitAt < 0 || i !== splitAt + 1)) ?? DEFAULT_FILE;
  const split = splitAt >= 0 ? args[splitAt + 1] : 'dev';
  const counts = new Map<MentionClass, { right: number; all: number }>();
  let docs = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const raw = JSON.parse(line) as NerDoc;
    if (split !== 'all' && raw.split !== split) continue;
    docs++;
    const doc = detokenise(raw);
    const gold = new Set(doc.entities.map((e) => `${e.start}:${e.end}:${e.type}`));
    const x = extractArticle(parsedFromNerDoc(doc.text, doc.doc_id));
    // One prediction per span and type, as the NER evaluation counts them.
    const seen = new Set<string>();
    const add = (type: MentionType, list: { mentions: { start: number; end: number; text: string }[] }[]) => {
      for (const e of list) {
        for (const m of e.mentions) {
          const key = `${m.start}:${m.end}:${type}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const c = mentionClass(type, m.text);
          const n = counts.get(c) ?? { right: 0, all: 0 };
          n.all++;
          if (gold.has(key)) n.right++;
          counts.set(c, n);
        }
      }
    };
    add('PER', x.people);
    add('ORG', x.organizations);
    add('LOC', x.places);
  }
  const table: Record<string, number> = {};
  console.log(`Mention precision per class, ${file} (split ${split}, ${docs} documents, detokenised)`);
  for (const c of ['PER_FULL', 'PER_ONE_WORD', 'ORG_CURATED', 'ORG_OTHER', 'LOC_CURATED', 'LOC_OTHER'] as const) {
    const n = counts.get(c) ?? { right: 0, all: 0 };
    table[c] = n.all ? Math.round((n.right / n.all) * 1000) / 1000 : 0;
    console.log(`${c.padEnd(13)} ${String(n.right).padStart(5)} / ${String(n.all).padStart(5)}  ${table[c].toFixed(3)}`);
  }
  console.log(JSON.stringify(table));
}

main().catch((error: unknown) => {
  console.error(`mention-confidence failed: ${(error as Error).message}`);
  process.exit(1);
});
