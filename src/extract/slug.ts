/** The key form of a name: accents dropped, lower case, runs of anything else one hyphen ("Kim Jong-un" → "kim-jong-un"). */
export const slug = (s: string) => asciiSlug(s) ?? s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * The same key for a name in ASCII (nearly all), in one pass without Unicode normalisation and four
 * regular expressions (the slug of every name was a visible share of extraction); null otherwise.
 * Runs of letters and digits are copied whole and joined by one hyphen.
 */
function asciiSlug(s: string): string | null {
  let out = '';
  let from = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (c >= 128) return null;
    const alnum = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    if (alnum && from < 0) from = i;
    else if (!alnum && from >= 0) {
      out = out ? `${out}-${s.slice(from, i)}` : s.slice(from, i);
      from = -1;
    }
  }
  return out.toLowerCase();
}
