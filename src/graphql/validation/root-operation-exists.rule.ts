import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * graphql 16 validates `subscription { … }` against a schema without subscriptions and only fails at
 * execution, as an internal error. This rule makes it the client's validation error it is.
 */
export const RootOperationExistsRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This API does not support ${node.operation} operations`, { nodes: node }));
    }
  },
});
