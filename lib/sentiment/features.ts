/**
 * The features of the sentiment model: hashed words and word pairs, marks of how social posts
 * carry feeling (elongation, capitals, ! and ?, emoji, emoticons, negation scope, hashtags), and
 * lexicon evidence. Training and inference share this code, so what the model learned is what it
 * reads. It runs for every brand-mentioning post on a page, so it makes one pass over the
 * characters and hashes words as it goes, without building lowercase copies of them.
 */

import { FNV_BASIS, fnv, fnvStep } from '../hash';

export const HASH_BITS = 18;
export const BUCKETS = 1 << HASH_BITS;
const MASK = BUCKETS - 1;

function pair(a: number, b: number): number {
  return (Math.imul(a ^ 0x9e3779b9, 16777619) ^ b) >>> 0;
}

/** Hashes cut to 30 bits for Map and Set keys: small integers, which V8 looks up fastest. */
const key = (h: number) => h & 0x3fffffff;
const hashSet = (words: string[]) => new Set(words.map((w) => key(fnv(w))));
const NEGATORS = hashSet([
  'not', 'no', 'never', 'cannot', 'nothing', 'nobody', 'none', 'neither', 'nor', 'nowhere', 'without', 'hardly', 'barely',
  'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'cant', 'couldnt', 'wont', 'wouldnt', 'shouldnt', 'aint', 'havent', 'hasnt', 'hadnt',
]);
const BOOSTERS = hashSet(['very', 'really', 'so', 'extremely', 'super', 'totally', 'absolutely', 'incredibly', 'too', 'soo', 'way', 'most', 'fucking', 'freaking']);
const CONTRAST = hashSet(['but', 'however', 'although', 'though', 'yet']);
const T = {
  url: fnv('_url_'),
  user: fnv('_user_'),
  elong: fnv('_elong_'),
  caps: fnv('_caps_'),
  num: fnv('_num_'),
  year: fnv('_year_'),
  smile: fnv('_smile_'),
  frown: fnv('_frown_'),
  heart: fnv('_heart_'),
  brokenHeart: fnv('_broken_heart_'),
  excl: fnv('!'),
  excl2: fnv('!!'),
  quest: fnv('?'),
  quest2: fnv('??'),
  both: fnv('_?!_'),
  start: fnv('_start_'),
  end: fnv('_end_'),
  bias: fnv('_bias_') & MASK,
};
const HASH_SEED = fnvStep(FNV_BASIS, 35 /* # */);
const NEGATED = 0x51ed270b;

/** Decodes the escapes some tweet dumps carry (\u2019, \u002c) and HTML entities. */
export function cleanText(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/**
 * Word hash → what the lexicon knows of the word, packed in one integer so that each token costs
 * one lookup: valence in [-4, 4] (VADER's lexicon, shipped with the model) × 10, times 64, plus
 * bit 0 for a booster ("very"), bit 1 for a contrast word ("but"), and bits 2–5 for what the
 * care layer counts (see markTokens).
 */
export type Lexicon = Map<number, number>;

export function parseLexicon(packed: string): Lexicon {
  const lex: Lexicon = new Map();
  // One pass, hashing each word where it lies (a tab loads this once, on its first brand mention).
  for (let start = 0; start < packed.length; ) {
    let end = packed.indexOf('|', start);
    if (end < 0) end = packed.length;
    const at = packed.lastIndexOf(':', end - 1);
    if (at > start) {
      let h = FNV_BASIS;
      for (let i = start; i < at; i++) h = fnvStep(h, packed.charCodeAt(i));
      lex.set(key(h >>> 0), Math.round(Number(packed.slice(at + 1, end)) * 10) * 64);
    }
    start = end + 1;
  }
  for (const b of BOOSTERS) lex.set(b, (lex.get(b) ?? 0) | 1);
  for (const c of CONTRAST) lex.set(c, (lex.get(c) ?? 0) | 2);
  return lex;
}

export const FAILURE_WORD = 4;
export const NEGATIVE_EMOJI = 8;
export const POSITIVE_EMOJI = 16;
export const CUE = 32;

/**
 * Flags tokens the care layer counts — words of service failure ("slow", "refund"), negative and
 * positive emoji — so the feature scan counts them in the same pass (they are not model features).
 */
export function markTokens(lex: Lexicon, tokens: Iterable<string>, flag: number): Lexicon {
  for (const t of tokens) {
    const k = key(fnv(t));
    lex.set(k, (lex.get(k) ?? 0) | flag);
  }
  return lex;
}

/** What the feature scan counts for the care layer. */
export interface ScanCounts {
  failureWords: number;
  failureWordsAfterContrast: number;
  contrast: boolean;
  negativeEmoji: number;
  positiveEmoji: number;
  /** Words that phrase patterns of the care layer need (its patterns run only when there are some). */
  cues: number;
}

export const newCounts = (): ScanCounts => ({ failureWords: 0, failureWordsAfterContrast: 0, contrast: false, negativeEmoji: 0, positiveEmoji: 0, cues: 0 });

const LETTER = /[\p{L}\p{N}\p{M}]/u;
const EMOTICON_MOUTH = new Set([...")]dDpP3*([/\\|@cCoO"].map((ch) => ch.charCodeAt(0)));
const SMILE_MOUTH = new Set([...")]dDpP3*"].map((ch) => ch.charCodeAt(0)));

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfe0f) return false;
  return LETTER.test(text[i]!);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 160;
}

function lower(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** An emoticon starting at i (":)", ";-D", "=(", ":'("): its length, or 0. */
function emoticonAt(text: string, i: number): number {
  let j = i + 1;
  if (text[j] === "'" || text[j] === '-' || text[j] === '’') j++;
  const start = j;
  while (j < text.length && EMOTICON_MOUTH.has(text.charCodeAt(j))) j++;
  if (j === start || (j < text.length && !isSpace(text.charCodeAt(j)))) return 0;
  return j - i;
}

/** Receives each token's hash and whether it is in the scope of a negation ("not *good*"). */
export type TokenSink = (hash: number, negated: boolean) => void;

/** Splits a post into hashed, normalised tokens in one pass over its characters. */
export function scanTokens(text: string, emit: TokenSink): void {
  const n = text.length;
  let negated = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if ((c === 104 && (text.startsWith('http://', i) || text.startsWith('https://', i))) || (c === 119 && text.startsWith('www.', i))) {
      while (i < n && !isSpace(text.charCodeAt(i))) i++;
      emit(T.url, false);
      continue;
    }
    if ((c === 64 || c === 35) && i + 1 < n && isWordChar(text, i + 1)) {
      // @handle → one token; #tag → "#tag" and "tag".
      let j = i + 1;
      let tag = FNV_BASIS;
      let hashTag = HASH_SEED;
      while (j < n && isWordChar(text, j)) {
        const lc = lower(text.charCodeAt(j));
        tag = fnvStep(tag, lc);
        hashTag = fnvStep(hashTag, lc);
        j++;
      }
      if (c === 64) emit(T.user, false);
      else {
        emit(hashTag >>> 0, false);
        emit(tag >>> 0, false);
      }
      i = j;
      continue;
    }
    if (isWordChar(text, i)) {
      // A word with inner apostrophes ("don't", "it’s"); runs of 3+ letters count as two ("sooo" → "soo").
      let h = FNV_BASIS;
      let plain = FNV_BASIS;
      let prev = -1;
      let run = 0;
      let elongated = false;
      let upper = 0;
      let letters = 0;
      const start = i;
      for (;;) {
        while (i < n && isWordChar(text, i)) {
          const raw = text.charCodeAt(i);
          const lc = lower(raw);
          run = lc === prev ? run + 1 : 0;
          prev = lc;
          i++;
          if (raw >= 65 && raw <= 90) upper++;
          if ((lc >= 97 && lc <= 122) || lc > 127) letters++;
          if (run >= 2) {
            elongated = true;
            continue;
          }
          h = fnvStep(h, lc);
          plain = fnvStep(plain, lc);
        }
        const a = text.charCodeAt(i);
        if ((a === 39 || a === 0x2019) && i + 1 < n && isWordChar(text, i + 1)) {
          h = fnvStep(h, 39);
          prev = 39;
          run = 0;
          i++;
          continue;
        }
        break;
      }
      if (elongated) emit(T.elong, false);
      if (i - start > 2 && upper > 0 && upper === letters) emit(T.caps, false);
      if (letters === 0) {
        const year = i - start === 4 && (text.startsWith('19', start) || text.startsWith('20', start));
        h = year ? T.year : T.num;
      }
      plain >>>= 0;
      if (NEGATORS.has(key(plain))) {
        emit(plain, false);
        negated = 4;
        continue;
      }
      emit(h >>> 0, negated > 0);
      if (negated > 0) negated--;
      continue;
    }
    if (c === 33 || c === 63) {
      let j = i;
      let both = false;
      while (j < n && (text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63)) {
        if (text.charCodeAt(j) !== c) both = true;
        j++;
      }
      emit(both ? T.both : c === 33 ? (j - i > 1 ? T.excl2 : T.excl) : j - i > 1 ? T.quest2 : T.quest, false);
      negated = 0;
      i = j;
      continue;
    }
    if (c === 58 || c === 59 || c === 61) {
      const len = emoticonAt(text, i);
      if (len) {
        emit(SMILE_MOUTH.has(text.charCodeAt(i + len - 1)) ? T.smile : T.frown, false);
        i += len;
        continue;
      }
    }
    if (c === 60 /* < */ && (text[i + 1] === '3' || (text[i + 1] === '/' && text[i + 2] === '3'))) {
      const broken = text[i + 1] === '/';
      emit(broken ? T.brokenHeart : T.heart, false);
      i += broken ? 3 : 2;
      continue;
    }
    if (c === 46 || c === 44 || c === 59 || c === 58) {
      negated = 0;
      i++;
      continue;
    }
    // Emoji: a pictograph; skin-tone modifiers, joiners and variation selectors are skipped.
    const cp = text.codePointAt(i)!;
    if ((cp >= 0x1f000 && cp <= 0x1faff && !(cp >= 0x1f3fb && cp <= 0x1f3ff)) || (cp >= 0x2600 && cp <= 0x27bf) || cp === 0x2b50 || cp === 0x2b55) {
      emit(fnv(String.fromCodePoint(cp)), false);
    }
    i += cp > 0xffff ? 2 : 1;
  }
}

/** Bins a lexicon sum so the model can learn a non-linear response to it. */
function bin(x: number): number {
  const a = Math.abs(x);
  const b = a === 0 ? 0 : a < 1 ? 1 : a < 2 ? 2 : a < 3.5 ? 3 : a < 5 ? 4 : a < 8 ? 5 : 6;
  return x < 0 ? 6 - b : 6 + b;
}
const binHashes = (name: string) => Array.from({ length: 13 }, (_, k) => fnv(`_lex${name}_${k - 6}`) & MASK);
const LEX_POS = binHashes('pos');
const LEX_NEG = binHashes('neg');
const LEX_SUM = binHashes('sum');
const LEX_AFTER = binHashes('after');

/**
 * The model's feature buckets for a post, written into `out` (cleared first): every token and
 * every pair of neighbouring tokens, hashed into 2^18 buckets, and binned lexicon evidence —
 * positive and negative valence sums (negation flips, boosters scale), their balance, and the
 * balance after a contrast word ("love the app *but support is useless*"), where the point of a
 * post usually is.
 */
export function features(text: string, lex?: Lexicon, out: number[] = []): number[] {
  out.length = 0;
  forEachFeature(text, lex, (bucket) => out.push(bucket));
  return out;
}

/** Calls `visit` with each feature bucket of a post (see `features`), without collecting them. */
export function forEachFeature(text: string, lex: Lexicon | undefined, visit: (bucket: number) => void, counts?: ScanCounts): void {
  let prev = T.start;
  let pos = 0;
  let neg = 0;
  let after = 0;
  let contrast = false;
  let boosted = false;
  scanTokens(text, (token, negated) => {
    const h = negated ? pair(NEGATED, token) : token;
    visit(h & MASK);
    visit(pair(prev, h) & MASK);
    prev = h;
    if (!lex) return;
    const info = lex.get(key(token));
    if (info === undefined) {
      boosted = false;
      return;
    }
    if (info & 2) {
      contrast = true;
      after = 0;
      if (counts) counts.contrast = true;
    }
    if (counts && info & (FAILURE_WORD | NEGATIVE_EMOJI | POSITIVE_EMOJI | CUE)) {
      if (info & CUE) counts.cues++;
      if (info & FAILURE_WORD) {
        counts.failureWords++;
        if (contrast) counts.failureWordsAfterContrast++;
      }
      if (info & NEGATIVE_EMOJI) counts.negativeEmoji++;
      if (info & POSITIVE_EMOJI) counts.positiveEmoji++;
    }
    let v = (info >> 6) / 10;
    if (v !== 0) {
      if (boosted) v *= 1.3;
      if (negated) v *= -0.74;
      if (v > 0) pos += v;
      else neg += v;
      if (contrast) after += v;
    }
    boosted = (info & 1) === 1;
  });
  visit(pair(prev, T.end) & MASK);
  visit(T.bias);
  if (lex) {
    visit(LEX_POS[bin(pos)]!);
    visit(LEX_NEG[bin(neg)]!);
    visit(LEX_SUM[bin(pos + neg)]!);
    if (contrast) visit(LEX_AFTER[bin(after)]!);
  }
}
