import type { Db } from '../db/prisma-client.ts';
import type { EntityIndex } from '../resolve/types.ts';

/** Snapshot of the graph's names and events that cross-article resolution matches against. */
export async function loadEntityIndex(db: Db): Promise<EntityIndex> {
  const [people, organizations, places, events] = await Promise.all([
    db.person.findMany({ select: { name: true, aliases: true }, orderBy: { id: 'asc' } }),
    db.organization.findMany({ select: { name: true, aliases: true }, orderBy: { id: 'asc' } }),
    db.place.findMany({ select: { name: true, aliases: true }, orderBy: { id: 'asc' } }),
    db.event.findMany({
      orderBy: { id: 'asc' },
      select: { key: true, kind: true, title: true, startDate: true, endDate: true, place: { select: { name: true } }, participants: { select: { person: { select: { name: true } } } } },
    }),
  ]);
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return {
    people,
    organizations,
    places,
    events: events.map((e) => ({
      key: e.key,
      kind: e.kind,
      title: e.title,
      participantNames: e.participants.map((p) => p.person.name),
      placeName: e.place?.name ?? null,
      startDate: day(e.startDate),
      endDate: day(e.endDate),
    })),
  };
}
