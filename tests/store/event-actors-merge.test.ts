import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventActor } from '../../src/extract/types.ts';
import type { EventType } from '../../src/extract/events/ontology.ts';
import type { ParsedArticle } from '../../src/ingest/types.ts';
import { membersOf } from '../../src/resolve/events.ts';
import type { NameChange, ResolvedExtraction } from '../../src/resolve/types.ts';
import { deleteArticle, mergePeople } from '../../src/services/editor.ts';
import { storeArticles } from '../../src/store/store-articles.ts';
import type { StoreArticle } from '../../src/store/types.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

/**
 * Accounts of one event from several articles, written through the store: the event keeps the
 * actors of every account (and loses those of an article deleted), takes the type most accounts
 * give with ties in the ontology's order, whatever order the articles come in; events merged across
 * batches and people merged by an editor keep their actors.
 */
type Party = { name: string; kind: 'person' | 'organization' | 'group' };
interface Account {
  id: string;
  key: string;
  type: EventType;
  mode?: string | null;
  sources: Party[];
  targets: Party[];
  mergesAway?: NameChange[];
}

/** One article naming its parties, with one account of event `key`; the trigger is the word "met". */
function article({ id, key, type, mode = null, sources, targets, mergesAway = [] }: Account): StoreArticle {
  const parties = [...sources, ...targets];
  const text = `${parties.map((p) => p.name).join(' and ')} met on Monday.`;
  const at = (name: string) => text.indexOf(name);
  const parsed: ParsedArticle = {
    title: `Article ${id}`, source: 'Test Wire', url: `https://example.test/${id}`, publishedAt: '2021-03-01', dateline: null, text, paragraphs: [], captions: [],
    contentHash: createHash('sha256').update(`${id}|${text}`).digest('hex'),
  };
  const keyOf = (p: Party) => (p.kind === 'group' ? null : `${p.kind}:${p.name}`);
  const named = (kind: Party['kind']) => parties.filter((p, i) => p.kind === kind && parties.findIndex((q) => q.name === p.name) === i);
  const mention = (p: Party) => ({ start: at(p.name), end: at(p.name) + p.name.length, text: p.name });
  const actor = (p: Party): EventActor => ({ type: p.kind, key: keyOf(p), name: p.name });
  const trigger = { start: text.indexOf('met'), end: text.indexOf('met') + 3, text: 'met' };
  const resolved: ResolvedExtraction = {
    people: named('person').map((p) => ({ key: keyOf(p)!, name: p.name, aliases: [], roles: [], mentions: [mention(p)] })),
    organizations: named('organization').map((p) => ({ key: keyOf(p)!, name: p.name, aliases: [], kind: 'COMPANY', mentions: [mention(p)] })),
    places: [],
    events: [{
      key, title: `Event ${key}`, kind: 'OTHER', startDate: '2021-03-01', endDate: '2021-03-01', precision: 'DAY', placeKey: null,
      participantKeys: named('person').map((p) => keyOf(p)!), organizationKeys: named('organization').map((p) => keyOf(p)!), mentions: [trigger],
      type, mode, symmetric: false, confidence: 0.7, sources: sources.map(actor), targets: targets.map(actor), trigger, sentence: { start: 0, end: text.length },
    }],
    statements: [],
    renames: { people: [], organizations: [], places: [], events: mergesAway },
  };
  resolved.members = membersOf(resolved).map((m) => ({ ...m, event: key }));
  return { parsed, resolved, origin: null };
}

const person = (name: string): Party => ({ name, kind: 'person' });
const org = (name: string): Party => ({ name, kind: 'organization' });
const group = (name: string): Party => ({ name, kind: 'group' });

const A: Account = { id: 'a', key: 'k:acme', type: 'REJECT', sources: [person('Ann Able')], targets: [org('Acme Corp')] };
const B: Account = { id: 'b', key: 'k:acme', type: 'ACCUSE', mode: 'opinion', sources: [person('Bob Best')], targets: [org('Acme Corp'), group('the unions')] };
const C: Account = { id: 'c', key: 'k:acme', type: 'REJECT', sources: [person('Ann Able'), person('Cy Cole')], targets: [org('Acme Corp')] };

type EventRow = { id: number; key: string; type: string; mode: string | null; confidence: number };

async function eventOf(db: TestDatabase, key: string) {
  const [e] = await db.sql.query<EventRow>(`SELECT id, key, type::text AS type, mode, confidence FROM event WHERE key = $1`, [key]);
  if (!e) return null;
  const side = async (role: string) => (await db.sql.query<{ name: string }>(
    `SELECT DISTINCT COALESCE(p.name, o.name, x.group_name) AS name FROM event_actor x LEFT JOIN person p ON p.id = x.person_id LEFT JOIN organization o ON o.id = x.organization_id
     WHERE x.event_id = $1 AND x.role = $2 ORDER BY 1`, [e.id, role])).map((r) => r.name);
  return { ...e, sources: await side('SOURCE'), targets: await side('TARGET') };
}

describe('an event reported by several articles: actors, type and merges', () => {
  let one: TestDatabase;
  let other: TestDatabase;

  beforeAll(async () => {
    [one, other] = await Promise.all([createTestDatabase('actors_merge_a'), createTestDatabase('actors_merge_b')]);
  });

  afterAll(async () => {
    await Promise.all([one?.drop(), other?.drop()]);
  });

  it('keeps every account\'s actors and a type that does not depend on arrival order', async () => {
    // One order in one batch, the other order one article at a time.
    await storeArticles(one.writer, [article(A), article(B)], 'test');
    await storeArticles(other.writer, [article(B)], 'test');
    await storeArticles(other.writer, [article(A)], 'test');
    for (const db of [one, other]) {
      // REJECT and ACCUSE once each: the ontology lists ACCUSE first; the mode is ACCUSE's.
      expect(await eventOf(db, 'k:acme')).toMatchObject({ type: 'ACCUSE', mode: 'opinion', sources: ['Ann Able', 'Bob Best'], targets: ['Acme Corp', 'the unions'] });
    }
    await storeArticles(one.writer, [article(C)], 'test');
    // Two accounts say REJECT now (no mode among them), and Cy Cole joins the sources.
    expect(await eventOf(one, 'k:acme')).toMatchObject({ type: 'REJECT', mode: null, confidence: 0.7, sources: ['Ann Able', 'Bob Best', 'Cy Cole'], targets: ['Acme Corp', 'the unions'] });
    // The same articles again change nothing.
    const rows = async () => (await one.sql.query<{ n: string }>('SELECT count(*) AS n FROM event_actor'))[0].n;
    const before = await rows();
    await storeArticles(one.writer, [article(A), article(B), article(C)], 'test');
    expect(await rows()).toBe(before);
  });

  it('drops the actors only a deleted article gave', async () => {
    const [{ id }] = await one.sql.query<{ id: number }>(`SELECT id FROM article WHERE url = 'https://example.test/b'`);
    await deleteArticle(one.writer, id);
    expect(await eventOf(one, 'k:acme')).toMatchObject({ type: 'REJECT', sources: ['Ann Able', 'Cy Cole'], targets: ['Acme Corp'] });
  });

  it('moves actors when a later article merges two stored events, and when an editor merges two people', async () => {
    await storeArticles(one.writer, [article({ id: 'd', key: 'k:other', type: 'REJECT', sources: [person('Dan Drew')], targets: [group('the board')] })], 'test');
    expect(await eventOf(one, 'k:other')).toMatchObject({ sources: ['Dan Drew'], targets: ['the board'] });
    // An account linking both events (resolution's merge, as the store receives it).
    await storeArticles(one.writer, [article({ id: 'e', key: 'k:acme', type: 'REJECT', sources: [person('Ann Able')], targets: [org('Acme Corp')], mergesAway: [{ from: 'k:other', to: 'k:acme' }] })], 'test');
    expect(await eventOf(one, 'k:other')).toBeNull();
    expect(await eventOf(one, 'k:acme')).toMatchObject({ sources: ['Ann Able', 'Cy Cole', 'Dan Drew'], targets: ['Acme Corp', 'the board'] });

    const ids = Object.fromEntries((await one.sql.query<{ id: number; name: string }>(`SELECT id, name FROM person`)).map((p) => [p.name, p.id]));
    await mergePeople(one.writer, ids['Ann Able'], [ids['Dan Drew']]);
    expect(await eventOf(one, 'k:acme')).toMatchObject({ sources: ['Ann Able', 'Cy Cole'] });
    const orphans = await one.sql.query(`SELECT 1 FROM event_actor x WHERE x.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = x.person_id)`);
    expect(orphans).toHaveLength(0);
  });
});
