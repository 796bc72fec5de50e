import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { rowIdOf } from '../filters.ts';
import { DateScalar } from '../scalars/index.ts';
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

  @Field(() => DateScalar, { nullable: true, description: 'Only articles and statements published (events taking place) on or after this date; people, organisations and places are left out.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only articles and statements published (events taking place) on or before this date; people, organisations and places are left out.' })
  to?: string | null;

  @Field(() => String, { nullable: true, description: 'Only articles, statements and events from a source containing this text (case-insensitive); people, organisations and places are left out.' })
  source?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only articles mentioning this person, statements they made and events they took part in; people, organisations and places are left out.' })
  person?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only articles mentioning this organisation, statements it made and events it took part in; people, organisations and places are left out.' })
  organization?: string | null;
}

@Resolver(() => SearchResultEdge)
export class SearchResolver {
  @Query(() => SearchResultConnection, { description: 'Ranked search across articles, people, organisations, places, events and statements, with highlighted snippets. Names are matched typo-tolerantly and hyphens or apostrophes inside names read as spaces ("Kim Jong-un" finds Kim Jong Un and articles writing either). Each type contributes its best 200 results (documents: the best-ranked of their newest 200 matches); `totalCount` counts every match and is computed only when selected.' })
  async search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: GraphQLContext): Promise<SearchResultConnection> {
    const filter = {
      from: args.from,
      to: args.to,
      source: args.source,
      personId: rowIdOf(args.person, 'Person', 'person'),
      organizationId: rowIdOf(args.organization, 'Organization', 'organization'),
    };
    const page = await searchGraph(ctx.sql, args.query, args.types, pageWindow(args), filter);
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
    return {
      edges,
      nodes: edges.map((e) => e.node) as NodeRecord[],
      pageInfo: connection.pageInfo,
      // Counting every match of a common word is the costly part of a search: only when selected.
      get totalCount() {
        return page.count();
      },
    };
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
