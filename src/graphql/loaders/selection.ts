import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  Kind,
  type DirectiveNode,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/** What look-ahead needs of a resolver's info. */
export type SelectionContext = Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues'>;

function included(node: { directives?: readonly DirectiveNode[] }, variables: SelectionContext['variableValues']): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/**
 * The fields these selection sets select (through inline fragments and fragment spreads, honouring
 * @skip/@include). With `type`, only fragments that apply to an object of that type; without, all.
 */
export function selectedFields(info: SelectionContext, sets: readonly SelectionSetNode[], type?: GraphQLObjectType): readonly FieldNode[] {
  // A repeated query comes from the document store as the same nodes: its answer is kept with them,
  // unless a @skip/@include made it depend on the variables.
  const byType = sets.length === 1 ? known.get(sets[0]) : undefined;
  const cached = byType?.get(type?.name ?? '');
  if (cached) return cached;
  let directives = false;
  const applies = (condition: string | undefined) => {
    if (!type || !condition || condition === type.name) return true;
    const abstract = info.schema.getType(condition);
    return abstract != null && isAbstractType(abstract) && info.schema.isSubType(abstract, type);
  };
  const fields: FieldNode[] = [];
  const seenFragments = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.directives?.length) directives = true;
      if (!included(s, info.variableValues)) continue;
      if (s.kind === Kind.FIELD) fields.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (applies(s.typeCondition?.name.value)) visit(s.selectionSet);
      } else if (!seenFragments.has(s.name.value)) {
        seenFragments.add(s.name.value);
        const fragment = info.fragments[s.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  if (sets.length === 1 && !directives) {
    const map = known.get(sets[0]) ?? new Map<string, FieldNode[]>();
    map.set(type?.name ?? '', fields);
    known.set(sets[0], map);
  }
  return fields;
}

/** Fields a selection set selects, by the object type asked about ('' for all), for sets without directives. */
const known = new WeakMap<SelectionSetNode, Map<string, FieldNode[]>>();

const setsOf = (fields: readonly FieldNode[]) => fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));

/** Whether the items of these connection fields (`nodes { … }` or `edges { node { … } }`) select `name`. */
export function connectionItemsSelect(info: SelectionContext, connectionFields: readonly FieldNode[], name: string): boolean {
  const level = selectedFields(info, setsOf(connectionFields));
  const edges = level.filter((f) => f.name.value === 'edges');
  const items = [...level.filter((f) => f.name.value === 'nodes'), ...selectedFields(info, setsOf(edges)).filter((f) => f.name.value === 'node')];
  return selectedFields(info, setsOf(items)).some((f) => f.name.value === name);
}

/** Whether these connection fields select `totalCount`: then its count goes out with the page. */
export function selectsTotalCount(info: SelectionContext, connectionFields: readonly FieldNode[]): boolean {
  return selectedFields(info, setsOf(connectionFields)).some((f) => f.name.value === 'totalCount');
}
