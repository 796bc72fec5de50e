import { argmax, scores, type LinearModel } from './perceptron.ts';
import { cueFeatures } from './features.ts';
import type { Token } from './tokens.ts';

/** A cue as token indices, first and last inclusive. */
export interface CueSpan {
  a: number;
  b: number;
}

export const CUE_TAGS = ['O', 'B', 'I'];

/**
 * Attribution cues by a left-to-right tagger (B opens a cue, I continues it). The previous tag
 * restarts at each sentence, so cues never cross one.
 */
export function findCues(tokens: Token[], model: LinearModel): CueSpan[] {
  const out: CueSpan[] = [];
  let prev = 'O';
  for (let i = 0; i < tokens.length; i++) {
    if (i === 0 || tokens[i].sentence !== tokens[i - 1].sentence) prev = 'O';
    let tag = model.classes[argmax(scores(model, cueFeatures(tokens, i, prev)))];
    if (tag === 'I' && prev === 'O') tag = 'B';
    if (tag === 'B') out.push({ a: i, b: i });
    else if (tag === 'I') out[out.length - 1].b = i;
    prev = tag;
  }
  return out;
}
