import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';
import { countryOf } from '../entities.ts';
import { corefSpeaker } from './coref.ts';
import { groupSpeaker } from './groups.ts';
import { documentAuthor, DOC_HEAD } from './coref-document.ts';
import { appositionOf } from './apposition.ts';
import { namesRole, roleHolder } from './role-holder.ts';
import type { Mention } from '../types.ts';
import type { StatementDraft } from './draft.ts';

// The speaker rules: the phrase before or after a cue, and its resolution to an entity (names inside it,
// a capital or country acting as its government; pronouns and descriptions go to coref.ts). For learned
// cues their span is one candidate, and a feature, of the source ranker (source-ranker.ts).

/** Where a subject read backwards stops (see subjectStop, which tests it without the pattern). */
export const SUBJECT_STOP = /(?:^|[,;:—–(]|\s--\s|\b(?:and|but|as|after|before|when|while|because|though|although|which|who|whom|that|since|where|if|with what|what|than))\s*$/i;
export const NP_HEADS = /\b(spokesperson|spokesman|spokeswoman|official|officials|source|sources|minister|ministry|agency|newspaper|government|media|statement|diplomat|diplomats|embassy|aide|aides|analyst|analysts|police|army|military|report|reports|officer|officers|lawyer|lawyers|experts?|president|leader|company|firm|party|group|committee|council|white house|kremlin|administration)\b/i;

/**
 * The subject before a cue verb, stepping over an appositive: in "her adviser, Jake Sullivan, said"
 * the subject is "Jake Sullivan"; in "Kwon, director general of ..., said" it is "Kwon".
 */
export function subjectSpanBefore(s: string, pos: number): { start: number; end: number } {
  const head = s.slice(0, pos).replace(/\s+$/, '');
  if (!head.endsWith(',')) return { start: subjectBefore(s, pos), end: pos };
  const segments: { start: number; end: number }[] = [];
  let end = head.length - 1;
  for (let k = 0; k < 2 && end > 0; k++) {
    const comma = head.lastIndexOf(',', end - 1);
    const start = comma + 1;
    segments.push({ start, end });
    if (comma < 0) break;
    end = comma;
  }
  const trimmed = segments.map((x) => {
    let a = x.start;
    while (a < x.end && s[a] === ' ') a++;
    return { start: a, end: x.end };
  });
  const [near, far] = trimmed;
  if (far && /^[a-z]/.test(s.slice(near.start, near.end)) && /^[\p{Lu}]/u.test(s.slice(far.start, far.end))) return { start: subjectBefore(s, far.end), end: far.end };
  return near && near.end > near.start ? { start: subjectBefore(s, near.end), end: near.end } : { start: pos, end: pos };
}

const TRAILING_ADVERB = /\b(?:also|has|have|had|will|would|repeatedly|previously|later|earlier|long|then|again|once|often|still|never|always|just|recently|simply|quickly|finally|flatly)\s*$/i;

/**
 * The subject in the words before a cue, without trailing adverbs and auxiliaries ("Reid also has",
 * "she repeatedly") or a coordinated predicate ("The spokesman refused to answer questions but",
 * "I laughed and").
 */
export function subjectWords(phrase: string): string {
  let t = phrase.trim();
  while (TRAILING_ADVERB.test(t)) t = t.replace(TRAILING_ADVERB, '').trim();
  const coordinated = /^(.+?)\s+(?:[a-z]+ed|[a-z]+s|was|were|is|are|did|does|had|has|made|took|gave|went|came|spoke|met)\b.*\s(?:but|and)$/.exec(t) ?? /^(.+?)\s+(?:[a-z]+ed|[a-z]+s)\s+(?:but|and)$/.exec(t);
  return coordinated ? coordinated[1] : t;
}

/** Where the subject noun phrase before `pos` starts (bounded by a comma, conjunction or 12 words). */
export function subjectBefore(s: string, pos: number): number {
  let start = pos;
  let words = 0;
  for (let i = pos - 1; i >= 0; i--) {
    if (SUBJECT_PUNCT.has(s.charCodeAt(i))) break;
    if (s.charCodeAt(i) === 32 && words > 0) {
      // SUBJECT_STOP.test(s.slice(0, i + 1)), without the pattern's scan of everything before.
      const stop = subjectStop(s, i);
      if (stop !== NO_STOP) {
        start = i + 1;
        if (stop === STOP_WORD) break;
      }
    }
    if (s.charCodeAt(i) === 32) words++;
    if (words > 12) break;
    start = i;
  }
  return start;
}

/** Marks that end a subject read backwards: [,;:“”"(—–]. */
const SUBJECT_PUNCT = new Set([...',;:“”"(—–'].map((c) => c.charCodeAt(0)));
/** SUBJECT_STOP's marks: [,;:—–(]. */
const STOP_MARKS = new Set([...',;:—–('].map((c) => c.charCodeAt(0)));
/** SUBJECT_STOP's words; the ones that also end the search (all but "with what", which ends in "what"). */
const STOP_WORDS = new Set(['and', 'but', 'as', 'after', 'before', 'when', 'while', 'because', 'though', 'although', 'which', 'who', 'whom', 'that', 'since', 'where', 'if', 'what', 'than']);
const NO_STOP = 0;
const STOP = 1;
const STOP_WORD = 2;
/** `\w` and `\s` of a pattern without the u flag. */
const isPatternWord = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const SPACE_CHAR = /\s/;
const isPatternSpace = (c: number) => (c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE_CHAR.test(String.fromCharCode(c)));

/**
 * Whether SUBJECT_STOP matches s[0 .. i] (STOP), and whether the word it matches also ends the
 * search (STOP_WORD: /(\b\w+)\s*$/ finds one of STOP_WORDS). The pattern ends in \s*$, so it
 * matches where the text before the trailing spaces is empty, ends in one of its marks, in " --",
 * or in one of its words as a whole run of \w (its letters are all \w; "with what" ends in "what";
 * case-insensitive without the u flag only folds ASCII letters).
 */
function subjectStop(s: string, i: number): number {
  let w = i + 1;
  while (w > 0 && isPatternSpace(s.charCodeAt(w - 1))) w--;
  let j = w;
  while (j > 0 && isPatternWord(s.charCodeAt(j - 1))) j--;
  const word = w - j >= 2 && w - j <= 8 && STOP_WORDS.has(s.slice(j, w).toLowerCase());
  if (word) return STOP_WORD;
  if (w === 0 || STOP_MARKS.has(s.charCodeAt(w - 1))) return STOP;
  if (w >= 3 && s.charCodeAt(w - 1) === 45 && s.charCodeAt(w - 2) === 45 && isPatternSpace(s.charCodeAt(w - 3))) return STOP;
  return NO_STOP;
}

/** A country's government as a description: its demonym or name, then the noun. */
const GOVERNMENT_OF = /^([\p{Lu}][\p{L}.]+(?:\s+[\p{Lu}][\p{L}.]+)?)(?:[’']s)?\s+(?:government|administration|authorities|cabinet)$/u;

const CLAUSE_OR_PP = /^(?:whether|if|what|why|how|to|with|in|on|at|of|for|about|during|after|before|against|into|over|under)\s/;

export interface SpeakerResolver {
  resolve(span: Span, text: string, sentenceStart: number): StatementDraft['speaker'];
}

const PRONOUNS = /^(?:he|she|it|they|who|which)$/i;
/** A capitalised name, then a plural noun of people who follow or use it: the phrase's head is the noun. */
const FOLLOWERS = /^(?:[\p{Lu}][\p{L}’'.&-]*\s+){1,4}(?:supporters|fans|backers|voters|critics|opponents|detractors|followers|users|customers|viewers|readers|loyalists|admirers|diehards)$/u;
/** A subject pronoun followed by a lower-case word: a clause, not a noun phrase. */
const PRONOUN_CLAUSE = /^\s*(I|We|You|He|She|They|It)\s+[a-z]\S*/;
/** Words a speaker pattern can catch that are never a speaker. */
export const NOT_A_SPEAKER = /^(?:and|but|or|so|to|now|then|that|this|which|there|here|also|just|not|as|if|when|while|because|though|although|yet|even|still|only)$/i;
const DETERMINER = /^(?:the|a|an|this|that|these|those|his|her|their|its|our|one|two|three|several|many|some|other|another|both|each|every|most|all)\s/i;

/**
 * Whether the text a cue pattern took for its subject can name a speaker: a pronoun, a capitalised
 * phrase or a determiner phrase — not a clause fragment such as "and", "on the same call" or
 * "sits at zero such endorsements".
 */
export function plausibleSpeaker(phrase: string): boolean {
  const t = phrase.trim();
  if (!t || NOT_A_SPEAKER.test(t)) return false;
  if (/^(?:he|she|they|it|i|we|you)$/i.test(t)) return true;
  if (t.split(/\s+/).length > 12) return false;
  if (NP_HEADS.test(t) && !/^(?:and|but|or|of|on|in|at|since|that)\b/i.test(t)) return true;
  return /^[\p{Lu}]/u.test(t) ? !/^(?:And|But|Or|So|Then|Now|That|Which|When|While|If|As|Because|Though|Although|Yet|Even|Still|Only|Once|Also|Just)\b/.test(t) : DETERMINER.test(`${t} `);
}

/** A name inside the span and not in the possessive ("Pagliano's lawyer", "Jaynes' lawyer"). */
function ownName(fullText: string, span: Span, x: Span): boolean {
  return x.start >= span.start && x.end <= span.end && !/^[’'](?:s\b|\s|$)/.test(fullText.slice(x.end, x.end + 2));
}

/** Maps a speaker noun phrase to an entity: person > organisation > capital/country acting as a government > pronoun. */
export function createSpeakerResolver(index: EntityIndexLocal, fullText: string, history: StatementDraft[]) {
  return (span: Span): StatementDraft['speaker'] => {
    // A clause or a prepositional phrase is no speaker ("whether Clinton has the integrity", "if
    // Gerrard would be a Liverpool player", "with finance minister Hans Eichel"); an agent after "by",
    // a source after "from" and the subject after "that" are ("reports that Trump said …").
    // The span's words, sliced once (each rule below reads them).
    const written = fullText.slice(span.start, span.end);
    const trimmed = written.trim();
    if (CLAUSE_OR_PP.test(trimmed)) return null;
    // A clause opening with a subject pronoun ("I cannot fathom how Hillary Clinton", "He was
    // responding to Tory spokesman Julian Lewis who", "It features the singer"): its subject is the
    // pronoun, not a name inside it. "He"/"she" is whom it stands for; the writer ("I", "we") and
    // "it"/"they" in such a clause (mostly a product, a law or an expletive) name no one.
    const clause = PRONOUN_CLAUSE.exec(written);
    if (clause) return /^(?:He|She)$/.test(clause[1]) ? corefSpeaker(index, fullText, { start: span.start, end: span.start + clause[1].length }, clause[1], history) : null;
    const phrase = trimmed.replace(/^(?:the|a|an)\s+/i, '');
    // A document in the possessive speaks for its author ("Oxfam's report said"; coref-document.ts).
    const doc = /[’']s?\s+(?:[\p{L}-]+\s+){0,2}([\p{L}]+)$/u.exec(phrase);
    if (doc && DOC_HEAD.test(doc[1].toLowerCase())) return documentAuthor(index, fullText, span, doc[1].toLowerCase());
    // A candidate's campaign, a party's members (groups.ts).
    const group = groupSpeaker(index, fullText, span);
    if (group !== undefined) return group;
    // A name's followers are not the name: "Star Trek fans", "Trump supporters", "Sanders backers"
    // speak for themselves, whom the text does not name.
    if (FOLLOWERS.test(phrase)) return null;
    // A description set off after a name is that name's apposition, whatever it names (apposition.ts).
    const appositive = appositionOf(index, fullText, span);
    if (appositive) return appositive;
    // A name in the possessive is not the speaker ("Pagliano's lawyer", "Clinton’s team").
    // "Jaynes' lawyer": a bare apostrophe after a name in -s is a possessive too.
    const persons = index.personSpans.filter((x) => ownName(fullText, span, x));
    const org = index.orgSpans.find((x) => ownName(fullText, span, x));
    const place = index.placeSpans.find((p) => p.start >= span.start && p.end <= span.end);
    if (persons.length && !(org && /^(?:a|an|the)?\s*(?:spokesperson|spokesman|spokeswoman|official|source)/i.test(phrase))) {
      // "Kwon Jong Gun, director general of ..." → the person, not the ministry in the appositive.
      // Without a comma the phrase ends in its head ("Ernst and Young's Sanjay Mehta"); with one the
      // name comes first and its apposition after ("Kwon, director general of …").
      // Only up to what follows the head ("William Corr of the Campaign …", "X has written to Y").
      const rest = fullText.slice(persons[0].end, span.end);
      const stop = persons[0].end + (/\s(?:of|at|for|from|with|to|in|on|and|or|has|have|had|was|is|would|will|could|said|following|then|also|later|nor|[a-z]+ed|[-–—])\s|[,(]/.exec(rest)?.index ?? rest.length);
      const heads = persons.filter((p) => p.start < stop);
      const head = /,/.test(fullText.slice(span.start, persons[0].start)) ? persons[0] : heads[heads.length - 1];
      return { type: 'person', entity: head.person };
    }
    // "The Lib Dem chief executive", "Arsenal boss": a person holding a role there (role-holder.ts).
    if (org && namesRole(phrase) && /^[\s\p{L}-]+$/u.test(fullText.slice(org.end, span.end))) return roleHolder(index, fullText, span, phrase);
    if (org) return { type: 'organization', entity: org.org };
    // A capital or country stands for its government only when it is the whole subject ("Pyongyang said"),
    // not inside a longer phrase ("Argentina's chief debt negotiator").
    if (place && phrase.replace(/^(?:also|then)\s+/i, '').replace(/\s+(?:also|then|has|had|have)$/i, '') === fullText.slice(place.start, place.end)) {
      const country = countryOf(fullText.slice(place.start, place.end));
      if (country) return { type: 'organization', entity: index.governmentFor(country, { start: place.start, end: place.end, text: fullText.slice(place.start, place.end) } as Mention) };
    }
    // "The Japanese government", "the UK's government": that country's government.
    const government = GOVERNMENT_OF.exec(phrase);
    const country = government && countryOf(government[1]);
    if (country) return { type: 'organization', entity: index.governmentFor(country, { start: span.start, end: span.end, text: written } as Mention) };
    // "the OECD" where the recogniser missed this mention of an organisation it found elsewhere.
    // Not a word that also names a person of the article ("Trump", "Rubio"), nor a long title-case run.
    const known = /^[\p{Lu}][^\s]*(?:\s+\S+){0,3}$/u.test(phrase) ? index.organizations.find((o) => o.name === phrase || o.aliases.has(phrase)) : undefined;
    if (known && !index.people.some((x) => x.name === phrase || x.name.split(' ').includes(phrase))) return { type: 'organization', entity: known };
    // Pronouns and definite descriptions ("he", "it", "who", "the company", "the president"): coref.ts.
    const raw = trimmed;
    // A transcript's speaker in capitals ("PENCE", "MR. WALLACE"): the one person of the article of that surname.
    const capitals = /^(?:(?:MR|MRS|MS|DR|SEN|REP|GOV)\.?\s+)?([A-Z][A-Z'’-]{2,})$/.exec(raw);
    if (capitals) {
      const named = index.people.filter((x) => x.name.split(' ').pop()!.toUpperCase() === capitals[1]);
      if (named.length === 1) return { type: 'person', entity: named[0] };
    }
    if (PRONOUNS.test(raw) || /^(?:the|this|that)\s/i.test(raw)) return corefSpeaker(index, fullText, span, raw, history);
    // A phrase ending in a definite description ("by the end of March the firm"): that description.
    // Not one inside a prepositional phrase ("an aide to the governor": the aide, unnamed).
    const tail = /\b(?:the|this)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?$/iu.exec(raw);
    if (tail && !/\b(?:of|to|for|at|in|with|from|by|on|about|against|over|under)\s+$/i.test(raw.slice(0, tail.index))) return corefSpeaker(index, fullText, { start: span.end - tail[0].length, end: span.end }, tail[0], history);
    return null;
  };
}

