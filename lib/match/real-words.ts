import type { BrandMatcher } from './index';

/**
 * Typo tolerance reads "Lufthasna" as Lufthansa, but a real word one edit from a name is not a
 * typo of it: "being" is not Boeing, "public" is not Publix, "heroes" is not Hermes. The extension
 * ships a dictionary of common words (public/dictionary.txt, built by scripts/build-dictionary.ts);
 * when the brands change, the background picks the few of its words that the brands' matcher
 * would take for typos and stores them (NOT_TYPOS_KEY), and content scripts compile their matcher
 * with them (`compileBrands(brands, { notTypos })`). The content script never loads the dictionary.
 */

/** The words of a dictionary file: one per line, already folded; lines starting with # are comments. */
export function parseDictionary(text: string): string[] {
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

/** The dictionary's words that `matcher` would read as typos of its terms. */
export function realWordTypos(matcher: BrandMatcher, dictionary: readonly string[]): string[] {
  if (!matcher.typoTerms.length) return [];
  return dictionary.filter((word) => matcher.isTypo(word));
}
