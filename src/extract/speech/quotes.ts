import type { Span } from '../../ingest/types.ts';

/** A quotation: the marks and the words between them. */
export interface Quote extends Span {
  /** Content span, without the marks. */
  inner: Span;
  words: number;
}

/**
 * A straight mark at `at`, inside a quotation opened at `open`, that opens the quotation's next
 * paragraph where paragraphs were run together: it follows the end of a sentence and a space and
 * touches the word after it (`… if he were. "On the other hand, …`). A closing mark touches the
 * sentence it ends instead (`… if he were." On …`).
 */
function continuesQuotation(s: string, open: number, at: number): boolean {
  return at > open + 1 && /[.?!]\s$/.test(s.slice(Math.max(open, at - 2), at)) && /[\p{Lu}\d‘'“]/u.test(s[at + 1] ?? '');
}

/**
 * A quotation of paragraph `p` from the mark at `open` to the one at `close` (or, without a closing
 * mark, to `close`), offsets in the paragraph; none when only spaces lie between.
 */
function add(out: Quote[], text: string, p: Span, open: number, close: number, marked = true): void {
  const inner = { start: p.start + open + 1, end: p.start + close };
  const content = text.slice(inner.start, inner.end);
  if (!content.trim()) return;
  out.push({ start: p.start + open, end: p.start + close + (marked ? 1 : 0), inner, words: content.trim().split(/\s+/).length });
}

/** The marks that open and close double quotations. */
const DOUBLE_MARK = /[“”"]/g;

/** Direct quotations in all styles: “ ” " " ‘ ’ (single quotes only where they cannot be apostrophes). */
export function findQuotes(text: string, paragraphs: Span[]): Quote[] {
  const out: Quote[] = [];
  const openStraight = new Set<number>();
  for (const [pi, p] of paragraphs.entries()) {
    const s = text.slice(p.start, p.end);
    // Curly and straight double quotes pair with each other: writers mix them (“… ," … ").
    let open = -1;
    // A curly quotation inside an open straight one ("… read you the question: “As you know, …” …"):
    // the straight one stays open across it.
    let nested = false;
    // Only the double marks move the pairing: the scan jumps from one to the next.
    DOUBLE_MARK.lastIndex = 0;
    for (let mark = DOUBLE_MARK.exec(s); mark; mark = DOUBLE_MARK.exec(s)) {
      const i = mark.index;
      const ch = mark[0];
      if (ch === '“' && open >= 0 && s[open] === '"') nested = true;
      else if (ch === '”' && nested) nested = false;
      // A left mark closing a quotation (“… problems for her here,“ he said): it touches the word
      // before it and not the one after.
      else if (ch === '“' && open >= 0 && s[open] === '“' && /\S/.test(s[i - 1]) && !/[\p{L}\d‘'“"]/u.test(s[i + 1] ?? ' ')) {
        add(out, text, p, open, i);
        open = -1;
      } else if (ch === '“') open = i;
      // A right mark opening a quotation (”Fear. I am truly afraid …” ― Edwin G. Monroy; ” … what I
      // learned …”): at a word's start or before an ellipsis, with none open and another right mark
      // later in the paragraph to close it.
      else if (ch === '”' && open < 0 && (i === 0 || /\s/.test(s[i - 1])) && /^(?:[\p{L}\d]|\s?(?:…|\.\.\.))/u.test(s.slice(i + 1, i + 5)) && s.indexOf('”', i + 1) > 0) open = i;
      else if (ch === '”' && open >= 0) {
        add(out, text, p, open, i);
        open = -1;
      } else if (ch === '"') {
        const opening = open < 0 && (i === 0 || /[\s(\[—–-]/.test(s[i - 1]));
        if (opening) open = i;
        else if (open >= 0 && s[open] === '"' && continuesQuotation(s, open, i)) {
          // The open quotation ends with its last sentence; this mark opens the next paragraph of it.
          add(out, text, p, open, s.slice(0, i).trimEnd().length, false);
          open = i;
        } else if (open >= 0) {
          add(out, text, p, open, i);
          open = -1;
        }
      }
    }
    // A quotation running to the end of its paragraph (continued in the next one).
    if (open >= 0 && s[open] === '“' && s.length - open > 20) out.push({ start: p.start + open, end: p.end, inner: { start: p.start + open + 1, end: p.end }, words: s.slice(open + 1).split(/\s+/).length });
    // The same in straight quotes, where a colon introduced it or it continues one: a paragraph that
    // opens with the only " it holds ("Caddell continued: ⏎ "The health issue … “As you know, …”").
    else if (s[0] === '"' && s.indexOf('"', 1) < 0 && pi > 0 && (/:\s*$/.test(text.slice(paragraphs[pi - 1].start, paragraphs[pi - 1].end)) || openStraight.has(pi - 1))) {
      // A short one ("(CROSSTALK.)" in a transcript) is no quotation but keeps the run going.
      openStraight.add(pi);
      if (s.length > 20) out.push({ start: p.start, end: p.end, inner: { start: p.start + 1, end: p.end }, words: s.slice(1).split(/\s+/).length });
    }
    const single = /(^|[\s(“—–-])‘([^‘’]*?[^\s])’(?![\p{L}])/gu;
    // (Each pattern needs its opening mark: a paragraph without one is not searched.)
    if (s.includes('‘')) for (let m = single.exec(s); m; m = single.exec(s)) {
      const o = m.index + m[1].length;
      add(out, text, p, o, o + m[2].length + 1);
    }
    const straightSingle = /(^|[\s(])'([^'\n]{2,}?[^\s])'(?![\p{L}])/gu;
    if (s.includes("'")) for (let m = straightSingle.exec(s); m; m = straightSingle.exec(s)) {
      const o = m.index + m[1].length;
      add(out, text, p, o, o + m[2].length + 1);
    }
  }
  // A quotation inside another ("… now says, ‘oh, I want it all made public.’ …") is part of the
  // outer speaker's words, not a statement of its own.
  const sorted = out.sort((a, b) => a.start - b.start || b.end - a.end);
  return sorted.filter((q) => !sorted.some((o) => o !== q && o.start <= q.start && q.end <= o.end && (o.start < q.start || q.end < o.end)));
}

