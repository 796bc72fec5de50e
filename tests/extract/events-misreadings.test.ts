import { expect, it } from 'vitest';
import { eventSummariesOfType as ofType, extractTestArticle } from '../helpers/test-article.ts';
import { corpusText } from '../helpers/corpus-text.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';

// The corpus files whose articles these tests read (never copied here: see tests/helpers/corpus-text.ts).
const CORPUS_FILES = ['bbc.jsonl', 'polnear-traindev.jsonl', 'reuters21578.jsonl'] as const;

// Words that read like an event and are none (a call or an urging, a race, an option to buy, a denial
// that deprives, dismissed criticism, venture capital, takeover rules), each rule read on every event of
// BBC, PolNeAR train and Reuters 1–2000 before and after (the events gold's articles left out).

describeWithCorpus(CORPUS_FILES, 'typed events: what someone is called on or urged to do', () => {
  it('is no event of its own; the call or the urging is', () => {
    expect(ofType(corpusText('polnear:wash-post_2016-01-31_state-calls-emails-of-clinton-to', 'And it comes', 'national secrets.'), 'LEGAL')).toEqual([]);
    expect(ofType(corpusText('bbc:entertainment/085', 'Catholics have urged', 'hurt sentiments.'), 'RETREAT')).toEqual([]);
    expect(ofType(corpusText('bbc:entertainment/281', 'More than 20', 'have it cancelled.'), 'PROTEST')).toEqual([]);
    expect(ofType(corpusText('polnear:west-journal_2016-06-13_trump-calls-on-obama-to-resign', 'In the wake', 'to resign.'), 'RESIGNATION')).toEqual([]);
  });

  it('leaves what was done alongside a call', () => {
    expect(ofType('The union called for the company to raise wages. Acme Corp bought Widget Inc for 10 mln dlrs.', 'BUSINESS')).toEqual(['BUSINESS/acquisition Acme Corp → Widget Inc']);
    expect(extractTestArticle('Critics urged the minister to resign.').events.map((e) => e.type)).not.toContain('RESIGNATION');
  });
});

it('"the refugees" named paragraphs after an aid event are the people, not the aid: no link', () => {
  const x = extractTestArticle(
    'Canada has accepted 10,000 refugees from Syria, the government said on Monday.\n\nThe prime minister met President Trump in Washington on Tuesday.\n\nTaxes are rising.\n\nThe opposition leader, John Smith, said the refugees are a security risk for the country.',
  );
  const aid = x.events.find((e) => e.type === 'AID');
  const remark = x.statements.findIndex((s) => s.text.startsWith('the refugees are'));
  expect(aid, JSON.stringify(x.events.map((e) => e.type))).toBeDefined();
  expect(remark).toBeGreaterThan(0);
  expect(aid!.statementIndexes ?? []).not.toContain(remark);
  expect(aid!.statementIndexes ?? []).toContain(0);
});

describeWithCorpus(CORPUS_FILES, 'typed events: a race that is run, and a party acting on itself', () => {
  it('reads a win or a loss in a run race as no election', () => {
    expect(ofType(corpusText('bbc:sport/078', 'Gelete Burka', "women's race."), 'ELECTION')).toEqual([]);
    expect(ofType(corpusText('bbc:sport/003', 'But Greene', 'semi-finals.'), 'ELECTION')).toEqual([]);
    expect(ofType('Smith lost the race for the Senate seat to Jones.', 'ELECTION')).toEqual(['ELECTION Smith → Jones']);
  });

  it('drops a target named by the first words of the source’s name', () => {
    expect(ofType(corpusText('reuters:1862', 'Piedmont Aviation', 'other corporations.'), 'CONSULT')).toEqual([]);
    expect(ofType(corpusText('reuters:1606', 'Comdata Network', 'share'), 'BUSINESS')).toEqual(['BUSINESS/acquisition Comdata Network Inc → -']);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: news agencies, and guns fired', () => {
  it('reads a news agency as no party, but to its own lawsuit', () => {
    expect(ofType(corpusText('polnear:breitbart_2016-08-15_biden-stumping-for-clinton-trash', 'New York (AFP)', 'Donald Trump'), 'ACCUSE').filter((x) => x.includes('AFP'))).toEqual([]);
    expect(ofType(corpusText('reuters:1842', 'He told Reuters', 'unacceptable'), 'REQUEST')).toEqual([]);
    expect(ofType(corpusText('polnear:breitbart_2016-08-24_report-half-clinton-s-state-meet', 'The AP’s report', 'Information Act.'), 'LEGAL')).toEqual(['LEGAL/lawsuit Associated Press → US State Department']);
  });

  it('reads shots or bullets fired as no dismissal', () => {
    expect(ofType(corpusText('bbc:entertainment/282', 'Officers are also', 'Violator.'), 'RESIGNATION')).toEqual([]);
    expect(ofType('Police said shots have been fired inside the building.', 'RESIGNATION')).toEqual([]);
  });
});

describeWithCorpus(CORPUS_FILES, 'statement links: the speaker’s own clause, and one-word fragments', () => {
  const linkedTo = (body: string, type: string) => {
    const x = extractTestArticle(body);
    return x.events.filter((e) => e.type === type).flatMap((e) => (e.statementIndexes ?? []).map((i) => x.statements[i].text));
  };

  it('does not link what a speaker says to an event told in a relative clause about the speaker', () => {
    expect(linkedTo(corpusText('bbc:politics/184', 'Former minister Clare Short, who resigned', '.'), 'RESIGNATION')).toEqual([]);
    expect(linkedTo(corpusText('bbc:politics/005', 'Mr Balls, who stepped down', '.'), 'RESIGNATION')).toEqual([]);
  });

  it('still links the words a speech act is done in ("Trump attacked Clinton …, saying …")', () => {
    const said = linkedTo(corpusText('polnear:usa-today_2016-09-08_candidates-vie-for-vets-support-', 'During a national security speech', 'unstable."'), 'ACCUSE');
    expect(said.some((t) => t.includes('trigger-happy'))).toBe(true);
  });

  it('links no one-word statement, capitalised or not', () => {
    const x = extractTestArticle('Acme Telecom emerged from bankruptcy protection in 1999, and is now known as MCI.');
    const mci = x.statements.findIndex((s) => s.text === 'MCI');
    expect(mci).toBeGreaterThanOrEqual(0);
    expect(x.events.map((e) => e.type)).toContain('BUSINESS');
    expect(x.events.flatMap((e) => e.statementIndexes ?? [])).not.toContain(mci);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: an option to buy', () => {
  it('is no purchase; exercising it is', () => {
    expect(ofType(corpusText('bbc:business/130', 'The airline, SpiceJet,', 'more aircraft.'), 'BUSINESS')).toEqual([]);
    expect(ofType(corpusText('reuters:1276', 'An American Aircraft official', '49 pct.'), 'BUSINESS')).toEqual([]);
    expect(ofType('Trelleborg AB said it was exercising an option to acquire Boliden AB.', 'BUSINESS')).toEqual(['BUSINESS/acquisition Trelleborg AB → Boliden AB']);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: denying someone something', () => {
  it('deprives them and rejects nothing; denying their claims still rejects', () => {
    expect(ofType(corpusText('bbc:entertainment/144', 'Rapper Eminem', 'of the year'), 'REJECT')).toEqual([]);
    expect(ofType(corpusText('bbc:sport/104', 'And the Blues', 'tackle.'), 'REJECT')).toEqual([]);
    expect(ofType(corpusText('bbc:business/336', 'Merrill Lynch denied', 'continent'), 'REJECT')).toEqual(['REJECT Merrill Lynch → Villalba']);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: criticism dismissed', () => {
  it('is no dismissal from a job; someone unfairly dismissed is', () => {
    expect(ofType(corpusText('polnear:huff-post_2016-02-12_the-democratic-primary-is-a-figh', 'After several skirmishes', '.'), 'RESIGNATION')).toEqual([]);
    expect(ofType(corpusText('bbc:politics/275', 'Michael Howard has dismissed', '.'), 'RESIGNATION')).toEqual([]);
    expect(ofType(corpusText('bbc:business/336', 'An employment tribunal', 'unequal pay'), 'RESIGNATION')).toEqual([]);
    expect(ofType('The bank said Smith had been unfairly dismissed by Acme Corp last year.', 'RESIGNATION')).toEqual(['RESIGNATION/dismissal Acme Corp → Smith']);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: venture capital, takeover rules', () => {
  it('reads venture capitalists as no joint venture and takeover rules or a likely target as no bid', () => {
    expect(ofType(corpusText('bbc:business/369', 'Alfa-Eco, the venture', 'Sun Interbrew.'), 'BUSINESS').filter((x) => x.includes('joint_venture'))).toEqual([]);
    expect(ofType(corpusText('bbc:business/017', 'Less welcome', 'five years ago.'), 'BUSINESS').filter((x) => x.includes('/bid'))).toEqual([]);
    expect(ofType('Acme Corp formed a joint venture with Widget Inc last year.', 'BUSINESS')).toEqual(['BUSINESS/joint_venture Acme Corp → Widget Inc']);
  });
});

it('reads a plural acronym ("super PACs", "SUVs") as a kind of thing, no party', () => {
  expect(ofType('Senator Jane Doe railed against super PACs on Monday.', 'ACCUSE')).toEqual([]);
  expect(ofType('Acme Corp blamed fuel prices for weak sales of SUVs.', 'ACCUSE')).toEqual([]);
  expect(ofType('The two DJs were sacked after the broadcast.', 'RESIGNATION')).toEqual([]);
  expect(ofType('Widget Inc launched software for their PCs on Monday.', 'BUSINESS')).toEqual(['BUSINESS/product Widget Inc → -']);
  // Lawmakers named so are a group, as "senators" are.
  expect(ofType('John Smith has apologised to MPs for the error.', 'CONCEDE')).toEqual(['CONCEDE John Smith → MPs']);
});

it('reads a figure that declined to a number as a fall, no refusal', () => {
  expect(ofType('Acme Corp said its car output declined to 12,345 units from 13,000.', 'REJECT')).toEqual([]);
  expect(ofType('The surplus had declined to some 150 mln dlrs, Widget Inc said.', 'REJECT')).toEqual([]);
  expect(ofType('Acme Corp declined to renew the offer made by Widget Inc.', 'REJECT')).toEqual(['REJECT Acme Corp → -']);
});

it('reads a cross met by a player as no meeting, and players drawn to meet in a round as a match', () => {
  expect(ofType('John Smith met Peter Jones\' cross at the near post.', 'CONSULT')).toEqual([]);
  expect(ofType('Jones fired in a cross, which was met by Smith at the back post.', 'CONSULT')).toEqual([]);
  expect(ofType('Smith is set to meet Frenchman Paul Martin in the first round of the Australian Open.', 'CONSULT')).toEqual([]);
  expect(ofType('Smith is set to meet Frenchman Paul Martin in the first round of the Australian Open.', 'SPORT')).toEqual(['SPORT/match Smith → Paul Martin']);
  expect(ofType('North Korean leader Kim Jong Un met Russian President Vladimir Putin on Thursday.', 'CONSULT')).toEqual(['CONSULT/meeting Kim Jong Un → Vladimir Putin']);
});
