import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FIELD_LIMITS, MAX_ARTICLE_BYTES, type ArticleField } from '../../ingest/field-limits.ts';
import type { ArticleRecord, PersonRecord, StatementRecord } from '../../services/records.ts';
import { Article } from '../article/article.type.ts';
import { Person } from '../person/person.type.ts';
import { DateScalar } from '../scalars/index.ts';
import { Statement } from '../statement/statement.type.ts';

export enum UserErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation refused its input.',
  valuesConfig: {
    BAD_USER_INPUT: { description: 'The input is invalid (empty text, unparseable article, merging a person into themself, wrong ID type, ...).' },
    NOT_FOUND: { description: 'An ID in the input names nothing (deleted meanwhile, or never existed).' },
    CONFLICT: { description: 'The change contradicts the current graph (e.g. splitting an alias into the same person).' },
  },
});

@ObjectType({ description: 'A problem with a mutation\'s input, returned instead of a change (nothing was changed).' })
export class UserError {
  @Field(() => String, { description: 'What is wrong, for people.' })
  message!: string;

  @Field(() => [String], { nullable: true, description: 'Path of the input field at fault, e.g. ["input", "sourceIds"].' })
  field!: string[] | null;

  @Field(() => UserErrorCode, { description: 'What is wrong, for programs.' })
  code!: UserErrorCode;
}

export enum IngestOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(IngestOutcome, {
  name: 'IngestOutcome',
  description: 'What an ingest did with the article.',
  valuesConfig: {
    CREATED: { description: 'A new article was stored.' },
    UPDATED: { description: 'A stored story (same URL, or same title, source and date) was corrected to this text.' },
    UNCHANGED: { description: 'Identical content was already stored; nothing changed.' },
  },
});

const mb = (bytes: number) => bytes / 1024 / 1024;
const limit = (field: ArticleField) =>
  `At most ${FIELD_LIMITS[field].toLocaleString('en-US')} characters and no control characters${field === 'url' ? '' : ' except tab and newline'}; any other value is refused with a BAD_USER_INPUT user error on this field.`;

@InputType({ description: 'An article to ingest: its raw text (as in a seed file) plus metadata that overrides what parsing finds.' })
export class IngestArticleInput {
  @Field(() => String, { description: `Raw article text: title line, optional date/Source lines, paragraphs. Plain text or simple HTML. At most ${mb(MAX_ARTICLE_BYTES)} MB of UTF-8 (and within the server's request size limit).` })
  text!: string;

  @Field(() => String, { nullable: true, description: `Headline (default: the first line of the text). ${limit('title')}` })
  title?: string | null;

  @Field(() => String, { nullable: true, description: `Publisher, e.g. "Reuters". ${limit('source')}` })
  source?: string | null;

  @Field(() => String, { nullable: true, description: `Canonical URL; identifies the story across corrections. ${limit('url')}` })
  url?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Publication date.' })
  publishedAt?: string | null;

  @Field(() => String, { nullable: true, description: `Dateline place, e.g. "MOSCOW". ${limit('dateline')}` })
  dateline?: string | null;
}

@ObjectType({ description: 'Result of ingestArticle.' })
export class IngestArticlePayload {
  @Field(() => Article, { nullable: true, description: 'The stored article with everything extracted from it; null on user errors.' })
  article!: ArticleRecord | null;

  @Field(() => IngestOutcome, { nullable: true, description: 'What happened; null on user errors.' })
  outcome!: IngestOutcome | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'People to merge into one.' })
export class MergePeopleInput {
  @Field(() => ID, { description: 'The person who remains.' })
  targetId!: string;

  @Field(() => [ID], { description: 'People merged into the target and then deleted; their names become aliases.' })
  sourceIds!: string[];
}

@ObjectType({ description: 'Result of mergePeople.' })
export class MergePeoplePayload {
  @Field(() => Person, { nullable: true, description: 'The merged person; null on user errors.' })
  person!: PersonRecord | null;

  @Field(() => [ID], { description: 'IDs of the people merged away (they no longer exist).' })
  removedPersonIds!: string[];

  @Field(() => [UserError], { description: 'Problems with the input; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'An alias that names someone else.' })
export class SplitAliasInput {
  @Field(() => ID, { description: 'The person carrying the alias.' })
  personId!: string;

  @Field(() => String, { description: 'The alias to split off, as listed in Person.aliases (case-insensitive).' })
  alias!: string;

  @Field(() => String, { nullable: true, description: 'Name of the person it really names (default: the alias). An existing person of that name receives the mentions.' })
  newName?: string | null;
}

@ObjectType({ description: 'Result of splitAlias.' })
export class SplitAliasPayload {
  @Field(() => Person, { nullable: true, description: 'The original person, without the alias; null on user errors.' })
  person!: PersonRecord | null;

  @Field(() => Person, { nullable: true, description: 'The person the alias now names; null on user errors.' })
  newPerson!: PersonRecord | null;

  @Field(() => Int, { description: 'Mentions written exactly as the alias that moved to the new person.' })
  movedMentionCount!: number;

  @Field(() => Int, { description: 'Statements attributed through the alias that moved to the new person.' })
  movedStatementCount!: number;

  @Field(() => [UserError], { description: 'Problems with the input; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: "Corrections to a statement's attribution. Omitted fields stay as they are." })
export class ReassignStatementInput {
  @Field(() => ID, { description: 'The statement to correct.' })
  statementId!: string;

  @Field(() => ID, { nullable: true, description: 'The real speaker: a Person or Organization ID.' })
  speakerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True: the statement has no known speaker.' })
  clearSpeaker?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'The event the statement is about.' })
  eventId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True: the statement is about no particular event.' })
  clearEvent?: boolean | null;
}

@ObjectType({ description: 'Result of reassignStatement.' })
export class ReassignStatementPayload {
  @Field(() => Statement, { nullable: true, description: 'The corrected statement; null on user errors.' })
  statement!: StatementRecord | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'An article to delete.' })
export class DeleteArticleInput {
  @Field(() => ID, { description: 'The article.' })
  id!: string;
}

@ObjectType({ description: 'Result of deleteArticle.' })
export class DeleteArticlePayload {
  @Field(() => ID, { nullable: true, description: 'ID of the deleted article; null on user errors.' })
  deletedArticleId!: string | null;

  @Field(() => [ID], { description: 'Every node that no longer exists: the article, its statements, and people, organisations, places and events no other article mentions.' })
  deletedNodeIds!: string[];

  @Field(() => [UserError], { description: 'Problems with the input; empty on success.' })
  userErrors!: UserError[];
}
