import type { ParsedArticle } from '../ingest/types.ts';
import { findEntities, type EntityDraft } from './entities.ts';
import { findEvents, type EventDraft } from './events.ts';
import { splitSentences } from './sentences.ts';
import { findStatements } from './statements.ts';
import type { EventKind, Extraction, ExtractedEvent } from './types.ts';

export const slug = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const KIND_WORD: Record<EventKind, string> = { MEETING: 'meeting', SUMMIT: 'summit', TALKS: 'talks', VISIT: 'visit', WEAPONS_TEST: 'weapons test', LAUNCH: 'launch', ANNOUNCEMENT: 'announcement', OTHER: 'event' };

/** Deterministic key: event group, participants, then place or year — refined across articles by resolve. */
export function eventKey(e: { group: string; names: string[]; place: string | null; year: string | null }): string {
  return `${e.group}:${[...e.names].map(slug).sort().join('+')}@${e.place ? slug(e.place) : (e.year ?? 'undated')}`;
}

function eventTitle(e: EventDraft): string {
  const names = [...e.participants].map((p) => p.name);
  const orgs = [...e.organizations].map((o) => o.name);
  const who = names.length ? names.join('–') : orgs.join('–');
  return `${who} ${KIND_WORD[e.kind]}${e.place ? ` in ${e.place.name}` : ''}`.trim();
}

/** ParsedArticle → people, organisations, places, events and statements. Pure and deterministic. */
export function extractArticle(parsed: ParsedArticle): Extraction {
  const { text } = parsed;
  const sentences = splitSentences(text, parsed.paragraphs);
  const index = findEntities(text);
  const statements = findStatements(text, sentences, parsed.paragraphs, index, parsed.dateline);
  const quoted = statements.filter((s) => s.kind === 'DIRECT').map((s) => ({ start: s.start, end: s.end }));
  const events = findEvents(text, sentences, index, parsed.publishedAt, quoted);

  const personKey = new Map<EntityDraft, string>();
  const people = index.people
    .filter((p) => p.mentions.length > 0 && p.name.trim() !== '')
    .map((p) => {
      const key = `person:${slug(p.name)}`;
      personKey.set(p, key);
      return { key, name: p.name, aliases: [...p.aliases].filter((a) => a !== p.name).sort(), roles: [...p.roles].sort(), mentions: p.mentions.sort((a, b) => a.start - b.start) };
    });
  const orgKey = new Map<object, string>();
  const organizations = index.organizations.map((o) => {
    const key = `org:${slug(o.name)}`;
    orgKey.set(o, key);
    return { key, name: o.name, aliases: [...o.aliases].filter((a) => a !== o.name).sort(), kind: o.kind, mentions: o.mentions.sort((a, b) => a.start - b.start) };
  });
  const placeKey = new Map<object, string>();
  const places = index.places.map((p) => {
    const key = `place:${slug(p.name)}`;
    placeKey.set(p, key);
    return { key, name: p.name, aliases: [...p.aliases].filter((a) => a !== p.name).sort(), kind: p.kind, mentions: p.mentions.sort((a, b) => a.start - b.start) };
  });

  const eventOut: ExtractedEvent[] = [];
  const eventOfSentence = new Map<number, string>();
  for (const e of events) {
    const names = e.participants.size ? [...e.participants].map((p) => p.name) : [...e.organizations].map((o) => o.name);
    if (!names.length) continue;
    let key = eventKey({ group: e.group, names, place: e.place?.name ?? null, year: e.date ? e.date.start.slice(0, 4) : null });
    while (eventOut.some((x) => x.key === key)) key += '+';
    eventOut.push({
      key,
      title: eventTitle(e),
      kind: e.kind,
      startDate: e.date?.start ?? null,
      endDate: e.date?.end ?? null,
      precision: e.date?.precision ?? null,
      placeKey: e.place ? (placeKey.get(e.place) ?? null) : null,
      participantKeys: [...e.participants].map((p) => personKey.get(p)!).filter(Boolean),
      organizationKeys: [...e.organizations].map((o) => orgKey.get(o)!).filter(Boolean),
      mentions: e.mentions.sort((a, b) => a.start - b.start),
    });
    for (const s of e.sentences) if (!eventOfSentence.has(s.start)) eventOfSentence.set(s.start, key);
  }

  return {
    people,
    organizations: organizations.filter((o) => o.mentions.length > 0 || statements.some((s) => s.speaker?.entity === index.organizations.find((x) => x.name === o.name)) || eventOut.some((e) => e.organizationKeys.includes(o.key))),
    places,
    events: eventOut,
    statements: statements.map((s) => ({
      start: s.start,
      end: s.end,
      text: s.text,
      spans: s.spans,
      kind: s.kind,
      cue: s.cue,
      speaker: s.speaker ? { type: s.speaker.type, key: (s.speaker.type === 'person' ? personKey.get(s.speaker.entity) : orgKey.get(s.speaker.entity))! } : null,
      speakerText: s.speakerText,
      speakerSpan: s.speakerSpan ?? undefined,
      eventKey: eventOfSentence.get(s.sentence.start) ?? null,
      confidence: s.confidence,
    })),
  };
}
