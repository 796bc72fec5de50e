import { NOT_NAME } from '../lexicon.ts';
import type { EntityDraft, OrgDraft } from '../entity-drafts.ts';
import { placeInfo } from '../gazetteer.ts';
import { opensWithGivenName } from '../given-names.ts';

/**
 * Company names as wire copy writes them. Reuters puts a company's name between angle brackets where
 * its story first names a firm without a ticker ("led by <Kidder, Peabody and Co Inc> and …"): 2,592
 * such names in Reuters-21578. Read word by word, the commas split them into a person "<Kidder" and a
 * firm "Peabody and Co Inc".
 */

/** Text between angle brackets, up to 100 characters (wire copy breaks lines inside them: "<Pratt\nand Whitney>"). */
const BRACKETED = /<([^<>]{2,100})>/g;
/**
 * A name inside the brackets starts with a capital and has a lower-case letter: tickers ("<PNTA>",
 * "<CKGH.HK>", "<VOLV ST>") are capitals only, and the few lower-case codes ("<shu>") start with none.
 */
const FIRM_NAME = /^\p{Lu}[\p{L}\p{M}\d&.,'’()\-\s]*$/u;
const HAS_LOWER = /\p{Ll}/u;

/** The names of firms written between angle brackets, as spans of the name inside them (trimmed). */
export function bracketedFirms(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (!text.includes('<')) return out;
  for (const m of text.matchAll(BRACKETED)) {
    const inner = m[1];
    const name = inner.trim();
    if (!FIRM_NAME.test(name) || !HAS_LOWER.test(name)) continue;
    const start = m.index! + 1 + (inner.length - inner.trimStart().length);
    out.push({ start, end: start + name.length });
  }
  return out;
}

/**
 * A span of the model with Reuters' ticker brackets cut away ("Citicorp <CCI" → "Citicorp", "DD> Conoco
 * Inc" → "Conoco Inc"): the longest stretch between brackets that has a lower-case letter, or null
 * when none has (the span was a ticker). Spans without brackets are returned as they are.
 */
export function withoutTickers<T extends { start: number; end: number }>(text: string, s: T): T | null {
  const words = text.slice(s.start, s.end);
  if (!/[<>]/.test(words)) return s;
  let best: T | null = null;
  for (const part of words.matchAll(/[^<>]+/g)) {
    const name = part[0].trim();
    if (!HAS_LOWER.test(name) || (best && name.length <= best.end - best.start)) continue;
    const start = s.start + part.index! + (part[0].length - part[0].trimStart().length);
    best = { ...s, start, end: start + name.length };
  }
  return best;
}

/** Capitalised words of a firm's name, initials included ("E.F.", "Poor's", "Owens-Illinois"). */
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
/** The legal suffix group that ends a firm's name ("Co Inc", "Corp.", "Co Ltd"). */
const SUFFIX_WORDS = new Set(['Inc', 'Corp', 'Corporation', 'Co', 'Cos', 'Ltd', 'Plc', 'PLC', 'plc', 'AG', 'SA', 'NV', 'SpA', 'Holdings', 'Bhd', 'LP']);
const SUFFIX_GROUP = String.raw`(?:(?:${[...SUFFIX_WORDS].join('|')})\b\.?[ \t]*){1,2}`;
/** Up to eight capitalised words joined by spaces, "and", "&" or commas, then a legal suffix group. */
const JOINED_FIRM = new RegExp(String.raw`${NAME_WORD}(?:(?:,\s+|\s+(?:and|&)\s+|\s+)${NAME_WORD}){1,7}\s+${SUFFIX_GROUP}`, 'gu');
/** What every JOINED_FIRM match holds, a legal suffix word after a space: texts without one skip that pattern. */
const ANY_SUFFIX = new RegExp(String.raw`\s(?:${[...SUFFIX_WORDS].join('|')})\b`, 'u');
const LEADING_THE = /^The\s+/;
/** The suffix group ending a matched name; and with it a trailing "and Co" / "and Sons" (the short form's end). */
const TRAILING_SUFFIX = new RegExp(String.raw`\s+${SUFFIX_GROUP}$`, 'u');
const TRAILING_AND_CO = new RegExp(String.raw`(?:,?\s+(?:and|&)\s+(?:Co|Company|Sons))?\s+${SUFFIX_GROUP}$`, 'u');

const isCountry = (word: string) => placeInfo(word)?.kind === 'COUNTRY';

/**
 * Whether a match of JOINED_FIRM reads as one firm: it is joined by "and", "&" or a comma (names
 * without them the recogniser reads whole), uses "and" once ("Wagner and Brown and AFG Industries Inc"
 * is two), has no legal suffix or possessive of a country before its end ("First Boston Corp and
 * Kidder, Peabody and Co Inc", "Britain's Cable and Wireless Plc") and, with commas, names of one or
 * two words between them ("Smith Barney, Harris Upham and Co", not "Fed President E. Gerald Corrigan,
 * Federal Deposit Insurance Corp").
 */
function readsAsOneFirm(name: string): boolean {
  const body = name.replace(TRAILING_SUFFIX, '');
  const ands = body.match(/\s(?:and|&)(?=\s|$)/g)?.length ?? 0;
  if ((ands === 0 && !body.includes(',')) || ands > 1) return false;
  const words = body.split(/[\s,]+/);
  if (words.some((w) => SUFFIX_WORDS.has(w.replace(/['’]s$|\.$/, '')) || /\.$/.test(w) && !/^(?:\p{Lu}\.)+$/u.test(w) && !/^\p{Lu}[a-z]?\.$/u.test(w))) return false;
  // A sentence's first word ("Replacing Inco and …", "May, First Chicago Ltd") or an article inside ("Nova, An Alberta Corp").
  if (/['’]s$/.test(words[0]) || /ing$/.test(words[0]) || NOT_NAME.has(words[0]) || words.some((w) => /^(?:A|An|The)$/.test(w))) return false;
  // A country joined to a firm ("… venture of SNECMA of France and General Electric Co",
  // "Nigeria and Barclays Bank Plc"); not two countries naming one ("Australia and New Zealand Banking Group").
  const joinedCountry = /^(\S+)(?:,|\s+(?:and|&))\s+(\S+(?:\s+\S+)?)/.exec(body);
  if (joinedCountry && isCountry(joinedCountry[1]) && !isCountry(joinedCountry[2].split(' ')[0]) && !isCountry(joinedCountry[2])) return false;
  const parts = body.split(',');
  return parts.slice(0, -1).every((p) => p.trim().split(/\s+/).length <= 2);
}

/**
 * Joined names of firms news writes without their suffix ("Standard and Poor's said"): known, so that
 * a story that never writes the legal name still reads them whole.
 */
const KNOWN_SHORT_FORMS = ["Standard and Poor's", 'Standard & Poor’s', "Standard & Poor's", 'Standard and Poor’s', 'Procter and Gamble', 'Procter & Gamble', 'Marks and Spencer', 'Marks & Spencer', 'Johnson and Johnson', 'Johnson & Johnson', 'Cable and Wireless', 'Kidder, Peabody', 'Goldman, Sachs', 'Bear, Stearns', 'Tate and Lyle', 'Saatchi and Saatchi', 'Rolls-Royce and Bentley'];

/**
 * Firms whose names join words with "and", "&" or commas and end in a legal suffix ("Standard and
 * Poor's Corp", "Kidder, Peabody and Co Inc", "American Telephone and Telegraph Co"): 1,306 such
 * names in Reuters-21578 + BBC, which the recogniser split at the joiner ("Standard" and "Poor's Corp").
 * Each name, and later mentions of it without its suffix ("Standard and Poor's said"), is one
 * organisation, named as first written; a leading "The" is not part of it.
 */
export function joinedFirms(text: string): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  const shortForms = new Map<string, string>();
  for (const m of ANY_SUFFIX.test(text) ? text.matchAll(JOINED_FIRM) : []) {
    const raw = m[0].replace(LEADING_THE, '').trimEnd();
    const name = raw.replace(/\s+/g, ' ');
    if (!readsAsOneFirm(name)) continue;
    const start = m.index! + (m[0].length - m[0].replace(LEADING_THE, '').length);
    out.push({ start, end: start + raw.length, name });
    const short = name.replace(TRAILING_AND_CO, '');
    if (/,|\s(?:and|&)\s/.test(short) && !shortForms.has(short)) shortForms.set(short, name);
  }
  // A known short form the story never writes in full names itself.
  for (const k of KNOWN_SHORT_FORMS) if (!shortForms.has(k) && text.includes(k)) shortForms.set(k, k);
  for (const [short, name] of shortForms) {
    const pattern = new RegExp(String.raw`(?<![\p{L}\p{M}])${short.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(String.raw`\s+`)}(?![\p{L}\p{M}])`, 'gu');
    for (const m of text.matchAll(pattern)) {
      if (!out.some((f) => f.start <= m.index! && m.index! < f.end)) out.push({ start: m.index!, end: m.index! + m[0].length, name });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The last word of a company's legal name ("Chrysler Corp", "Mannesmann AG", "Pirelli Spa"; French and
 * German "Cie", "Lazard Freres et Cie", "Brown Boveri und Cie").
 */
export const COMPANY_SUFFIX = /\s(?:Cie|Inc|Corp|Corporation|Co|Cos|Ltd|Plc|PLC|plc|AG|A\.G|SA|S\.A|NV|N\.V|SpA|Spa|Bancorp|Holdings|Bhd|Pty|LP|L\.P)\.?$/;

/** A name a person never has: a company's legal name ("San Miguel Corp", "Rainier Bancorp"). */
export const isCompanyName = (name: string) => COMPANY_SUFFIX.test(name);

/**
 * Last words of a firm's name that say its trade and are nobody's surname ("Lenox Healthcare",
 * "Blackhawk Mining", "Walter Energy", "Shanda Interactive Entertainment"). The recogniser, which
 * reads a capitalised pair after a given name as a person, tags such names as people.
 */
const TRADE_HEAD = /\s(?:Healthcare|Mining|Energy|Fuels|Entertainment|Pharmaceuticals|Technologies|Industries|Petroleum|Airlines|Airways|Telecommunications|Communications|Electronics|Semiconductors?|Software|Insurance|Bancorp|Bancshares|Securities|Enterprises|Chemicals|Minerals|Exploration|Shipping|Logistics|Utilities|Realty)$/;

/** A name of two words or more that ends in a word of trade (TRADE_HEAD): a firm's, never a person's. */
export const isTradeName = (name: string) => TRADE_HEAD.test(name);

/**
 * The firm a "person" shortens: a name that opens the legal name of a company in the same article
 * ("Chrysler" beside "Chrysler Corp", 49 Reuters stories; "Santa Fe" beside "Santa Fe Southern Pacific
 * Corp"; "Kidder" beside "Kidder, Peabody and Co Inc"), or is such a legal name without its suffix ("Chrysler Financial" beside "Chrysler Financial
 * Corp"). Never a name with a title or role; the most mentioned such company. The given-name lists are
 * no guard here: they hold "Chrysler" and "Perry", and "Peter Miller" beside "Peter Miller Apparel
 * Group Inc" is the firm.
 */
export function firmShortened(person: EntityDraft, orgs: Iterable<OrgDraft>): OrgDraft | null {
  const name = person.name;
  if (person.roles.size > 0) return null;
  let best: OrgDraft | null = null;
  for (const o of orgs) {
    // A trade name shortens to its first word only when that word is no given name ("Lenox" beside "Lenox Healthcare";
    // not "Henry" beside "Henry Realty" in an obituary naming the founder's father Henry).
    if (!isCompanyName(o.name) && !(isTradeName(o.name) && !name.includes(' ') && !opensWithGivenName([name]))) continue;
    if (!o.name.startsWith(`${name} `) && !o.name.startsWith(`${name},`) && o.name.replace(COMPANY_SUFFIX, '') !== name) continue;
    if (!best || o.mentions.length > best.mentions.length) best = o;
  }
  return best;
}

/**
 * Last words of companies named "General …" ("General Electric", "General Public Utilities",
 * "General Dynamics"): words of trade, never the surname after a general's title. Read as a title and
 * a name, by the rules and by the recogniser (trained on 1996 copy, it tags "Electric" after
 * "General" as a person), they made people called Electric (15 Reuters stories), Partners (12),
 * Automation (5) and Public Utilities (3).
 */
const GENERAL_FIRM = new RegExp(
  String.raw`(?<!(?:Attorney|Secretary|Surgeon|Inspector|Solicitor|Auditor|Postmaster|Governor|Director|Consul|Major|Lieutenant|Brigadier|Adjutant|Comptroller|Accountant)\s+)\bGeneral(?:\s+\p{Lu}[\p{L}\p{M}]+){0,2}?\s+(?:Electric|Partners|Automation|Acquisitions?|Mills|Dynamics|Utilities|Cinema|Host|Nutrition|Tire|Binding|Products|Refractories|Accident|Instruments?|Mining|Foods|Masonry|Merchandise|Signal|Datacomm|Defense|Electronics|Telephone|Chemicals?|Steel|Homes|Insurance|Re|Microwave|Data|Computer|Cable|Housewares|Kinetics|Devices|Industries|Technologies|Systems|Semiconductor|Bancshares|Development|Leasing)\b(?:\s+${SUFFIX_GROUP})?`,
  'gu',
);

/** Companies named "General <words of trade>" (GENERAL_FIRM), with a legal suffix when one follows. */
export function generalFirms(text: string): { start: number; end: number; name: string }[] {
  if (!text.includes('General')) return [];
  return [...text.matchAll(GENERAL_FIRM)].map((m) => {
    const raw = m[0].trimEnd();
    return { start: m.index!, end: m.index! + raw.length, name: raw.replace(/\s+/g, ' ') };
  });
}
