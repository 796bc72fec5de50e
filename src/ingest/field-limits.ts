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
