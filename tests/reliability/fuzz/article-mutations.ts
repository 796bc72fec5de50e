import type { Rng } from './rng.ts';

/** Ways a real article can arrive broken. Each takes the text and returns a mutated one. */
const MUTATIONS: Record<string, (rng: Rng, s: string, other: string) => string> = {
  truncate: (rng, s) => s.slice(0, rng.int(0, s.length)),
  deleteSpan: (rng, s) => {
    const a = rng.int(0, s.length);
    return s.slice(0, a) + s.slice(Math.min(s.length, a + rng.int(1, 400)));
  },
  duplicateParagraphs: (rng, s) => {
    const p = s.split('\n\n');
    const i = rng.int(0, p.length - 1);
    p.splice(i, 0, ...Array(rng.int(1, 5)).fill(p[i]));
    return p.join('\n\n');
  },
  shuffleParagraphs: (rng, s) => s.split('\n\n').map((p) => [rng.next(), p] as const).sort((a, b) => a[0] - b[0]).map((x) => x[1]).join('\n\n'),
  strayQuotes: (rng, s) => insertMany(rng, s, ['"', '“', '”', "'", '‘', '’', '«', '»', '""', '“”'], rng.int(1, 12)),
  html: (rng, s) => `<html><head><title>${s.split('\n')[0]}</title><script>var q = "said \\"x\\"";</script></head><body>${s.split('\n\n').map((p) => `<p class="x">${p}</p>`).join('\n')}<div>&nbsp;&amp;&quot;&#8220;Quoted&#8221; said &lt;b&gt;</div></body></html>`,
  controlChars: (rng, s) => insertMany(rng, s, ['\u0000', '\u0001', '\u0007', '\r', '\r\n', '\t', '\u000b', '\u000c', '\u200b', '\u200e', '\u202e', '\ufeff', '\u2028', '\u00ad'], rng.int(1, 20)),
  unicode: (rng, s) => insertMany(rng, s, ['😀', '👩‍👩‍👧', 'é', 'e\u0301', 'Ω', '中文', 'عربي', '\ud83d', '\udc00', 'ﬁ', 'İ', 'ß', '\u0301\u0301\u0301'], rng.int(1, 30)),
  upper: (_rng, s) => s.toUpperCase(),
  lower: (_rng, s) => s.toLowerCase(),
  oneLine: (_rng, s) => s.replace(/\s+/g, ' '),
  manyBlankLines: (rng, s) => s.replace(/\n/g, () => '\n'.repeat(rng.int(1, 6))),
  repeat: (rng, s) => Array(rng.int(5, 40)).fill(s).join('\n\n').slice(0, 300_000),
  splice: (rng, s, other) => s.slice(0, rng.int(0, s.length)) + other.slice(rng.int(0, other.length)),
  quoteFlood: (rng, s) => s + Array.from({ length: rng.int(1, 60) }, (_, i) => `\n\n"Statement ${i} ${'word '.repeat(rng.int(0, 40))}," said ${rng.pick(['Kim', 'Mr Kim', 'Vladimir Putin', 'the ministry', 'he', 'she', 'A', 'X Æ A-12', ''])}.`).join(''),
  longToken: (rng, s) => insertMany(rng, s, ['x'.repeat(rng.int(1000, 50_000))], 1),
  noTitle: (_rng, s) => s.split('\n').slice(1).join('\n'),
  onlyTitle: (_rng, s) => s.split('\n')[0],
  dateNoise: (rng, s) => `${rng.pick(['Published: 31 February 2019', 'date 2019-13-45', 'Updated 3 hours ago', '19 Apr 2019 09:00 GMT', 'date 0000-00-00', 'April 2019', '1 January 10000'])}\n${s}`,
  whitespaceOnly: (rng) => ' \n\t\n '.repeat(rng.int(0, 50)),
  bylineNoise: (rng, s) => `${s}\n\n${rng.pick(['[File: Reuters]', 'By Staff Writer', 'Source: Al Jazeera and news agencies', '(Reporting by X; Editing by Y)', 'MOSCOW:', '— AFP'])}`,
};

function insertMany(rng: Rng, s: string, pieces: string[], n: number): string {
  let out = s;
  for (let i = 0; i < n; i++) {
    const at = rng.int(0, out.length);
    out = out.slice(0, at) + rng.pick(pieces) + out.slice(at);
  }
  return out;
}

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** 1–3 mutations of `base` (with `other` for splicing); returns the text and what was done. */
export function mutateArticle(rng: Rng, base: string, other: string): { text: string; applied: string[] } {
  let text = base;
  const applied: string[] = [];
  for (let i = rng.int(1, 3); i > 0; i--) {
    const name = rng.pick(MUTATION_NAMES);
    text = MUTATIONS[name](rng, text, other);
    applied.push(name);
  }
  return { text, applied };
}
