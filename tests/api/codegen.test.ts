import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import codegenConfig from '../../examples/typed-client/codegen.ts';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { parseApiKeys } from '../../src/config/api-keys.ts';
import { LiveFeed } from '../../src/feed/live-feed.ts';
import { waitFor } from '../helpers/wait.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { listen } from '../helpers/graphql.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const EXAMPLE = path.resolve('examples/typed-client');
const GENERATED = path.join(EXAMPLE, 'src/gql');
const ASSERTIONS = path.join(EXAMPLE, 'src/type-assertions.ts');

function format(diagnostics: readonly ts.Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    const where = d.file && d.start !== undefined ? `${path.relative(EXAMPLE, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
    return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** Type-checks the example with its own tsconfig; `override` replaces one file's text. */
function typeCheck(override?: { file: string; text: string }): readonly ts.Diagnostic[] {
  const configFile = path.join(EXAMPLE, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error) throw new Error(format([error]).join('\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, EXAMPLE, undefined, configFile);
  if (parsed.errors.length) throw new Error(format(parsed.errors).join('\n'));
  const host = ts.createCompilerHost(parsed.options);
  if (override) {
    const { getSourceFile, readFile } = host;
    host.getSourceFile = (name, language, ...rest) => (path.resolve(name) === override.file ? ts.createSourceFile(name, override.text, language) : getSourceFile(name, language, ...rest));
    host.readFile = (name) => (path.resolve(name) === override.file ? override.text : readFile(name));
  }
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host });
  return ts.getPreEmitDiagnostics(program);
}

// The typed-client example: codegen from the committed schema, a strict type-check of the example
// (whose type assertions must fail where they say they do), and a run against a seeded server.
describe('typed client example (GraphQL Code Generator)', () => {
  beforeAll(async () => {
    fs.rmSync(GENERATED, { recursive: true, force: true });
    await generate({ ...codegenConfig, silent: true }, true);
  });

  it('generates typed documents from the operations', () => {
    expect(fs.readdirSync(GENERATED).sort()).toEqual(['gql.ts', 'graphql.ts', 'index.ts']);
    const generated = fs.readFileSync(path.join(GENERATED, 'graphql.ts'), 'utf8');
    for (const name of ['TypedArticlesWithStatementsDocument', 'TypedPersonByIdDocument', 'TypedLiveQuotationsDocument', 'PersonSpeakerFragmentDoc', 'OrganizationSpeakerFragmentDoc']) expect(generated).toContain(`export const ${name}`);
  });

  it('type-checks with zero diagnostics', () => {
    expect(format(typeCheck())).toEqual([]);
  });

  it('rejects every wrong access the type assertions mark with @ts-expect-error', () => {
    const lines = fs.readFileSync(ASSERTIONS, 'utf8').split('\n');
    const expected = lines.flatMap((line, i) => (line.trim().startsWith('// @ts-expect-error') ? [i + 1] : []));
    expect(expected.length).toBeGreaterThanOrEqual(6);
    // Blank the directives (keeping line numbers): each following line must now be an error.
    const text = lines.map((line) => (line.trim().startsWith('// @ts-expect-error') ? '' : line)).join('\n');
    const diagnostics = typeCheck({ file: ASSERTIONS, text }).filter((d) => d.file && path.resolve(d.file.fileName) === ASSERTIONS);
    const errorLines = new Set(diagnostics.map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1));
    expect(expected.map((line) => line + 1).filter((line) => !errorLines.has(line))).toEqual([]);
    // And nothing else in the file is wrong.
    expect([...errorLines].filter((line) => !expected.includes(line - 1))).toEqual([]);
  });

  describe('against a seeded server', () => {
    let db: TestDatabase;
    let server: NewsgraphServer;
    let endpoint: string;

    beforeAll(async () => {
      db = await createTestDatabase('codegen');
      const summary = await ingestArticles(db.writer, readSources(['seeds']));
      expect(summary.errors).toEqual([]);
      server = await createServer({ sql: db.sql });
      endpoint = `${await listen(server)}/graphql`;
    });
    afterAll(async () => {
      vi.restoreAllMocks();
      await server?.stop();
      await db?.drop();
    });

    it('generates the same types from the /schema.graphql URL of a production server (introspection off, private reads)', async () => {
      const key = 'codegen-sdl-key-0123456789abcdef';
      const production = await createServer({ sql: db.sql, production: true, privateReads: true, apiKeyHashes: parseApiKeys(key) });
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-codegen-'));
      try {
        const base = await listen(production);
        // Introspection, codegen's other way in, is refused here.
        const introspect = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) });
        expect(((await introspect.json()) as { errors: { message: string }[] }).errors[0].message).toContain('/schema.graphql');
        const [target, output] = Object.entries(codegenConfig.generates)[0];
        await generate({
          ...codegenConfig,
          schema: { [`${base}/schema.graphql`]: { headers: { authorization: `Bearer ${key}` } } },
          generates: { [`${out}/`]: output },
          silent: true,
        }, true);
        for (const file of ['gql.ts', 'graphql.ts', 'index.ts']) {
          expect(fs.readFileSync(path.join(out, file), 'utf8'), file).toBe(fs.readFileSync(path.join(target, file), 'utf8'));
        }
      } finally {
        await production.stop();
        fs.rmSync(out, { recursive: true, force: true });
      }
    }, 60_000);

    it('runs its typed subscription: a quotation stored meanwhile arrives as a typed result', async () => {
      const feed = new LiveFeed(db.sql.pool, db.sql, { maxPending: 64 });
      await feed.start();
      const live = await createServer({ sql: db.sql, liveFeed: feed });
      try {
        const url = `${await listen(live)}/graphql`;
        const watchModule = path.join(EXAMPLE, 'src/watch.ts');
        const { watchQuotations } = (await import(watchModule)) as { watchQuotations(endpoint: string, onLine: (line: string) => void): () => Promise<void> };
        const lines: string[] = [];
        const stop = watchQuotations(url, (line) => lines.push(line));
        await waitFor(() => feed.subscriberCount === 1, 'the subscription registered');
        const raw = 'Library opens in Bergen\n\n"Books belong to everyone," said Ingrid Dahl, the librarian.';
        expect((await ingestArticles(db.writer, [{ ok: true, article: { origin: 'codegen', raw, meta: { source: 'Bergen Post' } } }])).errors).toEqual([]);
        await waitFor(() => lines.length > 0, 'the typed quotation');
        expect(lines).toEqual(['Ingrid Dahl: Books belong to everyone, (Library opens in Bergen)']);
        await stop();
      } finally {
        await live.stop();
        await feed.stop();
      }
    }, 60_000);

    it('runs: typed results, with persisted queries over GET once registered', async () => {
      // A variable specifier: the root type-check must not follow it into code generated at test time.
      const mainModule = path.join(EXAMPLE, 'src/main.ts');
      const { summarise } = (await import(mainModule)) as { summarise(endpoint: string): Promise<string[]> };
      const calls: string[] = [];
      const realFetch = globalThis.fetch;
      vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
        calls.push(init?.method ?? 'GET');
        return realFetch(input, init);
      });

      const first = await summarise(endpoint);
      expect(first.join('\n')).toContain('Kim Jong Un');
      expect(first.some((line) => /^ {2}Kremlin \(\w+\): /.test(line))).toBe(true);
      expect(first.at(-1)).toMatch(/\(also .*\): \d+ statements$/);
      // Unknown hashes: GET miss, then POST with the document, for each of the two operations.
      expect(calls).toEqual(['GET', 'POST', 'GET', 'POST']);

      calls.length = 0;
      expect(await summarise(endpoint)).toEqual(first);
      expect(calls).toEqual(['GET', 'GET']);
    });
  });
});
