import fs from 'node:fs';
import { buildSchema, Kind, parse, print, visit, type FieldDefinitionNode, type InputValueDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ACKNOWLEDGED, BASELINE_SCHEMA, checkAgainstBaseline, compareSchemas, formatReport, parseAcknowledgements } from '../src/cli/schema-check.ts';

const baselineSdl = fs.readFileSync(BASELINE_SCHEMA, 'utf8');

/** The baseline SDL with one object type's fields edited. */
function mutate(typeName: string, edit: (fields: readonly FieldDefinitionNode[]) => FieldDefinitionNode[]): string {
  let found = false;
  const doc = visit(parse(baselineSdl), {
    ObjectTypeDefinition(node: ObjectTypeDefinitionNode) {
      if (node.name.value !== typeName) return undefined;
      found = true;
      return { ...node, fields: edit(node.fields ?? []) };
    },
  });
  if (!found) throw new Error(`no type ${typeName} in the baseline`);
  return print(doc);
}

const compare = (sdl: string, acks = parseAcknowledgements('[]')) => compareSchemas(buildSchema(baselineSdl), buildSchema(sdl), acks);

// The API's compatibility contract: the schema built from the code may only change in
// non-breaking ways against schema-baseline/, unless a breaking change is acknowledged with a reason.
describe('schema compatibility against the baseline', () => {
  it('has no unacknowledged breaking change (see `npm run schema:check`)', async () => {
    const report = await checkAgainstBaseline();
    // Dangerous and safe changes are listed for review, not failures.
    console.log(`schema vs ${BASELINE_SCHEMA}:\n${formatReport(report)}`);
    expect(report.unacknowledged.map((c) => `${c.path}: ${c.message}`), `acknowledge in ${ACKNOWLEDGED} or restore compatibility`).toEqual([]);
    expect(report.unused, `stale entries in ${ACKNOWLEDGED}`).toEqual([]);
  });

  it('keeps a well-formed acknowledgement file', () => {
    expect(() => parseAcknowledgements(fs.readFileSync(ACKNOWLEDGED, 'utf8'))).not.toThrow();
  });

  describe('self-test: the check catches what it must', () => {
    it('reports nothing for the baseline itself', async () => {
      const report = await compare(baselineSdl);
      expect([...report.breaking, ...report.dangerous, ...report.safe]).toEqual([]);
    });

    it('fails on a removed field', async () => {
      const report = await compare(mutate('Article', (fields) => fields.filter((f) => f.name.value !== 'title')));
      expect(report.unacknowledged.map((c) => ({ type: c.type, path: c.path }))).toEqual([{ type: 'FIELD_REMOVED', path: 'Article.title' }]);
      expect(formatReport(report)).toMatch(/BREAKING, not acknowledged \(1\):\n {2}- Field 'title' was removed from object type 'Article'/);
    });

    it('fails on a field made nullable and on a new required argument', async () => {
      const sdl = mutate('Query', (fields) => fields.map((f) => {
        if (f.name.value === 'articles' && f.type.kind === Kind.NON_NULL_TYPE) return { ...f, type: f.type.type };
        if (f.name.value === 'people') {
          const arg: InputValueDefinitionNode = { kind: Kind.INPUT_VALUE_DEFINITION, name: { kind: Kind.NAME, value: 'country' }, type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } } } };
          return { ...f, arguments: [...(f.arguments ?? []), arg] };
        }
        return f;
      }));
      const report = await compare(sdl);
      expect(report.unacknowledged.map((c) => c.path).sort()).toEqual(['Query.articles', 'Query.people.country']);
    });

    it('lets additions through as safe', async () => {
      const added: FieldDefinitionNode = { kind: Kind.FIELD_DEFINITION, name: { kind: Kind.NAME, value: 'wordCount' }, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'Int' } } };
      const report = await compare(mutate('Article', (fields) => [...fields, added]));
      expect(report.breaking).toEqual([]);
      expect(report.safe.map((c) => c.path)).toEqual(['Article.wordCount']);
    });

    it('accepts an acknowledged breaking change, and flags a stale acknowledgement', async () => {
      const sdl = mutate('Article', (fields) => fields.filter((f) => f.name.value !== 'title'));
      const acks = parseAcknowledgements(JSON.stringify([
        { path: 'Article.title', reason: 'renamed to headline in v2; clients migrated' },
        { message: "Field 'gone' was removed from object type 'Person'", reason: 'no longer applies' },
      ]));
      const report = await compare(sdl, acks);
      expect(report.unacknowledged).toEqual([]);
      expect(report.acknowledged.map((a) => a.change.path)).toEqual(['Article.title']);
      expect(report.unused.map((a) => a.reason)).toEqual(['no longer applies']);
    });

    it('requires a reason for each acknowledgement', () => {
      expect(() => parseAcknowledgements('[{ "path": "Article.title" }]')).toThrow(/needs a reason/);
      // The template schema:check prints must be filled in.
      expect(() => parseAcknowledgements('[{ "path": "Article.title", "reason": "TODO: why this is acceptable" }]')).toThrow(/needs a reason/);
      expect(() => parseAcknowledgements('[{ "reason": "because" }]')).toThrow(/needs a path or a message/);
      expect(() => parseAcknowledgements('{}')).toThrow(/JSON array/);
    });
  });
});
