import { forgetIndexCache } from './resolve-extraction.ts';
import type { EntityIndex } from './types.ts';

/**
 * Saves what `addToIndex` can change (list lengths, alias lists, event facts) and returns the rollback:
 * articles resolved after the checkpoint whose batch could not be stored are taken out of the index
 * again, so that the next articles resolve as if they had never been seen.
 */
export function checkpointIndex(index: EntityIndex): () => void {
  const lists = [index.people, index.organizations, index.places];
  const lengths = lists.map((l) => l.length);
  const aliasLengths = lists.map((l) => l.map((k) => k.aliases.length));
  const events = index.events.map((e) => ({ e, participants: e.participantNames.length, placeName: e.placeName, startDate: e.startDate, endDate: e.endDate }));
  return () => {
    lists.forEach((list, i) => {
      list.length = lengths[i];
      list.forEach((k, j) => (k.aliases.length = aliasLengths[i][j]));
    });
    index.events.length = events.length;
    for (const s of events) Object.assign(s.e, { placeName: s.placeName, startDate: s.startDate, endDate: s.endDate }).participantNames.length = s.participants;
    forgetIndexCache(index);
  };
}
