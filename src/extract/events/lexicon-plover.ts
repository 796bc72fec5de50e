import { entries } from './trigger.ts';

// Coverage beyond the forms the first lexicons were written for: the verbs and nouns of the
// CAMEO/PLOVER codebooks for every type, as news copy writes them. These entries come after
// lexicon-political.ts and lexicon-general.ts in the index, so a head word they share is read by
// the earlier, more specific entry first (only a pattern that does not match falls through here).
// Each was checked by reading what it fires on in unlabelled train text (src/eval/events-fire.ts);
// every entry asks for the sides a reader needs to know who acted, so a word alone is no event.
const SPORT_CONTEXT = /(?<!\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? )\b\d+-\d+\b|\b(?:match|game|cup|championships?|league|tournament|semi-final|quarter-final|final|round|goals?|sets?|title|Open|fixture|Premiership|derby)\b/i;
// A race that is run, not stood in: athletics and other races ("victory in the 6km race", "Paula's victory in the New
// York Marathon", "lost the race … in the semi-finals").
const RUN_RACE = /\b(?:\d+(?:\.\d+)?\s?km|\d+m|marathon|metres|sprint|hurdles|relay|cross[- ]country|(?:women|men)[’']s race|semi-finals?|heats?|medal|world champion|Grand Prix)\b/i;
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
  // The one on trial or under investigation is the clause's subject ("Mr Khodorkovsky is on trial for fraud", "Parmalat
  // executives are under investigation"): the target; the court or investigator is not named there.
  ['trial', 'LEGAL', 'trial', { re: /(?<=\b(?:on|stand|stands|stood|standing) )trial\b/iy, inverse: true, needs: 'target' }],
  ['investigation', 'LEGAL', 'investigation', { re: /(?<=\bunder )investigation\b/iy, inverse: true, needs: 'target' }],
  // "The SEC filed civil fraud charges … against James Tambone", "prosecutors brought charges against".
  ['filed brought pressed laid', 'LEGAL', 'charge', { re: /(?:filed|brought|pressed|laid) (?:\S+ ){0,3}?charges\b/iy, needs: 'both', targetPreps: ['against'] }],
  // Paying to settle a lawsuit or an investigation ends it ("agreed to pay $515m to settle an investigation").
  ['settle', 'LEGAL', 'lawsuit', { re: /settle (?:a |an |the |its |his |her |their )?(?:\S+ ){0,3}?(?:lawsuit|suit|case|claims?|charges|investigation)\b/iy, needs: 'source', targetPreps: ['with', 'against'] }],
  ['judge', 'LEGAL', 'ruling', { re: /judge (?:has |had )?(?:ruled|ordered|dismissed|rejected|threw out|blocked|sentenced)\b/iy, nameEnd: true, adjacentSource: true, needs: 'source' }],

  // BUSINESS
  ['buys', 'BUSINESS', 'acquisition', { needs: 'both', targetPreps: ['from'] }],
  ['sale', 'BUSINESS', 'deal', { re: /sale of\b/iy, context: COMPANY, needs: 'source', targetPreps: ['of', 'to'] }],
  ['purchase', 'BUSINESS', 'acquisition', { re: /purchase of\b/iy, context: COMPANY, needs: 'source', targetPreps: ['of', 'from'] }],
  ['tender', 'BUSINESS', 'bid', { re: /tender offer\b/iy, context: COMPANY, needs: 'source', targetPreps: ['for'] }],
  ['offer', 'BUSINESS', 'bid', { re: /offer (?:to (?:buy|acquire)|for)\b/iy, context: COMPANY, needs: 'source', targetPreps: ['for'] }],
  ['buyout', 'BUSINESS', 'bid', { needs: 'source', targetPreps: ['of', 'for'] }],
  ['letter', 'BUSINESS', 'deal', { re: /letter of intent\b/iy, symmetric: true, needs: 'source', targetPreps: ['with'] }],
  ['contract', 'BUSINESS', 'deal', { context: /\b(?:won|awarded|received|signed|wins|awards)\b/, needs: 'both', targetPreps: ['with', 'from', 'to', 'by'] }],
  // ("Microsoft is releasing tools that clean up PCs", "Google released desktop search software": a product out; a statement, a report,
  // a video or a prisoner released are not, and take none of these nouns.)
  ['launched unveiled launches unveils released releases releasing', 'BUSINESS', 'product', { re: /(?:launched|unveiled|launches|unveils|released|releases|releasing) (?:\S+ ){0,4}?(?:phones?|handsets?|service|console|version|software|products?|models?|range|website|network|channel|camera|player|devices?|chips?|drug|card|tools?|upgrade|browser|utility)\b/iy, needs: 'source' }],
  ['partnered', 'BUSINESS', 'deal', { re: /partnered with\b/iy, symmetric: true, needs: 'both', targetPreps: ['with'] }],

  // DISASTER
  ['drought famine wildfire wildfires bushfire bushfires', 'DISASTER', null, { re: /[a-z]+\b(?! (?:relief|fund|appeal|aid|warning|victims|survivors|donations?))/iy, notBefore: ONE_DISASTER, needs: 'none' }],
  ['plane air train rail helicopter', 'DISASTER', 'crash', { re: /(?:plane|air|train|rail|helicopter) (?:crash|disaster)\b/iy, notBefore: ONE_DISASTER, needs: 'none' }],

  // ELECTION: voters who went to the polls (those who will go are a date on the calendar). (A primary or caucus named alone is mostly a date on the campaign's calendar,
  // mentioned again and again; the one won is read by "won the … primary".)
  ['polls', 'ELECTION', null, { re: /polls (?:opened|closed)\b/iy, needs: 'none' }],
  ['went', 'ELECTION', null, { re: /went to the polls\b/iy, needs: 'none' }],
  ['reelected', 'ELECTION', null, { needs: 'source', passive: false }],
  ['lost', 'ELECTION', null, { re: /lost (?:the |a |an |his |her |their )?(?:\S+ )?(?:election|vote|primary|race|seat|presidency|nomination|re-?election|referendum)\b/iy, notContext: RUN_RACE, needs: 'source', targetPreps: ['to'] }],

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

// More of the CAMEO/PLOVER verb classes, as news copy writes them (each read against unlabelled train
// text with events-fire.ts, none fitted to the gold's articles). A head word another lexicon already
// has is read here only when that entry's pattern or sentence tests fail.
const ATTACK_CONTEXT = /\b(?:troops|soldiers|rebels|militants|insurgents|guerrillas|gunmen|fighters|warplanes|jets|tanks|artillery|bombs?|killed|wounded|dead|casualties)\b/i;
const BOMB_CONTEXT = /\b(?:bombs?|bomber|suicide|explosives?|militants?|terror\w*|insurgents?|car bomb|attack)\b/i;
const ELECTION_CONTEXT = /\b(?:elections?|primary|primaries|vote|votes|voters|caucus(?:es)?|race|ballot|seats?|nomination|polls?|landslide|re-?election)\b/i;

export const MORE_TRIGGERS = entries([
  // CONSULT: CAMEO's "host a visit" written as receiving a visitor.
  ['received receives receiving', 'CONSULT', 'visit', { re: /receiv(?:ed|es|ing) (?=[A-Z]|the (?:visiting )?(?:president|prime minister|leader|king|queen|chancellor|foreign minister|delegation|envoy)\b)/y, inverse: true, context: OFFICIAL, notContext: /\b(?:award|prize|letter|sentence|votes?|payment|donations?|funds)\b/i, needs: 'both' }],

  // ACCUSE
  ['complained complains complaining', 'ACCUSE', null, { re: /complain(?:ed|s|ing) (?:about|of)\b/iy, needs: 'both', targetPreps: ['about', 'of'] }],
  ['took taking takes', 'ACCUSE', null, { re: /(?:took|taking|takes) (?:aim|a (?:\S+ )?(?:swipe|dig|shot|jab)|shots) at\b/iy, needs: 'target', targetPreps: ['at'] }],
  ['swipe dig jab', 'ACCUSE', null, { re: /(?:swipe|dig|jab)s? at\b/iy, needs: 'target', targetPreps: ['at'] }],
  ['fired hit hits hitting', 'ACCUSE', null, { re: /(?:fired|hit|hits|hitting) back at\b/iy, needs: 'target', targetPreps: ['at'] }],
  ['condemnation denunciation', 'ACCUSE', null, { re: /(?:condemnation|denunciation) of\b/iy, notBefore: /^(?![\s\S]*[’']s\s+(?:\S+\s+)?$)/, needs: 'both', targetPreps: ['of'] }],
  ['went goes going', 'ACCUSE', null, { re: /(?:went|goes|going) after (?=[A-Z]|(?:his|her|their) (?:rivals?|opponents?|critics)\b)/y, needs: 'target' }],
  ['tore ripped bashed bashing bashes chastised chastises admonished skewered', 'ACCUSE', null, { re: /(?:tore into|ripped(?: into)?|bashed|bashing|bashes|chastised|chastises|admonished|skewered) (?=[A-Z]|(?:his|her|their) (?:rivals?|opponents?|critics)\b|the (?:president|government|administration|media|press)\b)/iy, needs: 'target' }],
  ['accusations accusation', 'ACCUSE', null, { re: /accusations? against\b/iy, needs: 'both', targetPreps: ['against'] }],
  ['excoriated pilloried vilified savaged disparaged disparages demonized demonised smeared maligned impugned', 'ACCUSE', null, { needs: 'target' }],

  // REJECT
  ['resisted resists', 'REJECT', null, { needs: 'both' }],
  ['balked baulked', 'REJECT', null, { re: /ba(?:u)?lked at\b/iy, needs: 'source', targetPreps: ['at'] }],
  ['opposition', 'REJECT', null, { re: /opposition to\b/iy, notBefore: /^(?![\s\S]*[’']s\s+(?:\S+\s+)?$)/, needs: 'both', targetPreps: ['to'] }],
  ['defied defies defying', 'REJECT', null, { needs: 'both' }],
  ['refusal', 'REJECT', null, { re: /refusal to\b/iy, notBefore: /^(?![\s\S]*[’']s\s+(?:\S+\s+)?$)/, needs: 'source' }],

  ['disavowed disavow disavows disavowing repudiated repudiates', 'REJECT', null, { needs: 'both' }],
  ['distanced distancing distances', 'REJECT', null, { re: /distanc(?:ed|ing|es) (?:himself|herself|itself|themselves) from\b/iy, needs: 'both', targetPreps: ['from'] }],

  // REQUEST
  ['challenged challenges', 'REQUEST', null, { re: /challenge[sd] (?=[A-Z]|the )(?:\S+ ){1,4}to\b/y, needs: 'both' }],
  ['demands', 'REQUEST', null, { re: /demands (?=[A-Z]|that )/y, needs: 'both' }],
  ['implored begged beseeched pleaded pleading', 'REQUEST', null, { re: /(?:implored|begged|beseeched|plead(?:ed|ing) with)\b/iy, needs: 'both', targetPreps: ['with'] }],

  // AGREE: a deal between governments or people (one between companies is BUSINESS, see find-events.ts).
  ['deal', 'AGREE', null, { re: /deal (?=(?:with|between) )/iy, notBefore: /^(?![\s\S]*\b(?:a|an|the|its|his|her|their|this|that|[’']s) (?:[\w-]+ ){0,2}$)|\b(?:no|any|possible|proposed|potential|future|bad|better|good|great|new|trade) (?:\S+ )?$|\bin (?:\S+ )?$|\b(?:for|seek|seeks|seeking|sought|want|wants|wanted|pursue|pursuing|towards?|broker|brokering|close to \S+|(?:to|will|would|could) (?:make|strike|reach|sign|do|cut|get)) (?:a|an|the) (?:\S+ )?$/i, symmetric: true, needs: 'both', targetPreps: ['with', 'between'] }],
  ['reached struck signed sealed clinched', 'AGREE', null, { re: /(?:reached|struck|signed|sealed|clinched) (?:an? |the |their )?(?:\S+ )?(?:deal|compromise|settlement|ceasefire|truce|memorandum)\b/iy, symmetric: true, needs: 'both', targetPreps: ['with', 'between'] }],

  // SUPPORT
  ['sided', 'SUPPORT', null, { re: /sided with\b/iy, needs: 'both', targetPreps: ['with'] }],
  ['rallied', 'SUPPORT', null, { re: /rallied (?:behind|around)\b/iy, needs: 'both', targetPreps: ['behind', 'around'] }],
  ['threw thrown throws', 'SUPPORT', null, { re: /(?:threw|thrown|throws) (?:his|her|its|their) (?:\S+ )?(?:support|weight) behind\b/iy, needs: 'both', targetPreps: ['behind'] }],
  ['campaigned campaigning campaigns', 'SUPPORT', 'endorsement', { re: /campaign(?:ed|ing|s) (?:for|on behalf of)\b/iy, needs: 'both', targetPreps: ['for', 'of'] }],
  ['backs', 'SUPPORT', null, { re: /backs (?=[A-Z])/y, needs: 'both' }],
  // "is supporting Clinton"; "the super PAC supporting Bush" names who supports, it does no act.
  ['supporting', 'SUPPORT', null, { re: /supporting (?=[A-Z])/y, notBefore: /^(?![\s\S]*\b(?:is|are|was|were|been|be|am|now|also|still|publicly|openly)\s+$)/i, needs: 'both' }],
  ['came come comes coming', 'SUPPORT', 'endorsement', { re: /(?:came|come|comes|coming) out (?:in support of|for)\b/iy, needs: 'both', targetPreps: ['of', 'for'] }],
  ['stood stands', 'SUPPORT', null, { re: /(?:stood|stands) by (?=[A-Z])/y, needs: 'both', targetPreps: ['by'] }],
  ['voted votes', 'SUPPORT', null, { re: /vote[sd] for\b/iy, needs: 'both', targetPreps: ['for'] }],
  ['backing', 'SUPPORT', null, { re: /backing (?:for )?(?=[A-Z])/y, needs: 'both', targetPreps: ['for'] }],

  // AID
  ['provided provides providing supplied supplies', 'AID', null, { re: /(?:provid|suppli)(?:ed|es|ing) (?:\S+ ){0,4}?(?:aid|assistance|funding|loans?|relief|weapons|arms|money|food|supplies|credits?)\b/iy, notBefore: /\b(?:for|about|of|on|without|by)\s+$/i, needs: 'both', targetPreps: ['to', 'for'] }],
  ['gave', 'AID', 'donation', { re: /gave (?:a |an |some )?(?:[$£€]|\d)/iy, needs: 'both', targetPreps: ['to'] }],
  ['bailout rescue', 'AID', 'funding', { re: /(?:bailout|rescue package)\b/iy, needs: 'both', targetPreps: ['of', 'for', 'to'] }],

  // ASSAULT: armed force against someone.
  ['stormed', 'ASSAULT', 'attack', { context: ATTACK_CONTEXT, needs: 'both' }],
  ['ambushed', 'ASSAULT', 'attack', { needs: 'target' }],
  ['kidnapped abducted', 'ASSAULT', null, { needs: 'target' }],
  ['opened', 'ASSAULT', 'shooting', { re: /opened fire\b/iy, needs: 'source', targetPreps: ['on', 'at'] }],
  ['gunned', 'ASSAULT', 'shooting', { re: /gunned down\b/iy, needs: 'target' }],
  ['stabbed', 'ASSAULT', 'attack', { needs: 'target' }],
  ['explosion explosions blast blasts', 'ASSAULT', 'bombing', { context: BOMB_CONTEXT, notBefore: ONE_DISASTER, needs: 'none' }],
  ['blaze', 'DISASTER', 'fire', { notBefore: ONE_DISASTER, needs: 'none' }],

  // COERCE
  ['crackdown', 'COERCE', null, { re: /crackdown (?:on|against)\b/iy, needs: 'both', targetPreps: ['on', 'against'] }],
  ['banned bans', 'COERCE', null, { re: /ban(?:ned|s) (?=[A-Z])/y, needs: 'both' }],
  ['blockade', 'COERCE', null, { needs: 'both', targetPreps: ['of', 'on', 'against'] }],
  ['confiscated', 'COERCE', null, { needs: 'both', targetPreps: ['from'] }],

  // MOBILIZE: a missile fired or launched at nobody in particular is a show of force.
  ['fired launched', 'MOBILIZE', 'weapons_test', { re: /(?:fired|launched) (?:\S+ ){0,3}?(?:ballistic )?(?:missiles?|rockets?)\b(?! (?:at|into|on)\b)/iy, needs: 'source' }],

  // PROTEST
  ['went go goes going', 'PROTEST', null, { re: /(?:went|go|goes|going) on strike\b/iy, needs: 'none' }],
  ['general hunger', 'PROTEST', null, { re: /(?:general|hunger) strike\b/iy, needs: 'source' }],
  ['rally rallies rallied marched march marches', 'PROTEST', null, { re: /(?:rall(?:y|ies|ied)|march(?:ed|es)?) (?:against|in protest|to protest|outside)\b/iy, needs: 'source', targetPreps: ['against', 'outside'] }],

  // RETREAT / CONCEDE
  ['pulled', 'RETREAT', 'withdrawal', { re: /pulled back\b/iy, needs: 'source', targetPreps: ['from'] }],
  ['apologised apologized apologises apologizes apologising apologizing', 'CONCEDE', null, { needs: 'source', targetPreps: ['to'] }],
  ['gave give gives giving', 'CONCEDE', null, { re: /(?:gave|give|gives|giving) in to\b/iy, needs: 'source', targetPreps: ['to'] }],

  // SANCTION
  ['severed cut cuts cutting', 'SANCTION', null, { re: /(?:severed|cut|cuts|cutting) (?:off )?(?:\S+ ){0,2}?(?:diplomatic )?(?:ties|relations)\b/iy, needs: 'source', targetPreps: ['with'] }],
  ['froze freezes freezing', 'SANCTION', null, { re: /(?:froze|freezes|freezing) (?:\S+ ){0,3}?assets\b/iy, needs: 'source', targetPreps: ['of'] }],

  // THREATEN
  ['vowed vows', 'THREATEN', null, { re: /vow(?:ed|s) to (?:retaliate|punish|destroy|crush|strike|hit back|respond)\b/iy, needs: 'source', targetPreps: ['against'] }],

  // COOPERATE
  ['joint', 'COOPERATE', null, { re: /joint (?:project|operation|development|research|effort|programme|program|exercise|patrol)s? (?=(?:with|between) )/iy, symmetric: true, needs: 'both', targetPreps: ['with', 'between'] }],
  ['partnership', 'COOPERATE', null, { re: /partnership (?=(?:with|between) )/iy, symmetric: true, needs: 'both', targetPreps: ['with', 'between'] }],

  // ELECTION: a candidate beating another at the polls (a match report's "beat" is SPORT's).
  ['defeated beat beats defeating', 'ELECTION', null, { context: ELECTION_CONTEXT, notBefore: /\b(?:can|could|would|will|might|may|to|must|should)\s+(?:\S+\s+)?$/i, needs: 'source', targetPreps: ['in', 'for'] }],

  ['victory win wins victories', 'ELECTION', null, { re: /(?:victory|win|wins|victories) in\b/iy, context: ELECTION_CONTEXT, notContext: new RegExp(`${SPORT_CONTEXT.source}|${RUN_RACE.source}`, 'i'), notBefore: /\b(?:a|an|for|to|could|would|can|will)\s+$/i, needs: 'source' }],

  // APPOINTMENT
  ['promoted', 'APPOINTMENT', null, { re: /promoted (?:\S+ ){0,2}?to (?:the )?(?:post|position|role|job|rank|chief|head|president|chairman|director|manager|minister|secretary|general|captain|vice|deputy)\b/iy, needs: 'target' }],

  // BUSINESS
  ['chapter', 'BUSINESS', 'bankruptcy', { re: /chapter 11\b/iy, needs: 'source' }],
  ['licensing license licence', 'BUSINESS', 'deal', { re: /licen[cs](?:e|ing) agreement\b/iy, symmetric: true, needs: 'both', targetPreps: ['with'] }],

  // DISASTER
  ['storm storms tornado tornadoes blizzard avalanche mudslide eruption derailment', 'DISASTER', 'storm', { re: /[a-z]+\b(?! (?:relief|fund|appeal|aid|warning|warnings|victims|survivors|donations?|season|clouds?))/iy, notBefore: ONE_DISASTER, context: /\b(?:hit|struck|battered|killed|swept|lashed|destroyed|damaged|flooded|dead|deaths|homes|evacuat\w+)\b/i, needs: 'none' }],

  // SPORT: a team that hosts or meets another in a match.
  ['take takes took taking', 'SPORT', 'match', { re: /(?:take|takes|took|taking) on (?=[A-Z])/y, context: SPORT_CONTEXT, symmetric: true, needs: 'both', targetPreps: ['on'] }],
  ['host hosts hosted hosting meet meets', 'SPORT', 'match', { re: /(?:host|hosts|hosted|hosting|meet|meets) (?=[A-Z])/y, context: SPORT_CONTEXT, symmetric: true, needs: 'both' }],
]);
