/**
 * Splitting posts into words, for the matcher. Words are runs of letters, digits and
 * underscores, so a term never matches inside a longer word. A word right after @, # or $ keeps
 * that sigil; @handles may hold dots and dashes inside (bsky.app handles) and an @instance part
 * (Mastodon). An @ inside an email address is not a sigil.
 *
 * `scan` is the hot path (it runs for every post on a page): it fills reusable arrays with word
 * positions and a hash of each folded word, and allocates a string only for the rare words with
 * non-ASCII letters. `tokenize` gives the words as strings, for everything else.
 */

import { FNV_BASIS, fnv, fnvStep } from '../hash';

export interface Scan {
  /** The text, lowercased (positions as in the original but for rare letters; see `folded`). */
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
 * rare letters outside the Basic Multilingual Plane) are never word characters.
 */
function isOtherWord(c: number, text: string, i: number): boolean {
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0xd800 && c <= 0xdfff)) return false;
  return UNICODE_WORD.test(text[i]!);
}

function foldNonAscii(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

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
  const lower = text.toLowerCase();
  // Lowercasing keeps positions except for a few letters (İ); then every word is folded apart.
  const samePositions = lower.length === n;
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
    const prev = start > 0 ? text.charCodeAt(start - 1) : 0;
    const sigil = prev === SIGIL_HASH || prev === SIGIL_CASH ? prev : prev === SIGIL_AT && !(start > 1 && isWordAt(text, start - 2)) ? prev : 0;
    let ascii = samePositions;
    let h = FNV_BASIS;
    for (; i < n; i++) {
      const c = lower.charCodeAt(i);
      if (c < 128) {
        if (!isAsciiWord(c)) break;
        h = fnvStep(h, c);
      } else if (isOtherWord(c, text, i)) ascii = false;
      else break;
    }
    if (sigil === SIGIL_AT) {
      // Dots and dashes inside a handle, then an optional @instance.
      while (i + 1 < n && (text[i] === '.' || text[i] === '-') && isWordAt(text, i + 1)) {
        i++;
        while (i < n && isWordAt(text, i)) i++;
      }
      if (text[i] === '@' && i + 1 < n && isWordAt(text, i + 1)) {
        let j = i + 1;
        while (j < n && (isWordAt(text, j) || ((text[j] === '.' || text[j] === '-') && j + 1 < n && isWordAt(text, j + 1)))) j++;
        if (text.lastIndexOf('.', j) > i) i = j;
      }
      ascii = false; // hash the whole handle below
    }
    let folded: string | undefined;
    if (!ascii) {
      folded = samePositions && sigil === SIGIL_AT ? foldWord(lower.slice(start, i)) : foldNonAscii(text.slice(start, i));
      h = hashWord(folded);
    }
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

export interface Tokens {
  words: string[];
  sigils: string[];
}

export function tokenize(text: string): Tokens {
  const s = scan(text);
  const words: string[] = [];
  const sigils: string[] = [];
  for (let k = 0; k < s.count; k++) {
    words.push(wordAt(s, k));
    sigils.push(s.sigils[k] ? String.fromCharCode(s.sigils[k]!) : '');
  }
  return { words, sigils };
}
