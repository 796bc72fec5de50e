import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { linkStatements } from '../../src/extract/statement-links.ts';
import type { StatementDraft } from '../../src/extract/speech/draft.ts';
import { corpusRecords, corpusStory, describeWithCorpus, type CorpusFile } from '../helpers/corpus.ts';
import { corpusText } from '../helpers/corpus-text.ts';

// The corpus files whose articles these tests read (never copied here: see tests/helpers/corpus-text.ts).
const CORPUS_FILES = ['bbc.jsonl'] as const;

/**
 * A statement is about the events of its sentence; where the sentence reports several, about the
 * ones whose trigger it carries. Seed 000's headline sentence: North Korea "slams" Pompeo (an
 * accusation) and "called for" him to be removed (a request); the demand is the request's statement.
 */
const seed = (name: string) => {
  const file = path.resolve(import.meta.dirname, '../../seeds', name);
  const parsed = parseArticle({ origin: file, raw: fs.readFileSync(file, 'utf8') } as Parameters<typeof parseArticle>[0]);
  return { text: parsed.text, x: extractArticle(parsed) };
};

describeWithCorpus(CORPUS_FILES, 'statements linked to events', () => {
  it('go to the event whose trigger they carry when their sentence reports several', () => {
    const { text, x } = seed('000_f5ecbbdfcd50e156.txt');
    const demand = x.statements.findIndex((s) => s.text.startsWith('him to be removed from negotiations'));
    expect(demand, x.statements.map((s) => s.text.slice(0, 40)).join(' | ')).toBeGreaterThanOrEqual(0);
    const linked = x.events.filter((e) => e.statementIndexes?.includes(demand));
    const trigger = (e: (typeof x.events)[number]) => `${e.type} "${text.slice(e.trigger!.start, e.trigger!.end)}"`;
    expect(linked.map(trigger)).toContain('REQUEST "called for"');
    expect(linked.map(trigger)).not.toContain('ACCUSE "slams"');
    expect(x.statements[demand].eventKey).toBe(linked[0].key);
    // The insult itself stays with the accusation.
    const insult = x.statements.findIndex((s) => s.text.includes('as “reckless”'));
    expect(x.events.filter((e) => e.statementIndexes?.includes(insult)).map(trigger)).toContain('ACCUSE "slams"');
  });

  it('stay with the one event of their sentence', () => {
    const { x } = seed('003_9412593e3c0903a8.txt');
    const visit = x.events.find((e) => e.type === 'CONSULT' && e.mode === 'visit');
    expect(visit?.statementIndexes?.length, JSON.stringify(x.events.map((e) => e.key))).toBeGreaterThan(0);
  });
});

describeWithCorpus(CORPUS_FILES, 'statements linked to events, by rule', () => {
  const text = 'it had conducted its first weapons test since the last summit broke down';
  const sentence = { start: 0, end: text.length };
  const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, text: w });
  // One sentence reporting two events: the weapons test and the summit.
  const events = [
    { mentions: [at('weapons test')], sentences: [sentence] },
    { mentions: [at('summit')], sentences: [sentence] },
  ];
  const statement = (span: { start: number; end: number }): StatementDraft => ({ ...span, text: text.slice(span.start, span.end), spans: [span], kind: 'INDIRECT', cue: 'said', speaker: null, speakerText: null, speakerSpan: null, confidence: 0.9, sentence }) as StatementDraft;

  it('a trigger the statement carries only as a time reference ("since the last summit") does not pick its event', () => {
    expect(linkStatements([statement(sentence)], events)).toEqual([[0]]);
  });

  it('a one-word lower-case statement ("which", "he") is a fragment linked to nothing', () => {
    expect(linkStatements([statement(at('it'))], [events[0]])).toEqual([[]]);
    expect(linkStatements([statement(at('weapons'))], [events[0]])).toEqual([[]]);
  });

  it('follow an event into every sentence its merged mentions report it in, and not into a sentence that only names it again', () => {
    const { x } = seed('003_9412593e3c0903a8.txt');
    const visit = x.events.find((e) => e.type === 'CONSULT' && e.mode === 'visit')!;
    const about = (start: string) => x.statements.findIndex((s) => s.text.startsWith(start));
    // "Putin had invited Kim and that the meeting would take place …": "the meeting" was merged into the visit.
    expect(visit.statementIndexes).toContain(about('Putin had invited Kim'));
    // "The Kim-Putin meeting would be the first …, as Moscow seeks to play a role …": the statement does not carry it.
    expect(visit.statementIndexes).not.toContain(about('to play a role'));
  });

  it('in a sentence that names an event again, only a statement carrying its trigger is about it', () => {
    const sentence = { start: 0, end: 100 };
    const statement = (start: number, end: number) => ({ sentence, spans: [{ start, end }], text: 'x y', cueSpan: undefined }) as unknown as StatementDraft;
    const again = { mentions: [{ start: 4, end: 11, text: 'meeting' }], sentences: [sentence], sentence: { start: 200, end: 300 } };
    const first = { ...again, sentence };
    expect(linkStatements([statement(40, 80)], [again])).toEqual([[]]);
    expect(linkStatements([statement(0, 30)], [again])).toEqual([[0]]);
    expect(linkStatements([statement(40, 80)], [first])).toEqual([[0]]);
  });
});

/** A phrase as it may be written in a JSON line, where Reuters breaks its lines ("virtual recess\\nuntil"). */
const phrase = (words: string) => new RegExp(words.replace(/[.*+?^${}()|[\]\\<>]/g, '\\$&').replace(/ /g, '(?: |\\\\n)'));

/** The statements of a corpus story linked to an event, as "TYPE trigger → statement start" lines. */
function linkedFrom(file: CorpusFile, record: Record<string, unknown>): string[] {
  const parsed = corpusStory(file, record);
  const x = extractArticle(parsed);
  return x.events.flatMap((e) => (e.statementIndexes ?? []).map((i) => `${e.type} ${parsed.text.slice(e.trigger!.start, e.trigger!.end)} → ${x.statements[i].text.slice(0, 40)}`));
}

describeWithCorpus(['reuters21578.jsonl', 'bbc.jsonl'], 'statements that name an event again after its report', () => {
  it('a later statement using the event’s own word is about it ("its initial public … offering", later "The price of the offering …")', () => {
    const [sonoTek] = corpusRecords('reuters21578.jsonl', phrase('Sono-Tek Corp said it reduced to 350,000'));
    const sono = linkedFrom('reuters21578.jsonl', sonoTek);
    expect(sono, sono.join('\n')).toContain('BUSINESS offering → The price of the offering remains unchan');
    const [renault] = corpusRecords('reuters21578.jsonl', phrase('Chrysler Corp <C> have signed a letter of intent'));
    const terms = linkedFrom('reuters21578.jsonl', renault);
    expect(terms.some((l) => l.startsWith('BUSINESS letter of intent →') && l.includes('Under the terms of the letter')), terms.join('\n')).toBe(true);
  });

  it('"the upcoming general election" is not last year\'s by-election, and a by-election is no general election', () => {
    const records = corpusRecords('bbc.jsonl', /overturned a big Labour majority to win the seat/);
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(linkedFrom('bbc.jsonl', r).filter((l) => /general election/i.test(l))).toEqual([]);
  });
});

describeWithCorpus(['reuters21578.jsonl', 'bbc.jsonl'], 'statements that name an event with "the" further on', () => {
  it('"the contract" paragraphs after "Computer Sciences Corp said it won a contract" is about it', () => {
    const records = corpusRecords('reuters21578.jsonl', phrase('25 pct of the contract value'));
    expect(records.length).toBeGreaterThan(0);
    const links = linkedFrom('reuters21578.jsonl', records[0]);
    expect(links.some((l) => l.startsWith('BUSINESS contract → about 25 pct of the contract value')), links.join('\n')).toBe(true);
  });

  it('"the outcome of the election" is about the election the story reported', () => {
    const [r] = corpusRecords('bbc.jsonl', /make any difference to the outcome of the election/);
    const links = linkedFrom('bbc.jsonl', r);
    expect(links.some((l) => l.startsWith('ELECTION ') && l.includes('the campaigners would not make any')), links.join('\n')).toBe(true);
  });

  it('"the deal" names a purchase ("Federated Department … rival May"), not a bankruptcy', () => {
    const [federated] = corpusRecords('bbc.jsonl', /Without this deal May would have been/);
    const links = linkedFrom('bbc.jsonl', federated);
    expect(links.some((l) => l.startsWith('BUSINESS buy → Without this deal May')), links.join('\n')).toBe(true);
    const [issue] = corpusRecords('reuters21578.jsonl', phrase('quoted the deal at less one'));
    expect(linkedFrom('reuters21578.jsonl', issue).filter((l) => l.startsWith('BUSINESS') && l.includes('the firm had placed 60 mln'))).toEqual([]);
  });

  it('"the deal" naming several deals of the story is the lead\'s ("General Motors is to pay Fiat …", then earlier sales between the two)', () => {
    const [fiat] = corpusRecords('bbc.jsonl', /seemed to have done well out of the deal/);
    const links = linkedFrom('bbc.jsonl', fiat);
    expect(links.filter((l) => l.includes('Fiat seemed to have done well')), links.join('\n')).toEqual([expect.stringMatching(/^BUSINESS pay\s*→ Fiat seemed/)]);
  });

  it('"the French game" is another game than "their … game against Ireland", and "the rule of law" no ruling', () => {
    const [rugby] = corpusRecords('bbc.jsonl', /we lost the French game/);
    expect(linkedFrom('bbc.jsonl', rugby).filter((l) => l.includes("Charlie's state of mind"))).toEqual([]);
    const ruleOfLaw = corpusRecords('bbc.jsonl', /is anathema in any country which observes/);
    expect(ruleOfLaw.length).toBeGreaterThan(0);
    for (const r of ruleOfLaw) expect(linkedFrom('bbc.jsonl', r).filter((l) => l.includes('Indefinite imprisonment'))).toEqual([]);
  });
});

describeWithCorpus(['bbc.jsonl'], 'the author of a speech act following it up', () => {
  it('his quotation after it is more of the act ("Ashley Cole has refused to blame Robin van Persie" … “No-one is putting the blame on Robin”)', () => {
    const [r] = corpusRecords('bbc.jsonl', /No-one is putting the blame on Robin/);
    const links = linkedFrom('bbc.jsonl', r);
    expect(links.some((l) => l.startsWith('REJECT refused → No-one is putting the blame')), links.join('\n')).toBe(true);
  });

  it('what he is reported to have said next is often another matter ("He rejected across-the-board tax cuts" … child benefit would rise)', () => {
    const [r] = corpusRecords('bbc.jsonl', /child benefit would rise to a maximum/);
    expect(linkedFrom('bbc.jsonl', r).filter((l) => l.includes('child benefit would rise'))).toEqual([]);
  });
});

describeWithCorpus(['reuters21578.jsonl'], 'a trigger held only as a time reference', () => {
  it('"… virtual recess until local elections start" is not about the elections', () => {
    const records = corpusRecords('reuters21578.jsonl', phrase('go into virtual recess until local elections start'));
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(linkedFrom('reuters21578.jsonl', r).filter((l) => l.includes('parliament will go into'))).toEqual([]);
  });
});

describeWithCorpus(CORPUS_FILES, 'a statement beside another speaker’s statement of the event', () => {
  it('seed 000: Russia "continued to provide food aid", and Putin "has long expressed his readiness to meet Kim": Putin’s statement is not about the aid', () => {
    const { x } = seed('000_f5ecbbdfcd50e156.txt');
    const aid = x.events.find((e) => e.type === 'AID')!;
    const about = (start: string) => x.statements.findIndex((s) => s.text.startsWith(start));
    expect(aid.statementIndexes).toContain(about('with Pyongyang and continued to provide food aid'));
    expect(aid.statementIndexes ?? []).not.toContain(about('his readiness to meet Kim'));
  });
});
