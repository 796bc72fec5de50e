import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';

/** For a short article written for the test: who said the direct statement holding `words` (undefined: no such statement). */
function speakerOf(body: string, words: string): string | null | undefined {
  const parsed = parseArticle({ raw: `Test story\n\n${body}`, meta: { source: 'Test Wire', publishedAt: '2019-04-19' }, origin: 'test' } as Parameters<typeof parseArticle>[0]);
  const ex = extractArticle(parsed);
  const statement = ex.statements.find((s) => s.kind === 'DIRECT' && s.text.includes(words));
  if (!statement) return undefined;
  return [...ex.people, ...ex.organizations].find((e) => e.key === statement.speaker?.key)?.name ?? null;
}

describe('speakers of quotations that stand alone in their paragraph', () => {
  it('continue the speaker quoted in the paragraph before', () => {
    // One statement across both quotations.
    expect(speakerOf('“We are ready to talk,” Foreign Minister Hiroshi Tanaka said on Thursday.\n\n“Nobody should doubt that we mean it.”', 'Nobody should doubt')).toBe('Hiroshi Tanaka');
  });

  it('take the subject of the paragraph before when nobody was quoted yet', () => {
    expect(speakerOf('Senator Maria Lopez praised the governor’s handling of the floods.\n\n“We need someone who can cut through the noise and get things done.”', 'We need someone')).toBe('Maria Lopez');
  });

  it('do not take a name that is not the subject of that paragraph', () => {
    expect(speakerOf('Crowds gathered outside the hall where Senator Maria Lopez was due to speak.\n\n“We have waited all day and we will wait longer.”', 'We have waited')).toBeNull();
  });
});
