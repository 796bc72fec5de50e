import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import { ArticlesWithStatementsQuery, PersonByIdQuery } from './operations.ts';
import { createClient } from './client.ts';

// Compile-time checks: each @ts-expect-error must be an error, or tsc fails (TS2578). If codegen
// produced loose types (any), these would stop being errors and the check would fail.

type Articles = ResultOf<typeof ArticlesWithStatementsQuery>;
type Speaker = NonNullable<Articles['articles']['nodes'][number]['statements']['nodes'][number]['speaker']>;

export function checks(articles: Articles, speaker: Speaker, request: ReturnType<typeof createClient>) {
  // A field the operation did not select.
  // @ts-expect-error body is not selected
  void articles.articles.nodes[0].body;

  // A field that does not exist in the schema.
  // @ts-expect-error no such field
  void articles.articles.totalPages;

  // Union members must be narrowed: only Organization has `kind`.
  // @ts-expect-error kind exists on Organization only
  void speaker.kind;
  if (speaker.__typename === 'Organization') void speaker.kind;

  // publishedAt is a nullable Date (a string).
  // @ts-expect-error possibly null
  void articles.articles.nodes[0].publishedAt.length;

  // Variables are typed: `first` is a number, `id` is required.
  // @ts-expect-error first must be a number
  const wrong: VariablesOf<typeof ArticlesWithStatementsQuery> = { first: '10' };
  void wrong;
  // @ts-expect-error id is required
  void request(PersonByIdQuery, {});
  // @ts-expect-error variables are required
  void request(PersonByIdQuery);
}
