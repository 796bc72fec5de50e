import { beforeAll, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { bracketedFirms, firmShortened, isCompanyName, joinedFirms, withoutTickers } from '../../src/extract/ner/firm-names.ts';
import { placeNamedAsPerson } from '../../src/extract/ner/place-names.ts';
import { corpusRecords, corpusStory, describeWithCorpus } from '../helpers/corpus.ts';
import { corpusText } from '../helpers/corpus-text.ts';

// The corpus files whose articles these tests read (never copied here: see tests/helpers/corpus-text.ts).
const CORPUS_FILES = ['reuters21578.jsonl'] as const;

// Company names as wire copy writes them: Reuters' <Name> brackets and tickers, legal names and the
// bare word that shortens them.

describeWithCorpus(CORPUS_FILES, 'firm names in wire copy', () => {
  // Read when the suite runs, not when it is collected (a missing corpus skips the suite instead of failing the file).
  let text = '';
  beforeAll(() => {
    text = corpusText('reuters:3724', 'led by', 'and <Piper,') + '\nJaffray and Hopwood Inc>. Citicorp <CCI> said; <PNTA> <shu>';
  });
  it('reads the names between angle brackets, across a line break, and not tickers', () => {
    expect(bracketedFirms(text).map((s) => text.slice(s.start, s.end))).toEqual(['Kidder, Peabody and Co Inc', 'Piper,\nJaffray and Hopwood Inc']);
  });
  it('cuts a span at ticker brackets, keeping the longest stretch with a lower-case letter', () => {
    const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const cut = withoutTickers(text, at('Citicorp <CCI'));
    expect(cut && text.slice(cut.start, cut.end)).toBe('Citicorp');
    expect(withoutTickers(text, at('<PNTA>'))).toBeNull();
    const plain = at('Citicorp');
    expect(withoutTickers(text, plain)).toBe(plain);
  });
  it('knows a legal name, and the firm a bare word shortens', () => {
    expect(isCompanyName('Northrop Corp')).toBe(true);
    expect(isCompanyName('Pirelli Spa')).toBe(true);
    expect(isCompanyName('Howard Baker')).toBe(false);
    const org = (name: string, n: number) => ({ name, kind: 'COMPANY' as const, aliases: new Set<string>(), roles: new Set<string>(), mentions: Array.from({ length: n }, () => ({ start: 0, end: 1, text: name })) });
    const person = (name: string, roles: string[] = []) => ({ name, aliases: new Set<string>(), roles: new Set(roles), mentions: [] });
    const orgs = [org('Baker Hughes Inc', 1), org('Baker International Corp', 3), org('Bakery Group', 5)];
    expect(firmShortened(person('Baker'), orgs)?.name).toBe('Baker International Corp');
    expect(firmShortened(person('Baker', ['chairman']), orgs)).toBeNull();
    expect(firmShortened(person('James Baker'), orgs)).toBeNull();
    expect(firmShortened(person('Baker International'), orgs)?.name).toBe('Baker International Corp');
    expect(firmShortened(person('Baker Hughes'), orgs)?.name).toBe('Baker Hughes Inc');
    expect(firmShortened(person('Chrysler'), [org('Chrysler Building', 1)])).toBeNull();
  });
});

describeWithCorpus(['reuters21578.jsonl'], 'Reuters company names', () => {
  it('every bracketed name with a comma (“<Kidder, Peabody and Co Inc>”) is one organisation, and no name keeps a bracket', () => {
    const records = corpusRecords('reuters21578.jsonl', /<[A-Z][a-z]+, [A-Z][^<>"]{0,60}>/);
    expect(records.length).toBeGreaterThanOrEqual(25);
    const broken: string[] = [];
    for (const r of records) {
      const story = corpusStory('reuters21578.jsonl', r);
      const x = extractArticle(story);
      const names = [...x.people, ...x.organizations, ...x.places].map((e) => e.name);
      for (const s of bracketedFirms(story.text)) {
        const name = story.text.slice(s.start, s.end).replace(/\s+/g, ' ');
        if (name.includes(',') && !x.organizations.some((o) => o.name === name)) broken.push(`${String(r.newid)}: ${name}`);
      }
      broken.push(...names.filter((n) => /[<>]/.test(n)).map((n) => `${String(r.newid)}: ${n}`));
    }
    expect(broken).toEqual([]);
  });

  it('“Chrysler” and “Chrysler Financial” in a story about Chrysler Corp and Chrysler Financial Corp are those firms, never people', () => {
    const records = corpusRecords('reuters21578.jsonl', /Chrysler Corp/);
    expect(records.length).toBeGreaterThanOrEqual(40);
    // Stories where the firm is read as one (one writes "<AMO> By Chrysler Corp <C>", read as "By Chrysler Corp").
    const read = records.map((r) => extractArticle(corpusStory('reuters21578.jsonl', r))).filter((x) => x.organizations.some((o) => o.name === 'Chrysler Corp'));
    expect(read.length).toBeGreaterThanOrEqual(40);
    const firmAsPerson = (x: ReturnType<typeof extractArticle>) => x.people.some((p) => p.name === 'Chrysler' || x.organizations.some((o) => isCompanyName(o.name) && o.name.startsWith(`${p.name} `) && !o.name.slice(p.name.length + 1).includes(' ')));
    expect(read.filter(firmAsPerson).length).toBe(0);
    const aliased = read.filter((x) => x.organizations.some((o) => o.name.startsWith('Chrysler') && o.aliases.includes('Chrysler')));
    expect(aliased.length).toBeGreaterThanOrEqual(20);
  });

  it('no person bears a company’s legal name (“Northrop Corp”, “San Miguel Corp”)', () => {
    const records = corpusRecords('reuters21578.jsonl', /(?:Northrop|San Miguel|Olin|Tandy) Corp\b/);
    expect(records.length).toBeGreaterThanOrEqual(20);
    const people = records.flatMap((r) => extractArticle(corpusStory('reuters21578.jsonl', r)).people.map((p) => p.name));
    expect(people.filter(isCompanyName)).toEqual([]);
  });
});

describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl'], 'places read as people', () => {
  it('no story that writes Costa Rica, Burkina Faso, Rhode Island, Beverly Hills or Milton Keynes has a person of that name', () => {
    const names = /\b(?:Costa Rica|Burkina Faso|Rhode Island|Beverly Hills|Milton Keynes)\b/;
    const files = ['bbc.jsonl', 'reuters21578.jsonl'] as const;
    const stories = files.flatMap((f) => corpusRecords(f, names).map((r) => corpusStory(f, r)));
    expect(stories.length).toBeGreaterThanOrEqual(40);
    const people = stories.flatMap((s) => extractArticle(s).people.map((p) => p.name));
    expect(people.filter((n) => new RegExp(`^${names.source}$`).test(n))).toEqual([]);
  });
  it('keeps a person whose name opens with a given name and ends in a surname, even when a town has it', () => {
    const person = (name: string) => ({ name, aliases: new Set<string>(), roles: new Set<string>(), mentions: [] });
    expect(placeNamedAsPerson(person('Vera Cruz'))).toBeNull();
    expect(placeNamedAsPerson(person('Alice Springs'))?.kind).toBe('CITY');
    expect(placeNamedAsPerson(person('Costa Rica'))?.kind).toBe('COUNTRY');
    expect(placeNamedAsPerson(person('Beverly Hills'))?.kind).toBe('CITY');
    expect(placeNamedAsPerson(person('Howard Baker'))).toBeNull();
  });
});

describeWithCorpus(CORPUS_FILES, 'firm names joined by “and” or commas', () => {
  it('reads a joined legal name whole, and its later short form as the same firm', () => {
    const text = corpusText('reuters:2935', 'Standard and', 'cut the ') + 'debt of Kidder, Peabody and Co Inc. Standard and Poor\'s said the outlook was negative.';
    expect(joinedFirms(text).map((f) => [text.slice(f.start, f.end), f.name])).toEqual([
      ["Standard and Poor's Corp", "Standard and Poor's Corp"],
      ['Kidder, Peabody and Co Inc.', 'Kidder, Peabody and Co Inc.'],
      ["Standard and Poor's", "Standard and Poor's Corp"],
    ]);
  });
  it('does not join two firms, a sentence opener or a person and a firm', () => {
    for (const text of ['led by First Boston Corp and Kidder, Peabody', 'Wagner and Brown and AFG Industries Inc said', 'Replacing Inco and Owens-Illinois Inc', 'said Fed President E. Gerald Corrigan, Federal Deposit Insurance Corp']) {
      expect(joinedFirms(text).map((f) => f.name).filter((n) => / and .* and |Corp and|Replacing|President/.test(n))).toEqual([]);
    }
  });
  it('does not join a country to a firm, but keeps a firm named after two countries', () => {
    expect(joinedFirms('a joint venture of SNECMA' + corpusText('reuters:16691', ' of France', 'Co said')).map((f) => f.name)).toEqual([]);
    expect(joinedFirms('loans from Nigeria and Barclays Bank Plc').map((f) => f.name)).toEqual([]);
    expect(joinedFirms('Australia and New Zealand Banking Group Ltd said').map((f) => f.name)).toEqual(['Australia and New Zealand Banking Group Ltd']);
  });
});

describeWithCorpus(['reuters21578.jsonl'], 'Standard and Poor’s', () => {
  it('is one organisation in the Reuters stories that name it, never split into “Standard” and “Poor”', () => {
    const records = corpusRecords('reuters21578.jsonl', /Standard and Poor's/);
    expect(records.length).toBeGreaterThanOrEqual(100);
    const read = records.map((r) => extractArticle(corpusStory('reuters21578.jsonl', r)));
    expect(read.filter((x) => x.organizations.some((o) => o.name === 'Poor' || o.name === "Poor's Corp")).length).toBe(0);
    expect(read.filter((x) => x.organizations.some((o) => o.name.startsWith("Standard and Poor's"))).length).toBeGreaterThanOrEqual(records.length - 5);
  });
});

// "General Electric", "General Partners", "General Public Utilities": before 1.37.0 the rules read
// "General" as a general's title and the recogniser tagged the next word a person (Electric in 15
// Reuters stories, Partners in 12, Automation in 5).
describeWithCorpus(['reuters21578.jsonl'], 'companies named “General …”', () => {
  it('every Reuters story naming General Electric, General Partners or General Public Utilities has the company and no person named by its trade word', () => {
    const records = corpusRecords('reuters21578.jsonl', /General (?:Electric|Partners|Public Utilities)/).filter((r) => /General\s+(?:Electric|Partners|Public\s+Utilities)/.test(corpusStory('reuters21578.jsonl', r).text));
    expect(records.length).toBeGreaterThanOrEqual(30);
    const people = records.flatMap((r) => extractArticle(corpusStory('reuters21578.jsonl', r)).people.filter((p) => /^(?:General )?(?:Electric|Partners|Public Utilities)$/.test(p.name)).map((p) => `${String(r.newid)}: ${p.name}`));
    expect(people).toEqual([]);
    const named = records.filter((r) => extractArticle(corpusStory('reuters21578.jsonl', r)).organizations.some((o) => /^General (?:Electric|Partners|Public Utilities)/.test(o.name)));
    expect(named.length).toBe(records.length);
  });
  it('leaves “Attorney General” and a general’s surname alone', () => {
    const records = corpusRecords('reuters21578.jsonl', /Attorney General Edwin Meese/);
    expect(records.length).toBeGreaterThanOrEqual(2);
    expect(records.every((r) => extractArticle(corpusStory('reuters21578.jsonl', r)).people.some((p) => p.name === 'Edwin Meese'))).toBe(true);
  });
});

// "Natchitoches, La.", "Atlanta, Ga.": AP's abbreviations of US states, which the recogniser read as
// people (La. and Ga. in 6 Reuters stories each before 1.37.0).
describeWithCorpus(['reuters21578.jsonl'], 'US states written as AP abbreviations', () => {
  it('no Reuters story writing “, La.” or “, Ga.” has a person so named, and they are Louisiana and Georgia', () => {
    const records = corpusRecords('reuters21578.jsonl', /, (?:La|Ga)\.[ ,]/);
    expect(records.length).toBeGreaterThanOrEqual(10);
    const xs = records.map((r) => extractArticle(corpusStory('reuters21578.jsonl', r)));
    expect(xs.flatMap((x) => x.people.map((p) => p.name)).filter((n) => /^(?:La|Ga)\.$/.test(n))).toEqual([]);
    expect(xs.some((x) => x.places.some((p) => p.name === 'Louisiana' && p.aliases.includes('La.')))).toBe(true);
  });
});
