import type { BrandMatcher } from './index';

/**
 * The matcher reads variants of a name: a typo of it ("Lufthasna" is Lufthansa) and a name of
 * several words written as one ("AcmeAir" is Acme Air). A real word is neither: "being" is not
 * Boeing, "public" is not Publix, "heroes" is not Hermes, "everyday" is not Every Day. The
 * extension ships a dictionary of common words (public/dictionary.txt, built by
 * scripts/build-dictionary.ts); when the brands change, the background picks the few of its words
 * that the brands' matcher would read as variants and stores them (REAL_WORDS_KEY), and content
 * scripts compile their matcher with them (`compileBrands(brands, { realWords })`). The content
 * script never loads the dictionary.
 */

/** The words of a dictionary file: one per line, already folded; lines starting with # are comments. */
export function parseDictionary(text: string): string[] {
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

/** The dictionary's words that `matcher` would read as variants of its names. */
export function realWordVariants(matcher: BrandMatcher, dictionary: readonly string[]): string[] {
  if (!matcher.variantTerms.length) return [];
  return dictionary.filter((word) => matcher.isVariant(word));
}
