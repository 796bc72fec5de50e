import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';

/** The indirect statements of a short article written for the test: [content, speaker name, cue]. */
function reported(body: string): [string, string | null, string | null][] {
  const parsed = parseArticle({ raw: `Test story\n\n${body}`, meta: { source: 'Test Wire', publishedAt: '2019-04-19' }, origin: 'test' } as Parameters<typeof parseArticle>[0]);
  const ex = extractArticle(parsed);
  const name = (key: string | undefined) => [...ex.people, ...ex.organizations].find((e) => e.key === key)?.name ?? null;
  return ex.statements.filter((s) => s.kind === 'INDIRECT').map((s) => [s.text, name(s.speaker?.key), s.cue]);
}

describe('reported speech without "that"', () => {
  it('a participle clause: "…, saying …" belongs to the subject the sentence opens with', () => {
    expect(reported('Senator Maria Lopez defended the budget on Tuesday, saying the cuts would protect schools.')).toEqual([
      ['the cuts would protect schools', 'Maria Lopez', 'saying'],
    ]);
  });

  it('a reported question: "asked whether …"', () => {
    expect(reported('Foreign Minister Hiroshi Tanaka asked whether the talks could resume next month.')).toEqual([
      ['whether the talks could resume next month', 'Hiroshi Tanaka', 'asked'],
    ]);
  });

  it('announcements, confirmations and accusations with a plain object', () => {
    const found = reported('Foreign Minister Hiroshi Tanaka announced plans to visit Moscow in May.\n\nSenator Maria Lopez accused the governor of ignoring the floods.');
    expect(found).toEqual([
      ['plans to visit Moscow in May', 'Hiroshi Tanaka', 'announced'],
      ['the governor of ignoring the floods', 'Maria Lopez', 'accused'],
    ]);
  });

  it('an attribution set off by commas inside the sentence: the statement is the rest of it', () => {
    expect(reported('In her state, Senator Maria Lopez said, first-time offenders are sent to treatment instead of prison.')).toEqual([
      ['In her state, first-time offenders are sent to treatment instead of prison.', 'Maria Lopez', 'said'],
    ]);
  });

  it('"according to" in the middle of a sentence, and sources with long descriptions', () => {
    expect(reported('The governor has won 758 delegates, according to a tally by the Lopez campaign, but he needs more.').map(([text, , cue]) => [text, cue])).toEqual([
      ['The governor has won 758 delegates, but he needs more.', 'according to'],
    ]);
    expect(reported('Most voters want lower taxes, according to early results of the exit poll conducted by a polling firm for the Associated Press and the networks.').map(([, speaker, cue]) => [speaker, cue])).toEqual([
      ['Associated Press', 'according to'],
    ]);
  });

  it('a coordinated predicate is not part of the speaker as written', () => {
    const parsed = parseArticle({ raw: 'Test story\n\nThe spokesman refused to answer questions but said no meeting was planned.', meta: { source: 'Test Wire', publishedAt: '2019-04-19' }, origin: 'test' } as Parameters<typeof parseArticle>[0]);
    expect(extractArticle(parsed).statements.map((s) => [s.text, s.speakerText])).toEqual([['no meeting was planned', 'The spokesman']]);
  });

  it('other transitive verbs still need "that" or a colon', () => {
    expect(reported('Senator Maria Lopez maintained close ties with the unions for years.')).toEqual([]);
  });
});

describe('claims reported with verbs of thought and finding', () => {
  it('count with "that" after them', () => {
    expect(reported('Senator Maria Lopez believes that the cuts will hurt rural schools.\n\nThe Gallup poll found that most voters oppose the plan.')).toEqual([
      ['the cuts will hurt rural schools', 'Maria Lopez', 'believes'],
      // The recogniser knows Gallup as an organisation (extractor 1.4.0); the poll's finding is its.
      ['most voters oppose the plan', 'Gallup', 'found'],
    ]);
  });

  it('do not without it', () => {
    expect(reported('Senator Maria Lopez found a new office in the capital last week.')).toEqual([]);
  });
});
