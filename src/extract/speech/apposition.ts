import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';
import { namesWithin } from './named-spans.ts';
import type { StatementDraft } from './draft.ts';

// A speaker written as a description set off by a comma right after a name ("Marc Ostwald, a
// strategist at Monument Securities, said"; "Titan, a California-based company, said") is that name:
// the cue rules and the ranker often take the nearer segment, the apposition, as the subject. Read on
// BBC and PolNeAR train: the description then resolved to no one, and a "he" after it went to the
// nearest name inside the description ("analyst Gartner").

/** A description: a lower-case word, after an article, a possessive pronoun or a name's possessive. */
const DESCRIPTION = /^(?:(?:a|an|the|its|his|her|their)\s+|[\p{Lu}][\p{L}.-]*[’']s\s+)?[\p{Ll}\d]/u;
const ASIDE = /^\s+(?!(?:as|its|his|this|plus|across|towards|besides|unless|whereas|us)\b)(?:said|told|wrote|say|think|believe|fear|expect|argue|warn|claim|insist|predict|note|add|agree|suggest|[a-z]+(?:ed|s))\b/;
/** What may open a sentence before its subject's name: a connective and up to three title words. */
const LEAD = String.raw`(?:(?:But|And|However|Meanwhile|Now|Still|So),?\s+)?(?:(?!(?:As|For|In|At|After|With|From|To|On|By|Of|When|While|If|Since|Before|During|Like|Unlike|Despite)\s)[\p{Lu}][\p{L}’'.-]*\s+){0,3}$`;
// Or the name follows its cue after a quotation ("…,” said Mr. Hof, the former administration adviser).
const OPENS = new RegExp(String.raw`(?:(?<!\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Jr|Sr|Prof|Rev|\p{Lu}))[.!?][”"’]?\s+|\n\s*|[,”"’]\s*(?:said|says|added|adds|told|explained|argued|wrote|warned|noted)\s+)${LEAD}`, 'u');
/** The same at the very start of the text. */
const OPENS_TEXT = new RegExp(String.raw`^\s*${LEAD}`, 'u');

/** The person or organisation a description stands in apposition to, when a sentence opens with "Name, description". */
export function appositionOf(index: EntityIndexLocal, text: string, span: Span): StatementDraft['speaker'] {
  // "Clinton, a top aide said, …" is an aside naming who speaks, not an apposition.
  // So is "Apple, analysts believe, …": a verb right after the description, with no comma closing it.
  if (ASIDE.test(text.slice(span.end, span.end + 20))) return null;
  // The apposition is the segment after the comma; the span may be its tail ("Nicholas Negroponte,
  // chairman and founder of MIT's … says" with the span on "founder of MIT").
  const lead = /,(\s*[^,.;:!?“”"()\n]{0,100})$/.exec(text.slice(Math.max(0, span.start - 102), span.start));
  if (!lead || !DESCRIPTION.test(`${lead[1].trimStart()}${text.slice(span.start, span.end).trim()}`)) return null;
  const nameEnd = span.start - lead[0].length;
  const person = index.personSpans.find((p) => p.end === nameEnd);
  const org = person ? undefined : index.orgSpans.find((o) => o.end === nameEnd);
  const named = person ?? org;
  if (!named) return null;
  const head = text.slice(Math.max(0, named.start - 80), named.start);
  if (!OPENS.test(head) && !(named.start <= 80 && OPENS_TEXT.test(head))) return null;
  return person ? { type: 'person', entity: person.person } : { type: 'organization', entity: org!.org };
}

/**
 * The person a name stands in the apposition of, wherever the sentence puts them ("according to Carly
 * Fiorina, chief of … Hewlett Packard"): for pronouns, the mention to count is the host's.
 */
export function appositionHost(index: EntityIndexLocal, text: string, x: Span): EntityIndexLocal['personSpans'][number] | null {
  const lead = /,(\s*[^,.;:!?“”"()\n]{0,100})$/.exec(text.slice(Math.max(0, x.start - 102), x.start));
  if (!lead || !DESCRIPTION.test(lead[1].trimStart())) return null;
  const hostEnd = x.start - lead[0].length;
  return index.personSpans.find((p) => p.end === hostEnd) ?? null;
}

/** One comma-set description: no clause of its own (no finite verb of saying or being), no quotation. */
const CHAIN_SEGMENT = /,\s*([^,;:.!?“”"()\n]{2,100}?)\s*(?=,)/gy;
/** A segment closing on its own verb of saying is an aside ("Clinton, a top aide said, will run"), not a description. */
const ASIDE_VERB = /\b(?:said|says|say|told|tells|added|adds|wrote|writes|believes?|thinks?|argued|argues|warned|warns|noted|notes)$/;
/** What may stand before the name in its sentence: nothing, a connective, or a fronted phrase closed by a comma. */
const BEFORE_HOST = /^\s*(?:(?:But|And|However|Meanwhile|Still|So),?\s+)?(?:[^,“”"]{1,80},\s*)?$/;

/**
 * The name a chain of descriptions hangs on, when the cue follows the last one: "Jean-Marc Ayrault, the
 * foreign minister of France, a … member of the Security Council, said …". The rules and the
 * ranker take a name inside a description ("the Security Council") for the subject; the sentence's
 * subject is the name the descriptions describe. Null when the words before the cue are not such a chain.
 */
export function appositionChainHost(index: EntityIndexLocal, text: string, sentenceStart: number, cueStart: number): Span | null {
  const names = namesWithin(index, 'speakers', sentenceStart, cueStart - 1);
  for (const name of names) {
    if (!BEFORE_HOST.test(text.slice(sentenceStart, name.start))) continue;
    const rest = text.slice(name.end, cueStart);
    if (!/,\s*$/.test(rest)) return null;
    CHAIN_SEGMENT.lastIndex = 0;
    let segments = 0;
    let end = 0;
    for (let m = CHAIN_SEGMENT.exec(rest); m; m = CHAIN_SEGMENT.exec(rest)) {
      const words = m[1];
      if (!DESCRIPTION.test(words) || ASIDE_VERB.test(words)) return null;
      segments++;
      end = CHAIN_SEGMENT.lastIndex;
    }
    if (segments >= 1 && segments <= 3 && /^,\s*$/.test(rest.slice(end))) return { start: name.start, end: name.end };
    return null;
  }
  return null;
}
