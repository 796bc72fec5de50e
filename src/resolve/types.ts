import type { Extraction } from '../extract/types.ts';

/**
 * What the resolve stage knows of the graph: per kind of entity, the node's name by normalised name
 * (see normalizeName). Filled from the stored graph by look-up for one batch, then extended by each
 * article of the batch in arrival order.
 */
export interface EntityIndex {
  people: Map<string, string>;
  organizations: Map<string, string>;
  places: Map<string, string>;
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
}

/**
 * Output of the resolve stage: the same shape as `Extraction`, but with every person, organisation and
 * place `name` replaced by its node's name (the preferred spelling among the names that normalise
 * alike) and aliases extended with the spelling the article used. Event keys are the extractor's:
 * an event is the same event in two articles when its key (group, participants, place or year) is.
 * `renames`: stored or earlier nodes this article's spelling renames, applied by the store first.
 */
export type ResolvedExtraction = Extraction & { renames?: Renames };
