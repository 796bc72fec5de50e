/**
 * BILOU tags over tokens: Begin, Inside, Last, Unit (one-token entity), Outside. Finer than BIO, so the
 * model learns where names end as well as where they start.
 */
export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof TYPES)[number];
const POSITIONS = ['B', 'I', 'L', 'U'] as const;

/** Tag 0 is O; tag 1 + 4·type + position otherwise. */
export const TAG_COUNT = 1 + TYPES.length * POSITIONS.length;
export const tagName = (t: number) => (t === 0 ? 'O' : `${POSITIONS[(t - 1) % 4]}-${TYPES[Math.floor((t - 1) / 4)]}`);
const tagOf = (type: number, pos: number) => 1 + type * 4 + pos;
const typeOf = (t: number) => Math.floor((t - 1) / 4);
const posOf = (t: number) => (t - 1) % 4;

/**
 * allowed[prev * TAG_COUNT + next]: whether `next` may follow `prev` (prev = TAG_COUNT is the sentence
 * start). Invalid sequences ("O I-PER") are excluded from decoding instead of being learned.
 */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((TAG_COUNT + 1) * TAG_COUNT);
  for (let prev = 0; prev <= TAG_COUNT; prev++) {
    const open = prev !== 0 && prev !== TAG_COUNT && (posOf(prev) === 0 || posOf(prev) === 1);
    for (let next = 0; next < TAG_COUNT; next++) {
      const continues = next !== 0 && (posOf(next) === 1 || posOf(next) === 2);
      a[prev * TAG_COUNT + next] = open ? Number(continues && typeOf(next) === typeOf(prev)) : Number(!continues);
    }
  }
  return a;
})();
/** A sentence may not end inside an entity. */
export const MAY_END = Uint8Array.from({ length: TAG_COUNT }, (_, t) => Number(t === 0 || posOf(t) >= 2));

/** Token tags for entity spans given as [first token, last token] inclusive. */
export function tagsFromSpans(n: number, spans: { first: number; last: number; type: EntityType }[]): Uint8Array {
  const tags = new Uint8Array(n);
  for (const s of spans) {
    const ty = TYPES.indexOf(s.type);
    if (s.first === s.last) tags[s.first] = tagOf(ty, 3);
    else {
      tags[s.first] = tagOf(ty, 0);
      for (let k = s.first + 1; k < s.last; k++) tags[k] = tagOf(ty, 1);
      tags[s.last] = tagOf(ty, 2);
    }
  }
  return tags;
}

/** Entity spans (token indices, inclusive) read from a valid tag sequence. */
export function spansFromTags(tags: ArrayLike<number>): { first: number; last: number; type: EntityType }[] {
  const out: { first: number; last: number; type: EntityType }[] = [];
  let open = -1;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t === 0) {
      open = -1;
      continue;
    }
    const p = posOf(t);
    if (p === 3) out.push({ first: i, last: i, type: TYPES[typeOf(t)] });
    else if (p === 0) open = i;
    else if (p === 2 && open >= 0) {
      out.push({ first: open, last: i, type: TYPES[typeOf(t)] });
      open = -1;
    }
  }
  return out;
}

/** The entity type of a tag (-1 for O). */
export const entityTypeIndex = (t: number) => (t === 0 ? -1 : typeOf(t));
