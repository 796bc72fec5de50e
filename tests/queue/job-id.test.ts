import { describe, expect, it } from 'vitest';
import { orderedJobId } from '../../src/queue/job-id.ts';

describe('orderedJobId', () => {
  it('makes version-7 UUIDs that sort in the order they were made, many in one millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => orderedJobId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('starts with the time it was made', () => {
    const before = Date.now();
    const id = orderedJobId();
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });
});
