/** Bump when extraction output changes, so stored articles show which extractor produced them. */
export const EXTRACTOR_VERSION = '1.47.0';
