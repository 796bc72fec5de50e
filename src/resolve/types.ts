import type { YearlessDate } from '../extract/dates.ts';
import type { DatePrecision, EventKind, Extraction } from '../extract/types.ts';
import type { EventTyping } from './event-typing.ts';

/**
 * What the resolve stage knows of the graph: per kind of entity, the node's name by normalised name
 * (see normalizeName). Filled from the stored graph by look-up for one batch, then extended by each
 * article of the batch in arrival order.
 */
export interface EntityIndex {
  people: Map<string, string>;
  organizations: Map<string, string>;
  places: Map<string, string>;
  events: EventIndex;
}

/**
 * One article's account of an event, as stored with its link (event_article.members): what decides
 * which accounts are one event (see sameEvent) and what the event shows (dates, place, title).
 */
export interface EventMember {
  /** The event it belongs to (its key). */
  event: string;
  /** The key the extractor gave it. */
  key: string;
  kind: EventKind;
  title: string;
  startDate: string | null;
  endDate: string | null;
  precision: DatePrecision | null;
  /** The article's place key (new accounts only). */
  placeKey?: string | null;
  placeName: string | null;
  /** Normalised names of the people taking part, sorted. */
  names: string[];
  /**
   * Normalised names of every party (people, organisations, groups), sorted: what sameEvent compares.
   * Missing on accounts stored before extractor 1.12.0, which then count their people's names.
   */
  actors?: string[];
  /** A date the account gives without its year (see YearlessDate); placed in a year by other accounts. */
  yearless?: YearlessDate | null;
  /**
   * What the account says the event is, and its evidence ([start, end] offsets into the article body:
   * the trigger words and their sentence). Set on the article's own accounts (membersOf); stored
   * accounts looked up for matching (look-up-index.ts) leave them out, since sameEvent does not read them.
   */
  typing?: EventTyping;
  trigger?: [number, number] | null;
  sentence?: [number, number] | null;
  /**
   * The article the account is from, by its identities (natural key and content hash; not stored with
   * the account: looked up from its article row). Accounts of one article are never compared: the
   * extractor decided which of its mentions are one event, and a stored article read again (a duplicate
   * after a resumed ingest, a correction) would otherwise be compared with its own stored accounts and
   * merge what a single reading keeps apart. Missing: an account compared with all.
   */
  article?: string[];
}

/** The stored accounts a batch may link to, the batch's own, and the merges of events seen so far. */
export interface EventIndex {
  members: EventMember[];
  /**
   * The same accounts by their key's part before `@`, and by each participant's name: an account is
   * compared only with those sharing one or the other (see candidates in events.ts), not with every
   * account a batch looked up (thousands at 100k articles). All three are filled by addMembers.
   */
  byPrefix: Map<string, EventMember[]>;
  byName: Map<string, EventMember[]>;
  /** A merged event's key → the key of the event that took it in. */
  merged: Map<string, string>;
}

/** A node whose name gives way to a preferred spelling of the same name (see preferredName). */
export interface NameChange {
  from: string;
  to: string;
}

export interface Renames {
  people: NameChange[];
  organizations: NameChange[];
  places: NameChange[];
  /** Events merged into another (its key), because an account of this article links them. */
  events: NameChange[];
}

/**
 * Output of the resolve stage: the same shape as `Extraction`, but with every person, organisation and
 * place `name` replaced by its node's name (the preferred spelling among the names that normalise
 * alike) and aliases extended with the spelling the article used; every event `key` replaced by the
 * key of the event its account belongs to (see resolveEvents), statements' `eventKey` likewise.
 * `renames`: stored or earlier nodes this article renames or merges, applied by the store first;
 * `members`: the article's accounts of its events, stored with their links.
 */
export type ResolvedExtraction = Extraction & { renames?: Renames; members?: EventMember[] };
