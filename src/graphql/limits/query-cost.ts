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
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

/** The page size a connection field asks for: first/last, else the default; capped at the maximum. */
function pageSize(field: FieldNode, variables: Record<string, unknown>): number {
  const arg = (name: string) => argValue(field.arguments?.find((a) => a.name.value === name)?.value, variables);
  const n = Number(arg('first') ?? arg('last') ?? DEFAULT_PAGE_LIMITS.defaultPageSize);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, DEFAULT_PAGE_LIMITS.maxPageSize) : DEFAULT_PAGE_LIMITS.defaultPageSize;
}

const isConnection = (typeName: string) => typeName.endsWith('Connection');

/**
 * Measures an operation before it runs. Cost counts the objects it can return: every object-typed
 * field costs 1 per parent; a connection's edges/nodes multiply what is below by its page size.
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
        const childMultiplier = isConnection(type.name) ? multiplier * Math.max(1, pageSize(sel, variables)) : multiplier;
        if (!isConnection(type.name) && !listing && !edgeNode) shape.cost += multiplier;
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
