import { FNV_OFFSET, FNV_PRIME, fnv1a, fnvMore } from '../fnv.ts';
import { isGivenName } from '../given-names.ts';
import { CITIES, COUNTRIES, KNOWN_ORGS, PERSONAL_TITLES, REGIONS } from '../lexicon.ts';
import type { Token } from './tokenise.ts';

/**
 * Observation features of tokens, hashed into a fixed table so the model stores no feature strings:
 * the weight file holds only the buckets that carry weight.
 */

/** Entity strings (tokens joined by one space, lower case) → type, e.g. "real madrid" → ORG. */
export type Lexicon = Map<string, string>;
/** Longest lexicon entry, in tokens. */
const MAX_ENTRY = 6;

/**
 * Curated names written after the committed model was trained (1.24.0–1.29.0: analyst firms, the
 * "Reuter" wire name). They stay out of the recogniser's features, so that `npm run train:ner`
 * reproduces the committed model byte for byte; the rules and the composition still use them.
 * Retraining with them measured worse on CoNLL dev (all 0.931 → 0.929, ORG 0.879 → 0.872), so they
 * join the features when a retrain that includes them scores at least as well.
 */
const NOT_YET_FEATURES = new Set(['reuter', 'gartner', 'forrester research', 'forrester', 'jupiter research', 'jupiterresearch']);

/** The curated gazetteers of the rule-based extractor, as a lexicon. */
export const CURATED: Lexicon = (() => {
  const m: Lexicon = new Map();
  const put = (s: string, type: string) => {
    const key = s.toLowerCase().replace(/’/g, "'");
    if (!NOT_YET_FEATURES.has(key)) m.set(key, type);
  };
  for (const c of COUNTRIES) {
    put(c.name, 'LOC');
    for (const a of c.aliases) put(a, 'LOC');
    if (c.capital) put(c.capital, 'LOC');
    put(c.demonym, 'MISC');
  }
  for (const city of Object.keys(CITIES)) put(city, 'LOC');
  for (const r of REGIONS) put(r, 'LOC');
  for (const o of KNOWN_ORGS) {
    put(o.name, 'ORG');
    for (const a of o.aliases) put(a, 'ORG');
  }
  return m;
})();

/** A stable hash of a feature string (FNV-1a, shared with the attribution models). */
export const hash = fnv1a;

/** Typographic quotes and apostrophes read as CoNLL's straight ones. */
export const normal = (w: string) => w.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');

/** "Bre-X" → "Xx-X"; runs of the same class collapse ("Reuters" → "Xx"), so rare words share a shape. */
export function shape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    const code = ch.charCodeAt(0);
    // ASCII without a regular expression (most words); other scripts by Unicode property.
    const c =
      code >= 65 && code <= 90 ? 'X' : code >= 97 && code <= 122 ? 'x' : code >= 48 && code <= 57 ? 'd' : code < 128 ? ch : /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/u.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** Starts with a capital (\p{Lu}); ASCII by its code, the rest by the Unicode property. */
const isCapital = (w: string) => {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(w);
};
/** Starts with a lower-case letter (\p{Ll}), as isCapital. */
const startsLower = (w: string) => {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : /^\p{Ll}/u.test(w);
};

/** Every proper prefix (in whole tokens) of a lexicon's entries, so matching stops early. */
const PREFIXES = new WeakMap<Lexicon, Set<string>>();
function prefixesOf(lex: Lexicon): Set<string> {
  let p = PREFIXES.get(lex);
  if (!p) {
    p = new Set();
    for (const key of lex.keys()) {
      const parts = key.split(' ');
      for (let k = 1; k < parts.length; k++) p.add(parts.slice(0, k).join(' '));
    }
    PREFIXES.set(lex, p);
  }
  return p;
}

/**
 * One kind of lexicon match at a token ("gBLOC": the curated lexicon's LOC entry begins here) with the
 * hashes of the features it makes, computed once per kind instead of building and hashing four
 * strings per match.
 */
interface Hit {
  /** hash(name), hash(name + "K"/"k") by the token's capital, hash("-1" + name), hash("+1" + name). */
  here: number;
  capital: number;
  lower: number;
  before: number;
  after: number;
}
/** The four kinds of match of one lexicon (tag) and type. */
interface HitSet {
  B: Hit;
  I: Hit;
  L: Hit;
  U: Hit;
}
/** Per lexicon slot (0 curated "g", 1 the model's "x"), the hit kinds by type: no name string built per match. */
const HIT_SETS = [new Map<string, HitSet>(), new Map<string, HitSet>()];
function hitsOf(slot: 0 | 1, type: string): HitSet {
  let h = HIT_SETS[slot].get(type);
  if (!h) HIT_SETS[slot].set(type, (h = { B: hitOf(slot, 'B', type), I: hitOf(slot, 'I', type), L: hitOf(slot, 'L', type), U: hitOf(slot, 'U', type) }));
  return h;
}
function hitOf(slot: 0 | 1, position: 'B' | 'I' | 'L' | 'U', type: string): Hit {
  const name = `${slot ? 'x' : 'g'}${position}${type}`;
  // int32, not uint32, as the pair states of WordInfo (the ids are masked to the same bits).
  return { here: hash(name) | 0, capital: hash(`${name}K`) | 0, lower: hash(`${name}k`) | 0, before: hash(`-1${name}`) | 0, after: hash(`+1${name}`) | 0 };
}

/** Adds hit e to token j's list (made on the first hit: most tokens have none). */
function pushHit(out: (Hit[] | undefined)[], j: number, e: Hit): void {
  const list = out[j];
  if (list === undefined) out[j] = [e];
  else list.push(e);
}

/**
 * Lexicon matches covering each token: "LOC-B", "LOC-L" … (every match starting at each token), in
 * `out` (entries 0 .. words.length - 1 undefined on entry). Returns whether there was any.
 */
function lexiconHits(words: WordInfo[], lex: Lexicon, slot: 0 | 1, out: (Hit[] | undefined)[]): boolean {
  const prefixes = prefixesOf(lex);
  let any = false;
  for (let i = 0; i < words.length; i++) {
    const x = words[i];
    // Names start with a capital or a digit ("1860 Munich"): other tokens start no match.
    if (!x.upper && !x.digitFirst) continue;
    // The one-word step is answered from the word itself after its first time (see firstStep).
    const first = firstStep(x, lex, prefixes, slot);
    if (first.type !== undefined) {
      pushHit(out, i, first.unit!);
      any = true;
    }
    if (!first.prefix) continue;
    let key = x.lw;
    for (let k = i + 1; k < Math.min(words.length, i + MAX_ENTRY); k++) {
      key = `${key} ${words[k].lw}`;
      const type = lex.get(key);
      if (type) {
        const h = hitsOf(slot, type);
        pushHit(out, i, h.B);
        for (let j = i + 1; j < k; j++) pushHit(out, j, h.I);
        pushHit(out, k, h.L);
        any = true;
      }
      if (!prefixes.has(key)) break;
    }
  }
  return any;
}

/**
 * A word's own lexicon entry and whether longer entries start with it, kept on the word: two lookups
 * in large maps per capitalised token were a tenth of tagging time, mostly cache misses. Slot 0 is
 * the curated lexicon, slot 1 the model's (checked by identity, so another lexicon is looked up anew).
 */
function firstStep(x: WordInfo, lex: Lexicon, prefixes: Set<string>, slot: 0 | 1): LexStep {
  let step = slot ? x.lexStep1 : x.lexStep0;
  if (step?.lex !== lex) {
    const type = lex.get(x.lw) || undefined;
    step = { lex, type, prefix: prefixes.has(x.lw), unit: type === undefined ? undefined : hitsOf(slot, type).U };
    if (slot) x.lexStep1 = step;
    else x.lexStep0 = step;
  }
  return step;
}
interface LexStep {
  lex: Lexicon;
  type: string | undefined;
  prefix: boolean;
  /** The hit of `type` as a one-word match. */
  unit: Hit | undefined;
}

/** What the features need to know about one word, computed once per distinct word. */
export interface WordInfo {
  w: string;
  lw: string;
  sh: string;
  cap: boolean;
  /** Has a capital letter anywhere ("eBay", "McDonald"). */
  upper: boolean;
  given: boolean;
  title: boolean;
  /** Hashes of the features of the word itself (word, lower case, shape, prefixes, suffixes). */
  own: number[];
  /** Hashes of the word seen as a neighbour, by NEIGHBOURS role: l-1, l+1, l-2, l+2, s-1, s+1. */
  asNeighbour: number[];
  /**
   * FNV states after the word's part of pair features, so pairs hash without building strings. Kept
   * as int32 (the same bits: FNV reads its state through xor and imul): a field holding an integer
   * of 2^31 or more is a boxed number, one more memory read per use on the hot path.
   */
  pairL1L: number;
  pairLL1: number;
  pairSSS: number;
  pairL1S: number;
  pairSL1: number;
  /** Hashes of the shape alone and in a capitals sentence; of the shape at positions 0, 1, later. */
  shapeIds: [number, number];
  posIds: [number, number, number];
  /** Facts about the raw token read once per word instead of once per token. */
  raw: string;
  /** raw in lower case: the key of the document memory (model.ts). */
  rawLower: string;
  /**
   * The interned keys of raw (a word starting in lower case marks it as written so in the document),
   * of lw (a capitalised word asks whether it was) and of rawLower (the document memory's counts):
   * null where the word never needs them.
   */
  rawKey: WordKey | null;
  lwKey: WordKey | null;
  memoryKey: WordKey | null;
  /** raw starts with a capital (model.ts's isUpper), with \p{Lu}, with \p{Ll}; lw starts with a digit. */
  capFirst: boolean;
  luFirst: boolean;
  llFirst: boolean;
  digitFirst: boolean;
  /** Letters and capitals among w's code units, for the capitals-sentence test. */
  letters: number;
  uppers: number;
  /** The summed weight vector of the word (model.ts WordVectors), and the WordVectors it belongs to. */
  vec: Float64Array | null;
  vecOwner: object | null;
  /** Per lexicon slot, the word's one-word lexicon lookup (lexiconHits): fields, not an array to read through. */
  lexStep0: LexStep | undefined;
  lexStep1: LexStep | undefined;
}
/** Which neighbour each role of `asNeighbour` is: offsets from the token. */
export const NEIGHBOURS = [-1, 1, -2, 2, -1, 1] as const;

const more = fnvMore;
const FNV = FNV_OFFSET;

/** FNV states after each feature's name ("w=", "p2=", "l-1l="): a feature's hash continues from its name's. */
const PREFIX = Object.fromEntries(
  ['w=', 'l=', 's=', 'p1=', 'p2=', 'p3=', 'p4=', 'x1=', 'x2=', 'x3=', 'x4=', 'l-1=', 'l+1=', 'l-2=', 'l+2=', 's-1=', 's+1=', 'l-1l=', 'll+1=', 'sss=', 'l-1s=', 'sl+1=', 'pos=0', 'pos=1', 'pos=2'].map((name) => [name, more(FNV, name)]),
);
const P_PREFIX = [PREFIX['p1='], PREFIX['p2='], PREFIX['p3='], PREFIX['p4=']];
const X_PREFIX = [PREFIX['x1='], PREFIX['x2='], PREFIX['x3='], PREFIX['x4=']];

/**
 * A string shared by the words that agree on it ("Shares" and "shares" both lower to "shares"), with
 * the marks of the document being read: whether the document writes it in lower case (featurise's
 * `dl`) and the document memory's counts (model.ts History). A mark names its document by a serial
 * number, so nothing is cleared between documents and a token needs no Map lookup by string.
 */
export interface WordKey {
  /** The serial of the last document (featurise call) that wrote this string starting in lower case. */
  lowerIn: number;
  /** The serial of the History whose counts `counts` holds. */
  memoryOf: number;
  counts: Int32Array | null;
}
const KEYS = new Map<string, WordKey>();
function keyOf(s: string): WordKey {
  let k = KEYS.get(s);
  if (!k) KEYS.set(s, (k = { lowerIn: 0, memoryOf: 0, counts: null }));
  return k;
}

const WORDS = new Map<string, WordInfo>();
/**
 * The words met lately, by a hash of the raw string: a direct-mapped table small enough to stay in
 * cache, checked before WORDS. A Map lookup per token (a million in a BBC pass, each hashing a fresh
 * string in the runtime and missing the cache on a large table) was an eighth of tagging time.
 */
const RECENT_BITS = 14;
const RECENT: (WordInfo | undefined)[] = new Array(1 << RECENT_BITS).fill(undefined);
const RECENT_HASH = new Int32Array(1 << RECENT_BITS);

/** Empties the word tables when large (speed only, never a result); between documents only, so one document's words share their keys. */
function boundWords(): void {
  if (WORDS.size <= 200_000) return;
  WORDS.clear();
  KEYS.clear();
  RECENT.fill(undefined);
}

/** The facts of the word written `raw`: from the recent table, else WORDS, else made now. */
function info(raw: string): WordInfo {
  let h = FNV;
  for (let i = 0; i < raw.length; i++) h = Math.imul(h ^ raw.charCodeAt(i), FNV_PRIME);
  const slot = (h ^ (h >>> RECENT_BITS)) & ((1 << RECENT_BITS) - 1);
  const seen = RECENT[slot];
  if (seen !== undefined && RECENT_HASH[slot] === h && seen.raw === raw) return seen;
  let x = WORDS.get(raw);
  if (!x) WORDS.set(raw, (x = newWord(raw)));
  RECENT[slot] = x;
  RECENT_HASH[slot] = h;
  return x;
}

/**
 * The facts of a word, made on its first sight and then shared by every token of it. The hashes are
 * those of the feature strings (`w=${w}`, `p2=${lw.slice(0, 2)}` …) computed without building them:
 * building some twenty strings per new word was most of this function's time.
 */
function newWord(raw: string, boundary = false): WordInfo {
  const w = boundary ? raw : normal(raw);
  const lw = boundary ? raw : w.toLowerCase();
  const sh = boundary ? raw : shape(w);
  const n = lw.length;
  const own = [more(PREFIX['w='], w), more(PREFIX['l='], lw), more(PREFIX['s='], sh)];
  for (let k = 1; k <= 4 && k <= n; k++) own.push(more(P_PREFIX[k - 1], lw, 0, k), more(X_PREFIX[k - 1], lw, n - k, n));
  const cap = !boundary && isCapital(w);
  const x: WordInfo = {
    w,
    lw,
    sh,
    cap,
    upper: !boundary && w !== lw,
    given: cap && isGivenName(w[0] + lw.slice(1)),
    // Every title starts with a capital: a word that does not is none (one test fewer per new word).
    title: cap && PERSONAL_TITLES.test(w),
    own,
    asNeighbour: [more(PREFIX['l-1='], lw), more(PREFIX['l+1='], lw), more(PREFIX['l-2='], lw), more(PREFIX['l+2='], lw), more(PREFIX['s-1='], sh), more(PREFIX['s+1='], sh)],
    pairL1L: more(more(PREFIX['l-1l='], lw), '|') | 0,
    pairLL1: more(more(PREFIX['ll+1='], lw), '|') | 0,
    pairSSS: more(more(PREFIX['sss='], sh), '|') | 0,
    pairL1S: more(more(PREFIX['l-1s='], lw), '|') | 0,
    pairSL1: more(more(PREFIX['sl+1='], sh), '|') | 0,
    shapeIds: [own[2], more(own[2], 'C')],
    posIds: [more(PREFIX['pos=0'], sh), more(PREFIX['pos=1'], sh), more(PREFIX['pos=2'], sh)],
    raw,
    rawLower: raw.toLowerCase(),
    capFirst: raw.length > 0 && raw[0] !== raw[0].toLowerCase() && raw[0] === raw[0].toUpperCase(),
    // normal() only swaps quotation marks, none of them a capital: raw starts with one when w does.
    luFirst: cap,
    llFirst: startsLower(raw),
    rawKey: null,
    lwKey: null,
    memoryKey: null,
    digitFirst: lw.charCodeAt(0) >= 48 && lw.charCodeAt(0) <= 57,
    letters: 0,
    uppers: 0,
    vec: null,
    vecOwner: null,
    lexStep0: undefined,
    lexStep1: undefined,
  };
  if (x.llFirst) x.rawKey = keyOf(raw);
  if (cap) x.lwKey = keyOf(lw);
  if (x.capFirst || x.luFirst) x.memoryKey = keyOf(x.rawLower);
  for (let k = 0; k < w.length; k++) {
    const code = w.charCodeAt(k);
    if (code < 128) {
      // ASCII letters are A–Z and a–z, capitals A–Z: what the case test below gives, without two strings a letter.
      const lower = code | 32;
      if (lower >= 97 && lower <= 122) {
        x.letters++;
        if (code <= 90) x.uppers++;
      }
      continue;
    }
    const ch = w[k];
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      x.letters++;
      if (ch !== ch.toLowerCase()) x.uppers++;
    }
  }
  return x;
}
export const START = newWord('<s>', true);
export const END = newWord('</s>', true);
const CONSTANT = Object.fromEntries(['b', 'c', 'cC', 'dl', 'dlC', 'gn', 'gnC', 'gn-1', 'ttl-1'].map((f) => [f, hash(f)]));

/**
 * One sentence's features: its words (whose own and neighbour features are looked up per word, and
 * at run time summed once per word) and, per token, the ids of the features that depend on context.
 */
export interface SentenceFeatures {
  words: WordInfo[];
  /** Context feature ids of token i: ctx[ctxAt[i] .. ctxAt[i + 1]) (one buffer a sentence, not one a token). */
  ctx: Int32Array;
  ctxAt: Int32Array;
  /**
   * Tokens the tagger scores: those with a capital letter and their neighbours ("Bank of England").
   * The rest (about two thirds of news text) are outside any name; null when every token is scored.
   */
  active: Uint8Array | null;
  /** A sentence in capitals (headline, dateline). */
  caps: boolean;
}

/** Ids of the features every token has: the bias and the capitals flag of its sentence. */
export const constantIds = (caps: boolean) => [CONSTANT.b, CONSTANT[caps ? 'cC' : 'c']];
/** Which of a word's posIds applies at position i. */
export const posSlot = (i: number) => (i === 0 ? 0 : i === 1 ? 1 : 2);

/** The word at position i of a sentence, or the boundary words outside it. */
export const wordAt = (words: WordInfo[], i: number) => (i < 0 ? START : i >= words.length ? END : words[i]);

/** featurise calls so far: the serial of the document being read (WordKey). */
let documents = 0;

/**
 * Features of every token of one document, sentence by sentence. A capitalised word the document
 * also writes in lower case elsewhere ("Shares", "Police") is less likely a name: `dl`.
 */
export function featurise(sentences: Token[][], lexicon: Lexicon, bits: number, everyToken = false): SentenceFeatures[] {
  const mask = (1 << bits) - 1;
  boundWords();
  const doc = ++documents;
  // Each word marks its lower-case key as it is read (one pass over the tokens, not two).
  const docWords: WordInfo[][] = [];
  let tokens = 0;
  for (let k = 0; k < sentences.length; k++) {
    const sent = sentences[k];
    const ws: WordInfo[] = [];
    for (let i = 0; i < sent.length; i++) {
      const x = info(sent[i].text);
      if (x.rawKey !== null) x.rawKey.lowerIn = doc;
      ws.push(x);
    }
    docWords.push(ws);
    tokens += ws.length;
  }
  // One buffer per document for the sentences' offsets, scored flags and context ids, each sentence a
  // view into it: three typed arrays a sentence each had a backing store of its own to allocate and free.
  const atAll = new Int32Array(tokens + docWords.length);
  const activeAll = everyToken ? null : new Uint8Array(tokens);
  const parts: { ctxAt: Int32Array; active: Uint8Array | null; caps: boolean; end: number }[] = [];
  let used = 0;
  let at = 0;
  let first = 0;
  for (const ws of docWords) {
    const n = ws.length;
    const ctxAt = atAll.subarray(at, at + n + 1);
    const active = activeAll ? activeAll.subarray(first, first + n) : null;
    const caps = capitals(ws);
    used = contextIds(ws, lexicon, doc, caps, ctxAt, active, used);
    parts.push({ ctxAt, active, caps, end: used });
    at += n + 1;
    first += n;
  }
  const ctxAll = new Int32Array(used);
  for (let k = 0; k < used; k++) ctxAll[k] = SCRATCH[k] & mask;
  return docWords.map((ws, k) => ({ words: ws, ctx: ctxAll.subarray(k ? parts[k - 1].end : 0, parts[k].end), ctxAt: parts[k].ctxAt, active: parts[k].active, caps: parts[k].caps }));
}

/** Headlines and datelines in capitals ("LONDON 1996-12-06"): capitalisation says nothing there. */
function capitals(ws: WordInfo[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const x of ws) {
    letters += x.letters;
    upper += x.uppers;
  }
  return letters >= 4 && upper / letters > 0.7;
}

/**
 * One sentence's context feature hashes, written to SCRATCH from `from` on; ctxAt gets each token's
 * first one (relative to the sentence's), active the tokens scored (null: all). Returns the new end.
 */
function contextIds(ws: WordInfo[], lexicon: Lexicon, doc: number, caps: boolean, ctxAt: Int32Array, active: Uint8Array | null, from: number): number {
  const n = ws.length;
  let extra: (Hit[] | undefined)[] | null = new Array(n);
  const curated = lexiconHits(ws, CURATED, 0, extra);
  if (!lexiconHits(ws, lexicon, 1, extra) && !curated) extra = null;
  if (active) for (let i = 0; i < n; i++) if (ws[i].upper) for (let k = Math.max(0, i - 1); k <= Math.min(n - 1, i + 1); k++) active[k] = 1;
  const f = SCRATCH;
  let len = from;
  for (let i = 0; i < n; i++) {
    ctxAt[i] = len - from;
    if (active && !active[i]) continue;
    const x = ws[i];
    const prev = wordAt(ws, i - 1);
    const next = wordAt(ws, i + 1);
    f[len++] = more(prev.pairL1L, x.lw);
    f[len++] = more(x.pairLL1, next.lw);
    f[len++] = more(more(more(prev.pairSSS, x.sh), '|'), next.sh);
    f[len++] = more(prev.pairL1S, x.sh);
    f[len++] = more(x.pairSL1, next.lw);
    if (extra) {
      const here = extra[i];
      if (here) {
        for (const e of here) {
          f[len++] = e.here;
          f[len++] = x.cap ? e.capital : e.lower;
        }
      }
      const before = i > 0 ? extra[i - 1] : undefined;
      if (before) for (const e of before) f[len++] = e.before;
      const after = i + 1 < n ? extra[i + 1] : undefined;
      if (after) for (const e of after) f[len++] = e.after;
    }
    if (x.cap && x.lwKey!.lowerIn === doc) f[len++] = caps ? CONSTANT.dlC : CONSTANT.dl;
    if (x.given) f[len++] = caps ? CONSTANT.gnC : CONSTANT.gn;
    if (i > 0 && prev.given) f[len++] = CONSTANT['gn-1'];
    if (i > 0 && prev.title) f[len++] = CONSTANT['ttl-1'];
  }
  ctxAt[n] = len - from;
  return len;
}
/** Reused for each document's context ids before they are copied out (a plain array grows as needed). */
const SCRATCH: number[] = [];

/** Every feature id of token i (word, neighbours and context), as the trainer needs them. */
export function tokenIds(sf: SentenceFeatures, i: number, bits: number): Int32Array {
  const mask = (1 << bits) - 1;
  const x = sf.words[i];
  const out: number[] = [...constantIds(sf.caps), ...x.own, x.shapeIds[sf.caps ? 1 : 0], x.posIds[posSlot(i)]];
  NEIGHBOURS.forEach((d, role) => out.push(wordAt(sf.words, i + d).asNeighbour[role]));
  const context = sf.ctx.subarray(sf.ctxAt[i], sf.ctxAt[i + 1]);
  const ids = new Int32Array(out.length + context.length);
  for (let k = 0; k < out.length; k++) ids[k] = out[k] & mask;
  ids.set(context, out.length);
  return ids;
}

/** Builds a lexicon from labelled entity strings: each string's most frequent type (ties: first seen). */
export function buildLexicon(entries: Iterable<{ text?: string; type: string }>): Lexicon {
  const counts = new Map<string, Map<string, number>>();
  for (const e of entries) {
    const key = normal(e.text ?? "").toLowerCase();
    let m = counts.get(key);
    if (!m) counts.set(key, (m = new Map()));
    m.set(e.type, (m.get(e.type) ?? 0) + 1);
  }
  const lex: Lexicon = new Map();
  for (const [key, m] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    let best = '';
    let n = 0;
    for (const [t, c] of m) if (c > n) [best, n] = [t, c];
    lex.set(key, best);
  }
  return lex;
}
