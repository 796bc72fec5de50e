import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract/extract-article.ts';
import { parseArticle } from '../src/ingest/parse-article.ts';
import { preferredName } from '../src/resolve/names.ts';
import { addToIndex, emptyIndex, finalEventKeys, resolveExtraction } from '../src/resolve/resolve-extraction.ts';
import type { EventMember } from '../src/resolve/types.ts';
import { addMembers, eventOf, resolveEvents, sameEvent } from '../src/resolve/events.ts';
import { mergedDate } from '../src/resolve/event-dates.ts';

/** What the resolve stage decides for a sequence of extractions: node names and event keys, per article. */
function decide(extractions: ReturnType<typeof extractArticle>[]) {
  const index = emptyIndex();
  const resolved = extractions.map((x) => {
    const r = resolveExtraction(x, index);
    addToIndex(index, r);
    return r;
  });
  return resolved.map((r) => finalEventKeys(index, r)).map((r) => ({
    people: r.people.map((p) => p.name).sort(),
    events: r.events.map((e) => e.key).sort(),
  }));
}

describe('resolution does not depend on arrival order', () => {
  it('gives the seeds the same names and event keys in either order, and merges their shared events', () => {
    const seeds = fs.readdirSync('seeds').sort().map((f) => extractArticle(parseArticle({ raw: fs.readFileSync(path.join('seeds', f), 'utf8'), origin: f })));
    const forward = decide(seeds);
    const backward = decide([...seeds].reverse()).reverse();
    expect(backward).toEqual(forward);
    // The Trump–Kim summit (Hanoi in February in one article, earlier this year in the other) and the
    // Kim–Putin meeting are one event each, under the smaller of their accounts' keys.
    const shared = forward[0].events.filter((k) => forward[1].events.includes(k));
    expect(shared).toEqual(expect.arrayContaining(['meeting:donald-trump+kim-jong-un+united-states@hanoi/--02', 'meeting:kim-jong-un+russia+vladimir-putin@vladivostok']));
  });

  it('prefers one spelling of a name whatever the order, mixed case over all capitals', () => {
    for (const [a, b] of [['OPEC', 'Opec'], ['Arjan de Zeeuw', 'Arjan De Zeeuw'], ['WorldCom', 'Worldcom']]) {
      expect(preferredName(a, b)).toBe(preferredName(b, a));
    }
    expect(preferredName('OPEC', 'Opec')).toBe('Opec');
  });

  it('links accounts transitively: a third account joining two events merges them under the smallest key', () => {
    const account = (key: string, placeName: string | null, names: string[]): EventMember => ({ event: key, key, kind: 'VISIT', title: key, startDate: null, endDate: null, precision: null, placeName, names });
    // The meetings of a and b in Moscow and in Paris are two places: one event only through the account naming no place.
    const accounts = [account('meeting:a+b@moscow', 'Moscow', ['a', 'b']), account('meeting:a+b@undated', null, ['a', 'b']), account('meeting:a+b@paris', 'Paris', ['a', 'b'])];
    const keysIn = (order: EventMember[]) => {
      const index = emptyIndex().events;
      for (const m of order) {
        const { keyOf } = resolveEvents([m], index);
        addMembers(index, [{ ...m, event: keyOf.get(m.key)! }]);
      }
      return accounts.map((m) => eventOf(index, m.key));
    };
    const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]].map((o) => keysIn(o.map((i) => accounts[i])));
    for (const keys of orders) expect(keys).toEqual(['meeting:a+b@moscow', 'meeting:a+b@moscow', 'meeting:a+b@moscow']);
    // One shared party is not enough on its own, nor is a one-person account (a visit) joining a meeting.
    const index = emptyIndex().events;
    for (const m of [account('meeting:a+b@moscow', 'Moscow', ['a', 'b']), account('meeting:b+c@moscow', 'Moscow', ['b', 'c']), account('meeting:b@moscow', 'Moscow', ['b'])]) {
      const { keyOf } = resolveEvents([m], index);
      addMembers(index, [{ ...m, event: keyOf.get(m.key)! }]);
    }
    expect(new Set(index.members.map((m) => eventOf(index, m.event))).size).toBe(3);
  });

  it('never merges on a name alone: accounts without parties, or of one party with no place or time', () => {
    const account = (key: string, actors: string[], more: Partial<EventMember> = {}): EventMember => ({ event: key, key, kind: 'OTHER', title: key, startDate: null, endDate: null, precision: null, placeName: null, names: [], actors, ...more });
    expect(sameEvent(account('election:general-election~a1@undated', []), account('election:general-election~b2@undated', []))).toBe(false);
    expect(sameEvent(account('accuse:gordon-brown@undated', ['gordon brown']), account('accuse:gordon-brown@undated', ['gordon brown']))).toBe(false);
    // The same one party with a time: an undated report joins a dated one whose date fits.
    const dated = account('test:north-korea@undated', ['north korea'], { precision: 'ON_OR_BEFORE', endDate: '2019-04-19' });
    expect(sameEvent(account('test:north-korea@undated', ['north korea']), dated)).toBe(true);
    // Other parties: two events (a person's meetings with China and with India).
    expect(sameEvent(account('meeting:china+gordon-brown@undated', ['china', 'gordon brown']), account('meeting:gordon-brown+india@undated', ['gordon brown', 'india']))).toBe(false);
    // A yearless February fits "earlier this year" of a report of 19 April 2019, not June 2018.
    const february = account('meeting:donald-trump+kim-jong-un@hanoi', ['donald trump', 'kim jong un'], { yearless: { precision: 'MONTH', start: '--02-01', end: '--02-29' } });
    expect(sameEvent(february, account('meeting:donald-trump+kim-jong-un@2019', ['donald trump', 'kim jong un'], { startDate: '2019-01-01', endDate: '2019-04-19', precision: 'RANGE' }))).toBe(true);
    expect(sameEvent(february, account('meeting:donald-trump+kim-jong-un@2018-06', ['donald trump', 'kim jong un'], { startDate: '2018-06-01', endDate: '2018-06-30', precision: 'MONTH' }))).toBe(false);
  });

  it('never compares an article with itself, and links accounts of one key across batches', () => {
    const account = (key: string, article: string, actors: string[], more: Partial<EventMember> = {}): EventMember => ({ event: key, key, kind: 'OTHER', title: key, startDate: null, endDate: null, precision: null, placeName: null, names: ['bernard ebbers'], actors, article: [article, `hash-${article}`], ...more });
    /** Resolves each article's accounts against a fresh copy of `stored` (a new batch), as stored accounts. */
    const batch = (stored: EventMember[], articles: EventMember[][]) => {
      const index = emptyIndex().events;
      addMembers(index, stored);
      return articles.map((members) => {
        const { keyOf, merges } = resolveEvents(members, index);
        const resolved = members.map((m) => ({ ...m, event: keyOf.get(m.key)! }));
        addMembers(index, resolved);
        return { resolved, merges };
      });
    };
    // One article's undated trial and its trial of 2002 (sameEvent alone would link them): two events,
    // also when the stored article is read again (a duplicate after a resumed ingest) or corrected.
    const undated = account('legal-trial:bernard-ebbers@undated~x', 'content:a', ['bernard ebbers']);
    const dated = account('legal-trial:bernard-ebbers+worldcom@2002', 'content:a', ['bernard ebbers', 'worldcom'], { startDate: '2002-01-01', endDate: '2002-12-31', precision: 'YEAR' });
    expect(sameEvent(undated, dated)).toBe(true);
    const [first] = batch([], [[undated, dated]]);
    expect(first.resolved.map((m) => m.event)).toEqual([undated.key, dated.key]);
    const [again] = batch(first.resolved, [[undated, dated]]);
    expect(again.merges).toEqual([]);
    expect(again.resolved.map((m) => m.event)).toEqual([undated.key, dated.key]);
    const [corrected] = batch(first.resolved, [[{ ...undated, article: ['content:a', 'hash-new'] }, { ...dated, article: ['content:a', 'hash-new'] }]]);
    expect(corrected.merges).toEqual([]);
    // Another article's undated report joins the dated one (not the undated one: one party, no time).
    const [other] = batch(first.resolved, [[account('legal-trial:bernard-ebbers@undated~y', 'content:b', ['bernard ebbers'])]]);
    expect(other.resolved[0].event).toBe(dated.key);

    // x and y share a key without sameEvent linking them; z links x. In one batch x and y are one row
    // (one key), and z's merge takes both; y arriving in a later batch must find that merged event too.
    const x = account('accuse:a+b@undated', 'content:x', ['a', 'b'], { names: [] });
    const y = account('accuse:a+b@undated', 'content:y', ['a', 'c'], { names: [] });
    const z = account('accuse:a+b@moscow', 'content:z', ['a', 'b'], { names: [], placeName: 'Moscow' });
    expect([sameEvent(x, y), sameEvent(x, z), sameEvent(y, z)]).toEqual([false, true, false]);
    const oneBatch = batch([], [[x], [z], [y]]);
    const stored = batch([], [[x], [z]]);
    const later = batch(stored.flatMap((r) => r.resolved).map((m) => ({ ...m, event: z.key })), [[y]]);
    expect(oneBatch[2].resolved[0].event).toBe(z.key);
    expect(later[0].resolved[0].event).toBe(z.key);
  });

  it('dates a merged event by the most precise date consistent with every account', () => {
    const yl = { precision: 'MONTH' as const, start: '--02-01', end: '--02-29' };
    expect(mergedDate([{ startDate: '2019-01-01', endDate: '2019-04-19', precision: 'RANGE' }, { startDate: null, endDate: null, precision: null, yearless: yl }])).toEqual({ startDate: '2019-02-01', endDate: '2019-02-28', precision: 'MONTH' });
    // In either order, and an "on or before" report narrows nothing it already contains.
    expect(mergedDate([{ startDate: null, endDate: '2019-04-19', precision: 'ON_OR_BEFORE' }, { startDate: '2019-04-16', endDate: '2019-04-18', precision: 'RANGE' }])).toEqual({ startDate: '2019-04-16', endDate: '2019-04-18', precision: 'RANGE' });
    expect(mergedDate([{ startDate: '2019-04-16', endDate: '2019-04-30', precision: 'RANGE' }, { startDate: null, endDate: null, precision: null }])).toEqual({ startDate: '2019-04-16', endDate: '2019-04-30', precision: 'RANGE' });
    expect(mergedDate([{ startDate: '2019-02-01', endDate: '2019-02-28', precision: 'MONTH' }, { startDate: '2019-02-27', endDate: '2019-02-27', precision: 'DAY' }])).toEqual({ startDate: '2019-02-27', endDate: '2019-02-27', precision: 'DAY' });
    // Contradicting accounts: no merged date (the store keeps its own choice).
    expect(mergedDate([{ startDate: '2019-02-01', endDate: '2019-02-28', precision: 'MONTH' }, { startDate: '2019-03-01', endDate: '2019-03-31', precision: 'MONTH' }])).toBeNull();
  });
});
