import { expect, it } from 'vitest';
import { eventSummariesOfType as ofType, extractTestArticle } from '../helpers/test-article.ts';
import { corpusText } from '../helpers/corpus-text.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';

// The corpus files whose articles these tests read (never copied here: see tests/helpers/corpus-text.ts).
const CORPUS_FILES = ['bbc.jsonl', 'polnear-traindev.jsonl', 'reuters21578.jsonl'] as const;

// Sentences from PolNeAR and Reuters articles (the events gold's development part, and articles the
// events gold does not hold): rules of this round for reading events, each also read on BBC,
// PolNeAR train and Reuters before and after.

describeWithCorpus(CORPUS_FILES, 'typed events: holding someone in contempt', () => {
  it('reads the one held as the target and a chamber’s panel as the source', () => {
    expect(ofType(corpusText('polnear:politico_2016-09-22_house-panel-votes-to-hold-clinto', 'A House', 'of state.'), 'LEGAL')).toEqual(['LEGAL/contempt House panel → Bryan Pagliano']);
  });

  it('needs no named holder; a contempt resolution sent on, or a hypothetical contempt, is none', () => {
    expect(ofType(corpusText('polnear:politico_2016-09-23_partisan-fireworks-over-clinton-', 'On Thursday,', 'a subpoena.'), 'LEGAL')).toEqual(['LEGAL/contempt - → Pagliano']);
    expect(ofType(corpusText('polnear:politico_2016-09-22_house-panel-votes-to-hold-clinto', 'The House', 'full House.'), 'LEGAL')).toEqual([]);
    expect(ofType(corpusText('reuters:4750', '<Dittler Brothers>', 'court order.'), 'LEGAL')).toEqual([]);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: what is bought in a place', () => {
  it('is bought there, not from the place', () => {
    expect(ofType(corpusText('reuters:1235', 'Perini Investment', 'undisclosed amount.'), 'BUSINESS')).toEqual(['BUSINESS/acquisition Perini Investment Properties Inc → -']);
    expect(ofType(corpusText('reuters:1127', 'Boget Oil', 'mln dlrs.'), 'BUSINESS')).toEqual(['BUSINESS/acquisition Boget Oil Co → -']);
  });

  it('keeps the company a stake is bought in', () => {
    expect(ofType(corpusText('reuters:960', '<Lai Sun', 'mln dlrs.'), 'BUSINESS')).toContain('BUSINESS/acquisition Lai Sun Garment Co ltd → Hk Hotels');
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: a critic’s comparison', () => {
  it('reads "Think X meets Y" as no meeting', () => {
    expect(ofType("Think ''Barton Fink'' meets ''A Serious Man.'' With dancing.", 'CONSULT')).toEqual([]);
    expect(ofType(corpusText('bbc:tech/256', 'Think of', 'on Kraftwerk.'), 'CONSULT')).toEqual([]);
  });

  it('keeps a meeting', () => {
    expect(ofType(corpusText('reuters:1900', 'President Francesco', 'Bettino Craxi.'), 'CONSULT').map((e) => e.split(' →')[0])).toEqual(['CONSULT/meeting Francesco Cossiga']);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: taking over from someone', () => {
  it('is a post passed on, no acquisition', () => {
    expect(ofType(corpusText('bbc:sport/403', 'Coach Andy', 'Cup stars.'), 'BUSINESS')).toEqual([]);
    expect(ofType(corpusText('bbc:sport/334', 'Stevens takes', 'last weekend.'), 'BUSINESS')).toEqual([]);
    expect(ofType(corpusText('bbc:politics/058', 'He said', 'in July.'), 'BUSINESS')).toEqual([]);
  });

  it('keeps a company taken over', () => {
    expect(ofType(corpusText('bbc:business/456', 'Gazprom, the', 'October 2004.'), 'BUSINESS')).toEqual(['BUSINESS/acquisition Gazprom → Atomstroieksport']);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: reticence is no rejection', () => {
  it('reads declining to put a figure on something, give details or be interviewed as no event', () => {
    expect(ofType(corpusText('reuters:1227', 'AMR declined', 'billion dlrs.'), 'REJECT')).toEqual([]);
    expect(ofType(corpusText('bbc:sport/251', 'Krasner refused', 'the takeover.'), 'REJECT')).toEqual([]);
    expect(ofType('Ms. Brainard declined to be interviewed for this article.', 'REJECT')).toEqual([]);
    expect(ofType(corpusText('reuters:922', 'Prices for', 'it said.'), 'REJECT')).toEqual([]);
  });

  it('keeps a refusal to act', () => {
    expect(ofType(corpusText('bbc:sport/170', 'The Spanish Football Federation at', 'anti-violence commission.'), 'REJECT').length).toBe(1);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: goods sold are no deal', () => {
  it('reads "sold" after the goods, or "sold for" a price to nobody, as trade', () => {
    expect(ofType(corpusText('bbc:business/049', 'Last year,', 'a Mini.'), 'BUSINESS')).toEqual([]);
    expect(ofType(corpusText('reuters:1365', 'A membership', 'said today.'), 'BUSINESS')).toEqual([]);
  });

  it('keeps a sale for a price to a buyer', () => {
    expect(ofType(corpusText('bbc:business/049', 'BMW\'s Mini', 'Phoenix consortium.'), 'BUSINESS').length).toBe(1);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: earnings in money', () => {
  it('reads a company that earned or made a sum as reporting results', () => {
    expect(ofType(corpusText('bbc:business/011', 'During the', 'online advertising.'), 'BUSINESS')).toEqual(['BUSINESS/results Yahoo → -']);
  });

  it('gives a person’s earnings no company results', () => {
    expect(ofType(corpusText('bbc:entertainment/162', 'He kept', 'Re-Invention Tour.'), 'BUSINESS')).toEqual([]);
  });
});

describeWithCorpus(CORPUS_FILES, 'event dates: the base of a comparison', () => {
  it('is not when the event happened', () => {
    const gm = extractTestArticle(corpusText('bbc:business/467', 'For the', 'to $193bn.'), '2005-01-27');
    expect(gm.events.filter((e) => e.type === 'BUSINESS').map((e) => [e.startDate, e.precision])).toEqual([['2004-01-01', 'YEAR']]);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: a speaker agreeing', () => {
  it('reads "…," agreed X as speech, no agreement', () => {
    expect(ofType(corpusText('bbc:tech/286', '"Consumers are', 'Mr Morgenstern.'), 'AGREE')).toEqual([]);
  });

  it('keeps parties agreeing', () => {
    expect(ofType(corpusText('bbc:tech/383', 'Nokia and', 'iTunes phone.'), 'AGREE').length).toBe(1);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: a bid that is an attempt', () => {
  it('reads "in a bid to" and a price quote as no takeover bid', () => {
    expect(ofType(corpusText('bbc:business/395', 'Delta is', 'off insolvency.'), 'BUSINESS')).toEqual([]);
    expect(ofType(corpusText('reuters:59', '- Next', 'five points.'), 'BUSINESS')).toEqual([]);
  });

  it('keeps a bid for a company', () => {
    expect(ofType(corpusText('reuters:941', '<Underwoods Plc>', 'during talks.'), 'BUSINESS').length).toBe(1);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: meeting demands', () => {
  it('reads "met many of the government\'s demands" as no meeting', () => {
    expect(ofType(corpusText('bbc:business/104', 'They also', '46 states.'), 'CONSULT')).toEqual([]);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: a run for office', () => {
  it('is no company bid', () => {
    expect(ofType(corpusText('polnear:usa-today_2015-11-20_cruz-channeling-strategy-he-used', 'It\'s a', 'White House.'), 'BUSINESS')).toEqual([]);
    expect(ofType(corpusText('bbc:politics/361', 'Gordon Brown', '1230 GMT.'), 'BUSINESS')).toEqual([]);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: a contract awarded', () => {
  it('is a company deal from the one who awards it', () => {
    expect(ofType(corpusText('reuters:1600', 'The Department', 'Airlines Inc.'), 'BUSINESS')).toEqual(['BUSINESS/deal Department of Transportation → Trans World Airlines Inc.']);
    expect(ofType(corpusText('reuters:761', 'Vanguard Technologies', 'management services.'), 'SUPPORT')).toEqual([]);
  });

  it('reads a game show jackpot as no award', () => {
    expect(ofType(corpusText('bbc:entertainment/166', 'If she', 'US$100,000 (£52,590).'), 'SUPPORT')).toEqual([]);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: visiting one’s family', () => {
  it('is no official visit', () => {
    expect(ofType(corpusText('polnear:huff-post_2016-05-19_these-are-the-people-missing-in-', 'Monique Dalle,', 'on Facebook.'), 'CONSULT').filter((e) => e.includes('Esther'))).toEqual([]);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: a contest at the polls', () => {
  it('is an election, not a match', () => {
    expect(ofType(corpusText('polnear:wash-post_2016-04-15_democrats-to-sue-ariz-on-poll-ac', 'Clinton defeated', 'Arizona primary.'), 'ELECTION')).toEqual(['ELECTION Clinton → Sanders']);
    expect(ofType(corpusText('polnear:wash-post_2016-04-15_democrats-to-sue-ariz-on-poll-ac', 'Clinton defeated', 'Arizona primary.'), 'SPORT')).toEqual([]);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: copies sold, in words', () => {
  it('is trade, no deal', () => {
    expect(ofType(corpusText('bbc:entertainment/098', 'It has', 'two years.'), 'BUSINESS')).toEqual([]);
  });
});

it('reads "flew here" as a visit to the dateline’s place', () => {
  const x = extractTestArticle('KODIAK ISLAND - Last week, Senator Jane Doe flew here to meet fishermen and draw attention to the fisheries.');
  const visits = x.events.filter((e) => e.type === 'CONSULT' && e.mode === 'visit');
  expect(visits.map((e) => e.sources!.map((a) => a.name).join('+'))).toEqual(['Jane Doe']);
  expect(x.places.find((p) => p.key === visits[0].placeKey)?.name).toBe('Kodiak Island');
});

it('reads a disaster a speaker names with its place, not one spoken of as a figure', () => {
  expect(ofType('“Storms are stronger now, like the flooding in Louisiana,” said Professor Jane Doe.', 'DISASTER')).toEqual(['DISASTER/flood - → -']);
  expect(ofType('“There is an information tsunami out there,” said Professor Jane Doe.', 'DISASTER')).toEqual([]);
});

describeWithCorpus(CORPUS_FILES, 'typed events: a firm named by its trade', () => {
  it('reads "Lenox Healthcare" and its short name as a company, so its bankruptcy is its own', () => {
    expect(ofType(corpusText('polnear:nyt_2016-10-02_a-curious-plan-to-fight-climate-', 'In the 1990s,', 'in 1999.'), 'BUSINESS')).toContain('BUSINESS/bankruptcy Lenox Healthcare → -');
  });
});

it('reads a two-word name ending in a word of trade as a firm, not a person', () => {
  const x = extractTestArticle('Shares of Walter Energy fell on Monday after Mary Smith said Blackhawk Mining would bid for the mines.');
  expect(x.people.map((p) => p.name)).toEqual(['Mary Smith']);
  expect(x.organizations.map((o) => o.name)).toEqual(expect.arrayContaining(['Walter Energy', 'Blackhawk Mining']));
});

it('reads a counted body of endorsers, and a giver after "from", as the source of an endorsement', () => {
  expect(ofType('Donald Trump cited endorsements from 88 generals and admirals on Tuesday.', 'SUPPORT')).toEqual(['SUPPORT/endorsement 88 generals and admirals → Donald Trump']);
  expect(ofType('Jane Doe unveiled endorsements from 95 retired generals and admirals.', 'SUPPORT')).toEqual(['SUPPORT/endorsement 95 retired generals and admirals → Jane Doe']);
});

describeWithCorpus(CORPUS_FILES, 'typed events: an award received from a body', () => {
  it('is given by the body after "from", not by the award’s own name', () => {
    expect(ofType(corpusText('polnear:wash-post_2016-03-18_rabbis-vow-to-boycott-trump-spee', 'Still, Trump has sought', 'in Israel.'), 'SUPPORT')).toEqual(['SUPPORT/award Jewish National Fund → Trump']);
  });
});

it('reads the debate spin room or debate prep as no debate', () => {
  expect(ofType('Mike Lee endorsed Ted Cruz, speaking in the debate spin room on Thursday.', 'ELECTION')).toEqual([]);
  expect(ofType('Donald Trump attacked Hillary Clinton during the presidential debate.', 'ELECTION')).toEqual(['ELECTION/debate Donald Trump → Hillary Clinton']);
});

it('leaves a given name beside a firm named by its trade a person', () => {
  const x = extractTestArticle('John Doe was born to Henry and Sophie Doe in 1917. He later founded Henry Realty, a property firm.');
  expect(x.organizations.map((o) => o.name)).toContain('Henry Realty');
  expect(x.organizations.find((o) => o.name === 'Henry Realty')!.aliases).not.toContain('Henry');
});

it('dates what came from a counted body of people by its day, no comparison base', () => {
  const x = extractTestArticle('Jane Doe cited endorsements from 40 retired mayors Tuesday.');
  expect(x.events.filter((e) => e.type === 'SUPPORT').map((e) => [e.startDate, e.precision])).toEqual([['2019-04-16', 'DAY']]);
});
