import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusDir } from '../config.ts';
import { emptyCounts, nerResult, scoreNerDocument, type NerSpan } from '../eval/ner.ts';
import { findEntitiesByRules } from '../extract/entities.ts';
import { composeEntities, type Decision, type Policy } from '../extract/ner/compose.ts';
import { tagEntities } from '../extract/ner/index.ts';
import { SETTINGS, trainModel, type LabelledDoc } from '../extract/ner/train.ts';
import { decodeModel } from '../extract/ner/weights.ts';

// npx tsx src/cli/ner-disagreements.ts --holdout [--model FILE] [--examples N]
// Counts, for each policy of src/extract/ner/compose.ts, the gold type of the spans where the rules
// and the model disagree, on the tenth of CoNLL `train` that `npm run train:ner -- --tune` holds out
// (every tenth training document), with a model trained on the other nine tenths (trained here and
// written to a temp file, or read from --model; the committed model saw the held-out tenth). Dev is
// never read: it is the reported yardstick, not where the policies are chosen.

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!args.includes('--holdout')) {
  console.error('ner-disagreements: only --holdout (the held-out tenth of train) is counted; dev is never read');
  process.exit(2);
}

type Doc = LabelledDoc & { split: string };
const file = path.join(corpusDir() ?? '../shared/corpus', 'conllpp-traindev.jsonl');
const docs = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Doc)
  .filter((d) => d.split === 'train');
const train = docs.filter((_, i) => i % 10 !== 9);
const heldOut = docs.filter((_, i) => i % 10 === 9);

let modelFile = opt('--model');
if (!modelFile) {
  modelFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ner-holdout-')), 'model.bin.gz');
  const started = Date.now();
  console.log(`training on ${train.length} of ${docs.length} train documents (the settings of npm run train:ner) …`);
  fs.writeFileSync(modelFile, trainModel(train, { ...SETTINGS }));
  console.log(`wrote ${modelFile} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
const model = decodeModel(fs.readFileSync(modelFile));

/** What gold says of a span: its type if a gold span has the same offsets, else "none" (or "part" if it only overlaps one). */
function goldOf(doc: Doc, s: { start: number; end: number }): string {
  const same = doc.entities.find((e) => e.start === s.start && e.end === s.end);
  if (same) return same.type;
  return doc.entities.some((e) => e.start < s.end && s.start < e.end) ? 'part' : 'none';
}

interface Row {
  policy: Policy;
  key: string;
  gold: Map<string, number>;
  examples: string[];
}
const rows = new Map<string, Row>();
const count = (policy: Policy, key: string, gold: string, example: string) => {
  const id = `${policy}\t${key}`;
  let r = rows.get(id);
  if (!r) rows.set(id, (r = { policy, key, gold: new Map(), examples: [] }));
  r.gold.set(gold, (r.gold.get(gold) ?? 0) + 1);
  r.examples.push(`${example} [gold ${gold}]`);
};

const scores = emptyCounts();
for (const doc of heldOut) {
  const decisions: Decision[] = [];
  const index = composeEntities(doc.text, findEntitiesByRules(doc.text), { spans: tagEntities(doc.text, model), trace: (d) => decisions.push(d) });
  const spans = (type: NerSpan['type'], list: { start: number; end: number }[]) => list.map((s) => ({ start: s.start, end: s.end, type }));
  scoreNerDocument(doc.entities as NerSpan[], [...spans('PER', index.personSpans), ...spans('ORG', index.orgSpans), ...spans('LOC', index.placeSpans)], scores);
  for (const d of decisions) {
    const words = JSON.stringify(doc.text.slice(d.start, d.end));
    const gold = goldOf(doc, d);
    if (d.policy === 'hyphen-two-people') {
      // Right if gold has the joined parts as people; wrong if gold has the whole span.
      const parts = (d.parts ?? []).map((p) => goldOf(doc, p));
      count(d.policy, `model ${d.model}`, `whole ${gold}, parts ${parts.join('+')}`, words);
    } else if (d.policy === 'rule-only' || d.policy === 'lower-case-org') {
      count(d.policy, `rule ${d.rule}`, gold, words);
    } else if (d.policy === 'never-alone') {
      count(d.policy, `model ${d.model}`, gold, words);
    } else {
      count(d.policy, `rule ${d.rule} / model ${d.model}`, gold, words);
    }
  }
}

const nExamples = Number(opt('--examples') ?? 6);
console.log(`\nrule/model disagreements on the held-out tenth of CoNLL train (${heldOut.length} documents), by gold type of the span`);
console.log('(gold "part": the span only overlaps a gold span; "none": no gold span there)\n');
const order: Policy[] = ['model-type-wins', 'curated-org', 'rule-person-over-model', 'hyphen-two-people', 'rule-only', 'lower-case-org', 'never-alone'];
const summary: Record<string, Record<string, number>> = {};
for (const policy of order) {
  const mine = [...rows.values()].filter((r) => r.policy === policy).sort((a, b) => a.key.localeCompare(b.key));
  if (!mine.length) console.log(`${policy}: none`);
  for (const r of mine) {
    const total = [...r.gold.values()].reduce((a, b) => a + b, 0);
    const gold = [...r.gold].sort((a, b) => b[1] - a[1]);
    console.log(`${policy} | ${r.key} | ${total} | ${gold.map(([g, n]) => `${g} ${n}`).join(', ')}`);
    for (const e of r.examples.slice(0, nExamples)) console.log(`    ${e}`);
    summary[`${policy} | ${r.key}`] = Object.fromEntries(gold);
  }
}
// The composed spans alone (no governments, no rest of the extraction) against gold, on the same documents.
const composed = nerResult(heldOut.length, scores).exact;
console.log(`\ncomposed entity spans on the held-out tenth, exact F1: PER ${composed.PER.f1} ORG ${composed.ORG.f1} LOC ${composed.LOC.f1} all ${composed.ALL.f1}`);
console.log(JSON.stringify({ heldOutDocs: heldOut.length, model: modelFile, counts: summary, composedExact: composed }));
