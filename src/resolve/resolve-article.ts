import type { Extraction } from '../extract/types.ts';
import { mergeSameNames } from './merge-same-names.ts';
import { addToIndex, resolveExtraction } from './resolve-extraction.ts';
import type { EntityIndex, ResolvedExtraction } from './types.ts';

/**
 * The resolve stage for one article, in arrival order: matched against the index, same-named nodes
 * merged (the only place names are merged: the store writes one row per name), and what it taught us
 * added to the index for the next articles of the batch. `article`: its identities (see EventMember.article).
 */
export function resolveArticle(index: EntityIndex, extraction: Extraction, article?: string[]): ResolvedExtraction {
  const resolved = mergeSameNames(resolveExtraction(extraction, index, article));
  addToIndex(index, resolved);
  return resolved;
}
