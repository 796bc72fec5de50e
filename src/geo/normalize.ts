const PLAIN = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/**
 * The key a place name is looked up by in the gazetteer table: lower case, accents and punctuation
 * dropped, "St"/"St." read as "Saint" ("St. Louis", "St Petersburg" and GeoNames' "Saint Petersburg"
 * meet), a leading "the" dropped. Shared by the build script and the runtime look-up.
 */
export function gazetteerKey(name: string): string {
  // ASCII letters in single-spaced words (most names): normalising, dropping marks and punctuation change nothing.
  if (PLAIN.test(name)) return name.toLowerCase().replace(/^the /, '').replace(/(^| )st( |$)/g, '$1saint$2');
  return fullGazetteerKey(name);
}

/** The full normalisation gazetteerKey's plain-name path stands in for (exported for the test that holds them equal). */
export function fullGazetteerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/(^| )st( |$)/g, '$1saint$2');
}
