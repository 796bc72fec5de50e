import { entries } from './trigger.ts';

// Trigger words of the political and diplomatic types, after the verb dictionaries of the
// PETRARCH/CAMEO coders, cut down to the forms news copy uses. A pattern starts at its head word.
const TO = ['to', 'in'];
// A meeting someone is ready for or hopes for has not happened ("his readiness to meet Kim").
// A team's trip is a fixture, not a visit: the sentence speaks of matches, scores or competitions.
// A holiday is travel, not a visit an editor records. A score is not a date range ("an April 26-27 summit").
const LEISURE = /\b(?:vacation|holidays?|honeymoon|tourists?|sightseeing)\b/i;
export const SPORT_WORDS = /\b(?:match|matches|fixture|replay|league|cup|championship|tournament|premiership|six nations|squad|away (?:win|game|match|defeat)|tries|goals?|rugby|football|cricket|tennis|golf|fly-half|striker|midfielder|defender|goalkeeper|wicket|innings|grand slam|six nations|test series|line-up|kick-off)\b|(?<!\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? )\b\d+-\d+\b/i;
const TRAVEL_ONLY = new RegExp(`${SPORT_WORDS.source}|${LEISURE.source}`, 'i');
// Declining to comment, confirm, put a figure on something or be interviewed is reticence, no rejection of anyone
// ("declined to value the deal", "declined to give financial details", "declined to speculate on").
const RETICENCE = '(?:comment|say|elaborate|discuss|answer|respond|directly respond|speak|talk|disclose|specify|confirm|deny|reveal|rule out|name|state|be (?:identified|named|drawn|interviewed)|speculate|predict|estimate|value|quantify|identify|define|weigh in|go into|(?:give|provide|offer) (?:\\S+ )?(?:details?|figures?|information|guidance|views?|opinions?|breakdown|comment|estimates?|a (?:figure|value|price|timetable|date)))\\b';
const HYPOTHETICAL = /\b(?:readiness|ready|willing|willingness|want|wants|wanted|hope|hopes|hoped|offer|offered|invitation|refused|declined) to $/i;

// A sports report's words (SPORT_WORDS), or a contest's round: players drawn against each other meet in a match, no meeting
// ("will meet Clement in the first round of the Australian Open"; lexicon-plover.ts reads the match).
const SPORT_CONTEST = new RegExp(`${SPORT_WORDS.source}|\\b(?:(?:first|second|third|fourth|opening) round|quarter-finals?|semi-finals?|last (?:16|eight|four)|(?:Australian|French|US|Dubai|Qatar|Italian|Swiss|Japan) Open)\\b`, 'i');
// A ball played is met by a foot or a head, nobody meets anyone: "met Neville's cross to the near post", "a testing
// cross, which was met by Fabregas".
const MEETING_NOT_BEFORE = new RegExp(`${HYPOTHETICAL.source}|\\b(?:cross|corner|free-kick|pass|header|shot|delivery)(?:,? which)? (?:was|were) $`, 'i');

export const POLITICAL_TRIGGERS = entries([
  // CONSULT
  ['summit summits', 'CONSULT', 'summit', { symmetric: true, needs: 'source', targetPreps: ['between', 'with', 'in'] }],
  // A gathering of a body's members ("the informal meeting of trade ministers", "a summit of G7 leaders"): whoever
  // the clause names took part in it; the others are the group, which names no party.
  ['meeting meetings summit', 'CONSULT', 'meeting', { re: /(?:meetings?|summit) of (?:the )?(?:\S+ ){0,3}?(?:ministers|leaders|heads of (?:state|government)|officials|delegates|envoys|members)\b/iy, notBefore: HYPOTHETICAL, notContext: SPORT_WORDS, needs: 'source', targetPreps: ['of'] }],
  // (A critic's "Think of it as Donkey Kong meets Norman Cook", "Think ''Barton Fink'' meets ''A Serious Man''" compares two works.)
  ['meet meets met meeting', 'CONSULT', 'meeting', { re: /(?<!\b[Tt]hink (?:of (?:it|this) as )?[^.;:,!?]{1,60})(?:meet|meets|met|meeting)\b(?! (?:(?!with\b)[\w’'-]+ ){0,4}?(?:target|deadline|demand|need|requirement|rule|criteria|standard|expectation|cost|goal|obligation|threshold|quota)s?\b)(?! (?:[A-Z][\w.’'-]* ){0,3}[A-Z][\w.’'-]*[’'s]* (?:\w+ )?(?:cross|corner|free-kick|pass|header|shot|delivery)\b)/iy, symmetric: true, needs: 'both', targetPreps: ['with', 'of', 'between'], notBefore: MEETING_NOT_BEFORE, notContext: SPORT_CONTEST }],
  ['negotiations negotiated negotiate negotiating', 'CONSULT', 'talks', { symmetric: true, needs: 'both', targetPreps: ['with', 'between'] }],
  // ("she frequently talks about how …", "a president who talks about America": the verb after its subject, no talks;
  // "when it talks with Congress" is.)
  ['talks', 'CONSULT', 'talks', { re: /(?<!\b(?:he|she|who|it|one|everyone|nobody) (?:(?:\w+ly|also|often|still|always|never|even|now) )?)talks\b|talks\b(?! about\b)/iy, symmetric: true, needs: 'both', targetPreps: ['with', 'between'] }],
  // (Visiting one's own family is private: "She had been visiting her sister in Paris", "to visit her daughter Esther".)
  ['visit visits visited visiting', 'CONSULT', 'visit', { re: /visit(?:s|ed|ing)?\b(?! (?:his|her|their|my|our) (?:\w+ )?(?:daughters?|sons?|mother|father|family|wife|husband|parents|relatives|grand\w+|friends?|brothers?|sisters?|children|kids)\b)/iy, needs: 'both', targetPreps: TO, notBefore: /\b(?:last three|their|its) $/i, notContext: TRAVEL_ONLY }],
  // "President Obama flew here to swim with monk seals", "arrived here last night for talks": a visit to where the
  // reporter files from (the dateline places it, event-place.ts), whom it visits unnamed.
  ['flew arrived travelled traveled came', 'CONSULT', 'visit', { re: /(?:flew|arrived|travell?ed|came)(?= here\b)/iy, needs: 'source', notContext: TRAVEL_ONLY }],
  ['travel travels travelled traveled travelling flew flies trip leaves heads headed heading', 'CONSULT', 'visit', { re: /(?:travel(?:s|led|ed|ling)?|flew|flies|trip|leaves|head(?:s|ed|ing)) (?!(?:back|home) )(?:\w+ (?:times? )?)?(?:to|for)\b/iy, needs: 'both', targetPreps: ['to', 'for'], notContext: TRAVEL_ONLY }],
  ['telephoned phoned', 'CONSULT', 'call', { symmetric: true, needs: 'both' }],
  // CAMEO's "host a visit" and "discuss by telephone": the host receives the visitor, a call is mutual.
  ['hosted hosts hosting', 'CONSULT', 'visit', { re: /host(?:ed|s|ing) (?=[A-Z]|the (?:[A-Z]|(?:\S+ )?(?:president|prime minister|leader|king|queen|chancellor|delegation))|(?:a |an )?(?:\S+ )?delegation\b)/y, inverse: true, context: /\b(?:president|prime minister|leader|minister|chancellor|king|queen|summit|talks|state visit|delegation|counterpart)\b/i, needs: 'both', notContext: TRAVEL_ONLY }],
  ['spoke spoken talked', 'CONSULT', 'call', { re: /(?:spoke|spoken|talked) (?:by (?:tele)?phone )?with\b/iy, context: /\b(?:phone|telephone|call)\b/i, symmetric: true, needs: 'both', targetPreps: ['with'] }],
  ['call', 'CONSULT', 'call', { re: /call with\b/iy, notBefore: /\b(?:conference|campaign) $/i, context: /\b(?:phone|telephone)\b/i, symmetric: true, needs: 'both', targetPreps: ['with'] }],
  ['testified testify testimony told', 'CONSULT', 'testimony', { re: /(?:testif(?:y|ied)|testimony|told(?= (?:Congress|Parliament|the (?:Senate|House|committee|panel))\b))/iy, targetPreps: ['before', 'to'] }],

  // ACCUSE
  ['accused accuses accuse accusing', 'ACCUSE', null, { needs: 'target' }],
  ['blamed blames blame blaming', 'ACCUSE', null, { needs: 'target', targetPreps: ['on'] }],
  ['criticised criticized criticises criticizes criticising criticizing', 'ACCUSE', null, { needs: 'target', targetPreps: ['of'] }],
  ['condemned condemns condemn condemning', 'ACCUSE', null, { needs: 'target' }],
  ['denounced denounces denounce denouncing', 'ACCUSE', null, { needs: 'target' }],
  // ("won her fourth consecutive grand slam": a tennis title.)
  ['slammed slams slam', 'ACCUSE', null, { notBefore: /\bgrand $/i, needs: 'target' }],
  // ("blasted out a barrage of news releases", "blasted off": a sending or a launch, no attack in words.)
  ['blasted blasts', 'ACCUSE', null, { re: /blast(?:ed|s)\b(?! (?:out|off|away|through|past|into)\b)/iy, needs: 'target' }],
  ['lambasted attacked', 'ACCUSE', null, { re: /(?:lambasted|attacked) (?=(?:[A-Z]|her |his |the (?:[a-z]+ )?(?:media|press|administration|government|president)))/y, needs: 'target' }],
  ['attack', 'ACCUSE', null, { re: /attack on\b/iy, notBefore: /\b(?:blistering|verbal|personal|scathing|stinging|fierce|bomb|terror|terrorist|suicide|rocket|missile|military|armed|gun|knife|air|militant|insurgent) $/i, needs: 'target', targetPreps: ['on'] }],
  ['bomb terror terrorist suicide rocket missile armed gun knife militant insurgent', 'ASSAULT', 'attack', { re: /(?:bomb|terror|terrorist|suicide|rocket|missile|armed|gun|knife|militant|insurgent) attacks?\b/iy, needs: 'target', targetPreps: ['on', 'in', 'against'] }],
  ['blistering scathing stinging verbal', 'ACCUSE', null, { re: /(?:blistering|scathing|stinging|verbal) attack\b/iy, needs: 'target', targetPreps: ['on'] }],
  ['mocked mocks mocking ridiculed ridicules derided', 'ACCUSE', null, { needs: 'target' }],
  ['pounding', 'ACCUSE', null, { needs: 'target' }],
  ['railing railed rails', 'ACCUSE', null, { re: /rail(?:ing|ed|s) against\b/iy, needs: 'target', targetPreps: ['against'] }],
  ['likened likens', 'ACCUSE', null, { needs: 'target' }],
  // Dismissing criticism rejects it; dismissing someone as a fool attacks them.
  ['dismissed', 'ACCUSE', null, { re: /dismissed(?! the (?:criticism|claims?|charges?|allegations?|suggestion|idea|report)s?\b)(?= (?:\S+ ){1,4}as\b)/iy, needs: 'target' }],
  ['insulted insults', 'ACCUSE', null, { needs: 'target' }],
  ['assailed lashed', 'ACCUSE', null, { re: /(?:assailed|lashed out at)\b/iy, needs: 'target', targetPreps: ['at'] }],
  ['disappointment', 'ACCUSE', null, { re: /disappointment with\b/iy, needs: 'both', targetPreps: ['with', 'by'] }],
  ['alleged alleges faulted faults rebuked rebukes decried decries deplored deplores berated chided castigated scolded', 'ACCUSE', null, { re: /[a-z]+\b(?! (?:that|to|by))/iy, needs: 'target' }],
  ['hit', 'ACCUSE', null, { re: /hit out at\b/iy, needs: 'target', targetPreps: ['at'] }],
  ['ad', 'ACCUSE', 'ad', { re: /ad\b(?= (?:\S+ ){0,3}?(?:showing|attacking|featuring|mocking|accusing|critici[sz]ing|that))/iy, needs: 'both' }],

  // REJECT
  ['rejected rejects reject rejecting', 'REJECT', null, { needs: 'source' }],
  // Declining to comment, confirm or reveal is reticence, no rejection of anyone; a figure that declined fell ("declined to
  // 51.9 pct", "had declined to some 150 mln dlrs").
  // "held in contempt for refusing to testify", "criticised him for refusing": the refuser is the main clause's object, not its subject.
  ['refused refuses refusing', 'REJECT', null, { notBefore: /\bfor $/i, re: new RegExp(`[a-z]+\\b(?! to ${RETICENCE})`, 'iy'), needs: 'source' }],
  ['declined', 'REJECT', null, { re: new RegExp(`declined\\b(?= (?:to|an?|the|his|her|their|its|requests?|offers?|invitations?)\\b)(?! (?:to (?:some |about |around |nearly |almost |just |only )?)?[\\d$£€])(?! (?:by|in|from|sharply|slightly|steadily|further|significantly)\\b)(?! to (?:the |some |its |their )?(?:lowest|highest|levels?)\\b)(?! (?:to )?${RETICENCE})(?! (?:an? )?(?:interview|question|comment)s?\\b)`, 'iy'), needs: 'source' }],
  ['opposed opposes', 'REJECT', null, { re: /oppose[sd]\b(?! by)/iy, needs: 'both' }],
  ['blocked', 'REJECT', null, { needs: 'both' }],
  ['vetoed', 'REJECT', null, { needs: 'source' }],
  // Denying someone something deprives them, it rejects nothing ("Eminem has denied Elvis his fourth number one", "Paulo
  // Ferreira denied Gerrard with a last-ditch tackle"); denying their claims or a report does.
  ['denied denies', 'REJECT', null, { re: /(?:[Dd]enied|[Dd]enies)\b(?! [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)* (?:his|her|its|their|a|an|the|with)\b)/y, needs: 'both' }],
  ['ruled turned', 'REJECT', null, { re: /(?:ruled out|turned down)\b/iy, needs: 'source' }],
  ['snubbed spurned rebuffed rebuffs', 'REJECT', null, { needs: 'both' }],
  ['voted', 'REJECT', null, { re: /voted against\b/iy, needs: 'source', targetPreps: ['against'] }],
  ['dismissed', 'REJECT', null, { re: /dismissed the (?:criticism|claims?|charges?|allegations?|suggestion|idea|report)s?\b/iy, needs: 'source' }],
  ['invoked', 'REJECT', 'fifth_amendment', { re: /invoked (?:his|her|their) (?:5th|fifth) amendment\b/iy, needs: 'source', targetPreps: ['of', 'before', 'to'] }],

  // REQUEST
  // Calling for tariffs on someone threatens them (PLOVER THREATEN, mode tariffs), it asks nothing of them.
  ['called calls calling', 'THREATEN', 'tariffs', { re: /call(?:ed|s|ing) for (?:\S+ ){0,3}tariffs\b/iy, needs: 'both', targetPreps: ['on', 'against', 'from'] }],
  ['called calls calling', 'REQUEST', null, { re: /call(?:ed|s|ing)(?: for\b|(?= on (?:\S+ ){1,4}to\b))/iy, needs: 'both', targetPreps: ['on', 'for'] }],
  ['call', 'REQUEST', null, { re: /call for\b/iy, needs: 'both', targetPreps: ['for', 'on'] }],
  ['asked', 'REQUEST', null, { re: /asked (?=[A-Z]|the )(?:\S+ ){1,5}to\b/y, needs: 'both' }],
  ['pressed pressing', 'REQUEST', null, { re: /press(?:ed|ing) (?=[A-Z]|the )(?:\S+ ){1,5}(?:to|for)\b/y, needs: 'both' }],
  ['urged urges urging', 'REQUEST', null, { needs: 'both' }],
  ['demanded demanding', 'REQUEST', null, { needs: 'both' }],
  ['appealed appeals', 'REQUEST', null, { re: /appeal(?:ed|s) (?:to|for)\b/iy, needs: 'both' }],
  // A measure proposed as a deed ("proposed taxing land and food crops", "proposed allowing U.S.-origin goods to be imported"): the
  // proposal is the event though no addressee is named.
  // (Not the adjective: "Mr Bush's proposed spending", "the company's proposed offering".)
  ['proposed', 'REQUEST', 'proposal', { re: /proposed(?= [a-z]+ing\b)(?! (?:nothing|something|everything|during|including|according|concerning|regarding)\b)/y, notBefore: /(?:[’']s|\b(?:his|her|its|their|the|a|an|our|my)) $/i, needs: 'source' }],
  ['proposal proposals proposed', 'REQUEST', 'proposal', { needs: 'both' }],
  ['requested requests sought', 'REQUEST', null, { re: /(?:requested|requests|sought) (?:\S+ ){0,4}?from\b/iy, needs: 'both', targetPreps: ['from'] }],

  // AGREE
  // "agreed (in principle) to acquire X", "agreed to cooperate with Y": the act agreed on is the event, read by its own trigger.
  // ('"Consumers are hungry for it …," agreed Mr Morgenstern': a speaker agreeing with what was said, no agreement between parties.)
  ['agreed agree agrees', 'AGREE', null, { re: /agree(?:d|s)?\b(?! with\b)(?! (?:in principle )?to (?:buy|acquire|purchase|sell|merge|cooperate|co-operate|collaborate|work|pay|take over|develop)\b)/iy, notBefore: /[,.!?]\s*[”"’']\s*$/, symmetric: true, needs: 'both' }],
  ['reached sealed signed struck extracted produced clinched', 'AGREE', null, { re: /(?:reached|sealed|signed|struck|extracted|produced|clinched) (?:an? |the |their )?(?:\S+ )?(?:agreement|accord|treaty|pact)\b/iy, symmetric: true, needs: 'source' }],
  // The nominal form names both parties: "the agreement between Germany and France", "its accord with Iran".
  ['agreement agreements accord accords treaty', 'AGREE', null, { re: /(?:agreements?|accords?|treaty) (?=(?:between|with) )/iy, notBefore: /\b(?:no|any|an|a|possible|proposed|potential|future) (?:\S+ )?$|\bin (?:\S+ )?$/i, symmetric: true, needs: 'both', targetPreps: ['between', 'with'] }],
  ['committed', 'AGREE', null, { re: /committed (?:\S+ ){0,3}to the\b/iy, symmetric: true, needs: 'source' }],
  // Granting a request agrees to it; granting immunity is a legal step (lexicon-general.ts).
  ['granted', 'AGREE', null, { re: /granted\b(?! (?:\S+ ){0,3}?immunity\b)/iy, needs: 'both' }],

  // SUPPORT
  // "Trump secured the endorsement of Sheriff Joe Arpaio": the one who wins an endorsement receives it (see giverOf in roles.ts).
  ['endorsed endorses endorsement endorsements', 'SUPPORT', 'endorsement', { needs: 'both', conferred: true, targetPreps: ['from', 'of', 'for'] }],
  ['praised praises praising lauded lauds lauding hailed hails', 'SUPPORT', null, { needs: 'target' }],
  ['applauded applauds applauding commended commends commending congratulated congratulates congratulating thanked thanking defended defends', 'SUPPORT', null, { needs: 'target' }],
  ['endorsing', 'SUPPORT', 'endorsement', { needs: 'both' }],
  ['supported supports', 'SUPPORT', null, { re: /support(?:ed|s) (?=[A-Z]|the |his |her )/y, needs: 'both' }],
  ['welcomed welcomes welcoming', 'SUPPORT', null, { needs: 'both' }],
  ['backed', 'SUPPORT', null, { re: /backed\b(?! (?:down|off|away|out))/iy, needs: 'both' }],
  // The verb ("a group backing Mike Huckabee"), not the noun ("had the financial backing of Mr. Justice").
  ['backing', 'SUPPORT', null, { re: /backing (?=[A-Z]|the |his |her )/y, notBefore: /\b(?:the|a|an|his|her|its|their|financial|political|strong|full|public) $/i, needs: 'both' }],
  // "The Sea Inside has been named best picture at the Bangkok International Film Festival": an award by the ceremony.
  ['named voted', 'SUPPORT', 'award', { re: /(?:named|voted) (?:the )?best\b/iy, passive: false, needs: 'both', conferred: true }],
  // A contract, an order or a route awarded is a company deal, not an honour ("Softech Inc … was awarded a 1,035,767
  // dlr contract", "The UK Film Council has awarded a contract … to Arts Alliance").
  ['award awards awarded', 'BUSINESS', 'deal', { re: /award(?:s|ed)? (?:(?:a|an|the|its|their)\s+)?(?:\S+ ){0,5}?(?:contracts?|orders?|route|franchise|licen[cs]es?)\b/iy, needs: 'both', targetPreps: ['to'], conferred: true }],
  // A game show's "jackpot prize", "prize money": a sum won, no award conferred.
  // An award someone is up, hoping or in competition for has not been given.
  ['award awards awarded prize prizes', 'SUPPORT', 'award', { re: /(?:award|awards|awarded|prize|prizes)\b(?! (?:money|fund|pot|draw)\b)/iy, notBefore: /\b(?:(?:for|to win|entitled to) (?:the |a |an |this year's |this year’s )?(?:\S+ ){0,4}|jackpot |cash |lottery |raffle )$/i, needs: 'both', conferred: true }],

  // AID
  ['aid', 'AID', null, { re: /aid\b(?! (?:worker|agency|agencies|group))/iy, needs: 'both', targetPreps: ['to', 'for'] }],
  ['donating donated donates donation donations', 'AID', 'donation', { needs: 'both', targetPreps: ['to'] }],
  ['refugees', 'AID', 'refugees', { re: /refugees\b/iy, context: /\b(?:accept|accepting|take in|admit|resettle|welcome)\w*\b/i, needs: 'both', targetPreps: ['from'] }],

  // ASSAULT / COERCE / MOBILIZE
  ['invasion invasions invaded invade', 'ASSAULT', 'invasion', { needs: 'both', targetPreps: ['of'] }],
  ['annexation annexed', 'ASSAULT', 'invasion', { needs: 'both', targetPreps: ['of'] }],
  ['bombing bombed bombings airstrike airstrikes', 'ASSAULT', 'bombing'],
  // A film's shooting is its filming ("hoped to start shooting Racing The Monsoon next year", "shooting the film in Prague").
  ['shooting shot', 'ASSAULT', 'shooting', { re: /(?:shooting|shot dead|shot and (?:killed|wounded))\b(?! (?:(?:a|the|his|her|their|its|new) )?(?:\S+ )?(?:film|movie|scenes?|video|footage|pictures|photos|episodes?|series|pilot|season)\b)/iy, notBefore: /\b(?:start|starts|started|starting|begin|begins|began|begun|finish|finished|finishing|resume|resumed|completed?|wrapped|during|film|movie|location|photo) $/i }],
  ['hacked hacking', 'ASSAULT', 'cyberattack', { re: /hack(?:ed|ing) into\b/iy, needs: 'both', targetPreps: ['into', 'of'] }],
  ['cyberattack cyberattacks', 'ASSAULT', 'cyberattack', { needs: 'both' }],
  ['escorted removed expelled expels seized', 'COERCE', 'removal', { re: /(?:escorted|removed|expelled|expels|seized)\b/iy, needs: 'both', context: /\b(?:escorted off|removed from|expelled|seized)\b/i }],
  ['weapons weapon missile missiles nuclear', 'MOBILIZE', 'weapons_test', { re: /(?:weapons?|missile|nuclear|rocket) (?:tests?|launch(?:es)?)\b/iy, needs: 'source', targetPreps: ['at', 'against'] }],
  ['tested test-fired', 'MOBILIZE', 'weapons_test', { re: /(?:tested|test-fired) (?:a |an )?(?:new )?(?:kind of )?(?:\S+ )?(?:weapon|missile|rocket|nuclear)/iy, needs: 'source', targetPreps: ['at', 'against'] }],
  ['exercise exercises maneuver maneuvers manoeuvre manoeuvres drills', 'MOBILIZE', 'exercise', { context: /\bmilitary|troops|naval|army\b/i, needs: 'source' }],
  // Armed force deployed (a carmaker's "fleet of test cars", a campaign's "paid staff", "encryption deployed by Apple" are not).
  ['deployment deployed deploy', 'MOBILIZE', 'deployment', { context: /\b(?:troops|soldiers|forces|military|army|navy|warships?|missiles?|missile defen[cs]e|battalions?|brigades?|peacekeepers|marines|jets|aircraft|bombers|units|personnel|weapons)\b/i, needs: 'source', targetPreps: ['to', 'against'] }],

  // PROTEST / RETREAT / SANCTION / THREATEN
  // A protest vote is a ballot cast against a party, no demonstration.
  ['protest protests protested protesting', 'PROTEST', null, { re: /[a-z]+\b(?! vot(?:e|es|ers|ing)\b)/iy, notBefore: /\bin $/i, needs: 'source', targetPreps: ['against', 'outside', 'at'] }],
  ['walked walkout', 'PROTEST', 'boycott', { re: /(?:walked out|walkout)\b/iy, needs: 'both', targetPreps: ['of', 'from', 'on'] }],
  ['boycott boycotted boycotts boycotting', 'PROTEST', 'boycott', { needs: 'both' }],
  ['withdraw withdrew withdrawal withdrawn', 'RETREAT', 'withdrawal', { needs: 'source', targetPreps: ['from'] }],
  ['backtrack backtracked', 'RETREAT', null, { needs: 'source' }],
  ['break', 'RETREAT', 'withdrawal', { re: /break with\b/iy, needs: 'both', targetPreps: ['with'] }],
  // Lifting sanctions yields (PLOVER CONCEDE, mode ease_sanctions).
  ['lifted lifts lifting eased eases easing', 'CONCEDE', 'ease_sanctions', { re: /(?:lift|eas)(?:ed|es|ing|s) (?:the |its |their |some |all )?(?:\S+ )?(?:sanctions|embargo)\b/iy, notBefore: /\b(?:before|until|unless|if|once|when|would|will|could|should|to|may|might)\s+(?:\S+\s+){0,3}$/i, needs: 'source', targetPreps: ['on', 'against'] }],
  ['sanctions sanctioned embargo', 'SANCTION', null, { notBefore: /\beases? (?:the )?$/i, context: /\b(?:impos|slap|announc|new sanctions|sanctioned|embargo)/i, needs: 'both', targetPreps: ['on', 'against'] }],
  // A veto threatened or promised is a threat to the bill's backers, who are seldom named in its sentence ("President Obama has
  // promised to veto it", "Reagan has vowed to veto any tax increase", "Obama has threatened to veto the bill").
  ['threatened threatens threatening promised promises vowed vows', 'THREATEN', null, { re: /(?:threatened|threatens|threatening|promised|promises|vowed|vows) (?:a |to )veto\b/iy, needs: 'source', targetPreps: [] }],
  ['threatened threatens threatening', 'THREATEN', null, { needs: 'both' }],
  ['tariffs tariff', 'THREATEN', 'tariffs', { context: /\b(?:called for|threat|would impose|propos)/i, needs: 'source', targetPreps: ['on', 'against'] }],
]);
