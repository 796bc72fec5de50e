import type { EntityDraft, OrgDraft } from '../entity-drafts.ts';

/**
 * Company names as wire copy writes them. Reuters puts a company's name between angle brackets where
 * its story first names a firm without a ticker ("led by <Kidder, Peabody and Co Inc> and <Piper,
 * Jaffray and Hopwood Inc>"): 2,592 such names in Reuters-21578. Read word by word, the commas split
 * them into a person "<Kidder" and a firm "Peabody and Co Inc".
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

/** The last word of a company's legal name ("Chrysler Corp", "Mannesmann AG", "Pirelli Spa"). */
export const COMPANY_SUFFIX = /\s(?:Inc|Corp|Corporation|Co|Cos|Ltd|Plc|PLC|plc|AG|A\.G|SA|S\.A|NV|N\.V|SpA|Spa|Bancorp|Holdings|Bhd|Pty|LP|L\.P)\.?$/;

/** A name a person never has: a company's legal name ("San Miguel Corp", "Rainier Bancorp"). */
export const isCompanyName = (name: string) => COMPANY_SUFFIX.test(name);

/**
 * The firm a "person" shortens: a name that opens the legal name of a company in the same article
 * ("Chrysler" beside "Chrysler Corp", 49 Reuters stories; "Santa Fe" beside "Santa Fe Southern Pacific
 * Corp"), or is such a legal name without its suffix ("Chrysler Financial" beside "Chrysler Financial
 * Corp"). Never a name with a title or role; the most mentioned such company. The given-name lists are
 * no guard here: they hold "Chrysler" and "Perry", and "Peter Miller" beside "Peter Miller Apparel
 * Group Inc" is the firm.
 */
export function firmShortened(person: EntityDraft, orgs: Iterable<OrgDraft>): OrgDraft | null {
  const name = person.name;
  if (person.roles.size > 0) return null;
  let best: OrgDraft | null = null;
  for (const o of orgs) {
    if (!isCompanyName(o.name)) continue;
    if (!o.name.startsWith(`${name} `) && o.name.replace(COMPANY_SUFFIX, '') !== name) continue;
    if (!best || o.mentions.length > best.mentions.length) best = o;
  }
  return best;
}
