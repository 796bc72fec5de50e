import { DateResolver, DateTimeResolver } from 'graphql-scalars';

/** Calendar date `YYYY-MM-DD` (RFC 3339 full-date). */
export const DateScalar = DateResolver;
/** Timestamp (RFC 3339 date-time). */
export const DateTimeScalar = DateTimeResolver;
