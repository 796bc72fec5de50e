import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract/extract-article.ts';
import { parseArticle } from '../src/ingest/parse-article.ts';
import { preferredName } from '../src/resolve/names.ts';
import { addToIndex, emptyIndex, finalEventKeys, resolveExtraction } from '../src/resolve/resolve-extraction.ts';
import type { EventMember } from '../src/resolve/types.ts';
import { addMembers, eventOf, resolveEvents } from '../src/resolve/events.ts';

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
    // The Trump–Kim summit (Hanoi in one article, 2019 in the other) and the Kim–Putin meeting are one event each.
    const shared = forward[0].events.filter((k) => forward[1].events.includes(k));
    expect(shared).toEqual(expect.arrayContaining(['meeting:donald-trump+kim-jong-un@2019', 'meeting:kim-jong-un+vladimir-putin@vladivostok']));
  });

  it('prefers one spelling of a name whatever the order, mixed case over all capitals', () => {
    for (const [a, b] of [['OPEC', 'Opec'], ['Arjan de Zeeuw', 'Arjan De Zeeuw'], ['WorldCom', 'Worldcom']]) {
      expect(preferredName(a, b)).toBe(preferredName(b, a));
    }
    expect(preferredName('OPEC', 'Opec')).toBe('Opec');
  });

  it('links accounts transitively: a third account joining two events merges them under the smallest key', () => {
    const account = (key: string, placeName: string | null, names: string[]): EventMember => ({ event: key, key, kind: 'VISIT', title: key, startDate: null, endDate: null, precision: null, placeName, names });
    // a+b and b+c share one party only: they are one event only through the account naming all three.
    const accounts = [account('meeting:a+b@moscow', 'Moscow', ['a', 'b']), account('meeting:a+b+c@undated', null, ['a', 'b', 'c']), account('meeting:b+c@moscow', 'Moscow', ['b', 'c'])];
    const keysIn = (order: EventMember[]) => {
      const index = emptyIndex().events;
      for (const m of order) {
        const { keyOf } = resolveEvents([m], index);
        addMembers(index, [{ ...m, event: keyOf.get(m.key)! }]);
      }
      return accounts.map((m) => eventOf(index, m.key));
    };
    const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]].map((o) => keysIn(o.map((i) => accounts[i])));
    for (const keys of orders) expect(keys).toEqual(['meeting:a+b+c@undated', 'meeting:a+b+c@undated', 'meeting:a+b+c@undated']);
    // One shared party is not enough on its own, nor is a one-person account (a visit) joining a meeting.
    const index = emptyIndex().events;
    for (const m of [account('meeting:a+b@moscow', 'Moscow', ['a', 'b']), account('meeting:b+c@moscow', 'Moscow', ['b', 'c']), account('meeting:b@moscow', 'Moscow', ['b'])]) {
      const { keyOf } = resolveEvents([m], index);
      addMembers(index, [{ ...m, event: keyOf.get(m.key)! }]);
    }
    expect(new Set(index.members.map((m) => eventOf(index, m.event))).size).toBe(3);
  });
});
