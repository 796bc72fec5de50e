import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../src/config.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { splitSentences } from '../../src/extract/sentences.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import type { ParsedArticle } from '../../src/ingest/types.ts';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { MENTION_PRECISION } from '../../src/store/mention-confidence.ts';
import { jsonlRecordToRaw, readSources } from '../../src/pipeline/read-sources.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { sentencesOf } from '../../src/services/sentences.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';
import { execute, TEST_ADMIN, type GraphQLResult } from '../helpers/graphql.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const seedArticles = (): ParsedArticle[] => fs.readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort()
  .map((f) => parseArticle({ raw: fs.readFileSync(path.join('seeds', f), 'utf8'), origin: f }));

const MENTION_FIELDS = 'totalCount pageInfo { hasNextPage } nodes { start end text confidence sentence { start end text } article { title body } }';
const LISTS = { PER: 'people', ORG: 'organizations', PLACE: 'places' } as const;

type Served = { type: keyof typeof LISTS; name: string; aliases: string[]; mention: { start: number; end: number; text: string; confidence: number; sentence: { start: number; end: number; text: string }; article: { title: string; body: string } } };

describe('mentions of people, organisations and places, through the API', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  const q = async (query: string, variables?: Record<string, unknown>) => {
    const r = await execute(server, db.sql, query, variables, TEST_ADMIN, db.writer);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!;
  };

  /** Every mention of every entity of every list (all pages of entities; seeds have fewer than 50 mentions each). */
  async function allMentions(): Promise<Served[]> {
    const out: Served[] = [];
    for (const [type, list] of Object.entries(LISTS) as [keyof typeof LISTS, string][]) {
      let after: string | null = null;
      do {
        const r: GraphQLResult = await execute(server, db.sql, `query($after: String) { ${list}(first: 20, after: $after) { pageInfo { hasNextPage endCursor } nodes { name aliases mentions(first: 50) { ${MENTION_FIELDS} } } } }`, { after });
        expect(r.errors).toBeUndefined();
        const page = r.data![list];
        for (const e of page.nodes) {
          expect(e.mentions.pageInfo.hasNextPage).toBe(false);
          expect(e.mentions.totalCount).toBe(e.mentions.nodes.length);
          for (const mention of e.mentions.nodes) out.push({ type, name: e.name, aliases: e.aliases, mention });
        }
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
    }
    return out;
  }

  beforeAll(async () => {
    db = await createTestDatabase('mentions');
    const summary = await ingestArticles(db.writer, readSources(['seeds']), { batchSize: 1 });
    expect(summary.errors).toEqual([]);
    server = await createServer({ sql: db.sql, db: db.writer });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('serves each mention with its words as written, its sentence and a confidence', async () => {
    const served = await allMentions();
    expect(served.length).toBeGreaterThan(50);
    const confidences = new Set(Object.values(MENTION_PRECISION));
    const errors: string[] = [];
    for (const { name, aliases, mention: m } of served) {
      const body = m.article.body;
      const where = `${name} @${m.start}`;
      if (m.text !== body.slice(m.start, m.end) || m.end <= m.start) errors.push(`${where}: text ${JSON.stringify(m.text)} is not the body at [${m.start}, ${m.end})`);
      // Extraction records every written form as the name or an alias (resolution matches regardless of case).
      if (![name, ...aliases].some((n) => n.toLowerCase() === m.text.toLowerCase())) errors.push(`${where}: ${JSON.stringify(m.text)} is none of the names of ${name}`);
      if (m.sentence.text !== body.slice(m.sentence.start, m.sentence.end)) errors.push(`${where}: sentence text is not the body there`);
      if (!(m.sentence.start <= m.start && m.end <= m.sentence.end)) errors.push(`${where}: sentence [${m.sentence.start}, ${m.sentence.end}) does not hold the mention`);
      if (!confidences.has(m.confidence)) errors.push(`${where}: confidence ${m.confidence} is not one of the measured class precisions`);
    }
    expect(errors).toEqual([]);
  });

  it('lists exactly the mentions extraction found, each in the sentence extraction read it in', async () => {
    const served = await allMentions();
    const key = (type: string, title: string, start: number, end: number) => `${type}|${title}|${start}|${end}`;
    const expected = new Set<string>();
    const sentenceOf = new Map<string, string>();
    for (const parsed of seedArticles()) {
      const x = extractArticle(parsed);
      const sentences = splitSentences(parsed.text, parsed.paragraphs);
      for (const [type, entities] of [['PER', x.people], ['ORG', x.organizations], ['PLACE', x.places]] as const) {
        for (const e of entities) {
          for (const m of e.mentions) {
            const k = key(type, parsed.title, m.start, m.end);
            expected.add(k);
            const s = sentences.find((y) => y.start <= m.start && m.start < y.end)!;
            sentenceOf.set(k, s.text);
          }
        }
      }
    }
    const got = served.map((s) => key(s.type, s.mention.article.title, s.mention.start, s.mention.end));
    expect(new Set(got)).toEqual(expected);
    expect(got.length).toBe(expected.size);
    for (const s of served) expect(s.mention.sentence.text).toBe(sentenceOf.get(key(s.type, s.mention.article.title, s.mention.start, s.mention.end)));
  });

  it('pages through the one connection mechanism: forward and backward pages make up the whole list', async () => {
    const all = await q(`{ person(name: "Kim Jong Un") { mentions(first: 100) { totalCount nodes { start end article { title } } } } }`);
    const whole = all.person.mentions.nodes.map((m: any) => `${m.article.title}@${m.start}`);
    expect(whole.length).toBeGreaterThan(5);
    // Newest article first, then in text order.
    const forward: string[] = [];
    let after: string | null = null;
    do {
      const r = await q(`query($after: String) { person(name: "Kim Jong Un") { mentions(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { start article { title } } } } }`, { after });
      expect(r.person.mentions.totalCount).toBe(whole.length);
      forward.push(...r.person.mentions.nodes.map((m: any) => `${m.article.title}@${m.start}`));
      after = r.person.mentions.pageInfo.hasNextPage ? r.person.mentions.pageInfo.endCursor : null;
    } while (after);
    expect(forward).toEqual(whole);
    const last = await q(`{ person(name: "Kim Jong Un") { mentions(last: 2) { pageInfo { hasPreviousPage } nodes { start article { title } } } } }`);
    expect(last.person.mentions.nodes.map((m: any) => `${m.article.title}@${m.start}`)).toEqual(whole.slice(-2));
    expect(last.person.mentions.pageInfo.hasPreviousPage).toBe(true);
  });

  it('keeps every mention whole through a merge and an alias split (mentions are parallel arrays)', async () => {
    const ids = await q(`{ kim: person(name: "Kim Jong Un") { id mentions(first: 100) { totalCount } } putin: person(name: "Vladimir Putin") { id mentions(first: 100) { totalCount } } }`);
    const total = ids.kim.mentions.totalCount + ids.putin.mentions.totalCount;
    const merged = await q(`mutation($t: ID!, $s: [ID!]!) { mergePeople(input: { targetId: $t, sourceIds: $s }) { userErrors { message } person { name aliases mentions(first: 100) { totalCount nodes { start end text article { body } } } } } }`, { t: ids.kim.id, s: [ids.putin.id] });
    const person = merged.mergePeople.person;
    expect(merged.mergePeople.userErrors).toEqual([]);
    expect(person.mentions.totalCount).toBe(total);
    for (const m of person.mentions.nodes) expect(m.text).toBe(m.article.body.slice(m.start, m.end));
    expect(person.mentions.nodes.map((m: any) => m.text)).toContain('Putin');

    const split = await q(`mutation($k: ID!) { splitAlias(input: { personId: $k, alias: "Putin", newName: "Vladimir Putin" }) { userErrors { message } movedMentionCount person { mentions(first: 100) { totalCount nodes { text } } } newPerson { mentions(first: 100) { totalCount nodes { start end text article { body } } } } } }`, { k: ids.kim.id });
    const r = split.splitAlias;
    expect(r.userErrors).toEqual([]);
    expect(r.newPerson.mentions.totalCount).toBe(r.movedMentionCount);
    expect(r.person.mentions.totalCount + r.newPerson.mentions.totalCount).toBe(total);
    for (const m of r.newPerson.mentions.nodes) expect([m.text, m.article.body.slice(m.start, m.end)]).toEqual(['Putin', 'Putin']);
    expect(r.person.mentions.nodes.map((m: any) => m.text)).not.toContain('Putin');
    const rows = await db.sql.query<{ bad: number }>(`SELECT count(*)::int AS bad FROM article_person WHERE cardinality(ends) <> cardinality(offsets) OR cardinality(confidences) <> cardinality(offsets)`);
    expect(rows[0].bad).toBe(0);
  });
});

describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl'], 'sentences read from a stored body are the ones extraction split', () => {
  it('for the seeds and 500 corpus articles (250 BBC, 250 Reuters)', () => {
    const articles = seedArticles();
    for (const [file, count] of [['bbc.jsonl', 250], ['reuters21578.jsonl', 250]] as const) {
      let taken = 0;
      for (const line of fs.readFileSync(path.join(corpusDir()!, file), 'utf8').split('\n')) {
        if (taken >= count) break;
        if (!line.trim()) continue;
        const record = JSON.parse(line);
        if (!record.body) continue;
        taken++;
        articles.push(parseArticle(jsonlRecordToRaw(record, `${file}#${taken}`, String(record.id ?? record.newid))));
      }
    }
    expect(articles.length).toBe(502);
    const differ = articles.filter((a) => {
      const fromBody = sentencesOf(a.text).map((s) => `${s.start}-${s.end}`).join(',');
      const extracted = splitSentences(a.text, a.paragraphs).map((s) => `${s.start}-${s.end}`).join(',');
      return fromBody !== extracted;
    });
    expect(differ.map((a) => a.title)).toEqual([]);
  });
});
