import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { AppError } from '../../services/app-error.ts';
import { deleteArticle, ingestArticleText, mergePeople, reassignStatement, splitAlias, type StatementChange } from '../../services/editor.ts';
import { expectGlobalId, toGlobalId } from '../../services/global-id.ts';
import type { ArticleRecord, PersonRecord, StatementRecord, TypeName } from '../../services/records.ts';
import type { GraphQLContext } from '../context.ts';
import { createLoaders } from '../loaders/create-loaders.ts';
import {
  DeleteArticleInput, DeleteArticlePayload, IngestArticleInput, IngestArticlePayload, MergePeopleInput, MergePeoplePayload,
  ReassignStatementInput, ReassignStatementPayload, SplitAliasInput, SplitAliasPayload, UserErrorCode, type UserError,
} from './mutation.types.ts';

const USER_CODES = new Set<string>(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT']);

/**
 * Runs a correction: input problems become typed user errors next to a null result (nothing
 * changed); anything else is a real error. Afterwards the request's loaders are replaced, so later
 * fields (and later mutations of the same operation) read the corrected graph.
 */
async function run<T extends { userErrors: UserError[] }>(ctx: GraphQLContext, empty: Omit<T, 'userErrors'>, fn: (db: NonNullable<GraphQLContext['db']>) => Promise<Omit<T, 'userErrors'>>): Promise<T> {
  if (!ctx.db) throw new AppError('INTERNAL_SERVER_ERROR', 'This server was started without write access');
  try {
    return { ...(await fn(ctx.db)), userErrors: [] } as unknown as T;
  } catch (error) {
    if (error instanceof AppError && USER_CODES.has(error.code)) {
      const field = Array.isArray(error.details.field) ? (error.details.field as string[]) : null;
      return { ...empty, userErrors: [{ message: error.message, field, code: error.code as UserErrorCode }] } as unknown as T;
    }
    throw error;
  } finally {
    ctx.loaders = createLoaders(ctx.sql);
  }
}

/** Decodes an input ID, reporting a wrong one as a user error on that field. */
function idOf(id: string, types: TypeName[], field: string) {
  try {
    return expectGlobalId(id, types, field);
  } catch (error) {
    throw new AppError('BAD_USER_INPUT', (error as Error).message, { field: ['input', field] });
  }
}

@Resolver()
export class MutationResolver {
  @Mutation(() => IngestArticlePayload, { description: 'Ingests one article (parse, extract, resolve, store). Idempotent: the same text again is UNCHANGED; a corrected text of the same story UPDATES it. Requires an API key.' })
  ingestArticle(@Arg('input', () => IngestArticleInput, { description: 'What to change.' }) input: IngestArticleInput, @Ctx() ctx: GraphQLContext): Promise<IngestArticlePayload> {
    return run<IngestArticlePayload>(ctx, { article: null, outcome: null }, async (db) => {
      const r = await ingestArticleText(db, input);
      ctx.loaders = createLoaders(ctx.sql);
      return { outcome: r.outcome as IngestArticlePayload['outcome'], article: (await ctx.loaders.article.load(r.articleId)) as ArticleRecord };
    });
  }

  @Mutation(() => MergePeoplePayload, { description: 'Merges people who are one person: mentions, statements and events move to the target, the others\' names become its aliases, and they are deleted. Requires an API key.' })
  mergePeople(@Arg('input', () => MergePeopleInput, { description: 'What to change.' }) input: MergePeopleInput, @Ctx() ctx: GraphQLContext): Promise<MergePeoplePayload> {
    return run<MergePeoplePayload>(ctx, { person: null, removedPersonIds: [] }, async (db) => {
      const target = idOf(input.targetId, ['Person'], 'targetId').rowId;
      const sources = input.sourceIds.map((id) => idOf(id, ['Person'], 'sourceIds').rowId);
      const r = await mergePeople(db, target, sources);
      ctx.loaders = createLoaders(ctx.sql);
      return { person: (await ctx.loaders.person.load(r.personId)) as PersonRecord, removedPersonIds: r.removed.map((id) => toGlobalId('Person', id)) };
    });
  }

  @Mutation(() => SplitAliasPayload, { description: 'Splits an alias that names someone else (e.g. "Kim" meaning Kim Chang Son) off a person: mentions written as that alias and statements attributed through it move to the new (or existing) person, and so does taking part in events whose articles then name only the new person. Requires an API key.' })
  splitAlias(@Arg('input', () => SplitAliasInput, { description: 'What to change.' }) input: SplitAliasInput, @Ctx() ctx: GraphQLContext): Promise<SplitAliasPayload> {
    return run<SplitAliasPayload>(ctx, { person: null, newPerson: null, movedMentionCount: 0, movedStatementCount: 0 }, async (db) => {
      const r = await splitAlias(db, idOf(input.personId, ['Person'], 'personId').rowId, input.alias, input.newName);
      ctx.loaders = createLoaders(ctx.sql);
      const [person, newPerson] = await Promise.all([ctx.loaders.person.load(r.personId), ctx.loaders.person.load(r.newPersonId)]);
      return { person: person as PersonRecord, newPerson: newPerson as PersonRecord, movedMentionCount: r.movedMentions, movedStatementCount: r.movedStatements };
    });
  }

  @Mutation(() => ReassignStatementPayload, { description: "Corrects a statement's speaker and/or event. Requires an API key." })
  reassignStatement(@Arg('input', () => ReassignStatementInput, { description: 'What to change.' }) input: ReassignStatementInput, @Ctx() ctx: GraphQLContext): Promise<ReassignStatementPayload> {
    return run<ReassignStatementPayload>(ctx, { statement: null }, async (db) => {
      const statementId = idOf(input.statementId, ['Statement'], 'statementId').rowId;
      if (input.speakerId && input.clearSpeaker) throw new AppError('BAD_USER_INPUT', 'Give speakerId or clearSpeaker, not both', { field: ['input', 'clearSpeaker'] });
      if (input.eventId && input.clearEvent) throw new AppError('BAD_USER_INPUT', 'Give eventId or clearEvent, not both', { field: ['input', 'clearEvent'] });
      const change: StatementChange = {};
      if (input.speakerId) change.speaker = idOf(input.speakerId, ['Person', 'Organization'], 'speakerId');
      else if (input.clearSpeaker) change.speaker = null;
      if (input.eventId) change.eventId = idOf(input.eventId, ['Event'], 'eventId').rowId;
      else if (input.clearEvent) change.eventId = null;
      await reassignStatement(db, statementId, change);
      ctx.loaders = createLoaders(ctx.sql);
      return { statement: (await ctx.loaders.statement.load(statementId)) as StatementRecord };
    });
  }

  @Mutation(() => DeleteArticlePayload, { description: 'Deletes an article with its statements and mentions, and every person, organisation, place or event no other article mentions. Requires an API key.' })
  deleteArticle(@Arg('input', () => DeleteArticleInput, { description: 'What to change.' }) input: DeleteArticleInput, @Ctx() ctx: GraphQLContext): Promise<DeleteArticlePayload> {
    return run<DeleteArticlePayload>(ctx, { deletedArticleId: null, deletedNodeIds: [] }, async (db) => {
      const id = idOf(input.id, ['Article'], 'id').rowId;
      const r = await deleteArticle(db, id);
      return { deletedArticleId: toGlobalId('Article', id), deletedNodeIds: r.deleted.map((n) => toGlobalId(n.type, n.rowId)) };
    });
  }
}
