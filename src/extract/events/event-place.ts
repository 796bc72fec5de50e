import type { EntityIndexLocal, PlaceDraft } from '../entities.ts';
import type { Sentence } from '../sentences.ts';
import type { Span } from '../../ingest/types.ts';
import { countryOf, DEMONYMS } from '../gazetteer.ts';
import { gazetteerCandidates } from '../../geo/table.ts';
import { landmarkCity } from '../../geo/landmarks.ts';
import { newsDay, placesCompatible } from './event-setting.ts';
import type { TypedEventDraft } from './event-draft.ts';
import { refName } from './actors.ts';
import { placeByBareMentions } from './event-place-mentions.ts';

// Where an event happened, read from the sentence that reports it (issue 17: the event's place is
// where it happened, not every place in the sentence). A module of its own so that the trigger and
// role rules (find-events.ts) and the choice of place change apart.

// A place past one of these belongs to another clause ("the weapons test since the summit … in Vietnam").
const OTHER_CLAUSE = /\b(?:after|before|since|when|while|until)\b|[;—–]/;
// Words between an event and a place that stay in its clause: where the event's people had just gone ("she was arrested
// after entering the debate venue", "killed after arriving in Baghdad"), and a relative clause set off by a dash that
// says where the noun before it is ("the debate venue — which was also at Hofstra").
const SAME_PLACE = /\bafter\s+(?:entering|arriving\s+(?:in|at)|landing\s+in|reaching|storming)\b|[—–]\s*(?=(?:which|where)\b)/g;
/** Whether the words between an event and a place leave its clause (see OTHER_CLAUSE, SAME_PLACE). */
const otherClause = (between: string) => OTHER_CLAUSE.test(between.replace(SAME_PLACE, ' '));

// Written as a location: "in Vladivostok", "at the Hanoi summit", "the city of X", "in the conservative stronghold of Iwate Prefecture".
const LOCATIVE = /\b(?:(?:in|at)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}(?:stronghold|city|town|village|province|prefecture|region|state|capital|district|heart|outskirts|suburbs?)\s+of\s+)?|city of\s+)$/i;
// Where an actor is based, not where its event happens ("the company, which is based in St. Louis", "a
// Houston-based firm headquartered in Texas", "a Boston resident living in Dorchester").
const SEAT = /\b(?:based|headquartered|registered|incorporated|listed|lives?|living|resident|born)\s+(?:in|at)\s+(?:the\s+)?$/i;
// What a stake is held in is a company, not a place ("bought a 20% stake in Sina", "owns a 1% stake in Deutsche Boerse",
// "its stake in London underground consortium Tube Lines").
const HELD_IN = /\b(?:stake|stakes|holding|shareholding|shares|equity)\s+in\s+(?:the\s+)?$/i;
// Movement to the place the event happens: "travelled to Vladivostok", "a two-day visit to Malaysia",
// "leaves for Indonesia", "flew four times to North Korea"; and what an invasion takes ("invasion of Ukraine").
const DESTINATION = /\b(?:(?:travel(?:l?ed|s|ling)?|flew|fly|flies|flying|went|go(?:es|ing)?|trip|visit(?:s|ed|ing)?|journey(?:ed)?|arriv(?:e|es|ed|ing)|return(?:s|ed)?|came|come)\b(?:\s+\w+){0,3}?\s+(?:to|in)|leav(?:e|es|ing)\s+for|(?:invasion|invasions|invaded|annexation|occupation)\s+of)\s+(?:the\s+)?$/i;
// A place naming the occasion: "the Hanoi summit", "the Dubai Tennis Championships".
const OCCASION = /^\s+(?:summit|talks|(?:[A-Z]\w+\s+){0,3}(?:Championships?|Festival|Open|Games|Conference|Forum|Cup))\b/;

// A relative clause set off by commas: ", who announced his Davis Cup retirement earlier this year,".
const ASIDE_OPEN = /,\s+(?:who|which|whose)\s/g;

/** The relative clauses set off by commas in a sentence (see ASIDE_OPEN), each from its opening comma to its closing one. */
function asides(text: string, sentence: Span): Span[] {
  const body = text.slice(sentence.start, sentence.end);
  const out: Span[] = [];
  for (const m of body.matchAll(ASIDE_OPEN)) {
    const close = body.indexOf(',', m.index + m[0].length);
    if (close > 0) out.push({ start: sentence.start + m.index, end: sentence.start + close });
  }
  return out;
}

// A place right after the clause's closing comma still says where its object is ("which has acquired WHBF-TV station, in Rock Island").
const RIGHT_AFTER = /^,\s*(?:in|at)\s+(?:the\s+)?$/;

/**
 * Whether one of trigger and place is inside a relative clause and the other outside it: "Tim Henman, who announced
 * his Davis Cup retirement …, believes Britain can win … in Tel Aviv" — the retirement is not in Tel Aviv.
 */
function acrossAside(text: string, sentence: Span, trigger: Span, p: Span): boolean {
  const within = (a: Span, x: Span) => x.start >= a.start && x.end <= a.end;
  return asides(text, sentence).some((a) => within(a, trigger) !== within(a, p) && !(within(a, trigger) && RIGHT_AFTER.test(text.slice(a.end, p.start))));
}

// A landmark's entry has no place of its own until its city is chosen (cityOf): the landmark may be an organisation.
type PlaceAt = { start: number; end: number; place: PlaceDraft | null; occasion: boolean; landmark?: string };

/**
 * Place spans of the sentence, the places that open the names of occasions held there ("at the Dubai Tennis
 * Championships"), and famous landmarks, place or organisation, standing for their city ("the Forbidden City" →
 * Beijing, see src/geo/landmarks.ts).
 */
function placesIn(index: EntityIndexLocal, sentence: Sentence): PlaceAt[] {
  const out: PlaceAt[] = [];
  const inside = (x: Span) => x.start >= sentence.start && x.end <= sentence.end;
  for (const p of index.placeSpans) if (inside(p)) out.push({ start: p.start, end: p.end, place: p.place, occasion: false, landmark: landmarkCity(p.place.name) ?? undefined });
  for (const o of index.orgSpans) {
    if (!inside(o)) continue;
    const city = landmarkCity(o.org.name);
    if (city) out.push({ start: o.start, end: o.end, place: null, occasion: false, landmark: city });
    if (!OCCASION_NAME.test(o.org.name)) continue;
    const place = index.places.find((p) => o.org.name.startsWith(`${p.name} `));
    if (place) out.push({ start: o.start, end: o.end, place, occasion: true });
  }
  return out;
}

/** The article's place of a landmark's city, added (without mentions: the text names the landmark) when new. */
function cityOf(index: EntityIndexLocal, city: string): PlaceDraft {
  let place = index.places.find((p) => p.name === city && p.kind === 'CITY') ?? index.places.find((p) => p.name === city);
  if (!place) index.places.push((place = { name: city, kind: 'CITY', country: null, aliases: new Set(), roles: new Set(), mentions: [] }));
  return place;
}

const OCCASION_NAME = /\b(?:Championships?|Festival|Open|Games|Conference|Forum|Cup|Summit|Awards?)$/;

// "the debate stage in Cleveland": a capitalised name written as the location right after the trigger.
const LOCATIVE_NAME = /^[^.;:,—–"“”]{0,25}?\b(?:in|at)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\b(?!\s*[’']s\b|\s+[A-Z])/;
// Gazetteer cities this large are read as places even when the recogniser missed them.
const FALLBACK_CITY_POPULATION = 100_000;

/** The article's place of that name at [start, end), added to its places and place spans when new. */
function addPlace(index: EntityIndexLocal, name: string, kind: PlaceDraft['kind'], start: number, end: number): PlaceDraft {
  const span = index.placeSpans.find((x) => x.start === start && x.end === end);
  if (span) return span.place;
  let place = index.places.find((p) => p.name === name);
  if (!place) {
    place = { name, kind, country: null, aliases: new Set(), roles: new Set(), mentions: [] };
    index.places.push(place);
  }
  place.mentions.push({ start, end, text: name });
  index.placeSpans.push({ start, end, place });
  return place;
}

/** Whether no person, and no organisation of another name, holds [start, end) (the recogniser reads "Cleveland" as an organisation). */
const free = (index: EntityIndexLocal, name: string, start: number, end: number) => {
  const taken = (x: { start: number; end: number }) => x.start < end && start < x.end;
  return !index.personSpans.some(taken) && !index.orgSpans.some((o) => taken(o) && o.org.name !== name);
};

/**
 * A place the recogniser missed, written as the event's location right after its trigger ("stepping
 * on the debate stage in Cleveland"): a gazetteer country, region or large city whose words no person
 * or other-named organisation holds. It joins the article's places (and so is geocoded with them).
 */
function unrecognisedPlace(text: string, index: EntityIndexLocal, sentence: Sentence, trigger: Span): PlaceDraft | null {
  const after = LOCATIVE_NAME.exec(text.slice(trigger.end, Math.min(sentence.end, trigger.end + 60)));
  if (!after) return null;
  const name = after[1];
  const start = trigger.end + after.index + after[0].length - name.length;
  const end = start + name.length;
  if (!free(index, name, start, end) || index.placeSpans.some((x) => x.start < end && start < x.end) || HELD_IN.test(text.slice(Math.max(0, start - 40), start))) return null;
  const known = gazetteerCandidates(name).find((c) => c.kind !== 'CITY' || (c.population ?? 0) >= FALLBACK_CITY_POPULATION);
  return known ? addPlace(index, name, known.kind, start, end) : null;
}

// "a summit meeting … at the Sunnylands estate in California": a named venue the event is held at.
const VENUE = /^[^;:—–"“”]{0,60}?\bat\s+the\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:estate|ranch|resort|hotel|palace|compound|stadium|arena|racecourse)\b/;

/** The venue written right after the trigger ("at the Sunnylands estate"), as a place of the article. */
function venuePlace(text: string, index: EntityIndexLocal, sentence: Sentence, trigger: Span): PlaceDraft | null {
  const after = VENUE.exec(text.slice(trigger.end, Math.min(sentence.end, trigger.end + 100)));
  if (!after || OTHER_CLAUSE.test(after[0])) return null;
  const name = after[1];
  const start = trigger.end + after[0].lastIndexOf(name);
  const end = start + name.length;
  return free(index, name, start, end) ? addPlace(index, name, 'OTHER', start, end) : null;
}

/**
 * The place a sentence gives an event: a named venue it is held at; else the closest place written as
 * its location, cities before countries; else one the recogniser missed (unrecognisedPlace).
 */
export function eventPlace(text: string, index: EntityIndexLocal, sentence: Sentence, trigger: Span): PlaceDraft | null {
  return venuePlace(text, index, sentence, trigger) ?? recognisedPlace(text, index, sentence, trigger) ?? unrecognisedPlace(text, index, sentence, trigger);
}

// Around a landmark is still in its city: "a quiet stroll … beside the Forbidden City", "protesters outside the White House".
const AROUND = /\b(?:near|beside|outside|inside|opposite|next\s+to|across\s+from)\s+(?:the\s+)?$/i;

function recognisedPlace(text: string, index: EntityIndexLocal, sentence: Sentence, trigger: Span, contentAfter = false): PlaceDraft | null {
  let best: PlaceAt | null = null;
  let score = -Infinity;
  for (const p of placesIn(index, sentence)) {
    if (contentAfter && p.start >= trigger.end && !saidThere(text, trigger, p)) continue;
    const before = text.slice(Math.max(sentence.start, p.start - 40), p.start);
    const occasion = p.occasion || OCCASION.test(text.slice(p.end, p.end + 40));
    // A place naming an occasion ("the Hanoi summit") places that occasion only, not a remark made in its sentence.
    const namesTrigger = occasion && trigger.start >= p.start && trigger.start <= p.end + 2;
    if (!LOCATIVE.test(before) && !DESTINATION.test(before) && !namesTrigger && !(p.landmark && AROUND.test(before))) continue;
    if (SEAT.test(before) || HELD_IN.test(before)) continue;
    const distance = p.start >= trigger.end ? p.start - trigger.end : trigger.start - p.end + 30;
    if (distance > 80) continue;
    if (otherClause(p.start >= trigger.end ? text.slice(trigger.end, p.start) : text.slice(p.end, trigger.start))) continue;
    if (acrossAside(text, sentence, trigger, p)) continue;
    const s = -distance + (p.landmark || p.place?.kind === 'CITY' ? 40 : 0) + (occasion ? 20 : 0);
    if (s > score) {
      score = s;
      best = p;
    }
  }
  return !best ? null : best.landmark ? cityOf(index, best.landmark) : best.place;
}

// Acts done in words: what follows the trigger is what was said, urged or praised, not where ("urged Care
// International to close its office in Baghdad", "attacked Clinton for … military action in Iraq").
// Their place is one written before the trigger ("In London, Moore told parliament …") or the occasion they were
// said at ("… during the debate in Cleveland", "named best picture at the Bangkok International Film Festival"). An
// award is a ceremony, not words.
const SAID = new Set(['ACCUSE', 'SUPPORT', 'REJECT', 'REQUEST', 'THREATEN']);
// "during a trip to the United States", "at Geneva arms control talks": the occasion the words were said at.
const DURING_TRIP = /\b(?:during|on)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}(?:trip|visit|tour)\s+to\s+(?:the\s+)?$/i;
const TALKS_AFTER = /^\s+(?:[a-z-]+\s+){0,2}(?:summit|talks|conference|meeting|session|negotiations)\b/;

/** Whether a place written after a speech act's trigger is the occasion it was said at, not what was said. */
function saidThere(text: string, trigger: Span, p: { start: number; end: number; occasion: boolean }): boolean {
  const between = text.slice(trigger.end, p.start);
  return p.occasion || AT_OCCASION.test(between) || DURING_TRIP.test(between) || (/\bat\s+$/.test(between) && TALKS_AFTER.test(text.slice(p.end, p.end + 40)));
}

const CITY_FIRST = (p: PlaceDraft) => (p.kind === 'CITY' ? 0 : p.kind === 'COUNTRY' ? 1 : 2);

/**
 * An event named several times takes the most precise place its mentions give, when they agree:
 * "Kim will travel to Russia … the summit in Vladivostok" → Vladivostok (a city in that country).
 */
export function settleEventPlaces(events: TypedEventDraft[], text: string, index: EntityIndexLocal, sentences: Sentence[]): void {
  for (const e of events) {
    const found: PlaceDraft[] = [];
    const said = SAID.has(e.type) && e.mode !== 'award';
    for (const m of e.mentions) {
      const sentence = sentences.find((s) => s.start <= m.start && m.start < s.end);
      const p = !sentence ? null : said ? recognisedPlace(text, index, sentence, m, true) : eventPlace(text, index, sentence, m);
      if (p && !found.includes(p)) found.push(p);
    }
    if (said) e.place = null;
    if (e.place && !found.includes(e.place)) found.unshift(e.place);
    const best = [...found].sort((a, b) => CITY_FIRST(a) - CITY_FIRST(b))[0];
    if (best && found.every((p) => placesCompatible(p.name, best.name))) e.place = best;
    if (!e.place && HELD_WHERE_NAMED(e)) e.place = demonymPlace(text, index, e.mentions);
    if (!e.place && e.type === 'BUSINESS' && e.mode === 'bankruptcy') e.place = courtPlace(text, index, sentences, e);
  }
}

// A bankruptcy happens at the court it is filed in, which the text often names apart from the filing it places
// ("For this second … filing, Patriot chose to file in Richmond, Va.", "filed a petition … in U.S. Bankruptcy
// Court in Manhattan"): a place written right after "file(d) … in" or "bankruptcy court in", in a sentence about a
// bankruptcy that names the company, places its bankruptcy when nothing else does.
const FILED_IN = /\b(?:fil(?:e|es|ed|ing)\s+(?:[\w.-]+\s+){0,5}?in|court\s+in)\s+(?:the\s+)?$/i;
const BANKRUPTCY = /\b(?:bankrupt\w*|Chapter\s+11|insolvency)\b/i;

/** The court's place of a company's bankruptcy (see FILED_IN), from any sentence of the article. */
function courtPlace(text: string, index: EntityIndexLocal, sentences: Sentence[], e: TypedEventDraft): PlaceDraft | null {
  const names = e.sources.map(refName).filter((n) => n.length > 2);
  if (!names.length) return null;
  for (const s of sentences) {
    const body = text.slice(s.start, s.end);
    if (!BANKRUPTCY.test(body) || !names.some((n) => body.includes(n))) continue;
    const p = index.placeSpans.find((x) => x.start >= s.start && x.end <= s.end && FILED_IN.test(text.slice(Math.max(s.start, x.start - 60), x.start)));
    if (p) return p.place;
  }
  return null;
}

// A disaster strikes, and an election is held, where the people its name gives live: "the Asian tsunami",
// "Sunday's Iraqi election". (An attack or a protest named so is by them, not necessarily there.)
const HELD_WHERE_NAMED = (e: TypedEventDraft) => e.type === 'DISASTER' || e.type === 'ELECTION';
const REGION_DEMONYMS = new Map([
  ['Asian', 'Asia'],
  ['European', 'Europe'],
  ['African', 'Africa'],
  ['Caribbean', 'Caribbean'],
  ['Balkan', 'Balkans'],
  ['Scandinavian', 'Scandinavia'],
  ['Siberian', 'Siberia'],
]);
const DEMONYM_BEFORE = /\b([A-Z][a-z]+)\s+(?:[a-z]+\s+)?$/;

/** The country or region a demonym right before one of the mentions names ("the Asian tsunami" → Asia), as a place of the article. */
function demonymPlace(text: string, index: EntityIndexLocal, mentions: Span[]): PlaceDraft | null {
  for (const m of mentions) {
    const word = DEMONYM_BEFORE.exec(text.slice(Math.max(0, m.start - 30), m.start))?.[1];
    if (!word) continue;
    const region = REGION_DEMONYMS.get(word);
    const name = region ?? DEMONYMS.get(word);
    if (!name) continue;
    let place = index.places.find((p) => p.name === name);
    if (!place) index.places.push((place = { name, kind: region ? 'REGION' : 'COUNTRY', country: region ? null : name, aliases: new Set(), roles: new Set(), mentions: [] }));
    return place;
  }
  return null;
}

// Elections happen in the country that holds them, and laws apply where they are passed: an article
// about one country's election ("Sunday's election" in a story on Iraq), or one state's law, places it
// there when the text gives no other place.
// So do the acts of a government the text names only as such ("the transitional government has been forced
// to backtrack", "the Obama administration announced it had reached its goal"): it acts at home.
const HOME_GOVERNMENT = /\b(?:government|administration)$/;
const SETTLED_BY_COUNTRY = (e: TypedEventDraft) => e.type === 'ELECTION' || (e.type === 'LEGAL' && (e.mode === 'law' || e.mode === 'bill')) || e.sources.some((r) => (r.kind === 'group' || r.kind === 'org') && HOME_GOVERNMENT.test(refName(r)));

/** A country, or a US state (laws are a state's as often as a country's). */
const jurisdiction = (p: PlaceDraft) => p.kind === 'COUNTRY' || gazetteerCandidates(p.name).some((c) => c.kind === 'REGION' && c.usState !== null);

// "Syrian refugees", "Mexican immigrants": people who left the country; the story is where they went.
const AWAY_FROM_HOME = String.raw`\s+(?:[a-z]+\s+)?(?:refugees?|migrants?|immigrants?|asylum[ -]seekers?|exiles?|expatriates?|emigrants?|diaspora)\b`;

/**
 * The country (or US state) an article is about: named (or its people named, or its dateline in it, which counts
 * twice) at least three times, and more than all others together.
 */
export function articleCountry(text: string, index: EntityIndexLocal, dateline: string | null = null): PlaceDraft | null {
  const counts = new Map<PlaceDraft, number>();
  const datelineCountry = dateline ? countryOf(dateline.split(',')[0].trim().toLowerCase().replace(/(^|\s)\p{L}/gu, (x) => x.toUpperCase())) : null;
  const home = datelineCountry ? index.places.find((p) => p.kind === 'COUNTRY' && p.name === datelineCountry) : undefined;
  if (home) counts.set(home, 2);
  for (const p of index.placeSpans) {
    const country = jurisdiction(p.place) ? p.place : null;
    if (country) counts.set(country, (counts.get(country) ?? 0) + 1);
  }
  for (const [demonym, name] of DEMONYMS) {
    const country = index.places.find((p) => p.kind === 'COUNTRY' && p.name === name);
    if (!country) continue;
    const n = [...text.matchAll(new RegExp(`\\b${demonym}s?\\b(?!${AWAY_FROM_HOME})`, 'g'))].length;
    if (n) counts.set(country, (counts.get(country) ?? 0) + n);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const total = ranked.reduce((s, [, n]) => s + n, 0);
  return ranked.length && ranked[0][1] >= 3 && ranked[0][1] > total - ranked[0][1] ? ranked[0][0] : null;
}

/**
 * Events without a place that the article's setting places: elections, laws and the acts of an unnamed
 * government in the country (or US state) the article is about; the matches of a sports report at the one place its other matches
 * give ("at the Dubai Tennis Championships … faces Andreev in the last 16"). `sentences` are read for the places written
 * where an event is named again (event-place-mentions.ts).
 */
export function placeByArticleCountry(events: TypedEventDraft[], text: string, index: EntityIndexLocal, sentences: Sentence[], dateline: string | null, published: string | null = null): void {
  // Speech acts are each their own: a repetition of "attacked" is another attack.
  placeByBareMentions(events.filter((e) => !SAID.has(e.type)), text, index, sentences, published);
  placeHere(events, text, index, dateline ?? datelineInText(text));
  placeByDateline(events, text, index, dateline ?? datelineInText(text), published);
  const pending = events.filter((e) => !e.place && SETTLED_BY_COUNTRY(e));
  const country = pending.length ? articleCountry(text, index, dateline) : null;
  if (country) for (const e of pending) e.place = country;
  const venues = new Set(events.filter((e) => e.type === 'SPORT' && e.place).map((e) => e.place!));
  if (venues.size === 1) for (const e of events) if (e.type === 'SPORT' && !e.place) e.place = [...venues][0];
}

// "HEMPSTEAD, N.Y. ― If it worked…", "MIDWAY ATOLL - Seventy-four years ago…", "HEMPSTEAD, N.Y., Sept. 26 (UPI) — …":
// a dateline opening a paragraph of the lead, when the parser found none (it reads only the first paragraph, and
// not every dash).
const TEXT_DATELINE = /(?:^|\n)([A-Z][A-Z.'\- ]{1,40}[A-Z])((?:,\s*[A-Z][A-Za-z.]{1,12}){0,2})(?:,?\s+[A-Z][a-z]{2,4}\.? \d{1,2})?(?:\s*\([A-Z]{2,8}\))?\s*(?::|\s[-–—―]{1,2})\s+(?=\S)/;
const DATELINE_CHARS = 800;

/** A dateline written at the start of one of the lead's paragraphs, as "CITY, Qualifier", or null. */
export function datelineInText(text: string): string | null {
  const m = TEXT_DATELINE.exec(text.slice(0, DATELINE_CHARS));
  return m ? `${m[1]}${m[2]}`.trim() : null;
}

// What happens where the reporter files from: meetings, debates, protests, matches, arrests, attacks, and
// what is said there, on the news day. Not a company's deals or results (datelined where the wire's office is:
// "NEW YORK, March 23 - … bought a stake"), nor aid, appointments or acts done on paper.
// An accusation is made where its speaker is, which the dateline gives only when the sentence puts it at an
// occasion held there ("during the first presidential debate"): "North Korea launched a blistering attack on
// Pompeo" in a story datelined MOSCOW was not made in Moscow.
const AT_DATELINE = new Set(['CONSULT', 'ELECTION', 'PROTEST', 'SPORT', 'ASSAULT', 'COERCE', 'DISASTER', 'MOBILIZE']);
const AT_OCCASION = /\b(?:during|at|in)\s+(?:the|a|an|his|her|their|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's|Sunday's)\s+(?:[\w-]+\s+){0,3}?(?:debate|forum|rally|conference|summit|meeting|speech|hearing|session|convention|town hall)\b/i;
const saidAtOccasion = (text: string, e: TypedEventDraft) => e.type === 'ACCUSE' && e.sentences.some((s) => AT_OCCASION.test(text.slice(s.start, s.end)));

// "Obama flew here to swim with monk seals", "will meet here on March 11", "the two-day meeting here": "here" right
// after the trigger (a few lower-case words between, no clause break, not the reporter's "said here") is where the
// reporter files from.
const HERE_AFTER = /^\s+(?:(?!said\b|says\b|told\b|reported\b)[a-z]+\s+){0,4}?here\b/;

/** Events written as happening "here": at the dateline's place, over any place their sentences name. */
function placeHere(events: TypedEventDraft[], text: string, index: EntityIndexLocal, dateline: string | null): void {
  if (!dateline) return;
  const here = events.filter((e) => e.mentions.some((m) => HERE_AFTER.test(text.slice(m.end, m.end + 50))));
  if (!here.length) return;
  const place = datelinePlace(index, dateline, true);
  if (place) for (const e of here) e.place = place;
}

/**
 * The dateline's city as a place of the article: one the article names, else a gazetteer city; with `anyName`, else
 * the place the dateline names whatever it is ("MIDWAY ATOLL").
 */
function datelinePlace(index: EntityIndexLocal, dateline: string, anyName = false): PlaceDraft | null {
  const city = dateline.split(',')[0].trim().toLowerCase().replace(/(^|[\s-])\p{L}/gu, (x) => x.toUpperCase());
  if (city.length < 3) return null;
  const named = index.places.find((p) => p.name.toLowerCase() === city.toLowerCase());
  if (named) return named;
  const known = gazetteerCandidates(city).find((c) => c.kind === 'CITY');
  if (!known && !anyName) return null;
  const place: PlaceDraft = { name: city, kind: known ? 'CITY' : 'OTHER', country: null, aliases: new Set(), roles: new Set(), mentions: [] };
  index.places.push(place);
  return place;
}

/**
 * Events the text leaves without a place that happened on the news day (src/extract/events/event-setting.ts:
 * the day the lead gives, else the report's) in an article with a city dateline: at the dateline ("HEMPSTEAD,
 * N.Y. ― The Democratic nominee aggressively attacked her opponent … during the first presidential debate
 * Monday night").
 */
function placeByDateline(events: TypedEventDraft[], text: string, index: EntityIndexLocal, dateline: string | null, published: string | null): void {
  if (!dateline || !published) return;
  const day = newsDay(text, published) ?? published.slice(0, 10);
  // A sentence naming any place may put the event there or elsewhere ("Rha leaves today for Ottawa for trade talks",
  // "a roundtable meeting with Orlando community leaders"): only a sentence naming none is read as the dateline's.
  // (A country named as an actor, "five principles Canada wanted adopted", says who, not where: a country counts when
  // written as a location, "in Japan", "a visit to China"; a city or venue however it is written, "Orlando community leaders".)
  const locates = (p: { start: number; place: PlaceDraft }) => {
    if (p.place.kind !== 'COUNTRY') return true;
    const before = text.slice(Math.max(0, p.start - 40), p.start);
    return LOCATIVE.test(before) || DESTINATION.test(before);
  };
  const namesPlace = (e: TypedEventDraft) => e.sentences.some((s) => index.placeSpans.some((p) => p.start >= s.start && p.end <= s.end && locates(p)));
  // A meeting the report gives no time ("told delegates at the informal meeting of trade ministers") is the one the
  // reporter attends, dated by the report: held at the dateline too.
  const onNewsDay = (e: TypedEventDraft) => (e.date?.precision === 'DAY' && !e.date.yearless && e.date.start === day) || (!e.date && e.type === 'CONSULT' && e.mode === 'meeting');
  const pending = events.filter((e) => !e.place && (AT_DATELINE.has(e.type) || saidAtOccasion(text, e)) && onNewsDay(e) && !namesPlace(e));
  if (!pending.length) return;
  const place = datelinePlace(index, dateline);
  if (place) for (const e of pending) e.place = place;
}
