// CPU of GraphQL execution for the article and person pages, alone (graphql-js) and behind Apollo's pipeline (apollo): the SQL answers are recorded once
// from the database and replayed, so what is timed is the loaders, the resolvers and the executor,
// without PostgreSQL, HTTP or Apollo's pipeline. For comparing executors and resolver changes.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/floor_bench npx tsx bench/exec-cpu.ts [iterations]
import 'reflect-metadata';
import { HeaderMap } from '@apollo/server';
import { execute, parse, type DocumentNode } from 'graphql';
import { createSqlPool, type Sql } from '../src/db/sql.ts';
import { buildNewsgraphSchema } from '../src/graphql/build-schema.ts';
import { createContext, type GraphQLContext } from '../src/graphql/context.ts';
import { createServer } from '../src/server/create-server.ts';
import { buildOperations } from './operations.ts';

const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/floor_bench';
const iterations = Number(process.argv[2] ?? 2000);
const pool = createSqlPool(databaseUrl);
const recorded = new Map<string, string>();
/** First call of a text + parameters goes to the database; later ones get a copy of its rows. */
const replaying: Sql = {
  async query<T>(text: string, params?: unknown[]) {
    const key = `${text}\u0000${JSON.stringify(params)}`;
    let rows = recorded.get(key);
    if (rows === undefined) recorded.set(key, (rows = JSON.stringify(await pool.query(text, params))));
    return JSON.parse(rows) as T[];
  },
};

type Executor = (document: DocumentNode, variables: Record<string, unknown>, context: unknown) => Promise<unknown> | unknown;
const schema = buildNewsgraphSchema();
const executors: Record<string, (document: DocumentNode) => Executor> = {
  'graphql-js': (document) => (_, variableValues, contextValue) => execute({ schema, document, variableValues, contextValue }),
};

// The same execution behind Apollo's request pipeline (plugins, document store, limits, serialisation),
// as the production server runs it, without its HTTP handler.
const server = await createServer({ sql: replaying, production: true, rateLimit: null });
const headers = new HeaderMap([['content-type', 'application/json'], ['accept', 'application/json']]);
executors.apollo = (document) => {
  const query = document.loc!.source.body;
  return async (_, variables, context) => {
    const response = await server.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body: { query, variables } },
      context: async () => context as GraphQLContext,
    });
    const text = response.body.kind === 'complete' ? response.body.string : '';
    return JSON.parse(text.slice(0, 12) === '{"errors":[{' ? text : '{}');
  };
};

const { operations } = await buildOperations(databaseUrl);
try {
  for (const name of ['article', 'person']) {
    const op = operations.find((o) => o.name === name)!;
    const document = parse(op.ours!.query);
    const variables = op.ours!.bodies.map((b) => (JSON.parse(b) as { variables: Record<string, unknown> }).variables);
    for (const [label, make] of Object.entries(executors).filter(([l]) => !process.env.EXEC_ONLY || l === process.env.EXEC_ONLY)) {
      const run = make(document);
      const once = async (i: number) => {
        const result = (await run(document, variables[i % variables.length], createContext(replaying, 'bench'))) as { errors?: unknown[] };
        if (result.errors) throw new Error(`${label}: ${JSON.stringify(result.errors)}`);
      };
      for (let i = 0; i < variables.length; i++) await once(i);
      for (let round = 0; round < 3; round++) {
        const started = process.cpuUsage();
        for (let i = 0; i < iterations; i++) await once(i);
        const used = process.cpuUsage(started);
        console.log(`${name}\t${label}\t${((used.user + used.system) / iterations).toFixed(0)} us CPU per execution`);
      }
    }
  }
} finally {
  await server.stop();
  await pool.end();
}
