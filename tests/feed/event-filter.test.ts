import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../src/feed/feed-items.ts';
import { toGlobalId } from '../../src/services/global-id.ts';
import { eventMatcher } from '../../src/feed/feed-filters.ts';
import type { EventRecord } from '../../src/services/records.ts';

/** eventUpdated's filter: `type` is the event's type in the ontology (Event.type), `kind` the legacy kind. */
const event = (type: string, kind: string, personIds: number[] = []): FeedEvent => ({
  node: { __typename: 'Event', id: 'x', rowId: 1, key: 'k', title: 't', kind, type, mode: null, symmetric: false, confidence: 0.75, startDate: null, endDate: null, precision: null, placeId: null } as EventRecord,
  personIds,
  organizationIds: [],
});

describe('eventUpdated filter', () => {
  it('matches the event types given, any when none', () => {
    const accusation = event('ACCUSE', 'OTHER');
    const meeting = event('CONSULT', 'MEETING', [7]);
    expect([accusation, meeting].map(eventMatcher({ type: ['ACCUSE', 'REJECT'] }))).toEqual([true, false]);
    expect([accusation, meeting].map(eventMatcher({ type: [] }))).toEqual([true, true]);
    expect([accusation, meeting].map(eventMatcher({}))).toEqual([true, true]);
    expect([accusation, meeting].map(eventMatcher({ kind: 'MEETING' }))).toEqual([false, true]);
    expect([accusation, meeting].map(eventMatcher({ type: ['CONSULT'], actor: toGlobalId('Person', 7) }))).toEqual([false, true]);
  });
});
