import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from '../services/app-error.ts';

/**
 * Maps domain errors to `extensions.code`; anything unexpected becomes INTERNAL_SERVER_ERROR with
 * its message masked when `maskInternal` is set (production).
 */
export function createErrorFormatter(options: { maskInternal: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return { ...formatted, message: original.message, extensions: { ...original.details, code: original.code } };
    }
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    if (original instanceof GraphQLError && original.extensions?.code && original.extensions.code !== 'INTERNAL_SERVER_ERROR') return formatted;
    // Apollo marks some request errors (e.g. an APQ hash mismatch) with a 4xx status but no code: the client's fault.
    const status = (original as GraphQLError | undefined)?.extensions?.http as { status?: number } | undefined;
    if (status?.status && status.status >= 400 && status.status < 500) return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
    if (!options.maskInternal) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
