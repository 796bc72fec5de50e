import type { ParsedArticle, Paragraph } from '../ingest/types.ts';
import type { Extraction } from '../extract/types.ts';
import { normalizeKeepingOffsets } from '../ingest/normalize-text.ts';

/** One PolNeAR attribution: source (speaker as written), cue, content; spans are [start, end) into the text. */
export interface GoldAttribution {
  source?: { text: string; spans: [number, number][] } | null;
  cue?: { text: string; spans: [number, number][] } | null;
  content: { text: string; spans: [number, number][] };
  content_has_quote_marks: boolean;
}

export interface PolnearDoc {
  doc_id: string;
  split: string;
  publication_date?: string;
  title?: string;
  text: string;
  attributions: GoldAttribution[];
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export interface Scores {
  content: Prf;
  speaker: Prf;
}

export interface EvalResult {
  docs: number;
  direct: Scores;
  indirect: Scores;
  all: Scores;
}

interface Span {
  start: number;
  end: number;
}

/**
 * The article exactly as annotated: no reflowing, so predicted offsets are gold offsets. Only the
 * parser's normalisations that replace one character by one are made (normalizeKeepingOffsets).
 */
export function parsedFromGoldText(doc: PolnearDoc): ParsedArticle {
  const text = normalizeKeepingOffsets(doc.text);
  const paragraphs: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim()) paragraphs.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return { title: doc.title ?? '', source: null, url: null, publishedAt: doc.publication_date ?? null, dateline: null, text, paragraphs, captions: [], contentHash: doc.doc_id };
}

const hull = (spans: [number, number][]): Span => ({ start: Math.min(...spans.map((s) => s[0])), end: Math.max(...spans.map((s) => s[1])) });
const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Matching rule: a predicted statement matches a gold attribution when their content spans overlap
 * by at least half of the shorter of the two (greedy one-to-one, best overlap first). The speaker is
 * right when the content matches and the predicted speaker span overlaps the gold source span, or
 * the gold source (often a pronoun or "the president") overlaps any mention of the entity we
 * attributed the statement to. Category: gold by `content_has_quote_marks`; predicted DIRECT and
 * MIXED statements count as quoted, INDIRECT as not.
 */
export function scoreDocument(doc: PolnearDoc, extraction: Extraction) {
  const golds = doc.attributions.filter((a) => a.content?.spans?.length).map((a) => ({ a, content: hull(a.content.spans), source: a.source?.spans?.length ? hull(a.source.spans) : null, quoted: a.content_has_quote_marks }));
  const mentionsOf = (s: Extraction['statements'][number]): Span[] => {
    if (!s.speaker) return [];
    const list = s.speaker.type === 'person' ? extraction.people : extraction.organizations;
    return list.find((e) => e.key === s.speaker!.key)?.mentions ?? [];
  };
  const preds = extraction.statements.map((s) => ({ s, content: { start: s.start, end: s.end }, quoted: s.kind !== 'INDIRECT', speakerSpans: [...(s.speakerSpan ? [s.speakerSpan] : []), ...mentionsOf(s)] }));

  const count = (filter: (quoted: boolean) => boolean) => {
    const g = golds.filter((x) => filter(x.quoted));
    const p = preds.filter((x) => filter(x.quoted));
    const pairs: { gi: number; pi: number; ov: number }[] = [];
    g.forEach((gg, gi) => p.forEach((pp, pi) => {
      const ov = overlap(gg.content, pp.content);
      const shorter = Math.min(gg.content.end - gg.content.start, pp.content.end - pp.content.start);
      if (ov > 0 && ov >= shorter / 2) pairs.push({ gi, pi, ov });
    }));
    pairs.sort((x, y) => y.ov - x.ov);
    const usedG = new Set<number>();
    const usedP = new Set<number>();
    let matched = 0;
    let speakerRight = 0;
    for (const { gi, pi } of pairs) {
      if (usedG.has(gi) || usedP.has(pi)) continue;
      usedG.add(gi);
      usedP.add(pi);
      matched++;
      const src = g[gi].source;
      if (src && p[pi].speakerSpans.some((sp) => overlap(sp, src) > 0)) speakerRight++;
    }
    return { gold: g.length, pred: p.length, matched, speakerRight };
  };
  return { direct: count((q) => q), indirect: count((q) => !q), all: count(() => true) };
}

export type DocCounts = ReturnType<typeof scoreDocument>;

const prf = (correct: number, pred: number, gold: number): Prf => {
  const p = pred ? correct / pred : 0;
  const r = gold ? correct / gold : 0;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { p: round(p), r: round(r), f1: round(p + r ? (2 * p * r) / (p + r) : 0) };
};

export function aggregate(counts: DocCounts[]): EvalResult {
  const sum = (k: 'direct' | 'indirect' | 'all') => counts.reduce((acc, c) => ({ gold: acc.gold + c[k].gold, pred: acc.pred + c[k].pred, matched: acc.matched + c[k].matched, speakerRight: acc.speakerRight + c[k].speakerRight }), { gold: 0, pred: 0, matched: 0, speakerRight: 0 });
  const scores = (k: 'direct' | 'indirect' | 'all'): Scores => {
    const s = sum(k);
    return { content: prf(s.matched, s.pred, s.gold), speaker: prf(s.speakerRight, s.pred, s.gold) };
  };
  return { docs: counts.length, direct: scores('direct'), indirect: scores('indirect'), all: scores('all') };
}
