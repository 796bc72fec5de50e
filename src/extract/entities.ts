import type { EntityDraft, EntityIndexLocal, OrgDraft, PlaceDraft } from './entity-drafts.ts';
import type { Mention, OrganizationKind } from './types.ts';
import { FAMILY_FIRST, NOT_NAME, ORG_SUFFIXES, PERSONAL_TITLES, TITLE_WORDS } from './lexicon.ts';
import { COUNTRY_BY_NAME, countryOf, DEMONYMS, ORG_LOOKUP, PLACE_LOOKUP } from './gazetteer.ts';
import { DESCRIPTORS, isGivenName, opensWithGivenName } from './given-names.ts';
import { buildEntityIndex } from './entity-index.ts';
import { composeEntities } from './ner/compose.ts';

// The draft types live in entity-drafts.ts (so the index and the model composition need not import
// this module back); re-exported here for the stages that take them with the finder.
export type { EntityDraft, EntityIndexLocal, OrgDraft, PlaceDraft } from './entity-drafts.ts';

interface Word {
  text: string;
  start: number;
  end: number;
  possessive: boolean;
}

// The gazetteer look-ups live in gazetteer.ts; these re-exports keep the extraction's imports short.
export { COUNTRY_BY_NAME, countryOf, orgInfo, placeInfo } from './gazetteer.ts';

const CONNECTORS = new Set(['of', 'for', 'de', 'bin', 'al', 'van', 'von', 'da', 'del', 'la', 'le', 'du', 'der']);
/** Starts with a capital (A–Z or a Latin-1 capital, U+00C0–U+00DE). */
const isCap = (w: string) => isCapAt(w, 0);
function isCapAt(w: string, at: number): boolean {
  const c = w.charCodeAt(at);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
}

/** Characters trimmed from the end of a word (full stop, hyphen, apostrophes), and the apostrophes of ’s. */
const TRIMMED_LAST = new Set([...".-’'"].map((c) => c.charCodeAt(0)));
const APOSTROPHES = new Set([..."’'"].map((c) => c.charCodeAt(0)));

/**
 * Whether a code point is a letter or a mark (\p{L}\p{M}), for the characters past ASCII: read once
 * per BMP code point (a table of 64 Ki bytes: 0 unread, 1 yes, 2 no), the few astral ones by the pattern.
 */
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const BMP_LETTER = new Uint8Array(0x10000);
function isLetterOrMark(cp: number): boolean {
  if (cp > 0xffff) return LETTER_OR_MARK.test(String.fromCodePoint(cp));
  let v = BMP_LETTER[cp];
  if (v === 0) BMP_LETTER[cp] = v = LETTER_OR_MARK.test(String.fromCharCode(cp)) ? 1 : 2;
  return v === 1;
}
const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
/** The code point at i when it is a letter or mark: its width in code units (1 or 2), else 0. */
function letterWidth(text: string, i: number, c: number): number {
  if (c < 0x80) return isAsciiLetter(c) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) return isLetterOrMark(cp) ? 2 : 0;
  }
  return isLetterOrMark(c) ? 1 : 0;
}
const ABBREVIATION_DOTS = /^(?:[A-Z]\.)+$/;
const TITLE_DOT = /^(?:Mr|Mrs|Ms|Dr|Gen|St|Jr)\.$/;

/**
 * Words of the text with offsets; possessive ’s is split off. A word is what
 * /[\p{L}\p{M}][\p{L}\p{M}\d.’'\-]*\/gu matches, read by one scan of the characters (the pattern
 * with its Unicode classes was a tenth of the rules' time).
 */
function words(text: string): Word[] {
  const out: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const first = letterWidth(text, i, text.charCodeAt(i));
    if (first === 0) {
      i++;
      continue;
    }
    const index = i;
    i += first;
    while (i < n) {
      const c = text.charCodeAt(i);
      if ((c >= 48 && c <= 57) || c === 46 || c === 0x2019 || c === 39 || c === 45) i++;
      else {
        const width = letterWidth(text, i, c);
        if (width === 0) break;
        i += width;
      }
    }
    let w = text.slice(index, i);
    let end = i;
    // Last-character tests first: a regular expression anchored at the end scans the whole word,
    // and most words end in a letter.
    while (TRIMMED_LAST.has(w.charCodeAt(w.length - 1)) && !ABBREVIATION_DOTS.test(w) && !TITLE_DOT.test(w)) {
      w = w.slice(0, -1);
      end--;
    }
    let possessive = false;
    if (w.length > 2 && w.charCodeAt(w.length - 1) === 115 && APOSTROPHES.has(w.charCodeAt(w.length - 2))) {
      w = w.slice(0, -2);
      end -= 2;
      possessive = true;
    }
    if (!w) continue;
    // "Putin-Kim": two names joined by a hyphen are two mentions; "Janet Street-Porter" is one surname
    // (a capitalised word precedes it), "Jean-Marc Ayrault" one given name (two given names before a
    // capitalised word). Only words with exactly one hyphen qualify.
    const dash = w.indexOf('-');
    if (dash > 1 && dash < w.length - 2 && w.indexOf('-', dash + 1) < 0 && isCap(w) && isCapAt(w, dash + 1)) {
      const prevWord = out[out.length - 1];
      const afterName = prevWord && isCap(prevWord.text) && prevWord.end === index - 1 && text[prevWord.end] === ' ';
      if (!afterName && !compoundGivenName(w, dash, text, end)) {
        out.push({ text: w.slice(0, dash), start: index, end: index + dash, possessive: false });
        out.push({ text: w.slice(dash + 1), start: index + dash + 1, end, possessive });
        continue;
      }
    }
    out.push({ text: w, start: index, end, possessive });
  }
  return out;
}

/** "Jean-Marc" in "Jean-Marc Ayrault": both halves given names and a capitalised word right after. */
function compoundGivenName(w: string, dash: number, text: string, end: number): boolean {
  return text[end] === ' ' && isCap(text[end + 1] ?? '') && isGivenName(w.slice(0, dash)) && isGivenName(w.slice(dash + 1));
}

/** Maximal runs of capitalised words (allowing "of", "for"… inside), split at punctuation. */
function capitalRuns(text: string, ws: Word[]): Word[][] {
  const runs: Word[][] = [];
  let cur: Word[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    const prev = cur.length ? cur[cur.length - 1] : undefined;
    // Runs continue only across a single space after a word that is not possessive.
    if (prev && (prev.possessive || w.start !== prev.end + 1 || text.charCodeAt(prev.end) !== 32)) cur = flushRun(runs, cur);
    if (isCap(w.text)) cur.push(w);
    else if (cur.length && (CONNECTORS.has(w.text) || w.text === 'and') && ws[i + 1] && isCap(ws[i + 1].text)) cur.push(w);
    else if (cur.length) cur = flushRun(runs, cur);
  }
  flushRun(runs, cur);
  return runs;
}

/** Ends a run (without its trailing connectors): kept when a capitalised word is left; a fresh run to fill next. */
function flushRun(runs: Word[][], cur: Word[]): Word[] {
  while (cur.length && !isCap(cur[cur.length - 1].text)) cur.pop();
  if (!cur.length) return cur;
  runs.push(cur);
  return [];
}

// Every segment has the same three fields (value undefined but for gazetteer names): one object shape for the code reading them.
type Segment = { kind: 'place' | 'org' | 'demonym' | 'title' | 'word' | 'connector'; words: Word[]; value: string | undefined };

/** The first words of the names segment() looks up (words hold no space, so a phrase's first word is its first word). */
const GAZETTEER_FIRST_WORDS = new Set([...ORG_LOOKUP.keys(), ...PLACE_LOOKUP.keys(), ...DEMONYMS.keys()].map((k) => k.split(' ')[0]));

function segment(run: Word[]): Segment[] {
  const segs: Segment[] = [];
  let i = 0;
  while (i < run.length) {
    let matched: Segment | null = null;
    // A word that opens no gazetteer name (most) starts no phrase worth building.
    if (GAZETTEER_FIRST_WORDS.has(run[i].text)) {
      // Up to five words, none possessive but the last ("Russia’s Foreign Ministry" is not one name).
      const phrases: string[] = [];
      for (let k = i; k < Math.min(i + 5, run.length); k++) {
        phrases.push(k === i ? run[k].text : `${phrases[phrases.length - 1]} ${run[k].text}`);
        if (run[k].possessive) break;
      }
      for (let len = phrases.length; len >= 1 && !matched; len--) {
        const s = phrases[len - 1];
        const kind = ORG_LOOKUP.has(s) ? 'org' : PLACE_LOOKUP.has(s) ? 'place' : DEMONYMS.has(s) ? 'demonym' : null;
        if (kind) matched = { kind, words: run.slice(i, i + len), value: s };
      }
    }
    if (!matched) {
      const w = run[i];
      if (CONNECTORS.has(w.text) || w.text === 'and') matched = { kind: 'connector', words: [w], value: undefined };
      else if (TITLE_WORDS.has(w.text) || (w.text.endsWith('.') && TITLE_WORDS.has(w.text.slice(0, -1)))) matched = { kind: 'title', words: [w], value: undefined };
      else matched = { kind: 'word', words: [w], value: undefined };
    }
    segs.push(matched);
    i += matched.words.length;
  }
  return segs;
}

const ROLE_NOUNS = 'leader|leaders|official|officials|adviser|advisers|advisor|advisors|envoy|minister|spokesman|spokeswoman|spokesperson|president|chairman|secretary|director|chief|diplomat|representative|ambassador|premier|chancellor|governor|senator|general|commander|boss|manager|coach|executive|analyst|economist|editor|founder|spokesman|captain|striker|singer|actor|actress|star|head|negotiator|aide|candidate|lawmaker|mayor|president-elect|nominee|host|player|champion|chairwoman|dictator|strongman|frontrunner|front-runner|rival|counterpart';
const ROLE_BEFORE = new RegExp(`((?:(?:[A-Z][\\p{L}’'.-]*|the|a|an|former|deputy|vice|acting|senior|top|chief|special|presidential|national|foreign|defence|defense|security|prime|state|party|opposition|economic|trade|finance|justice|health|home)\\s+){0,5}(?:${ROLE_NOUNS})(?:\\s+(?:for|of|on)\\s+(?:the\\s+)?[\\p{L}]+(?:\\s+[\\p{L}]+)?)?)\\s*(?:,\\s*)?$`, 'iu');
// Every ROLE_BEFORE match contains a role noun: strings without one (most) skip the expensive search.
const ANY_ROLE_NOUN = new RegExp(`(?:${ROLE_NOUNS})`, 'iu');
// And ends with the role noun's own tail: a role noun (its optional "for/of/on" phrase) at the very
// end. Most strings with a role noun inside a word ("ahead", "started") fail this cheaper test (on BBC
// 2,332 of 8,303 pass it, every one of them a ROLE_BEFORE match).
const ROLE_TAIL = new RegExp(`(?:${ROLE_NOUNS})(?:\\s+(?:for|of|on)\\s+(?:the\\s+)?[\\p{L}]+(?:\\s+[\\p{L}]+)?)?\\s*(?:,\\s*)?$`, 'iu');
const ROLE_AFTER = new RegExp(`^,\\s+((?:the |a |an |his |her )?(?:[\\p{L}’'-]+\\s+){0,3}?(?:${ROLE_NOUNS})\\b[^,;:.“”"]{0,140}),`, 'iu');

/** Where the last sentence, paragraph, quotation or colon boundary (". ", "\n", quotes, ": ") starts; -1 if none. */
function lastBoundary(text: string): number {
  for (let k = text.length - 1; k >= 0; k--) {
    const c = text[k];
    if (c === '\n' || c === '”' || c === '“' || c === '"') return k;
    if ((c === '.' || c === ':') && text[k + 1] === ' ') return k;
  }
  return -1;
}

/**
 * What the rules collect from one article: its people, organisations and places by name, each
 * mention also listed in text order, and the single capitalised words left for a second pass.
 * A class with small methods, not closures in one large function: V8 compiles and re-optimises
 * each part on its own (the one function was recompiled six times per corpus pass).
 */
class RuleEntities {
  readonly people = new Map<string, EntityDraft>();
  readonly orgs = new Map<string, OrgDraft>();
  readonly places = new Map<string, PlaceDraft>();
  readonly singles: { word: Word; title: string | null }[] = [];
  readonly personMentions: { start: number; end: number; person: EntityDraft }[] = [];
  readonly orgMentions: { start: number; end: number; org: OrgDraft }[] = [];
  readonly placeMentions: { start: number; end: number; place: PlaceDraft }[] = [];

  constructor(readonly text: string) {}

  addOrg(name: string, kind: OrganizationKind, m: Mention | null, alias?: string): OrgDraft {
    let o = this.orgs.get(name);
    if (!o) this.orgs.set(name, (o = { name, kind, aliases: new Set(), roles: new Set(), mentions: [] }));
    if (alias && alias !== name) o.aliases.add(alias);
    if (m) {
      o.mentions.push(m);
      this.orgMentions.push({ start: m.start, end: m.end, org: o });
    }
    return o;
  }

  addPlace(key: string, m: Mention): void {
    const info = PLACE_LOOKUP.get(key)!;
    let p = this.places.get(info.name);
    if (!p) this.places.set(info.name, (p = { name: info.name, kind: info.kind, country: info.country, aliases: new Set(), roles: new Set(), mentions: [] }));
    if (key !== info.name) p.aliases.add(key);
    p.mentions.push(m);
    this.placeMentions.push({ start: m.start, end: m.end, place: p });
  }

  addPerson(name: string, m: Mention, role: string | null, alias?: string): void {
    let p = this.people.get(name);
    if (!p) this.people.set(name, (p = { name, aliases: new Set(), roles: new Set(), mentions: [] }));
    if (alias && alias !== name) p.aliases.add(alias);
    if (role) p.roles.add(role);
    p.mentions.push(m);
    this.personMentions.push({ start: m.start, end: m.end, person: p });
  }

  /** The mention covering a list of words. */
  mention(ws: Word[]): Mention {
    const start = ws[0].start;
    const end = ws[ws.length - 1].end;
    return { start, end, text: this.text.slice(start, end) };
  }
}

/** Organisations written in lower case: "Pyongyang’s foreign ministry", "the US embassy in Moscow". */
function lowerCaseOrganisations(c: RuleEntities): void {
  const text = c.text;
  // Each pattern needs its lower-case noun: most articles have neither, and a plain search for the
  // word is much cheaper than the pattern tried at every word boundary.
  if (text.includes(' ministry')) ministries(c);
  if (text.includes(' embassy in ')) embassies(c);
}

/** "Pyongyang’s foreign ministry" → North Korean Foreign Ministry. */
function ministries(c: RuleEntities): void {
  const text = c.text;
  const ministry = /\b(?:([A-Z][\p{L}]+(?: [A-Z][\p{L}]+)?)(?:[’']s)? )?(foreign|defence|defense|interior|finance|trade|foreign affairs|economy|health|education) ministry\b/gu;
  for (let m = ministry.exec(text); m; m = ministry.exec(text)) {
    const country = m[1] ? countryOf(m[1]) : null;
    if (!country) continue;
    const demonym = COUNTRY_BY_NAME.get(country)?.demonym ?? country;
    const area = m[2].replace(/\b\w/g, (ch) => ch.toUpperCase());
    c.addOrg(`${demonym} ${area} Ministry`, 'MINISTRY', { start: m.index, end: m.index + m[0].length, text: m[0] }, m[0]);
  }
}

/** "the US embassy in Moscow" → US Embassy in Moscow. */
function embassies(c: RuleEntities): void {
  const text = c.text;
  const embassy = /\b([A-Z][\p{L}.]+|US|UK)(?:[’']s)? embassy in ([A-Z][\p{L}]+)/gu;
  for (let m = embassy.exec(text); m; m = embassy.exec(text)) {
    const country = countryOf(m[1]);
    if (!country) continue;
    const prefix = country === 'United States' ? 'US' : (COUNTRY_BY_NAME.get(country)?.demonym ?? country);
    c.addOrg(`${prefix} Embassy in ${m[2]}`, 'GOVERNMENT', { start: m.index, end: m.index + m[0].length, text: m[0] }, m[0]);
  }
}

/** One capitalised run: gazetteer organisations and places as they are, the other words as names. */
function namesInRun(c: RuleEntities, run: Word[]): void {
  const segs = segment(run);
  // Leading sentence words that are not names ("The", "Though").
  while (segs.length && segs[0].kind === 'word' && NOT_NAME.has(segs[0].words[0].text) && !PERSONAL_TITLES.test(segs[0].words[0].text)) segs.shift();
  let i = 0;
  while (i < segs.length) {
    const s = segs[i];
    if (s.kind === 'org') {
      // "US State Department" keeps its country prefix via the canonical name.
      const org = ORG_LOOKUP.get(s.value!)!;
      c.addOrg(org.name, org.kind, c.mention(s.words), s.value);
      i++;
    } else if (s.kind === 'place') {
      c.addPlace(s.value!, c.mention(s.words));
      i++;
    } else if (s.kind !== 'word') {
      i++;
    } else {
      // A run of unknown capitalised words (up to a possessive): a name, or an organisation ending in a suffix.
      let j = i;
      while (j < segs.length && segs[j].kind === 'word' && !(j > i && segs[j - 1].words[segs[j - 1].words.length - 1].possessive)) j++;
      nameOfWords(c, segs, i, j);
      i = j;
    }
  }
}

/** Post-nominal letters are not part of the name ("Andrew Tyrie MP"). */
const POST_NOMINAL = /^(?:MP|MEP|QC|MSP|AM|Jr|Sr|OBE|MBE|CBE|KC|PhD)$/;

/** The unknown capitalised words segs[i .. j): an organisation, a person (with a role), or a single word for later. */
function nameOfWords(c: RuleEntities, segs: Segment[], i: number, j: number): void {
  const text = c.text;
  // Leading non-name words drop ("Though Kim"); later ones stay ("Theresa May").
  const nameWords: Word[] = [];
  for (let k = i; k < j; k++) for (const w of segs[k].words) nameWords.push(w);
  while (nameWords.length && NOT_NAME.has(nameWords[0].text) && !PERSONAL_TITLES.test(nameWords[0].text)) nameWords.shift();
  if (nameWords.length === 0) return;
  const prefix = segs.slice(0, i);
  while (nameWords.length > 1 && POST_NOMINAL.test(nameWords[nameWords.length - 1].text)) nameWords.pop();
  const texts = nameWords.map((w) => w.text);
  const joined = texts.join(' ');
  const orgSuffix = ORG_SUFFIXES.test(joined);
  const titleWords = prefix.flatMap((p) => p.words);
  const hasTitle = prefix.some((p) => p.kind === 'title');
  if (orgSuffix && nameWords.length >= 2) {
    const full = prefix.length && !hasTitle ? titleWords.concat(nameWords) : nameWords;
    c.addOrg(full.map((w) => w.text).join(' '), suffixKind(joined), c.mention(full));
    return;
  }
  // "Justice Department", "General Assembly": a title word before an organisation's head noun names the
  // organisation; it is not a person's title (the one word left is never a person's name).
  if (nameWords.length === 1 && orgSuffix && hasTitle) {
    const full = titleWords.concat(nameWords);
    c.addOrg(full.map((w) => w.text).join(' '), suffixKind(joined), c.mention(full));
    return;
  }
  if (nameWords.length === 1) {
    const t = titleWords.length ? titleWords[titleWords.length - 1].text : null;
    c.singles.push({ word: nameWords[0], title: t && PERSONAL_TITLES.test(t) ? text.slice(titleWords[titleWords.length - 1].start, nameWords[0].end) : null });
    return;
  }
  // The role is read only for names of two or more words: single words wait for resolveSingles.
  const m = c.mention(nameWords);
  const { lookback, appositive, role } = roleAround(text, titleWords, m, hasTitle);
  const first = nameWords[0].text;
  const looksPerson = opensWithGivenName(texts) || FAMILY_FIRST.has(first) || hasTitle || lookback !== null || appositive !== null;
  if (!looksPerson || nameWords.length > 4) describedPerson(c, nameWords);
  else c.addPerson(joined, m, role ? role.replace(/\s+/g, ' ') : null);
}

/** The kind of organisation a name ending in an organisation's head noun is. */
function suffixKind(name: string): OrganizationKind {
  return /Party$/.test(name) ? 'PARTY' : /Ministry|Department|Office/.test(name) ? 'MINISTRY' : /Times|Post|Journal|News|Telegraph|Guardian|Herald/.test(name) ? 'MEDIA' : 'OTHER';
}

/** A person's role from the words around the name: a title before it, a role noun phrase before, an appositive after. */
function roleAround(text: string, titleWords: Word[], m: Mention, hasTitle: boolean): { lookback: string | null; appositive: string | null; role: string | null } {
  const runRole = hasTitle ? text.slice(titleWords[0].start, titleWords[titleWords.length - 1].end) : null;
  const beforeRaw = text.slice(Math.max(0, (titleWords[0]?.start ?? m.start) - 120), titleWords[0]?.start ?? m.start);
  // Roles never reach back across a sentence, a paragraph or a quotation.
  const cut = lastBoundary(beforeRaw);
  const before = cut >= 0 ? beforeRaw.slice(cut + 1) : beforeRaw;
  const after = text.slice(m.end, m.end + 200);
  // "The Shadow Secretary … for the Family, Theresa May, said": a titled phrase in apposition before.
  // The pattern ends in a comma: strings that do not (most) skip it.
  const titledBefore = before.trimEnd().endsWith(',') ? TITLED_BEFORE.exec(before) : null;
  const titledRole = titledBefore && titledBefore[1].split(/\s+/).some((x) => TITLE_WORDS.has(x)) ? titledBefore[1] : null;
  const lookback = (ANY_ROLE_NOUN.test(before) && ROLE_TAIL.test(before) ? ROLE_BEFORE.exec(before)?.[1]?.trim() : undefined) ?? titledRole;
  const appositive = ROLE_AFTER.exec(after)?.[1]?.trim() ?? null;
  const role = [lookback && runRole ? `${lookback} ${runRole}` : (lookback ?? runRole), appositive].find((r) => r) ?? null;
  return { lookback, appositive, role };
}
const TITLED_BEFORE = /(?:^|[.;:]\s+|\bthe\s+|\bThe\s+)((?:[A-Z][\p{L}’'.-]*\s+(?:(?:of|for|the|and)\s+)*){1,8}?(?:[A-Z][\p{L}’'.-]*)),\s*$/u;

/**
 * "House Republican Thomas Massie", "Journalist Jorge Ramos": capitalised descriptors before a given
 * name and a surname are the person's role, not part of the name.
 */
function describedPerson(c: RuleEntities, nameWords: Word[]): void {
  const k = nameWords.findIndex((w, idx) => idx > 0 && nameWords.length - idx >= 2 && nameWords.length - idx <= 3 && opensWithGivenName(nameWords.slice(idx).map((x) => x.text)));
  if (k > 0 && (DESCRIPTORS.has(nameWords[k - 1].text) || DEMONYMS.has(nameWords[k - 1].text)) && !nameWords.slice(k).some((w) => NOT_NAME.has(w.text))) {
    const person = nameWords.slice(k);
    c.addPerson(person.map((w) => w.text).join(' '), c.mention(person), c.text.slice(nameWords[0].start, nameWords[k - 1].end));
  }
}

/**
 * The people named in full so far by the words a single word may stand for: the last word of the
 * name, and the first when it is a family name written first ("Kim"). Each list keeps the people's
 * order, as a filter over them would.
 */
function peopleByShortWord(people: Iterable<EntityDraft>): Map<string, EntityDraft[]> {
  const out = new Map<string, EntityDraft[]>();
  const add = (k: string, p: EntityDraft) => {
    const list = out.get(k);
    if (list) list.push(p);
    else out.set(k, [p]);
  };
  for (const p of people) {
    const name = p.name;
    const sp = name.indexOf(' ');
    const last = name.slice(name.lastIndexOf(' ') + 1);
    add(last, p);
    if (sp >= 0) {
      const first = name.slice(0, sp);
      if (first !== last && FAMILY_FIRST.has(first)) add(first, p);
    }
  }
  return out;
}

/** Single words: surnames of people named in full earlier ("Pompeo", "Chairman Kim"), titled names, places. */
function resolveSingles(c: RuleEntities): void {
  if (!c.singles.length) return;
  const byWord = peopleByShortWord(c.people.values());
  for (const { word, title } of c.singles) {
    const candidates = byWord.get(word.text);
    const m: Mention = title ? { start: word.end - title.length, end: word.end, text: title } : { start: word.start, end: word.end, text: word.text };
    if (candidates) {
      // The most prominent: most mentions, then first introduced (Kim → Kim Jong Un, not Kim Chang Son).
      let best = candidates[0];
      for (let k = 1; k < candidates.length; k++) if (candidates[k].mentions.length > best.mentions.length) best = candidates[k];
      c.addPerson(best.name, m, null, m.text);
    } else if (title && !PLACE_LOOKUP.has(word.text) && !ORG_LOOKUP.has(word.text) && !NOT_NAME.has(word.text) && !/^(?:President|Chairman|Minister|Secretary)$/.test(word.text)) {
      c.addPerson(word.text, m, null);
    } else if (PLACE_LOOKUP.has(word.text)) {
      c.addPlace(word.text, m);
    }
  }
}

/** The article's people, organisations and places from capitalised runs and patterns alone (extractor 1.3.0). */
export function findEntitiesByRules(text: string): EntityIndexLocal {
  const c = new RuleEntities(text);
  lowerCaseOrganisations(c);
  for (const run of capitalRuns(text, words(text))) namesInRun(c, run);
  resolveSingles(c);
  return buildEntityIndex({
    people: [...c.people.values()],
    organizations: [...c.orgs.values()],
    places: [...c.places.values()],
    personSpans: c.personMentions,
    orgSpans: c.orgMentions,
    placeSpans: c.placeMentions,
    findOrg: (country) => c.orgs.get(country),
    addGovernment: (country) => c.addOrg(country, 'GOVERNMENT', null),
    addOrganization: (name, kind) => c.addOrg(name, kind, null),
  });
}

/**
 * Builds the article's people, organisations and places: the learned recogniser proposes the spans
 * and their types, the rules name and merge what it finds (see ner/compose.ts).
 */
export function findEntities(text: string): EntityIndexLocal {
  return composeEntities(text, findEntitiesByRules(text));
}
