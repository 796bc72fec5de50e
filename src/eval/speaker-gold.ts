import fs from 'node:fs';
import path from 'node:path';
import type { ParsedArticle } from '../ingest/types.ts';
import type { Extraction } from '../extract/types.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { parseArticle } from '../ingest/parse-article.ts';
import { jsonlRecordToRaw } from '../pipeline/read-sources.ts';
import { seeded, shuffleInPlace } from '../extract/seeded-random.ts';
import { parsedFromGoldText, type PolnearDoc } from './polnear.ts';

// The written-first gold of resolved speakers (issue 15): 150 statements drawn by a fixed seed from
// the extraction of PolNeAR dev and BBC, each with the entity a careful editor would name as its
// speaker, or none. The fixture holds document ids, offsets and the speaker names only: never the
// article text. `npm run eval -- --speakers` scores today's extraction against it.

export const GOLD_FILE = new URL('../../tests/fixtures/speaker-gold.json', import.meta.url);
/** The draw: seed and statements per corpus. */
export const GOLD_SEED = 15;
export const GOLD_PER_CORPUS = 75;

export type GoldCorpus = 'polnear-dev' | 'bbc';

export interface SpeakerGoldItem {
  corpus: GoldCorpus;
  doc: string;
  /** The statement's offsets in the article as parsed (PolNeAR: the gold text; BBC: parseArticle). */
  start: number;
  end: number;
  /** Who a careful editor names as the speaker; null when the text names no one ("analysts said"). */
  speaker: { name: string; type: 'person' | 'organization'; also?: string[] } | null;
}

export interface GoldDoc {
  corpus: GoldCorpus;
  id: string;
  parsed: ParsedArticle;
}

/** PolNeAR dev (in file order) and BBC (in file order), parsed as the eval and ingest parse them. */
export function loadGoldDocs(corpusDir: string): GoldDoc[] {
  const read = (f: string) => fs.readFileSync(path.join(corpusDir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
  const polnear = read('polnear-traindev.jsonl').filter((d) => d.split === 'dev').map((d) => ({ corpus: 'polnear-dev' as const, id: String(d.doc_id), parsed: parsedFromGoldText(d as unknown as PolnearDoc) }));
  const bbc = read('bbc.jsonl').map((d, i) => ({ corpus: 'bbc' as const, id: String(d.id ?? `bbc:${i}`), parsed: parseArticle(jsonlRecordToRaw(d, `bbc:${i}`)) }));
  return [...polnear, ...bbc];
}

/**
 * The statements to annotate: every statement of each corpus in document order, shuffled with the
 * seeded generator, the first `GOLD_PER_CORPUS` of each kept (then listed in document order).
 */
export function drawGold(docs: GoldDoc[], extract: (p: ParsedArticle) => Extraction = extractArticle): { corpus: GoldCorpus; doc: string; start: number; end: number }[] {
  const out: { corpus: GoldCorpus; doc: string; start: number; end: number; order: number }[] = [];
  for (const corpus of ['polnear-dev', 'bbc'] as const) {
    const all: { corpus: GoldCorpus; doc: string; start: number; end: number; order: number }[] = [];
    for (const d of docs.filter((x) => x.corpus === corpus)) for (const s of extract(d.parsed).statements) all.push({ corpus, doc: d.id, start: s.start, end: s.end, order: all.length });
    out.push(...shuffleInPlace(all, seeded(GOLD_SEED)).slice(0, GOLD_PER_CORPUS).sort((a, b) => a.order - b.order));
  }
  return out.map(({ order: _order, ...x }) => x);
}

const norm = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/^the\s+/, '').replace(/[’'.]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const containsWords = (a: string, b: string) => ` ${a} `.includes(` ${b} `);

/** Whether an extracted entity is the gold speaker: same type, and the same name, an alias, or one name's words inside the other's. */
export function sameSpeaker(gold: NonNullable<SpeakerGoldItem['speaker']>, type: string, name: string, aliases: string[]): boolean {
  if (gold.type !== type) return false;
  const names = [name, ...aliases].map(norm).filter(Boolean);
  return [gold.name, ...(gold.also ?? [])].map(norm).some((g) => names.some((n) => n === g || containsWords(n, g) || containsWords(g, n)));
}

export interface SpeakerGoldScore {
  items: number;
  /** Gold statements no extracted statement overlaps by half any more. */
  unmatched: number;
  /** Statements given a speaker, and how many of those are the gold speaker. */
  given: number;
  right: number;
  /** Gold statements with a speaker, and how many got it. */
  withGold: number;
  covered: number;
  precision: number;
  coverage: number;
  errors: { item: SpeakerGoldItem; predicted: string | null; written?: string | null }[];
}

/** Scores extraction against the gold: the statement overlapping each item by at least half the shorter span stands for it. */
export function scoreSpeakerGold(items: SpeakerGoldItem[], docs: GoldDoc[], extract: (p: ParsedArticle) => Extraction = extractArticle): SpeakerGoldScore {
  const byId = new Map(docs.map((d) => [`${d.corpus}|${d.id}`, d]));
  const cache = new Map<string, Extraction>();
  const score: SpeakerGoldScore = { items: items.length, unmatched: 0, given: 0, right: 0, withGold: 0, covered: 0, precision: 0, coverage: 0, errors: [] };
  for (const item of items) {
    const key = `${item.corpus}|${item.doc}`;
    const doc = byId.get(key);
    if (!doc) throw new Error(`speaker gold: no document ${key}`);
    let x = cache.get(key);
    if (!x) cache.set(key, (x = extract(doc.parsed)));
    const ov = (s: { start: number; end: number }) => Math.min(s.end, item.end) - Math.max(s.start, item.start);
    const statement = x.statements
      .filter((s) => ov(s) > 0 && ov(s) >= Math.min(s.end - s.start, item.end - item.start) / 2)
      .sort((a, b) => ov(b) - ov(a))[0];
    if (item.speaker) score.withGold++;
    if (!statement) {
      score.unmatched++;
      if (item.speaker) score.errors.push({ item, predicted: '(no statement)' });
      continue;
    }
    const entity = statement.speaker ? (statement.speaker.type === 'person' ? x.people : x.organizations).find((e) => e.key === statement.speaker!.key) : undefined;
    const right = entity && item.speaker ? sameSpeaker(item.speaker, statement.speaker!.type, entity.name, entity.aliases) : false;
    if (entity) {
      score.given++;
      if (right) score.right++;
    }
    if (item.speaker && right) score.covered++;
    if (!right && (entity || item.speaker)) score.errors.push({ item, predicted: entity ? `${statement.speaker!.type}:${entity.name}` : null, written: statement.speakerText });
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  score.precision = round(score.given ? score.right / score.given : 0);
  score.coverage = round(score.withGold ? score.covered / score.withGold : 0);
  return score;
}
