import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract/extract-article.ts';
import { parseArticle } from '../src/ingest/parse-article.ts';
import type { RawArticle } from '../src/ingest/types.ts';
import { ingestArticles } from '../src/pipeline/ingest-articles.ts';
import { readSources } from '../src/pipeline/read-sources.ts';
import { createServer, type NewsgraphServer } from '../src/server/create-server.ts';
import { IDE_EXAMPLE_TABS } from '../src/server/http/ide.ts';
import { execute } from './helpers/graphql.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

/**
 * Typed events end to end on the seeds: what the extractor says of each event (type, mode, sources,
 * targets, trigger, sentence) is what the API answers, the filters select by it, and ingesting again
 * (the same text, or a corrected one) leaves one row per actor. Expectations come from running the
 * extractor on the same files, so the test follows extraction changes and fails when the store or
 * the API drops or duplicates something.
 */
const ACTORS = `nodes { __typename ... on Person { id name } ... on Organization { id name } ... on ActorGroup { name } }`;
const EVENTS = /* GraphQL */ `
  query Events($type: [EventType!], $source: ID, $target: ID, $person: ID) {
    events(first: 50, type: $type, sourceActor: $source, targetActor: $target, person: $person) {
      totalCount
      nodes {
        id key type mode symmetric confidence
        sources(first: 20) { totalCount ${ACTORS} }
        targets(first: 20) { totalCount ${ACTORS} }
        evidence(first: 20) { totalCount nodes { type mode confidence article { title } trigger { start end text } sentence { start end text } } }
      }
    }
  }`;

const SEEDS = 'seeds';
const seedFiles = () => fs.readdirSync(SEEDS).sort().map((f) => path.join(SEEDS, f));
const raw = (file: string): RawArticle => ({ raw: fs.readFileSync(file, 'utf8'), origin: file });

type Actor = { __typename: string; id?: string; name: string };
type EventNode = { id: string; key: string; type: string; mode: string | null; symmetric: boolean; confidence: number; sources: { totalCount: number; nodes: Actor[] }; targets: { totalCount: number; nodes: Actor[] }; evidence: { totalCount: number; nodes: any[] } };

describe('typed events: type, mode, sources, targets and evidence through the API', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  const q = (query: string, variables?: Record<string, unknown>) => execute(server, db.sql, query, variables);
  const allEvents = async (variables: Record<string, unknown> = {}) => {
    const r = await q(EVENTS, variables);
    expect(r.errors).toBeUndefined();
    return r.data!.events as { totalCount: number; nodes: EventNode[] };
  };
  const actorRows = async () => Number((await db.sql.query<{ n: string }>('SELECT count(*) AS n FROM event_actor'))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase('events_typed');
    const summary = await ingestArticles(db.writer, readSources([SEEDS]));
    expect(summary.errors).toEqual([]);
    server = await createServer({ sql: db.sql });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("answers each extracted event's type, mode, actors, trigger and sentence", async () => {
    const { nodes } = await allEvents();
    let checked = 0;
    for (const file of seedFiles()) {
      const parsed = parseArticle(raw(file));
      for (const e of extractArticle(parsed).events) {
        // The account is found by its article and trigger; its event holds the account's actors.
        const event = nodes.find((n) => n.evidence.nodes.some((a: any) => a.article.title === parsed.title && a.trigger.start === e.trigger!.start));
        expect(event, `${file}: ${e.type} "${e.trigger!.text}"`).toBeDefined();
        const account = event!.evidence.nodes.find((a: any) => a.article.title === parsed.title && a.trigger.start === e.trigger!.start);
        expect(account).toMatchObject({ type: e.type, mode: e.mode ?? null, confidence: e.confidence, trigger: { end: e.trigger!.end, text: e.trigger!.text }, sentence: { start: e.sentence!.start, end: e.sentence!.end } });
        expect(account.sentence.text).toContain(e.trigger!.text);
        const names = (list: Actor[]) => list.map((a) => a.name);
        expect(names(event!.sources.nodes)).toEqual(expect.arrayContaining(e.sources!.map((a) => a.name)));
        expect(names(event!.targets.nodes)).toEqual(expect.arrayContaining(e.targets!.map((a) => a.name)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    // Every event shows the type one of its accounts gives, and lists each actor once.
    for (const n of nodes) {
      expect(n.evidence.nodes.map((a: any) => a.type)).toContain(n.type);
      for (const side of [n.sources, n.targets]) {
        expect(new Set(side.nodes.map((a) => `${a.__typename}:${a.name}`)).size).toBe(side.nodes.length);
        expect(side.totalCount).toBe(side.nodes.length);
      }
      expect(n.evidence.totalCount).toBe(n.evidence.nodes.length);
    }
  });

  it('keeps the actors of every account of an event two articles report', async () => {
    const { nodes } = await allEvents();
    const shared = nodes.filter((n) => new Set(n.evidence.nodes.map((a: any) => a.article.title)).size === 2);
    expect(shared.length).toBeGreaterThan(0);
    for (const event of shared) {
      const expected = { sources: new Set<string>(), targets: new Set<string>() };
      for (const file of seedFiles()) {
        const parsed = parseArticle(raw(file));
        for (const e of extractArticle(parsed).events) {
          if (!event.evidence.nodes.some((a: any) => a.article.title === parsed.title && a.trigger.start === e.trigger!.start)) continue;
          for (const a of e.sources!) expected.sources.add(a.name);
          for (const a of e.targets!) expected.targets.add(a.name);
        }
      }
      // The union of the accounts' actors, and nothing else.
      expect(new Set(event.sources.nodes.map((a) => a.name))).toEqual(expected.sources);
      expect(new Set(event.targets.nodes.map((a) => a.name))).toEqual(expected.targets);
    }
  });

  it('filters by type, source actor and target actor; person keeps meaning any role', async () => {
    const { nodes } = await allEvents();
    const types = [...new Set(nodes.map((n) => n.type))].sort();
    expect(types.length).toBeGreaterThan(1);
    const one = await allEvents({ type: [types[0]] });
    expect(one.nodes.map((n) => n.id).sort()).toEqual(nodes.filter((n) => n.type === types[0]).map((n) => n.id).sort());
    expect(one.totalCount).toBe(one.nodes.length);
    const two = await allEvents({ type: types.slice(0, 2) });
    expect(two.totalCount).toBe(nodes.filter((n) => types.slice(0, 2).includes(n.type)).length);

    // Every person and organisation that is a source or target somewhere: the filter answers exactly
    // the events listing them on that side.
    const actors = new Map<string, Actor>();
    for (const n of nodes) for (const a of [...n.sources.nodes, ...n.targets.nodes]) if (a.id) actors.set(a.id, a);
    expect([...actors.values()].some((a) => a.__typename === 'Person') && [...actors.values()].some((a) => a.__typename === 'Organization')).toBe(true);
    for (const [id, actor] of actors) {
      const bySource = await allEvents({ source: id });
      const byTarget = await allEvents({ target: id });
      expect(bySource.nodes.map((n) => n.id).sort(), `sourceActor ${actor.name}`).toEqual(nodes.filter((n) => n.sources.nodes.some((a) => a.id === id)).map((n) => n.id).sort());
      expect(byTarget.nodes.map((n) => n.id).sort(), `targetActor ${actor.name}`).toEqual(nodes.filter((n) => n.targets.nodes.some((a) => a.id === id)).map((n) => n.id).sort());
      if (actor.__typename !== 'Person') continue;
      const any = (await allEvents({ person: id })).nodes.map((n) => n.id);
      expect(any).toEqual(expect.arrayContaining([...bySource.nodes, ...byTarget.nodes].map((n) => n.id)));
    }
    const article = (await q(`{ articles(first: 1) { nodes { id } } }`)).data!.articles.nodes[0].id;
    const bad = await q(EVENTS, { source: article });
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it("answers the README's example: the planned Kim–Putin meeting with its actors and both articles' evidence", async () => {
    const readme = fs.readFileSync('README.md', 'utf8');
    const example = /The planned Kim–Putin meeting[^\n]*\n\n```graphql\n([\s\S]*?)```/.exec(readme)![1];
    const r = await q(example);
    expect(r.errors).toBeUndefined();
    const names = (side: any) => side.nodes.map((a: any) => a.name);
    const meeting = r.data!.events.nodes.find((e: any) => [...names(e.sources), ...names(e.targets)].includes('Kim Jong Un') && [...names(e.sources), ...names(e.targets)].includes('Vladimir Putin'));
    expect(meeting).toMatchObject({ type: 'CONSULT' });
    expect(new Set(meeting.evidence.nodes.map((a: any) => a.article.title)).size).toBe(2);
    expect(meeting.evidence.nodes.every((a: any) => a.sentence.text.includes(a.trigger.text))).toBe(true);
  });

  it("answers the IDE's events tab with types and actors", async () => {
    const tab = IDE_EXAMPLE_TABS.find((t) => t.query.includes('query EventsWithParticipants'))!;
    const r = await q(tab.query);
    expect(r.errors).toBeUndefined();
    expect(r.data!.events.nodes.every((e: any) => typeof e.type === 'string')).toBe(true);
    expect(r.data!.events.nodes.some((e: any) => e.sources.nodes.length > 0 && e.targets.nodes.length > 0)).toBe(true);
  });

  it('ingesting the seeds again, or a corrected version, leaves one row per actor', async () => {
    const before = await actorRows();
    const snapshot = JSON.stringify((await allEvents()).nodes);
    const again = await ingestArticles(db.writer, readSources([SEEDS]));
    expect(again.articles.duplicates).toBe(2);
    expect(await actorRows()).toBe(before);
    expect(JSON.stringify((await allEvents()).nodes)).toBe(snapshot);

    // The seeds have no stable natural key (no URL, no date or source): a copy under a URL, then
    // corrections of it (same URL, new text), replace that article's actors instead of adding to them.
    const text = fs.readFileSync(seedFiles()[0], 'utf8');
    const paragraphs = text.trimEnd().split(/\n\n+/);
    const version = async (body: string) => {
      const r = await ingestArticles(db.writer, [{ ok: true, article: { raw: body, origin: 'correction', meta: { url: 'https://example.test/corrected-seed' } } }]);
      expect(r.errors).toEqual([]);
      const [{ id }] = await db.sql.query<{ id: number }>(`SELECT id FROM article WHERE url = 'https://example.test/corrected-seed'`);
      const rows = Number((await db.sql.query<{ n: string }>('SELECT count(*) AS n FROM event_actor WHERE article_id = $1', [id]))[0].n);
      // No actor of an event the article no longer reports.
      const stale = await db.sql.query(`SELECT 1 FROM event_actor x WHERE x.article_id = $1 AND NOT EXISTS (SELECT 1 FROM event_article ea WHERE ea.event_id = x.event_id AND ea.article_id = $1)`, [id]);
      expect(stale).toHaveLength(0);
      return { r, rows };
    };
    const copy = await version(`${text.trimEnd()}\n\nThe ministry gave no further details.\n`);
    expect(copy.r.articles.created).toBe(1);
    expect(copy.rows).toBeGreaterThan(0);
    const corrected = await version(`${text.trimEnd()}\n\nNo further details were given.\n`);
    expect(corrected.r.articles.updated).toBe(1);
    expect(corrected.rows).toBe(copy.rows);
    expect(await actorRows()).toBe(before + copy.rows);
    const shortened = await version(paragraphs.slice(0, Math.ceil(paragraphs.length / 3)).join('\n\n'));
    expect(shortened.r.articles.updated).toBe(1);
    expect(shortened.rows).toBeLessThan(copy.rows);
    expect(await actorRows()).toBe(before + shortened.rows);
    const duplicates = await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM (SELECT event_id, role, actor, article_id FROM event_actor GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d`);
    expect(Number(duplicates[0].n)).toBe(0);
  });
});
