import { expect, it } from 'vitest';
import { eventSummaries as events, eventSummariesOfType as ofType } from '../helpers/test-article.ts';
import { corpusText } from '../helpers/corpus-text.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';

// The corpus files whose articles these tests read (never copied here: see tests/helpers/corpus-text.ts).
const CORPUS_FILES = ['bbc.jsonl', 'polnear-traindev.jsonl', 'reuters21578.jsonl'] as const;

// Sentences from the train corpora (BBC, Reuters-21578, PolNeAR train), none from the events gold:
// the PLOVER/CAMEO coverage lexicon (src/extract/events/lexicon-plover.ts) and the argument
// patterns that hold beyond the gold's articles (issue 16).

describeWithCorpus(CORPUS_FILES, 'typed events: the CAMEO/PLOVER coverage lexicon', () => {
  it('reads wire-copy deals: a purchase, a letter of intent, an appointment with its company', () => {
    expect(events(corpusText('reuters:11923', 'Southmark Corp', 'Holding Corp ') + corpusText('reuters:11923', 'for cash', 'Southmark securities') + '.')).toContain('BUSINESS/acquisition Southmark Corp → Georgia International Life Insurance Co');
    expect(events(corpusText('reuters:10971', 'Hughes Supply', 'wholesale distributor') + '.')).toContain('BUSINESS/deal Hughes Supply Inc → -');
    expect(events(corpusText('polnear:breitbart_2016-01-19_long-time-leaders-of-conservativ', 'In 1962', 'of YAF.'))).toContain('APPOINTMENT YAF → Viguerie');
    // The company that announces the appointment of its officer appoints them.
    expect(events(corpusText('reuters:16880', 'Calny Inc', 'interim basis') + '.')).toContain('APPOINTMENT Calny Inc → M. Hal Taylor');
    expect(events(corpusText('bbc:tech/022', 'Sun Microsystems', 'the hour.'))).toContain('BUSINESS/product Sun Microsystems → -');
  });

  it('reads cooperation, discussions and calls between parties', () => {
    expect(ofType('Deutsche Babcock AG' + corpusText('reuters:12895', ' said it', 'BASF AG ') + corpusText('reuters:12895', 'and the', 'Industries Ltd ') + 'in the field of environmental protection.', 'CO')).toEqual(['COOPERATE Deutsche Babcock AG → BASF AG']);
    expect(events(corpusText('bbc:business/251', 'The largest', 'as saying.'))).toContain('CONSULT/talks Verizon → MCI');
    expect(events(corpusText('polnear:breitbart_2016-02-20_the-latest-hillary-clinton-tells', 'Bernie Sanders is', 'Hillary Clinton.'))).toContain('CONSULT/call Bernie Sanders → Hillary Clinton');
  });

  it('reads sanctions imposed, withdrawals and match wins', () => {
    expect(events(corpusText('reuters:17216', 'The U.S.', 'personal computers') + '.')).toContain('SANCTION U.S. Administration → -');
    expect(events(corpusText('bbc:business/148', 'The news', 'buy Fiat.'))).toContain('RETREAT/withdrawal GM → Fiat');
    expect(events(corpusText('bbc:sport/430', 'Daniela Hantuchova', 'Serena Williams.'))).toContain('SPORT/match Daniela Hantuchova → Elene Likhotseva');
  });

  it('reads results, acquittals and voters at the polls', () => {
    expect(events(corpusText('reuters:2890', 'For 1986,', 'post-split basis.'))).toContain('BUSINESS/results Trust → -');
    expect(events(corpusText('bbc:sport/082', 'Sprinters Kostas', 'independent tribunal.'))).toContain('LEGAL/trial - → Katerina Thanou+Kostas Kenteris');
    expect(events(corpusText('polnear:wash-post_2016-04-21_what-s-next-for-sanders-much-res', 'But his', 'the polls.'))).toContain('ELECTION New Yorkers → -');
  });

  it('reads charges faced and elections lost to a rival, and keeps fixtures faced', () => {
    expect(events(corpusText('bbc:sport/081', 'Thanou and', 'motorcycle accident') + '.')).toContain('LEGAL/charge - → Kenteris+Thanou');
    expect(events(corpusText('polnear:usa-today_2016-04-26_superdelegates-dems-have-too-man', 'But McGovern', 'Washington, D.C.'))).toContain('ELECTION McGovern → Richard Nixon');
    expect(events(corpusText('bbc:sport/122', 'Brentford face', 'their replay') + '.')).toContain('SPORT/match Brentford → Manchester United');
  });

  it('leaves out the words’ other senses: a player’s injury withdrawal, a figure that declined, albums sold, voters won over', () => {
    expect(events(corpusText('bbc:sport/478', 'Kim Clijsters', 'wrist injury.')).filter((e) => e.startsWith('RETREAT'))).toEqual([]);
    expect(ofType(corpusText('polnear:nyt_2016-07-15_latest-poll-has-trump-pulling-ev', 'But voters\'', 'last month.'), 'REJECT')).toEqual([]);
    expect(ofType(corpusText('bbc:entertainment/262', 'Before the', 'the world.'), 'BUSINESS')).toEqual([]);
    expect(ofType(corpusText('polnear:nyt_2016-04-23_campaign-for-trump-says-he-ll-re', 'Mr. Trump is', 'calls a ') + '"corrupt"' + corpusText('polnear:nyt_2016-04-23_campaign-for-trump-says-he-ll-re', ' process in', 'party stalwarts') + '.', 'SPORT')).toEqual([]);
  });
});

describeWithCorpus(CORPUS_FILES, 'typed events: argument patterns that hold in general', () => {
  it('a relative "which" takes the organisation before it as subject, past the person it belongs to', () => {
    expect(events(corpusText('polnear:nyt_2016-01-30_traditionally-democrat-unions-ar', 'Christopher M.', 'said that ') + 'polling showed support lagging.')).toContain('SUPPORT/endorsement Communications Workers of America → Sanders');
  });

  it('a relative "who" takes the person past an apposition, and a name after a preposition is no co-subject', () => {
    expect(events('\'\'It\'s a dis' + corpusText('polnear:nyt_2016-04-28_nomination-almost-certain-clinto', 'service to', 'Mrs. Clinton.'))).toContain('SUPPORT Edward G. Rendell → Clinton');
    expect(events(corpusText('polnear:wash-post_2016-04-30_indiana-governor-endorses-cruz-b', 'At a', 'Indiana\'s economy.'))).toContain('SUPPORT Cruz → Pence');
  });

  it('a noun’s "by" agent past its object is the source ("the purchase of X by Y")', () => {
    expect(events(corpusText('bbc:business/332', 'Russia\'s president', 'unit by ') + corpusText('bbc:business/332', 'Rosneft, saying', 'market principles.'))).toContain('BUSINESS/acquisition Rosneft → Yukos');
  });

  it('whoever secures an endorsement receives it from the one named after "of"', () => {
    expect(events(corpusText('polnear:politico_2016-01-28_super-pac-blasts-trump-for-skipp', 'Earlier this', 'undocumented immigrants.'))).toContain('SUPPORT/endorsement Joe Arpaio → Trump');
  });

  it('a country before a company noun only says where the company is from', () => {
    expect(ofType(corpusText('bbc:business/417', 'Shares in', 'Wells Fargo.'), 'CONSULT')).toEqual(['CONSULT/talks Barclays → Wells Fargo']);
  });

  it('a title with a nationality may stand before the second of two parties', () => {
    expect(events('S' + corpusText('polnear:west-journal_2016-09-06_schlafly-s-final-column-explains', 'he wrote,', 'Cold War.”'))).toContain('CONSULT/meeting Reagan → Mikhail Gorbachev');
  });

  it('a name after "and" with no object before it starts a new clause, it is no target', () => {
    expect(events(corpusText('polnear:wash-post_2015-12-04_a-killing-and-video-test-emanuel', 'Over the', 'F. McCarthy') + '.').join()).not.toMatch(/LEGAL\S* .*→ .*Emanuel/);
  });

  it('a sentence’s first word the article also writes in lower case is no part of a name', () => {
    const body = corpusText('polnear:politico_2016-07-24_al-gore-to-skip-democratic-conve', 'The Tennessean', 'earlier Sunday.') + ' ' + corpusText('polnear:politico_2016-07-24_al-gore-to-skip-democratic-conve', 'Earlier Sunday,', 'from POLITICO.');
    expect(events(body).join()).not.toContain('Earlier Sunday');
  });

  it('an agreement to do something is the thing agreed on, not a second event', () => {
    expect(ofType('Deutsche Babcock AG' + corpusText('reuters:12895', ' said it', 'BASF AG ') + corpusText('reuters:12895', 'and the', 'Industries Ltd ') + 'in the field of environmental protection.', 'AGREE')).toEqual([]);
  });

  it('a bid by a person is for office, no company bid', () => {
    expect(ofType(corpusText('polnear:breitbart_2016-03-20_news-guide-donors-flocked-to-rub', 'Rubio, a Florida', 'home state.'), 'BUSINESS')).toEqual([]);
    expect(ofType('And it\'' + corpusText('polnear:breitbart_2016-03-20_news-guide-donors-flocked-to-rub', 's why New', 'available cash.'), 'BUSINESS')).toEqual([]);
  });

  it('a demand is made of whom it addresses, not of a name inside what it asks for', () => {
    expect(events(corpusText('polnear:wash-post_2016-03-18_rabbis-vow-to-boycott-trump-spee', 'And Jewish', 'as remin') + 'ders.').filter((e) => e.startsWith('REQUEST') && !e.endsWith('→ -'))).toEqual([]);
    expect(events(corpusText('polnear:usa-today_2016-08-24_turkish-suspect-donated-to-clint', 'Turkish President', 'extradite G') + 'ulen.')).toContain('REQUEST Recep Tayyip Erdogan → United States');
  });

  it('a reported clause with a common-noun subject does not take the reporter as its subject', () => {
    expect(events(corpusText('bbc:politics/376', 'The Lib', 'over leaks.'))).toEqual(['REQUEST Liberal Democrats → Peter Hain']);
  });

  it('an agreement between companies is a company deal, not an agreement between governments', () => {
    expect(events(corpusText('reuters:19306', 'Chyron Corp', 'American Bank.'))).toContain('BUSINESS/deal Chyron Corp → European American Bank');
  });
});
