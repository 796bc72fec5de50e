import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
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

/** The executable schema (built once per process: type-graphql metadata is global). */
export function buildNewsgraphSchema(): GraphQLSchema {
  if (!cached) {
    cached = buildSchemaSync({ resolvers: [...RESOLVERS], validate: false, pubSub: NO_TOPICS });
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
