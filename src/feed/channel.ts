/**
 * The live feed's PostgreSQL NOTIFY channel. A payload names the articles a committed batch stored
 * (ids only: NOTIFY payloads stay under 8,000 bytes, and every listener loads the nodes itself).
 */
export const FEED_CHANNEL = 'newsgraph_feed';

/** Ids per payload: 1,000 ids of up to 7 digits and a comma stay well under NOTIFY's 8,000 bytes. */
const IDS_PER_PAYLOAD = 800;

export function encodeFeedPayloads(articleIds: number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < articleIds.length; i += IDS_PER_PAYLOAD) out.push(articleIds.slice(i, i + IDS_PER_PAYLOAD).join(','));
  return out;
}

export function decodeFeedPayload(payload: string): number[] {
  return payload.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
}
