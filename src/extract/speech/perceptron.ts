/**
 * Averaged perceptron over hashed features: the learner behind the cue tagger and the content
 * boundary rankers. Exact and deterministic (no randomness here; callers order the data).
 */

/** Trained weights as used at extraction time: one row of class weights per feature slot. */
export interface LinearModel {
  classes: string[];
  /** Feature hashes index the table by their low `bits`. */
  bits: number;
  weights: Float32Array | Float64Array;
}

/** Class scores of one feature set. */
export function scores(model: LinearModel, features: number[]): Float64Array {
  const n = model.classes.length;
  const out = new Float64Array(n);
  const w = model.weights;
  const mask = (1 << model.bits) - 1;
  for (const f of features) {
    const base = (f & mask) * n;
    for (let c = 0; c < n; c++) out[c] += w[base + c];
  }
  return out;
}

/** A ranker's score (one-class model). */
export function score(model: LinearModel, features: number[]): number {
  return scoreFirst(model, features, features.length);
}

/** score() of the first `count` features of a reused buffer; the same sum, added in the same order. */
export function scoreFirst(model: LinearModel, features: number[], count: number): number {
  let s = 0;
  const mask = (1 << model.bits) - 1;
  for (let k = 0; k < count; k++) s += model.weights[features[k] & mask];
  return s;
}

/** The best class (ties go to the first, so results never depend on order of evaluation). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** The highest-scoring candidate of a ranker; -1 when there are none. */
export function best(model: LinearModel, candidates: number[][]): number {
  let at = -1;
  let top = -Infinity;
  candidates.forEach((c, i) => {
    const s = score(model, c);
    if (s > top) {
      top = s;
      at = i;
    }
  });
  return at;
}

/**
 * Training state with lazy averaging: each weight keeps the step it last changed at, so averaging
 * costs nothing per example (Daumé's trick).
 */
export class PerceptronTrainer {
  readonly classes: string[];
  readonly bits: number;
  private readonly w: Float64Array;
  private readonly total: Float64Array;
  private readonly stamp: Float64Array;
  private step = 0;

  constructor(classes: string[], bits: number) {
    this.classes = classes;
    this.bits = bits;
    const size = (1 << bits) * classes.length;
    this.w = new Float64Array(size);
    this.total = new Float64Array(size);
    this.stamp = new Float64Array(size);
  }

  private model(): LinearModel {
    return { classes: this.classes, bits: this.bits, weights: this.w };
  }

  private update(features: number[], cls: number, delta: number): void {
    const n = this.classes.length;
    const mask = (1 << this.bits) - 1;
    for (const f of features) {
      const k = (f & mask) * n + cls;
      this.total[k] += (this.step - this.stamp[k]) * this.w[k];
      this.stamp[k] = this.step;
      this.w[k] += delta;
    }
  }

  /** Multiclass step: on a mistake, move towards the gold class and away from the guess. */
  learn(features: number[], gold: number): number {
    this.step++;
    const guess = argmax(scores(this.model(), features));
    if (guess !== gold) {
      this.update(features, gold, 1);
      this.update(features, guess, -1);
    }
    return guess;
  }

  /** Ranking step (one class): on a mistake, towards the gold candidate's features, away from the guess's. */
  learnRank(candidates: number[][], gold: number): number {
    this.step++;
    const guess = best(this.model(), candidates);
    if (guess !== gold) {
      this.update(candidates[gold], 0, 1);
      this.update(candidates[guess], 0, -1);
    }
    return guess;
  }

  /**
   * Ranking step with several right candidates (any that names the right source): no update when the
   * guess is one of them; on a mistake, towards the best-scoring right one, away from the guess.
   */
  learnRankAny(candidates: number[][], right: number[]): number {
    this.step++;
    const model = this.model();
    const guess = best(model, candidates);
    if (!right.includes(guess)) {
      const target = right[best(model, right.map((i) => candidates[i]))];
      this.update(candidates[target], 0, 1);
      this.update(candidates[guess], 0, -1);
    }
    return guess;
  }

  averaged(): LinearModel {
    const step = Math.max(1, this.step);
    const weights = new Float32Array(this.w.length);
    for (let k = 0; k < weights.length; k++) if (this.w[k] !== 0 || this.total[k] !== 0) weights[k] = (this.total[k] + (step - this.stamp[k]) * this.w[k]) / step;
    return { classes: this.classes, bits: this.bits, weights };
  }
}

/**
 * The mean of models of one shape (the same classes and table): training on several shuffle orders and
 * averaging cancels most of what one order's luck puts in the weights.
 */
export function meanModel(models: LinearModel[]): LinearModel {
  const weights = new Float32Array(models[0].weights.length);
  for (const m of models) for (let k = 0; k < weights.length; k++) weights[k] += m.weights[k] / models.length;
  return { classes: models[0].classes, bits: models[0].bits, weights };
}

/** Serialised form: weights quantised to 16-bit integers of one scale; rows all zero are left out. */
export interface PackedModel {
  classes: string[];
  bits: number;
  scale: number;
  /** Feature slots of the kept rows, ascending, as differences from the previous one. */
  rows: Int32Array;
  /** Row-major quantised weights of the kept rows. */
  values: Int16Array;
}

export function pack(model: LinearModel, levels = 32000): PackedModel {
  const n = model.classes.length;
  let max = 0;
  for (const x of model.weights) max = Math.max(max, Math.abs(x));
  const scale = Number((max > 0 ? max / levels : 1).toPrecision(8));
  const rows: number[] = [];
  const values: number[] = [];
  let last = 0;
  for (let f = 0; f < 1 << model.bits; f++) {
    const q = Array.from({ length: n }, (_, c) => Math.round(model.weights[f * n + c] / scale));
    if (q.every((x) => x === 0)) continue;
    rows.push(f - last);
    last = f;
    values.push(...q);
  }
  return { classes: model.classes, bits: model.bits, scale, rows: Int32Array.from(rows), values: Int16Array.from(values) };
}

export function unpack(packed: PackedModel): LinearModel {
  const n = packed.classes.length;
  const weights = new Float32Array((1 << packed.bits) * n);
  let f = 0;
  for (let r = 0; r < packed.rows.length; r++) {
    f += packed.rows[r];
    for (let c = 0; c < n; c++) weights[f * n + c] = packed.values[r * n + c] * packed.scale;
  }
  return { classes: packed.classes, bits: packed.bits, weights };
}
