import type { Writer } from '../db/prisma-client.ts';
import type { Extraction } from '../extract/types.ts';
import { normalizeName, preferredName } from '../resolve/names.ts';
import { emptyIndex } from '../resolve/resolve-extraction.ts';
import type { EntityIndex } from '../resolve/types.ts';

/**
 * The stored names of `table` that normalise like one of `terms`: one look-up on the expression index
 * of migration 20261203090000_name_look_up (newsgraph_norm_name is normalizeName in SQL).
 */
async function storedNames(writer: Writer, table: 'person' | 'organization' | 'place', terms: string[], into: Map<string, string>): Promise<void> {
  if (terms.length === 0) return;
  const rows = await writer.query<{ name: string }>(`SELECT name FROM ${table} WHERE newsgraph_norm_name(name) = ANY($1::text[])`, [terms]);
  for (const { name } of rows) {
    const n = normalizeName(name);
    const known = into.get(n);
    into.set(n, known === undefined ? name : preferredName(known, name));
  }
}

/**
 * The part of the stored graph a batch's resolution can touch, fetched by look-up instead of loading
 * the graph: the nodes named like the batch's people, organisations and places.
 */
export async function lookUpIndex(writer: Writer, extractions: Extraction[]): Promise<EntityIndex> {
  const terms = (list: { name: string }[]) => [...new Set(list.map((e) => normalizeName(e.name)))];
  const index = emptyIndex();
  await storedNames(writer, 'person', terms(extractions.flatMap((x) => x.people)), index.people);
  await storedNames(writer, 'organization', terms(extractions.flatMap((x) => x.organizations)), index.organizations);
  await storedNames(writer, 'place', terms(extractions.flatMap((x) => x.places)), index.places);
  return index;
}
