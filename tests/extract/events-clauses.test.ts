import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import type { ExtractedEvent } from '../../src/extract/types.ts';
import { bbcStory, corpusRecords, corpusStory, describeWithCorpus } from '../helpers/corpus.ts';
import { corpusText } from '../helpers/corpus-text.ts';

// The corpus files whose articles these tests read (never copied here: see tests/helpers/corpus-text.ts).
const CORPUS_FILES = ['bbc.jsonl', 'polnear-traindev.jsonl', 'reuters21578.jsonl'] as const;

// Who acts when a clause stands between the subject and its verb (issue 16): rules read on unlabelled
// BBC articles (none from the events gold), each test on the story it was read on.

const parties = (e: ExtractedEvent) => `${e.sources!.map((a) => a.name).join(', ')} → ${e.targets!.map((a) => a.name).join(', ')}`;
const ofType = (id: string, type: string) => extractArticle(bbcStory(id)).events.filter((e) => e.type === type).map(parties);

describeWithCorpus(['bbc.jsonl'], 'event roles: a subordinate clause closed before the verb', () => {
  it('skips "after <someone> was toppled," to the subject before it', () => {
    // business/199: "Mr Saakashvili, … Georgian Parliament" …
    expect(ofType('business/199', 'REQUEST')).toContain('Mikhail Saakashvili → Georgian Parliament');
  });

  it('skips it inside a relative clause to the relative’s antecedent', () => {
    // politics/227: "Mr Clarke, … rejected calls" …
    expect(ofType('politics/227', 'REJECT')).toContain('Charles Clarke → ');
    expect(ofType('politics/227', 'REJECT').some((e) => e.startsWith('David Blunkett'))).toBe(false);
  });

  it('keeps the clause’s own subject when the commas set off an apposition inside it', () => {
    // tech/242: … "after IBM, … division to" … Lenovo.
    expect(ofType('tech/242', 'BUSINESS')).toContain('IBM → Lenovo');
  });
});

describeWithCorpus(['bbc.jsonl'], 'event roles: a natural disaster has no doer', () => {
  it('reads no source from the sentence’s subject', () => {
    // entertainment/111: "Elton John … special concert" … "to raise … Asian tsunami."
    // politics/255: "Mr Blair and … Asian tsunami".
    for (const id of ['entertainment/111', 'politics/255']) {
      const disasters = extractArticle(bbcStory(id)).events.filter((e) => e.type === 'DISASTER');
      expect(disasters.length).toBeGreaterThan(0);
      expect(disasters.flatMap((e) => e.sources!)).toEqual([]);
    }
  });
});

describeWithCorpus(CORPUS_FILES, 'event roles: what is received comes from the name after "from"', () => {
  describeWithCorpus(['bbc.jsonl'], 'on a BBC story', () => {
    it('reads the club that received a proposal as its target', () => {
      // business/209: "Manchester United revealed … Mr Glazer."
      expect(ofType('business/209', 'REQUEST')).toEqual(['Malcolm Glazer → Manchester United']);
    });
  });

  describeWithCorpus(['reuters21578.jsonl'], 'on a Reuters story', () => {
    it('reads the bidder of a buyout proposal a company received', () => {
      // newid 1083: "Pizza Inn recently … Inc <CDII>" …
      const [record] = corpusRecords('reuters21578.jsonl', /"newid": ?1083,/);
      const bids = extractArticle(corpusStory('reuters21578.jsonl', record)).events.filter((e) => e.type === 'BUSINESS' && e.mode === 'bid');
      expect(bids.map(parties)).toEqual(['Concept Development Inc → Pizza Inn Inc']);
    });
  });
});

describeWithCorpus(['bbc.jsonl'], 'event roles: a participle followed by its "by" agent is a passive', () => {
  it('reads the agent as the source and the name the participle follows as the target', () => {
    // sport/203: "Mutu, 25, … seven months" ….
    expect(ofType('sport/203', 'RESIGNATION')).toContain('Chelsea → Adrian Mutu');
    // tech/114: "said Jason … by Argonaut".
    expect(ofType('tech/114', 'RESIGNATION')).toContain('Argonaut → Jason Parkinson');
  });

  it('takes the name before the comma as what it was done to', () => {
    // business/122: "Columbia Distributor was … last year."
    expect(ofType('business/122', 'BUSINESS')).toContain('BOA → FleetBoston');
  });
});

describeWithCorpus(['reuters21578.jsonl'], 'event roles: a participle after a common noun', () => {
  it('names no target, not the sentence’s subject', () => {
    // newid 209: "Edmond Maire, … the government" …
    const [record] = corpusRecords('reuters21578.jsonl', /"newid": ?209,/);
    const rejections = extractArticle(corpusStory('reuters21578.jsonl', record)).events.filter((e) => e.type === 'REJECT').map(parties);
    expect(rejections).toContain('government → ');
    expect(rejections.some((e) => e.startsWith('Edmond Maire'))).toBe(false);
  });
});

describeWithCorpus(['polnear-traindev.jsonl'], 'event actors: a title-case headline', () => {
  it('reads the people the article names, not its capitalised runs', () => {
    // huff-post_2016-02-26 (train): "Hillary Clinton … About Him."
    const [record] = corpusRecords('polnear-traindev.jsonl', /huff-post_2016-02-26_hillary-clinton-says-trump-s-big/);
    const x = extractArticle(corpusStory('polnear-traindev.jsonl', record));
    const names = x.events.flatMap((e) => [...e.sources!, ...e.targets!]).map((a) => a.name);
    expect(names.some((n) => /Says|Bigotry/.test(n))).toBe(false);
  });
});

describeWithCorpus(CORPUS_FILES, 'event triggers: a word used as an adjective or a compound’s first noun is no event', () => {
  describeWithCorpus(['polnear-traindev.jsonl'], 'on a PolNeAR train story', () => {
    it('reads no retirement from "retired neurosurgeon Ben Carson"', () => {
      // politico_2016-01-29 (train): "a super PAC supporting … fading campaign".
      const [record] = corpusRecords('polnear-traindev.jsonl', /politico_2016-01-29_record-setting-spending-spree-re/);
      const x = extractArticle(corpusStory('polnear-traindev.jsonl', record));
      expect(x.events.filter((e) => e.type === 'RESIGNATION').map(parties).some((e) => e.includes('Ben Carson'))).toBe(false);
    });
  });

  describeWithCorpus(['bbc.jsonl'], 'on BBC stories', () => {
    it('reads no retirement from "retirement income" nor a flood from "a flood of publicity"', () => {
      // business/249: "the pensions … retirement income".
      expect(ofType('business/249', 'RESIGNATION')).toEqual([]);
      // politics/281: "It began … third place".
      expect(ofType('politics/281', 'DISASTER')).toEqual([]);
    });
  });
});

describeWithCorpus(['bbc.jsonl'], 'event roles: a competition plays nobody', () => {
  it('reads the team or player, not the cup or tournament, as a side of a match', () => {
    // sport/505: "Fifth seed … Radek Stepanek".
    expect(ofType('sport/505', 'SPORT')).toContain('Robin Soderling → Radek Stepanek');
    // sport/261: "… Middlesbrough … beating Partizan Belgrade" in the Uefa Cup.
    expect(ofType('sport/261', 'SPORT')).toContain('Middlesbrough → Partizan Belgrade');
    for (const id of ['sport/126', 'sport/132', 'sport/304', 'sport/382']) expect(ofType(id, 'SPORT').some((e) => /Cup|Nations|Test/.test(e))).toBe(false);
  });
});

describeWithCorpus(['bbc.jsonl'], 'event actors: a country owning the name after it', () => {
  it('reads the player or company, not its country', () => {
    // sport/430: "Davenport defeated China's Jie Zheng …".
    expect(ofType('sport/430', 'SPORT')).toContain('Lindsay Davenport → Jie Zheng');
    // business/130: "France’s Snecma has … with HAL" reads Snecma.
    expect(ofType('business/130', 'BUSINESS').some((e) => e.startsWith('France'))).toBe(false);
  });
});

describeWithCorpus(CORPUS_FILES, 'event triggers: a word in another sense is no event', () => {
  describeWithCorpus(['bbc.jsonl'], 'on BBC stories', () => {
    it('reads no charge from a rugby block nor an accusation from a grand slam', () => {
      // sport/312: "his attempted chip ahead was charged down by Orquera"; sport/476: "won her fourth consecutive grand slam".
      expect(ofType('sport/312', 'LEGAL')).toEqual([]);
      expect(ofType('sport/476', 'ACCUSE')).toEqual([]);
    });

    it('reads no meeting from meeting a demand', () => {
      // business/054: "it plans … for cars".
      expect(ofType('business/054', 'CONSULT')).toEqual([]);
    });

    it('reads no deployment of test cars, monitors or a technology', () => {
      // business/149: "It is … test cars"; politics/137: "deployed 100 monitors at hunts"; tech/275: "deploy UWB".
      for (const id of ['business/149', 'politics/137', 'tech/275']) expect(ofType(id, 'MOBILIZE')).toEqual([]);
    });
  });

  describeWithCorpus(['polnear-traindev.jsonl'], 'on PolNeAR train stories', () => {
    it('reads no match from "to match the mood" nor a stake from "at stake"', () => {
      // wash-post_2016-01-24: "to try … mood, offering" … "attacks against … Hillary Clinton".
      const [rubio] = corpusRecords('polnear-traindev.jsonl', /wash-post_2016-01-24_mired-in-third-place-rubio-prepa/);
      expect(extractArticle(corpusStory('polnear-traindev.jsonl', rubio)).events.filter((e) => e.type === 'SPORT')).toEqual([]);
      // breitbart_2016-02-20: "Donald Trump … Carolina primary".
      const [latest] = corpusRecords('polnear-traindev.jsonl', /breitbart_2016-02-20_the-latest-hillary-clinton-tells/);
      const stakes = extractArticle(corpusStory('polnear-traindev.jsonl', latest)).events.filter((e) => e.type === 'BUSINESS' && e.mode === 'acquisition');
      expect(stakes).toEqual([]);
    });
  });
});

describeWithCorpus(['polnear-traindev.jsonl'], 'event roles: a poll’s share of voters', () => {
  it('is no named supporter', () => {
    // nyt_2016-02-01 (train): "while 23 … of Florida".
    const [record] = corpusRecords('polnear-traindev.jsonl', /nyt_2016-02-01_iowa-caucus-is-first-look-into-m/);
    const support = extractArticle(corpusStory('polnear-traindev.jsonl', record)).events.filter((e) => e.type === 'SUPPORT').map(parties);
    expect(support).not.toContain('Ted Cruz → Marco Rubio');
  });
});

describeWithCorpus(['polnear-traindev.jsonl'], 'event triggers: "talks about" after its subject', () => {
  it('is the verb, no talks', () => {
    // nyt_2016-01-14 (train): "a pessimistic … Max' movie".
    const [record] = corpusRecords('polnear-traindev.jsonl', /nyt_2016-01-14_america-the-shiny-or-gloomy-obam/);
    const talks = extractArticle(corpusStory('polnear-traindev.jsonl', record)).events.filter((e) => e.type === 'CONSULT' && e.mode === 'talks').map(parties);
    expect(talks.some((e) => e.includes('Mad Max'))).toBe(false);
  });
});
