import { createUnionType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { StatementKind } from '../enums.ts';
import { Node } from '../node/node.interface.ts';
import { Organization } from '../organization/organization.type.ts';
import { ConnectionType } from '../pagination/connection.ts';
import { Person } from '../person/person.type.ts';

export const Speaker = createUnionType({
  name: 'Speaker',
  description: 'Who made a statement: a person, or an organisation (also when an unnamed official speaks for it).',
  types: () => [Person, Organization] as const,
  resolveType: (value) => (value as { __typename?: string }).__typename,
});

@ObjectType({ implements: Node, description: 'Something someone said, as reported in an article: who said what, where, when and about what.' })
export class Statement implements Node {
  @Field(() => ID, { description: 'Globally unique opaque ID.' })
  id!: string;

  @Field(() => Int, { description: 'Primary key in the database (stable, but prefer `id`).' })
  rowId!: number;

  @Field(() => String, { description: 'The words: the quotation for direct speech, the reported content for indirect speech; the article text of `spans`, joined by one space.' })
  text!: string;

  @Field(() => StatementKind, { description: 'Direct quotation, indirect (reported) speech, or a mix.' })
  kind!: StatementKind;

  @Field(() => String, { nullable: true, description: 'The cue as written, e.g. "said", "was quoted as saying", "according to".' })
  cue!: string | null;

  @Field(() => String, { nullable: true, description: 'The speaker as the article writes it, e.g. "a spokesperson for the US State Department".' })
  speakerText!: string | null;

  @Field(() => Int, { description: 'Start offset (UTF-16 code units) of the statement in Article.body: where its first part starts.' })
  startOffset!: number;

  @Field(() => Int, { description: 'End offset (exclusive) of the statement in Article.body: where its last part ends.' })
  endOffset!: number;

  @Field(() => Float, { description: 'Extractor confidence in this statement and its attribution, 0..1.' })
  confidence!: number;

  speakerPersonId!: number | null;
  speakerOrganizationId!: number | null;
  articleId!: number;
  eventId!: number | null;
  spanStarts!: number[];
  spanEnds!: number[];
}

export const StatementConnection = ConnectionType(Statement, 'Statement', 'A page of statements.');
