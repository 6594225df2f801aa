/**
 * Splitting posts into words, for the matcher. Words are runs of letters, digits and
 * underscores, so a term never matches inside a longer word. A word right after @, # or $ keeps
 * that sigil; @handles may hold dots and dashes inside (bsky.app handles) and an @instance part
 * (Mastodon). An @ inside an email address is not a sigil. The full-width ＠, ＃ and ＄ of Japanese and
 * Chinese text are sigils too, as the sites link them.
 *
 * Scripts written without spaces between words (Chinese, Japanese kana and kanji, Thai, Lao,
 * Khmer, Myanmar) and Korean, whose particles join the word before them ("삼성이"), have no word
 * boundary to find: there every character (with the marks on it) is a word of its own, and a name
 * is the run of them, "任天堂" in "任天堂のスイッチ". A Latin word ends where such a script begins
 * ("Appleの" holds "apple"). A tag keeps its whole run ("#任天堂スイッチ"), and so does a handle written in
 * such a script ("@任天堂"); a handle written in letters ends where one begins ("@AcmeAirさん").
 *
 * `scan` is the hot path (it runs for every post on a page): it fills reusable arrays with word
 * positions and a hash of each folded word, and allocates a string only for the rare words with
 * non-ASCII letters. `tokenize` gives the words as strings, for everything else.
 */

import { FNV_BASIS, fnv, fnvStep } from '../hash';

export interface Scan {
  /** The text, lowercased, every position as in the original (a letter whose lowercase is longer is kept). */
  lower: string;
  count: number;
  starts: number[];
  ends: number[];
  /** FNV-1a hash of each folded word, cut to 30 bits so it stays a small integer in V8. */
  hashes: number[];
  /** Char code of the sigil before each word, 0 for none. */
  sigils: number[];
  /** The folded word where it could not be sliced from `lower` (non-ASCII letters), else undefined. */
  folded: Array<string | undefined>;
}

export const SIGIL_AT = 64;
export const SIGIL_HASH = 35;
export const SIGIL_CASH = 36;

const UNICODE_WORD = /[\p{L}\p{N}\p{M}]/u;

const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ? 1 : 0;
function isAsciiWord(c: number): boolean {
  return ASCII_WORD[c] === 1;
}

function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? isAsciiWord(c) : isOtherWord(c, text, i);
}

/**
 * Letters and digits beyond ASCII. Punctuation (U+2000–U+206F) and surrogates (emoji, and the
 * rare letters outside the Basic Multilingual Plane) are never word characters, but for the styled
 * letters posts use for emphasis: mathematical bold, italic, script… (𝐀𝐜𝐦𝐞, 𝘼𝙘𝙢𝙚: U+1D400–U+1D7FF,
 * written \uD835 and a low surrogate) and circled letters (Ⓐⓒⓜⓔ), which fold to plain ones.
 */
function isOtherWord(c: number, text: string, i: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) {
    return c === 0xd835 ? isLowSurrogate(text.charCodeAt(i + 1)) : c >= 0xdc00 && text.charCodeAt(i - 1) === 0xd835;
  }
  if (c >= 0x24b6 && c <= 0x24e9) return true;
  // An invisible character inside a word is part of it: a soft hyphen a page puts where a word may break
  // ("Luft&shy;hansa"), a zero-width space, joiner or non-joiner. (It folds to nothing.)
  if (isInvisible(c)) return i > 0 && i + 1 < text.length && isWordAt(text, i - 1) && !isInvisible(text.charCodeAt(i + 1)) && isWordAt(text, i + 1);
  if (c >= 0x2000 && c <= 0x206f) return false;
  return UNICODE_WORD.test(text[i]!);
}

const isInvisible = (c: number) => c === 0x00ad || (c >= 0x200b && c <= 0x200d) || c === 0x2060;
const INVISIBLE_ALL = /[\u00ad\u200b-\u200d\u2060]/g;

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

const STYLED = /\uD835[\uDC00-\uDFFF]|[\u24B6-\u24E9]/;
const STYLED_ALL = new RegExp(STYLED.source, 'g');

/** A text with its styled letters (𝐀𝐜𝐦𝐞, 𝘼𝙘𝙢𝙚, Ⓐⓒⓜⓔ) made plain, for readers that know only plain ones. */
export function unstyle(text: string): string {
  return STYLED.test(text) ? text.replace(STYLED_ALL, (c) => c.normalize('NFKC')) : text;
}

/**
 * A character of a script written without spaces between words, or Hangul: Thai, Lao, Myanmar,
 * Hangul jamo, Khmer, kana, CJK ideographs and their iteration marks, Hangul syllables, CJK
 * compatibility ideographs, and the half-width kana and Hangul forms.
 */
export function isDense(c: number): boolean {
  if (c < 0x0e00) return false;
  if (c < 0x3000) return c <= 0x0eff || (c >= 0x1000 && c <= 0x109f) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x1780 && c <= 0x17ff);
  return (
    (c >= 0x3005 && c <= 0x3007) ||
    (c >= 0x3041 && c <= 0x30ff && c !== 0x30fb) ||
    (c >= 0x3131 && c <= 0x318f) ||
    (c >= 0x31f0 && c <= 0x31ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xac00 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff66 && c <= 0xffdc)
  );
}

const MARK = /\p{M}/u;

/** A character that belongs to the dense-script character before it: a combining mark, a kana voicing mark. */
function isMarkAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0xff9e || c === 0xff9f || (c >= 0x3099 && c <= 0x309c)) return true;
  return c >= 0x0300 && c < 0xd800 && MARK.test(text[i]!);
}

/** Folded forms of dense-script characters, which recur in every post written in them. */
const denseFolds = new Map<number, string>();

/**
 * A dense-script character folded: compatibility forms made canonical (half-width ｿﾆｰ is ソニー,
 * ｶﾞ is ガ) but marks kept, for there they make another word (バス, a bus, is not ハス, a lotus).
 */
function foldDense(char: string): string {
  const folded = char.normalize('NFKC').toLowerCase();
  return MARKS_ONLY.test(folded) ? '' : folded;
}

const MARKS_ONLY = /^\p{M}*$/u;

/** Lowercase, one UTF-16 unit for one: a letter whose lowercase is longer is kept as it is. */
function lowerInPlace(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const l = text[i]!.toLowerCase();
    out += l.length === 1 ? l : text[i];
  }
  return out;
}

/** Letters that carry no accent to take off but are written as plain ones all the same ("Orsted", "Lodz", "Meissen"). */
const PLAIN: Record<string, string> = { ø: 'o', ł: 'l', ß: 'ss', ı: 'i', đ: 'd', ð: 'd', æ: 'ae', œ: 'oe', þ: 'th', ħ: 'h', ŧ: 't' };
const HAS_PLAIN = /[øłßıđðæœþħŧ]/;
const PLAIN_ALL = new RegExp(HAS_PLAIN.source, 'g');

function foldNonAscii(word: string): string {
  let folded = word.normalize('NFKD').replace(/\p{M}+/gu, '').replace(INVISIBLE_ALL, '').toLowerCase();
  if (HAS_PLAIN.test(folded)) folded = folded.replace(PLAIN_ALL, (c) => PLAIN[c]!);
  // Arabic as it is written in posts: no tatweel (أمـــازون), final ى as ي, ة as ه.
  return ARABIC.test(folded) ? folded.replace(/\u0640/g, '').replace(/\u0649/g, '\u064a').replace(/\u0629/g, '\u0647') : folded;
}

const ARABIC = /[\u0629\u0640\u0649]/;

/** Lowercase without diacritics: "Café" → "cafe". */
export function foldWord(word: string): string {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) return foldNonAscii(word);
  return word.toLowerCase();
}

export function hashWord(word: string): number {
  return fnv(word) & 0x3fffffff;
}

export function newScan(): Scan {
  return { lower: '', count: 0, starts: [], ends: [], hashes: [], sigils: [], folded: [] };
}

export function scan(text: string, out: Scan = newScan()): Scan {
  const n = text.length;
  // Lowercased with every position kept: the rare letters whose lowercase is longer (İ) stay as
  // they are here, and are lowercased with the rest of their word when it is folded.
  let lower = text.toLowerCase();
  if (lower.length !== n) lower = lowerInPlace(text);
  out.lower = lower;
  let count = 0;
  let i = 0;
  while (i < n) {
    const first = lower.charCodeAt(i);
    if (first < 128 ? !isAsciiWord(first) : !isOtherWord(first, text, i)) {
      i++;
      continue;
    }
    const start = i;
    const prev = start > 0 ? halfWidthSigil(text.charCodeAt(start - 1)) : 0;
    const sigil = prev === SIGIL_HASH || prev === SIGIL_CASH ? prev : prev === SIGIL_AT && !(start > 1 && isWordAt(text, start - 2)) ? prev : 0;
    const c0 = text.charCodeAt(start);
    const dense = c0 >= 0x0e00 && isDense(c0);
    if (!sigil && dense) {
      // One character, with the marks on it, is one word.
      i++;
      while (i < n && isMarkAt(text, i)) i++;
      let folded = i === start + 1 ? denseFolds.get(c0) : undefined;
      if (folded === undefined) {
        folded = foldDense(text.slice(start, i));
        if (i === start + 1 && denseFolds.size < 20_000) denseFolds.set(c0, folded);
      }
      if (!folded) continue; // marks alone are no word
      out.starts[count] = start;
      out.ends[count] = i;
      out.hashes[count] = hashWord(folded);
      out.sigils[count] = 0;
      out.folded[count] = folded;
      count++;
      continue;
    }
    // A tag keeps its whole run into a script without spaces ("#任天堂スイッチ", "#AcmeAir最高"), and so does a handle
    // written in such a script (YouTube's "@任天堂"); a handle written in letters ends where one begins, as the sites
    // link it: "@AcmeAirさん", "@Nintendo様", "@AcmeAir님" are @AcmeAir and @Nintendo with an honorific.
    const runsOnDense = sigil === SIGIL_HASH || sigil === SIGIL_CASH || (sigil === SIGIL_AT && dense);
    let ascii = true;
    let h = FNV_BASIS;
    for (; i < n; i++) {
      const c = lower.charCodeAt(i);
      if (c < 128) {
        if (!isAsciiWord(c)) break;
        h = fnvStep(h, c);
      } else if (isOtherWord(c, text, i) && (i === start || runsOnDense || !isDense(text.charCodeAt(i)))) ascii = false;
      else break;
    }
    if (sigil === SIGIL_AT) {
      // Dots and dashes inside a handle, then an optional @instance. A dot before a capitalised word ends it: a
      // sentence run on without its space ("thanks @AcmeHelp.Great service"), not a domain handle (written lower-case).
      while (i + 1 < n && (text[i] === '.' || text[i] === '-') && inHandle(text, i + 1, dense) && !(text[i] === '.' && startsCapitalised(text, i + 1))) {
        i++;
        while (i < n && inHandle(text, i, dense)) i++;
      }
      if (text[i] === '@' && i + 1 < n && inHandle(text, i + 1, dense)) {
        let j = i + 1;
        while (j < n && (inHandle(text, j, dense) || ((text[j] === '.' || text[j] === '-') && j + 1 < n && inHandle(text, j + 1, dense)))) j++;
        if (text.lastIndexOf('.', j) > i) i = j;
      }
      ascii = false; // hash the whole handle below
    }
    let folded: string | undefined;
    if (!ascii) {
      folded = sigil === SIGIL_AT ? foldWord(text.slice(start, i)) : foldNonAscii(text.slice(start, i));
      h = hashWord(folded);
    }
    if (folded === '') continue; // marks alone, which fold to nothing, are no word
    out.starts[count] = start;
    out.ends[count] = i;
    out.hashes[count] = h & 0x3fffffff;
    out.sigils[count] = sigil;
    out.folded[count] = folded;
    count++;
  }
  out.count = count;
  return out;
}

/** A sigil as written in Japanese and Chinese text, full-width ("＠AcmeAir", "＃acmefail", "＄ACME"), as its ASCII form; any other character as it is. */
function halfWidthSigil(c: number): number {
  return c === 0xff20 || c === 0xff03 || c === 0xff04 ? c - 0xfee0 : c;
}

/** Whether the character at j goes on a handle that began in a script without spaces (`dense`) or not. */
function inHandle(text: string, j: number, dense: boolean): boolean {
  return isWordAt(text, j) && (dense || !isDense(text.charCodeAt(j)));
}

/** Whether a capitalised word starts at i: a capital letter, then a lower-case one ("Great", not "COM" or "bsky"). */
function startsCapitalised(text: string, i: number): boolean {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  return a >= 65 && a <= 90 && b >= 97 && b <= 122;
}

/** The folded word at index k of a scan. */
export function wordAt(s: Scan, k: number): string {
  return s.folded[k] ?? s.lower.slice(s.starts[k], s.ends[k]);
}

/** True when word k of a scan is `word` (no allocation for ASCII words). */
export function wordIs(s: Scan, k: number, word: string): boolean {
  const f = s.folded[k];
  if (f !== undefined) return f === word;
  return s.ends[k]! - s.starts[k]! === word.length && s.lower.startsWith(word, s.starts[k]);
}

/** True when word k of a scan is one dense-script character written right after word k - 1, also one. */
export function gluedAt(s: Scan, k: number): boolean {
  return k > 0 && s.ends[k - 1] === s.starts[k] && isDense(s.lower.charCodeAt(s.starts[k]!)) && isDense(s.lower.charCodeAt(s.starts[k - 1]!));
}

export interface Tokens {
  words: string[];
  sigils: string[];
  /** glued[k]: word k is a dense-script character written right after word k - 1, also one. */
  glued: boolean[];
}

export function tokenize(text: string): Tokens {
  const s = scan(text);
  const words: string[] = [];
  const sigils: string[] = [];
  const glued: boolean[] = [];
  for (let k = 0; k < s.count; k++) {
    words.push(wordAt(s, k));
    sigils.push(s.sigils[k] ? String.fromCharCode(s.sigils[k]!) : '');
    glued.push(gluedAt(s, k));
  }
  return { words, sigils, glued };
}
