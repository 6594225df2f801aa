export interface Tokens {
  /** Folded words (lowercase, no accents), without their sigil. */
  words: string[];
  /** The sigil before each word: '', '@', '#' or '$'. */
  sigils: string[];
  /** Each word as written, for camel-case hashtags. */
  raw: string[];
}

// @handles may hold dots and dashes inside (bsky.app handles, user@instance on Mastodon);
// other words are runs of letters, digits and underscores, so a term never matches inside a longer word.
const TOKEN =
  /(@)([\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)|([#$]?)([\p{L}\p{N}_]+)/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** Lowercase without diacritics: "Café" → "cafe". */
export function foldWord(word: string): string {
  return ASCII.test(word) ? word.toLowerCase() : word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const sigils: string[] = [];
  const raw: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const word = m[2] ?? m[4]!;
    words.push(foldWord(word));
    sigils.push(m[1] ?? m[3] ?? '');
    raw.push(word);
  }
  return { words, sigils, raw };
}
