import type { PolnearDoc } from './polnear.ts';
import { parsedFromGoldText } from './polnear.ts';
import { splitSentences } from '../extract/sentences.ts';
import { findQuotes } from '../extract/speech/quotes.ts';
import { tokenize } from '../extract/speech/tokens.ts';
import { findCues } from '../extract/speech/cues.ts';
import { boundsOf, contentOf } from '../extract/speech/content.ts';
import type { AttributionModel } from '../extract/speech/model.ts';

interface Span {
  start: number;
  end: number;
}

/**
 * The learned parts alone on held-out documents: every predicted cue with its content, matched to
 * gold content like `npm run eval` does (overlap ≥ half of the shorter span), split by quote marks.
 */
export function heldOutReport(model: AttributionModel, docs: PolnearDoc[]): string {
  const tally = { quoted: { gold: 0, pred: 0, hit: 0 }, plain: { gold: 0, pred: 0, hit: 0 } };
  for (const doc of docs) {
    const parsed = parsedFromGoldText(doc);
    const sentences = splitSentences(parsed.text, parsed.paragraphs);
    const quotes = findQuotes(parsed.text, parsed.paragraphs);
    const tokens = tokenize(parsed.text, sentences, quotes.map((q) => q.inner));
    const bounds = boundsOf(tokens);
    const preds: (Span & { quoted: boolean })[] = [];
    for (const c of findCues(tokens, model.cue, model.cueStarts)) {
      const span = contentOf(model, tokens, bounds, c);
      if (!span) continue;
      const start = tokens[span.s].start;
      const end = tokens[span.e].end;
      preds.push({ start, end, quoted: /[“”"]/.test(parsed.text.slice(start, end)) });
    }
    const golds = doc.attributions.filter((a) => a.content?.spans?.length).map((a) => ({ start: Math.min(...a.content.spans.map((s) => s[0])), end: Math.max(...a.content.spans.map((s) => s[1])), quoted: a.content_has_quote_marks }));
    for (const quoted of [true, false]) {
      const g = golds.filter((x) => x.quoted === quoted);
      const p = preds.filter((x) => x.quoted === quoted);
      const t = quoted ? tally.quoted : tally.plain;
      t.gold += g.length;
      t.pred += p.length;
      const pairs: [number, number, number][] = [];
      g.forEach((gg, gi) => p.forEach((pp, pi) => {
        const ov = Math.max(0, Math.min(gg.end, pp.end) - Math.max(gg.start, pp.start));
        if (ov > 0 && ov >= Math.min(gg.end - gg.start, pp.end - pp.start) / 2) pairs.push([gi, pi, ov]);
      }));
      pairs.sort((x, y) => y[2] - x[2]);
      const ug = new Set<number>();
      const up = new Set<number>();
      for (const [gi, pi] of pairs) {
        if (ug.has(gi) || up.has(pi)) continue;
        ug.add(gi);
        up.add(pi);
        t.hit++;
      }
    }
  }
  const line = (name: string, t: { gold: number; pred: number; hit: number }) => {
    const p = t.pred ? t.hit / t.pred : 0;
    const r = t.gold ? t.hit / t.gold : 0;
    return `  ${name.padEnd(7)} content P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)} (gold ${t.gold}, predicted ${t.pred})`;
  };
  return `held out: ${docs.length} train documents, learned cues and spans alone\n${line('quoted', tally.quoted)}\n${line('plain', tally.plain)}`;
}
