/** Lowercases and strips diacritics so "Café" and "cafe" compare equal. Keeps string length stable per code point. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

export interface Token {
  /** Folded word characters, without any @ # $ prefix. */
  word: string;
  /** The sigil right before the word, if any. */
  sigil: '' | '@' | '#' | '$';
  /** Index of the token in the token list. */
  index: number;
}

const TOKEN = /([@#$]?)([\p{L}\p{N}_]+)/gu;

/** Splits text into word tokens; words never split inside a longer word, so "Acmex" never yields "acme". */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of fold(text).matchAll(TOKEN)) {
    tokens.push({ word: m[2]!, sigil: (m[1] ?? '') as Token['sigil'], index: tokens.length });
  }
  return tokens;
}
