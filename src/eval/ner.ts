import type { ParsedArticle, Paragraph } from '../ingest/types.ts';
import type { Extraction } from '../extract/types.ts';

/** One record of a CoNLL-style JSONL file (the shared corpus format). */
export interface NerDoc {
  doc_id: string;
  split?: string;
  text: string;
  entities: NerSpan[];
}
export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export interface NerSpan {
  start: number;
  end: number;
  type: NerType;
  text?: string;
}

export const SCORED = ['PER', 'ORG', 'LOC'] as const;
export type ScoredType = (typeof SCORED)[number];

/** True/false positives and false negatives per type, for exact and overlap matching. */
export interface NerCounts {
  exact: Record<ScoredType, { tp: number; fp: number; fn: number }>;
  overlap: Record<ScoredType, { tp: number; fp: number; fn: number }>;
}
export interface Prf {
  p: number;
  r: number;
  f1: number;
}
export interface NerResult {
  docs: number;
  exact: Record<ScoredType | 'ALL', Prf>;
  overlap: Record<ScoredType | 'ALL', Prf>;
}

const zero = () => ({ tp: 0, fp: 0, fn: 0 });
export const emptyCounts = (): NerCounts => ({
  exact: { PER: zero(), ORG: zero(), LOC: zero() },
  overlap: { PER: zero(), ORG: zero(), LOC: zero() },
});

/** The article the extractor sees: one paragraph a line, nothing else known. */
export function parsedFromNerDoc(text: string, id: string): ParsedArticle {
  const paragraphs: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].trim()) paragraphs.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return { title: '', source: null, url: null, publishedAt: null, dateline: null, text, paragraphs, captions: [], contentHash: id };
}

/** What users get: every mention of a person, organisation or place, as PER/ORG/LOC spans (deduplicated). */
export function spansFromExtraction(x: Extraction): NerSpan[] {
  const out = new Map<string, NerSpan>();
  const add = (type: ScoredType, list: { mentions: { start: number; end: number }[] }[]) => {
    for (const e of list) for (const m of e.mentions) out.set(`${m.start}:${m.end}:${type}`, { start: m.start, end: m.end, type });
  };
  add('PER', x.people);
  add('ORG', x.organizations);
  add('LOC', x.places);
  return [...out.values()];
}

/**
 * Adds one document's matches to `into`. Exact: same start, end and type. Overlap: same type and at
 * least one shared character, one-to-one (greedy in text order). Gold MISC is not scored; a
 * prediction on it matches nothing and so counts as a false positive.
 */
export function scoreNerDocument(gold: NerSpan[], predicted: NerSpan[], into: NerCounts): NerCounts {
  const g = gold.filter((s) => s.type !== 'MISC');
  const p = predicted.filter((s) => s.type !== 'MISC');
  for (const t of SCORED) {
    const gt = g.filter((s) => s.type === t).sort((a, b) => a.start - b.start);
    const pt = p.filter((s) => s.type === t).sort((a, b) => a.start - b.start);
    const keys = new Set(gt.map((s) => `${s.start}:${s.end}`));
    const exactTp = pt.filter((s) => keys.has(`${s.start}:${s.end}`)).length;
    into.exact[t].tp += exactTp;
    into.exact[t].fp += pt.length - exactTp;
    into.exact[t].fn += gt.length - exactTp;
    const used = new Set<number>();
    let overlapTp = 0;
    for (const s of pt) {
      const k = gt.findIndex((x, i) => !used.has(i) && x.start < s.end && s.start < x.end);
      if (k >= 0) {
        used.add(k);
        overlapTp++;
      }
    }
    into.overlap[t].tp += overlapTp;
    into.overlap[t].fp += pt.length - overlapTp;
    into.overlap[t].fn += gt.length - overlapTp;
  }
  return into;
}

const prf = (c: { tp: number; fp: number; fn: number }): Prf => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return { p: round(p), r: round(r), f1: round(p + r ? (2 * p * r) / (p + r) : 0) };
};

export function nerResult(docs: number, c: NerCounts): NerResult {
  const one = (m: NerCounts['exact']) => {
    const all = zero();
    for (const t of SCORED) {
      all.tp += m[t].tp;
      all.fp += m[t].fp;
      all.fn += m[t].fn;
    }
    return { PER: prf(m.PER), ORG: prf(m.ORG), LOC: prf(m.LOC), ALL: prf(all) };
  };
  return { docs, exact: one(c.exact), overlap: one(c.overlap) };
}

/** A printable table of a result (one row a type, exact and overlap side by side). */
export function nerTable(r: NerResult): string {
  const f = (x: Prf) => `${x.p.toFixed(3)} ${x.r.toFixed(3)} ${x.f1.toFixed(3)}`;
  const rows = ['type  exact P     R     F1  | overlap P   R     F1'];
  for (const t of [...SCORED, 'ALL'] as const) rows.push(`${t.padEnd(5)} ${f(r.exact[t])}   | ${f(r.overlap[t])}`);
  return rows.join('\n');
}

// Tokens glued to the token before them when CoNLL's spaces are taken out.
const ATTACH_LEFT = /^(?:[,.;:!?%)\]}]|'s|'S|'|n't|N'T|'re|'ve|'ll|'d|'m|\.\.\.)$/;
// Tokens glued to the token after them.
const ATTACH_RIGHT = /^[([{$]$/;

/**
 * Prose as it is written from CoNLL's space-separated tokens ("Reuters ," → "Reuters,", "U.S. 's" →
 * "U.S.'s", "( BSE )" → "(BSE)", straight double quotes attached alternately to the right and left),
 * with the entity offsets moved to the new text.
 */
export function detokenise(doc: NerDoc): NerDoc {
  const src = doc.text;
  const map = new Int32Array(src.length + 1);
  let out = '';
  let i = 0;
  let quoteOpen = false;
  let glueNext = false;
  for (const line of src.split('\n')) {
    const tokens = line.split(' ');
    let lineStart = true;
    let pos = i;
    for (const tok of tokens) {
      if (tok === '') {
        map[pos] = out.length;
        pos += 1;
        continue;
      }
      let glue = lineStart || glueNext || ATTACH_LEFT.test(tok);
      glueNext = false;
      if (tok === '"') {
        if (quoteOpen) glue = true;
        else glueNext = true;
        quoteOpen = !quoteOpen;
      }
      if (ATTACH_RIGHT.test(tok)) glueNext = true;
      if (!glue) out += ' ';
      // The space before the token (if any) maps to where the token now starts.
      if (pos > i) map[pos - 1] = out.length;
      for (let k = 0; k < tok.length; k++) map[pos + k] = out.length + k;
      out += tok;
      pos += tok.length + 1;
      lineStart = false;
    }
    map[pos - 1] = out.length;
    i += line.length + 1;
    glueNext = false;
    out += '\n';
  }
  out = out.slice(0, -1);
  map[src.length] = out.length;
  const entities = doc.entities.map((e) => {
    const start = map[e.start];
    const end = map[e.end - 1] + 1;
    return { ...e, start, end, text: out.slice(start, end) };
  });
  return { ...doc, text: out, entities };
}
