import { AppError } from './app-error.ts';

/** Sort direction of a list. */
export type Direction = 'ASC' | 'DESC';

export interface OrderBy<F extends string> {
  field: F;
  direction?: Direction | null;
}

/** SQL for one sortable field of a list: an expression over the paged query's output columns (`q."col"`). */
export interface SortableField {
  expression: string;
  /** Direction when the client names the field without one. */
  defaultDirection: Direction;
  /** Undated or missing values sort last in both directions (what a reader expects). */
  nullable?: boolean;
}

/**
 * The ORDER BY of a connection: the chosen field, then the row id in the same direction, so that
 * equal keys still have one stable order and cursors stay valid between pages.
 */
export function orderByClause<F extends string>(fields: Record<F, SortableField>, order: OrderBy<F> | null | undefined, fallback: OrderBy<F>): string {
  const chosen = order ?? fallback;
  const spec = fields[chosen.field];
  if (!spec) throw new AppError('BAD_USER_INPUT', `Cannot order by ${String(chosen.field)}`);
  const dir = chosen.direction ?? spec.defaultDirection;
  const nulls = spec.nullable ? ' NULLS LAST' : '';
  return `${spec.expression} ${dir}${nulls}, q."rowId" ${dir}`;
}
