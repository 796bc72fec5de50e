import { AppError } from './app-error.ts';
import type { TypeName } from './records.ts';

const TYPES: readonly TypeName[] = ['Article', 'Person', 'Organization', 'Place', 'Event', 'Statement'];

/** Opaque global ID, identical to what SQL computes in records.ts: base64("Type:rowId"). */
export function toGlobalId(type: TypeName, rowId: number): string {
  return Buffer.from(`${type}:${rowId}`, 'utf8').toString('base64');
}

export function fromGlobalId(id: string): { type: TypeName; rowId: number } {
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  const match = /^([A-Za-z]+):(\d{1,10})$/.exec(decoded);
  const rowId = match ? Number(match[2]) : NaN;
  if (!match || !TYPES.includes(match[1] as TypeName) || !Number.isSafeInteger(rowId) || rowId > 2147483647) {
    throw new AppError('BAD_USER_INPUT', `Invalid ID "${id.slice(0, 100)}": not a Newsgraph global ID`);
  }
  return { type: match[1] as TypeName, rowId };
}

/** Decodes an ID that must be of one of the given types. */
export function expectGlobalId(id: string, types: readonly TypeName[], argName: string): { type: TypeName; rowId: number } {
  const decoded = fromGlobalId(id);
  if (!types.includes(decoded.type)) {
    throw new AppError('BAD_USER_INPUT', `Argument "${argName}" must be the ID of a ${types.join(' or ')}, got a ${decoded.type} ID`);
  }
  return decoded;
}
