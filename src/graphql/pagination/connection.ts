import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { toPageWindow, type Page, type PageArgs, type PageLimits, type PageWindow } from '../../services/pagination.ts';

@ObjectType({ description: 'Relay pagination state of a connection.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow the last edge of this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items precede the first edge of this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; pass it as `before` to page backwards.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` to page forwards.' })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs implements PageArgs {
  @Field(() => Int, { nullable: true, description: 'Returns the first n items (default 20 when neither first nor last is given; at most 100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Returns items after this cursor.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Returns the last n items (at most 100).' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Returns items before this cursor.' })
  before?: string | null;
}

/** The shape every connection resolver returns. `totalCount` is computed only when read (selected). */
export interface ConnectionValue<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: number | Promise<number>;
}

/**
 * Generic Relay connection type: `<Name>Connection` with `<Name>Edge`. With `weight` (its description),
 * the edges also carry the strength of the relationship (shared articles, statements, ...): see withWeights.
 */
export function ConnectionType<T extends object>(nodeType: ClassType<T> | object, name: string, description: string, weight?: string) {
  const weighted = weight !== undefined;

  @ObjectType(`${name}Edge`, { description: `An edge in a ${name} connection${weighted ? ', with its weight' : ''}.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this edge, for `after`/`before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The item at the end of the edge.' })
    node!: T;

    weight?: number;
  }
  if (weighted) Field(() => Int, { description: weight })(Edge.prototype, 'weight');

  @ObjectType(`${name}Connection`, { description })
  class Connection implements ConnectionValue<T> {
    @Field(() => [Edge], { description: weighted ? 'Edges of this page, strongest first, each with its cursor and weight.' : 'Edges of this page, each with its cursor.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: `The items of this page, without cursors${weighted ? ' or weights' : ''} (shortcut for edges.node).` })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Pagination state of this page.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole connection, regardless of paging. Computed only when selected.' })
    totalCount!: number | Promise<number>;
  }
  return Connection;
}

/** One page of service rows → the connection value. */
export function toConnection<T>(page: Page<T>): ConnectionValue<T> {
  // Edges and cursors are made when read: most pages select `nodes` only, and a cursor costs an
  // encoding per row (see pageOf).
  let edges: { cursor: string; node: T }[] | undefined;
  const { rows } = page;
  return {
    get edges() {
      return (edges ??= rows.map((r) => ({ cursor: r.cursor, node: r.node })));
    },
    nodes: rows.map((r) => r.node),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      get startCursor() {
        return rows[0]?.cursor ?? null;
      },
      get endCursor() {
        return rows[rows.length - 1]?.cursor ?? null;
      },
    },
    // A getter: GraphQL reads it only when the query selects totalCount, and only then is it counted.
    get totalCount() {
      return page.count();
    },
  };
}

export function pageWindow(args: PageArgs, limits?: PageLimits): PageWindow {
  return toPageWindow(args, limits);
}

/** Moves the `__weight` column the relation SQL selects onto each edge. */
export function withWeights<T>(connection: ConnectionValue<T>): ConnectionValue<T> & { edges: { cursor: string; node: T; weight: number }[] } {
  const edges = connection.edges.map((e) => ({ ...e, weight: Number((e.node as { __weight?: number }).__weight ?? 0) }));
  return { edges, nodes: connection.nodes, pageInfo: connection.pageInfo, get totalCount() {
    return connection.totalCount;
  } };
}
