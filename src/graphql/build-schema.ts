import 'reflect-metadata';
import { isInterfaceType, isObjectType, isUnionType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, getMetadataStorage } from 'type-graphql';
import { ArticleResolver } from './article/article.resolver.ts';
import { EventResolver } from './event/event.resolver.ts';
import { EventEvidenceResolver } from './event/event-evidence.resolver.ts';
import { NodeResolver } from './node/node.resolver.ts';
import { OrganizationResolver } from './organization/organization.resolver.ts';
import { PersonResolver } from './person/person.resolver.ts';
import { PlaceResolver } from './place/place.resolver.ts';
import { RateLimitResolver } from './rate-limit/rate-limit.resolver.ts';
import { MutationResolver } from './mutation/mutation.resolver.ts';
import { SearchResolver } from './search/search.resolver.ts';
import { TimelineBucketResolver } from './timeline/timeline.resolver.ts';
import { StatementResolver } from './statement/statement.resolver.ts';
import { MentionResolver } from './evidence/mention.resolver.ts';
import { IngestJobResolver } from './queue/ingest-job.resolver.ts';
import { SubscriptionResolver } from './subscription/subscription.resolver.ts';

export const RESOLVERS = [ArticleResolver, PersonResolver, OrganizationResolver, PlaceResolver, EventResolver, EventEvidenceResolver, StatementResolver, MentionResolver, NodeResolver, SearchResolver, TimelineBucketResolver, MutationResolver, IngestJobResolver, SubscriptionResolver, RateLimitResolver] as const;

/** Shown by IDEs and kept in the SDL (`schema.graphql`, GET /schema.graphql). */
export const SCHEMA_DESCRIPTION = `Newsgraph: news articles turned into a graph of the people, organisations, places and events they mention, and of what was said by whom (statements).

Lists are Relay cursor connections; every object has a global \`id\` usable with \`node\`/\`nodes\`. Reads are public unless the server requires an API key; mutations always need one (\`Authorization: Bearer <key>\`). Operations over the cost, depth or size limits are refused before execution (QUERY_TOO_COMPLEX). The SDL is also served over HTTP (by default at /schema.graphql) for code generators when introspection is off.`;

/**
 * type-graphql insists on a PubSub whenever there are subscriptions, for its topic-based kind. Ours
 * all bring their own `subscribe` (the live feed), so topics are refused rather than silently empty.
 */
const NO_TOPICS = {
  publish(): void {
    throw new Error('Subscriptions read the live feed; there are no topics to publish to');
  },
  subscribe(): AsyncIterable<never> {
    throw new Error('Subscriptions read the live feed; there are no topics to subscribe to');
  },
};

let cached: GraphQLSchema | null = null;

/**
 * type-graphql gives every plain property field (`title`, `name`, `id` of a row) a resolver of its own
 * that allocates a resolver-data object and goes through its middleware dispatcher to read
 * `root[property]`; an article page reads ~200 such fields. Where a field has no field resolver, no
 * middleware and no roles, and its schema name is its property name, GraphQL's default resolver reads
 * the same property (its one difference, calling a function found there, cannot arise: rows are data).
 */
function plainPropertyResolvers(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const field of objectType.fields ?? []) {
      const hasResolver = storage.fieldResolvers.some((r) => r.methodName === field.name && r.getObjectType?.() === field.target);
      if (hasResolver || field.middlewares?.length || field.roles || field.name !== field.schemaName) continue;
      const definition = fields[field.schemaName];
      if (definition) definition.resolve = undefined;
    }
  }
}

/**
 * Every union and interface of ours resolves its members by the rows' `__typename` (see their
 * `resolveType`), but type-graphql wraps each resolveType in an async function: a promise and a turn
 * of the microtask queue per abstract value (20 statement speakers on an article page), and an
 * executor that resolves types synchronously (graphql-jit) cannot use it. Read `__typename` directly.
 */
function typenameResolvers(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(isInterfaceType(type) || isUnionType(type)) || type.name.startsWith('__')) continue;
    type.resolveType = (value) => {
      const name = (value as { __typename?: unknown } | null)?.__typename;
      return typeof name === 'string' ? name : undefined;
    };
  }
}

/** The executable schema (built once per process: type-graphql metadata is global). */
export function buildNewsgraphSchema(): GraphQLSchema {
  if (!cached) {
    cached = buildSchemaSync({ resolvers: [...RESOLVERS], validate: false, pubSub: NO_TOPICS });
    typenameResolvers(cached);
    plainPropertyResolvers(cached);
    // type-graphql gives the schema and its root types no description; every type of ours has one.
    cached.description = SCHEMA_DESCRIPTION;
    cached.getQueryType()!.description = 'Entry points into the news graph: lists (cursor connections), look-ups by name, search, and Relay `node`/`nodes`.';
    cached.getMutationType()!.description = 'Corrections an editor makes to the graph. Every mutation requires an API key; input problems come back as `userErrors` with nothing changed.';
    cached.getSubscriptionType()!.description = 'The live feed, over WebSocket (graphql-ws protocol) at /graphql: new statements, articles and events as writers commit them, on every replica. The same API-key rules, cost and depth limits as queries; a subscriber that falls behind is disconnected (close code 4008).';
  }
  return cached;
}

/** The SDL committed as schema.graphql: sorted, so diffs show real changes only. */
export function printNewsgraphSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildNewsgraphSchema()))}\n`;
}
