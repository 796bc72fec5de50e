/** Sort direction of a list. */
export type Direction = 'ASC' | 'DESC';

/**
 * The order a client chose for a list: a field and a direction (the field's natural one when null).
 * Each list turns it into its sort keys, ending with the row id (see keyset.ts).
 */
export interface OrderBy<F extends string> {
  field: F;
  direction?: Direction | null;
}
