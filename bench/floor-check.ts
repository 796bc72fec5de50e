import { isDeepStrictEqual } from 'node:util';
import { post, type Operation } from './operations.ts';

/**
 * Whether the floor answers the same `data` as ours (ours adds a cost extension) for every sampled request of an operation: null if
 * so, else the first difference. A floor that answered less would flatter it.
 */
export async function floorDiffers(op: Operation, oursUrl: string, floorUrl: string): Promise<string | null> {
  for (const body of op.ours?.bodies ?? []) {
    const [a, b] = await Promise.all([post(oursUrl, body), post(floorUrl, body)]);
    const data = (r: { json: unknown }) => (r.json as { data?: unknown } | null)?.data;
    if (data(a) === undefined || !isDeepStrictEqual(data(a), data(b))) return `${op.name} ${body.slice(-60)}:\n ours  ${a.text.slice(0, 600)}\n floor ${b.text.slice(0, 600)}`;
  }
  return null;
}
