import { randomBytes } from 'node:crypto';

/**
 * Job ids that sort in the order they were made (UUID version 7: milliseconds, then a counter, then
 * random bits). pg-boss takes jobs by `created_on, id`, and every job of one enqueue shares its
 * `created_on`: with random ids a file's articles would be ingested in a random order, so a later
 * version of an article could be stored before an earlier one.
 */
let lastMs = 0;
let counter = 0;

/** 42 bits of counter: a fresh millisecond starts it low (random in 2^20) so it never runs out. */
const COUNTER_BITS = 42;

export function orderedJobId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = randomBytes(3).readUIntBE(0, 3) & 0xfffff;
  } else {
    // A clock that stood still or stepped back: keep the last millisecond and count on.
    counter++;
    if (counter >= 2 ** COUNTER_BITS) {
      lastMs++;
      counter = 0;
    }
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  // Byte 6: version 7 and the counter's top 4 bits; byte 7: the next 8; bytes 8–12: variant and 30 more.
  const hi = Math.floor(counter / 2 ** 30);
  const lo = counter % 2 ** 30;
  bytes[6] = 0x70 | (hi >> 8);
  bytes[7] = hi & 0xff;
  bytes.writeUInt32BE((0x80000000 | lo) >>> 0, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
