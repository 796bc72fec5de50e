import type { Writer } from '../db/writer.ts';
import { encodeFeedPayloads, FEED_CHANNEL } from './channel.ts';

/**
 * Tells every API process (LISTEN on FEED_CHANNEL) which articles a batch stored, once the batch has
 * committed. A notice lost to a database outage only means subscribers miss that batch: the graph is
 * already written, so a failure here is not the ingest's.
 */
export async function publishStored(writer: Writer, articleIds: number[]): Promise<void> {
  if (articleIds.length === 0) return;
  for (const payload of encodeFeedPayloads(articleIds)) {
    await writer.query('SELECT pg_notify($1, $2)', [FEED_CHANNEL, payload]).catch(() => {});
  }
}
