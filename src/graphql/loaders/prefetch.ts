import { getArgumentValues, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import type { TypeName } from '../../services/records.ts';
import type { GraphQLContext } from '../context.ts';
import { pageWindow, type ConnectionArgs } from '../pagination/connection.ts';
import { relationOf } from '../pagination/relation-fields.ts';
import { bringsArticles } from './relation-options.ts';
import { selectedFields, selectsTotalCount } from './selection.ts';

/**
 * Look-ahead for a node fetched by id: starts the loads of the nested connections the query selects on
 * it (`node(id:) { ... on Person { statements(first: 10) events(first: 5) } }`) in the same turn as the
 * node itself, so the row and its lists go to PostgreSQL as one merged statement instead of the row
 * first and its lists a round trip later. The field resolvers then find the same loads in the loaders'
 * cache (and an article's `body`, which its row leaves out). Anything the look-ahead cannot read (bad arguments) it leaves to the resolvers, which report it.
 */
export function prefetchConnections(ctx: GraphQLContext, info: GraphQLResolveInfo, typeName: TypeName, rowIds: readonly number[]): void {
  const type = info.schema.getType(typeName) as GraphQLObjectType | undefined;
  if (!type) return;
  const sets = info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  for (const field of selectedFields(info, sets, type)) {
    // An article's text is read apart from its row (see ArticleRecord.body): asked for, it goes out with it.
    if (typeName === 'Article' && field.name.value === 'body') for (const rowId of rowIds) ctx.loaders.articleBody.load(rowId).catch(() => {});
    const relation = relationOf(typeName, field.name.value);
    const definition = type.getFields()[field.name.value];
    if (!relation || !definition) continue;
    let window;
    try {
      window = pageWindow(getArgumentValues(definition, field, info.variableValues) as ConnectionArgs);
    } catch {
      continue;
    }
    let loader;
    try {
      loader = ctx.loaders.relation(relation, window, { articles: bringsArticles(relation, info, [field]) });
    } catch {
      // A cursor of another list: the resolver reports it.
      continue;
    }
    // The resolver awaits the same cached promise and reports its failure; this copy only must not go unhandled.
    for (const rowId of rowIds) loader.load(rowId).catch(() => {});
    if (selectsTotalCount(info, [field])) for (const rowId of rowIds) ctx.loaders.relationCount(relation).load(rowId).catch(() => {});
  }
}
