import {
  getNamedType, isEnumType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, isScalarType, isUnionType,
  type GraphQLField, type GraphQLInputType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema,
} from 'graphql';
import type { Rng } from './rng.ts';

/** One HTTP request the fuzzer sends. */
export interface FuzzRequest {
  kind: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  contentType: string | null;
  /** Raw body (already serialised) for POST/PUT. */
  body?: string;
  /** Query string for GET. */
  search?: string;
}

const GIANT = 'x'.repeat(200_000);
const INTS = [0, 1, 2, 3, 5, 20, 100, 101, -1, -2147483648, 2147483647, 2147483648, 1e15, 1e300];
const STRINGS = ['', 'Kim', 'a"b', '\\', '\u0000', '😀'.repeat(50), '%', "'; DROP TABLE article; --", 'Y3Vyc29yOnYxOjA=', 'Y3Vyc29yOnYxOi0x', 'bm90LWEtY3Vyc29y'];
const IDS = ['', 'QXJ0aWNsZToxCg==', 'QXJ0aWNsZTox', 'UGVyc29uOjE=', 'U3RhdGVtZW50OjE=', 'RXZlbnQ6MQ==', 'bm9wZTox', 'Article:1', '!!!', 'QXJ0aWNsZTotMQ==', 'QXJ0aWNsZTo5OTk5OTk5OTk5OTk5OTk5'];
const DATES = ['2019-04-01', '2019-02-30', '1900-01-01', '9999-12-31', '2019-4-1', 'yesterday', '', '2019-04-01T00:00:00Z'];

/** A GraphQL literal for an input type: mostly plausible, sometimes wrong, sometimes absurd. */
function literal(rng: Rng, type: GraphQLInputType, depth = 0): string {
  if (isNonNullType(type)) return literal(rng, type.ofType, depth);
  if (rng.chance(0.04)) return rng.pick(['null', '1.5', '"s"', 'true', '[1]', '{a: 1}', '$undeclared', 'NOT_AN_ENUM']);
  if (isListType(type)) return `[${Array.from({ length: rng.int(0, depth > 1 ? 1 : 4) }, () => literal(rng, type.ofType, depth + 1)).join(', ')}]`;
  if (isEnumType(type)) return rng.chance(0.9) ? rng.pick(type.getValues()).name : 'NO_SUCH_VALUE';
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || rng.chance(0.5));
    return `{${fields.map((f) => `${f.name}: ${literal(rng, f.type, depth + 1)}`).join(', ')}}`;
  }
  if (isScalarType(type)) return JSON.stringify(scalarValue(rng, type.name));
  return 'null';
}

/** A JSON variable value for a scalar (or a wrong one). */
function scalarValue(rng: Rng, name: string): unknown {
  switch (name) {
    case 'Int': return rng.pick(INTS);
    case 'Float': return rng.pick([0, 1.5, -1, 1e308]);
    case 'Boolean': return rng.chance(0.5);
    case 'ID': return rng.pick(IDS);
    case 'Date': return rng.pick(DATES);
    case 'DateTime': return rng.pick(['2019-04-01T00:00:00Z', 'nope', '2019-13-01T00:00:00Z']);
    default: return rng.chance(0.02) ? GIANT : rng.chance(0.01) ? '\uD800' : rng.pick(STRINGS);
  }
}

function variableValue(rng: Rng, type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return variableValue(rng, type.ofType);
  if (rng.chance(0.05)) return rng.pick([null, {}, [], 'str', 12, true, { deep: { deeper: [1, 2, 3] } }]);
  if (isListType(type)) return Array.from({ length: rng.int(0, 3) }, () => variableValue(rng, type.ofType));
  if (isEnumType(type)) return rng.chance(0.9) ? rng.pick(type.getValues()).name : 'NO_SUCH_VALUE';
  if (isInputObjectType(type)) return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, variableValue(rng, f.type)]));
  if (isScalarType(type)) return scalarValue(rng, type.name);
  return null;
}

interface Build {
  vars: { name: string; type: string; value: unknown }[];
  fragments: string[];
}

function args(rng: Rng, field: GraphQLField<unknown, unknown>, b: Build): string {
  const chosen = field.args.filter((a) => isNonNullType(a.type) || rng.chance(0.35));
  if (chosen.length === 0) return '';
  const parts = chosen.map((a) => {
    if (rng.chance(0.3)) {
      const name = `v${b.vars.length}`;
      b.vars.push({ name, type: a.type.toString(), value: variableValue(rng, a.type) });
      return `${a.name}: $${name}`;
    }
    // Connections mostly with small pages, so random trees stay small; sometimes absurd ones.
    if ((a.name === 'first' || a.name === 'last') && rng.chance(0.85)) return `${a.name}: ${rng.pick([0, 1, 2, 3])}`;
    return `${a.name}: ${literal(rng, a.type)}`;
  });
  return `(${parts.join(', ')})`;
}

/** A random selection set on `type`, at most `depth` levels deep. */
function selection(rng: Rng, schema: GraphQLSchema, type: GraphQLNamedType, depth: number, b: Build): string {
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = schema.getPossibleTypes(type);
    const parts = ['__typename', ...possible.filter(() => rng.chance(0.6)).map((t) => `... on ${t.name} ${selection(rng, schema, t, depth, b)}`)];
    if (isInterfaceType(type)) parts.push('id');
    return `{ ${parts.join(' ')} }`;
  }
  if (!isObjectType(type)) return '';
  const fields = Object.values((type as GraphQLObjectType).getFields());
  const leafs = fields.filter((f) => !isObjectLike(getNamedType(f.type)));
  const nested = fields.filter((f) => isObjectLike(getNamedType(f.type)));
  const parts: string[] = [];
  const used = new Set<string>();
  const count = rng.int(1, 4);
  for (let i = 0; i < count; i++) {
    const useNested = depth > 0 && nested.length > 0 && rng.chance(0.55);
    const f = useNested ? rng.pick(nested) : rng.pick(leafs.length ? leafs : fields);
    // A field picked twice needs its own alias, else its arguments conflict (a validation error).
    const alias = used.has(f.name) ? `a${used.size}_${parts.length}: ` : rng.chance(0.1) ? `a${rng.int(0, 99)}: ` : '';
    used.add(f.name);
    const sub = isObjectLike(getNamedType(f.type)) ? ` ${selection(rng, schema, getNamedType(f.type), depth - 1, b)}` : '';
    const directive = rng.chance(0.01) ? rng.pick([' @skip(if: true)', ' @include(if: false)', ' @include(if: $nope)', ' @deprecated', ' @unknown']) : '';
    parts.push(`${alias}${f.name}${args(rng, f, b)}${directive}${sub}`);
  }
  if (rng.chance(0.1)) {
    const name = `F${b.fragments.length}`;
    b.fragments.push(`fragment ${name} on ${type.name} { __typename }`);
    parts.push(`...${name}`);
  }
  return `{ ${parts.join(' ')} }`;
}

const isObjectLike = (t: GraphQLNamedType) => isObjectType(t) || isInterfaceType(t) || isUnionType(t);

/** A random, mostly schema-valid operation with variables. */
export function randomOperation(rng: Rng, schema: GraphQLSchema): { query: string; variables: Record<string, unknown> } {
  const b: Build = { vars: [], fragments: [] };
  const root = rng.chance(0.05) && schema.getMutationType() ? schema.getMutationType()! : schema.getQueryType()!;
  const body = selection(rng, schema, root, rng.int(1, 4), b);
  const defs = b.vars.length ? `(${b.vars.map((v) => `$${v.name}: ${v.type}`).join(', ')})` : '';
  const op = root === schema.getQueryType() ? 'query' : 'mutation';
  const variables = Object.fromEntries(b.vars.filter(() => rng.chance(0.95)).map((v) => [v.name, v.value]));
  return { query: `${op} Fuzz${defs} ${body}\n${b.fragments.join('\n')}`, variables };
}

/** Breaks a document a little: characters dropped, duplicated, swapped or replaced. */
function mangle(rng: Rng, text: string): string {
  let s = text;
  for (let i = rng.int(1, 4); i > 0; i--) {
    const at = rng.int(0, Math.max(0, s.length - 1));
    const op = rng.int(0, 3);
    if (op === 0) s = s.slice(0, at) + s.slice(at + 1);
    else if (op === 1) s = s.slice(0, at) + s[at] + s.slice(at);
    else if (op === 2) s = s.slice(0, at) + rng.pick(['{', '}', '(', ')', '"', '$', '@', '...', ':', '#', '\\u', '\u0000', ' ', '!']) + s.slice(at);
    else s = s.slice(0, at) + s.slice(at, at + 8).split('').reverse().join('') + s.slice(at + 8);
  }
  return s;
}

const json = (o: unknown) => JSON.stringify(o);
const post = (kind: string, body: unknown, contentType = 'application/json'): FuzzRequest => ({ kind, method: 'POST', contentType, body: typeof body === 'string' ? body : json(body) });

/** The i-th fuzz request: a mix of random schema queries and known-abusive shapes. */
export function fuzzRequest(rng: Rng, schema: GraphQLSchema): FuzzRequest {
  const r = rng.next();
  if (r < 0.52) return post('random', randomOperation(rng, schema));
  if (r < 0.6) {
    const { query, variables } = randomOperation(rng, schema);
    return post('mangled', { query: mangle(rng, query), variables });
  }
  if (r < 0.62) {
    // Deep nesting along one-to-one links (no fan-out), up to a hundred levels.
    const depth = rng.pick([5, 20, 100]);
    let inner = 'text';
    for (let i = 0; i < depth; i++) inner = i % 2 === 0 ? `article { statements(first: 1) { nodes { ${inner} } } }` : `article { title statements(first: 1) { nodes { ${inner} } } }`;
    return post('deep', { query: `{ statements(first: 1) { nodes { ${inner} } } }` });
  }
  if (r < 0.64) {
    const n = rng.pick([50, 200, 2000]);
    const field = n > 200 ? '__typename' : rng.pick(['__typename', 'articles { totalCount }', 'people(first: 1) { nodes { name } }']);
    return post('alias-flood', { query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }` });
  }
  if (r < 0.68) {
    const first = rng.pick(['101', '1000000', '2147483647', '2147483648', '-5', '1e9', '99999999999999999999']);
    return post('huge-first', { query: `{ articles(first: ${first}) { nodes { title people(first: ${first}) { totalCount } } } }` });
  }
  if (r < 0.71) {
    const cycle = rng.pick([
      'query { articles { nodes { ...A } } } fragment A on Article { title ...B } fragment B on Article { ...A }',
      'query { articles { nodes { ...A } } } fragment A on Article { ...A }',
      'query { people { nodes { ...P } } } fragment P on Person { articles { nodes { people { nodes { ...P } } } } }',
    ]);
    return post('fragment-cycle', { query: cycle });
  }
  if (r < 0.74) {
    const size = rng.pick([10_000, 100_000]);
    const giant = 'é'.repeat(size);
    return post('giant-string', rng.chance(0.5) ? { query: `{ person(name: "${giant}") { name } }` } : { query: 'query ($n: String!) { person(name: $n) { name } }', variables: { n: giant } });
  }
  if (r < 0.79) {
    const q = rng.pick([
      { query: 'query ($n: Int) { articles(first: $n) { totalCount } }', variables: { n: rng.pick(['ten', 1.5, [], {}, 2147483648, true, null]) } },
      { query: 'query ($n: String!) { person(name: $n) { name } }', variables: rng.pick([{}, { n: null }, { n: 5 }, { n: ['a'] }, null, 'n=1', [1, 2]]) },
      { query: 'query ($k: EventKind) { events(kind: $k) { totalCount } }', variables: { k: rng.pick(['MEETING', 'meeting', 'NOPE', 3]) } },
      { query: 'query ($d: Date) { articles(from: $d) { totalCount } }', variables: { d: rng.pick(DATES) } },
      { query: 'query ($id: ID!) { node(id: $id) { id } }', variables: { id: rng.pick([...IDS, 7, null]) } },
      { query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: rng.pick([[], IDS, Array(500).fill('QXJ0aWNsZTox'), [null], 'x']) } },
    ]);
    return post('bad-variables', q);
  }
  if (r < 0.84) {
    const body = rng.pick(['', '{', '{"query": ', 'null', '[]', '[{"query":"{ __typename }"}]', '"just a string"', '42', 'true', '{"query": 5}', '{"query": null}', '{"query": "{ __typename }", "variables": "x"}',
      '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}', '{"query": "{ __typename }", "operationName": 7}', '\u0000\u0001\u0002', '{"query": "{ __typename }"}garbage', '{"a":'.repeat(2000)]);
    return { kind: 'malformed-json', method: 'POST', contentType: 'application/json', body };
  }
  if (r < 0.9) {
    const contentType = rng.pick([null, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', 'text/html', 'application/json; charset=latin1', 'application/xml']);
    return { kind: 'content-type', method: 'POST', contentType, body: rng.chance(0.5) ? json({ query: '{ __typename }' }) : 'query={ __typename }' };
  }
  if (r < 0.96) {
    const op = rng.chance(0.7) ? randomOperation(rng, schema) : { query: rng.pick(['mutation { __typename }', '{', '', '{ __typename }']), variables: {} };
    const params = new URLSearchParams({ query: op.query });
    if (rng.chance(0.7)) params.set('variables', rng.chance(0.8) ? json(op.variables) : '{bad json');
    if (rng.chance(0.1)) params.set('operationName', 'Nope');
    return { kind: 'get', method: 'GET', contentType: null, search: `?${params}` };
  }
  if (r < 0.98) {
    return { kind: 'method', method: rng.pick(['PUT', 'DELETE'] as const), contentType: 'application/json', body: json({ query: '{ __typename }' }) };
  }
  const ops = rng.pick([
    { query: 'query A { __typename } query B { __typename }' },
    { query: 'query A { __typename } query B { __typename }', operationName: 'C' },
    { query: 'query A { __typename }', operationName: 'B' },
    { query: '{ articles { totalCount } } { articles { totalCount } }' },
    { query: 'subscription { articles { totalCount } }' },
  ]);
  return post('operation-name', ops);
}
