import fs from 'node:fs';
import { GraphQLEnumType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPE_DESCRIPTIONS, EVENT_TYPES } from '../src/extract/events/ontology.ts';
import { buildNewsgraphSchema } from '../src/graphql/build-schema.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

/**
 * One ontology, described once: the database enum (prisma/schema.prisma, `///` per value), the
 * GraphQL enum and the extractor's ontology carry the same values in the same order with the same
 * descriptions, and the migrated database's enum has that order (ties between accounts follow it).
 */
function prismaEnum(name: string): { value: string; description: string }[] {
  const schema = fs.readFileSync('prisma/schema.prisma', 'utf8');
  const body = new RegExp(`\\nenum ${name} \\{\\n([\\s\\S]*?)\\n\\}`).exec(schema)?.[1] ?? '';
  const out: { value: string; description: string }[] = [];
  let doc: string[] = [];
  for (const line of body.split('\n').map((l) => l.trim())) {
    if (line.startsWith('///')) doc.push(line.slice(3).trim());
    else if (/^[A-Z_]+$/.test(line)) {
      out.push({ value: line, description: doc.join(' ') });
      doc = [];
    }
  }
  return out;
}

describe('EventType: one ontology in the database, the API and the extractor', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('event_type_enum');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('describes every value alike in schema.prisma, the GraphQL schema and the ontology', () => {
    const ontology = EVENT_TYPES.map((value) => ({ value, description: EVENT_TYPE_DESCRIPTIONS[value] }));
    expect(ontology.length).toBe(23);
    expect(prismaEnum('EventType')).toEqual(ontology);
    const graphql = buildNewsgraphSchema().getType('EventType') as GraphQLEnumType;
    expect(graphql.getValues().map((v) => ({ value: v.name, description: v.description }))).toEqual(ontology);
  });

  it('orders the database enum as the ontology', async () => {
    const [{ values }] = await db.sql.query<{ values: string[] }>(`SELECT enum_range(NULL::"EventType")::text[] AS values`);
    expect(values).toEqual(EVENT_TYPES);
  });
});
