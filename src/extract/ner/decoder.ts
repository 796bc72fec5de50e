import { ALLOWED, MAY_END, TAG_COUNT } from './tags.ts';

/**
 * Viterbi: the best tag sequence for emission scores (n × TAG_COUNT, row-major) and transition scores
 * ((TAG_COUNT + 1) × TAG_COUNT, last row = sentence start), respecting the BILOU constraints.
 */
export function viterbi(emission: Float64Array, n: number, transition: Float64Array): Uint8Array {
  const K = TAG_COUNT;
  const score = new Float64Array(n * K);
  const back = new Uint8Array(n * K);
  for (let t = 0; t < K; t++) score[t] = ALLOWED[K * K + t] ? transition[K * K + t] + emission[t] : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < K; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < K; p++) {
        if (!ALLOWED[p * K + t]) continue;
        const s = score[(i - 1) * K + p] + transition[p * K + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * K + t] = best + emission[i * K + t];
      back[i * K + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < K; t++) {
    if (MAY_END[t] && score[(n - 1) * K + t] > best) {
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
