import type { OrgDraft } from '../entity-drafts.ts';
import { placeInfo } from '../gazetteer.ts';
import { gazetteerCandidates } from '../../geo/table.ts';

/** "Bank's" → "Bank": the possessive a name is sometimes tagged with. */
const bare = (name: string) => name.replace(/['’]s$/, '');

/** A word that names a country or region ("Japan" is no short form of "Bank of Japan"). */
const isAreaName = (word: string) => {
  const known = placeInfo(word);
  return (known !== null && known.kind !== 'CITY') || gazetteerCandidates(word).some((g) => g.kind === 'COUNTRY' || g.kind === 'REGION');
};

/**
 * The organisation a one-word name stands for in its article: the one organisation named in full
 * whose head word it is — the full name ends in it or opens with it before "of" ("the Bank" after
 * "the Bank of England", "the Commission" after "the European Commission", "the Exchange" after
 * "the New York Stock Exchange"). Wire copy names an institution once in full and then by its head
 * noun; without this the head noun became an organisation of its own ("Bank" in 150 Reuters
 * stories, "Commission" in 146). Null when no organisation, or more than one, is named so; never
 * for a government or a country's or region's name.
 */
export function orgShortened(short: OrgDraft, orgs: Iterable<OrgDraft>): OrgDraft | null {
  const word = bare(short.name);
  if (word.includes(' ') || short.kind === 'GOVERNMENT' || isAreaName(word)) return null;
  let found: OrgDraft | null = null;
  for (const o of orgs) {
    if (o === short || !headedBy(o.name, word)) continue;
    if (found) return null;
    found = o;
  }
  return found;
}

/**
 * Names whose head noun alone names another institution: "the House" is the House of
 * Representatives, never the White House.
 */
const OTHER_INSTITUTION = new Set(['White House', 'Oval Office']);

/**
 * Whether `word` heads the name `full`: its last word ("European Commission") or its first before
 * "of" ("Bank of England"); not after "and" or a possessive, where the name joins or owns another
 * ("U.S. and USSR", "Cominco's Trail").
 */
function headedBy(full: string, word: string): boolean {
  if (!full.includes(' ') || OTHER_INSTITUTION.has(full)) return false;
  if (full.startsWith(`${word} of `)) return true;
  if (!full.endsWith(` ${word}`)) return false;
  const before = full.slice(0, -word.length - 1).split(' ').pop()!;
  return !/^(?:and|And|&)$/.test(before) && !/['’]s$/.test(before);
}

/**
 * Head nouns that name no one institution alone: left without the full name they shorten ("the
 * Bank said" in a story naming no bank, "Federal funds", "Finance Minister"), each would become one
 * organisation shared by every story that writes it (a "Bank" in 36 BBC + Reuters stories about
 * different banks). "Treasury", "Congress", "Senate" and "House" stay: wire copy uses them as names.
 */
const GENERIC_HEADS = new Set(['Bank', 'Commission', 'Board', 'Committee', 'Council', 'Ministry', 'Department', 'Agency', 'Court', 'Exchange', 'Federal', 'Finance', 'Treasuries', 'Company', 'Group', 'Union', 'Institute', 'Association', 'Authority', 'Office', 'Bureau', 'Community']);

/** A one-word organisation that is only a generic head noun (GENERIC_HEADS), possessive or not. */
export const genericHead = (o: OrgDraft) => GENERIC_HEADS.has(bare(o.name));

/** The bare form of a short name, kept as the full organisation's alias. */
export const shortAlias = bare;
