import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { corpusText } from '../helpers/corpus-text.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';

// The corpus files whose articles these tests read (never copied here: see tests/helpers/corpus-text.ts).
const CORPUS_FILES = ['polnear-traindev.jsonl'] as const;

/**
 * Reported speech as the learned cue tagger and content rankers find it (trained on PolNeAR, whose
 * attributions also cover stances and plans: "defended the budget", "refused to answer questions").
 * Each test names the statements an editor would record; other attributions may come with them.
 */
function statements(body: string): [string, string, string | null, string | null][] {
  const parsed = parseArticle({ raw: `Test story\n\n${body}`, meta: { source: 'Test Wire', publishedAt: '2019-04-19' }, origin: 'test' } as Parameters<typeof parseArticle>[0]);
  const ex = extractArticle(parsed);
  const name = (key: string | undefined) => [...ex.people, ...ex.organizations].find((e) => e.key === key)?.name ?? null;
  return ex.statements.map((s) => [s.kind, s.text, name(s.speaker?.key), s.cue]);
}

describeWithCorpus(CORPUS_FILES, 'reported speech without "that"', () => {
  it('a participle clause: "…, saying …" belongs to the subject the sentence opens with', () => {
    expect(statements('Senator Maria Lopez defended the budget on Tuesday, saying the cuts would protect schools.')).toContainEqual(['INDIRECT', 'the cuts would protect schools', 'Maria Lopez', 'saying']);
  });

  it('a reported question: "asked whether …"', () => {
    expect(statements('Foreign Minister Hiroshi Tanaka asked whether the talks could resume next month.')).toEqual([['INDIRECT', 'whether the talks could resume next month', 'Hiroshi Tanaka', 'asked']]);
  });

  it('announcements and accusations with a plain object', () => {
    const found = statements('Foreign Minister Hiroshi Tanaka announced plans to visit Moscow in May.\n\nSenator Maria Lopez accused the governor of ignoring the floods.');
    expect(found.map(([, text, speaker]) => [text, speaker])).toEqual([
      ['to visit Moscow in May', 'Hiroshi Tanaka'],
      ['the governor of ignoring the floods', 'Maria Lopez'],
    ]);
  });

  it('an attribution set off by commas inside the sentence: the statement is the rest of it, in two spans', () => {
    const parsed = parseArticle({ raw: 'Test story\n\nIn her state, Senator Maria Lopez said, first-time offenders are sent to treatment instead of prison.', origin: 'test' });
    const [s] = extractArticle(parsed).statements;
    expect(s.text).toBe('In her state, first-time offenders are sent to treatment instead of prison');
    expect(s.spans!.map((x) => parsed.text.slice(x.start, x.end))).toEqual(['In her state,', 'first-time offenders are sent to treatment instead of prison']);
    expect(s.speakerText).toBe('Senator Maria Lopez');
  });

  it('"according to" after the content, and sources with long descriptions', () => {
    expect(statements('The governor has won 758 delegates, according to a tally by the Lopez campaign, but he needs more.').map(([, text, , cue]) => [text, cue])).toEqual([
      ['The governor has won 758 delegates, but he needs more', 'according to'],
    ]);
    expect(statements('Most voters want lower taxes' + corpusText('polnear:breitbart_2016-03-01_the-latest-sanders-wins-minnesot', ', according to early', 'conducted by ') + 'a polling firm' + corpusText('polnear:breitbart_2016-03-01_the-latest-sanders-wins-minnesot', ' for the Associated Press and t', 'and t') + 'he networks.')).toEqual([
      ['INDIRECT', 'Most voters want lower taxes', 'Associated Press', 'according to'],
    ]);
  });

  it('a coordinated predicate is not part of the speaker as written', () => {
    const parsed = parseArticle({ raw: 'Test story\n\nThe spokesman refused to answer questions but said no meeting was planned.', meta: { source: 'Test Wire', publishedAt: '2019-04-19' }, origin: 'test' } as Parameters<typeof parseArticle>[0]);
    expect(extractArticle(parsed).statements.map((s) => [s.text, s.speakerText])).toContainEqual(['no meeting was planned', 'The spokesman']);
  });

  it('transitive verbs that report nothing stay out', () => {
    expect(statements('Senator Maria Lopez maintained close ties with the unions for years.')).toEqual([]);
    expect(statements('Senator Maria Lopez found a new office in the capital last week.')).toEqual([]);
  });
});

describeWithCorpus(CORPUS_FILES, 'claims reported with verbs of thought and finding', () => {
  it('count with "that" after them, which is left out of the statement', () => {
    expect(statements('Senator Maria Lopez believes that the cuts will hurt rural schools.\n\nThe Gallup poll found that most voters oppose the plan.')).toEqual([
      ['INDIRECT', 'the cuts will hurt rural schools', 'Maria Lopez', 'believes'],
      // The recogniser knows Gallup as an organisation (extractor 1.4.0); the poll's finding is its.
      ['INDIRECT', 'most voters oppose the plan', 'Gallup', 'found'],
    ]);
  });
});

describeWithCorpus(CORPUS_FILES, 'a quotation interrupted by its attribution', () => {
  it('is one statement with both parts as spans, without the attribution between them', () => {
    const parsed = parseArticle({ raw: 'Test story\n\n“We will not give up,” Senator Maria Lopez said. “The schools need the money.”', origin: 'test' });
    const [s, ...rest] = extractArticle(parsed).statements;
    expect(rest).toEqual([]);
    expect(s.kind).toBe('DIRECT');
    expect(s.spans!.map((x) => parsed.text.slice(x.start, x.end))).toEqual(['We will not give up,', 'The schools need the money.']);
    expect(s.text).toBe('We will not give up, The schools need the money.');
  });
});
