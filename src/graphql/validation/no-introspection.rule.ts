import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Replaces Apollo's introspection refusal, whose message tells the client to "pass introspection:
 * true to ApolloServer", with what a client of this server can act on: the setting that turns it
 * on (NEWSGRAPH_INTROSPECTION) and where the schema is published instead.
 */
export function noIntrospectionRule(schemaPath: string | null): ValidationRule {
  const where = schemaPath
    ? `The schema is published as SDL at ${schemaPath} on this server: point codegen and IDEs at that URL.`
    : 'The schema is not published by this server (NEWSGRAPH_SCHEMA_PATH=off): ask its operators for it.';
  const message = `GraphQL introspection is not allowed on this server (NEWSGRAPH_INTROSPECTION is off). ${where}`;
  return (context) => ({
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        // Same validationErrorCode as Apollo's own rule, so clients keying on it still match.
        context.reportError(new GraphQLError(message, { nodes: [node], extensions: { validationErrorCode: 'INTROSPECTION_DISABLED' } }));
      }
    },
  });
}
