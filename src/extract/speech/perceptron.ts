/**
 * Averaged perceptron over string features: the learner behind the cue tagger and the content
 * boundary rankers. Small, exact and deterministic (no randomness here; callers order the data).
 */

/** Trained weights as used at extraction time: feature → one weight per class. */
export interface LinearModel {
  classes: string[];
  weights: Map<string, Float64Array>;
}

/** Class scores of one feature set. */
export function scores(model: LinearModel, features: string[]): Float64Array {
  const out = new Float64Array(model.classes.length);
  for (const f of features) {
    const w = model.weights.get(f);
    if (!w) continue;
    for (let c = 0; c < out.length; c++) out[c] += w[c];
  }
  return out;
}

/** The best class (ties go to the first, so results never depend on map order). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * Training state with lazy averaging: each weight keeps the step it last changed at, so averaging
 * costs nothing per example (Daumé's trick).
 */
export class PerceptronTrainer {
  readonly classes: string[];
  private readonly w = new Map<string, Float64Array>();
  private readonly total = new Map<string, Float64Array>();
  private readonly stamp = new Map<string, Float64Array>();
  private step = 0;

  constructor(classes: string[]) {
    this.classes = classes;
  }

  scores(features: string[]): Float64Array {
    return scores({ classes: this.classes, weights: this.w }, features);
  }

  /** Call once per training example, before any update it causes. */
  tick(): void {
    this.step++;
  }

  update(features: string[], cls: number, delta: number): void {
    const n = this.classes.length;
    for (const f of features) {
      let w = this.w.get(f);
      if (!w) {
        w = new Float64Array(n);
        this.w.set(f, w);
        this.total.set(f, new Float64Array(n));
        this.stamp.set(f, new Float64Array(n));
      }
      const t = this.total.get(f)!;
      const s = this.stamp.get(f)!;
      t[cls] += (this.step - s[cls]) * w[cls];
      s[cls] = this.step;
      w[cls] += delta;
    }
  }

  /** Multiclass step: on a mistake, move towards the gold class and away from the guess. */
  learn(features: string[], gold: number): number {
    this.tick();
    const guess = argmax(this.scores(features));
    if (guess !== gold) {
      this.update(features, gold, 1);
      this.update(features, guess, -1);
    }
    return guess;
  }

  /** Ranking step (one class): on a mistake, towards the gold candidate's features, away from the guess's. */
  learnRank(candidates: string[][], gold: number): number {
    this.tick();
    let guess = 0;
    let best = -Infinity;
    candidates.forEach((c, i) => {
      const s = this.scores(c)[0];
      if (s > best) {
        best = s;
        guess = i;
      }
    });
    if (guess !== gold) {
      this.update(candidates[gold], 0, 1);
      this.update(candidates[guess], 0, -1);
    }
    return guess;
  }

  /** Averaged weights, features in sorted order. */
  averaged(): LinearModel {
    const weights = new Map<string, Float64Array>();
    const step = Math.max(1, this.step);
    for (const f of [...this.w.keys()].sort()) {
      const w = this.w.get(f)!;
      const t = this.total.get(f)!;
      const s = this.stamp.get(f)!;
      const avg = new Float64Array(w.length);
      for (let c = 0; c < w.length; c++) avg[c] = (t[c] + (step - s[c]) * w[c]) / step;
      weights.set(f, avg);
    }
    return { classes: this.classes, weights };
  }
}

/** The highest-scoring candidate of a ranker (a one-class model); -1 when there are none. */
export function best(model: LinearModel, candidates: string[][]): number {
  let at = -1;
  let top = -Infinity;
  candidates.forEach((c, i) => {
    const s = scores(model, c)[0];
    if (s > top) {
      top = s;
      at = i;
    }
  });
  return at;
}

/** Serialised form: weights quantised to integers of one scale, tiny ones dropped. */
export interface PackedModel {
  classes: string[];
  scale: number;
  weights: Record<string, number[]>;
}

/** Quantise to `levels` steps of the largest weight; features whose weights all round to 0 are pruned. */
export function pack(model: LinearModel, levels = 4095): PackedModel {
  let max = 0;
  for (const w of model.weights.values()) for (const x of w) max = Math.max(max, Math.abs(x));
  const scale = max > 0 ? max / levels : 1;
  const weights: Record<string, number[]> = {};
  for (const f of [...model.weights.keys()].sort()) {
    const q = [...model.weights.get(f)!].map((x) => Math.round(x / scale));
    if (q.some((x) => x !== 0)) weights[f] = q;
  }
  return { classes: model.classes, scale: Number(scale.toPrecision(8)), weights };
}

export function unpack(packed: PackedModel): LinearModel {
  const weights = new Map<string, Float64Array>();
  for (const [f, q] of Object.entries(packed.weights)) weights.set(f, Float64Array.from(q, (x) => x * packed.scale));
  return { classes: packed.classes, weights };
}
