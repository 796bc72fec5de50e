import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '../../services/app-error.ts';
import { toGraphQLError } from '../errors.ts';
import { measureDocument, type QueryShape } from './query-cost.ts';

export interface QueryLimits {
  maxCost: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Fields once fragments are inlined: a few fragments spreading each other twice reach millions. */
  maxFields: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxCost: 25_000, maxDepth: 12, maxAliases: 30, maxDirectives: 50, maxFields: 5_000 };

/** The first limit an operation of this shape exceeds, as the error that refuses it; null within all. */
export function limitExceeded(shape: QueryShape, limits: QueryLimits): AppError | null {
  const tooComplex = (message: string, extensions: Record<string, unknown>) => new AppError('QUERY_TOO_COMPLEX', message, extensions);
  if (shape.depth > limits.maxDepth) return tooComplex(`Query depth ${shape.depth} exceeds the limit of ${limits.maxDepth}`, { depth: shape.depth, maxDepth: limits.maxDepth });
  if (shape.aliases > limits.maxAliases) return tooComplex(`Query uses ${shape.aliases} aliases, above the limit of ${limits.maxAliases}`, { aliases: shape.aliases, maxAliases: limits.maxAliases });
  if (shape.directives > limits.maxDirectives) return tooComplex(`Query uses ${shape.directives} directives, above the limit of ${limits.maxDirectives}`, { directives: shape.directives, maxDirectives: limits.maxDirectives });
  if (shape.fields > limits.maxFields) return tooComplex(`Query selects ${shape.fields} fields once its fragments are inlined, above the limit of ${limits.maxFields}`, { fields: shape.fields, maxFields: limits.maxFields });
  if (shape.cost > limits.maxCost) {
    return tooComplex(`Query cost ${shape.cost} exceeds the budget of ${limits.maxCost}: ask for smaller pages (first/last) or fewer nested connections`, { cost: shape.cost, maxCost: limits.maxCost });
  }
  return null;
}

/**
 * Measures every operation before execution and refuses it over the configured limits; the measured
 * cost is returned to clients in `extensions.cost` so they can see what a query costs.
 */
export function queryLimitsPlugin<T extends object>(limits: QueryLimits): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      let cost: { requested: number; limit: number } | null = null;
      return {
        async didResolveOperation({ document, request, schema, operationName }) {
          const shape = measureDocument(schema, document, request.variables ?? {}, operationName);
          cost = { requested: shape.cost, limit: limits.maxCost };
          const refused = limitExceeded(shape, limits);
          if (refused) throw toGraphQLError(refused);
        },
        async willSendResponse({ response }) {
          if (!cost || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
        },
      };
    },
  };
}
