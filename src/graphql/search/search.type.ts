import { createUnionType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { SearchHit, Snippet } from '../../services/search.ts';
import type { NodeRecord } from '../../services/records.ts';
import { Article } from '../article/article.type.ts';
import { Event } from '../event/event.type.ts';
import { Organization } from '../organization/organization.type.ts';
import { PageInfo } from '../pagination/connection.ts';
import { Person } from '../person/person.type.ts';
import { Place } from '../place/place.type.ts';
import { Statement } from '../statement/statement.type.ts';

export enum SearchType {
  ARTICLE = 'Article',
  PERSON = 'Person',
  ORGANIZATION = 'Organization',
  PLACE = 'Place',
  EVENT = 'Event',
  STATEMENT = 'Statement',
}
registerEnumType(SearchType, {
  name: 'SearchType',
  description: 'Kinds of object `search` can return.',
  valuesConfig: {
    ARTICLE: { description: 'Articles, by title and text.' },
    PERSON: { description: 'People, by name or alias (typo-tolerant).' },
    ORGANIZATION: { description: 'Organisations, by name or alias (typo-tolerant).' },
    PLACE: { description: 'Places, by name or alias (typo-tolerant).' },
    EVENT: { description: 'Events, by title.' },
    STATEMENT: { description: 'Statements, by their words.' },
  },
});

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'Anything `search` can find.',
  types: () => [Article, Person, Organization, Place, Event, Statement] as const,
  resolveType: (value) => (value as { __typename?: string }).__typename,
});

@ObjectType({ description: 'A highlighted range of a snippet, in UTF-16 code units (JavaScript string indices).' })
export class TextRange {
  @Field(() => Int, { description: 'Offset of the first highlighted character.' })
  start!: number;

  @Field(() => Int, { description: 'Number of highlighted characters.' })
  length!: number;
}

/** Resolver value of an edge: the snippet is fetched lazily, once for the whole page. */
export interface SearchEdgeValue {
  cursor: string;
  node: NodeRecord;
  hit: SearchHit;
  snippet: () => Promise<Snippet>;
}

@ObjectType({ description: 'One search hit: the object found, how well it matched and where.' })
export class SearchResultEdge {
  @Field(() => String, { description: 'Opaque cursor of this edge, for `after`/`before`.' })
  cursor!: string;

  @Field(() => SearchResult, { description: 'The object found.' })
  node!: NodeRecord;

  @Field(() => Float, { description: 'Relevance in [0, 1]: name similarity for people, organisations and places (1 = exact), normalised full-text rank for articles, statements and events.' })
  score!: number;

  @Field(() => String, { description: 'Plain-text excerpt where the query matched: a passage of an article or statement, an event title, or a name with its aliases. Never contains markup; see `highlights`.' })
  snippet!: string;

  @Field(() => [TextRange], { description: 'Ranges of `snippet` that matched the query, for highlighting.' })
  highlights!: TextRange[];
}

@ObjectType({ description: 'A page of search results, best match first.' })
export class SearchResultConnection {
  @Field(() => [SearchResultEdge], { description: 'Edges of this page, each with its cursor, score and snippet.' })
  edges!: SearchEdgeValue[];

  @Field(() => [SearchResult], { description: 'The objects of this page, without scores (shortcut for edges.node).' })
  nodes!: NodeRecord[];

  @Field(() => PageInfo, { description: 'Pagination state of this page.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of matches in total, regardless of paging (exact; the pages hold the best 200 of each type). Computed only when selected.' })
  totalCount!: number | Promise<number>;
}
