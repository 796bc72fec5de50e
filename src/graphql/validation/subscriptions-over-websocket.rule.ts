import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Over HTTP a subscription would run its root field once, with no event, and fail inside: refused
 * instead as the client's mistake, with where subscriptions are served.
 */
export const SubscriptionsOverWebSocketRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription') {
      context.reportError(new GraphQLError('Subscriptions are served over WebSocket (graphql-ws protocol) at /graphql, not over HTTP', { nodes: node }));
    }
  },
});
