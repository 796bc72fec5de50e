import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../src/config.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { jsonlRecordToRaw } from '../../src/pipeline/read-sources.ts';
import type { ParsedArticle } from '../../src/ingest/types.ts';

/** Every statement's text is the article's own text at its spans, and its offsets are its spans'. */
function offsetErrors(parsed: ParsedArticle): string[] {
  const errors: string[] = [];
  for (const s of extractArticle(parsed).statements) {
    const spans = s.spans ?? [{ start: s.start, end: s.end }];
    const written = spans.map((x) => parsed.text.slice(x.start, x.end)).join(' ');
    if (written !== s.text) errors.push(`${parsed.contentHash}@${s.start}: ${JSON.stringify(s.text.slice(0, 60))} ≠ ${JSON.stringify(written.slice(0, 60))}`);
    if (spans[0].start !== s.start || spans[spans.length - 1].end !== s.end) errors.push(`${parsed.contentHash}@${s.start}: offsets are not its spans' bounds`);
    if (spans.length === 1 && parsed.text.slice(s.start, s.end) !== s.text) errors.push(`${parsed.contentHash}@${s.start}: one span, other text`);
    spans.forEach((x, i) => {
      if (x.end <= x.start || (i > 0 && x.start < spans[i - 1].end)) errors.push(`${parsed.contentHash}@${s.start}: spans empty or out of order`);
    });
  }
  return errors;
}

function corpusOrSkip(ctx: { skip: () => void }): string | null {
  const dir = corpusDir();
  if (!dir) {
    if (process.env.CI) throw new Error('the corpus (../shared/corpus) is required under CI');
    ctx.skip();
  }
  return dir;
}

describe('statement offsets are exact', () => {
  it('for every statement of the seeds', () => {
    const seeds = fs.readdirSync('seeds').filter((f) => f.endsWith('.txt'));
    expect(seeds.length).toBeGreaterThan(0);
    const errors = seeds.flatMap((f) => offsetErrors(parseArticle({ raw: fs.readFileSync(path.join('seeds', f), 'utf8'), origin: f })));
    expect(errors).toEqual([]);
  });

  it('for every statement of 500 corpus articles (250 BBC, 250 Reuters)', (ctx) => {
    const dir = corpusOrSkip(ctx);
    if (!dir) return;
    let statements = 0;
    const errors: string[] = [];
    for (const [file, count] of [['bbc.jsonl', 250], ['reuters21578.jsonl', 250]] as const) {
      const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean);
      let taken = 0;
      for (const line of lines) {
        if (taken >= count) break;
        const record = JSON.parse(line);
        if (!record.body) continue;
        taken++;
        const parsed = parseArticle(jsonlRecordToRaw(record, `${file}#${taken}`, String(record.id ?? record.newid)));
        statements += extractArticle(parsed).statements.length;
        errors.push(...offsetErrors(parsed));
      }
    }
    expect(statements).toBeGreaterThan(500);
    expect(errors.slice(0, 10)).toEqual([]);
  });
});
