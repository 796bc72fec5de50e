import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';
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
  // chairman and founder of MIT's Media Labs, says" with the span on "founder of MIT").
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
 * Fiorina, chief of technology giant Hewlett Packard"): for pronouns, the mention to count is the host's.
 */
export function appositionHost(index: EntityIndexLocal, text: string, x: Span): EntityIndexLocal['personSpans'][number] | null {
  const lead = /,(\s*[^,.;:!?“”"()\n]{0,100})$/.exec(text.slice(Math.max(0, x.start - 102), x.start));
  if (!lead || !DESCRIPTION.test(lead[1].trimStart())) return null;
  const hostEnd = x.start - lead[0].length;
  return index.personSpans.find((p) => p.end === hostEnd) ?? null;
}
