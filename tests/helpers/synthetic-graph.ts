import { createHash } from 'node:crypto';
import type { Db } from '../../src/db/writer.ts';
import type { ParsedArticle } from '../../src/ingest/types.ts';
import { storeArticles } from '../../src/store/store-articles.ts';
import { membersOf } from '../../src/resolve/events.ts';
import type { ResolvedExtraction } from '../../src/resolve/types.ts';

/**
 * Writes `articles` synthetic articles through the real persistence stage (no extraction), each with
 * `peoplePerArticle` people (drawn from a pool) who each say one thing. Used where the test is about
 * the graph's shape, not about extraction: SQL-count (N+1) tests across growing data sizes.
 */
export async function writeSyntheticGraph(db: Db, opts: { articles: number; peoplePerArticle: number; poolSize: number; prefix?: string }): Promise<void> {
  const prefix = opts.prefix ?? 'syn';
  for (let i = 0; i < opts.articles; i++) {
    const names = Array.from({ length: opts.peoplePerArticle }, (_, j) => `Person ${prefix}${(i + j) % opts.poolSize}`);
    const sentences = names.map((n, j) => `${n} said "statement ${j} of article ${i}".`);
    const text = sentences.join('\n\n');
    const parsed: ParsedArticle = {
      title: `${prefix} article ${i}`,
      source: 'Synthetic Wire',
      url: `https://example.test/${prefix}/${i}`,
      publishedAt: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
      dateline: null,
      text,
      paragraphs: [],
      captions: [],
      contentHash: createHash('sha256').update(`${prefix}|${i}|${text}`).digest('hex'),
    };
    let offset = 0;
    const resolved: ResolvedExtraction = {
      people: names.map((n, j) => {
        const start = text.indexOf(n, offset);
        return { key: `p${j}`, name: n, aliases: [], roles: [], mentions: [{ start, end: start + n.length, text: n }] };
      }),
      organizations: [{ key: 'o', name: 'Synthetic Ministry', aliases: [], kind: 'MINISTRY', mentions: [] }],
      places: [],
      events: [{
        key: `event:${prefix}:${i % 5}`, title: `Synthetic event ${i % 5}`, kind: 'MEETING', startDate: '2020-01-01', endDate: '2020-01-01', precision: 'DAY', placeKey: null, participantKeys: ['p0'], organizationKeys: ['o'], mentions: [],
        // Typed as the extractor types events: the first speaker meets the ministry and a group, "said" as the trigger.
        type: 'CONSULT', mode: 'meeting', symmetric: true, confidence: 0.75,
        sources: [{ type: 'person', key: 'p0', name: names[0] }], targets: [{ type: 'organization', key: 'o', name: 'Synthetic Ministry' }, { type: 'group', key: null, name: 'the delegates' }],
        trigger: { start: names[0].length + 1, end: names[0].length + 5, text: 'said' }, sentence: { start: 0, end: sentences[0].length },
      }],
      statements: sentences.map((s, j) => {
        const start = text.indexOf(s) + s.indexOf('"') + 1;
        const quote = `statement ${j} of article ${i}`;
        offset = start;
        return { start, end: start + quote.length, text: quote, kind: 'DIRECT', cue: 'said', speaker: { type: 'person', key: `p${j}` }, speakerText: names[j], eventKey: `event:${prefix}:${i % 5}`, confidence: 0.9 };
      }),
    };
    // The article's accounts of its events, as resolution records them (what events show is computed from them).
    resolved.members = membersOf(resolved).map((m) => ({ ...m, event: m.key }));
    await storeArticles(db, [{ parsed, resolved, origin: null }], 'synthetic');
  }
}
