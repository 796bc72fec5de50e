import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface.ts';
import { ConnectionType } from '../pagination/connection.ts';
import { DateScalar, DateTimeScalar } from '../scalars/index.ts';

@ObjectType({ implements: Node, description: 'A news article as ingested, with everything extracted from it.' })
export class Article implements Node {
  @Field(() => ID, { description: 'Globally unique opaque ID.' })
  id!: string;

  @Field(() => Int, { description: 'Primary key in the database (stable, but prefer `id`).' })
  rowId!: number;

  @Field(() => String, { description: 'Headline.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Publisher(s) as credited, e.g. "Al Jazeera, News Agencies".' })
  source!: string | null;

  @Field(() => String, { nullable: true, description: 'Canonical URL, when known.' })
  url!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Publication date; null when the article does not state it.' })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Dateline place as written, e.g. "MOSCOW".' })
  dateline!: string | null;

  @Field(() => String, { description: 'Normalised article text (title excluded). Statement offsets point into it.' })
  body!: string;

  @Field(() => String, { description: 'SHA-256 of the normalised title and text; identical content has an identical hash.' })
  contentHash!: string;

  @Field(() => String, { description: 'Version of the extractor that produced this article\'s entities and statements.' })
  extractorVersion!: string;

  @Field(() => DateTimeScalar, { description: 'When the article was first ingested.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the article was last re-ingested or corrected.' })
  updatedAt!: Date;
}

export const ArticleConnection = ConnectionType(Article, 'Article', 'A page of articles.');
