import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { NodeRecord } from '../../services/records.ts';
import { searchGraph, searchSnippets, type Snippet } from '../../services/search.ts';
import type { GraphQLContext } from '../context.ts';
import { loaderFor } from '../loaders/create-loaders.ts';
import { ConnectionArgs, pageWindow, toConnection } from '../pagination/connection.ts';
import { SearchResultConnection, SearchResultEdge, SearchType, type SearchEdgeValue } from './search.type.ts';

@ArgsType()
class SearchArgs extends ConnectionArgs {
  @Field(() => String, { description: 'What to look for: words (stemmed, any order; "quoted phrases", -excluded and OR work as in web search) or a name, typos allowed.' })
  query!: string;

  @Field(() => [SearchType], { nullable: true, description: 'Only these kinds of object (default: all).' })
  types?: SearchType[] | null;
}

@Resolver(() => SearchResultEdge)
export class SearchResolver {
  @Query(() => SearchResultConnection, { description: 'Ranked search across articles, people, organisations, places, events and statements, with highlighted snippets. Names are matched typo-tolerantly ("Kim Jong-un" finds Kim Jong Un).' })
  async search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: GraphQLContext): Promise<SearchResultConnection> {
    const page = await searchGraph(ctx.sql, args.query, args.types, pageWindow(args));
    const connection = toConnection(page);
    const nodes = await Promise.all(page.rows.map((r) => loaderFor(ctx.loaders, r.node.type).load(r.node.rowId)));
    let snippets: Promise<Map<string, Snippet>> | null = null;
    // Only computed when a client asks for snippets, then once for the whole page.
    const snippetOf = (key: string) => (snippets ??= searchSnippets(ctx.sql, args.query, page.rows.map((r) => r.node))).then((m) => m.get(key) ?? { text: '', highlights: [] });
    const edges: SearchEdgeValue[] = [];
    connection.edges.forEach((edge, i) => {
      const node = nodes[i];
      // A row deleted between the search and the load drops out of the page.
      if (!node) return;
      const hit = edge.node;
      edges.push({ cursor: edge.cursor, node, hit, snippet: () => snippetOf(`${hit.type}:${hit.rowId}`) });
    });
    return { edges, nodes: edges.map((e) => e.node) as NodeRecord[], pageInfo: connection.pageInfo, totalCount: connection.totalCount };
  }

  @FieldResolver(() => Number)
  score(@Root() edge: SearchEdgeValue): number {
    return edge.hit.score;
  }

  @FieldResolver(() => String)
  async snippet(@Root() edge: SearchEdgeValue): Promise<string> {
    return (await edge.snippet()).text;
  }

  @FieldResolver()
  async highlights(@Root() edge: SearchEdgeValue) {
    return (await edge.snippet()).highlights;
  }
}
