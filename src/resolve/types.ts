import type { EventKind, Extraction } from '../extract/types.ts';

/** An entity already in the graph, as far as resolution needs to know it. */
export interface KnownEntity {
  name: string;
  aliases: string[];
}

/** An event already in the graph. `key` is its unique natural key in the database. */
export interface KnownEvent {
  key: string;
  kind: EventKind;
  title: string;
  /** Canonical names of person participants. */
  participantNames: string[];
  placeName: string | null;
  startDate: string | null;
  endDate: string | null;
  /** Precision of the dates (DAY, MONTH, ...); the store keeps the most precise an article gave. */
  precision?: string | null;
}

/** Snapshot of the graph that resolution matches against. The pipeline updates it after each article. */
export interface EntityIndex {
  people: KnownEntity[];
  organizations: KnownEntity[];
  places: KnownEntity[];
  events: KnownEvent[];
}

/**
 * Output of the resolve stage: the same shape as `Extraction`, but with
 * - every person/organisation/place `name` replaced by its canonical name in the graph
 *   (an existing node's name when it matched one, else the extracted canonical name), and
 *   aliases extended with the surface forms that matched;
 * - every event `key` replaced by the global natural key of the event it is the same
 *   real-world event as (an existing `KnownEvent.key`), or a new deterministic key.
 * Within a `ResolvedExtraction`, keys still cross-reference as in `Extraction`
 * (people/org/place keys are unchanged local keys; event keys are the global ones and
 * statements' `eventKey` is rewritten accordingly).
 */
export type ResolvedExtraction = Extraction;
