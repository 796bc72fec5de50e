import { orgInfo, placeInfo } from '../extract/gazetteer.ts';

/** The entity type of a mention, as the recogniser and the evaluation name them. */
export type MentionType = 'PER' | 'ORG' | 'LOC';

/**
 * Classes of mentions whose precision differs and that can be told apart from what the graph stores
 * (the type and the words at the offsets), so ingest and old rows get the same answer:
 * a person named in full or by one word (a surname or a family name the extractor tied to someone
 * named in full, or a lone word), an organisation or place the curated gazetteer knows by those exact
 * words, or one it does not (found by the recogniser alone).
 */
export type MentionClass = 'PER_FULL' | 'PER_ONE_WORD' | 'ORG_CURATED' | 'ORG_OTHER' | 'LOC_CURATED' | 'LOC_OTHER';

export function mentionClass(type: MentionType, text: string): MentionClass {
  const words = text.replace(/\s+/g, ' ').trim();
  if (type === 'PER') return words.includes(' ') ? 'PER_FULL' : 'PER_ONE_WORD';
  if (type === 'ORG') return orgInfo(words) ? 'ORG_CURATED' : 'ORG_OTHER';
  return placeInfo(words) ? 'LOC_CURATED' : 'LOC_OTHER';
}

/**
 * Exact-match precision of extractor 1.4.0 per class on CoNLL++ dev (216 documents, detokenised as
 * written prose): of the mentions of that class the extraction returns, the share whose start, end and
 * type all equal a gold entity's. Measured with `npx tsx src/cli/mention-confidence.ts` (it prints this
 * table; dev is only measured, nothing was tuned on it). 1996 wire copy, so on other news the true
 * rates may differ; re-measure when the extractor changes.
 */
export const MENTION_PRECISION: Record<MentionClass, number> = {
  PER_FULL: 0.953, // 1,209 of 1,268
  PER_ONE_WORD: 0.871, // 556 of 638
  ORG_CURATED: 0.969, // 93 of 96
  ORG_OTHER: 0.871, // 1,058 of 1,214
  LOC_CURATED: 0.982, // 953 of 970
  LOC_OTHER: 0.92, // 791 of 860
};

/**
 * How likely a mention is right, 0..1: the measured precision of its class (above). The extraction has
 * no per-mention score of its own (the recogniser's decoder keeps no probabilities), so this is a
 * calibrated estimate for the class, not a judgement of the single mention.
 */
export function mentionConfidence(type: MentionType, text: string): number {
  return MENTION_PRECISION[mentionClass(type, text)];
}
