import type { Mention } from '../extract/types.ts';
import { mentionConfidence, type MentionType } from './mention-confidence.ts';
import type { ResolvedExtraction } from '../resolve/types.ts';
import { uniq } from './entity-rows.ts';

/** The ids the batch's nodes got, by the article's local keys (events by their global key). */
export interface KeyIds {
  personKey: Map<string, number>;
  orgKey: Map<string, number>;
  placeKey: Map<string, number>;
  eventIds: Map<string, number>;
  /** The stored start date of each event by id, as the batch's upsert left it (the event links copy it). */
  eventDates: Map<number, string | null>;
}

export interface LinkRows {
  articlePerson: Record<string, unknown>[];
  articleOrganization: Record<string, unknown>[];
  articlePlace: Record<string, unknown>[];
  eventArticle: Record<string, unknown>[];
  eventParticipant: { event_id: number | undefined; person_id: number | undefined; start_date: string | null }[];
  eventOrganization: { event_id: number | undefined; organization_id: number | undefined; start_date: string | null }[];
  eventActor: EventActorRow[];
  statements: Record<string, unknown>[];
}

/** Who acted in an event (SOURCE) or was acted on (TARGET) as one article says: a node's id, else a group's name. */
export interface EventActorRow {
  event_id: number;
  article_id: number;
  role: 'SOURCE' | 'TARGET';
  person_id: number | null;
  organization_id: number | null;
  group_name: string | null;
}

/**
 * The article's actor rows, once per event, role and actor (two accounts of one event may name the same
 * actor). An actor whose node the article does not have (a person the extractor names without a
 * mention) is kept as a group under its name.
 */
function actorRows(articleId: number, resolved: ResolvedExtraction, ids: KeyIds): EventActorRow[] {
  const rows = new Map<string, EventActorRow>();
  for (const e of resolved.events) {
    const eventId = ids.eventIds.get(e.key);
    if (eventId === undefined) continue;
    for (const [role, actors] of [['SOURCE', e.sources], ['TARGET', e.targets]] as const) {
      for (const a of actors ?? []) {
        const personId = a.type === 'person' && a.key ? (ids.personKey.get(a.key) ?? null) : null;
        const organizationId = a.type === 'organization' && a.key ? (ids.orgKey.get(a.key) ?? null) : null;
        const groupName = personId === null && organizationId === null ? a.name.trim() : null;
        if (groupName === '') continue;
        const actor = personId !== null ? `p${personId}` : organizationId !== null ? `o${organizationId}` : `g:${groupName}`;
        rows.set(`${eventId}|${role}|${actor}`, { event_id: eventId, article_id: articleId, role, person_id: personId, organization_id: organizationId, group_name: groupName });
      }
    }
  }
  return [...rows.values()];
}

/**
 * Mention, participation and statement rows of one article (its id and stored date), given the ids its
 * entities got. Statements and event links carry the copied dates their list orders need (the
 * article's, the event's; migration 20261212090000_writer_row_work).
 */
export function linkRows(article: { id: number; publishedAt: string | null }, resolved: ResolvedExtraction, ids: KeyIds): LinkRows {
  const { personKey, orgKey, placeKey, eventIds, eventDates } = ids;
  const articleId = article.id;
  const eventDate = (id: number | undefined) => (id === undefined ? null : (eventDates.get(id) ?? null));
  // Two extracted entities can resolve to one node ("Blair" and "Tony Blair"): one mention row each.
  // Mentions are stored as parallel arrays (offsets, ends, confidences) in start order, one per start:
  // of two mentions starting at one offset, the longer is kept (the written name, not a part of it).
  const mentionRows = (entities: { key: string; mentions: Mention[]; roles?: string[] }[], idOfKey: Map<string, number>, column: string, type: MentionType) => {
    const byId = new Map<number, { count: number; byStart: Map<number, Mention>; roles: string[] }>();
    for (const e of entities) {
      const id = idOfKey.get(e.key);
      if (id === undefined) continue;
      const row = byId.get(id) ?? { count: 0, byStart: new Map<number, Mention>(), roles: [] };
      row.count += e.mentions.length;
      for (const m of e.mentions) {
        const prev = row.byStart.get(m.start);
        if (!prev || m.end > prev.end) row.byStart.set(m.start, m);
      }
      row.roles.push(...(e.roles ?? []));
      byId.set(id, row);
    }
    return [...byId].map(([id, r]) => {
      const mentions = [...r.byStart.values()].sort((a, b) => a.start - b.start);
      return {
        article_id: articleId,
        [column]: id,
        count: r.count,
        offsets: mentions.map((m) => m.start),
        ends: mentions.map((m) => m.end),
        confidences: mentions.map((m) => mentionConfidence(type, m.text)),
        roles: uniq(r.roles),
      };
    });
  };
  const eventOffsets = new Map<number, number[]>();
  for (const e of resolved.events) {
    const id = eventIds.get(e.key)!;
    eventOffsets.set(id, [...(eventOffsets.get(id) ?? []), ...e.mentions.map((m) => m.start)]);
  }
  // The article's accounts of each event, stored with its link (see EventMember).
  const members = new Map<number, Record<string, unknown>[]>();
  for (const m of resolved.members ?? []) {
    const id = eventIds.get(m.event);
    if (id === undefined) continue;
    const account = {
      key: m.key, kind: m.kind, title: m.title, startDate: m.startDate, endDate: m.endDate, precision: m.precision, placeId: m.placeKey ? (placeKey.get(m.placeKey) ?? null) : null, names: m.names,
      actors: m.actors ?? null, yearless: m.yearless ?? null,
      // What the account says the event is, and where (see migration 20261208090000_typed_events).
      ...m.typing, trigger: m.trigger ?? null, sentence: m.sentence ?? null,
    };
    members.set(id, [...(members.get(id) ?? []), account]);
  }
  // Offsets are unique per article; two extracted statements over one span keep the first.
  const seenSpans = new Set<string>();
  const statements = resolved.statements.filter((s) => {
    const k = `${s.start}:${s.end}`;
    if (seenSpans.has(k)) return false;
    seenSpans.add(k);
    return true;
  }).map((s) => ({
    article_id: articleId,
    text: s.text,
    kind: s.kind,
    cue: s.cue,
    speaker_person_id: s.speaker?.type === 'person' ? (personKey.get(s.speaker.key) ?? null) : null,
    speaker_organization_id: s.speaker?.type === 'organization' ? (orgKey.get(s.speaker.key) ?? null) : null,
    speaker_text: s.speakerText,
    event_id: s.eventKey ? (eventIds.get(s.eventKey) ?? null) : null,
    start_offset: s.start,
    end_offset: s.end,
    // Every part of the statement; hand-built statements without spans are their one outer span.
    span_starts: (s.spans ?? [s]).map((x) => x.start),
    span_ends: (s.spans ?? [s]).map((x) => x.end),
    confidence: s.confidence,
    published_at: article.publishedAt,
  }));
  return {
    articlePerson: mentionRows(resolved.people, personKey, 'person_id', 'PER'),
    articleOrganization: mentionRows(resolved.organizations, orgKey, 'organization_id', 'ORG').map(({ roles: _roles, ...r }) => r),
    articlePlace: mentionRows(resolved.places, placeKey, 'place_id', 'LOC').map(({ roles: _roles, ...r }) => r),
    eventArticle: [...eventOffsets].map(([eventId, offsets]) => ({ event_id: eventId, article_id: articleId, offsets, members: members.get(eventId) ?? [] })),
    eventParticipant: resolved.events.flatMap((e) => e.participantKeys.map((k) => ({ event_id: eventIds.get(e.key), person_id: personKey.get(k), start_date: eventDate(eventIds.get(e.key)) }))),
    eventOrganization: resolved.events.flatMap((e) => e.organizationKeys.map((k) => ({ event_id: eventIds.get(e.key), organization_id: orgKey.get(k), start_date: eventDate(eventIds.get(e.key)) }))),
    eventActor: actorRows(articleId, resolved, ids),
    statements,
  };
}
