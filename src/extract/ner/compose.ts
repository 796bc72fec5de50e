import type { EntityDraft, EntityIndexLocal, OrgDraft, PlaceDraft } from '../entity-drafts.ts';
import { DEMONYMS, orgInfo, placeInfo } from '../gazetteer.ts';
import { buildEntityIndex } from '../entity-index.ts';
import { FAMILY_FIRST, MORE_NATIONALITY_WORDS, NOT_NAME } from '../lexicon.ts';
import type { Mention, OrganizationKind } from '../types.ts';
import { slug } from '../slug.ts';
import { joinHonorifics } from './honorifics.ts';
import { bracketedFirms, firmShortened, generalFirms, isCompanyName, isTradeName, joinedFirms, withoutTickers } from './firm-names.ts';
import { readAsOrganisations } from './its-organisations.ts';
import { readAsNotPeople } from './firm-cues.ts';
import { inCapitalsTable, namedAsThing, namesAScale } from './not-people.ts';
import { placeNamedAsPerson } from './place-names.ts';
import { genericHead, orgShortened, shortAlias } from './short-org-names.ts';
import { headlineMentions, headlineOnly, titleCaseHeadline } from './headline-names.ts';
import { tagEntities, type TaggedSpan } from './index.ts';
import { firstStartingAt } from '../sorted-spans.ts';

/**
 * One-word spans the model proposes that are never names in a newsroom's graph: the rules' list of
 * capitalised non-names ("Oscar", "Christmas", "May" the month) and common technical acronyms a
 * model trained on 1996 wire copy reads as firms ("PC", "DVD"). Found in the BBC top lists.
 */
const NEVER_ALONE = new Set([...NOT_NAME, ...'PC PCs DVD DVDs CD CDs TV ID MP3 GDP CEO SMS Ltd Inc Corp Co Plc Cie'.split(' ')]);

/** A name of one letter is a fragment of one the model split ("S and P" for Standard and Poor's). */
const neverAlone = (name: string) => NEVER_ALONE.has(name) || name.length === 1;
/**
 * No person: a nationality alone ("British said"), wire copy's currencies ("N.Z. Dlrs", 33 Reuters
 * stories), an interjection opening a spoken turn ("PENCE: Well, look, …") or a stage direction.
 */
const noPerson = (name: string) => DEMONYMS.has(name) || MORE_NATIONALITY_WORDS.has(name) || /\bDlrs?$/.test(name) || INTERJECTIONS.has(name) || STAGE_DIRECTION.test(name);
/** A transcript's stage directions: "(CROSSTALK.)", "(LAUGHTER)", "BEGIN VIDEO CLIP". */
const STAGE_DIRECTION = /^(?:CROSSTALK|LAUGHTER|APPLAUSE|INAUDIBLE|UNINTELLIGIBLE|BEGIN VIDEO CLIP|END VIDEO CLIP|COMMERCIAL BREAK|OFF-MIKE|OFF MIKE)$/;
const INTERJECTIONS = new Set(['Well', 'Yes', 'Yeah', 'Oh', 'Okay', 'OK', 'Sure', 'Wow', 'Hey', 'Look', 'Listen', 'Thanks', 'Please']);

/** The rule/model disagreement policies (docs/extraction.md, "Rules and model together"). */
export type Policy =
  | 'model-type-wins'
  | 'curated-org'
  | 'rule-person-over-model'
  | 'hyphen-two-people'
  | 'rule-only'
  | 'lower-case-org'
  | 'never-alone'
  | 'whole-firm';

/**
 * One place where a policy decided between the rules and the model: the span, the type the rules
 * gave it (null: the rules found nothing there), the model's (null: the model found nothing there)
 * and the type kept (null: dropped). For counting disagreements (src/cli/ner-disagreements.ts).
 */
export interface Decision {
  policy: Policy;
  start: number;
  end: number;
  rule: 'PER' | 'ORG' | 'LOC' | null;
  model: string | null;
  kept: 'PER' | 'ORG' | 'LOC' | null;
  /** hyphen-two-people: the rule people inside the dropped model span. */
  parts?: { start: number; end: number }[];
}

export interface ComposeOptions {
  /** The model's spans (default: the committed model's). */
  spans?: TaggedSpan[];
  trace?: (d: Decision) => void;
}

/**
 * Entities are kept by the key extraction gives them (the slug of the name), so "BAHIA" in a capitals
 * headline and "Bahia" in the body are one entity; the spelling that is not all capitals names it.
 */
function keyed<T extends { name: string; aliases: Set<string> }>(map: Map<string, T>, name: string, create: () => T): T {
  const key = slug(name);
  let e = map.get(key);
  if (!e) map.set(key, (e = create()));
  else if (e.name !== name && e.name === e.name.toUpperCase() && name !== name.toUpperCase()) {
    e.aliases.add(e.name);
    e.name = name;
  }
  return e;
}

/** The organisation kind a name suggests ("… Party" → PARTY); OTHER when it says nothing. */
function kindOf(name: string): OrganizationKind {
  if (/Party$/.test(name)) return 'PARTY';
  if (/Ministry|Department|Office/.test(name)) return 'MINISTRY';
  if (/Times|Post|Journal|News|Telegraph|Guardian|Herald|Reuters|Agency$/.test(name)) return 'MEDIA';
  if (/\b(?:Inc|Corp|Co|Ltd|Plc|PLC|plc|Group|Bank|Airlines|Motors|Holdings|AG|SA|NV)\.?$/.test(name)) return 'COMPANY';
  return 'OTHER';
}

/** Whether spans are in order of their starts (the entity index sorts its lists so). */
function sortedByStart(list: { start: number }[]): boolean {
  for (let k = 1; k < list.length; k++) if (list[k].start < list[k - 1].start) return false;
  return true;
}

/**
 * One of the rules' span lists, asked for each model span: the first with the same bounds, the
 * best covering one. The lists come sorted by start, so both look only near the span (the same
 * answers as a scan of the whole list, which was quadratic in the article's names).
 */
class RuleSpans<T extends { start: number; end: number }> {
  private readonly sorted: boolean;

  constructor(readonly list: T[]) {
    this.sorted = sortedByStart(list);
  }

  /** The first span with exactly these bounds. */
  exact(start: number, end: number): T | undefined {
    const list = this.list;
    if (!this.sorted) return list.find((x) => x.start === start && x.end === end);
    for (let k = firstStartingAt(list, start); k < list.length && list[k].start === start; k++) if (list[k].end === end) return list[k];
    return undefined;
  }

  /** The span whose mention best covers a span (containment either way), if any: the first of the largest overlap. */
  at(start: number, end: number): T | null {
    let best: T | null = null;
    let bestOverlap = 0;
    // A span containing or contained in [start, end) starts at or before `end`: in a sorted list the rest cannot.
    for (const x of this.list) {
      if (this.sorted && x.start > end) break;
      const contains = (x.start <= start && x.end >= end) || (start <= x.start && end >= x.end);
      const overlap = Math.min(x.end, end) - Math.max(x.start, start);
      if (contains && overlap > bestOverlap) {
        best = x;
        bestOverlap = overlap;
      }
    }
    return best;
  }
}

/** The rules' reading of an article, indexed for the model's spans. */
interface RuleReading {
  people: RuleSpans<EntityIndexLocal['personSpans'][number]>;
  orgs: RuleSpans<EntityIndexLocal['orgSpans'][number]>;
  places: RuleSpans<EntityIndexLocal['placeSpans'][number]>;
}

const ruleReading = (rules: EntityIndexLocal): RuleReading => ({ people: new RuleSpans(rules.personSpans), orgs: new RuleSpans(rules.orgSpans), places: new RuleSpans(rules.placeSpans) });

/** The article's entities as they are composed, keyed by slug, with their mentions in text order. */
class Composed {
  readonly people = new Map<string, EntityDraft>();
  readonly orgs = new Map<string, OrgDraft>();
  readonly places = new Map<string, PlaceDraft>();
  readonly personSpans: { start: number; end: number; person: EntityDraft }[] = [];
  readonly orgSpans: { start: number; end: number; org: OrgDraft }[] = [];
  readonly placeSpans: { start: number; end: number; place: PlaceDraft }[] = [];
  /** Model spans kept, with the type kept: what the rules' own finds may not overlap. */
  readonly accepted: { start: number; end: number; type: string }[] = [];
  /** One-word people the model found that the rules did not name: resolved once all full names are known. */
  readonly singles: Mention[] = [];

  constructor(readonly text: string) {}

  mention(start: number, end: number): Mention {
    return { start, end, text: this.text.slice(start, end) };
  }

  person(name: string, from?: EntityDraft): EntityDraft {
    const p = keyed(this.people, name, () => ({ name, aliases: new Set<string>(), roles: new Set<string>(), mentions: [] }));
    if (from) {
      for (const a of from.aliases) p.aliases.add(a);
      for (const r of from.roles) p.roles.add(r);
    }
    return p;
  }

  addPerson(p: EntityDraft, m: Mention): void {
    if (m.text !== p.name) p.aliases.add(m.text);
    p.mentions.push(m);
    this.personSpans.push({ start: m.start, end: m.end, person: p });
  }

  addOrg(name: string, kind: OrganizationKind, m: Mention | null, from?: OrgDraft): OrgDraft {
    const o = keyed(this.orgs, name, () => ({ name, kind, aliases: new Set<string>(), roles: new Set<string>(), mentions: [] }));
    if (from) for (const a of from.aliases) o.aliases.add(a);
    if (m) {
      if (m.text !== o.name) o.aliases.add(m.text);
      o.mentions.push(m);
      this.orgSpans.push({ start: m.start, end: m.end, org: o });
    }
    return o;
  }

  addPlace(p: { name: string; kind: PlaceDraft['kind']; country: string | null }, m: Mention): void {
    const pl = keyed(this.places, p.name, () => ({ name: p.name, kind: p.kind, country: p.country, aliases: new Set<string>(), roles: new Set<string>(), mentions: [] }));
    if (m.text !== p.name) pl.aliases.add(m.text);
    pl.mentions.push(m);
    this.placeSpans.push({ start: m.start, end: m.end, place: pl });
  }
}

const WHITESPACE = /\s/;
/** s.replace(/\s+/g, ' ').trim(); most names have single spaces only and are returned as they are. */
function clean(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 32 ? k === 0 || k === s.length - 1 || s.charCodeAt(k + 1) === 32 : (c < 128 ? c >= 9 && c <= 13 : WHITESPACE.test(s[k]))) return s.replace(/\s+/g, ' ').trim();
  }
  return s;
}

/**
 * One span of the model. Where the model and the rules read the same words differently, the winner
 * was chosen by counting the gold type of those disagreements on the tenth of CoNLL train the model
 * did not learn from (src/cli/ner-disagreements.ts; docs/extraction.md): the model, except that a curated
 * organisation stays one ("Kremlin", "Al Jazeera"; CoNLL calls the White House a place, a newsroom
 * quotes it), a rule person stays a person whatever the model reads there (4 people to 2 where the
 * model says place or MISC, 2 to 2 where it says organisation; on current news the model reads
 * "Kim Jong Un" as a firm), and two names joined by a hyphen stay two people ("Putin-Kim").
 */
function placeModelSpan(c: Composed, s: TaggedSpan, rules: EntityIndexLocal, reading: RuleReading, trace: (d: Decision) => void): void {
  const m = c.mention(s.start, s.end);
  const name = clean(m.text);
  const ro = reading.orgs.exact(s.start, s.end);
  const rp = reading.people.exact(s.start, s.end);
  const rl = reading.places.exact(s.start, s.end);
  const ruleType: Decision['rule'] = rp ? 'PER' : ro ? 'ORG' : rl ? 'LOC' : null;
  const at = { start: s.start, end: s.end, rule: ruleType, model: s.type };
  if (neverAlone(name) || (s.type === 'PER' && noPerson(name))) {
    if (s.type !== 'MISC') trace({ policy: 'never-alone', ...at, kept: null });
    return;
  }
  if (ro && orgInfo(name) && s.type !== 'ORG') {
    trace({ policy: 'curated-org', ...at, rule: 'ORG', kept: 'ORG' });
    c.addOrg(ro.org.name, ro.org.kind, m, ro.org);
    c.accepted.push({ ...s, type: 'ORG' });
    return;
  }
  if (rp && s.type !== 'PER') {
    trace({ policy: 'rule-person-over-model', ...at, rule: 'PER', kept: 'PER' });
    c.addPerson(c.person(rp.person.name, rp.person), m);
    c.accepted.push({ ...s, type: 'PER' });
    return;
  }
  if (!name.includes(' ') && name.includes('-')) {
    const inside = rules.personSpans.filter((x) => x.start >= s.start && x.end <= s.end);
    if (inside.length >= 2) {
      trace({ policy: 'hyphen-two-people', ...at, kept: null, parts: inside.map((x) => ({ start: x.start, end: x.end })) });
      return;
    }
  }
  if (ruleType && ruleType !== s.type) trace({ policy: 'model-type-wins', ...at, kept: s.type === 'MISC' ? null : s.type });
  c.accepted.push(s);
  if (s.type === 'PER') {
    const r = reading.people.at(s.start, s.end);
    if (r) c.addPerson(c.person(r.person.name, r.person), m);
    else if (!name.includes(' ')) c.singles.push(m);
    else c.addPerson(c.person(name), m);
  } else if (s.type === 'ORG') {
    const r = reading.orgs.at(s.start, s.end);
    const known = orgInfo(name);
    if (r && r.start === s.start && r.end === s.end) c.addOrg(r.org.name, r.org.kind, m, r.org);
    else if (known) c.addOrg(known.name, known.kind, m);
    else c.addOrg(name, kindOf(name), m);
  } else if (s.type === 'LOC') {
    const known = placeInfo(name);
    c.addPlace(known ?? { name, kind: 'OTHER', country: null }, m);
  }
}

/**
 * Whether a span overlaps none of a fixed set of spans: the spans sorted by start with the largest end
 * so far, so each question is a binary search rather than a scan of the set.
 */
function overlapTest(spans: { start: number; end: number }[]): (r: { start: number; end: number }) => boolean {
  const sorted = spans.slice().sort((a, b) => a.start - b.start);
  const maxEnd = new Float64Array(sorted.length);
  let max = -Infinity;
  for (let k = 0; k < sorted.length; k++) maxEnd[k] = max = Math.max(max, sorted[k].end);
  return (r) => {
    // The spans starting before r ends; one of them overlaps r when the largest of their ends is past r's start.
    const lo = firstStartingAt(sorted, r.end);
    return lo === 0 || maxEnd[lo - 1] <= r.start;
  };
}

/**
 * What the rules found where the model found nothing stays (on held-out train both such people are
 * right; "Gascoigne", "Agriculture Department"). Organisations written in lower case ("Pyongyang’s
 * foreign ministry", "the US embassy in Moscow") come from the rules alone, around the names the
 * model tagged inside them.
 */
function keepRuleOnly(c: Composed, rules: EntityIndexLocal, trace: (d: Decision) => void): void {
  const free = overlapTest(c.accepted);
  for (const r of rules.personSpans) {
    if (!free(r)) continue;
    trace({ policy: 'rule-only', start: r.start, end: r.end, rule: 'PER', model: null, kept: 'PER' });
    c.addPerson(c.person(r.person.name, r.person), c.mention(r.start, r.end));
  }
  const lowerCaseOrg = (r: { start: number; end: number }) => / (?:ministry|embassy)\b/.test(c.text.slice(r.start, r.end)) && !c.orgSpans.some((o) => o.start < r.end && r.start < o.end);
  for (const r of rules.orgSpans) {
    const isFree = free(r);
    if (!isFree && !lowerCaseOrg(r)) continue;
    trace({ policy: isFree ? 'rule-only' : 'lower-case-org', start: r.start, end: r.end, rule: 'ORG', model: null, kept: 'ORG' });
    c.addOrg(r.org.name, r.org.kind, c.mention(r.start, r.end), r.org);
  }
  for (const r of rules.placeSpans) {
    if (!free(r)) continue;
    trace({ policy: 'rule-only', start: r.start, end: r.end, rule: 'LOC', model: null, kept: 'LOC' });
    c.addPlace(r.place, c.mention(r.start, r.end));
  }
}

/**
 * One-word people: the surname of someone named in full ("Fischler"), or a family name written
 * first ("Kim" → Kim Jong Un); the most mentioned wins, as in the rules.
 */
function resolveSingles(c: Composed): void {
  if (!c.singles.length) return;
  // The people named in full by their last word, and by their first when it is a family name; in the people's order.
  const byWord = new Map<string, EntityDraft[]>();
  const add = (k: string, p: EntityDraft) => {
    const list = byWord.get(k);
    if (list) list.push(p);
    else byWord.set(k, [p]);
  };
  for (const p of c.people.values()) {
    const name = p.name;
    const sp = name.indexOf(' ');
    if (sp < 0) continue;
    const last = name.slice(name.lastIndexOf(' ') + 1);
    const first = name.slice(0, sp);
    add(last, p);
    if (first !== last && FAMILY_FIRST.has(first)) add(first, p);
  }
  for (const m of c.singles) {
    const candidates = byWord.get(m.text);
    let best: EntityDraft;
    if (candidates) {
      best = candidates[0];
      for (let k = 1; k < candidates.length; k++) if (candidates[k].mentions.length > best.mentions.length) best = candidates[k];
    } else best = c.person(m.text);
    c.addPerson(best, m);
  }
}

/**
 * Firms written whole, which the recogniser splits: Reuters' names between angle brackets and names
 * joined by "and", "&" or commas ending in a legal suffix (see firm-names.ts). They are organisations
 * whatever the words inside read as; the model's spans inside them and the rules' finds there give way.
 */
function placeWholeFirms(c: Composed): { start: number; end: number }[] {
  const firms: { start: number; end: number; name: string }[] = bracketedFirms(c.text).map((f) => ({ ...f, name: clean(c.text.slice(f.start, f.end)) }));
  for (const f of [...joinedFirms(c.text), ...generalFirms(c.text)]) if (!firms.some((g) => g.start < f.end && f.start < g.end)) firms.push(f);
  for (const f of firms) {
    const known = orgInfo(f.name);
    c.addOrg(known?.name ?? f.name, known?.kind ?? 'COMPANY', c.mention(f.start, f.end));
    c.accepted.push({ start: f.start, end: f.end, type: 'ORG' });
  }
  return firms;
}

/** Drops a person, returning the spans of its mentions (for the entity it turns out to be). */
function dropPerson(c: Composed, p: EntityDraft): { start: number; end: number }[] {
  c.people.delete(slug(p.name));
  // One pass: the person's spans out (in order), the others kept in place.
  const mentions: { start: number; end: number }[] = [];
  const spans = c.personSpans;
  let kept = 0;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    if (s.person === p) mentions.push(s);
    else spans[kept++] = s;
  }
  spans.length = kept;
  return mentions;
}

/** Moves a person's mentions to an organisation (the person is dropped). */
function personToOrg(c: Composed, p: EntityDraft, org: { name: string; kind: OrganizationKind }): void {
  for (const s of dropPerson(c, p)) c.addOrg(org.name, org.kind, c.mention(s.start, s.end));
}

/** A name ending in "Fund", "Foundation" or "Institute" ("Virginia Conservation Legacy Fund"): a body's. */
const FUND_NAME = /\s(?:Fund|Foundation|Institute)$/;

/**
 * "People" that are firms by their name: a company's legal name ("Northrop Corp"), a name ending in a
 * word of trade ("Lenox Healthcare"), a fund's or foundation's, and the bare word that shortens a
 * company the article names ("Chrysler" beside "Chrysler Corp", "Lenox" beside "Lenox Healthcare";
 * see firm-names.ts).
 */
function retypeFirms(c: Composed): void {
  for (const p of [...c.people.values()]) {
    if (isTradeName(p.name)) personToOrg(c, p, { name: p.name, kind: 'COMPANY' });
    else if (FUND_NAME.test(p.name)) personToOrg(c, p, { name: p.name, kind: 'OTHER' });
  }
  for (const p of [...c.people.values()]) {
    if (isCompanyName(p.name)) personToOrg(c, p, { name: p.name, kind: 'COMPANY' });
    else {
      const firm = firmShortened(p, c.orgs.values());
      if (firm) personToOrg(c, p, firm);
    }
  }
}

/**
 * One-word "people" their article writes as a firm ("oil firm Rosneft", "Chrysler rose 3/8 to
 * 58-5/8", "Renault's stake"; see firm-cues.ts) become companies; those it writes as a thing
 * ("Boogeyman, which …") are dropped.
 */
function retypeFirmsByContext(c: Composed): void {
  const { firms, things } = readAsNotPeople(c.text, [...c.people.values()], c.personSpans, c.orgs.values());
  for (const p of firms) personToOrg(c, p, { name: p.name, kind: 'COMPANY' });
  for (const p of things) dropPerson(c, p);
}

/** "People" whose name is a place's ("Costa Rica", "Beverly Hills"; see place-names.ts) become that place. */
function retypePlaces(c: Composed): void {
  for (const p of [...c.people.values()]) {
    const place = placeNamedAsPerson(p);
    if (place) for (const s of dropPerson(c, p)) c.addPlace(place, c.mention(s.start, s.end));
  }
}

/** People that the text treats as organisations ("Newmont … its shares") become organisations. */
function retypeOrganisations(c: Composed): void {
  for (const p of readAsOrganisations(c.text, [...c.people.values()], c.personSpans, [...c.personSpans, ...c.orgSpans, ...c.placeSpans])) {
    personToOrg(c, p, { name: p.name, kind: kindOf(p.name) });
  }
}

/**
 * One-word organisations that shorten one named in full ("the Bank" → Bank of England) join it; a
 * generic head noun that shortens none ("the Bank" in a story naming no bank) is dropped.
 */
function joinShortOrganisations(c: Composed): void {
  for (const [key, o] of [...c.orgs]) {
    const full = orgShortened(o, c.orgs.values());
    if (!full) {
      if (genericHead(o)) dropOrganisation(c, key, o);
      continue;
    }
    c.orgs.delete(key);
    for (const s of c.orgSpans) if (s.org === o) s.org = full;
    full.mentions.push(...o.mentions);
    full.aliases.add(shortAlias(o.name));
    for (const a of o.aliases) if (a !== o.name) full.aliases.add(a);
    for (const r of o.roles) full.roles.add(r);
  }
}

/**
 * "People" that are no one (see not-people.ts): a scale's name ("the Richter scale"), a word of a wire
 * table written in capitals ("MARINGA NIL") and a name the text gives a thing ("the Louvre accord",
 * "The Court is expected").
 */
function dropNonPeople(c: Composed): void {
  // Each person's spans, grouped once (dropping one person leaves the others' spans as they were).
  const spansOf = new Map<EntityDraft, (typeof c.personSpans)[number][]>();
  for (const s of c.personSpans) {
    const list = spansOf.get(s.person);
    if (list) list.push(s);
    else spansOf.set(s.person, [s]);
  }
  for (const p of [...c.people.values()]) {
    const spans = spansOf.get(p) ?? [];
    if (namesAScale(c.text, p) || inCapitalsTable(c.text, p, spans) || namedAsThing(c.text, p, spans)) dropPerson(c, p);
  }
}

/**
 * A title-case headline's capitalised runs are no names: people and unclassified organisations found
 * only there, under a name the article never writes again, are dropped; the people and organisations
 * the article names after it are found in it by name (full name, or a person's surname).
 */
function readTitleCaseHeadline(c: Composed): void {
  const headline = titleCaseHeadline(c.text);
  if (!headline) return;
  for (const p of [...c.people.values()]) if (headlineOnly(p, headline, c.text)) dropPerson(c, p);
  // An organisation of a known kind keeps a short name ("NY Post", "Democrats"); four words or more are a run.
  for (const [key, o] of [...c.orgs]) if ((o.kind === 'OTHER' || o.name.split(' ').length >= 4) && !orgInfo(o.name) && headlineOnly(o, headline, c.text)) dropOrganisation(c, key, o);
  const taken = () => [...c.personSpans, ...c.orgSpans, ...c.placeSpans];
  // Organisations first: a firm the recogniser also read as a person somewhere ("Wells Fargo") is the firm.
  for (const o of c.orgs.values()) for (const m of headlineMentions(o.name, headline, c.text, taken())) c.addOrg(o.name, o.kind, c.mention(m.start, m.end));
  for (const p of c.people.values()) {
    const parts = p.name.split(' ');
    const names = parts.length > 1 && parts[parts.length - 1].length >= 3 ? [p.name, parts[parts.length - 1]] : [p.name];
    for (const name of names) for (const m of headlineMentions(name, headline, c.text, taken())) c.addPerson(p, c.mention(m.start, m.end));
  }
}

function dropOrganisation(c: Composed, key: string, o: OrgDraft): void {
  c.orgs.delete(key);
  for (let k = c.orgSpans.length - 1; k >= 0; k--) if (c.orgSpans[k].org === o) c.orgSpans.splice(k, 1);
}

/**
 * The entity index of an article from the model's spans and the rules' reading of the same text.
 * The model decides where names are and what they are (PER, ORG, LOC; MISC is dropped); each span
 * takes the identity the rules gave the words there (canonical names, roles and titles split off,
 * surname and "Chairman Kim" aliases, gazetteer kinds and countries). A span the rules did not see
 * becomes an entity of its own; a one-word person takes the full name it shortens. What the rules
 * found where the model found nothing is kept. The exceptions, and the counts on held-out CoNLL
 * train that chose them, are in docs/extraction.md ("Named entities").
 */
export function composeEntities(text: string, rules: EntityIndexLocal, options: ComposeOptions = {}): EntityIndexLocal {
  const trace = options.trace ?? (() => {});
  const c = new Composed(text);
  const reading = ruleReading(rules);
  const firms = placeWholeFirms(c);
  for (const tagged of options.spans ?? tagEntities(text)) {
    const s = withoutTickers(text, tagged);
    if (!s) continue;
    const firm = firms.find((f) => f.start < s.end && s.start < f.end);
    if (firm) trace({ policy: 'whole-firm', start: s.start, end: s.end, rule: null, model: s.type, kept: null });
    else placeModelSpan(c, s, rules, reading, trace);
  }
  keepRuleOnly(c, rules, trace);
  resolveSingles(c);
  joinHonorifics(c.people, c.personSpans);
  retypeOrganisations(c);
  retypeFirms(c);
  retypeFirmsByContext(c);
  retypePlaces(c);
  dropNonPeople(c);
  joinShortOrganisations(c);
  readTitleCaseHeadline(c);
  return buildEntityIndex({
    people: [...c.people.values()],
    organizations: [...c.orgs.values()],
    places: [...c.places.values()],
    personSpans: c.personSpans,
    orgSpans: c.orgSpans,
    placeSpans: c.placeSpans,
    findOrg: (country) => c.orgs.get(slug(country)),
    addGovernment: (country) => c.addOrg(country, 'GOVERNMENT', null),
    addOrganization: (name, kind) => c.addOrg(name, kind, null),
  });
}
