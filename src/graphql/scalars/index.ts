import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day in `YYYY-MM-DD` form, or null. */
function calendarDay(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const m = FULL_DATE.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value ? value : null;
}

/**
 * Calendar date `YYYY-MM-DD` (RFC 3339 full-date). Values stay strings end to end: a JS Date would
 * be a UTC midnight that the database driver renders in the server's time zone, shifting the day.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  // The community spec of exactly this format (it recommends the name LocalDate; ours predates it).
  specifiedByURL: 'https://scalars.graphql.org/andimarek/local-date.html',
  description: 'A date string, such as 2007-12-03, compliant with the `full-date` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.',
  serialize(value) {
    const day = calendarDay(value);
    if (day === null) throw new GraphQLError(`Date cannot represent ${JSON.stringify(value)}`);
    return day;
  },
  parseValue(value) {
    const day = calendarDay(typeof value === 'string' ? value : null);
    if (day === null) throw new GraphQLError(`Date must be a calendar day as YYYY-MM-DD, got ${JSON.stringify(value)}`);
    return day;
  },
  parseLiteral(ast) {
    const day = ast.kind === Kind.STRING ? calendarDay(ast.value) : null;
    if (day === null) throw new GraphQLError('Date must be a calendar day as YYYY-MM-DD string', { nodes: ast });
    return day;
  },
});

/**
 * Timestamp (RFC 3339 date-time): graphql-scalars' DateTime, with the community spec it follows
 * named in the schema (`@specifiedBy`) so generators and clients can map it without guessing.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  specifiedByURL: 'https://scalars.graphql.org/andimarek/date-time.html',
});
