import { ALLOWED, MAY_END, TAG_COUNT } from './tags.ts';

// Module-level copies: hot loops read these millions of times (an imported binding may be a getter).
const K = TAG_COUNT;
const MAY_END_ = MAY_END;
/** For each tag, the tags that may precede it (BILOU constraints), so Viterbi skips the rest. */
const PREDECESSORS: Int32Array[] = Array.from({ length: K }, (_, t) => Int32Array.from([...Array(K).keys()].filter((p) => ALLOWED[p * K + t])));
const MAY_START = Uint8Array.from({ length: K }, (_, t) => ALLOWED[K * K + t]);

let SCORE = new Float64Array(256 * K);
let BACK = new Uint8Array(256 * K);

/** Tag t of the row at `row`: its best predecessor in the row at prevRow, and its score. */
function bestInto(score: Float64Array, back: Uint8Array, emission: Float64Array, transition: Float64Array, prevRow: number, row: number, t: number): void {
  const preds = PREDECESSORS[t];
  let best = -Infinity;
  let arg = 0;
  for (let k = 0; k < preds.length; k++) {
    const p = preds[k];
    const s = score[prevRow + p] + transition[p * K + t];
    if (s > best) {
      best = s;
      arg = p;
    }
  }
  score[row + t] = best + emission[row + t];
  back[row + t] = arg;
}

/**
 * Viterbi: the best tag sequence for emission scores (n × TAG_COUNT, row-major) and transition scores
 * ((TAG_COUNT + 1) × TAG_COUNT, last row = sentence start), respecting the BILOU constraints.
 * `active`, when given, marks the tokens that were scored; the others must have only O possible.
 */
export function viterbi(emission: Float64Array, n: number, transition: Float64Array, active: Uint8Array | null = null): Uint8Array {
  // Lattices reused from call to call (grown when a longer sentence comes): allocating two per
  // sentence was a visible share of garbage collection. back is cleared because tags ruled out for
  // a token leave their entry unwritten, and a fresh array had 0 there.
  if (SCORE.length < n * K) {
    SCORE = new Float64Array(n * K * 2);
    BACK = new Uint8Array(n * K * 2);
  }
  const score = SCORE;
  const back = BACK;
  back.fill(0, 0, n * K);
  for (let t = 0; t < K; t++) score[t] = MAY_START[t] ? transition[K * K + t] + emission[t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prevRow = (i - 1) * K;
    if (active !== null && !active[i]) {
      // A token the tagger did not score (active[i] = 0) can only be O: its other tags are -Infinity,
      // as the general loop would find, without reading them.
      for (let t = 1; t < K; t++) score[i * K + t] = -Infinity;
      if (emission[i * K] === -Infinity) score[i * K] = -Infinity;
      // After another such token every predecessor but O is -Infinity: the general loop's best is O's
      // (transition[0]: O → O), to the last bit, and back stays 0 as the fill left it.
      else if (!active[i - 1]) score[i * K] = score[prevRow] + transition[0] + emission[i * K];
      else bestInto(score, back, emission, transition, prevRow, i * K, 0);
      continue;
    }
    for (let t = 0; t < K; t++) {
      // Tags ruled out for this token.
      if (emission[i * K + t] === -Infinity) {
        score[i * K + t] = -Infinity;
        continue;
      }
      bestInto(score, back, emission, transition, prevRow, i * K, t);
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < K; t++) {
    if (MAY_END_[t] && score[(n - 1) * K + t] > best) {
      best = score[(n - 1) * K + t];
      arg = t;
    }
  }
  const tags = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = arg;
    arg = back[i * K + arg];
  }
  return tags;
}
