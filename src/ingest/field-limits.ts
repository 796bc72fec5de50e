/**
 * Limits on what an article's fields may hold, in one place: the GraphQL mutation, the file and
 * JSONL readers and the parse stage all check against these, so a value PostgreSQL would refuse (or
 * fail on with an error about some other field) is refused at the edge, naming the field.
 */

/**
 * Bytes of an article's natural key kept as they are; a longer key is stored as a digest. PostgreSQL
 * refuses btree index entries over about 2,700 bytes ("index row size ... exceeds btree maximum").
 */
export const MAX_NATURAL_KEY_BYTES = 2000;

/**
 * Longest value of each metadata field, in characters. A URL over 2,048 characters is not one any
 * browser or CMS hands out; a headline is a line, not a paragraph; a publisher, a dateline place and
 * a record id are names.
 */
export const FIELD_LIMITS = { url: 2048, title: 1000, source: 200, dateline: 200, id: 200 } as const;

export type ArticleField = keyof typeof FIELD_LIMITS;

/**
 * A news article is tens of kilobytes; a file many megabytes long is something else (a dump, a log,
 * a concatenation) and would hold the batch up for a long time. Refused with a per-article error.
 */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

// Text fields may hold tab, newline and carriage return (normalised later) but no other control
// character: NUL is refused by PostgreSQL, the rest only garble reports and keys. A URL holds none.
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_IN_URL = /[\u0000-\u001F\u007F]/;
// Half of a UTF-16 surrogate pair is no character: it cannot be written as UTF-8 at all.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const n = (x: number) => x.toLocaleString('en-US');
const codePoint = (ch: string) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with one field's value (a sentence starting with the field's name), or null. */
export function fieldProblem(field: ArticleField, value: string): string | null {
  const limit = FIELD_LIMITS[field];
  if (value.length > limit) return `${field} is ${n(value.length)} characters long; at most ${n(limit)} are allowed`;
  const control = (field === 'url' ? CONTROL_IN_URL : CONTROL_IN_TEXT).exec(value);
  if (control) return `${field} contains control character ${codePoint(control[0])} at character ${n(control.index + 1)}, which is not allowed`;
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) return `${field} contains an unpaired surrogate (${codePoint(surrogate[0])}) at character ${n(surrogate.index + 1)}, which is not text`;
  return null;
}

/** The first field (in the order given) whose value breaks a limit, with what is wrong. */
export function firstFieldProblem(fields: Partial<Record<ArticleField, string | null | undefined>>): { field: ArticleField; message: string } | null {
  for (const [field, value] of Object.entries(fields) as [ArticleField, string | null | undefined][]) {
    if (typeof value !== 'string') continue;
    const message = fieldProblem(field, value);
    if (message) return { field, message };
  }
  return null;
}

/** The complaint about an article of `bytes` bytes, over MAX_ARTICLE_BYTES. */
export const tooLarge = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB is too large for one article (limit ${MAX_ARTICLE_BYTES / 1024 / 1024} MB)`;

/** What is wrong with an article's raw text as a whole (its size), or null. */
export function textProblem(text: string): string | null {
  const bytes = Buffer.byteLength(text);
  return bytes > MAX_ARTICLE_BYTES ? tooLarge(bytes) : null;
}
