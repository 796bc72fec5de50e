import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../src/config.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { jsonlRecordToRaw } from '../../src/pipeline/read-sources.ts';
import { addToIndex, emptyIndex, finalEventKeys, resolveExtraction } from '../../src/resolve/resolve-extraction.ts';
import type { ResolvedExtraction } from '../../src/resolve/types.ts';
import type { RawArticle } from '../../src/ingest/types.ts';
import { skipWithoutCorpus } from '../helpers/corpus.ts';

/**
 * Golden files hold what a careful editor would record from real articles (tests/fixtures/golden);
 * corpus text is read from ../shared/corpus at run time, never copied into the repo. Every expected
 * fact is checked; a file passes when the share of facts found reaches its `minRecall` and no
 * forbidden name or statement appears. Misses are printed, so gaps stay visible.
 */
interface Golden {
  description: string;
  sources: ({ seed: string } | { corpus: string; id: string })[];
  people: { name: string; aliases?: string[]; roleIncludes?: string }[];
  notPeople: string[];
  /** Statement texts an editor would never record ("on Thursday" read as what was said). */
  notStatements?: string[];
  organizations: string[];
  places: string[];
  statements: { speaker: string; kind?: string; textIncludes: string; speakerTextIncludes?: string }[];
  events: { participants?: string[]; organizations?: string[]; kind?: string; articles?: number; place?: string; startDate?: string; endDate?: string; precision?: string }[];
  minRecall: number;
}

const CORPUS_DIR = corpusDir() ?? path.resolve('../shared/corpus');
const FIXTURES = path.resolve('tests/fixtures/golden');

function loadSource(src: Golden['sources'][number]): RawArticle | null {
  if ('seed' in src) return { raw: fs.readFileSync(src.seed, 'utf8'), origin: src.seed };
  const file = path.join(CORPUS_DIR, src.corpus);
  if (!fs.existsSync(file)) return null;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.includes(src.id)) continue;
    const record = JSON.parse(line);
    if (record.id === src.id || String(record.newid) === src.id || record.doc_id === src.id) return jsonlRecordToRaw(record, `${src.corpus}#${src.id}`, src.id);
  }
  throw new Error(`${src.corpus} has no record ${src.id}`);
}

function check(golden: Golden, articles: ResolvedExtraction[]) {
  const results: { fact: string; ok: boolean }[] = [];
  const fact = (text: string, ok: boolean) => results.push({ fact: text, ok });
  const people = articles.flatMap((a) => a.people);
  const orgs = articles.flatMap((a) => a.organizations);
  const places = articles.flatMap((a) => a.places);
  for (const p of golden.people) {
    const found = people.filter((x) => x.name === p.name);
    fact(`person ${p.name}`, found.length > 0);
    for (const alias of p.aliases ?? []) fact(`person ${p.name} alias ${alias}`, found.some((x) => x.aliases.includes(alias) || x.mentions.some((m) => m.text === alias)));
    if (p.roleIncludes) fact(`person ${p.name} role ~ ${p.roleIncludes}`, found.some((x) => x.roles.some((r) => r.toLowerCase().includes(p.roleIncludes!.toLowerCase()))));
  }
  for (const o of golden.organizations) fact(`organization ${o}`, orgs.some((x) => x.name === o));
  for (const p of golden.places) fact(`place ${p}`, places.some((x) => x.name === p));
  for (const s of golden.statements) {
    const ok = articles.some((a) => a.statements.some((st) => {
      const speaker = st.speaker ? (st.speaker.type === 'person' ? a.people : a.organizations).find((e) => e.key === st.speaker!.key)?.name : null;
      return speaker === s.speaker && st.text.includes(s.textIncludes) && (!s.kind || st.kind === s.kind) && (!s.speakerTextIncludes || (st.speakerText ?? '').includes(s.speakerTextIncludes));
    }));
    fact(`statement by ${s.speaker}${s.kind ? ` (${s.kind})` : ''}: “${s.textIncludes}”`, ok);
  }
  for (const e of golden.events) {
    const label = `event ${[...(e.participants ?? []), ...(e.organizations ?? [])].join(' + ')}${e.kind ? ` ${e.kind}` : ''}`;
    const matches = articles.map((a) => a.events.find((ev) => {
      const names = ev.participantKeys.map((k) => a.people.find((p) => p.key === k)?.name);
      const orgNames = ev.organizationKeys.map((k) => a.organizations.find((o) => o.key === k)?.name);
      return (e.participants ?? []).every((n) => names.includes(n)) && (e.organizations ?? []).every((n) => orgNames.includes(n)) && (!e.kind || ev.kind === e.kind);
    }));
    const found = matches.filter(Boolean);
    fact(label, found.length > 0);
    if (e.articles) fact(`${label} reported by ${e.articles} articles as one event`, found.length >= e.articles && new Set(found.map((x) => x!.key)).size === 1);
    if (e.place) fact(`${label} place ${e.place}`, articles.some((a, i) => matches[i] && a.places.find((p) => p.key === matches[i]!.placeKey)?.name === e.place));
    if (e.startDate) fact(`${label} ${e.startDate}..${e.endDate} ${e.precision}`, found.some((x) => x!.startDate === e.startDate && x!.endDate === e.endDate && x!.precision === e.precision));
  }
  const forbidden = golden.notPeople.filter((n) => people.some((p) => p.name === n));
  const junk = (golden.notStatements ?? []).filter((t) => articles.some((a) => a.statements.some((st) => st.text.trim() === t)));
  return { results, forbidden, junk };
}

const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();

describe('golden extraction files (editor expectations on real articles)', () => {
  it('has golden files for the seeds and for corpus articles', () => {
    expect(files).toContain('seeds.json');
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    const golden = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as Golden;
    it(`${file}: ${golden.description}`, (ctx) => {
      const raws = golden.sources.map(loadSource);
      if (raws.some((r) => r === null)) skipWithoutCorpus(ctx, `${file}: corpus not found under ${CORPUS_DIR}`);
      const index = emptyIndex();
      // Event keys as the store writes them: an account of a later article may merge an earlier event.
      const articles = raws.map((raw) => {
        const parsed = parseArticle(raw!);
        const resolved = resolveExtraction(extractArticle(parsed), index);
        addToIndex(index, resolved);
        return resolved;
      }).map((resolved) => finalEventKeys(index, resolved));
      const { results, forbidden, junk } = check(golden, articles);
      const found = results.filter((r) => r.ok).length;
      const recall = found / results.length;
      console.log(`${file}: ${found}/${results.length} expected facts (${(recall * 100).toFixed(0)}%)${results.filter((r) => !r.ok).map((r) => `\n  missing: ${r.fact}`).join('')}`);
      expect(forbidden, 'names an editor would never list as people').toEqual([]);
      expect(junk, 'statements an editor would never record').toEqual([]);
      expect(recall).toBeGreaterThanOrEqual(golden.minRecall);
    });
  }
});
