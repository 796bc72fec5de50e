import { getNamedType, isAbstractType, isObjectType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { FieldSelection, TypeName } from '../../services/records.ts';

const RECORD_TYPES: ReadonlySet<string> = new Set<TypeName>(['Article', 'Person', 'Organization', 'Place', 'Event', 'Statement']);

/** A document's selection, with a short text naming it (for the loaders' statement caches). */
export interface DocumentSelection {
  fields: FieldSelection;
  /** Differs between selections that read different columns of some type. */
  signature: string;
}

const known = new WeakMap<DocumentNode, WeakMap<GraphQLSchema, DocumentSelection>>();

/**
 * The fields a document selects on each record type, anywhere in it (every operation and fragment,
 * whatever @skip/@include decide: a superset is safe): the loaders read only the columns these need
 * (records.ts, columnsOf). One set per type, not per place in the query, because a request's loaders
 * share their rows: the person a statement's speaker loads may be the one a list shows. A field
 * selected on an interface or union (`node(id:) { id }`, `speaker { ... }`) counts for every record
 * type that implements it. Kept with the document: the document store hands a repeated query the
 * same nodes.
 */
export function documentSelection(schema: GraphQLSchema, document: DocumentNode): DocumentSelection {
  let bySchema = known.get(document);
  const cached = bySchema?.get(schema);
  if (cached) return cached;
  const sets = new Map<string, Set<string>>();
  const add = (type: string, field: string) => {
    if (!RECORD_TYPES.has(type)) return;
    let set = sets.get(type);
    if (!set) sets.set(type, (set = new Set()));
    set.add(field);
  };
  const typeInfo = new TypeInfo(schema);
  visit(document, visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      if (!parent) return;
      const named = getNamedType(parent);
      if (isObjectType(named)) add(named.name, node.name.value);
      else if (isAbstractType(named)) for (const t of schema.getPossibleTypes(named)) add(t.name, node.name.value);
    },
  }));
  const fields: FieldSelection = {};
  // A record type the document selects nothing on (only reached as a list's row count, say) reads its
  // row id alone; one it never reaches is not read at all.
  for (const type of RECORD_TYPES) fields[type as TypeName] = sets.get(type) ?? new Set();
  const signature = [...RECORD_TYPES].map((t) => [...(sets.get(t) ?? [])].sort().join(',')).join('|');
  const selection = { fields, signature };
  if (!bySchema) known.set(document, (bySchema = new WeakMap()));
  bySchema.set(schema, selection);
  return selection;
}
