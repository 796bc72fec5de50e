import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { decodeArticleBytes } from '../ingest/parse-article.ts';
import type { RawArticle } from '../ingest/types.ts';

/** Either an article ready to parse, or a source that could not even be read. */
export type SourceItem = { ok: true; article: RawArticle } | { ok: false; origin: string; error: string };

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.html', '.htm', '']);

/** Expands files and directories (recursively, sorted) into the files to ingest. */
export function listSourceFiles(inputs: string[]): string[] {
  const files: string[] = [];
  const walk = (p: string) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) {
        if (entry.startsWith('.')) continue;
        walk(path.join(p, entry));
      }
    } else if (stat.isFile()) {
      const ext = path.extname(p).toLowerCase();
      if (TEXT_EXTENSIONS.has(ext) || ext === '.jsonl') files.push(p);
    }
  };
  for (const input of inputs) {
    if (!fs.existsSync(input)) throw new Error(`No such file or directory: ${input}`);
    walk(input);
  }
  return files;
}

// JSON can spell lone UTF-16 surrogates ("\ud83d") and NUL ("\u0000"); no UTF-8 text file has them,
// and PostgreSQL refuses both (the article failed with "could not store: ... lone leading surrogate"
// or "invalid byte sequence for encoding UTF8: 0x00"). Surrogates get a UTF-8 decoder's repair, NULs go.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (v: string) => v.replace(LONE_SURROGATE, '\uFFFD').replace(/\u0000/g, '');
const str = (v: unknown): string | undefined => (typeof v === 'string' && clean(v).trim() !== '' ? clean(v) : undefined);

/**
 * One JSON object per line, as in the shared corpora (BBC, Reuters, PolNeAR):
 * `title`, `body` or `text`, `date`/`publication_date`/`publishedAt`, `source`/`publisher`, `url`, `dateline`, `id`.
 */
export function jsonlRecordToRaw(record: Record<string, unknown>, origin: string, externalId?: string): RawArticle {
  const body = str(record.body) ?? str(record.text) ?? '';
  const rawDate = str(record.publishedAt) ?? str(record.publication_date) ?? str(record.date);
  return {
    raw: body,
    origin,
    meta: {
      title: str(record.title),
      source: str(record.source) ?? str(record.publisher),
      url: str(record.url),
      publishedAt: rawDate ? normaliseDate(rawDate) : undefined,
      dateline: str(record.dateline),
      externalId,
    },
  };
}

const MONTHS: Record<string, string> = { JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12' };

/** Accepts ISO dates and Reuters' `26-FEB-1987 15:01:01.79`; anything else is dropped rather than guessed. */
export function normaliseDate(raw: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const reuters = /^\s*(\d{1,2})-([A-Z]{3})-(\d{4})/i.exec(raw);
  if (reuters && MONTHS[reuters[2].toUpperCase()]) return `${reuters[3]}-${MONTHS[reuters[2].toUpperCase()]}-${reuters[1].padStart(2, '0')}`;
  return undefined;
}

async function* readJsonl(file: string): AsyncGenerator<SourceItem> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (!line.trim()) continue;
    const origin = `${file}:${n}`;
    try {
      const record = JSON.parse(line) as Record<string, unknown>;
      const id = str(record.id) ?? str(record.doc_id) ?? (typeof record.newid === 'number' ? String(record.newid) : undefined);
      const article = jsonlRecordToRaw(record, id ? `${file}#${id}` : origin, id);
      if (article.raw.length > MAX_ARTICLE_BYTES) yield { ok: false, origin: article.origin, error: tooLarge(Buffer.byteLength(article.raw)) };
      else yield { ok: true, article };
    } catch (error) {
      yield { ok: false, origin, error: `invalid JSON line: ${(error as Error).message}` };
    }
  }
}

/**
 * A news article is tens of kilobytes; a file many megabytes long is something else (a dump, a log,
 * a concatenation) and would hold the batch up for a long time. Refused with a per-file error.
 */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

const tooLarge = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB is too large for one article (limit ${MAX_ARTICLE_BYTES / 1024 / 1024} MB)`;

/** Reads every source lazily, so a 20k-article corpus never sits in memory at once. */
export async function* readSources(inputs: string[]): AsyncGenerator<SourceItem> {
  for (const file of listSourceFiles(inputs)) {
    if (file.toLowerCase().endsWith('.jsonl')) {
      yield* readJsonl(file);
      continue;
    }
    try {
      const size = fs.statSync(file).size;
      if (size > MAX_ARTICLE_BYTES) {
        yield { ok: false, origin: file, error: tooLarge(size) };
        continue;
      }
      yield { ok: true, article: { raw: decodeArticleBytes(fs.readFileSync(file), file), origin: file } };
    } catch (error) {
      yield { ok: false, origin: file, error: (error as Error).message };
    }
  }
}
