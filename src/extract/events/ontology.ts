/** The stored legacy kind of an event (the database's EventKind enum), from before the ontology. */
export type EventKind = 'MEETING' | 'SUMMIT' | 'TALKS' | 'VISIT' | 'WEAPONS_TEST' | 'LAUNCH' | 'ANNOUNCEMENT' | 'OTHER';

/**
 * The event ontology: PLOVER's sixteen types plus the types general news needs (issue 16). Each
 * value carries the one-line description the schema shows. The gold (tests/fixtures/events-gold)
 * is written in the same terms.
 */
export const EVENT_TYPE_DESCRIPTIONS = {
  AGREE: 'Agreements and accords between parties, granting a request',
  ACCUSE: 'Criticising, blaming, denouncing or attacking someone in words; opinion pieces against someone',
  AID: 'Humanitarian, economic or refugee aid; donations to a cause',
  ASSAULT: 'Violence: attacks, bombings, shootings, invasions, cyberattacks',
  COERCE: 'Force short of violence: removals, expulsions, seizures',
  CONCEDE: 'Yielding: easing sanctions, giving in to demands',
  CONSULT: 'Meetings, summits, visits, talks, calls, hearings and testimony',
  COOPERATE: 'Working together: joint development, fundraising pacts, handing over requested material',
  MOBILIZE: 'Shows of force: weapons tests, military exercises, deployments',
  PROTEST: 'Demonstrations, boycotts, walk-outs',
  REJECT: 'Refusing, opposing, declining or blocking',
  REQUEST: 'Calls, demands, appeals and proposals',
  RETREAT: 'Withdrawing or backing down',
  SANCTION: 'Sanctions, embargoes and tariffs imposed',
  SUPPORT: 'Endorsing, praising, welcoming; awards',
  THREATEN: 'Threats, including threatened tariffs',
  ELECTION: 'Elections, referendums, by-elections, campaign events and debates',
  APPOINTMENT: 'Appointments, nominations and hirings',
  RESIGNATION: 'Resignations, retirements and dismissals',
  LEGAL: 'Arrests, charges, trials, rulings, lawsuits, investigations, laws and bills',
  BUSINESS: 'Company deals, acquisitions, results, dividends, offerings, bankruptcies, forecasts, product launches',
  DISASTER: 'Natural and man-made disasters',
  SPORT: 'Matches and contests between teams or players',
} as const;

export type EventType = keyof typeof EVENT_TYPE_DESCRIPTIONS;
export const EVENT_TYPES = Object.keys(EVENT_TYPE_DESCRIPTIONS) as EventType[];

/**
 * Modes where they matter. A weapons test is MOBILIZE/weapons_test, not COERCE: it is a show of
 * force that the tester performs, usually aimed at nobody in particular (CAMEO's "demonstrate
 * military power", folded into PLOVER's MOBILIZE); COERCE is kept for force applied to someone.
 */
export const EVENT_MODE_DESCRIPTIONS: Record<string, string> = {
  meeting: 'CONSULT: a meeting between named parties',
  summit: 'CONSULT: a summit of leaders',
  visit: 'CONSULT: a visit to a place or a party',
  talks: 'CONSULT: talks or negotiations',
  call: 'CONSULT: a telephone or video call',
  hearing: 'CONSULT: a hearing before a committee',
  testimony: 'CONSULT: testimony before a legislature',
  attack: 'ASSAULT: an armed attack',
  bombing: 'ASSAULT: a bombing or air strike',
  shooting: 'ASSAULT: a shooting',
  invasion: 'ASSAULT: an invasion or annexation',
  cyberattack: 'ASSAULT: hacking or a cyberattack',
  weapons_test: 'MOBILIZE: a weapons or missile test (a show of force)',
  exercise: 'MOBILIZE: a military exercise or manoeuvre',
  deployment: 'MOBILIZE: a deployment of forces',
  removal: 'COERCE: removing someone from a place',
  ad: 'ACCUSE: an attack advertisement',
  opinion: 'ACCUSE: an opinion piece against someone',
  refugees: 'AID: accepting or helping refugees',
  funding: 'AID: public funding or a programme',
  donation: 'AID or SUPPORT: a donation',
  endorsement: 'SUPPORT: an endorsement',
  award: 'SUPPORT: an award or prize',
  boycott: 'PROTEST: a boycott or walk-out',
  withdrawal: 'RETREAT or ELECTION: a withdrawal',
  proposal: 'REQUEST: a proposal',
  tariffs: 'THREATEN: threatened tariffs',
  fifth_amendment: 'REJECT: invoking the Fifth Amendment',
  debate: 'ELECTION: a debate between candidates',
  campaign: 'ELECTION: a campaign event',
  referendum: 'ELECTION: a referendum',
  'by-election': 'ELECTION: a by-election',
  nomination: 'APPOINTMENT: a nomination',
  quit: 'RESIGNATION: quitting',
  retire: 'RESIGNATION: retiring',
  dismissal: 'RESIGNATION: a dismissal or sacking',
  arrest: 'LEGAL: an arrest',
  charge: 'LEGAL: a charge or indictment',
  trial: 'LEGAL: a trial or conviction',
  ruling: 'LEGAL: a court ruling',
  lawsuit: 'LEGAL: a lawsuit',
  appeal: 'LEGAL: an appeal',
  contempt: 'LEGAL: a contempt citation',
  no_charge: 'LEGAL: a decision not to charge',
  investigation: 'LEGAL: an investigation',
  release: 'LEGAL: a release from custody',
  immunity: 'LEGAL: immunity from prosecution granted',
  law: 'LEGAL: a law passed or signed',
  bill: 'LEGAL: a bill introduced',
  deal: 'BUSINESS: a company deal',
  acquisition: 'BUSINESS: an acquisition or purchase',
  joint_venture: 'BUSINESS: a joint venture',
  results: 'BUSINESS: a company reporting results',
  dividend: 'BUSINESS: a dividend',
  offering: 'BUSINESS: a share or bond offering',
  bankruptcy: 'BUSINESS: a bankruptcy',
  forecast: 'BUSINESS: a forecast',
  downgrade: 'BUSINESS: a downgrade',
  bid: 'BUSINESS: a takeover bid',
  spinoff: 'BUSINESS: a spinoff',
  product: 'BUSINESS: a product launch',
  flood: 'DISASTER: a flood',
  tsunami: 'DISASTER: a tsunami',
  earthquake: 'DISASTER: an earthquake',
  storm: 'DISASTER: a storm or hurricane',
  fire: 'DISASTER: a fire',
  crash: 'DISASTER: a crash',
  match: 'SPORT: a match or game',
};

/**
 * The stored kind (the database's EventKind enum) of a typed event: the four diplomatic modes and
 * weapons tests keep their old kinds, so events stored before keep merging with new ones; every
 * other type is OTHER until the schema stores the type itself.
 */
export function legacyKind(type: EventType, mode: string | null): EventKind {
  if (type === 'CONSULT') return mode === 'summit' ? 'SUMMIT' : mode === 'talks' ? 'TALKS' : mode === 'visit' ? 'VISIT' : 'MEETING';
  if (type === 'MOBILIZE' && mode === 'weapons_test') return 'WEAPONS_TEST';
  return 'OTHER';
}
