import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { WARM_UP_ARTICLES } from '../../src/pipeline/warm-up-articles.ts';
import { warmUpExtraction } from '../../src/pipeline/warm-up.ts';

describe('start-up warm-up', () => {
  it('runs', () => {
    expect(warmUpExtraction(1).ms).toBeGreaterThan(0);
  });

  // The warm-up exists to load every model of extraction before a server reports ready: its articles
  // must reach each one (entities: the recogniser; statements and their speakers: the attribution and
  // source models; events: the trigger lexicons), or a model would still load in the first request.
  it('its articles reach every part of extraction', () => {
    const all = WARM_UP_ARTICLES.map((a) => extractArticle(parseArticle(a)));
    const statements = all.flatMap((x) => x.statements);
    expect(all.flatMap((x) => x.people).length).toBeGreaterThan(5);
    expect(all.flatMap((x) => x.organizations).length).toBeGreaterThan(3);
    expect(all.flatMap((x) => x.places).length).toBeGreaterThan(5);
    expect(all.flatMap((x) => x.events).length).toBeGreaterThan(2);
    expect(statements.some((s) => s.kind === 'DIRECT' && s.speaker?.type === 'person')).toBe(true);
    expect(statements.some((s) => s.kind === 'INDIRECT' && s.speaker?.type === 'person')).toBe(true);
    expect(statements.some((s) => s.speaker?.type === 'organization')).toBe(true);
  });
});
