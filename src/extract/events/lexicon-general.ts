import { entries } from './trigger.ts';

const DISASTER_NOUN = /[a-z]+\b(?! (?:relief|fund|appeal|aid|warning|victims|survivors|donations?))/iy;
// Only a disaster the text singles out: after "the"/"a"/"this"/"last year's" or a proper adjective, not in a list.
const ONE_DISASTER = /^(?![\s\S]*\b(?:the|a|an|this|that|last|recent|deadly|devastating|massive|severe|major|[A-Z][a-z]+)\s+(?:[A-Za-z’'-]+\s+)?$)/;

// Trigger words of the types general news needs beyond PLOVER: elections, appointments,
// resignations, legal steps, business, disasters and sport.
export const GENERAL_TRIGGERS = entries([
  // ELECTION
  // "election manifestos", "in a close election": a word about elections or any election, not one that happened.
  ['election elections', 'ELECTION', null, { re: /elections?\b(?! (?:campaign|day|officials?|law|results?|manifestos?|promises?|pledges?|cycle|season|year|rules|commission|observers|posters|funding|spending))/iy, notBefore: /\b(?:primary|general|presidential|the) (?:\S+ )?$|\bby-$|\b(?:a|an|any|every|each|future|next) (?:\S+ )?$/i, needs: 'none' }],
  ['by-election', 'ELECTION', 'by-election', { needs: 'none' }],
  ['referendum', 'ELECTION', 'referendum', { needs: 'none' }],
  ['brexit', 'ELECTION', 'referendum', { re: /brexit vote\b/iy, needs: 'none' }],
  // "the debate spin room", "debate prep", "a debate watch party": what surrounds a debate, not the debate.
  // A public or policy debate is an argument in the country, no candidates' debate ("to contribute to public debate over the
  // … nominee's fitness", "joined the gun debate").
  ['debate debated debates', 'ELECTION', 'debate', { re: /(?:debate|debated|debates)\b(?! (?:spin rooms?|prep|preparations?|watch part(?:y|ies))\b)/iy, notBefore: /\b(?:public|national|policy|political|wider|broader|ongoing|gun|immigration|health(?:care)? care|health|abortion|tax|trade|climate)\s+$/i, context: /\b(?:presidential|candidates?|nominee|opponent|rival|Trump|Clinton|against|stage|primary|Senate|televised)\b/i, symmetric: true, needs: 'both', targetPreps: ['between', 'against', 'with'] }],
  ['ran campaigning', 'ELECTION', null, { re: /(?:ran for (?:president|office|the (?:White House|presidency|Senate))|campaigning against)\b/iy, symmetric: true, needs: 'source', targetPreps: ['against'] }],
  ['won', 'ELECTION', null, { re: /won (?:the |a |his |her |their )?(?:\S+ )?(?:elections?|vote|primary|primaries|caucus(?:es)?|presidency|nomination|seats?|re-?election|referendum)\b/iy, needs: 'source', targetPreps: ['against', 'over'] }],
  // A board electing an officer appoints them ("was elected chairman of Calny Inc"); a public office is won at the polls.
  ['elected', 'APPOINTMENT', null, { re: /elected (?:as )?(?:a |its |the )?(?:\S+ )?(?:chairman|chairwoman|chief executive|director|vice president|officer|treasurer|secretary|president and chief)\b/iy, context: /\b(?:Inc|Corp|Co|Ltd|plc|company|board|bank|shareholders|directors)\b/, passive: true, needs: 'target', targetPreps: ['of', 'at', 'by'] }],
  ['re-elected elected', 'ELECTION', null, { re: /(?:re-)?elected\b(?! (?:officials?|representatives?|leaders?))/iy, notBefore: /\b(?:democratically|newly|freely) $|\b(?:get|gets|got|getting)\s+(?:\w+\s+)?$/i, needs: 'source', passive: false }],
  ['landslide', 'ELECTION', null, { symmetric: true, needs: 'source' }],

  // APPOINTMENT / RESIGNATION
  ['appointed appoints appoint appointment', 'APPOINTMENT', null, { needs: 'target', passive: false }],
  ['named', 'APPOINTMENT', null, { re: /named (?:as )?(?:the |its |his |her )?(?:new |next |interim )(?:\S+ ){0,3}(?:manager|coach|chief|head|chairman|director|president|minister|secretary|leader|captain|editor|executive)\b/iy, needs: 'target' }],
  // A "nomination contest" or "race" is the party's election, not anyone nominated.
  ['nominate nominated nomination', 'APPOINTMENT', 'nomination', { re: /[a-z]+\b(?! (?:contests?|race|fight|battle|process|calendar|season))/iy, needs: 'target', notBefore: /\b(?:presidential|vice presidential|the|his|her|party's|party’s) $/i }],
  ['hired hires', 'APPOINTMENT', null, { needs: 'target' }],
  ['tapped picked', 'APPOINTMENT', null, { re: /(?:tapped|picked) (?:\S+ ){1,4}?(?:as|to (?:be|lead|run|head|serve))\b/iy, needs: 'both' }],
  ['sworn', 'APPOINTMENT', null, { re: /sworn in\b/iy, passive: true, needs: 'target', targetPreps: ['as', 'by'] }],
  // "Hoddle will be unveiled as the new Wolves manager": Hoddle is appointed, by the club named inside the trigger.
  ['new', 'APPOINTMENT', null, { re: /new (?:\S+ )?(?:manager|coach|boss|chief executive|head coach)\b/iy, context: /\b(?:unveiled|named|appointed|confirmed) as\b/i, inverse: true, innerSource: true, needs: 'target' }],
  // A company's officer named for a post to come or taken ("Lloyd U. Noland III will become chairman …",
  // "Spiller will become Chairman of Boston Five Bancorp"): the subject is appointed, by the company after "of" when it is named.
  ['become became becomes', 'APPOINTMENT', null, { re: /(?:become|became|becomes) (?:the |its |a )?(?:new )?(?:chairman|chairwoman|president|chief executive|vice chairman|chief operating officer|chief financial officer|managing director|treasurer)\b/iy, context: /\b(?:Inc|Corp|Co|Ltd|plc|PLC|AG|Bancorp|company|board|bank|shareholders|directors)\b/, inverse: true, needs: 'target', targetPreps: ['of', 'at'] }],
  ['took joined', 'APPOINTMENT', null, { re: /(?:took a job|joined)\b/iy, inverse: true, context: /\b(?:took a job|joined (?:the )?(?:[A-Z]\S* )+as)\b/, needs: 'both', targetPreps: ['with', 'at'] }],
  ['chose', 'APPOINTMENT', null, { needs: 'both', context: /\bmoderat|\bdebate|\bas (?:his|her|its) /i }],
  ['resigned resigns resignation resign', 'RESIGNATION', null, { needs: 'source', targetPreps: ['from', 'as'] }],
  ['quit quits quitting', 'RESIGNATION', 'quit', { needs: 'source', targetPreps: ['as'] }],
  // "retired neurosurgeon Ben Carson", "retirement income", "the retirement age": a word after it other than a preposition, adverb
  // or verb makes it an adjective or a compound's first noun, no retirement.
  ['retire retired retiring retirement', 'RESIGNATION', 'retire', { re: /[Rr]etir(?:e|ed|ing|ement)\b(?! [A-Z])(?! (?!(?:from|of|in|at|as|on|after|before|against|with|to|and|but|or|because|when|while|last|this|next|early|earlier|shortly|soon|hurt|aged|effective|until|since|over|was|is|will|would|has|had|that|the|his|her|their|its|a|an)\b)[a-z])/y, notBefore: /\b(?:of|for|the|a|an|and|many|some|thousands|hundreds|\d+)\s+$/i, needs: 'source', targetPreps: ['from'] }],
  ['stepped step', 'RESIGNATION', null, { re: /step(?:ped)? down\b/iy, needs: 'source', targetPreps: ['as', 'from'] }],
  // A gun fires after what it fires ("shots have been fired inside", "eight bullets were fired into"), not only before it.
  // Criticism, fears or someone's allegations dismissed are words rejected, not a dismissal ("dismissed Clinton's charges").
  ['sacked fired ousted dismissed', 'RESIGNATION', 'dismissal', { re: /(?:sacked|ousted|dismissed|fired(?! off| up| at| back| (?:\S+ ){0,3}?(?:missiles?|rockets?|shots?|shells?|bullets?|rounds?)\b))\b(?! (?:\S+ ){0,4}as\b)(?! the)(?! (?:an?|his|her|its|their) (?:attempt|bid|case|claim|lawsuit|suit|appeal|motion|request|petition|challenge|idea|suggestion)s?\b)(?! (?:[A-Z][\w.-]*(?: [A-Z][\w.-]*)?[’']s? )?(?:criticism|fears?|claims?|allegations?|accusations?|charges|concerns?|suggestions?|reports?|speculation|talk|attempts?|efforts?|actions?|calls|comments?|remarks?|notion|rumou?rs?)\b)/iy, notBefore: /\b(?:shots?|bullets?|rounds?|missiles?|rockets?|shells?|guns?|weapons?)\s+(?:\S+\s+){0,3}$/i, passive: true, needs: 'target', targetPreps: ['at', 'by', 'from'] }],

  // LEGAL
  ['fined detained', 'LEGAL', 'trial', { needs: 'target' }],
  ['filed', 'LEGAL', 'lawsuit', { re: /filed (?:a )?(?:\S+ )?(?:suit|lawsuit|complaint)\b/iy, needs: 'both', targetPreps: ['against'] }],
  ['arrested arrest arrests', 'LEGAL', 'arrest', { needs: 'target' }],
  // ("his attempted chip ahead was charged down by Orquera": a rugby block.)
  ['charged indicted', 'LEGAL', 'charge', { re: /(?:charged|indicted)\b(?! down\b)/iy, needs: 'target' }],
  ['convicted sentenced jailed imprisoned acquitted', 'LEGAL', 'trial', { needs: 'target' }],
  // The one who pleads or is found guilty is tried (the target), as the one sentenced is.
  ['pleaded pleads', 'LEGAL', 'trial', { re: /plead(?:ed|s) (?:not )?guilty\b/iy, inverse: true, needs: 'target' }],
  ['found', 'LEGAL', 'trial', { re: /found (?:not )?guilty\b/iy, passive: true, needs: 'target' }],
  ['prosecuted', 'LEGAL', 'charge', { needs: 'target' }],
  ['subpoenaed subpoena', 'LEGAL', 'investigation', { needs: 'both', targetPreps: ['for', 'to'] }],
  ['settled', 'LEGAL', 'lawsuit', { re: /settled (?:a |the |its |his |her |their )?(?:\S+ )?(?:lawsuit|suit|case|claims?|charges)\b/iy, needs: 'source', targetPreps: ['with', 'against'] }],
  ['overturned upheld', 'LEGAL', 'ruling', { context: /\b(?:court|judge|justices?|ruling|verdict|conviction)\b/i, needs: 'source' }],
  ['indictment indictments', 'LEGAL', 'charge', { needs: 'target', targetPreps: ['of', 'against'] }],
  ['extradited deported', 'LEGAL', 'arrest', { needs: 'target' }],
  ['released freed', 'LEGAL', 'release', { re: /(?:released|freed) (?:\S+ ){0,3}?(?:from (?:prison|jail|custody|detention)|on bail)\b/iy, passive: true, needs: 'target' }],
  ['appealed appealing', 'LEGAL', 'appeal', { re: /appeal(?:ed|ing) against (?:the |his |her |their |a )?(?:ruling|verdict|sentence|conviction|decision|judgment)\b/iy, needs: 'source' }],
  ['inquiry', 'LEGAL', 'investigation', { re: /inquiry into\b/iy, needs: 'both', targetPreps: ['into'] }],
  ['trial', 'LEGAL', 'trial', { notBefore: /\b(?:on|stand|stands|stood|standing) $/i, needs: 'target', targetPreps: ['of'] }],
  ['sued sues suing lawsuit', 'LEGAL', 'lawsuit', { needs: 'both', targetPreps: ['against'] }],
  ['ruled ruling', 'LEGAL', 'ruling', { context: /\bcourt|judge|justices?\b/i, needs: 'source' }],
  ['granted offered given', 'LEGAL', 'immunity', { re: /(?:granted|offered|given)(?= (?:\S+ ){0,3}?immunity\b)/iy, needs: 'target' }],
  ['court', 'LEGAL', 'ruling', { re: /court (?:blocked|ruled|overturned|upheld|struck down|ordered|rejected|dismissed|threw out)\b/iy, nameEnd: true, adjacentSource: true, needs: 'source' }],
  // "voted to hold Bryan Pagliano … in contempt of Congress": the one held is the verb's object, who holds them its subject;
  // "was held in contempt" names only the one held.
  ['hold holds held holding', 'LEGAL', 'contempt', { re: /(?:hold|holds|held|holding)\b(?= (?:[^\s.;:]+ ){0,12}?in contempt\b)/iy, needs: 'target' }],
  // The noun names the act only with whom it is against ("contempt charges against"): "a contempt resolution to the full
  // House", "called the contempt citation a ploy" speak of the holding, they do not hold anyone.
  ['contempt', 'LEGAL', 'contempt', { re: /contempt\b(?= (?:[a-z]+ ){0,2}?against\b)/iy, needs: 'both', targetPreps: ['against'] }],
  ['prosecute', 'LEGAL', 'no_charge', { re: /prosecute\b/iy, context: /\bnot to prosecute\b/i, needs: 'both' }],
  // An authority investigating a matter named without its suspect ("the Department of Justice is investigating …",
  // "the SEC was investigating whether …"): the investigation is the event; a firm looking into a complaint is none (find-events.ts).
  ['investigating probing', 'LEGAL', 'investigation', { re: /(?:investigating|probing)\b(?= (?:the|a|an|allegations|claims|reports|whether|how|why)\b)/iy, notBefore: /\bunder $/i, authoritySource: true, needs: 'source', targetPreps: ['into', 'of'] }],
  ['investigation probe investigating', 'LEGAL', 'investigation', { notBefore: /\bunder $/i, needs: 'both', targetPreps: ['into', 'of'] }],
  ['bill legislation', 'LEGAL', 'bill', { context: /\b(?:introduc|propos|unveil|draft|sponsor|file)\w*/i, needs: 'source' }],
  ['passed', 'LEGAL', 'law', { re: /passed (?:a |the |an )?(?:\S+ ){0,2}(?:law|bill|legislation)\b/iy, needs: 'source' }],
  ['signed', 'LEGAL', 'law', { re: /signed (?:\S+ ){0,4}?into law\b/iy, needs: 'source' }],
  ['approved signed', 'LEGAL', 'law', { re: /(?:approved|signed) (?:into law )?by\b/iy, context: /\b(?:legislation|law|bill|act)\b/i, passive: true, needs: 'source' }],

  // BUSINESS
  ['acquisition acquired acquire acquires acquiring', 'BUSINESS', 'acquisition', { needs: 'source', targetPreps: ['of', 'from'] }],
  ['bought purchased', 'BUSINESS', 'acquisition', { needs: 'source', targetPreps: ['in', 'of', 'from'] }],
  // An announced deal is news in wire copy: "agreed to buy", "will acquire".
  ['buy acquire sell merge', 'BUSINESS', 'acquisition', { notBefore: /^(?![\s\S]*\b(?:agreed|agrees|agree|will|plans|planned|offered|offers|proposed|intends|is|are|was|principle|agreement|intent|deal|offer|bid|proposal) to $|[\s\S]*\bwill $)/i, needs: 'both', targetPreps: ['with', 'from', 'to'] }],
  // Takeover rules, a takeover panel or a likely takeover target are no bid ("fined for having violated takeover rules").
  ['takeover', 'BUSINESS', 'bid', { re: /takeover\b(?! (?:rules|code|panel|regulations?|laws?|target|speculation)\b)/iy, needs: 'source', targetPreps: ['of', 'for'] }],
  // "took over from Sir Clive Woodward", "will take over as the head of", "took over at the Home Office", "takes over the
  // presidency of the EU", "took over the kicking duties": a post passed on, nothing bought.
  ['take took takes taking', 'BUSINESS', 'acquisition', { re: /(?:take|took|takes|taking) over\b(?! (?:from|as|at)\b)(?! (?:\S+ ){0,3}?(?:role|post|job|duties|presidency|chairmanship|leadership|helm|reins|captaincy|position|portfolio)\b)/iy, needs: 'both', targetPreps: ['from'] }],
  // ("in a bid to deter airlines", "seen as a bid to carry more weight", "a fierce bid battle", "125 pct bid/132-1/2
  // offered": an attempt, a contest, a price quote; "a bid to be made by Woolworth" is one.)
  // A run for office is no company's bid: "his current bid for the White House", "bid for president", "bid for re-election",
  // "bid for the Democratic presidential nomination", "bid for a third term", "bid for conservative voters".
  ['bid', 'BUSINESS', 'bid', { re: /(?<!\b(?:in|as) an? (?:[a-z-]+ )?)bid\b(?! battle)(?!\/)(?! for (?:the |a )?(?:(?:\S+ ){0,2}(?:White House|presidency|president|nomination|re-election|reelection|office|term|seat|voters|votes|mayor|governor|senate|Senate|leadership))\b)/iy, notBefore: /\b(?:legal|political|election|re-election|presidential|leadership|title|record|Olympic|World Cup|last-ditch|final|latest|failed|White House|Senate|congressional|mayoral|gubernatorial|underdog|long-shot|longshot) $/i, needs: 'source', targetPreps: ['for'] }],
  ['merger merge merged merging', 'BUSINESS', 'deal', { symmetric: true, needs: 'both', notBefore: /\bairline $/i }],
  // A company "was sold to" another: the buyer acquires it (CAMEO's passive sale; "was sold to investors" names no company and is dropped).
  ['sold', 'BUSINESS', 'acquisition', { re: /(?<=\b(?:was|were|been|being|is|are|be) (?:\w+ly )?)sold (?:\S+ ){0,4}?to\b/iy, passiveObjectSource: true, needs: 'both', targetPreps: ['to'] }],
  // Selling a number of albums, copies or cars is trade, not a deal with anyone (shares sold are one); so are goods "sold"
  // after their noun ("cars sold by the BMW group", "Freeview set-top boxes sold since the launch", "which sold in"), and a
  // thing that "sold for" a price ("A membership seat … sold for a record 342,000 dlrs").
  // What a company sells in a deal is named after the verb (a stake, shares, a unit, a business, rights or a firm: "sold its
  // Travelers Life & Annuity insurance arm to Metlife", "sold a software start-up to Citrix"), or its buyer is ("Rover which it
  // sold … to the Phoenix consortium"). Gas, crops, water, a venue "sold
  // out" or a computer that "sold more than any other" are trade.
  ['sold', 'BUSINESS', 'deal', { re: /[Ss]old\b(?= (?:[^.;]|\.\d){0,60}?\b(?:stakes?|shares|stock|units?|divisions?|subsidiar(?:y|ies)|business(?:es)?|operations?|interests?|arm|assets|compan(?:y|ies)|firms?|start-ups?|rights|brands?|chains?|holdings?|[A-Z][\w&.-]* (?:Inc|Corp|Co|Ltd|plc|PLC|AG|SA))\b|(?:[^.;]|\.\d){0,60}?\bto (?:the )?[A-Z])(?! (?:(?:more than|over|about|around|nearly|almost|some|a record|an estimated) )?(?:[\d,.]+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundreds of|thousands of|millions of)(?: (?:million|mln|m|bn|billion|thousand))? (?!(?:shares|pct|percent|dlrs|dollars|stg|pounds|euros|yen|marks|francs|of)\b)[a-z]+)(?! for\b(?![^.;]{0,50}\bto\b))/y, notBefore: /(?:\b[a-z]{3,}s|\bwhich|\bthat|\bbe\s+(?:\S+\s+){1,4}and) $/, needs: 'source', targetPreps: ['to'] }],
  // ("… delegates at stake in the South Carolina primary": an idiom.)
  ['stake', 'BUSINESS', 'acquisition', { notBefore: /\bat $/i, needs: 'both', targetPreps: ['in'] }],
  // Venture capital is a kind of investor, no joint venture ("Alfa-Eco, the venture capital arm of", "venture capitalists").
  ['venture', 'BUSINESS', 'joint_venture', { re: /venture\b(?! capital)/iy, symmetric: true, needs: 'both', targetPreps: ['with', 'between'] }],
  ['partnership', 'BUSINESS', 'deal', { symmetric: true, needs: 'both', context: /\b(?:Inc|Corp|company|firm|Ltd|plc)\b/i, targetPreps: ['with', 'between'] }],
  ['pay pays paid', 'BUSINESS', 'deal', { re: /(?:pay|pays|paid) (?=[A-Z])/y, needs: 'both' }],
  ['deal', 'BUSINESS', 'deal', { context: /\b(?:Inc|Corp|Co|company|Ltd|plc|shares|bn|mln|billion|million)\b/, symmetric: true, needs: 'both', targetPreps: ['with'] }],
  // ("the charge results from pre-operating expenses", "which results in": the verb.)
  ['results', 'BUSINESS', 'results', { re: /(?<!\b(?:charge|loss|gain|increase|decline|drop|rise|change|it|this|which) )results\b(?! in\b)(?<!\b(?:charge|loss|gain|increase|decline|drop|rise|change|it|this|which) results(?= from\b))/iy, context: /\b(?:quarter|annual|profits?|earnings)\b/i, needs: 'source' }],
  ['profit profits loss', 'BUSINESS', 'results', { re: /(?:net |pre-tax |annual |quarterly )?(?:profits?|loss)\b/iy, context: /\b(?:reported|posted|made|announced|rose|fell|jumped|slumped|mln|bn|billion|million)\b/i, needs: 'source' }],
  // A film's takings or a company's earnings in money: "took £7.2m in three days", "eBay earned $778.2m", "has made £4.4m to date"
  // (a person's earnings are no company's results: see find-events.ts).
  ['took earned made', 'BUSINESS', 'results', { re: /(?:took|earned|made) [$£€][\d.,]+ ?(?:m|bn|million|billion)\b/iy, needs: 'source' }],
  ['dividend', 'BUSINESS', 'dividend', { needs: 'source' }],
  ['offering ipo flotation', 'BUSINESS', 'offering', { context: /\b(?:shares|units|stock|bonds?|notes|debentures|public offering|IPO|priced|underwrit\w+)\b/i, needs: 'source', targetPreps: ['of'] }],
  ['issuing issued issue', 'BUSINESS', 'offering', { re: /issu(?:ing|ed|e) (?:a |an )?(?:\S+ ){0,5}(?:bonds?|notes?|shares|debentures|eurobonds?)\b/iy, needs: 'source' }],
  ['bankruptcy bankrupt', 'BUSINESS', 'bankruptcy', { context: /\b(?:filed|went|declared|go|gone|emerged|out of|protection)\b/i, needs: 'source' }],
  ['forecast forecasts', 'BUSINESS', 'forecast', { context: /\b(?:lower|cut|rais|revis|slash)\w*/i, needs: 'source', targetPreps: ['for'] }],
  // Wire copy's company outlook: "AEL Industries Inc … said it projects a 15 pct hike in sales", "Ames said it expects to report
  // earnings of between …". Only a company's (a person's or a country's expectations are no company forecast: find-events.ts).
  ['expects projects forecasts predicts anticipates', 'BUSINESS', 'forecast', { re: /(?:expects|projects|forecasts|predicts|anticipates) (?:to (?:report|post|show|have) )?(?:\S+ ){0,6}?(?:sales|earnings|revenues?|profits?|net income|loss|results)\b/iy, context: /\b(?:Inc|Corp|Co|Ltd|plc|PLC|AG|company|firm)\b/, companySource: true, needs: 'source' }],
  ['downgrade downgraded', 'BUSINESS', 'downgrade', { needs: 'source' }],
  ['spinoff spin-off', 'BUSINESS', 'spinoff', { inverse: true, needs: 'both', targetPreps: ['of', 'from'] }],
  ['developing', 'COOPERATE', 'development', { re: /developing (?:a |new )?(?:technology|system|software|products?)\b/iy, symmetric: true, needs: 'both', targetPreps: ['with'] }],
  ['pact', 'COOPERATE', 'fundraising', { re: /pact with\b/iy, context: /\bfundrais/i, needs: 'both', targetPreps: ['with'] }],
  ['work', 'COOPERATE', null, { re: /work (?:together )?with\b/iy, needs: 'both', targetPreps: ['with'] }],

  // DISASTER
  // A disaster that happened is named as one ("the flooding in Louisiana", "the Asian tsunami"), not listed as a kind of risk.
  // ("a flood of donations", "a flood of Asian imports": a figure of speech.)
  // To flood something with something is a figure ("an Executive Order to flood America with additional immigrants", "flooding the market with").
  ['flood floods flooding', 'DISASTER', 'flood', { re: /[a-z]+\b(?! (?:relief|fund|appeal|aid|warning|victims|survivors|donations?|of)\b)(?! (?:[^\s.,;]+ ){1,3}with\b)/iy, notBefore: ONE_DISASTER, needs: 'none' }],
  ['tsunami', 'DISASTER', 'tsunami', { re: DISASTER_NOUN, notBefore: ONE_DISASTER, needs: 'none' }],
  ['earthquake quake', 'DISASTER', 'earthquake', { re: DISASTER_NOUN, notBefore: ONE_DISASTER, needs: 'none' }],
  ['hurricane typhoon cyclone', 'DISASTER', 'storm', { re: DISASTER_NOUN, notBefore: ONE_DISASTER, needs: 'none' }],

  // SPORT
  ['defeat defeated beat beats', 'SPORT', 'match', { symmetric: true, needs: 'both', context: /(?<!\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? )\b\d+-\d+\b|\b(?:match|game|cup|championships?|league|tournament|semi-final|quarter-final|goals?|points|title)\b/i }],
  ['against', 'SPORT', 'match', { re: /against\b/iy, context: /(?<!\bto )\bmatch\b(?! (?:the|their|his|her|its|that|this|those|these)\b)|\b(?:game|lead the team|clash|fixture|Cup|tie|Championship|Premiership|league)\b/, notBefore: /\b(?:game|match|play|plays|played|playing|out|clash|tie|fixture|win|defeat|draw|action|charges?|case|complaint|appeal|measures|sanctions|protest|campaign|vote|voted|voting|ruled|warned|warning|fight|crackdown|discrimination|racism|abuse|allegations?) $/i, symmetric: true, needs: 'both' }],
  ['game match clash fixture', 'SPORT', 'match', { re: /(?:game|match|clash|fixture) (?:against|with|v)\b/iy, symmetric: true, needs: 'both', targetPreps: ['against', 'with', 'v'] }],
  // "to win over anti-establishment Republicans" persuades; a match report names its contest or score.
  ['victory win defeat', 'SPORT', 'match', { re: /(?:victory|win|defeat) (?:over|against|to|by)\b/iy, context: /(?<!\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? )\b\d+-\d+\b|\b(?:match|game|cup|championships?|league|tournament|semi-final|quarter-final|final|round|goals?|sets?|title|Open|fixture|Premiership|derby|season|side|team|club)\b/i, symmetric: true, needs: 'both', targetPreps: ['over', 'against', 'to', 'by'] }],
  ['drew lost', 'SPORT', 'match', { re: /(?:drew (?:\d+-\d+ )?with|lost (?:\d+-\d+ )?to)\b/iy, context: /(?<!\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? )\b\d+-\d+\b|\b(?:match|game|cup|championships?|league|tournament|semi-final|quarter-final|goals?|points|title|final)\b/i, symmetric: true, needs: 'both', targetPreps: ['with', 'to'] }],
  // Match reports' verbs of winning ("thrashed Leeds 4-0", "edged past Ferrero", "knocked out Arsenal").
  ['thrashed hammered edged crushed routed overcame outclassed eliminated knocked swept beaten', 'SPORT', 'match', { re: /(?:thrashed|hammered|edged(?: past| out)?|crushed|routed|overcame|outclassed|eliminated|knocked out|swept aside|beaten (?:\d+-\d+ )?by)\b/iy, context: /(?<!\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? )\b\d+-\d+\b|\b(?:match|game|cup|championships?|league|tournament|semi-final|quarter-final|final|round|goals?|sets?|title|Open)\b/i, symmetric: true, needs: 'both', targetPreps: ['by'] }],
  // Facing charges or a trial is a legal step (lexicon-plover.ts), not a fixture.
  ['face faces facing faced', 'SPORT', 'match', { re: /fac(?:e|es|ing|ed)\b(?! (?:\S+ ){0,3}?(?:charges?|trial|prosecution|jail|prison|extradition|deportation|impeachment)\b)/iy, context: /\b(?:match|game|cup|championships?|league|tournament|final|round|last 16|quarter-final|semi-final|first time)\b/i, symmetric: true, needs: 'both' }],
]);

// A court's or a judge's decision, read only when a court or a judge is the verb's subject, named or not ("a federal judge
// ordered the city …", "the Supreme Court struck down a … Texas abortion law", "U.S. District
// Court Judge Daniel Porter Jordan III … voided the state's ban"): these verbs are other acts
// (REJECT, AGREE) with any other subject, so this list is read first. The source is the court or judge right before the verb,
// or none when it is unnamed (never a name earlier in the sentence). From 61 such sentences of BBC and PolNeAR train.
const JUDICIAL_SUBJECT = /^(?![\s\S]*(?:\b(?:judges?|courts?|justices|(?:three-judge |appeals? court |appellate )panel|Court(?: of [A-Z][\w’']*(?: [A-Z][\w’']*)*)?(?: for the [\w ]+)?|Judge(?: [A-Z][\w.’'-]*)+|Justice(?: [A-Z][\w.’'-]*)+|House of Lords|Court of Session)(?:\s*,[^,;]{1,60},)?\s+(?:(?:has|have|had|also|then|later|unanimously|on \w+|in \w+|last \w+|this \w+|\w+ly)\s+){0,3})$)/;
export const JUDICIAL_TRIGGERS = entries([
  ['ordered blocked granted denied rejected dismissed upheld overturned overruled voided halted barred refused cleared struck threw', 'LEGAL', 'ruling', { re: /(?:ordered|blocked|granted|denied|rejected|dismissed|upheld|overturned|overruled|voided|halted|barred|refused|cleared|struck down|threw out)\b/iy, notBefore: JUDICIAL_SUBJECT, adjacentSource: true, confidence: 0.55 }],
  ['ruled', 'LEGAL', 'ruling', { notBefore: JUDICIAL_SUBJECT, adjacentSource: true, targetPreps: ['against', 'for'], confidence: 0.55 }],
  ['sentenced', 'LEGAL', 'trial', { notBefore: JUDICIAL_SUBJECT, adjacentSource: true, confidence: 0.55 }],
]);

// Wire-copy results tables ("Shr 47 cts vs 40 cts", "Qtly div 25 cts"): the company is the
// headline's ("PULITZER PUBLISHING CO <PLTZC> 4TH QTR NET"), see headline-company.ts.
export const TABLE_TRIGGERS = entries([
  ['shr oper', 'BUSINESS', 'results', { re: /(?:oper )?shr\b/iy, needs: 'none' }],
  ['qtly div', 'BUSINESS', 'dividend', { re: /(?:qtly )?div\b/iy, needs: 'none' }],
]);
