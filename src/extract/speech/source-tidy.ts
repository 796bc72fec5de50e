import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';
import { nameEndingAt, nameStartingAt } from './named-spans.ts';

// The speaker span as written, tidied after the rules or the ranker chose it. Both take a phrase back
// to a clause boundary, which can run past the subject into words before it ("naturally he",
// "September she", "Benjamin said he", "Instead he") or stop on a word that names no one ("In
// declaring …", "casting further doubt"). Error classes read on PolNeAR train and BBC (outside the
// written gold's documents).

/** A subject pronoun closing a longer phrase: the pronoun is the subject, the words before belong to another clause. */
const TRAILING_PRONOUN = /^(?:\S.*?)\s+(he|she|they|we|I)$/s;
/**
 * A lone word that opens a clause, not a noun phrase: a preposition, a verb, a participle in lower case
 * ("In", "Despite", "casting", "following"). Not a capitalised participle: that is as often a name
 * ("Boeing", "Rowling") as a clause ("Holding signs …").
 */
const CLAUSE_WORD = /^(?:[Ii]n|[Aa]t|[Oo]n|[Bb]y|[Ff]or|[Ww]ith|[Ff]rom|[Oo]f|[Tt]o|[Aa]fter|[Bb]efore|[Dd]uring|[Aa]bout|[Aa]mid|[Ww]ithout|[Dd]espite|[Uu]pon|[Ss]ince|[Ff]ollowing|was|were|is|are|has|had|have|\p{Ll}+(?:ing|ed))$/u;

/**
 * A phrase put before the subject and closed by a comma ("In August, several groups …", "On Thursday,
 * he hedged …"): an adverbial, never who speaks. Read on PolNeAR train, where the rules and the ranker
 * took 14 of them for sources.
 */
const FRONTED_PHRASE = /^(?:In|On|At|During|For|From|With|Without|Under|After|Before|Since|Until|Through|Despite|Amid|Following|Earlier|Later|Last|This|Next)\s/;

/** The pronoun or name right after a fronted phrase's comma: the sentence's subject, if written so. */
function subjectAfter(text: string, index: EntityIndexLocal, comma: number): Span | null {
  const at = comma + 1 + (/^\s*/.exec(text.slice(comma + 1, comma + 20))?.[0].length ?? 0);
  const pronoun = /^(?:he|she|they|we|I)\b/i.exec(text.slice(at, at + 5));
  if (pronoun) return { start: at, end: at + pronoun[0].length };
  const from = /^the\s+/i.test(text.slice(at, at + 4)) ? at + 4 : at;
  const named = nameStartingAt(index, 'speakers', at, from);
  return named ? { start: named.start, end: named.end } : null;
}

/** The person or organisation a phrase ends with ("During the primary Clinton, goaded by Sanders, came out …"). */
function nameEnding(index: EntityIndexLocal, x: Span): Span | null {
  const named = nameEndingAt(index, 'speakers', x.end, x.start + 1);
  return named ? { start: named.start, end: named.end } : null;
}

/** Whether a span ends where a name of the entity index ends (a surname "Browning", a firm "Reading"). */
function endsInName(index: EntityIndexLocal, x: Span): boolean {
  return nameEndingAt(index, 'all', x.end, x.start - 40, x.end) !== null;
}

/** Resolves a speaker span to an entity, if it names one (speaker.ts). */
type Resolves = (span: Span) => unknown;

/**
 * The span narrowed to its subject pronoun, or null when it is a lone clause word; otherwise as chosen.
 * A name ending the span ("… Jennings") is never cut, nor a word the resolver takes for a name ("From"
 * for Al From, named in full before).
 */
export function tidySourceSpan(text: string, index: EntityIndexLocal, span: Span | null, resolves: Resolves): Span | null {
  if (!span) return span;
  const raw = text.slice(span.start, span.end);
  const pronoun = TRAILING_PRONOUN.exec(raw);
  if (pronoun) return { start: span.end - pronoun[1].length, end: span.end };
  if (CLAUSE_WORD.test(raw.trim()) && !endsInName(index, span) && !resolves(span)) return null;
  if (FRONTED_PHRASE.test(raw) && text[span.end] === ',') return nameEnding(index, span) ?? subjectAfter(text, index, span.end);
  return span;
}
