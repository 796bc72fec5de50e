import type { ParsedArticle, Span } from '../ingest/types.ts';
import { findEntities, type EntityDraft } from './entities.ts';
import { findTypedEvents } from './events/find-events.ts';
import { toExtractedEvent, type KeyMaps } from './events/to-extracted.ts';
import { placeByArticleCountry, settleEventPlaces } from './events/event-place.ts';
import { splitSentences } from './sentences.ts';
import { linkStatements } from './statement-links.ts';
import { findStatements } from './statements.ts';
import { slug } from './slug.ts';
import { articleGeoContext, geocodePlace } from '../geo/geocode.ts';
import { fnv1a } from './fnv.ts';
import { newsDay } from './events/event-setting.ts';
import type { Extraction, ExtractedEvent } from './types.ts';

export { slug };

export { eventKey } from './events/to-extracted.ts';

/** ParsedArticle → people, organisations, places, events and statements. Pure and deterministic. */
export function extractArticle(parsed: ParsedArticle): Extraction {
  const { text } = parsed;
  const sentences = splitSentences(text, parsed.paragraphs);
  const index = findEntities(text);
  const statements = findStatements(text, sentences, parsed.paragraphs, index, parsed.dateline);
  const quoted = statements.filter((s) => s.kind === 'DIRECT').map((s) => ({ start: s.start, end: s.end }));
  const events = findTypedEvents({ text, title: parsed.title, sentences, index, published: parsed.publishedAt, quoted, statements });
  settleEventPlaces(events, text, index, sentences);
  placeByArticleCountry(events, text, index, sentences, parsed.dateline, parsed.publishedAt);

  const personKey = new Map<EntityDraft, string>();
  const people = index.people
    .filter((p) => p.mentions.length > 0 && p.name.trim() !== '')
    .map((p) => {
      const key = `person:${slug(p.name)}`;
      personKey.set(p, key);
      return { key, name: p.name, aliases: [...p.aliases].filter((a) => a !== p.name).sort(), roles: [...p.roles].sort(), mentions: p.mentions.sort((a, b) => a.start - b.start) };
    });
  const orgKey = new Map<object, string>();
  const placeKey = new Map<object, string>();
  index.places.forEach((p) => placeKey.set(p, `place:${slug(p.name)}`));
  // Events first: a country acting in one becomes its government organisation (added to the index).
  const taken = new Set<string>();
  // The article's text hash keys events that name no party (see toExtractedEvent): computed once, on first use
  // (most articles have no such event, and the hash reads every character).
  let textHash: string | null = null;
  const keys: KeyMaps = {
    person: personKey,
    org: orgKey,
    place: placeKey,
    slug,
    get textHash() {
      return (textHash ??= fnv1a(`${parsed.title}\n${text}`).toString(36));
    },
    dated: parsed.publishedAt !== null,
  };
  const headline = headlineDay(text, parsed.title, parsed.publishedAt);
  const eventOut: ExtractedEvent[] = events.map((e) => reportDated(toExtractedEvent(e, index, keys, taken), parsed.publishedAt, text, headline));
  const organizations = index.organizations.map((o) => {
    const key = `org:${slug(o.name)}`;
    orgKey.set(o, key);
    return { key, name: o.name, aliases: [...o.aliases].filter((a) => a !== o.name).sort(), kind: o.kind, mentions: o.mentions.sort((a, b) => a.start - b.start) };
  });
  const geoContext = articleGeoContext(parsed.dateline, index.places);
  const places = index.places.map((p) => ({ key: placeKey.get(p)!, name: p.name, aliases: [...p.aliases].filter((a) => a !== p.name).sort(), kind: p.kind, mentions: p.mentions.sort((a, b) => a.start - b.start), geo: geocodePlace(p, text, geoContext) }));

  // Each statement's events (see linkStatements); its single `eventKey` is the first of them.
  const links = linkStatements(statements, events);
  links.forEach((of, si) => {
    for (const i of of) (eventOut[i].statementIndexes ??= []).push(si);
  });

  return {
    people,
    organizations: organizations.filter((o) => o.mentions.length > 0 || statements.some((s) => s.speaker?.entity === index.organizations.find((x) => x.name === o.name)) || eventOut.some((e) => e.organizationKeys.includes(o.key))),
    places,
    events: eventOut,
    statements: statements.map((s, si) => ({
      start: s.start,
      end: s.end,
      text: s.text,
      spans: s.spans,
      kind: s.kind,
      cue: s.cue,
      speaker: s.speaker ? { type: s.speaker.type, key: (s.speaker.type === 'person' ? personKey.get(s.speaker.entity) : orgKey.get(s.speaker.entity))! } : null,
      speakerText: s.speakerText,
      speakerSpan: s.speakerSpan ?? undefined,
      eventKey: eventOut[links[si][0] ?? -1]?.key ?? null,
      confidence: s.confidence,
    })),
  };
}

// "Hydro Quebec is issuing a bond": what the report says is under way happens on its day, whether
// the trigger holds the "is" or follows it.
const UNDER_WAY_BEFORE = /\b(?:is|are)\s+$/i;
const UNDER_WAY_TRIGGER = /^(?:is|are)\s+[a-z]+ing\b/i;
const ING = /^[a-z]+ing\b/i;

function saysUnderWay(text: string, t: Span): boolean {
  const trigger = text.slice(t.start, t.end);
  return UNDER_WAY_TRIGGER.test(trigger) || (ING.test(trigger) && UNDER_WAY_BEFORE.test(text.slice(Math.max(0, t.start - 8), t.start)));
}

// A headline looking ahead: "Kim to meet Putin", "Sanders Vows To Eliminate Tax Breaks", "… will …".
const HEADLINE_AHEAD = /\b(?:to|will|would|could|may|might|set to|plans? to)\s+$/i;

interface HeadlineDay {
  /** End of the headline the text opens with. */
  end: number;
  /** The lead's news day (see newsDay). */
  day: string;
}

/**
 * When the text opens with its headline and the lead gives a news day ("Railing Against Trump, Sanders Vows …"
 * over "Sanders on Tuesday said …"): the headline reports the lead's news, so it happened that day.
 */
function headlineDay(text: string, title: string | null | undefined, published: string | null): HeadlineDay | null {
  if (!title || !published || !text.startsWith(title)) return null;
  const day = newsDay(text, published);
  return day ? { end: title.length, day } : null;
}

/**
 * An event the text does not date happened on or before the day it was reported, when the article
 * has a publication date, or on that day when the report says it is under way ("is issuing") or its
 * headline reports it (see headlineDay; not what the headline looks ahead to); an undated article
 * leaves it undated. Keys are unchanged: the year a key carries is one the text gives.
 */
function reportDated(e: ExtractedEvent, published: string | null, text: string, headline: HeadlineDay | null): ExtractedEvent {
  if (e.precision !== null || !published) return e;
  const day = published.slice(0, 10);
  if (e.trigger && saysUnderWay(text, e.trigger)) return { ...e, startDate: day, endDate: day, precision: 'DAY' };
  if (headline && e.trigger && e.trigger.start < headline.end && !HEADLINE_AHEAD.test(text.slice(0, e.trigger.start))) return { ...e, startDate: headline.day, endDate: headline.day, precision: 'DAY' };
  return { ...e, startDate: null, endDate: day, precision: 'ON_OR_BEFORE' };
}
