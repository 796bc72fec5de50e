import type { Span } from '../../ingest/types.ts';
import { COUNTRIES, MORE_NATIONALITY_WORDS } from '../lexicon.ts';
import { genderOf } from '../given-names.ts';
import { countryOf, type EntityDraft, type EntityIndexLocal, type OrgDraft } from '../entities.ts';
import { stateFragment } from './state-fragments.ts';
import { isTitleCase } from '../ner/headline-names.ts';

/** Who can act in an event: a person or organisation the extractor found, a country (its government), or a group named in the text. */
export type ActorRef = (
  | { kind: 'person'; entity: EntityDraft }
  | { kind: 'org'; entity: OrgDraft }
  | { kind: 'country'; country: string }
  | { kind: 'group'; name: string }
) & {
  /** The name as written here when it is fuller than the recognised one ("Commission on Presidential Debates" where "Commission" was recognised), or a country's name as written ("Britain", "Pyongyang"). */
  written?: string;
  /** The state an official acts for ("US Secretary of State Mike Pompeo": the United States), as the event coders record it beside the person. */
  actsFor?: ActorRef;
};

export interface ActorSpan {
  start: number;
  end: number;
  ref: ActorRef;
  /** The preposition right before it ("in", "with"), lower case, or ''. */
  prep: string;
  /** A modifier of the name that follows ("US" in "US Secretary of State Mike Pompeo"). */
  modifier: boolean;
  /** A city that is no capital: a destination (its country) for visits and summits, never a party otherwise. */
  placeOnly?: boolean;
  /** A capitalised run no recogniser vouches for (see capitalisedRuns): a party, but no destination. */
  backoff?: boolean;
  /** A pronoun or "the company", resolved when it is read. */
  anaphor?: 'person' | 'org' | 'country' | 'pair' | 'description';
}

const ANTECEDENT_REACH = 600;
// How far back (characters) a he/she still takes the last person named rather than the most named one.
const RECENT = 150;
const RECENT_ORG = 200;
const CAPITALS = new Set(COUNTRIES.map((c) => c.capital).filter(Boolean));
// Collective actors news copy names without a proper name; the words themselves are the actor.
// "The Ugandan government", "the Kuwaiti authorities": a state the country list does not hold, named by its people's adjective
// (MORE_NATIONALITY_WORDS, less the religious and regional words), acts as a group of that name.
const NOT_A_STATE = new Set('Muslim Islamic Catholic Protestant Hindu Sikh Buddhist Shiite Sunni European African Asian Scandinavian Baltic Balkan Caribbean Latin Arab Arabian Soviet Kurdish Palestinian'.split(' '));
const PEOPLE_WORDS = [...MORE_NATIONALITY_WORDS].filter((w) => !NOT_A_STATE.has(w)).join('|');
const GROUPS = new RegExp(String.raw`\b(?:(?:the )?(?:${PEOPLE_WORDS}) (?:government|authorities)|Democrats|Republicans|police|(?:the )?opposition(?: parties)?|environmental groups|protesters|demonstrators|rebels|militants|insurgents|senators|lawmakers|regulators|prosecutors|investigators|environmentalists|the (?:transitional )?government|[A-Z][a-z]+ (?:media|press))\b`, 'g');
// A counted body of people in public roles, the figure and all ("88 generals and admirals", "95 retired generals and
// admirals", "370 economists"): news names such signatories and endorsers by their number. Only roles whose
// holders act in public (not workers, soldiers or victims, who are counted as what happens to them).
const COUNTED_ROLE = '(?:generals|admirals|officers|economists|scientists|lawmakers|legislators|senators|governors|mayors|diplomats|ambassadors|executives|CEOs|historians|scholars|academics|experts|bishops|clergy|rabbis|imams|Nobel laureates|laureates)';
const COUNTED_GROUP = new RegExp(`(?<![\\w.,-])(?:\\d{1,3}(?:,\\d{3})*|[Dd]ozens of|[Hh]undreds of|[Tt]housands of)(?: (?:retired|former|top|senior|leading|prominent|foreign|military|Republican|Democratic|conservative|liberal|American|British|European|national security)){0,2} ${COUNTED_ROLE}(?: and ${COUNTED_ROLE})?\\b`, 'g');
// A legislature's committee named by its chamber ("A House panel voted", "a Senate subcommittee approved"): the
// committee acts, not the whole chamber its name starts with.
const CHAMBER_PANEL = /\b(?:House|Senate|congressional|parliamentary|Commons) (?:panel|committee|subcommittee)\b/g;
// A name, not a ticker: "<Sundor Group Inc>" but not "<CKP>".
const BRACKETED = /<([A-Z][^<>\n]{0,60}[a-z ][^<>\n]{0,60})>/g;
// "the Obama administration": the administration acts, by the name the article gives it.
const ADMINISTRATION = /\b[A-Z][a-z]+ administration\b/g;
const PRONOUNS = /\b(?:he|she|He|She|his|His|her|him|they|They|their|Their|it|It|its|Its|the company|The company|the firm|The firm|the country)\b/g;
// "The Democratic nominee attacked …": a person named by a description, resolved to the person whose title it
// is, else to the person the article names most (describedPerson); not in an apposition ("Clinton, the Democratic nominee").
// "her opponent", "his Republican rival": the other one of a contest, the person named most besides the subject.
// "the president", "the former secretary of state": the one whose title it is (a president's office or aides are not him).
// Only a contest's parties: "the senator", "the billionaire" name too many people to guess whom (measured outside the gold).
const DESCRIPTION = /(?<!,\s)\b(?:[Tt]he (?:(?:Democratic|Republican|GOP|presidential|vice presidential|party[’']s) )+nominee|(?:his|her) (?:(?:Democratic|Republican|GOP) )?(?:opponent|rival)|[Tt]he (?:former )?(?:president|prime minister|secretary of state)(?! of\b| and\b|[’']s? (?:office|aides?|advisers?|spokesm[ae]n)\b|-elect))\b/g;
// "the Russian leader", "the French president": a country's leader named by the office, resolved to the person of the
// article who holds it (see describedLeader). Only the offices one person holds at a time.
const LEADER_OFFICE = '(?:leader|president|prime minister|premier|chancellor|head of state)';
const LEADER_DESCRIPTION = new RegExp(`(?<!,\\s)\\b[Tt]he (${COUNTRIES.map((c) => c.demonym).filter(Boolean).join('|')}) ${LEADER_OFFICE}\\b`, 'g');
// "after the pair held talks", "the two leaders met": the two people named last (see pairBefore).
// "super PACs", "SUVs", "DVDs", "their PCs": an acronym in the plural names a kind of thing or body, no party
// (lawmakers named so are a group as "senators" are: "apologised to MPs").
const CLASS_PLURAL = /^(?!(?:MPs|MEPs|MSPs|MLAs|AMs|TDs)$)[A-Z]{2,}s$/;
/** Whether the actor is a kind named by a plural acronym ("PACs", "SUVs"), not a party. */
export const isKindPlural = (r: ActorRef) => CLASS_PLURAL.test(refName(r));
const PAIR = /\b(?:the pair|the two (?:leaders|men|women|presidents))\b/gi;
const PREP_BEFORE = /\b(in|at|near|from|of|to|for|with|against|by|on|into|between|among|and|than|over|across|inside|outside|during|before|after|under|about|toward|towards|throughout|around|v|vs)\s+(?:the\s+)?$/i;
const FORMER_TITLE_AFTER = /^\s+(?:chairman|chairwoman|chair|chief executive|chief|president|director|head|leader|spokesman|spokeswoman|secretary|treasurer|official|executive|aide|adviser|advisor|employee|staffer|member)\b/;
const TOWN_BEFORE = /\b(in|at|near|outside)\s+[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+){0,2},\s*$/u;
const PLACE_PREP = new Set(['in', 'at', 'near', 'from', 'outside', 'inside', 'across', 'throughout', 'around']);
// A passive's agent may carry a title ("appointed … by President Bill Clinton"): it is still the "by" agent.
const BY_TITLED = /\bby\s+(?:the\s+)?(?:(?:former|then|new|late)\s+)?(?:[A-Z][a-z]+\s+)?(?:President|Prime Minister|Premier|Chancellor|Senator|Sen\.|Rep\.|Gov\.|Governor|Judge|Justice|Gen\.|General|King|Queen|Secretary of State|(?:Foreign |Defen[cs]e |Finance |Trade )?Minister|Secretary|Chairman|Chief Executive)\s+$/;
// Titles of people who act for a state (not a country's singer or striker).
const GOVERNMENT_TITLE = /\b(?:president|prime minister|minister|ministry|secretary|ambassador|envoy|officials?|representative|chancellor|premier|spokes(?:man|woman|person)|national security advis[eo]r|foreign|defen[cs]e)\b/i;
const TITLEISH = /^(?:[’']s)?(?:\s+(?:[A-Z][\p{L}.’'-]*|of|for|the|on|leader|president|minister|secretary|envoy|officials?|ambassador|chairman|chairwoman|representative|foreign|prime|chief|general|senator|governor|special|deputy|former|national|security|advis[eo]r|spokes(?:man|woman|person)|director|communication|communications|campaign|manager|boss|star|singer|striker|coach|captain|nominee|candidate|rival|businessman|professor|scholar))*\s+$/u;

// "US bank Wells Fargo", "China's number one computer maker Lenovo": the country only says where the company is from.
const COMPANY_NOUN = /^(?:[’']s)?\s+(?:[\w-]+\s+){0,3}(?:bank|firm|company|group|giant|maker|carrier|airline|retailer|operator|producer|manufacturer|broadcaster|insurer|chain|conglomerate|rival|unit|subsidiary|supermarket|brewer|carmaker|automaker|publisher|utility|telecoms?)\s+$/i;

/** The actors with the states their officials act for beside them ("Mike Pompeo" → also the United States). */
export function withStates(list: ActorRef[]): ActorRef[] {
  const out = list.slice();
  for (const r of list) if (r.actsFor) out.push(r.actsFor);
  return out;
}

export const refName = (r: ActorRef) => (r.kind === 'person' || r.kind === 'org' ? r.entity.name : r.kind === 'country' ? r.country : r.name);
/** A stable identity for de-duplicating actors. */
export const actorId = (r: ActorRef) => `${r.kind === 'person' ? 'p' : r.kind === 'group' ? 'g' : 'o'}:${r.kind === 'org' && r.entity.kind === 'GOVERNMENT' ? r.entity.name : refName(r)}`;

// "Russian officials", "a Russian deputy foreign minister": people who act for their country's government.
const NOUN_AFTER_DEMONYM = /\b(?:officials?|government|authorities|leaders|diplomats?|forces|troops|military|navy|army|negotiators?|(?:(?:deputy|vice|foreign|prime|defen[cs]e|trade|finance) )*minist(?:er|ry)|ambassador|envoy|embassy)\b/g;
const DEMONYM_BEFORE = /([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:(?:deputy|vice|foreign|prime|defen[cs]e|trade|finance) )*$/;
const DEMONYMS = new Set(COUNTRIES.map((c) => c.demonym));

/** Matches of a global pattern inside the given ranges only (the sentences that hold a trigger). */
// Each range is searched on its own text: a global search from a range's start would run on to
// the end of the article whenever the range holds no match.
// `needs`, when given: words one of which every match holds; a range holding none is not searched.
function* within(re: RegExp, text: string, ranges: Span[], needs?: readonly string[]): Generator<{ index: number; 0: string; 1: string }> {
  for (const r of ranges) {
    const part = text.slice(r.start, r.end);
    if (needs && !needs.some((w) => part.includes(w))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(part); m; m = re.exec(part)) yield { index: r.start + m.index, 0: m[0], 1: m[1] };
  }
}

/** The text a trigger sentence may look back into, as disjoint windows in text order. */
function reachOf(ranges: Span[]): Span[] {
  const out: Span[] = [];
  for (const r of ranges) {
    const w = { start: Math.max(0, r.start - ANTECEDENT_REACH), end: r.end };
    const last = out[out.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else out.push(w);
  }
  return out;
}

/** A membership test for spans met in text order (each list of spans is sorted): a pointer, not a search. */
function nearTest(windows: Span[]): (x: Span) => boolean {
  let w = 0;
  let lastStart = -1;
  return (x) => {
    if (x.start < lastStart) w = 0;
    lastStart = x.start;
    while (w < windows.length && windows[w].end < x.end) w++;
    return w < windows.length && windows[w].start <= x.start;
  };
}

/** "Russian officials" → Russia; "North Korean troops" → North Korea. */
function demonymActors(text: string, ranges: Span[], raw: Omit<ActorSpan, 'prep' | 'modifier'>[]): void {
  for (const m of within(NOUN_AFTER_DEMONYM, text, ranges)) {
    const from = Math.max(0, m.index - 50);
    const d = DEMONYM_BEFORE.exec(text.slice(from, m.index));
    const second = d?.[1].split(' ')[1];
    const name = d ? (DEMONYMS.has(d[1]) ? d[1] : second && DEMONYMS.has(second) ? second : null) : null;
    const country = name ? countryOf(name) : null;
    if (country) raw.push({ start: from + d!.index + (name === d![1] ? 0 : d![1].length - name!.length), end: m.index + m[0].length, ref: { kind: 'country', country } });
  }
}

// A run of capitalised words, with "of", "and", "&", "to" inside ("Stars to Go Inc", "Export & Finance Bank").
const CAPS_RUN = /\b[A-Z][A-Za-z0-9&’'.-]*(?:\s+(?:(?:of|and|&|to|de)\s+)?[A-Z][A-Za-z0-9&’'.-]*)*/g;
const NOT_A_NAME = new Set(
  ('The A An In On At But And If When After Before He She It They We I You Mr Mrs Ms Dr This That These Those His Her Its Their Our Last Next Some Many Both While As For With From By ' +
    'Meanwhile However Also So Yet Now Then There Here What Who Why How One Two Three Four Five Six Seven Eight Nine Ten Several Such Most More Other Another Each Every No Not All Any Even Only Just Since Until Under Over Still Instead ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ' +
    'President Secretary Minister Chairman Senator Governor General Prime Sen Rep Gov Chief Director Spokesman Spokeswoman Former Deputy Vice NOTE Shr Net Qtly Oper Revs Avg Div GMT BST EST EDT PST CET').split(' '),
);

/**
 * Names the recogniser missed ("Fiat had sold GM a stake"): capitalised runs in trigger sentences
 * that no person, organisation or place covers, without the sentence's capitalised first word or
 * a title. Their text is the actor's name; a back-off, so they never displace a recognised name.
 */
/** Whether the text also writes the word in lower case between spaces ("holders" for "Holders"). */
const lowerElsewhere = (text: string, word: string) => /^[A-Z][a-z]+$/.test(word) && text.includes(` ${word.toLowerCase()} `);

/** name.replace(/[.’']+$/, ''), without a pattern tried at every position of the name. */
function withoutTrailingMarks(name: string): string {
  let end = name.length;
  for (let c = name[end - 1]; c === '.' || c === '’' || c === "'"; c = name[end - 1]) end--;
  return end === name.length ? name : name.slice(0, end);
}

/** word.replace(/\.$/, ''). */
const withoutFinalStop = (word: string) => (word.endsWith('.') ? word.slice(0, -1) : word);
/** Small words inside a capitalised run that open no name (/^(?:and|of|to|&|de)$/), and those before a recognised one. */
const RUN_JOINERS = new Set(['and', 'of', 'to', '&', 'de']);
const NAME_JOINERS = new Set(['and', 'to', 'of', '&']);
/** What may stand between a sentence's start and its first word: spaces, quotation marks, a bracket. */
const OPENING = /[\s“"‘'(]/;

/**
 * Whether `start` opens one of the ranges after nothing but OPENING characters: what
 * ranges.some((r) => r.start <= start && /^[\s“"‘'(]*$/.test(text.slice(r.start, start))) asks, without a
 * slice and a pattern per range (a range qualifies when it starts inside the run of such characters before `start`).
 */
function opensRange(text: string, ranges: Span[], start: number): boolean {
  let from = start;
  while (from > 0 && OPENING.test(text[from - 1])) from--;
  for (const r of ranges) if (r.start >= from && r.start <= start) return true;
  return false;
}

function capitalisedRuns(text: string, ranges: Span[], raw: Omit<ActorSpan, 'prep' | 'modifier'>[]): void {
  // Only names inside the searched sentences can overlap a run.
  const taken = raw.filter((x) => ranges.some((r) => x.start < r.end && r.start < x.end)).map((x) => [x.start, x.end] as const);
  for (const m of within(CAPS_RUN, text, ranges)) {
    let start = m.index;
    let name = m[0].endsWith('’s') || m[0].endsWith("'s") ? m[0].slice(0, -2) : m[0];
    if (!/\.\S/.test(name)) name = withoutTrailingMarks(name);
    const words = name.split(/\s+/);
    // A sentence's first word is capitalised by its place: an adverb or participle ("Currently", "Speaking"), or a
    // word the article also writes in lower case ("Holders Manchester United", "Earlier Tuesday"), is no part of a name.
    if (words.length > 1 && opensRange(text, ranges, start) && (/^[A-Z][a-z]+(?:ly|ing)$/.test(words[0]) || lowerElsewhere(text, words[0]))) {
      const w = words.shift()!;
      start = text.indexOf(words[0], start + w.length);
    }
    while (words.length && (NOT_A_NAME.has(withoutFinalStop(words[0])) || RUN_JOINERS.has(words[0]))) {
      const w = words.shift()!;
      start = text.indexOf(words[0] ?? '', start + w.length);
    }
    if (!words.length || start < 0) continue;
    name = words.join(' ');
    let end = start + name.length;
    // "ScanSoft and Gracenote" where Gracenote is recognised: the run stops before the recognised name.
    const hit = taken.find(([a, b]) => a < end && start < b && a > start);
    if (hit) {
      name = text.slice(start, hit[0]).replace(/\s+(?:and|of|to|&|de)?\s*$/, '');
      end = start + name.length;
    }
    if (name.length < 2 || text[start - 1] === '<' || taken.some(([a, b]) => a < end && start < b)) continue;
    // "a Tennessee Republican", "a Michigan Democrat": a member described by state and party, the apposition of a name, no name.
    if (/\s(?:Republican|Democrat)$/.test(name)) continue;
    // "Trouble-hit Mitsubishi Motors", "Cash-strapped …": a hyphenated adjective before a recognised name is no name.
    if (/^[A-Z][a-z]+-[a-z]+$/.test(name)) continue;
    // One capitalised word: not an adjective of nationality or party ("Russian", "Republican"), not
    // hyphenated ("ERP-affiliated", "D-Nev"), and at a sentence start only before a verb ("GM has").
    if (words.length === 1) {
      if (DEMONYMS.has(name) || /^[A-Z][a-z]+(?:an|ish|ese|ic|i)$/.test(name) || /-/.test(name)) continue;
      // A sentence's first word, even after an opening quotation mark ("“Special tax breaks …").
      const atStart = opensRange(text, ranges, start) || /(?::\s+|[“"‘])$/.test(text.slice(Math.max(0, start - 3), start));
      if (atStart && !/^\s+(?:had|has|have|is|was|were|are|said|says|will|would|and|also)\b/.test(text.slice(end, end + 10))) continue;
      // Nor one the article also writes in lower case ("Women are founding their own companies", "NOTE: Current year net"); a
      // quotation's first word counts as a sentence's ("“Symbolically, a higher penalty …”", "“Whilst we accept …”").
      if (atStart && lowerElsewhere(text, name)) continue;
    }
    raw.push({ start, end, ref: { kind: 'group', name }, backoff: true });
  }
}

const MORE_AFTER = /^\s+(?:of|on|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*)*/;
const MORE_BEFORE = /(?:[A-Z][\w’'-]*\s+(?:(?:and|to|of|&)\s+)?)+$/;

/**
 * The full name around a recognised span, when the recogniser cut it short: capitalised words
 * before it ("Earl" Ray Tomblin, "Central and" East European Coalition) and an "of/on/for" phrase
 * of capitalised words after it (Commission "on Presidential Debates"); null when nothing is added.
 */
function writtenName(text: string, start: number, end: number, sentence: Span, person: boolean): string | null {
  // "Earl Ray Tomblin of West Virginia": after a person's name "of" says where from, not who.
  const after = person ? '' : MORE_AFTER.exec(text.slice(end, Math.min(sentence.end, end + 60)))?.[0] ?? '';
  const before = MORE_BEFORE.exec(text.slice(Math.max(sentence.start, start - 40), start))?.[0] ?? '';
  const words = before.trim().split(/\s+/).filter(Boolean);
  while (words.length && (NOT_A_NAME.has(withoutFinalStop(words[0])) || NAME_JOINERS.has(words[0]))) words.shift();
  const lead = words.length ? `${words.join(' ')} ` : '';
  if (!lead && !after) return null;
  return `${lead}${text.slice(start, end)}${after}`.replace(/\s+/g, ' ');
}

/**
 * The article's fuller name for a short one the recogniser kept apart: a one-word name that is the
 * last word of exactly one longer person or organisation ("Romney" → "Mitt Romney"), or an
 * organisation's name that begins exactly one longer organisation's ("Patriot" → "Patriot Coal"),
 * when the longer name is written first.
 * The short form stays the actor's name as written. Null when there is none or several.
 */
function fullerNames(text: string, index: EntityIndexLocal): (e: EntityDraft, kind: 'person' | 'org') => ActorRef | null {
  // Longer names by their last word (any kind) and organisations by their first word, built on first use.
  let byLast: Map<string, ActorRef[]> | null = null;
  let byFirst: Map<string, ActorRef[]> | null = null;
  const add = (m: Map<string, ActorRef[]>, k: string, r: ActorRef) => {
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  };
  const cache = new Map<EntityDraft, ActorRef | null>();
  return (e, kind) => {
    const known = cache.get(e);
    if (known !== undefined) return known;
    if (!byLast || !byFirst) {
      byLast = new Map();
      byFirst = new Map();
      for (const entity of index.people) if (entity.name.includes(' ')) add(byLast, entity.name.slice(entity.name.lastIndexOf(' ') + 1), { kind: 'person', entity });
      for (const entity of index.organizations) {
        if (!entity.name.includes(' ')) continue;
        add(byLast, entity.name.slice(entity.name.lastIndexOf(' ') + 1), { kind: 'org', entity });
        add(byFirst, entity.name.slice(0, entity.name.indexOf(' ')), { kind: 'org', entity });
      }
    }
    const space = e.name.indexOf(' ');
    const byLastWord = space < 0 ? byLast.get(e.name) : undefined;
    const byFirstWord = kind === 'org' ? byFirst.get(space < 0 ? e.name : e.name.slice(0, space)) : undefined;
    // Most names are the only one with their first and last word: nothing to look at.
    if (!byLastWord && !byFirstWord) {
      cache.set(e, null);
      return null;
    }
    const nameOf = (r: ActorRef) => (r as { entity: EntityDraft }).entity.name;
    const words = [
      ...(byLastWord ?? []),
      ...(byFirstWord ? byFirstWord.filter((r) => nameOf(r).length > e.name.length && nameOf(r).startsWith(`${e.name} `)) : []),
    ].filter((r, i, all) => all.findIndex((x) => nameOf(x) === nameOf(r)) === i && (r as { entity: EntityDraft }).entity !== e);
    let found: ActorRef[] = [];
    if (words.length) {
      const first = Math.min(...e.mentions.map((m) => m.start));
      // The full name comes first and the short one refers back to it; a short name used first is a name of its own ("BBC", then "BBC Sport Interactive").
      found = words.filter((r) => {
        const at = text.indexOf(nameOf(r));
        return at >= 0 && at < first;
      });
    }
    const ref = found.length === 1 ? { ...found[0], written: e.name } : null;
    cache.set(e, ref);
    return ref;
  };
}

/**
 * The actor mentions of an article in text order: people, organisations, countries and capitals
 * (a capital speaks for its country), and — inside `ranges`, the sentences that hold a trigger,
 * so that articles pay only for what events read — "Russian officials" (Russia), collective
 * nouns, wire-copy <Company> names and pronouns left to resolve. Overlaps keep the longer span,
 * people before organisations before places.
 */
export function actorSpans(text: string, index: EntityIndexLocal, ranges: Span[]): ActorSpan[] {
  const raw: (Omit<ActorSpan, 'prep' | 'modifier'> & { naming?: boolean })[] = [];
  // Names far before every trigger sentence can be nobody's antecedent: they are left out.
  const windows = reachOf(ranges);
  const near = nearTest(windows);
  const fuller = fullerNames(text, index);
  for (const p of index.personSpans) if (near(p)) raw.push({ start: p.start, end: p.end, ref: fuller(p.person, 'person') ?? { kind: 'person', entity: p.person } });
  // A headline in title case capitalises every word, so its capitalised runs are no names ("Railing Against Trump"):
  // there the recogniser's unclassified organisations are left out (the people the article names elsewhere are found
  // in it by name when entities are composed: ner/headline-names.ts).
  const titled = ranges.filter((r) => isTitleCase(text.slice(r.start, r.end)));
  const inTitled = (x: Span) => titled.some((r) => r.start <= x.start && x.end <= r.end);
  for (const o of index.orgSpans) if (near(o) && !(o.org.kind === 'OTHER' && inTitled(o))) raw.push({ start: o.start, end: o.end, ref: fuller(o.org, 'org') ?? { kind: 'org', entity: o.org } });
  for (const p of index.placeSpans) {
    if (!near(p)) continue;

    const country = p.place.kind === 'COUNTRY' ? p.place.name : p.place.kind === 'CITY' ? (p.place.country ?? countryOf(p.place.name)) : null;
    // "the Paris accord", "the New York venue": a city naming a thing is nobody's party, not even a destination (a modifier).
    const naming = p.place.kind === 'CITY' && /\bthe\s+$/i.test(text.slice(Math.max(0, p.start - 4), p.start)) && /^\s+[a-z]/.test(text.slice(p.end, p.end + 3));
    const capital = p.place.kind !== 'CITY' || CAPITALS.has(p.place.name);
    // The name as written ("Britain", "Pyongyang") stays with the country's government as another of its names.
    const written = text.slice(p.start, p.end);
    if (country) raw.push({ start: p.start, end: p.end, ref: { kind: 'country', country, ...(written !== country ? { written } : {}) }, ...(capital ? {} : { placeOnly: true }), ...(naming ? { naming: true } : {}) });
  }
  demonymActors(text, ranges, raw);
  // Wire copy marks company names with angle brackets ("<Sundor Group Inc> said"): the whole name is the actor.
  for (const m of within(BRACKETED, text, ranges, ['<'])) raw.push({ start: m.index, end: m.index + m[0].length, ref: { kind: 'group', name: m[1] } });
  capitalisedRuns(text, titled.length ? ranges.filter((r) => !titled.includes(r)) : ranges, raw);
  for (const m of within(ADMINISTRATION, text, ranges, [' administration'])) raw.push({ start: m.index, end: m.index + m[0].length, ref: { kind: 'group', name: m[0] } });
  for (const m of within(CHAMBER_PANEL, text, ranges, ['panel', 'committee'])) raw.push({ start: m.index, end: m.index + m[0].length, ref: { kind: 'group', name: m[0] } });
  for (const m of within(COUNTED_GROUP, text, ranges)) raw.push({ start: m.index, end: m.index + m[0].length, ref: { kind: 'group', name: m[0] } });
  for (const m of within(GROUPS, text, ranges)) raw.push({ start: m.index, end: m.index + m[0].length, ref: { kind: 'group', name: m[0].replace(/^the /, '') } });
  for (const m of within(PRONOUNS, text, ranges)) {
    const w = m[0].toLowerCase();
    raw.push({ start: m.index, end: m.index + m[0].length, ref: { kind: 'group', name: w }, anaphor: w === 'he' || w === 'she' || w === 'his' || w === 'her' || w === 'him' ? 'person' : w === 'the country' ? 'country' : 'org' });
  }
  for (const m of within(DESCRIPTION, text, ranges)) raw.push({ start: m.index, end: m.index + m[0].length, ref: { kind: 'group', name: m[0].toLowerCase() }, anaphor: 'description' });
  for (const m of within(LEADER_DESCRIPTION, text, ranges)) raw.push({ start: m.index, end: m.index + m[0].length, ref: { kind: 'group', name: m[0].toLowerCase() }, anaphor: 'description' });
  for (const m of within(PAIR, text, ranges)) raw.push({ start: m.index, end: m.index + m[0].length, ref: { kind: 'group', name: m[0].toLowerCase() }, anaphor: 'pair' });
  raw.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: ActorSpan[] = [];
  // "Hampshire" of "New Hampshire", "Ill" of "Carthage, Ill.": part of a state's name is nobody.
  const names = raw.filter((x) => x.anaphor || !stateFragment(text, x));
  raw.length = 0;
  raw.push(...names);
  const inRange: boolean[] = [];
  let r = 0;
  for (const x of raw) {
    const last = out[out.length - 1];
    if (last && x.start < last.end) continue;
    while (r < ranges.length && ranges[r].end <= x.start) r++;
    const inside = r < ranges.length && ranges[r].start <= x.start;
    // Prepositions and modifiers matter only where roles are read.
    const prep = inside ? (PREP_BEFORE.exec(text.slice(Math.max(0, x.start - 16), x.start))?.[1].toLowerCase() ?? (BY_TITLED.test(text.slice(Math.max(0, x.start - 40), x.start)) ? 'by' : '')) : '';
    const span: ActorSpan = { start: x.start, end: x.end, ref: x.ref, prep, modifier: !!x.naming };
    if (x.anaphor) span.anaphor = x.anaphor;
    if (x.placeOnly) span.placeOnly = true;
    if (x.backoff) span.backoff = true;
    out.push(span);
    inRange.push(inside);
    if (inside && !x.anaphor && x.ref.kind !== 'country') {
      const full = writtenName(text, x.start, x.end, ranges[r], x.ref.kind === 'person');
      if (full) x.ref.written = full;
    }
  }
  const officials = new Map<EntityDraft, ActorRef>();
  for (let i = 0; i + 1 < out.length; i++) {
    const next = out[i + 1];
    if (next.anaphor || out[i].anaphor || next.start - out[i].end >= 60) continue;
    const between = text.slice(out[i].end, next.start);
    // A government title between a country and a person, anywhere in reach: the person acts for that state.
    if (out[i].ref.kind === 'country' && next.ref.kind === 'person' && TITLEISH.test(between) && (GOVERNMENT_TITLE.test(between) || GOVERNMENT_TITLE.test(text.slice(out[i].start, out[i].end)))) officials.set(next.ref.entity, out[i].ref);
    if (!inRange[i + 1]) continue;
    // "US Secretary of State Mike Pompeo", "NATO member Estonia": the first name only qualifies the second.
    // "Thailand's Paradorn Srichaphan", "France's Dassault Aviation": a country owning the name after it only says where it is from.
    if (next.ref.kind === 'person' ? TITLEISH.test(between) : /^\s+(?:member|ally|partner|neighbou?r)\s+$/.test(between) || (out[i].ref.kind === 'country' && (COMPANY_NOUN.test(between) || /^[’']s\s+$/.test(between)))) out[i].modifier = true;
  }
  // "Former DNC chairman calls for …": a former officer acts for nobody, least for the body they left; the body named in
  // their title is no party.
  for (let i = 0; i < out.length; i++) {
    const x = out[i];
    if (!inRange[i] || x.anaphor || x.modifier || (x.ref.kind !== 'org' && x.ref.kind !== 'group')) continue;
    if (/\b[Ff]ormer\s+$/.test(text.slice(Math.max(0, x.start - 8), x.start)) && FORMER_TITLE_AFTER.test(text.slice(x.end, x.end + 30))) x.modifier = true;
  }
  // "killed in Benghazi, Libya, have filed": a country written after a place as its state ("Wismar, Germany") stands
  // where the place does, after the same preposition; it is no subject of the clause.
  for (let i = 0; i < out.length; i++) {
    const prev = out[i - 1];
    if (!inRange[i] || out[i].prep || out[i].ref.kind !== 'country' || out[i].anaphor) continue;
    if (prev && PLACE_PREP.has(prev.prep) && (prev.ref.kind === 'country' || prev.backoff) && /^,\s*$/.test(text.slice(prev.end, out[i].start))) out[i].prep = prev.prep;
    // The town may be one the recogniser does not know ("in Benghazi, Libya").
    else {
      const town = TOWN_BEFORE.exec(text.slice(Math.max(0, out[i].start - 40), out[i].start));
      if (town) out[i].prep = town[1].toLowerCase();
    }
  }
  // Every mention of such an official ("Pompeo", "him" resolved to him) carries the state.
  if (officials.size) for (const x of out) if (x.ref.kind === 'person' && officials.has(x.ref.entity)) x.ref.actsFor = officials.get(x.ref.entity);
  return out;
}

/**
 * The actor a pronoun stands for: the subject of its sentence when that fits and comes before it;
 * else one named just before (see RECENT), else the one named most so far (a person for he/she, an
 * organisation or country for it/they/"the company"; "the country" is the last country); an object ("aid to the country") is never its own sentence's subject. Deliberately shallow: wrong guesses cost one event, not the article.
 */
/** The two different people named last before span `at` (earlier first), or null. */
export function pairBefore(spans: ActorSpan[], at: number): ActorRef[] | null {
  const out: ActorRef[] = [];
  for (let j = at - 1; j >= 0 && out.length < 2; j--) {
    const x = spans[j];
    if (!x.anaphor && !x.modifier && x.ref.kind === 'person' && !out.some((o) => actorId(o) === actorId(x.ref))) out.push(x.ref);
  }
  return out.length === 2 ? out.reverse() : null;
}

const COUNTRY_OF_DEMONYM = new Map(COUNTRIES.filter((c) => c.demonym).map((c) => [c.demonym.toLowerCase(), c]));
const LEADER_NAME = new RegExp(`^the (.+) ${LEADER_OFFICE}$`);
// A title that ties its holder to a country: its name, its demonym or its capital.
const tiedTo = (role: string, c: (typeof COUNTRIES)[number]) => [c.name, c.demonym, c.capital, ...c.aliases].some((w) => w && role.includes(w));

/**
 * The person "the Russian leader" names: the one whose title is an office of that country ("Russian President"),
 * else, of the people whose titles tie them to no other country, the one named most often within a sentence's
 * reach of the country's name (a leader is written beside their state: "visit Russia for talks with Vladimir
 * Putin", "the Kremlin said Putin"); null when two are level.
 */
function describedLeader(spans: ActorSpan[], at: number, c: (typeof COUNTRIES)[number], skip: Set<string>): ActorRef | null {
  const office = /\b(?:[Ll]eader|[Pp]resident|[Pp]rime [Mm]inister|[Pp]remier|[Cc]hancellor|[Kk]ing|[Qq]ueen)\b/;
  const near = new Map<string, { n: number; ref: ActorRef }>();
  const titled = new Map<string, ActorRef>();
  for (let i = 0; i < spans.length; i++) {
    const x = spans[i];
    if (x.anaphor || x.modifier || x.ref.kind !== 'person' || skip.has(actorId(x.ref))) continue;
    const roles = [...x.ref.entity.roles];
    const id = actorId(x.ref);
    if (roles.some((r) => office.test(r) && tiedTo(r, c)) || (x.ref.actsFor?.kind === 'country' && x.ref.actsFor.country === c.name && roles.some((r) => office.test(r)))) titled.set(id, x.ref);
    const elsewhere = roles.some((r) => COUNTRIES.some((o) => o !== c && tiedTo(r, o))) || (x.ref.actsFor?.kind === 'country' && x.ref.actsFor.country !== c.name);
    if (elsewhere || i > at) continue;
    const beside = (y: ActorSpan) => y.ref.kind === 'country' && y.ref.country === c.name && Math.abs(y.start - x.start) < 120;
    let k = i - 1;
    while (k >= 0 && x.start - spans[k].start < 120 && !beside(spans[k])) k--;
    let j = i + 1;
    while (j < spans.length && spans[j].start - x.start < 120 && !beside(spans[j])) j++;
    if ((k >= 0 && beside(spans[k])) || (j < spans.length && beside(spans[j]))) near.set(id, { n: (near.get(id)?.n ?? 0) + 1, ref: x.ref });
  }
  if (titled.size === 1) return [...titled.values()][0];
  if (titled.size > 1) return null;
  const ranked = [...near.values()].sort((a, b) => b.n - a.n);
  return ranked.length && (ranked.length === 1 || ranked[0].n > ranked[1].n) ? ranked[0].ref : null;
}

/** The person a description names: the one whose title holds its words ("Democratic nominee"), else the one named most before it. */
export function describedPerson(spans: ActorSpan[], at: number, exclude: ActorRef[] = []): ActorRef | null {
  const name = spans[at].ref.kind === 'group' ? (spans[at].ref as { name: string }).name : '';
  const leaderOf = LEADER_NAME.exec(name);
  const country = leaderOf ? COUNTRY_OF_DEMONYM.get(leaderOf[1]) : undefined;
  // A leader the article does not name ("met with the Mexican president") is the country acting through its government.
  if (country) return describedLeader(spans, at, country, new Set(exclude.map(actorId))) ?? { kind: 'country', country: country.name };
  // A rival's title is not written as such: it is the person named most who is not the subject.
  const words = /\b(?:opponent|rival)$/.test(name) ? [] : name.replace(/^the /, '').split(' ');
  const skip = new Set(exclude.map(actorId));
  const counts = new Map<string, { n: number; ref: ActorRef; titled: boolean }>();
  for (let i = 0; i < at; i++) {
    const x = spans[i];
    if (x.anaphor || x.modifier || x.ref.kind !== 'person' || skip.has(actorId(x.ref))) continue;
    const roles = [...x.ref.entity.roles].map((r) => r.toLowerCase());
    const titled = words.length > 0 && roles.some((r) => words.every((w) => r.includes(w)));
    const id = actorId(x.ref);
    counts.set(id, { n: (counts.get(id)?.n ?? 0) + 1, ref: x.ref, titled: titled || !!counts.get(id)?.titled });
  }
  const all = [...counts.values()];
  const titled = all.filter((c) => c.titled);
  if (titled.length === 1) return titled[0].ref;
  let best: { n: number; ref: ActorRef } | null = null;
  for (const c of titled.length ? titled : all) if (!best || c.n > best.n) best = c;
  return best?.ref ?? null;
}

// Where the sentence before a position opens: after the last full stop, question or exclamation mark followed by a capital.
const SENTENCE_END = /[.!?][”"’)]?\s+(?=[“"‘(]?[A-Z])/g;
// A name that opens its clause, after at most "the" and capitalised words the recogniser left out ("the Central and East European Coalition").
const OPENS_CLAUSE = /(?:^|[;:]\s+|,\s+(?:but|and|while|whereas|yet)\s+)[“"‘(]?(?:[Tt]he\s+)?(?:[A-Z][\p{L}’'-]*\s+(?:and\s+)?)*$/u;

/**
 * The organisation or country that opens the last clause of the sentence before `sentenceStart` as its subject, or
 * null: "…, but the Central and East European Coalition … wants to preserve its policy. Recently, however, it issued a
 * paper welcoming …" — a subject pronoun continues the subject just before it (the centre of the discourse) rather
 * than the party the article names most.
 */
function previousSubject(text: string, spans: ActorSpan[], at: number, sentenceStart: number): ActorRef | null {
  const from = Math.max(0, sentenceStart - 500);
  const window = text.slice(from, Math.max(from, sentenceStart - 2));
  let prevStart = -1;
  for (const m of window.matchAll(SENTENCE_END)) prevStart = from + m.index + m[0].length;
  if (prevStart < 0) return null;
  let subject: ActorSpan | null = null;
  for (let i = at - 1; i >= 0 && spans[i].start >= prevStart; i--) {
    const x = spans[i];
    if (x.start >= sentenceStart || !OPENS_CLAUSE.test(text.slice(prevStart, x.start))) continue;
    subject = x;
    break;
  }
  if (!subject || subject.anaphor || subject.modifier || subject.placeOnly || subject.ref.kind === 'person') return null;
  // Names are completed only in trigger sentences (actorSpans); this one is read from the sentence before.
  const full = subject.ref.kind === 'country' || subject.ref.written ? null : writtenName(text, subject.start, subject.end, { start: prevStart, end: sentenceStart }, false);
  return full ? { ...subject.ref, written: full } : subject.ref;
}

export function resolveAnaphor(spans: ActorSpan[], at: number, sentenceStart: number, asObject = false, text?: string): ActorRef | null {
  const a = spans[at];
  if (a.anaphor === 'description') return describedPerson(spans, at);
  const want = a.anaphor!;
  if (want === 'pair') return null;
  // "he hit back at Labour claims … Mrs Dixon": "he" is no woman, "she" no man (by the given name's listed gender).
  const pronoun = refName(a.ref).toLowerCase();
  const unlike = /^(?:he|him|his|himself)$/.test(pronoun) ? 'female' : /^(?:she|her|hers|herself)$/.test(pronoun) ? 'male' : null;
  const fits = (s: ActorSpan) => !s.anaphor && !s.modifier && !s.placeOnly && (want === 'person' ? s.ref.kind === 'person' && !(unlike && genderOf(refName(s.ref)) === unlike) : s.ref.kind !== 'person');
  for (let i = 0; i < at && !asObject; i++) {
    const s = spans[i];
    if (s.start < sentenceStart) continue;
    if (fits(s) && !s.prep) return s.ref;
    break;
  }
  if (want === 'country') {
    for (let i = at - 1; i >= 0; i--) if (spans[i].ref.kind === 'country' && !spans[i].placeOnly) return spans[i].ref;
    return null;
  }
  // "the country would declare its intention": an "its" takes the organisation or country its own sentence named as a subject before it.
  if (want === 'org' && !asObject) {
    for (let i = at - 1; i >= 0 && spans[i].start >= sentenceStart; i--) {
      const x = spans[i];
      if (x.prep || x.modifier || x.placeOnly || x.ref.kind === 'person' || x.anaphor === 'person') continue;
      return x.anaphor ? resolveAnaphor(spans, i, sentenceStart) : x.ref;
    }
  }
  if (want === 'org' && !asObject && text) {
    const subject = previousSubject(text, spans, at, sentenceStart);
    // "Belgium, Britain and France are candidates … The company is negotiating": a company is no country.
    const company = /^the (?:company|firm)$/.test(refName(a.ref));
    if (subject && !(company && subject.kind === 'country')) return subject;
  }
  // A name after a preposition in the pronoun's own sentence is rarely its antecedent ("Campaigning against Romney, he …").
  const candidate = (s: ActorSpan) => fits(s) && !(want === 'person' && s.start >= sentenceStart && s.prep);
  // For he/she the person just named unless long gone ("his invasions" right after Putin); otherwise the one the story is
  // about, named most so far ("The company also said it …"; measured: recency does not help for "it"); on a tie the
  // latest person, but the first organisation (wire copy names its subject company first).
  for (let i = at - 1; i >= 0 && a.start - spans[i].end < (want === 'person' ? RECENT : 0); i--) if (candidate(spans[i])) return spans[i].ref;
  const counts = new Map<string, { n: number; ref: ActorRef }>();
  for (let i = 0; i < at; i++) {
    if (!candidate(spans[i])) continue;
    const id = actorId(spans[i].ref);
    counts.set(id, { n: (counts.get(id)?.n ?? 0) + 1, ref: spans[i].ref });
  }
  let best: { n: number; ref: ActorRef } | null = null;
  for (const c of counts.values()) if (!best || (want === 'person' ? c.n >= best.n : c.n > best.n)) best = c;
  return best?.ref ?? null;
}
