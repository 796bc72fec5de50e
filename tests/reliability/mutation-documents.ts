import { getNamedType, isCompositeType, type GraphQLSchema } from 'graphql';

/**
 * One document per Mutation field, valid against the schema: every argument comes from a variable
 * of the argument's own type, so validation passes without knowing what the inputs mean (the guard
 * runs before variables are coerced).
 */
export function mutationDocuments(schema: GraphQLSchema): { field: string; query: string }[] {
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  return Object.values(mutation.getFields()).map((f) => {
    const defs = f.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const args = f.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const selection = isCompositeType(getNamedType(f.type)) ? ' { __typename }' : '';
    return { field: f.name, query: `mutation Guarded${defs ? `(${defs})` : ''} { ${f.name}${args ? `(${args})` : ''}${selection} }` };
  });
}
