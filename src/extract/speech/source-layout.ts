// Two layouts where the source is the subject of the cue's clause but not next to the cue, as
// features of the source ranker (source-candidates.ts):
// - an insert between subject and cue: "Sandy Phillips, who lost her daughter Jessica Ghawi in …,
//   said", "Claire McCaskill (D-Mo.), who has endorsed Clinton, said", "Clinton, who was speaking
//   to the … Mayors, did not mention Trump …, but told";
// - a leading participle clause whose subject follows it: "After suggesting on Wednesday that …,
//   Mr. Rubio …", "Besides attacking the former president, …, Mr. Trump asserted".

/**
 * What lies between a candidate and the cue after it: 0 no insert; 1 an insert opening with a
 * relative ("who", "which"); 2 another insert between commas (an apposition, a participle).
 * `gap` is the text between them.
 */
export function insertKind(gap: string): 0 | 1 | 2 {
  const m = INSERT.exec(gap);
  if (!m) return 0;
  return /^(?:who|which|whose)\b/i.test(m[1]) ? 1 : 2;
}

/** "[of Texas] [(D-Mo.)], …, [also/then …]": the insert runs from the first comma to the last. */
const INSERT = /^(?:\s+(?:of|from)\s+[\p{Lu}][\p{L}.’'-]*(?:\s+[\p{Lu}][\p{L}.’'-]*)*)?\s*(?:\([^)]{1,30}\)\s*)?,\s*([^.;:!?“”"]{2,240}?),\s*(?:(?:[a-z]+ly|also|then|now|later|and|but|did|not|has|had|have|was|is)\s+){0,4}$/u;

/** Opening words of a participle clause that leads its sentence ("After", "One month after"). */
const LEAD = /^\s*(?:(?:One|Two|Three|A|Days|Weeks|Months|Hours|Minutes)\s+[a-z]+\s+)?(?:after|before|besides|in|while|since|by|without|on|upon|despite|when|apart from|instead of)\s+$/i;

/**
 * Whether the cue is a participle leading its sentence ("After suggesting …,"): then the main
 * clause's subject, right after the clause's closing comma, is its source.
 */
export function leadsSentence(text: string, sentenceStart: number, cueStart: number, cue: string): boolean {
  return /^\p{L}+ing\b/u.test(cue) && LEAD.test(text.slice(sentenceStart, cueStart));
}

/** Whether a candidate after a leading participle clause opens the main clause: one comma, then at most four words. */
export function opensMainClause(gap: string): boolean {
  return /^[^,.;:!?“”"]*,\s*(?:[\p{L}’'.-]+\s+){0,4}$/u.test(gap);
}
