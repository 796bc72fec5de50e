import * as crypto from 'node:crypto';
import { FIELD_LIMITS, firstFieldProblem } from './field-limits.ts';
import { ParseError } from './parse-error.ts';
import { htmlToText, looksLikeHtml, normalizeText } from './normalize-text.ts';
import type { Paragraph, ParsedArticle, RawArticle } from './types.ts';

export { ParseError };

/** UTF-8, else Windows-1252 (a superset of Latin-1); binary content is refused. */
export function decodeArticleBytes(buf: Buffer, origin = 'input'): string {
  const sample = buf.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) throw new ParseError(origin, 'binary file (contains NUL bytes), not an article');
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.05) throw new ParseError(origin, 'binary file (control characters), not an article');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(buf);
  }
}

const DATE_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*(.*)$/i;
const SOURCE_LINE = /^\s*Source:\s*(.+?)(?:\s+date\s+(\d{4}-\d{2}-\d{2})\b.*)?\s*$/i;
const DATELINE = /^([A-Z][A-Z.'\- ]{1,40}[A-Z])(?:,\s*[A-Za-z][A-Za-z .]{1,30}?)?\s*(?::|\s[-–—]{1,2})\s+(?=\S)/;
const CREDIT = /\[(?:File|Photo|Image|Picture|Video)?:?[^\]]*(?:Reuters|AFP|AP|Getty|EPA|File|Photo|Images|Xinhua|Yonhap|KCNA)[^\]]*\]\s*$/i;
const CAPTION_START = /^(?:A |An |The )?(?:combination of |combo of )?(?:file )?(?:photo|photos|picture|pictures|image|images)\b|^(?:photo|picture|image|file photo)s?:/i;

function isCaption(line: string): boolean {
  return CREDIT.test(line) || CAPTION_START.test(line) || /\bfile photos?\b/i.test(line) && !/[.!?]["”’]?$/.test(line);
}

/** Stray numbers (image ids), separators. */
function isJunk(line: string): boolean {
  return /^[\d\s\-_=*#.]+$/.test(line);
}

/** A wire service's sign-off on a line of its own ("Reuter", "REUTER..."): no text of the story. */
function isSignOff(line: string): boolean {
  return /^(?:reuters?|afp|ap)\.{0,3}$/i.test(line);
}

/** A short line without final punctuation between paragraphs: a subheading, not body text. */
function isSubheading(line: string): boolean {
  return line.length <= 60 && !/[.!?:;,"”’)]$/.test(line) && line.split(/\s+/).length <= 8;
}

/** Whether line i continues the previous one (hard-wrapped prose) rather than starting a new paragraph. */
function wrapped(lines: string[], i: number): boolean {
  const prev = lines[i - 1] ?? '';
  return prev.length >= 50 && !/[.!?"”’)\]]$/.test(prev);
}

/**
 * The SHA-256 of a string in hex: the one-shot crypto.hash where Node has it (20.12 on), which skips
 * the Hash object createHash builds per article; createHash before.
 */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const sha256Hex = (s: string): string => (oneShot ? oneShot('sha256', s, 'hex') : crypto.createHash('sha256').update(s).digest('hex'));

/** Turns raw article text into the normalised article every later stage works on. */
export function parseArticle(input: RawArticle): ParsedArticle {
  const origin = input.origin;
  if (typeof input.raw !== 'string') throw new ParseError(origin, 'no text');
  let raw = input.raw;
  if (raw.includes('\u0000')) throw new ParseError(origin, 'binary content (NUL bytes), not an article');
  if (looksLikeHtml(raw)) raw = htmlToText(raw);
  const normalized = normalizeText(raw);
  if (normalized.trim() === '') throw new ParseError(origin, 'empty article');

  const rawLines = normalized.split('\n');
  const lines = rawLines.map((l) => l.replace(/ {2,}/g, ' ').trim());
  // Wire copy is hard-wrapped with indented paragraphs (Reuters): an indented line starts a paragraph.
  const indented = rawLines.map((l) => /^(?: {2,}|\t)\S/.test(l));
  const metaTitle = input.meta?.title ? normalizeText(input.meta.title).trim() : null;
  let title: string | null = metaTitle;
  let publishedAt: string | null = null;
  let source: string | null = null;
  const captions: string[] = [];
  const body: string[] = [];

  let i = 0;
  if (!title) {
    while (i < lines.length && lines[i] === '') i++;
    const first = lines[i] ?? '';
    const dated = DATE_LINE.exec(first);
    if (dated) {
      publishedAt = dated[1];
      title = dated[2].trim() || null;
      i++;
      if (!title) {
        while (i < lines.length && lines[i] === '') i++;
        title = lines[i] ?? null;
        i++;
      }
    } else if (first.length <= 300 && lines.length > 1) {
      title = first;
      i++;
    }
  }
  // Lines between blank lines form one paragraph (hard-wrapped lines are joined).
  let block: string[] = [];
  const flush = () => {
    if (!block.length) return;
    const para = block.join(' ');
    block = [];
    if (isJunk(para) || isSignOff(para)) return;
    if (isCaption(para)) {
      captions.push(para);
      return;
    }
    if (body.length > 0 && isSubheading(para)) return;
    body.push(para);
  };
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') {
      flush();
      continue;
    }
    const dated = DATE_LINE.exec(line);
    if (dated && !publishedAt) {
      flush();
      publishedAt = dated[1];
      continue;
    }
    const src = SOURCE_LINE.exec(line);
    if (src) {
      flush();
      source = src[1].replace(/[.\s]+$/, '');
      if (src[2] && !publishedAt) publishedAt = src[2];
      continue;
    }
    if (indented[i] || isJunk(line)) flush();
    // A line that is a whole caption or subheading on its own stays on its own.
    if (block.length && (isCaption(line) || /[.!?"”’)\]]$/.test(block[block.length - 1]) && !wrapped(lines, i))) flush();
    block.push(line);
  }
  flush();
  if (input.meta?.publishedAt) publishedAt = input.meta.publishedAt.slice(0, 10);
  if (input.meta?.source) source = input.meta.source;
  if (!title) title = body.length ? body[0].slice(0, 120) : '';
  if (body.length === 0 && !title) throw new ParseError(origin, 'no usable text');
  if (publishedAt && (!/^\d{4}-\d{2}-\d{2}$/.test(publishedAt) || Number.isNaN(Date.parse(publishedAt)))) publishedAt = null;

  let dateline: string | null = input.meta?.dateline ? normalizeText(input.meta.dateline).replace(/[\s:\-–—]+$/, '').trim() || null : null;
  if (!dateline && body.length) {
    const m = DATELINE.exec(body[0]);
    if (m && m[1].length >= 3) dateline = m[1].trim();
  }

  // A title given from outside is checked whole; one read from the text is a line of it, cut to length.
  const problem = firstFieldProblem({ url: input.meta?.url, title: metaTitle || title.slice(0, FIELD_LIMITS.title), source, dateline, id: input.meta?.externalId });
  if (problem) throw new ParseError(origin, problem.message);

  const paragraphs: Paragraph[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const p of body) {
    if (length) {
      parts.push('\n\n');
      length += 2;
    }
    paragraphs.push({ text: p, start: length, end: length + p.length });
    parts.push(p);
    length += p.length;
  }
  // One flat string (join builds it so), not a chain of concatenations: every later stage reads it
  // character by character, and one representation keeps their compiled code from deoptimising.
  const text = parts.join('');
  const contentHash = sha256Hex(`${title}\n${text}`);
  return {
    title: title.slice(0, FIELD_LIMITS.title),
    source,
    url: input.meta?.url ?? null,
    externalId: input.meta?.externalId ?? null,
    publishedAt,
    dateline,
    text,
    paragraphs,
    captions,
    contentHash,
  };
}
