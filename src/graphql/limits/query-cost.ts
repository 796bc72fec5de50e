import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_LIMITS } from '../../services/pagination.ts';
import { TIMELINE_SAMPLE } from '../../services/timeline.ts';

export interface QueryShape {
  /** Objects the operation can return at most, GitHub-style: each connection multiplies its children by its page size. */
  cost: number;
  /** Deepest field nesting (fragments inlined). */
  depth: number;
  aliases: number;
  directives: number;
  /** Fields selected once fragments are inlined: what execution would have to collect. */
  fields: number;
  /** Fragment spreads the measurement looked at: at most the spreads written in the document. */
  spreadsVisited: number;
}

function argValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case Kind.VARIABLE: return variables[node.name.value];
    case Kind.INT: return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM: return node.value;
    case Kind.LIST: return node.values.map((v) => argValue(v, variables));
    default: return undefined;
  }
}

type Arg = (name: string) => unknown;

const argsOf = (field: FieldNode, variables: Record<string, unknown>): Arg => (name) => argValue(field.arguments?.find((a) => a.name.value === name)?.value, variables);

/** The page size a connection field asks for: first/last, else the default; capped at the maximum. */
function pageSize(arg: Arg): number {
  const n = Number(arg('first') ?? arg('last') ?? DEFAULT_PAGE_LIMITS.defaultPageSize);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, DEFAULT_PAGE_LIMITS.maxPageSize) : DEFAULT_PAGE_LIMITS.defaultPageSize;
}

/** The span an open-ended timeline is priced at: ten years of news. */
export const OPEN_TIMELINE_DAYS = 3653;
// The shortest length of each bucket, so that the count is an upper bound (a month is at least 28 days).
const BUCKET_DAYS: Record<string, number> = { DAY: 1, WEEK: 7, MONTH: 28, YEAR: 365 };

/** Most buckets a timeline can have: its from–to range (else OPEN_TIMELINE_DAYS) over the interval. */
function timelineBuckets(arg: Arg): number {
  const from = Date.parse(String(arg('from')));
  const to = Date.parse(String(arg('to')));
  const days = Number.isFinite(from) && Number.isFinite(to) ? Math.max(0, (to - from) / 86_400_000) + 1 : OPEN_TIMELINE_DAYS;
  return Math.ceil(days / (BUCKET_DAYS[String(arg('interval') ?? 'MONTH')] ?? 1)) + 1;
}

/** Lists that are not connections, by parent type and field: the most items each can return. */
const LIST_BOUNDS: Record<string, (arg: Arg) => number> = {
  'Person.timeline': timelineBuckets,
  'Organization.timeline': timelineBuckets,
  'TimelineBucket.statements': () => TIMELINE_SAMPLE,
  'TimelineBucket.events': () => TIMELINE_SAMPLE,
  'Query.nodes': (arg) => {
    const ids = arg('ids');
    return Array.isArray(ids) ? ids.length : 1;
  },
};

const isConnection = (typeName: string) => typeName.endsWith('Connection');

/** What one selection set (a fragment's, say) adds, measured once at multiplier 1 and depth 0. */
interface SetShape {
  cost: number;
  depth: number;
  aliases: number;
  directives: number;
  fields: number;
}

const isComposite = (t: unknown): t is GraphQLCompositeType => isObjectType(t) || isInterfaceType(t) || isUnionType(t);

/**
 * Measures an operation before it runs. Cost counts the objects it can return: every object-typed
 * field costs 1 per parent; a connection's edges/nodes multiply what is below by its page size, and
 * other lists (timelines, nodes(ids:)) by the most items they can hold (LIST_BOUNDS).
 *
 * Time is linear in the document: a named fragment is measured once and its shape reused at every
 * spread (cost scales with the multiplier, depth adds the spread's depth), so a chain of fragments
 * that each spread the previous one twice costs one visit per spread, not 2^levels. Counts
 * (aliases, directives, cost) are the same as fully inlining the fragments would give. A fragment
 * spread inside itself (a cycle, which validation refuses anyway) adds nothing.
 */
export function measureOperation(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string | null): QueryShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
  }
  const op = operations.find((o) => !operationName || o.name?.value === operationName) ?? operations[0];
  const shape: QueryShape = { cost: 0, depth: 0, aliases: 0, directives: 0, fields: 0, spreadsVisited: 0 };
  if (!op) return shape;
  const root = op.operation === 'mutation' ? schema.getMutationType() : op.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return shape;

  const measured = new Map<string, SetShape>();
  const inProgress = new Set<string>();

  const fragmentShape = (name: string): SetShape | null => {
    const known = measured.get(name);
    if (known) return known;
    const frag = fragments.get(name);
    if (!frag || inProgress.has(name)) return null;
    const cond = schema.getType(frag.typeCondition.name.value);
    if (!isComposite(cond)) return null;
    inProgress.add(name);
    const result = measureSet(frag.selectionSet, cond);
    inProgress.delete(name);
    measured.set(name, result);
    return result;
  };

  // The shape of one selection set at multiplier 1, depth 0; children scale and shift it.
  function measureSet(set: SelectionSetNode, parent: GraphQLCompositeType): SetShape {
    const acc: SetShape = { cost: 0, depth: 0, aliases: 0, directives: 0, fields: 0 };
    const add = (child: SetShape, multiplier: number, depthOffset: number) => {
      acc.cost += child.cost * multiplier;
      acc.depth = Math.max(acc.depth, child.depth + depthOffset);
      acc.aliases += child.aliases;
      acc.directives += child.directives;
      acc.fields += child.fields;
    };
    for (const sel of set.selections) {
      acc.directives += sel.directives?.length ?? 0;
      if (sel.kind === Kind.FIELD) {
        acc.fields++;
        if (sel.alias) acc.aliases++;
        if (!sel.selectionSet) continue;
        const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
        const def = fields[sel.name.value];
        const type = def ? getNamedType(def.type) : null;
        if (!isComposite(type)) continue;
        // A connection object itself is free; what it lists (edges/nodes) is paid per page item.
        const listing = isConnection(parent.name) && (sel.name.value === 'edges' || sel.name.value === 'nodes');
        // An edge's node is the item the edge already paid for.
        const edgeNode = parent.name.endsWith('Edge') && sel.name.value === 'node';
        const arg = argsOf(sel, variables);
        const items = LIST_BOUNDS[`${parent.name}.${sel.name.value}`]?.(arg) ?? 1;
        const childMultiplier = isConnection(type.name) ? Math.max(1, pageSize(arg)) : items;
        if (!isConnection(type.name) && !listing && !edgeNode) acc.cost += items;
        if (listing) acc.cost += 1;
        add(measureSet(sel.selectionSet, type), childMultiplier, 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (isComposite(cond)) add(measureSet(sel.selectionSet, cond), 1, 0);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        shape.spreadsVisited++;
        const frag = fragmentShape(sel.name.value);
        if (frag) add(frag, 1, 0);
      }
    }
    return acc;
  }

  const total = measureSet(op.selectionSet, root);
  shape.cost = Math.max(1, total.cost);
  shape.depth = total.depth;
  shape.aliases = total.aliases;
  shape.directives = total.directives;
  shape.fields = total.fields;
  return shape;
}

/** The cost function the rate limiter charges: the same measure that limits are enforced on. */
export function computeQueryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string | null): number {
  // The operation that runs, not the document's first: what a client is charged is what it was told it costs.
  return measureOperation(schema, document, variables, operationName).cost;
}

interface Measured {
  schema: GraphQLSchema;
  operationName: string | null;
  /** The variables the measurement read (page sizes, timeline ranges, ids lists), as JSON. */
  read: Map<string, string>;
  shape: QueryShape;
}

const measuredDocuments = new WeakMap<DocumentNode, Measured>();

const sameReads = (m: Measured, variables: Record<string, unknown>) => {
  for (const [name, json] of m.read) if (JSON.stringify(variables[name]) !== json) return false;
  return true;
};

/**
 * measureOperation for a document that repeats (the document store hands a repeated query back as
 * the same object): its shape is kept with it and reused while the variables it read are the same.
 * Most read none (`node(id: $id)` does not change what a page costs), so a repeated page is measured
 * once, not at every request.
 */
export function measureDocument(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string | null): QueryShape {
  const known = measuredDocuments.get(document);
  if (known && known.schema === schema && known.operationName === (operationName ?? null) && sameReads(known, variables)) return { ...known.shape };
  const read = new Map<string, string>();
  const watched = new Proxy(variables, {
    get(target, name) {
      const value = (target as Record<string | symbol, unknown>)[name];
      if (typeof name === 'string') read.set(name, JSON.stringify(value));
      return value;
    },
  });
  const shape = measureOperation(schema, document, watched, operationName);
  measuredDocuments.set(document, { schema, operationName: operationName ?? null, read, shape: { ...shape } });
  return shape;
}
