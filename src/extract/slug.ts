/** The key form of a name: accents dropped, lower case, runs of anything else one hyphen ("Kim Jong-un" → "kim-jong-un"). */
export const slug = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
