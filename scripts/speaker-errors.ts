import fs from 'node:fs';
import path from 'node:path';
import { corpusDir } from '../src/config.ts';
import { parsedFromGoldText, type PolnearDoc } from '../src/eval/polnear.ts';
import { extractArticle } from '../src/extract/extract-article.ts';
import { decodeModel, useAttributionModel } from '../src/extract/speech/model.ts';
import { decodeSourceModel, useSourceModel } from '../src/extract/speech/source-ranker.ts';

// Speaker errors on PolNeAR (default split `train`; never tune on `dev`): for each gold attribution
// matched by a statement (content overlap of half the shorter, as src/eval/polnear.ts scores), the
// statements whose speaker is wrong, listed with the gold source and what was chosen.
// npx tsx scripts/speaker-errors.ts [--split train|heldout] [--kind direct|indirect|all] [--limit N] [--unmatched]
//   [--model FILE] [--source-model FILE]
// `heldout` is the tenth of train that `--holdout` training leaves out (score it with models trained so).

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const split = arg('--split') ?? 'train';
const kind = arg('--kind') ?? 'direct';
const limit = Number(arg('--limit') ?? Infinity);
const unmatched = process.argv.includes('--unmatched');
const file = path.join(corpusDir() ?? '../shared/corpus', 'polnear-traindev.jsonl');
if (arg('--model')) useAttributionModel(decodeModel(fs.readFileSync(arg('--model')!)));
if (arg('--source-model')) useSourceModel(decodeSourceModel(fs.readFileSync(arg('--source-model')!)));
const all = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as PolnearDoc);
// The held-out tenth: every tenth train document by doc_id, as src/cli/eval.ts and training take it.
const byId = (a: PolnearDoc, b: PolnearDoc) => (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0);
const docs = (split === 'heldout' ? all.filter((d) => d.split === 'train').sort(byId).filter((_, i) => i % 10 === 0) : all.filter((d) => d.split === split)).slice(0, limit);

interface Span { start: number; end: number }
const hull = (spans: [number, number][]): Span => ({ start: Math.min(...spans.map((s) => s[0])), end: Math.max(...spans.map((s) => s[1])) });
const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n / 2)}…${s.slice(-n / 2)}` : s).replace(/\n/g, '⏎');
const cats = new Map<string, number>();
let right = 0;
let matchedN = 0;
for (const doc of docs) {
  const parsed = parsedFromGoldText(doc);
  const text = parsed.text;
  const x = extractArticle(parsed);
  const want = (quoted: boolean) => kind === 'all' || (kind === 'direct') === quoted;
  const golds = doc.attributions.filter((a) => a.content?.spans?.length && want(a.content_has_quote_marks)).map((a) => ({ a, content: hull(a.content.spans), source: a.source?.spans?.length ? hull(a.source.spans) : null }));
  const preds = x.statements.filter((s) => want(s.kind !== 'INDIRECT')).map((s) => {
    const list = s.speaker ? (s.speaker.type === 'person' ? x.people : x.organizations) : [];
    const ent = s.speaker ? list.find((e) => e.key === s.speaker!.key) : undefined;
    return { s, content: { start: s.start, end: s.end }, ent, spans: [...(s.speakerSpan ? [s.speakerSpan] : []), ...(ent?.mentions ?? [])] };
  });
  const pairs: { gi: number; pi: number; ov: number }[] = [];
  golds.forEach((g, gi) => preds.forEach((p, pi) => {
    const ov = overlap(g.content, p.content);
    if (ov > 0 && ov >= Math.min(g.content.end - g.content.start, p.content.end - p.content.start) / 2) pairs.push({ gi, pi, ov });
  }));
  pairs.sort((a, b) => b.ov - a.ov);
  const ug = new Set<number>();
  const up = new Set<number>();
  for (const { gi, pi } of pairs) {
    if (ug.has(gi) || up.has(pi)) continue;
    ug.add(gi);
    up.add(pi);
    if (unmatched) continue;
    matchedN++;
    const g = golds[gi];
    const p = preds[pi];
    const src = g.source;
    if (src && p.spans.some((sp) => overlap(sp, src) > 0)) {
      right++;
      continue;
    }
    const srcText = src ? text.slice(src.start, src.end) : null;
    const spk = p.s.speakerSpan ? text.slice(p.s.speakerSpan.start, p.s.speakerSpan.end) : null;
    const cat = !src ? 'gold-no-source' : !spk ? 'none-found' : !p.ent && /^(?:he|she|it|they|who|i|we)$/i.test(spk) ? 'pronoun-unresolved' : /^(?:he|she|it|they|who)$/i.test(spk) ? 'pronoun-wrong' : overlap(p.s.speakerSpan!, { start: p.s.start, end: p.s.end }) > 0 ? 'span-in-content' : p.s.speakerSpan!.start > src.start - 300 && p.s.speakerSpan!.start < src.end + 300 ? 'wrong-near' : 'wrong-far';
    cats.set(cat, (cats.get(cat) ?? 0) + 1);
    const ctxFrom = Math.max(0, Math.min(g.content.start, src?.start ?? Infinity) - 80);
    const ctxTo = Math.min(text.length, Math.max(g.content.end, src?.end ?? 0) + 80);
    console.log(`[${cat}] ${doc.doc_id} ${g.content.start}: gold «${srcText}» | pred «${spk}» → ${p.ent ? `${p.s.speaker!.type}:${p.ent.name}` : 'none'} (${p.s.kind}, cue ${p.s.cue})`);
    console.log(`    ${clip(text.slice(ctxFrom, ctxTo), 400)}`);
  }
  if (!unmatched) continue;
  // --unmatched: gold attributions no statement matches, and statements matching no gold.
  golds.forEach((g, gi) => {
    if (ug.has(gi)) return;
    cats.set('gold-unmatched', (cats.get('gold-unmatched') ?? 0) + 1);
    console.log(`[gold-unmatched] ${doc.doc_id} ${g.content.start}: source «${g.source ? text.slice(g.source.start, g.source.end) : null}» :: ${clip(text.slice(Math.max(0, g.content.start - 100), g.content.end + 60), 300)}`);
  });
  preds.forEach((p, pi) => {
    if (up.has(pi)) return;
    cats.set('pred-unmatched', (cats.get('pred-unmatched') ?? 0) + 1);
    console.log(`[pred-unmatched] ${doc.doc_id} ${p.s.start}: ${p.s.kind} «${p.s.speakerText}» cue ${p.s.cue} :: ${clip(text.slice(Math.max(0, p.s.start - 100), p.s.end + 60), 300)}`);
  });
}
console.log(`\n${docs.length} docs, ${matchedN} matched, ${right} speaker right`);
console.log([...cats].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '));
