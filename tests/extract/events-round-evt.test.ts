import { describe, expect, it } from 'vitest';
import { eventSummariesOfType as ofType, extractTestArticle } from '../helpers/test-article.ts';

// Sentences from PolNeAR and Reuters articles (the events gold's development part, and articles the
// events gold does not hold): rules of this round for reading events, each also read on BBC,
// PolNeAR train and Reuters before and after.

describe('typed events: holding someone in contempt', () => {
  it('reads the one held as the target and a chamber’s panel as the source', () => {
    expect(ofType('A House panel voted Thursday to hold Bryan Pagliano, a former technology aide to Hillary Clinton, in contempt of Congress for refusing to testify about the private email set-up Clinton used as secretary of state.', 'LEGAL')).toEqual(['LEGAL/contempt House panel → Bryan Pagliano']);
  });

  it('needs no named holder; a contempt resolution sent on, or a hypothetical contempt, is none', () => {
    expect(ofType('On Thursday, the panel held Pagliano in contempt of Congress for refusing to show up to a hearing despite a subpoena.', 'LEGAL')).toEqual(['LEGAL/contempt - → Pagliano']);
    expect(ofType('The House Oversight and Government Reform Committee voted 19-15 along party lines, to send a contempt resolution to the full House.', 'LEGAL')).toEqual([]);
    expect(ofType('<Dittler Brothers> said a court-appointed auditor has recommended that Bally Manufacturing Corp\'s Scientific Games Inc subsidiary should be held in contempt of the Fulton County Superior Court in Georgia as a result of alleged violation of a court order.', 'LEGAL')).toEqual([]);
  });
});

describe('typed events: what is bought in a place', () => {
  it('is bought there, not from the place', () => {
    expect(ofType('Perini Investment Properties Inc said it has purchased three industrial/warehouse properties in Boca Raton, Fla., and one in Pompano Beach, Fla., for an undisclosed amount.', 'BUSINESS')).toEqual(['BUSINESS/acquisition Perini Investment Properties Inc → -']);
    expect(ofType('Boget Oil Co said it has purchased interests in about 200 wells in Oklahoma and seven medium-depth drilling rigs for 4.5 mln dlrs.', 'BUSINESS')).toEqual(['BUSINESS/acquisition Boget Oil Co → -']);
  });

  it('keeps the company a stake is bought in', () => {
    expect(ofType('<Lai Sun Garment Co ltd> yesterday said it acquired a 10 pct stake in Hk Hotels from Liang for 530 mln dlrs.', 'BUSINESS')).toContain('BUSINESS/acquisition Lai Sun Garment Co ltd → Hk Hotels');
  });
});

describe('typed events: a critic’s comparison', () => {
  it('reads "Think X meets Y" as no meeting', () => {
    expect(ofType("Think ''Barton Fink'' meets ''A Serious Man.'' With dancing.", 'CONSULT')).toEqual([]);
    expect(ofType('Think of it as Donkey Kong meets Norman Cook, or maybe Tetris takes on Kraftwerk.', 'CONSULT')).toEqual([]);
  });

  it('keeps a meeting', () => {
    expect(ofType('President Francesco Cossiga meets political leaders to discuss how to form a new government following the resignation of Prime Minister Bettino Craxi.', 'CONSULT').map((e) => e.split(' →')[0])).toEqual(['CONSULT/meeting Francesco Cossiga']);
  });
});

describe('typed events: taking over from someone', () => {
  it('is a post passed on, no acquisition', () => {
    expect(ofType('Coach Andy Robinson, who took over from the successful Sir Clive Woodward in September, has lost a phalanx of World Cup stars.', 'BUSINESS')).toEqual([]);
    expect(ofType('Stevens takes over from Phil Vickery, who suffered a broken arm playing for Gloucester last weekend.', 'BUSINESS')).toEqual([]);
    expect(ofType('He said "it is more likely than not" that the ban would be lifted before Britain takes over the presidency of the EU from Luxembourg in July.', 'BUSINESS')).toEqual([]);
  });

  it('keeps a company taken over', () => {
    expect(ofType('Gazprom, the biggest gas company in the world, took over nuclear fuel giant Atomstroieksport in October 2004.', 'BUSINESS')).toEqual(['BUSINESS/acquisition Gazprom → Atomstroieksport']);
  });
});

describe('typed events: reticence is no rejection', () => {
  it('reads declining to put a figure on something, give details or be interviewed as no event', () => {
    expect(ofType('AMR declined to value the deal, which analysts estimated at roughly 2.4 billion dlrs.', 'REJECT')).toEqual([]);
    expect(ofType('Krasner refused to give any details of the finances involved in the takeover.', 'REJECT')).toEqual([]);
    expect(ofType('Ms. Brainard declined to be interviewed for this article.', 'REJECT')).toEqual([]);
    expect(ofType('Prices for major metals expressed in real U.S. Dollars declined to the lowest levels in about 50 years, it said.', 'REJECT')).toEqual([]);
  });

  it('keeps a refusal to act', () => {
    expect(ofType('The Spanish Football Federation at first declined to take action against Aragones, but was then requested to do so by Spain\'s anti-violence commission.', 'REJECT').length).toBe(1);
  });
});

describe('typed events: goods sold are no deal', () => {
  it('reads "sold" after the goods, or "sold for" a price to nobody, as trade', () => {
    expect(ofType('Last year, almost one in six cars sold by the BMW group was a Mini.', 'BUSINESS')).toEqual([]);
    expect(ofType('A membership seat on the Chicago Board Options Exchange (CBOE) sold for a record 342,000 dlrs Friday, the exchange said today.', 'BUSINESS')).toEqual([]);
  });

  it('keeps a sale for a price to a buyer', () => {
    expect(ofType("BMW's Mini adventure has made good much of what went wrong during its stewardship of the UK car maker Rover which it sold for £10 five years ago to the Phoenix consortium.", 'BUSINESS').length).toBe(1);
  });
});

describe('typed events: earnings in money', () => {
  it('reads a company that earned or made a sum as reporting results', () => {
    expect(ofType('During the same quarter, Yahoo earned $187m, again tipping a resurgence in online advertising.', 'BUSINESS')).toEqual(['BUSINESS/results Yahoo → -']);
  });

  it('gives a person’s earnings no company results', () => {
    expect(ofType('He kept Madonna in second place, as she earned $54.9m (£29.5m) while embarking on her global Re-Invention Tour.', 'BUSINESS')).toEqual([]);
  });
});

describe('event dates: the base of a comparison', () => {
  it('is not when the event happened', () => {
    const gm = extractTestArticle('For the whole of 2004, GM earned $3.7bn, down from $3.8bn in 2003, while its annual revenue rose 4.5% to $193bn.', '2005-01-27');
    expect(gm.events.filter((e) => e.type === 'BUSINESS').map((e) => [e.startDate, e.precision])).toEqual([['2004-01-01', 'YEAR']]);
  });
});

describe('typed events: a speaker agreeing', () => {
  it('reads "…," agreed X as speech, no agreement', () => {
    expect(ofType('"Consumers are hungry for it and we will discover new models together," agreed Mr Morgenstern.', 'AGREE')).toEqual([]);
  });

  it('keeps parties agreeing', () => {
    expect(ofType('Nokia and Microsoft have agreed a deal to work on delivery of music to handsets, while Sony Ericsson has unveiled its phone Walkman and Motorola is working on an iTunes phone.', 'AGREE').length).toBe(1);
  });
});

describe('typed events: a bid that is an attempt', () => {
  it('reads "in a bid to" and a price quote as no takeover bid', () => {
    expect(ofType('Delta is restructuring in a bid to fight off insolvency.', 'BUSINESS')).toEqual([]);
    expect(ofType('- Next week Mississippi River (St Louis) 120 pct bid/127-1/2 offered - up five points.', 'BUSINESS')).toEqual([]);
  });

  it('keeps a bid for a company', () => {
    expect(ofType('<Underwoods Plc> said it had not been possible to agree terms on a bid to be made by Woolworth Holdings Plc <WLUK.L> during talks.', 'BUSINESS').length).toBe(1);
  });
});

describe('typed events: meeting demands', () => {
  it('reads "met many of the government\'s demands" as no meeting', () => {
    expect(ofType("They also said that they have met many of the government's demands laid out in a landmark $206bn settlement hammered out in 1998 with 46 states.", 'CONSULT')).toEqual([]);
  });
});

describe('typed events: a run for office', () => {
  it('is no company bid', () => {
    expect(ofType("It's a strategy some believe he could replicate in his current bid for the White House.", 'BUSINESS')).toEqual([]);
    expect(ofType("Gordon Brown will seek to put the economy at the centre of Labour's bid for a third term in power when he delivers his ninth Budget at 1230 GMT.", 'BUSINESS')).toEqual([]);
  });
});

describe('typed events: a contract awarded', () => {
  it('is a company deal from the one who awards it', () => {
    expect(ofType('The Department of Transportation said it has tentatively awarded the Baltimore to London route to Trans World Airlines Inc.', 'BUSINESS')).toEqual(['BUSINESS/deal Department of Transportation → Trans World Airlines Inc.']);
    expect(ofType('Vanguard Technologies International Inc said it was awarded a 2.2 mln dlr contract from the Office of the Secretary of Defense to provide facilities management services.', 'SUPPORT')).toEqual([]);
  });

  it('reads a game show jackpot as no award', () => {
    expect(ofType('If she picks the correct man from the line-up, the contestant wins the jackpot prize of US$100,000 (£52,590).', 'SUPPORT')).toEqual([]);
  });
});

describe('typed events: visiting one’s family', () => {
  it('is no official visit', () => {
    expect(ofType('Monique Dalle, a member of the Parisian congregation of the Living Church of God, was traveling to Cairo to visit her daughter Esther, the church posted on Facebook.', 'CONSULT').filter((e) => e.includes('Esther'))).toEqual([]);
  });
});

describe('typed events: a contest at the polls', () => {
  it('is an election, not a match', () => {
    expect(ofType('Clinton defeated Sanders by 20 points in the Arizona primary.', 'ELECTION')).toEqual(['ELECTION Clinton → Sanders']);
    expect(ofType('Clinton defeated Sanders by 20 points in the Arizona primary.', 'SPORT')).toEqual([]);
  });
});

describe('typed events: copies sold, in words', () => {
  it('is trade, no deal', () => {
    expect(ofType('It has sold more than eight million copies worldwide in little over two years.', 'BUSINESS')).toEqual([]);
  });
});
