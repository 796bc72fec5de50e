/**
 * Splits text into tokens the way CoNLL-2003 (the training data) is tokenised, so prose as written
 * ("Reuters,", "U.S.'s", "don't", "(BSE)") and CoNLL's space-separated text ("Reuters ,") give the
 * model the same tokens. Offsets point into the original text.
 */
export interface Token {
  /** The token as written (offsets [start, end)). */
  text: string;
  start: number;
  end: number;
}

// Abbreviations that keep their full stop in CoNLL ("Mr.", "Corp.", "Jan."): without this, "Corp."
// would become "Corp" + "." and look like the end of a sentence.
const ABBREVIATIONS = new Set(
  ('Mr Mrs Ms Dr Prof Sr Jr St Mt Gen Col Lt Sgt Capt Maj Adm Gov Sen Rep Rev Hon Pres Supt Insp Cmdr ' +
    'Inc Corp Co Ltd Bros Plc Cos Dept Assn Univ No Nos vs Vs etc Ave Rd Blvd ' +
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun ' +
    'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo').split(' '),
);

// One alternative per token kind, tried in order at each position:
//  1. dotted acronyms and initials: "U.S.", "U.N.", "J."
//  2. numbers with inner separators: "1996-08-22", "1,000", "3.5", "10:30", "1/2"
//  3. words, with inner hyphens, apostrophes, ampersands and full stops ("Bre-X", "O'Neill", "AT&T", "yahoo.com")
//  4. clitics written apart in CoNLL ("'s", "n't") are split off words below
//  5. runs of dashes or dots ("--", "..."), any other single character
const TOKEN = /(?:\p{L}\.){2,}(?!\p{L})|\p{Lu}\.(?=\s|$)|['’](?:[sSdm]|re|ve|ll)(?!\p{L})|n['’]t(?!\p{L})|\p{Lu}{1,3}\$|\+?\d+(?:[.,:/]\d+)+|\+\d+|[\p{L}\p{M}\d]+(?:[-'’&.][\p{L}\p{M}\d]+)*|-{2,}|\.{2,}|[^\s]/gu;

/**
 * Where the next token starts: the first character at or after `k` that is not white space (\s),
 * since TOKEN's last alternative takes any other character and no alternative starts with a space.
 */
function tokenStart(text: string, k: number): number {
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 128 ? c !== 32 && (c < 9 || c > 13) : !SPACE.test(text[k])) return k;
  }
  return k;
}
const SPACE = /\s/;

/**
 * Tokens of `text`, in order. Each token's end comes from TOKEN.test at its start (lastIndex), not
 * from exec: no match array per token, of which there are about a million in a BBC pass. Most tokens
 * are plain ASCII (plainEnd) and skip the expression altogether (about a tenth of tagging time).
 */
export function tokenise(text: string, plain = true): Token[] {
  const out: Token[] = [];
  for (let s = tokenStart(text, 0); s < text.length; ) {
    // `plain` false: every token by the expression (the tests compare the two).
    const e = plain ? plainEnd(text, s) : -1;
    if (e > 0) {
      out.push({ text: text.slice(s, e), start: s, end: e });
      s = tokenStart(text, e);
      continue;
    }
    TOKEN.lastIndex = s;
    TOKEN.test(text);
    const w = text.slice(s, TOKEN.lastIndex);
    s = tokenStart(text, pushToken(text, s, w, out));
  }
  return out;
}

/** ASCII letters and digits. */
const ALNUM = Uint8Array.from({ length: 128 }, (_, c) => Number((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)));
/**
 * ASCII characters that after a run of letters and digits could extend the token or change its kind
 * (inner "-'&.", a number's ".,:/", a currency's "$"; "." also the abbreviations' and ranks' full stop).
 */
const JOINS = Uint8Array.from({ length: 128 }, (_, c) => Number("-'&.$,:/".includes(String.fromCharCode(c))));
/** ASCII characters that are a token by themselves: not a letter, digit or space, and none of "+-.'". */
const SINGLE = Uint8Array.from({ length: 128 }, (_, c) => Number(!ALNUM[c] && c > 32 && c !== 127 && !"+-.'".includes(String.fromCharCode(c))));

/**
 * The end of the token at `s` when TOKEN and pushToken would give a plain one: a run of ASCII letters
 * and digits followed by the end or by an ASCII character no alternative reads on (JOINS), or one
 * character of SINGLE; -1 otherwise (anything else, or any non-ASCII character, takes the expression).
 * Every earlier alternative of TOKEN needs a full stop, quote, "$", "+" or separator where such a run
 * has none, and the word alternative takes exactly the run; pushToken changes only tokens with a
 * quote or a full stop after them.
 */
function plainEnd(text: string, s: number): number {
  const c = text.charCodeAt(s);
  if (c >= 128) return -1;
  if (!ALNUM[c]) return SINGLE[c] ? s + 1 : -1;
  let e = s + 1;
  for (; e < text.length; e++) {
    const d = text.charCodeAt(e);
    if (d >= 128 || !ALNUM[d]) break;
  }
  if (e === text.length) return e;
  const d = text.charCodeAt(e);
  return d < 128 && !JOINS[d] ? e : -1;
}

/** Adds the token(s) of the match `w` at `s` to `out`; returns where the next search starts. */
function pushToken(text: string, s: number, w: string, out: Token[]): number {
  // A word with a full stop after it that is a known abbreviation keeps it ("Corp.").
  if (text.charCodeAt(s + w.length) === 46 && ABBREVIATIONS.has(w)) {
    out.push({ text: w + '.', start: s, end: s + w.length + 1 });
    return s + w.length + 1;
  }
  // "Germany's" → "Germany" + "'s"; "don't" → "do" + "n't"; "investors'" is handled by the apostrophe token.
  // Every clitic has an apostrophe: words without one (nearly all) skip the end-anchored search,
  // which scans the whole word.
  const clitic = w.includes("'") || w.includes('’') ? /(?:['’][sS]|n['’]t|N['’]T|['’](?:re|ve|ll|d|m))$/.exec(w) : null;
  if (clitic && clitic.index > 0) {
    out.push({ text: w.slice(0, clitic.index), start: s, end: s + clitic.index });
    out.push({ text: clitic[0], start: s + clitic.index, end: s + w.length });
    return s + w.length;
  }
  // Ranks in result lists keep their full stop at the start of a line ("1. Ivanisevic").
  if (text.charCodeAt(s + w.length) === 46 && /^\d+$/.test(w) && /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, s - 20), s))) {
    out.push({ text: w + '.', start: s, end: s + w.length + 1 });
    return s + w.length + 1;
  }
  out.push({ text: w, start: s, end: s + w.length });
  return s + w.length;
}

/** Whether text[from .. to) holds a line break (without slicing out the gap between every two tokens). */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/**
 * Groups tokens into sentences: a line break always ends one; so does ".", "!" or "?" (abbreviations
 * keep their full stop inside the token and so never end a sentence) unless a closing quote follows.
 */
export function sentences(text: string, tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (cur.length && hasLineBreak(text, cur[cur.length - 1].end, t.start)) {
      out.push(cur);
      cur = [];
    }
    cur.push(t);
    const next = tokens[i + 1];
    if ((t.text === '.' || t.text === '!' || t.text === '?') && next && !/^["”’')]$/.test(next.text)) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}
