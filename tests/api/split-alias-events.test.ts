import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../src/ingest/types.ts';
import { storeArticles } from '../../src/store/store-articles.ts';
import type { ResolvedExtraction } from '../../src/resolve/types.ts';
import { splitAlias } from '../../src/services/editor.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

/** One article naming people at the given words, with one meeting event of the given participants. */
async function writeArticle(db: TestDatabase, n: number, text: string, mentions: { name: string; written: string }[], eventKey: string, participants: string[]) {
  const parsed: ParsedArticle = {
    title: `Story ${n}`, source: 'Test Wire', url: `https://example.test/${n}`, publishedAt: '2020-01-06', dateline: null,
    text, paragraphs: [], captions: [], contentHash: createHash('sha256').update(text).digest('hex'),
  };
  const names = [...new Set(mentions.map((m) => m.name))];
  let from = 0;
  const resolved: ResolvedExtraction = {
    people: names.map((name) => ({
      key: name, name, roles: [],
      aliases: mentions.filter((m) => m.name === name && m.written !== name).map((m) => m.written),
      mentions: mentions.filter((m) => m.name === name).map((m) => {
        const start = text.indexOf(m.written, from);
        from = start + m.written.length;
        return { start, end: start + m.written.length, text: m.written };
      }),
    })),
    organizations: [], places: [], statements: [],
    events: [{ key: eventKey, title: `Meeting ${n}`, kind: 'MEETING', startDate: '2020-01-06', endDate: '2020-01-06', precision: 'DAY', placeKey: null, participantKeys: participants, organizationKeys: [], mentions: [],
      // The first participant met the second: the sides follow the names as taking part does.
      type: 'CONSULT', mode: 'meeting', sources: [{ type: 'person', key: participants[0], name: participants[0] }], targets: [{ type: 'person', key: participants[1], name: participants[1] }] }],
  } as unknown as ResolvedExtraction;
  await storeArticles(db.writer, [{ parsed, resolved, origin: null }], 'test');
}

describe('splitAlias and events', () => {
  let db: TestDatabase;
  const participants = async (eventKey: string) => (await db.sql.query<{ name: string }>(
    `SELECT p.name FROM event_participant ep JOIN event e ON e.id = ep.event_id JOIN person p ON p.id = ep.person_id WHERE e.key = $1 ORDER BY p.name`, [eventKey])).map((r) => r.name);

  const sides = async (eventKey: string) => (await db.sql.query<{ side: string }>(
    `SELECT x.role || ' ' || p.name AS side FROM event_actor x JOIN event e ON e.id = x.event_id JOIN person p ON p.id = x.person_id WHERE e.key = $1 ORDER BY 1`, [eventKey])).map((r) => r.side);

  beforeAll(async () => {
    db = await createTestDatabase('split_events');
    // "Quux" names Zed Quux in the first story, but another Quux (his brother) in the second.
    await writeArticle(db, 1, 'Zed Quux met Ana Bell in Vienna. Quux said the talks went well.', [{ name: 'Zed Quux', written: 'Zed Quux' }, { name: 'Ana Bell', written: 'Ana Bell' }, { name: 'Zed Quux', written: 'Quux' }], 'event:one', ['Zed Quux', 'Ana Bell']);
    await writeArticle(db, 2, 'Quux met Ana Bell in Graz on Monday.', [{ name: 'Zed Quux', written: 'Quux' }, { name: 'Ana Bell', written: 'Ana Bell' }], 'event:two', ['Zed Quux', 'Ana Bell']);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('moves taking part in an event whose articles then name only the new person, and keeps the rest', async () => {
    const [zed] = await db.sql.query<{ id: number }>(`SELECT id FROM person WHERE name = 'Zed Quux'`);
    const result = await splitAlias(db.writer, zed.id, 'Quux', 'Bob Quux');
    expect(result).toMatchObject({ movedMentions: 2, movedEvents: 1 });
    // Story 1 still names Zed Quux in full: he keeps that meeting (Bob is not added on a guess).
    expect(await participants('event:one')).toEqual(['Ana Bell', 'Zed Quux']);
    // Story 2 named only "Quux", which is Bob now.
    expect(await participants('event:two')).toEqual(['Ana Bell', 'Bob Quux']);
    // And so does who met whom, article by article.
    expect(await sides('event:one')).toEqual(['SOURCE Zed Quux', 'TARGET Ana Bell']);
    expect(await sides('event:two')).toEqual(['SOURCE Bob Quux', 'TARGET Ana Bell']);
  });
});
