import fs from 'node:fs';
import { buildSchema, GraphQLInterfaceType, GraphQLObjectType, GraphQLInputObjectType, GraphQLEnumType, GraphQLUnionType, isIntrospectionType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printNewsgraphSchema } from '../src/graphql/build-schema.ts';

describe('schema.graphql', () => {
  it('is exactly what the code generates (run `npm run schema:print` after changing the API)', () => {
    expect(fs.readFileSync('schema.graphql', 'utf8')).toBe(printNewsgraphSchema());
  });

  it('describes every type, field and argument', () => {
    const schema = buildSchema(printNewsgraphSchema());
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType || type instanceof GraphQLInputObjectType) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (type instanceof GraphQLUnionType && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });

  it('uses the root field names clients rely on', () => {
    const query = buildSchema(printNewsgraphSchema()).getQueryType()!;
    for (const name of ['articles', 'people', 'person', 'organizations', 'events', 'statements', 'node', 'nodes']) {
      expect(Object.keys(query.getFields())).toContain(name);
    }
  });
});
