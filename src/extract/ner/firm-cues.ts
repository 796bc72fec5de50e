import type { EntityDraft, OrgDraft } from '../entity-drafts.ts';
import { COMPANY_SUFFIX } from './firm-names.ts';
import { ANOTHER_CLAUSE } from './its-organisations.ts';

type Spanned = { start: number; end: number };

/**
 * Nouns that class a name as a business or an organisation when they stand right before it ("oil
 * firm Rosneft", "technology companies Dell, Samsung …", "manufacturers like Dell", "French parent
 * Renault", "state oil company Pertamina") or head an appositive after it ("Labatt, Canada's biggest
 * brewery"). "maker" alone is not here: "film-maker Moore" is a person.
 */
const FIRM_NOUN = String.raw`(?:firms?|compan(?:y|ies)|group|giants?|carmakers?|automakers?|chipmakers?|drugmakers?|manufacturers?|producers?|retailers?|brewer(?:y|s)?|airlines?|insurers?|lenders?|banks?|conglomerates?|corporations?|subsidiary|parent|vendors?|suppliers?|operators?|distributors?|enterprises?|organi[sz]ations?|federation|multinationals?|chains?)`;
/**
 * A firm noun, or a state's ownership, right before the name; a plural one also with "such as",
 * "like" or "including" between ("firms such as Dell"; not "a group including Smith").
 */
const FIRM_BEFORE = new RegExp(String.raw`(?:\b(${FIRM_NOUN})(\s+(?:such\s+as|like|including))?|\bstate-(?:owned|run|controlled))\s+$`, 'i');
const firmBefore = (before: string) => {
  const m = FIRM_BEFORE.exec(before);
  return m !== null && (!m[2] || /(?:s|ies)$/i.test(m[1]));
};
/**
 * An appositive after the name that ends in a firm noun ("Labatt, Canada's biggest brewery";
 * "Pertamina, the Indonesian state-owned petroleum enterprise,"; "Rosneft, a Russian oil firm that"):
 * up to five words, none a preposition ("Brown, head of the group," is a person), then the noun
 * closing the appositive ("Brown, the company's chairman" is not one).
 */
const FIRM_APPOSITIVE = new RegExp(String.raw`^,\s+(?:(?:the|a|an|\p{Lu}[\p{L}.]*['’]s)\s+)?(?:(?!(?:of|from|at|for|with|in|to|by|on|and)\b)[\p{L}\d-]+\s+){0,5}?${FIRM_NOUN}(?:\s*[,.;)]|\s+(?:that|which|whose|of)\b)`, 'iu');
/**
 * A list of names after a plural firm noun, ending at the name ("companies including Volkswagen,
 * DaimlerChrysler and Siemens", "retailers - including …"): each name in it is a firm's.
 */
const NAME = String.raw`\p{Lu}[\p{L}\p{M}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}&.'’-]*){0,3}`;
const LIST_BEFORE = new RegExp(String.raw`\b(?:firms|companies|groups|giants|carmakers|manufacturers|producers|retailers|airlines|banks|lenders|insurers|multinationals)(?:\s*[-–,:]?\s+(?:such\s+as|like|including))?\s+(?:${NAME}(?:,\s+|\s+and\s+|,\s+and\s+)){1,5}$`, 'u');
/**
 * Words right after the name that only a firm has: its stock, shareholders, units and companies
 * ("Bell shares", "the Bell operating companies", "the Chrysler group whose …") and, after a possessive,
 * its profits, earnings, stake, board, factories and takeovers ("Renault's 46.1 pct stake").
 */
const FIRM_AFTER = new RegExp(
  String.raw`^(?:\s+(?:shares|stock|common\s+stock|shareholders|stockholders|(?:operating\s+|telephone\s+)?compan(?:y|ies)|group|firm|conglomerate|corporation|bank|chain|subsidiary|subsidiaries|unit|division|chairman|chief\s+executive|managing\s+director)\b|['’]s?\s+(?:(?:[\d.]+\s+(?:pct|per\s*cent|%)\s+|\d+(?:\.\d+)?%\s+)?stake|shares|common\s+shares|shareholders|stockholders|share\s+price|subsidiary|subsidiaries|board(?:\s+of\s+directors)?|chief\s+executive|headquarters|workforce|market\s+share|profits?|earnings|revenues?|turnover|factory|factories|plants?|takeover|(?:net|pre-tax|pretax|operating|annual|quarterly|first-quarter|second-quarter|third-quarter|fourth-quarter)\s+(?:profits?|earnings|results))\b)`,
  'i',
);
/**
 * The name opening a firm's name that ends "and Co" ("Oppenheimer and Co", "Sears, Roebuck and Co"):
 * wire copy writes these without a legal suffix, so the joined-firm rules (firm-names.ts) miss them.
 */
const AND_CO_AFTER = /^(?:,\s+\p{Lu}[\p{L}.'’-]*)?\s+(?:and|&)\s+(?:Co|Cos|Company|Sons)\b/u;
/** A ticker in Reuters' angle brackets right after the name ("Ford <F> and Chrysler <C>"). */
const TICKER_AFTER = /^\s*<[A-Z][A-Z\d.]*(?:\s[A-Z]+)?>/;
/**
 * A stock-market report's line: the name, a move and a price with a fraction, a decimal or pence
 * ("Chrysler rose 3/8 to 58-5/8", "Vodafone fell 2p to 145p"). No one's name takes a share price.
 */
const PRICE = String.raw`(?:\d+(?:[-\s]\d+\/\d+|\.\d+)?p?|\d+\/\d+|one|two|three|four|five)`;
const STOCK_MOVE = new RegExp(String.raw`^\s+(?:rose|fell|gained|lost|added|slipped|dropped|climbed|eased|declined|jumped|was\s+(?:up|down|off|unchanged))\s+(?:${PRICE}\s+)?(?:to|at)\s+${PRICE}(?![\w%])`);
const HAS_FRACTION = /\d\/\d|\d\.\d|\dp\b/;
/**
 * Titles that make a name a person's wherever they stand before it ("Mr Dell", "President Reagan");
 * not "General", which opens firms' names ("General Foods").
 */
const HONORIFIC = String.raw`(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Prof|Professor|President|Premier|Chancellor|Chairman|Senator|Sen|Governor|Gov|Mayor|King|Queen|Prince|Princess|Pope|Judge|Justice|Rev|Reverend|Minister|Secretary|Ambassador|Commissioner|Coach|Captain|Sheikh)\.?\s+`;
/** "Name, which …": a thing's relative pronoun ("Boogeyman, which cost just …"), where a person takes "who". */
const WHICH_AFTER = /^,\s+which\b/;
/**
 * Pronouns a person takes; the first one after a mention, in its sentence. A speech tag ("…, he
 * said") is the speaker's, not the name's: "a loss on Swissair's core flying business, he said".
 */
const PERSONAL_PRONOUN = /^[^.!?\n]*?\b(its|he|she|his|her|him)\b(?!\s+(?:said|says|told|added|noted|explained|stated)\b)/i;
const PRONOUN_WINDOW = 120;

/** Whether a mention's context reads the name as a firm's (FIRM_BEFORE … STOCK_MOVE). */
function firmCue(text: string, s: Spanned): boolean {
  const before = text.slice(Math.max(0, s.start - 40), s.start);
  if (LIST_BEFORE.test(text.slice(Math.max(0, s.start - 140), s.start))) return true;
  const after = text.slice(s.end, s.end + 80);
  if (firmBefore(before) || FIRM_APPOSITIVE.test(after) || FIRM_AFTER.test(after) || TICKER_AFTER.test(after) || AND_CO_AFTER.test(after)) return true;
  const move = STOCK_MOVE.exec(after);
  return move !== null && HAS_FRACTION.test(move[0]);
}

/**
 * Whether the article names a company whose legal or bracketed name holds the word inside it, not
 * first ("Labatt" beside "John Labatt Ltd", "Olivetti" beside "Ing C. Olivetti EC Spa"; names that
 * open with it are firmShortened's).
 */
function insideFirmName(word: string, orgs: Iterable<OrgDraft>): boolean {
  for (const o of orgs) {
    if (o.kind !== 'COMPANY' && !COMPANY_SUFFIX.test(o.name)) continue;
    const words = o.name.replace(COMPANY_SUFFIX, '').split(/\s+/);
    if (words.slice(1).includes(word)) return true;
  }
  return false;
}

/**
 * Where the text writes the name alone: its mentions and the places the recogniser tagged otherwise
 * or missed ("Citicorp <CCI>", "State-owned Rosneft"), not inside another person's name ("Martin Bell").
 */
function standalone(text: string, p: EntityDraft, personSpans: (Spanned & { person: EntityDraft })[]): Spanned[] {
  const out: Spanned[] = [];
  // The matches of (?<![\p{L}\p{M}'’-])NAME(?![\p{L}\p{M}-]), left to right and not overlapping, found by
  // indexOf and two sticky tests: a pattern built per name and article cost more to compile than to run.
  for (let at = text.indexOf(p.name); at >= 0; ) {
    const end = at + p.name.length;
    NO_WORD_BEFORE.lastIndex = at;
    NO_WORD_AFTER.lastIndex = end;
    if (!NO_WORD_BEFORE.test(text) || !NO_WORD_AFTER.test(text)) {
      at = text.indexOf(p.name, at + 1);
      continue;
    }
    if (!personSpans.some((x) => x.person !== p && x.start <= at && x.end >= end)) out.push({ start: at, end });
    at = text.indexOf(p.name, end);
  }
  return out;
}

const NO_WORD_BEFORE = /(?<![\p{L}\p{M}'’-])/uy;
const NO_WORD_AFTER = /(?![\p{L}\p{M}-])/uy;
/** A title right before a position, and what may not follow the name it titles (see titled). */
const TITLE_BEFORE = new RegExp(String.raw`(?<=\b${HONORIFIC})`, 'uy');
const NAME_GOES_ON = /\s+\p{Lu}/uy;
const WORD_CHAR = /\w/;

/**
 * Whether the text writes the name after a title anywhere: \b HONORIFIC NAME \b (?!\s+\p{Lu}), tested at
 * each place the name is written instead of compiling that pattern per name.
 */
function titled(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (WORD_CHAR.test(text[end - 1]) === (end < text.length && WORD_CHAR.test(text[end]))) continue;
    NAME_GOES_ON.lastIndex = end;
    if (NAME_GOES_ON.test(text)) continue;
    TITLE_BEFORE.lastIndex = at;
    if (TITLE_BEFORE.test(text)) return true;
  }
  return false;
}

/** What an article's text makes of its one-word "people": firms, and things that are neither firm nor person. */
export interface NotPeople {
  firms: EntityDraft[];
  things: EntityDraft[];
}

/**
 * One-word "people" that the article's own text treats as firms: a name with no role or title
 * whose mentions more often stand in a firm's context (a firm noun before it, a firm's appositive,
 * stock, profits or stake after it, a ticker, a share price; or a company named in the article that
 * holds it) than are followed by "he", "she", "his" or "her". Given names and surnames are no guard:
 * "Renault", "Chrysler" and "Dell" are both. A surname after the full name ("Mr Dell" after "Michael
 * Dell") was joined to the full name before this and is no one-word person; a name the article ever
 * writes after "Mr", "President" or another title is a person's (unless a name goes on after it: "King
 * World Productions"). A name whose only such context is
 * "Name, which" is a thing's (a film, a festival, a plant: "Boogeyman, which …") and no one's.
 */
export function readAsNotPeople(text: string, people: EntityDraft[], personSpans: (Spanned & { person: EntityDraft })[], orgs: Iterable<OrgDraft>): NotPeople {
  const orgList = [...orgs];
  const out: NotPeople = { firms: [], things: [] };
  for (const p of people) {
    if (p.name.includes(' ') || p.roles.size > 0 || !/^\p{Lu}/u.test(p.name)) continue;
    if (titled(text, p.name)) continue;
    let firm = insideFirmName(p.name, orgList) ? 1 : 0;
    let which = 0;
    let its = 0;
    let person = 0;
    for (const s of standalone(text, p, personSpans)) {
      if (firmCue(text, s)) firm++;
      else if (WHICH_AFTER.test(text.slice(s.end, s.end + 10))) which++;
      const found = PERSONAL_PRONOUN.exec(text.slice(s.end, s.end + PRONOUN_WINDOW));
      const pronoun = found?.[1].toLowerCase();
      // "Renault boost its profits": "its" in the name's own clause is the name's (its-organisations.ts).
      if (pronoun === 'its') its += ANOTHER_CLAUSE.test(found![0].slice(0, -3)) ? 0 : 1;
      else if (pronoun) person++;
    }
    if (firm > person || (firm + its > person && firm + its >= 2)) out.firms.push(p);
    else if (which > 0 && firm + which > person) out.things.push(p);
  }
  return out;
}
