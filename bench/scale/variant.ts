import { createHash } from 'node:crypto';
import { slug } from '../../src/extract/extract-article.ts';
import type { Extraction, Mention } from '../../src/extract/types.ts';
import type { ParsedArticle, Span } from '../../src/ingest/types.ts';
import { isYear, rewrite, rewriteString, type Rewritten, type VariantChange } from './rewrite.ts';

/** One variant's change, with what keys need: the swap in the slug form keys spell names in. */
export interface Variant extends VariantChange {
  index: number;
  slugSwap: Map<string, string>;
}

export function makeVariant(index: number, swap: Map<string, string>, numberFactor: number): Variant {
  // Years go back: variant n is the same news n years earlier, so the newest articles stay the originals.
  const slugSwap = new Map([...swap].map(([from, to]) => [slug(from), slug(to)]));
  return { index, swap, yearShift: -index, numberFactor, slugSwap };
}

/** Article-local and event keys spell names as slugs and may end in a year ("talks:kim+moon@2018"). */
export function renameKey(key: string, v: Variant): string {
  return key
    .split(/([-+:@])/)
    .map((piece) => v.slugSwap.get(piece) ?? (isYear(piece) ? String(Number(piece) + v.yearShift) : piece))
    .join('');
}

export function shiftDate(date: string | null, shift: number): string | null {
  if (!date) return date;
  const m = /^(\d{4})(.*)$/.exec(date);
  if (!m) return date;
  const year = Number(m[1]) + shift;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const rest = m[2].startsWith('-02-29') && !leap ? m[2].replace('-02-29', '-02-28') : m[2];
  return `${String(year).padStart(4, '0')}${rest}`;
}

function span<T extends Span>(s: T, r: Rewritten): T {
  return { ...s, start: r.at(s.start), end: r.at(s.end) };
}

/** The article under the variant's names, years and numbers; its content hash recomputed as parse does. */
export function variantArticle(parsed: ParsedArticle, v: Variant, r: Rewritten): ParsedArticle {
  const title = rewriteString(parsed.title, v);
  const text = r.text;
  return {
    ...parsed,
    title,
    text,
    url: parsed.url ? `${parsed.url}#variant-${v.index}` : null,
    externalId: parsed.externalId ? `${parsed.externalId}~${v.index}` : (parsed.externalId ?? null),
    publishedAt: shiftDate(parsed.publishedAt, v.yearShift),
    dateline: parsed.dateline ? rewriteString(parsed.dateline, v) : null,
    paragraphs: parsed.paragraphs.map((p) => {
      const s = span(p, r);
      return { ...s, text: text.slice(s.start, s.end) };
    }),
    captions: parsed.captions.map((c) => rewriteString(c, v)),
    contentHash: createHash('sha256').update(`${title}\n${text}`).digest('hex'),
  };
}

/** The extraction of the original with every offset moved and every name, key and date renamed alike. */
export function variantExtraction(x: Extraction, oldText: string, v: Variant, r: Rewritten): Extraction {
  const mention = (m: Mention): Mention => {
    const s = span(m, r);
    return { ...s, text: r.text.slice(s.start, s.end) };
  };
  const entity = <T extends { key: string; name: string; aliases: string[]; mentions: Mention[] }>(e: T): T => ({
    ...e,
    key: renameKey(e.key, v),
    name: rewriteString(e.name, v),
    aliases: e.aliases.map((a) => rewriteString(a, v)),
    mentions: e.mentions.map(mention),
  });
  const key = (k: string | null) => (k === null ? null : renameKey(k, v));
  return {
    people: x.people.map((p) => ({ ...entity(p), roles: p.roles.map((role) => rewriteString(role, v)) })),
    organizations: x.organizations.map(entity),
    places: x.places.map(entity),
    events: x.events.map((e) => ({
      ...e,
      key: renameKey(e.key, v),
      title: rewriteString(e.title, v),
      startDate: shiftDate(e.startDate, v.yearShift),
      endDate: shiftDate(e.endDate, v.yearShift),
      placeKey: key(e.placeKey),
      participantKeys: e.participantKeys.map((k) => renameKey(k, v)),
      organizationKeys: e.organizationKeys.map((k) => renameKey(k, v)),
      mentions: e.mentions.map(mention),
    })),
    statements: x.statements.map((s) => {
      const parts = s.spans ?? [{ start: s.start, end: s.end }];
      // The text is the spans' text joined when the extractor made it so; otherwise rename it as written.
      const asSpans = parts.map((p) => oldText.slice(p.start, p.end)).join(' ') === s.text;
      const spans = s.spans?.map((p) => span(p, r));
      const newParts = spans ?? [span({ start: s.start, end: s.end }, r)];
      return {
        ...span(s, r),
        spans,
        text: asSpans ? newParts.map((p) => r.text.slice(p.start, p.end)).join(' ') : rewriteString(s.text, v),
        speaker: s.speaker ? { ...s.speaker, key: renameKey(s.speaker.key, v) } : null,
        speakerText: s.speakerText === null ? null : rewriteString(s.speakerText, v),
        speakerSpan: s.speakerSpan ? span(s.speakerSpan, r) : undefined,
        eventKey: key(s.eventKey),
      };
    }),
  };
}

/** Both halves of a variant of one extracted source. */
export function variantOf(parsed: ParsedArticle, extraction: Extraction, v: Variant): { parsed: ParsedArticle; extraction: Extraction } {
  if (v.index === 0) return { parsed, extraction };
  const r = rewrite(parsed.text, v);
  return { parsed: variantArticle(parsed, v, r), extraction: variantExtraction(extraction, parsed.text, v, r) };
}
