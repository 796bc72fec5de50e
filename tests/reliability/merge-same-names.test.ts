import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../src/ingest/types.ts';
import { mergeSameNames } from '../../src/resolve/merge-same-names.ts';
import { storeArticles } from '../../src/store/store-articles.ts';
import type { ResolvedExtraction } from '../../src/resolve/types.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { NO_ORPHANS, orphanCounts } from './ingest/graph-dump.ts';

// Resolution mapped "Kim" and "Kim Jong Un" to the same node, and two event mentions to one key.
const text = 'Kim Jong Un met Putin. "We agree," said Kim. Putin met Kim again.';
const m = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length, text: s });
const resolved: ResolvedExtraction = {
  people: [
    { key: 'p1', name: 'Kim Jong Un', aliases: [], roles: ['leader'], mentions: [m('Kim Jong Un')] },
    { key: 'p2', name: 'Kim Jong Un', aliases: ['Kim'], roles: ['chairman'], mentions: [m('Kim', 30)] },
    { key: 'p3', name: 'Vladimir Putin', aliases: ['Putin'], roles: [], mentions: [m('Putin')] },
  ],
  organizations: [],
  places: [],
  events: [
    { key: 'meeting:kim-putin', title: 'Kim–Putin meeting', kind: 'MEETING', startDate: null, endDate: null, precision: null, placeKey: null, participantKeys: ['p1', 'p3'], organizationKeys: [], mentions: [m('met')] },
    { key: 'meeting:kim-putin', title: 'Kim–Putin meeting', kind: 'MEETING', startDate: null, endDate: null, precision: null, placeKey: null, participantKeys: ['p2', 'p3'], organizationKeys: [], mentions: [m('met', 50)] },
  ],
  statements: [{ start: text.indexOf('We'), end: text.indexOf('We') + 9, text: 'We agree,', kind: 'DIRECT', cue: 'said', speaker: { type: 'person', key: 'p2' }, speakerText: 'Kim', eventKey: 'meeting:kim-putin', confidence: 0.9 }],
};

describe('an extraction resolving two mentions to one node', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('rel_merge');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('merges them before writing: mentions, aliases and roles unioned, references moved to the survivor', () => {
    const merged = mergeSameNames(resolved);
    expect(merged.people.map((p) => [p.key, p.name, p.aliases, p.roles, p.mentions.length])).toEqual([['p1', 'Kim Jong Un', ['Kim'], ['leader', 'chairman'], 2], ['p3', 'Vladimir Putin', ['Putin'], [], 1]]);
    expect(merged.events).toHaveLength(1);
    expect(merged.events[0].participantKeys).toEqual(['p1', 'p3']);
    expect(merged.events[0].mentions).toHaveLength(2);
    expect(merged.statements[0].speaker).toEqual({ type: 'person', key: 'p1' });
  });

  it('merges two entities sharing a key under different names (the extraction contract says keys are unique)', () => {
    const twoNames: ResolvedExtraction = { ...resolved, people: [], events: [], statements: [], organizations: [
      { key: 'org:eu', name: 'European Union', aliases: [], kind: 'INTERNATIONAL', mentions: [] },
      { key: 'org:eu', name: 'Europeanß Union', aliases: [], kind: 'OTHER', mentions: [] },
    ] };
    expect(mergeSameNames(twoNames).organizations.map((o) => [o.key, o.name])).toEqual([['org:eu', 'European Union']]);
  });

  it('persists the article instead of failing with "ON CONFLICT DO UPDATE command cannot affect row a second time"', async () => {
    const parsed: ParsedArticle = { title: 'Merge', source: null, url: null, publishedAt: null, dateline: null, text, paragraphs: [], captions: [], contentHash: createHash('sha256').update(text).digest('hex') };
    const [r] = await storeArticles(db.writer, [{ parsed, resolved: mergeSameNames(resolved), origin: null }], 'test');
    expect(r.outcome).toBe('created');
    const rows = await db.sql.query<{ name: string; count: number }>(`SELECT p.name, ap.count FROM article_person ap JOIN person p ON p.id = ap.person_id ORDER BY p.name`);
    expect(rows).toEqual([{ name: 'Kim Jong Un', count: 2 }, { name: 'Vladimir Putin', count: 1 }]);
    expect((await db.sql.query(`SELECT 1 FROM statement s JOIN person p ON p.id = s.speaker_person_id WHERE p.name = 'Kim Jong Un'`)).length).toBe(1);
    expect((await db.sql.query(`SELECT 1 FROM event_participant`)).length).toBe(2);
    expect(await orphanCounts(db.sql)).toEqual(NO_ORPHANS);
  });
});
