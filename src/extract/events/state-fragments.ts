import type { Span } from '../../ingest/types.ts';
import { US_STATES } from '../../geo/us-states.ts';

// The last word of a US state's two-word name, by the words that may stand before it ("Hampshire" ← "New").
const HEADS_OF_TAIL = new Map<string, Set<string>>();
for (const [name] of US_STATES) {
  const words = name.split(' ');
  if (words.length !== 2) continue;
  const heads = HEADS_OF_TAIL.get(words[1]) ?? new Set<string>();
  heads.add(words[0]);
  HEADS_OF_TAIL.set(words[1], heads);
}
// AP's state abbreviations after a town ("Carthage, Ill., supported …"): where a person lives, nobody's name.
const AP_ABBREVIATIONS = new Set(US_STATES.map(([, , ap]) => ap?.replace(/\.$/, '')).filter((x): x is string => !!x));

/**
 * Whether a name span is only part of a US state's name or its AP abbreviation, so no actor: the
 * recogniser may keep "Hampshire" of "New Hampshire" (a party in "Sanders' win in New Hampshire",
 * "the New Hampshire polls closed") or "Mexico" of "New Mexico" (a country), and a back-off run
 * may take "Ill" of "Carthage, Ill.," for a name.
 */
export function stateFragment(text: string, span: Span): boolean {
  const name = text.slice(span.start, span.end);
  const heads = HEADS_OF_TAIL.get(name);
  if (heads) {
    const before = /([A-Z][a-z]+)\s+$/.exec(text.slice(Math.max(0, span.start - 12), span.start));
    if (before && heads.has(before[1])) return true;
  }
  const bare = name.replace(/\.$/, '');
  return AP_ABBREVIATIONS.has(bare) && (bare !== name || text[span.end] === '.') && /,\s*$/.test(text.slice(Math.max(0, span.start - 3), span.start));
}
