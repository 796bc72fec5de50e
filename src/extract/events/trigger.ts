import type { EventType } from './ontology.ts';

/**
 * One trigger of the lexicons. `heads` are the lower-case words a trigger starts with (the index
 * looks words up, so only sentences holding a head word pay for the pattern); `re`, when given,
 * must match at the head word (it may look behind for context); by default the head word alone.
 */
export interface TriggerEntry {
  heads: string[];
  type: EventType;
  mode: string | null;
  re?: RegExp;
  /** Mutual events (meetings, talks, matches): who is source and who target is arbitrary. */
  symmetric?: boolean;
  /** The grammatical subject is the target ("was sacked", "was escorted off"); the source follows "by". */
  passive?: boolean;
  /** The subject is the one acted on and the object the actor ("took a job with Jim Justice": Justice hires). */
  inverse?: boolean;
  /** Something conferred (an award): when the clause's subject won or received it, the subject is the target and the giver the name right before the noun ("Bafta awards") or after "at"/"from". */
  conferred?: boolean;
  /** Only in the passive, whose subject is the target and the object of a target preposition the source ("Patriot was sold to Blackhawk": Blackhawk acquires Patriot). */
  passiveObjectSource?: boolean;
  /** A name inside the trigger is the source ("the new Wolves manager": Wolves appoints). */
  innerSource?: boolean;
  /** The source is only a name right before the verb (with auxiliaries, adverbs, a time or an apposition between): "a federal judge ordered" names no source, not the sentence's first name. */
  adjacentSource?: boolean;
  /** Only a company's: a person or a country read as the source is no party (the event is dropped, or the country left out). */
  companySource?: boolean;
  /** Only an authority's (a country, a government body, police, a regulator, a prosecutor or a court): the event is dropped otherwise. */
  authoritySource?: boolean;
  /** Which sides must be found for the event to be recorded (default: either). */
  needs?: 'source' | 'target' | 'both' | 'none';
  /** Prepositions that may introduce the target (default: see roles.ts). */
  targetPreps?: string[];
  /** Only kept when the sentence matches (the trigger word alone is ambiguous). */
  context?: RegExp;
  /** Dropped when the sentence matches (the word's other sense: a team's "trip to Turf Moor"). */
  notContext?: RegExp;
  /** Dropped when the text just before the trigger matches. */
  notBefore?: RegExp;
  /** The head may be capitalised inside a sentence: it ends the name of the actor ("the Supreme Court ruled"), and the trigger is the word after it. */
  nameEnd?: boolean;
  /** Confidence of a trigger of this entry with both sides found. */
  confidence?: number;
}

/** A tuple shorthand for lexicon files: heads (space-separated), type, mode, options. */
export type EntrySpec = [string, EventType, string | null, Omit<TriggerEntry, 'heads' | 'type' | 'mode'>?];

export const entries = (specs: EntrySpec[]): TriggerEntry[] => specs.map(([heads, type, mode, o]) => ({ heads: heads.split(' '), type, mode, ...o }));
