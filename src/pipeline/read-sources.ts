import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { decodeArticleBytes } from '../ingest/parse-article.ts';
import { FIELD_LIMITS, MAX_ARTICLE_BYTES, tooLarge } from '../ingest/field-limits.ts';
import type { RawArticle } from '../ingest/types.ts';

/** Either an article ready to parse, or a source that could not even be read. */
export type SourceItem = { ok: true; article: RawArticle } | { ok: false; origin: string; error: string };

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.html', '.htm', '']);
const isSource = (name: string) => {
  const ext = path.extname(name).toLowerCase();
  return TEXT_EXTENSIONS.has(ext) || ext === '.jsonl';
};

/** A file to read, or a directory entry that cannot be read (reported on its own; the walk goes on). */
export type SourceEntry = { ok: true; path: string } | { ok: false; origin: string; error: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** A file name as text: its valid UTF-8 sequences as they are, every other byte as `\xHH`. */
export function escapeFileName(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    const char = len ? utf8OrNull(bytes.subarray(i, i + len)) : null;
    if (char !== null && i + len <= bytes.length) {
      out += char;
      i += len;
    } else {
      out += `\\x${b.toString(16).padStart(2, '0')}`;
      i += 1;
    }
  }
  return out;
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? '';

/** Why `stat` failed on an entry, in words (the entry is a symbolic link when its target is the problem). */
function unreadable(full: string | Buffer, error: unknown): string {
  const code = errorCode(error);
  let target: string | null = null;
  try {
    if (fs.lstatSync(full).isSymbolicLink()) target = escapeFileName(fs.readlinkSync(full, { encoding: 'buffer' }));
  } catch {
    /* gone meanwhile: report the first error */
  }
  if (code === 'ELOOP') return `symbolic link loop (${target ? `links to ${target}; following the links never reaches a file` : 'too many levels of symbolic links'}), skipped`;
  if (code === 'ENOENT' && target !== null) return `broken symbolic link (its target ${target} does not exist), skipped`;
  if (code === 'ENOENT') return 'no such file or directory, skipped';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied, skipped';
  return `cannot be read (${code || (error as Error).message}), skipped`;
}

/**
 * Expands files and directories (recursively, sorted by name, dot files left out) into the files to
 * ingest. Symbolic links are followed. An entry that cannot be used — a broken link, a link loop, a
 * link back to a directory being walked, a name that is not UTF-8, an unreadable directory — comes
 * out as an error entry of its own and the walk goes on: one bad entry must not cost the good ones.
 */
export function* walkSources(inputs: string[]): Generator<SourceEntry> {
  /** `dirs`: device:inode of the directories on the way down, to see a link that leads back up. */
  function* visit(full: string | Buffer, origin: string, name: string | null, dirs: Map<string, string>): Generator<SourceEntry> {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (error) {
      yield { ok: false, origin, error: unreadable(full, error) };
      return;
    }
    if (stat.isFile()) {
      if (!isSource(origin)) return;
      // Origins are text (in reports and the article's origin column); such a name has no faithful one.
      if (name === null) yield { ok: false, origin, error: 'file name is not valid UTF-8, skipped (rename the file to ingest it)' };
      else yield { ok: true, path: full as string };
      return;
    }
    if (!stat.isDirectory()) return; // sockets, FIFOs, devices: not articles
    if (name === null) {
      yield { ok: false, origin, error: 'directory name is not valid UTF-8, skipped with everything in it (rename it to ingest them)' };
      return;
    }
    const id = `${stat.dev}:${stat.ino}`;
    const ancestor = dirs.get(id);
    if (ancestor !== undefined) {
      yield { ok: false, origin, error: `directory loop (leads back to ${ancestor}, which is already being read), skipped` };
      return;
    }
    let entries: Buffer[];
    try {
      entries = fs.readdirSync(full, { encoding: 'buffer' });
    } catch (error) {
      yield { ok: false, origin, error: `directory ${unreadable(full, error)}` };
      return;
    }
    const named = entries
      .filter((bytes) => bytes[0] !== 0x2e) // dot files
      .map((bytes) => ({ bytes, name: utf8OrNull(bytes) }))
      .map((e) => ({ ...e, shown: e.name ?? escapeFileName(e.bytes) }))
      .sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
    const inside = new Map(dirs).set(id, origin);
    for (const e of named) {
      const child = e.name !== null ? path.join(full as string, e.name) : Buffer.concat([Buffer.from(`${full as string}/`), e.bytes]);
      yield* visit(child, path.join(origin, e.shown), e.name, inside);
    }
  }
  for (const input of inputs) yield* visit(input, input, input, new Map());
}

/** The files `walkSources` finds, without the entries it reports. */
export function listSourceFiles(inputs: string[]): string[] {
  const files: string[] = [];
  for (const entry of walkSources(inputs)) if (entry.ok) files.push(entry.path);
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
      // An id too long to be one is reported by the parse stage; the line number names the record meanwhile.
      const article = jsonlRecordToRaw(record, id && id.length <= FIELD_LIMITS.id ? `${file}#${id}` : origin, id);
      if (article.raw.length > MAX_ARTICLE_BYTES) yield { ok: false, origin: article.origin, error: tooLarge(Buffer.byteLength(article.raw)) };
      else yield { ok: true, article };
    } catch (error) {
      yield { ok: false, origin, error: `invalid JSON line: ${(error as Error).message}` };
    }
  }
}

export { MAX_ARTICLE_BYTES };

/** Reads every source lazily, so a 20k-article corpus never sits in memory at once. */
export async function* readSources(inputs: string[]): AsyncGenerator<SourceItem> {
  for (const entry of walkSources(inputs)) {
    if (!entry.ok) {
      yield entry;
      continue;
    }
    const file = entry.path;
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
