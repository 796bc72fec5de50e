import { AppError } from '../services/app-error.ts';

/** The error a request past its execution deadline gets (TIMEOUT), from the deadline and from the writes it cut. */
export function timeoutError(ms: number): AppError {
  return new AppError('TIMEOUT', `Query execution exceeded the ${ms} ms time limit`, { timeoutMs: ms });
}
