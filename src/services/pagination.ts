import { AppError } from './app-error.ts';

/** Relay connection arguments. Cursors are opaque sort keys bound to the list's order and filters (keyset.ts). */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageLimits {
  /** Page size when neither first nor last is given. */
  defaultPageSize: number;
  /** Largest first/last accepted. */
  maxPageSize: number;
}

export const DEFAULT_PAGE_LIMITS: PageLimits = { defaultPageSize: 20, maxPageSize: 100 };

/**
 * A validated window: the rows after `after` and before `before` (cursors, decoded against the list
 * when its SQL is built), then the first `first` or the last `last` of them (Relay's order of application).
 */
export interface PageWindow {
  first: number | null;
  last: number | null;
  after: string | null;
  before: string | null;
}

/**
 * One page of a connection. `count` is the size of the whole connection, computed only when called:
 * a page that does not select `totalCount` never counts.
 */
export interface Page<T> {
  rows: { node: T; cursor: string }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  count: () => Promise<number>;
}

export function toPageWindow(args: PageArgs, limits: PageLimits = DEFAULT_PAGE_LIMITS): PageWindow {
  for (const name of ['first', 'last'] as const) {
    const v = args[name];
    if (v != null && (!Number.isInteger(v) || v < 0)) throw new AppError('BAD_USER_INPUT', `Argument "${name}" must be a non-negative integer`);
    if (v != null && v > limits.maxPageSize) {
      throw new AppError('BAD_USER_INPUT', `Argument "${name}" is ${v}, above the maximum page size of ${limits.maxPageSize}`, { maximum: limits.maxPageSize });
    }
  }
  for (const name of ['after', 'before'] as const) {
    const v = args[name];
    if (v != null && (typeof v !== 'string' || v.length === 0 || v.length > 2000)) throw new AppError('BAD_USER_INPUT', `Argument "${name}" is not a valid cursor`);
  }
  return {
    first: args.first ?? (args.last == null ? limits.defaultPageSize : null),
    last: args.last ?? null,
    after: args.after ?? null,
    before: args.before ?? null,
  };
}

/** Stable key of a window, so that one DataLoader serves all parents asking for the same page shape. */
export function windowKey(w: PageWindow): string {
  return JSON.stringify([w.first, w.last, w.after, w.before]);
}
