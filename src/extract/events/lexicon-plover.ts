import { entries } from './trigger.ts';

// Coverage beyond the forms the first lexicons were written for: the verbs and nouns of the
// CAMEO/PLOVER codebooks for every type, as news copy writes them. These entries come after
// lexicon-political.ts and lexicon-general.ts in the index, so a head word they share is read by
// the earlier, more specific entry first (only a pattern that does not match falls through here).
// Each was checked by reading what it fires on in unlabelled train text (src/eval/events-fire.ts);
// every entry asks for the sides a reader needs to know who acted, so a word alone is no event.
const SPORT_CONTEXT = /(?<!\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? )\b\d+-\d+\b|\b(?:match|game|cup|championships?|league|tournament|semi-final|quarter-final|final|round|goals?|sets?|title|Open|fixture|Premiership|derby)\b/i;
const COMPANY = /\b(?:Inc|Corp|Co|Ltd|plc|PLC|company|firm|group|unit|subsidiary|division|shares|stake|mln|bn|billion|million)\b/;
const FORCE = /\b(?:troops|police|soldiers|forces|army|military|rebels|militants|insurgents|guerrillas|gunmen|fighting)\b/i;
const INJURY = /\binjur(?:y|ies|ed)\b|\bsquad\b/i;
const OFFICIAL = /\b(?:president|prime minister|minister|secretary|chancellor|leader|delegation|envoy|king|queen|premier|talks|state visit|official visit)\b/i;
const ONE_DISASTER = /^(?![\s\S]*\b(?:the|a|an|this|that|last|recent|deadly|devastating|massive|severe|major|[A-Z][a-z]+)\s+(?:[A-Za-z’'-]+\s+)?$)/;

export const PLOVER_TRIGGERS = entries([
  // ACCUSE: the verb's other forms and CAMEO's "criticize or denounce" nouns.
  ['criticise criticize', 'ACCUSE', null, { needs: 'target', targetPreps: ['of'] }],
  ['attacks attacking', 'ACCUSE', null, { re: /attack(?:s|ing) (?=[A-Z]|(?:his|her|their) (?:rivals?|opponents?|critics)\b)/y, notContext: FORCE, needs: 'target' }],
  ['slamming blasting', 'ACCUSE', null, { needs: 'target' }],
  ['branded labelled labeled', 'ACCUSE', null, { re: /(?:branded|labell?ed) (?=[A-Z]|(?:him|her|them|the (?:government|president|minister|party)) )/y, needs: 'target' }],
  // "Trump's criticism of the Khan family": the owner criticises; "dismissed criticism of X" is someone else's.
  ['criticism', 'ACCUSE', null, { re: /criticism of\b/iy, notBefore: /^(?![\s\S]*[’']s\s+$)/, needs: 'target', targetPreps: ['of'] }],

  // REJECT
  ['objected objects', 'REJECT', null, { re: /object(?:ed|s) to\b/iy, needs: 'both', targetPreps: ['to'] }],

  // REQUEST
  ['asks asking', 'REQUEST', null, { re: /ask(?:s|ing) (?=[A-Z]|the )(?:\S+ ){1,5}to\b/y, needs: 'both' }],
  ['urge', 'REQUEST', null, { needs: 'both' }],
  ['lobbied petitioned', 'REQUEST', null, { needs: 'both', targetPreps: ['for'] }],

  // AGREE
  ['ratified ratifies', 'AGREE', null, { needs: 'source' }],
  ['ceasefire truce', 'AGREE', null, { re: /(?:ceasefire|truce) (?=(?:with|between) )/iy, symmetric: true, needs: 'both', targetPreps: ['with', 'between'] }],
  ['accepted accepts', 'AGREE', null, { re: /accept(?:ed|s) (?:an? |the |their |its |his |her )?(?:\S+ )?(?:offer|proposal|plan|terms|deal|invitation|demands?|request|compromise|settlement)\b/iy, needs: 'both', targetPreps: ['from', 'of', 'by'] }],

  // SUPPORT
  ['voiced expressed pledged declared', 'SUPPORT', null, { re: /(?:voiced|expressed|pledged|declared) (?:(?:his|her|its|their|strong|full|unanimous|continued) ){0,2}(?:support|backing)\b/iy, needs: 'both', targetPreps: ['for', 'to'] }],
  ['endorse', 'SUPPORT', 'endorsement', { needs: 'both' }],

  // AID
  ['assistance', 'AID', 'funding', { re: /assistance\b/iy, notBefore: /^(?![\s\S]*\b(?:financial|military|economic|humanitarian|technical|food|emergency) $)/i, needs: 'both', targetPreps: ['to', 'for'] }],
  ['loan loans', 'AID', 'funding', { context: /\b(?:World Bank|IMF|International Monetary Fund|Development Bank|aid)\b/, needs: 'both', targetPreps: ['to', 'for'] }],
  ['pledged', 'AID', 'funding', { re: /pledged (?:a |an |some )?(?:[$£€]|\d)/iy, needs: 'both', targetPreps: ['to', 'for'] }],

  // ASSAULT / COERCE / MOBILIZE
  ['killed', 'ASSAULT', 'attack', { context: FORCE, needs: 'both' }],
  ['assassinated', 'ASSAULT', 'attack', { needs: 'target' }],
  ['shelled shelling', 'ASSAULT', 'bombing', { re: /shell(?:ed|ing)\b(?! out)/iy, needs: 'both', targetPreps: ['on', 'of'] }],
  ['clashes clashed', 'ASSAULT', 'attack', { context: FORCE, symmetric: true, needs: 'both', targetPreps: ['with', 'between'] }],
  ['air', 'ASSAULT', 'bombing', { re: /air ?(?:strikes?|raids?)\b/iy, needs: 'source', targetPreps: ['on', 'against'] }],
  ['sent send sending sends', 'MOBILIZE', 'deployment', { re: /(?:sent|send|sending|sends) (?:\S+ ){0,3}?(?:troops|soldiers|warships|forces|peacekeepers)\b/iy, needs: 'source', targetPreps: ['to', 'into'] }],
  ['mobilised mobilized', 'MOBILIZE', 'deployment', { context: FORCE, needs: 'source' }],

  // PROTEST
  ['demonstration demonstrations demonstrated', 'PROTEST', null, { context: /\b(?:protest|against|outside|rally|march|demonstrators|protesters)\w*/i, needs: 'source', targetPreps: ['against', 'outside', 'at'] }],

  // RETREAT / CONCEDE
  ['pulled', 'RETREAT', 'withdrawal', { re: /pulled out\b/iy, notContext: INJURY, needs: 'source', targetPreps: ['of', 'from'] }],
  ['backed', 'RETREAT', null, { re: /backed down\b/iy, needs: 'source', targetPreps: ['on', 'over'] }],
  ['dropped', 'RETREAT', null, { re: /dropped (?:its|his|her|their|the) (?:\S+ )?(?:bid|plan|plans|opposition|demands?|objections?|claim|challenge|offer|proposal)\b/iy, needs: 'source' }],
  ['abandoned abandons', 'RETREAT', null, { re: /abandon(?:ed|s) (?:its|his|her|their|the) (?:\S+ )?(?:bid|plan|plans|opposition|demands?|attempt|offer|proposal|talks|campaign)\b/iy, needs: 'source' }],
  ['conceded concedes', 'CONCEDE', null, { re: /conced(?:ed|es) (?:defeat|victory|the (?:election|race|seat|nomination|point)|to)\b/iy, notContext: SPORT_CONTEXT, needs: 'source' }],
  ['relented caved', 'CONCEDE', null, { re: /(?:relented|caved in)\b/iy, needs: 'source' }],

  // SANCTION
  ['imposed imposes imposing', 'SANCTION', null, { re: /impos(?:ed|es|ing) (?:\S+ ){0,4}?(?:tariffs|duties|sanctions|embargo|quotas?|curbs|restrictions)\b/iy, needs: 'source', targetPreps: ['on', 'against'] }],
  ['suspended suspends', 'SANCTION', null, { re: /suspend(?:ed|s) (?:\S+ ){0,3}?(?:aid|relations|ties|imports|exports|cooperation|membership)\b/iy, needs: 'source', targetPreps: ['with', 'to', 'from'] }],

  // THREATEN
  ['ultimatum', 'THREATEN', null, { needs: 'both', targetPreps: ['to'] }],

  // COOPERATE / CONSULT
  ['cooperation co-operation', 'COOPERATE', null, { re: /co-?operation (?=(?:with|between) )/iy, symmetric: true, needs: 'both', targetPreps: ['with', 'between'] }],
  ['cooperate co-operate cooperating collaborate collaborated collaborating', 'COOPERATE', null, { symmetric: true, needs: 'both', targetPreps: ['with'] }],
  ['teamed', 'COOPERATE', null, { re: /teamed up with\b/iy, symmetric: true, needs: 'both', targetPreps: ['with'] }],
  ['alliance', 'COOPERATE', null, { re: /alliance (?=(?:with|between) )/iy, symmetric: true, needs: 'both', targetPreps: ['with', 'between'] }],
  ['discussed discussions', 'CONSULT', 'talks', { re: /(?:discussed (?:\S+ ){0,4}?with|discussions (?:with|between))\b/iy, symmetric: true, needs: 'both', targetPreps: ['with', 'between'] }],
  ['arrived arrives', 'CONSULT', 'visit', { re: /arrive[sd] in\b/iy, context: OFFICIAL, needs: 'both', targetPreps: ['in'] }],
  ['consultations', 'CONSULT', 'talks', { re: /consultations with\b/iy, symmetric: true, needs: 'both', targetPreps: ['with'] }],
  ['dinner lunch breakfast sat', 'CONSULT', 'meeting', { re: /(?:dinner|lunch|breakfast|sat down) with\b/iy, symmetric: true, needs: 'both', targetPreps: ['with'] }],
  ['telephone phone', 'CONSULT', 'call', { re: /(?:tele)?phone (?:conversation|call)s? with\b/iy, symmetric: true, needs: 'both', targetPreps: ['with'] }],

  // APPOINTMENT / RESIGNATION: wire copy's "X was named president of Y" (Y appoints X).
  ['named', 'APPOINTMENT', null, { re: /named (?:as )?(?:\S+ ){0,3}?(?:president|chairman|chairwoman|chief executive|chief|director|head|manager|coach|officer|minister|secretary|ambassador|editor|captain|treasurer|governor)\b/iy, passive: true, needs: 'target', targetPreps: ['of', 'at', 'by'] }],
  ['steps stepping', 'RESIGNATION', null, { re: /(?:steps|stepping) down\b/iy, needs: 'source', targetPreps: ['as', 'from'] }],

  // LEGAL
  ['sue', 'LEGAL', 'lawsuit', { needs: 'both', targetPreps: ['against'] }],
  ['charges', 'LEGAL', 'charge', { re: /charges against\b/iy, needs: 'target', targetPreps: ['against'] }],
  // "X faces charges of": the one who faces them is charged (the target).
  ['face faces facing faced', 'LEGAL', 'charge', { re: /fac(?:e|es|ing|ed) (?:\S+ ){0,3}?(?:charges?|trial|prosecution)\b/iy, notBefore: /\b(?:may|could|might|would|will|to|not) $/i, inverse: true, needs: 'target' }],
  ['won lost launched filed lodged', 'LEGAL', 'appeal', { re: /(?:won|lost|launched|filed|lodged) (?:an? |his |her |its |their |the )?(?:\S+ )?appeal\b/iy, needs: 'source', targetPreps: ['against'] }],
  ['extradition', 'LEGAL', 'arrest', { re: /extradition of\b/iy, needs: 'target', targetPreps: ['of'] }],
  ['raided raid', 'COERCE', null, { re: /raid(?:ed)?\b(?= (?:the |a |an |his |her |its |their )?(?:\S+ )?(?:offices?|homes?|house|headquarters|premises|compound)\b)/iy, needs: 'both', targetPreps: ['of'] }],
  ['judge', 'LEGAL', 'ruling', { re: /judge (?:ruled|ordered|dismissed|rejected|threw out|blocked|sentenced)\b/iy, nameEnd: true, needs: 'source' }],

  // BUSINESS
  ['buys', 'BUSINESS', 'acquisition', { needs: 'both', targetPreps: ['from'] }],
  ['sale', 'BUSINESS', 'deal', { re: /sale of\b/iy, context: COMPANY, needs: 'source', targetPreps: ['of', 'to'] }],
  ['purchase', 'BUSINESS', 'acquisition', { re: /purchase of\b/iy, context: COMPANY, needs: 'source', targetPreps: ['of', 'from'] }],
  ['tender', 'BUSINESS', 'bid', { re: /tender offer\b/iy, context: COMPANY, needs: 'source', targetPreps: ['for'] }],
  ['offer', 'BUSINESS', 'bid', { re: /offer (?:to (?:buy|acquire)|for)\b/iy, context: COMPANY, needs: 'source', targetPreps: ['for'] }],
  ['buyout', 'BUSINESS', 'bid', { needs: 'source', targetPreps: ['of', 'for'] }],
  ['letter', 'BUSINESS', 'deal', { re: /letter of intent\b/iy, symmetric: true, needs: 'source', targetPreps: ['with'] }],
  ['contract', 'BUSINESS', 'deal', { context: /\b(?:won|awarded|received|signed|wins|awards)\b/, needs: 'both', targetPreps: ['with', 'from', 'to', 'by'] }],
  ['launched unveiled launches unveils', 'BUSINESS', 'product', { re: /(?:launched|unveiled|launches|unveils) (?:\S+ ){0,4}?(?:phones?|handsets?|service|console|version|software|products?|models?|range|website|network|channel|camera|player|devices?|chips?|drug|card)\b/iy, needs: 'source' }],
  ['partnered', 'BUSINESS', 'deal', { re: /partnered with\b/iy, symmetric: true, needs: 'both', targetPreps: ['with'] }],

  // DISASTER
  ['drought famine wildfire wildfires bushfire bushfires', 'DISASTER', null, { re: /[a-z]+\b(?! (?:relief|fund|appeal|aid|warning|victims|survivors|donations?))/iy, notBefore: ONE_DISASTER, needs: 'none' }],
  ['plane air train rail helicopter', 'DISASTER', 'crash', { re: /(?:plane|air|train|rail|helicopter) (?:crash|disaster)\b/iy, notBefore: ONE_DISASTER, needs: 'none' }],

  // ELECTION: voters who went to the polls (those who will go are a date on the calendar). (A primary or caucus named alone is mostly a date on the campaign's calendar,
  // mentioned again and again; the one won is read by "won the … primary".)
  ['polls', 'ELECTION', null, { re: /polls (?:opened|closed)\b/iy, needs: 'none' }],
  ['went', 'ELECTION', null, { re: /went to the polls\b/iy, needs: 'none' }],
  ['reelected', 'ELECTION', null, { needs: 'source', passive: false }],
  ['lost', 'ELECTION', null, { re: /lost (?:the |a |an |his |her |their )?(?:\S+ )?(?:election|vote|primary|race|seat|presidency|nomination|re-?election|referendum)\b/iy, needs: 'source', targetPreps: ['to'] }],

  // LEGAL
  ['cleared acquitted', 'LEGAL', 'trial', { re: /cleared of\b/iy, passive: true, needs: 'target' }],
  ['investigated probing', 'LEGAL', 'investigation', { needs: 'both', targetPreps: ['into', 'over'] }],
  ['hearing hearings', 'CONSULT', 'hearing', { context: /\b(?:committee|panel|subcommittee|Senate|House|Congress|congressional|Parliament|parliamentary|inquiry)\b/, needs: 'both', targetPreps: ['before', 'of', 'with', 'on'] }],

  // BUSINESS: wire copy's results ("reported net income of 12.5 mln dlrs").
  ['net', 'BUSINESS', 'results', { re: /net (?:income|earnings)\b/iy, context: /\b(?:reported|posted|rose|fell|jumped|slumped|mln|bn|billion|million)\b/i, needs: 'source' }],

  // SPORT
  ['won', 'SPORT', 'match', { re: /won (?:\d+-\d+ )?(?:at|against|over)\b/iy, context: SPORT_CONTEXT, symmetric: true, needs: 'both', targetPreps: ['at', 'against', 'over'] }],
  ['beating', 'SPORT', 'match', { context: SPORT_CONTEXT, symmetric: true, needs: 'both' }],
  ['draw', 'SPORT', 'match', { re: /draw (?:with|against|at)\b/iy, context: SPORT_CONTEXT, symmetric: true, needs: 'both', targetPreps: ['with', 'against', 'at'] }],
  ['play plays played playing', 'SPORT', 'match', { re: /(?:play|plays|played|playing) (?:against|host to)\b/iy, context: SPORT_CONTEXT, symmetric: true, needs: 'both', targetPreps: ['against', 'to'] }],
]);
