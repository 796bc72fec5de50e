import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { linkStatements } from '../../src/extract/statement-links.ts';
import type { StatementDraft } from '../../src/extract/speech/draft.ts';

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

describe('statements linked to events', () => {
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

describe('statements linked to events, by rule', () => {
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
