import { featurise } from './features.ts';
import { tagSentences, WordVectors } from './model.ts';
import { spansFromTags, type EntityType } from './tags.ts';
import { sentences, tokenise } from './tokenise.ts';
import { loadModel, type Model } from './weights.ts';

/** An entity span found by the model, in character offsets. */
export interface TaggedSpan {
  start: number;
  end: number;
  type: EntityType;
}

let vectors: { model: Model; words: WordVectors } | null = null;
const vectorsOf = (model: Model) => (vectors?.model === model ? vectors : (vectors = { model, words: new WordVectors(model) })).words;

/** Named-entity spans (PER, ORG, LOC, MISC) of a text, by the committed model (or another). Pure and deterministic. */
export function tagEntities(text: string, model: Model = loadModel()): TaggedSpan[] {
  const sents = sentences(text, tokenise(text));
  const tags = tagSentences(model, vectorsOf(model), sents, featurise(sents, model.lexicon, model.bits));
  const out: TaggedSpan[] = [];
  sents.forEach((s, k) => {
    for (const sp of spansFromTags(tags[k])) out.push({ start: s[sp.first].start, end: s[sp.last].end, type: sp.type });
  });
  return out;
}
