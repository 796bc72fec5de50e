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

/**
 * Measures an operation before it runs. Cost counts the objects it can return: every object-typed
 * field costs 1 per parent; a connection's edges/nodes multiply what is below by its page size, and
 * other lists (timelines, nodes(ids:)) by the most items they can hold (LIST_BOUNDS).
 * Fragment cycles cannot loop (a fragment is expanded at most once per path).
 */
export function measureOperation(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string | null): QueryShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
  }
  const op = operations.find((o) => !operationName || o.name?.value === operationName) ?? operations[0];
  const shape: QueryShape = { cost: 0, depth: 0, aliases: 0, directives: 0 };
  if (!op) return shape;
  const root = op.operation === 'mutation' ? schema.getMutationType() : op.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return shape;

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number, depth: number, seen: Set<string>) => {
    shape.depth = Math.max(shape.depth, depth);
    for (const sel of set.selections) {
      shape.directives += sel.directives?.length ?? 0;
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) shape.aliases++;
        if (!sel.selectionSet) continue;
        const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
        const def = fields[sel.name.value];
        const type = def ? getNamedType(def.type) : null;
        if (!type || !(isObjectType(type) || isInterfaceType(type) || isUnionType(type))) continue;
        // A connection object itself is free; what it lists (edges/nodes) is paid per page item.
        const listing = isConnection(parent.name) && (sel.name.value === 'edges' || sel.name.value === 'nodes');
        // An edge's node is the item the edge already paid for.
        const edgeNode = parent.name.endsWith('Edge') && sel.name.value === 'node';
        const arg = argsOf(sel, variables);
        const items = LIST_BOUNDS[`${parent.name}.${sel.name.value}`]?.(arg) ?? 1;
        const childMultiplier = isConnection(type.name) ? multiplier * Math.max(1, pageSize(arg)) : multiplier * items;
        if (!isConnection(type.name) && !listing && !edgeNode) shape.cost += multiplier * items;
        if (listing) shape.cost += multiplier;
        walk(sel.selectionSet, type, childMultiplier, depth + 1, seen);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (cond && (isObjectType(cond) || isInterfaceType(cond) || isUnionType(cond))) walk(sel.selectionSet, cond, multiplier, depth, seen);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(frag.name.value)) continue;
        const cond = schema.getType(frag.typeCondition.name.value);
        if (cond && (isObjectType(cond) || isInterfaceType(cond) || isUnionType(cond))) walk(frag.selectionSet, cond, multiplier, depth, new Set([...seen, frag.name.value]));
      }
    }
  };
  walk(op.selectionSet, root, 1, 0, new Set());
  shape.cost = Math.max(1, shape.cost);
  return shape;
}

/** The cost function the rate limiter charges: the same measure that limits are enforced on. */
export function computeQueryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}): number {
  return measureOperation(schema, document, variables).cost;
}
