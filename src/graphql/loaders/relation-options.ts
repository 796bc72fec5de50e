import type { FieldNode } from 'graphql';
import { RELATIONS, type RelationName, type RelationSpec } from '../../services/relations.ts';
import { connectionItemsSelect, type SelectionContext } from './selection.ts';

/**
 * Whether a page of statements should bring their articles along (one round trip instead of a second
 * for `statements { nodes { article { … } } }`): only when the query asks for them, since an article
 * row is large.
 */
export function bringsArticles(relation: RelationName, info: SelectionContext | undefined, fields: readonly FieldNode[]): boolean {
  return (RELATIONS[relation] as RelationSpec).statementsOfArticles === true && info !== undefined && connectionItemsSelect(info, fields, 'article');
}
