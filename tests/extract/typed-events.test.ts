import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { EVENT_MODE_DESCRIPTIONS, EVENT_TYPE_DESCRIPTIONS, EVENT_TYPES, legacyKind } from '../../src/extract/events/ontology.ts';
import { headlineCompany } from '../../src/extract/events/headline-company.ts';
import { corpusText } from '../helpers/corpus-text.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';

// The corpus files whose articles these tests read (never copied here: see tests/helpers/corpus-text.ts).
const CORPUS_FILES = ['bbc.jsonl', 'polnear-traindev.jsonl'] as const;

/** Events of a one-paragraph article, as "TYPE/mode source → target". */
function events(body: string, title = 'Test article'): string[] {
  const parsed = parseArticle({ raw: `${title}\n\n${body}`, origin: 'test' });
  const x = extractArticle(parsed);
  return x.events.map((e) => `${e.type}${e.mode ? `/${e.mode}` : ''} ${e.sources!.map((a) => a.name).join('+') || '-'} → ${e.targets!.map((a) => a.name).join('+') || '-'}`);
}

describeWithCorpus(CORPUS_FILES, 'typed events: who did what to whom', () => {
  it('reads the subject as source and the object as target', () => {
    expect(events('President Donald Trump accused Hillary Clinton of lying about the emails on Monday.')).toContain('ACCUSE Donald Trump → Hillary Clinton');
  });

  it('gives a summit between two leaders both parties, whoever the sentence is about', () => {
    expect(events('Pyongyang said it had tested a weapon since the last summit between US President Donald Trump and Kim Jong Un in Vietnam.')).toContain('CONSULT/summit Donald Trump+United States → Kim Jong Un');
  });

  it('puts the state an official acts for beside them, on every mention', () => {
    expect(events('US Secretary of State Mike Pompeo arrived on Monday. North Korea denounced Pompeo on Thursday.')).toContain('ACCUSE North Korea → Mike Pompeo+United States');
    expect(events('British singer Joss Stone arrived on Monday. Critics praised Joss Stone on Thursday.').join()).not.toContain('United Kingdom');
  });

  it('swaps the sides of a passive and takes the agent after "by"', () => {
    expect(events('Jill Stein was arrested by police outside the debate hall on Monday.')).toContain('LEGAL/arrest police → Jill Stein');
  });

  it('takes an owner as the source of a nominal trigger and a country acts through its government', () => {
    expect(events('Critics said Russia’s invasion of Ukraine was a threat to Europe.')).toContain('ASSAULT/invasion Russia → Ukraine');
  });

  it('records a weapons test as MOBILIZE with the testing state as source and no target', () => {
    expect(events('North Korea said it had conducted a missile test on Wednesday.')).toContain('MOBILIZE/weapons_test North Korea → -');
  });

  it('skips what the text does not report as done: meetings someone is ready for, triggers inside quotations or names', () => {
    expect(events('Putin repeatedly expressed his readiness to meet Kim Jong Un.').filter((e) => e.startsWith('CONSULT'))).toEqual([]);
    expect(events('"We will meet Vladimir Putin soon," Kim Jong Un said.').filter((e) => e.startsWith('CONSULT'))).toEqual([]);
    expect(events('The Commission on Presidential Debates said the hall was ready.')).toEqual([]);
  });

  it('makes one event of one occurrence: a visit for talks, an accusation repeated, a race named again with fewer parties', () => {
    expect(events('North Korean leader Kim Jong Un will visit Russia for talks with Vladimir Putin this month.').filter((e) => e.startsWith('CONSULT'))).toEqual(['CONSULT/visit Kim Jong Un → Russia+Vladimir Putin']);
    expect(events('North Korea denounced Mike Pompeo on Thursday. Later North Korea slammed Mike Pompeo again.').filter((e) => e.startsWith('ACCUSE'))).toEqual(['ACCUSE North Korea → Mike Pompeo']);
    expect(events('Barack' + corpusText('polnear:nyt_2016-09-08_obama-on-climate-change-the-tren', ' Obama ran', 'president against ') + 'John McCain in 2008. Few saw a climate evangelist when Barack Obama' + corpusText('polnear:nyt_2016-09-08_obama-on-climate-change-the-tren', ' ran for the', 'in 2008.')).filter((e) => e.startsWith('ELECTION'))).toHaveLength(1);
  });

  it('reads "the pair" of a mutual event as the two people named last', () => {
    expect(events('Donald Trump and Kim Jong Un met in Hanoi in February. The summit collapsed, a year after the pair held talks in Singapore in June 2018.')).toContain('CONSULT/talks Donald Trump → Kim Jong Un');
  });

  it('records no act nobody performed: declining to comment, an accusation without an accuser, a walk-out against nobody', () => {
    expect(events('Through a spokesman, Jim Justice declined to comment on the deal.').filter((e) => e.startsWith('REJECT'))).toEqual([]);
    expect(events('France have been criticised for their one-dimensional play.').filter((e) => e.startsWith('ACCUSE'))).toEqual([]);
    expect(events('Singer Natalie Appleton walked out of the show on Monday.').filter((e) => e.startsWith('PROTEST'))).toEqual([]);
  });

  it('reads actors through the article: a short name as the full one written before, a demonym official, a court', () => {
    expect(events('Mitt Romney lost in 2012. Harry' + corpusText('polnear:huff-post_2016-09-27_hillary-clinton-goes-after-donal', ' Reid frequently', 'releasing his ') + 'tax returns.')).toContain('ACCUSE Harry Reid → Mitt Romney');
    expect(events('Stephen Biegun met with a Russian deputy foreign minister in Moscow on Tuesday.')).toContain('CONSULT/meeting Stephen Biegun → Russia');
    expect(events(corpusText('polnear:nyt_2016-10-02_a-curious-plan-to-fight-climate-', 'In 1986,', 'Court blocked ') + 'the merger of the two railways.')).toContain('LEGAL/ruling Supreme Court → -');
  });

  it('keeps a results table with the company the wire headline names', () => {
    expect(events('Shr 47 cts vs 40 cts\n\nNet 4,384,000 vs 545,000', 'PULITZER PUBLISHING CO <PLTZC> 4TH QTR NET')).toContain('BUSINESS/results Pulitzer Publishing Co → -');
    expect(headlineCompany("INT'L HYDRON CORP <HYD> 4TH QTR OPER NET")).toBe("Int'l Hydron Corp");
    expect(headlineCompany('Text message record smashed again')).toBeNull();
  });

  it('reads nominal triggers as nouns: an agreement between two parties, a noun’s "by" agent as source and its owner as target', () => {
    expect(events('The agreement between Germany and France was signed in Berlin on Monday.')).toContain('AGREE Germany → France');
    expect(events('Officials said there was no agreement with Iran yet.').filter((e) => e.startsWith('AGREE'))).toEqual([]);
    expect(events('A visit by Angela Merkel to China is planned for May.')).toContain('CONSULT/visit Angela Merkel → China');
    expect(events('Analysts welcomed Vodafone’s takeover by Verizon Communications on Monday.')).toContain('BUSINESS/bid Verizon Communications → Vodafone');
  });

  it('reads a hyphenated pair before a mutual trigger as its two parties', () => {
    expect(events('Officials said the US-China trade talks would resume in Beijing next week.')).toContain('CONSULT/talks United States → China');
  });

  it('takes "him" as an object, never as the subject again', () => {
    expect(events('As Gordon' + corpusText('bbc:politics/077', ' Brown announced', 'Budget date') + ', the' + corpusText('bbc:politics/077', ' accountancy firm', 'politics aside') + '.')).toContain('REQUEST Ernst & Young → Gordon Brown');
    expect(events('Mikhail Khodorkovsky pleaded not guilty to the charges brought against him.')).toContain('LEGAL/trial - → Mikhail Khodorkovsky');
  });

  it('reads a contest’s descriptions: "the Democratic nominee" by title or salience, "her opponent" as the other party', () => {
    const body = 'Hillary Clinton, the Democratic nominee, faced Donald Trump on Monday. Hillary Clinton said Donald Trump was wrong. ' + corpusText('polnear:huff-post_2016-09-27_hillary-clinton-goes-after-donal', 'The Democratic', 'her opponent ') + 'during the debate.';
    expect(events(body)).toContain('ACCUSE Hillary Clinton → Donald Trump');
  });

  it('reads an award won as given by the awarding body to the winner, and none that is only hoped for', () => {
    expect(events(corpusText('bbc:entertainment/286', 'Pop singer', 'individual prizes ') + 'from the Australian Recording Industry Association.')).toContain('SUPPORT/award Australian Recording Industry Association → Delta Goodrem');
    expect(events(corpusText('bbc:entertainment/355', 'British stars', 'in London') + '.').filter((e) => e.startsWith('SUPPORT'))).toEqual([]);
    expect(events('The film' + corpusText('bbc:entertainment/091', ' Sideways was', 'Critics Association') + ' on Monday.').join()).toMatch(/SUPPORT\/award [^,]*Critics Association → /);
  });

  it('records no refusal that is reticence or did not happen', () => {
    expect(events('Gordon Brown refused to rule out future tax rises.').filter((e) => e.startsWith('REJECT'))).toEqual([]);
    expect(events(corpusText('bbc:sport/164', 'Ajax have', 'reveal whether ') + 'Martin Jol is on their shortlist.').filter((e) => e.startsWith('REJECT'))).toEqual([]);
    expect(events('Dwain Chambers has not ruled out a return to the track.').filter((e) => e.startsWith('REJECT'))).toEqual([]);
    expect(events('China’s coal consumption declined 3.3 percent last year, China said.').filter((e) => e.startsWith('REJECT'))).toEqual([]);
    expect(events('Hillary Clinton’s campaign declined to respond to questions about the ethanol programme.').filter((e) => e.startsWith('REJECT'))).toEqual([]);
  });

  it('records no visit that is a team’s fixture, and takes the country of a destination the recogniser does not know', () => {
    expect(events('Italy travel to Edinburgh on Saturday hoping for' + corpusText('bbc:sport/335', ' their first away', 'Six Nations.')).filter((e) => e.startsWith('CONSULT'))).toEqual([]);
    expect(events('Tony Blair met troops in London on Monday' + corpusText('bbc:politics/149', '. He also', 'are stationed.'))).toContain('CONSULT/visit Tony Blair → Iraq');
    expect(events('Joe Biden met Recep Tayyip Erdogan in Ankara' + corpusText('polnear:politico_2016-02-19_q-a-with-vice-president-joe-bide', '. He', 'Force Two') + '.').filter((e) => e.startsWith('CONSULT/visit'))).toEqual([]);
    expect(events('US Secretary of State Mike Pompeo flew to Washington on Monday.').filter((e) => e.startsWith('CONSULT/visit'))).toEqual([]);
  });

  it('codes easing sanctions as CONCEDE, but not when it is only expected', () => {
    expect(events('The United States responded by easing sanctions on Burma in March.')).toContain('CONCEDE/ease_sanctions United States → Burma');
    expect(events('Mike Pompeo wants full denuclearisation before the US eases sanctions.').filter((e) => e.startsWith('CONCEDE'))).toEqual([]);
  });

  it('links evidence: trigger and sentence offsets, confidence, and the statements of the sentence', () => {
    const body = 'North Korea denounced Mike Pompeo on Thursday, the foreign ministry said.';
    const parsed = parseArticle({ raw: `Title\n\n${body}`, origin: 'test' });
    const x = extractArticle(parsed);
    const e = x.events.find((v) => v.type === 'ACCUSE')!;
    expect(parsed.text.slice(e.trigger!.start, e.trigger!.end)).toBe('denounced');
    expect(parsed.text.slice(e.sentence!.start, e.sentence!.end)).toContain('denounced Mike Pompeo');
    expect(e.confidence).toBeGreaterThan(0.5);
    expect(e.kind).toBe('OTHER');
    for (const i of e.statementIndexes!) expect(x.statements[i].eventKey).toBe(e.key);
  });
});

describeWithCorpus(CORPUS_FILES, 'event ontology', () => {
  it('has PLOVER’s sixteen types plus seven for general news, each described, and modes described', () => {
    expect(EVENT_TYPES).toHaveLength(23);
    for (const t of EVENT_TYPES) expect(EVENT_TYPE_DESCRIPTIONS[t].length).toBeGreaterThan(10);
    for (const m of ['meeting', 'summit', 'visit', 'talks', 'call', 'attack', 'bombing', 'shooting', 'weapons_test']) expect(EVENT_MODE_DESCRIPTIONS[m]).toBeTruthy();
  });

  it('stores the diplomatic modes and weapons tests under their old kinds, everything else as OTHER', () => {
    expect(legacyKind('CONSULT', 'summit')).toBe('SUMMIT');
    expect(legacyKind('CONSULT', 'visit')).toBe('VISIT');
    expect(legacyKind('MOBILIZE', 'weapons_test')).toBe('WEAPONS_TEST');
    expect(legacyKind('ACCUSE', null)).toBe('OTHER');
  });
});
