/**
 * Character-level normalisation applied before any offset is computed. Mostly 1:1 replacements;
 * mis-encoded UTF-8 read as Windows-1252 ("â€™") is repaired first, which shortens the text, so all
 * offsets point into the normalised result.
 */
const MOJIBAKE: [RegExp, string][] = [
  [/â€™/g, '’'],
  [/â€˜/g, '‘'],
  [/â€œ/g, '“'],
  [/â€\u009d|â€\u201d/g, '”'],
  [/â€"/g, '—'],
  [/â€“/g, '–'],
  [/Ã©/g, 'é'],
];

const SINGLE: Record<string, string> = {
  '´': '’', // acute accent used as apostrophe ("Korea´s")
  '`': '‘',
  '′': '’',
  '″': '"',
  '«': '“',
  '»': '”',
  '„': '“',
  '‚': '‘',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u200b': '',
  '\ufeff': '',
  '\u0000': '\ufffd', // PostgreSQL text cannot hold NUL
};

const SINGLE_CHARS = new RegExp(`[${Object.keys(SINGLE).join('')}]`, 'g');

// A UTF-16 surrogate without its pair (from a broken file or an entity such as &#xD800;) is not text:
// PostgreSQL refuses to store it. One code unit for one, so offsets are unchanged.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The replacements of one character by one: text that keeps every offset (gold-annotated text). */
const SAME_LENGTH = Object.fromEntries(Object.entries(SINGLE).filter(([from, to]) => to.length === from.length));
const SAME_LENGTH_CHARS = new RegExp(`[${Object.keys(SAME_LENGTH).join('')}]`, 'g');

/**
 * The character repairs both normalisations make, with `chars`/`map` the single characters replaced:
 * a lone surrogate becomes U+FFFD, a left quote used as an apostrophe ("Russia‘s") an apostrophe.
 */
function repairCharacters(s: string, chars: RegExp, map: Record<string, string>): string {
  return s.replace(chars, (ch) => map[ch]).replace(LONE_SURROGATE, '\uFFFD').replace(/(\p{L})‘(s\b)/gu, '$1’$2');
}

/**
 * normalizeText's character replacements that keep offsets (a no-break space is a space, "Korea´s" has
 * an apostrophe, "Russia‘s" too), for text whose annotations point into it as it is: what the
 * extraction reads then is what it reads of the same article ingested.
 */
export function normalizeKeepingOffsets(input: string): string {
  return repairCharacters(input, SAME_LENGTH_CHARS, SAME_LENGTH).replace(/[\t\f\v]/g, ' ');
}

export function normalizeText(input: string): string {
  let s = input.replace(/\r\n?/g, '\n');
  if (s.includes('â€') || s.includes('Ã')) for (const [re, to] of MOJIBAKE) s = s.replace(re, to);
  return repairCharacters(s, SINGLE_CHARS, SINGLE).replace(/[\t\f\v]+/g, ' ');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', mdash: '—', ndash: '–', hellip: '…' };

/** Very small HTML-to-text: block tags become paragraph breaks; scripts/styles dropped. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|blockquote|section|article|header|footer|title)>/gi, '\n\n')
    .replace(/<[^>]{0,2000}>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        const surrogate = code >= 0xd800 && code <= 0xdfff;
        return Number.isFinite(code) && code > 0 && code < 0x110000 && !surrogate ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

export function looksLikeHtml(s: string): boolean {
  return /<(html|body|p|div|br|span|article|h[1-6])\b[^>]*>/i.test(s.slice(0, 20000));
}
