import type { PolnearDoc } from './polnear.ts';
import { parsedFromGoldText } from './polnear.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { recordSources } from '../extract/statements.ts';
import type { Candidate, SourceQuery } from '../extract/speech/source-candidates.ts';
import { useSourceModel, type SourceExample } from '../extract/speech/source-ranker.ts';

interface Span {
  start: number;
  end: number;
}

const hull = (spans: [number, number][]): Span => ({ start: Math.min(...spans.map((s) => s[0])), end: Math.max(...spans.map((s) => s[1])) });
const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Training examples for the source ranker, one list per document: the extractor runs with the speaker
 * rules alone (no ranker), and each statement whose content overlaps a gold attribution's by half the
 * shorter span (the eval's matching rule, best overlap first) is labelled with the candidate that
 * overlaps the gold source most. Statements whose gold source no candidate overlaps teach nothing.
 */
export function sourceExamples(docs: PolnearDoc[], stats?: { statements: number; matched: number; reachable: number }): SourceExample[][] {
  useSourceModel(null);
  const out: SourceExample[][] = [];
  try {
    for (const doc of docs) {
      const seen: { query: SourceQuery; candidates: Candidate[]; named: Span[][] }[] = [];
      recordSources((query, candidates, named) => seen.push({ query, candidates, named }));
      extractArticle(parsedFromGoldText(doc));
      recordSources(null);
      const golds = doc.attributions.filter((a) => a.content?.spans?.length && a.source?.spans?.length).map((a) => ({ content: hull(a.content.spans), source: hull(a.source!.spans) }));
      const examples: SourceExample[] = [];
      for (const { query, candidates, named } of seen) {
        if (stats) stats.statements++;
        let gold: (typeof golds)[number] | null = null;
        let bestOv = 0;
        for (const g of golds) {
          const ov = overlap(g.content, query.content);
          if (ov > bestOv && ov >= Math.min(g.content.end - g.content.start, query.content.end - query.content.start) / 2) {
            bestOv = ov;
            gold = g;
          }
        }
        if (!gold) continue;
        if (stats) stats.matched++;
        let at = -1;
        let top = 0;
        candidates.forEach((c, i) => {
          const ov = overlap(c, gold!.source);
          if (ov > top) {
            top = ov;
            at = i;
          }
        });
        // Right: the candidate most over the gold source, and any other naming the same entity ("he" for
        // "Trump"). Not every candidate over it: "Clinton" in "Clinton communication director Jennifer
        // Palmieri" is over the source but names someone else. With none over it, one naming an entity
        // with a mention over it.
        const right = at >= 0 ? candidates.flatMap((_, i) => (i === at || (named[at].length > 0 && named[i] === named[at]) ? [i] : [])) : candidates.flatMap((_, i) => (named[i].some((m) => overlap(m, gold!.source) > 0) ? [i] : []));
        if (!right.length) continue;
        if (stats) stats.reachable++;
        examples.push({ candidates: candidates.map((c) => c.features), gold: at >= 0 ? at : right[0], right });
      }
      out.push(examples);
    }
  } finally {
    recordSources(null);
    useSourceModel(undefined);
  }
  return out;
}
