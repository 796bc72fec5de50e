import { expect, it } from 'vitest';
import { loadGoldArticles } from '../../src/eval/events-sample.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { datelineInText } from '../../src/extract/events/event-place.ts';
import type { Extraction } from '../../src/extract/types.ts';
import { bbcStory, describeWithCorpus } from '../helpers/corpus.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { corpusText } from '../helpers/corpus-text.ts';

// The corpus files whose articles these tests read (never copied here: see tests/helpers/corpus-text.ts).
const CORPUS_FILES = ['bbc.jsonl', 'polnear-traindev.jsonl'] as const;

// Where an event happened (src/extract/events/event-place.ts), on real article text.
const placeOf = (x: Extraction, type: string, test: (title: string) => boolean) => {
  const e = x.events.find((ev) => ev.type === type && test(ev.title));
  expect(e, `no ${type} event`).toBeDefined();
  return x.places.find((p) => p.key === e!.placeKey)?.name ?? null;
};
const article = (doc: string) => extractArticle(loadGoldArticles([doc]).get(doc)!);

describeWithCorpus(CORPUS_FILES, 'event places on the seed articles', () => {
  const seed = article('seed:000_f5ecbbdfcd50e156.txt');

  it('the Kim–Putin meeting takes the city its later mention gives, not only "travel to Russia"', () => {
    expect(placeOf(seed, 'CONSULT', (t) => t.includes('Kim Jong Un') && t.includes('Vladimir Putin'))).toBe('Vladivostok');
  });

  it('a visit is where the visitor travelled to ("travelled to Vladivostok", "travelled four times to North Korea")', () => {
    expect(placeOf(seed, 'CONSULT', (t) => t.includes('Kim Chang Son'))).toBe('Vladivostok');
    expect(placeOf(seed, 'CONSULT', (t) => t.startsWith('Mike Pompeo'))).toBe('North Korea');
  });

  it('the Hanoi summit is in Hanoi, the Singapore talks in Singapore', () => {
    expect(placeOf(seed, 'CONSULT', (t) => t.includes('summit') && t.includes('Donald Trump'))).toBe('Hanoi');
    expect(placeOf(seed, 'CONSULT', (t) => t.includes('talks in Singapore'))).toBe('Singapore');
  });
});

describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl', 'polnear-traindev.jsonl'], 'event places on corpus articles', () => {
  it('a place the recogniser missed, written as the location right after the trigger ("the debate stage in Cleveland")', () => {
    const x = article('polnear:usa-today_2016-09-23_ready-for-trump-vs-clinton-his-p');
    const debates = x.events.filter((e) => e.type === 'ELECTION' && e.mode === 'debate');
    expect(debates.map((e) => x.places.find((p) => p.key === e.placeKey)?.name ?? null)).toContain('Cleveland');
    expect(x.places.find((p) => p.name === 'Cleveland')?.geo?.countryCode).toBe('US');
  });

  it('a named venue after the trigger ("at the Sunnylands estate in California"), and a disaster named by its region ("the Asian tsunami")', () => {
    const nyt = article('polnear:nyt_2016-09-08_obama-on-climate-change-the-tren');
    expect(placeOf(nyt, 'CONSULT', (t) => t.includes('Xi'))).toBe('Sunnylands');
    expect(placeOf(extractArticle(bbcStory('entertainment/309')), 'DISASTER', () => true)).toBe('Asia');
  });

  it('"a by-election in the … stronghold of Iwate Prefecture" is in Iwate Prefecture', () => {
    const x = article('reuters:5208');
    expect(placeOf(x, 'ELECTION', (t) => t.includes('by-election') || t.includes('LDP'))).toBe('Iwate Prefecture');
  });

  it('a match "at the Dubai Tennis Championships" is in Dubai, and so are the report\'s other matches', () => {
    const x = extractArticle(bbcStory('sport/421'));
    const matches = x.events.filter((e) => e.type === 'SPORT');
    expect(matches.length).toBeGreaterThan(1);
    expect(matches.map((e) => x.places.find((p) => p.key === e.placeKey)?.name)).toEqual(matches.map(() => 'Dubai'));
  });

  it('a law is where it is passed: the state the article is about (California)', () => {
    const x = extractArticle(bbcStory('tech/377'));
    expect(placeOf(x, 'LEGAL', () => true)).toBe('California');
  });

  it('an invasion is of the country invaded ("Russia’s invasion of Ukraine")', () => {
    const x = article('polnear:huff-post_2016-09-10_trump-s-east-european-achilles-h');
    const invasions = x.events.filter((e) => e.type === 'ASSAULT').map((e) => x.places.find((p) => p.key === e.placeKey)?.name);
    expect(invasions).toEqual(expect.arrayContaining(['Ukraine', 'Georgia']));
  });

  it('an election with no place written is in the country the article is about (TOKYO dateline, Japan)', () => {
    const x = article('reuters:5208');
    // The by-election has its place written ("in the … stronghold of Iwate Prefecture"): see above.
    const elections = x.events.filter((e) => e.type === 'ELECTION' && e.mode !== 'by-election');
    expect(elections.length).toBeGreaterThan(0);
    expect(elections.every((e) => x.places.find((p) => p.key === e.placeKey)?.name === 'Japan')).toBe(true);
  });
});

describeWithCorpus(['bbc.jsonl', 'polnear-traindev.jsonl'], 'acts done in words are not placed by what was said', () => {
  it('"urged Care International … to close its office in Baghdad" is no request made in Baghdad; "attacked Clinton for … military action in Iraq" no attack in Iraq', () => {
    const x = extractArticle(bbcStory('politics/150'));
    const requests = x.events.filter((e) => e.type === 'REQUEST').map((e) => x.places.find((p) => p.key === e.placeKey)?.name ?? null);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((p) => p === 'Baghdad' || p === 'Iraq')).toEqual([]);
    const y = article('polnear:usa-today_2016-09-08_candidates-vie-for-vets-support-');
    const attack = y.events.find((e) => e.type === 'ACCUSE' && y.places.some((p) => p.key === e.placeKey && p.name === 'Iraq'));
    expect(attack).toBeUndefined();
  });

  it('an award is placed at the ceremony written after it ("named best picture … at the Bangkok International Film Festival")', () => {
    const x = article('bbc:entertainment/309');
    expect(placeOf(x, 'SUPPORT', () => true)).toBe('Bangkok');
  });
});

describeWithCorpus(['bbc.jsonl'], 'a stake is held in a company, not a place', () => {
  it('"bought a 20% stake in Sina", "holds a 22% stake in Wembley": no deal placed in Sina or Wembley', () => {
    for (const [id, name] of [['business/208', 'Sina'], ['business/223', 'Wembley']]) {
      const x = extractArticle(bbcStory(id));
      const deals = x.events.filter((e) => e.type === 'BUSINESS');
      expect(deals.length, id).toBeGreaterThan(0);
      expect(deals.map((e) => x.places.find((p) => p.key === e.placeKey)?.name ?? null), id).not.toContain(name);
    }
  });
});

describeWithCorpus(['bbc.jsonl'], 'a relative clause set off by commas is a clause of its own', () => {
  it('"Tim Henman, who announced his … retirement …, … in Tel Aviv": the retirement is not in Tel Aviv', () => {
    const x = extractArticle(bbcStory('sport/437'));
    expect(placeOf(x, 'RESIGNATION', () => true)).toBeNull();
  });
});

describeWithCorpus(['reuters21578.jsonl'], '"here" is where the reporter files from', () => {
  it('"a council meeting here" (LONDON) and "talks here" (TOKYO) are held at the dateline', () => {
    const london = article('reuters:5382');
    expect(placeOf(london, 'CONSULT', () => true)).toBe('London');
    const tokyo = article('reuters:5151');
    expect(placeOf(tokyo, 'CONSULT', () => true)).toBe('Tokyo');
  });
});

describeWithCorpus(['reuters21578.jsonl', 'polnear-traindev.jsonl'], 'where the people had just gone', () => {
  it('"went directly into a closed-door meeting … after arriving in Moscow" is held in Moscow', () => {
    const x = article('reuters:16550');
    expect(placeOf(x, 'CONSULT', (t) => t.includes('meeting') || t.includes('Shevardnadze'))).toBe('Moscow');
  });

  it('"arrested after entering the debate venue", "also at Hofstra": the arrest and the debate are at Hofstra', () => {
    const x = article('polnear:breitbart_2016-09-26_green-party-candidate-jill-stein');
    expect(placeOf(x, 'LEGAL', () => true)).toBe('Hofstra');
    expect(placeOf(x, 'ELECTION', () => true)).toBe('Hofstra');
  });
});

describeWithCorpus(['polnear-traindev.jsonl'], 'the country an article is about', () => {
  it('"Syrian refugees" are people who left Syria: the Obama administration accepting them acts at home, in the United States', () => {
    const x = article('polnear:west-journal_2016-09-12_obama-seeks-more-muslim-refugees');
    expect(placeOf(x, 'AID', (t) => t.includes('administration'))).toBe('United States');
  });
});

describeWithCorpus(CORPUS_FILES, 'the dateline', () => {
  it('is read from a lead paragraph when the parser found none', () => {
    expect(datelineInText(corpusText('polnear:huff-post_2016-09-27_hillary-clinton-goes-after-donal', 'Hillary Clinton', 'Donald Trump') + corpusText('polnear:huff-post_2016-09-27_hillary-clinton-goes-after-donal', '.\n\nHEMPSTEAD,', 'Mitt Romney, ') + '…')).toBe('HEMPSTEAD, N.Y.');
    expect(datelineInText('Title.\n\nHEMPSTEAD, N.Y., Sept. 26 (UPI) — Green Party presidential candidate …')).toBe('HEMPSTEAD, N.Y.');
    expect(datelineInText('Title.\n\nMIDWAY ATOLL - Seventy-four years ago, …')).toBe('MIDWAY ATOLL');
    expect(datelineInText('Title.\n\nThe US and China - two powers - met.')).toBeNull();
  });

  it('places what happened on the news day at an occasion held there, in a sentence naming no place', () => {
    const x = article('polnear:huff-post_2016-09-27_hillary-clinton-goes-after-donal');
    const e = x.events.find((ev) => ev.type === 'ACCUSE' && ev.startDate === '2016-09-26');
    expect(e, JSON.stringify(x.events.map((ev) => [ev.type, ev.startDate]))).toBeDefined();
    // The recogniser's place of the dateline, as it is written ("HEMPSTEAD").
    expect(x.places.find((p) => p.key === e!.placeKey)?.name).toMatch(/^hempstead$/i);
  });
});

describeWithCorpus(CORPUS_FILES, 'a bankruptcy is placed at the court it is filed in', () => {
  const extract = (body: string) => extractArticle(parseArticle({ raw: `Test story\n\n${body}`, meta: { source: 'Test Wire', publishedAt: '2019-04-19' }, origin: 'test' } as Parameters<typeof parseArticle>[0]));

  it('a later sentence saying where the company filed ("chose to file in Houston, Texas") places its bankruptcy', () => {
    const x = extract('Acme Steel filed for bankruptcy in March after two years of losses. Lenders had refused to extend its credit.\n\nFor its bankruptcy filing, Acme Steel chose to file in Houston, Texas, whose court is known for speed.');
    expect(placeOf(x, 'BUSINESS', () => true)).toBe('Houston');
  });

  it('a place the filing sentence names for something else ("employs 3,000 people in Houston") does not', () => {
    const x = extract('Acme Steel filed for bankruptcy in March after two years of losses. Acme Steel employs 3,000 people in Houston, Texas.');
    expect(placeOf(x, 'BUSINESS', () => true)).not.toBe('Houston');
  });
});

describeWithCorpus(['polnear-traindev.jsonl'], 'a bankruptcy on corpus articles', () => {
  it('"For this second bankruptcy filing, Patriot chose … Richmond, Va." places the 2015 filing in Richmond', () => {
    const x = article('polnear:nyt_2016-10-02_a-curious-plan-to-fight-climate-');
    const e = x.events.find((ev) => ev.type === 'BUSINESS' && ev.mode === 'bankruptcy' && ev.startDate?.startsWith('2015'));
    expect(x.places.find((p) => p.key === e?.placeKey)?.name).toBe('Richmond');
  });
});

describeWithCorpus(['reuters21578.jsonl'], 'where an actor is based is not where its event happens', () => {
  it('buying "a company headquartered in Dallas" (reuters:1665) or one "based in Munich" (reuters:2126) is not placed there', () => {
    expect(placeOf(article('reuters:1665'), 'BUSINESS', () => true)).toBeNull();
    expect(placeOf(article('reuters:2126'), 'BUSINESS', () => true)).toBeNull();
  });
});
