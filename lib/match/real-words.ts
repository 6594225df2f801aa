import type { RealWords } from '../schemas/settings';
import type { BrandMatcher } from './index';

/**
 * The matcher reads variants of a name: a typo of it ("Lufthasna" is Lufthansa) or of one of its
 * words ("Amercian Airlines"; "Golden Coral" is not Golden Corral), a name of
 * several words written as one ("AcmeAir" is Acme Air) and a one-word name's plural ("Teslas").
 * A real word is none of them: "being" is not Boeing, "public" is not Publix, "heroes" is not
 * Hermes, "everyday" is not Every Day, "apples" are not Apple; nor is a real word that starts or ends with a
 * name written as a tag ("#pineapple", "#purchase" are not Apple or Chase). The
 * extension ships a dictionary of common words (public/dictionary.txt, built by
 * scripts/build-dictionary.ts); when the brands change, the background picks the few of its words
 * that the brands' matcher would read as variants and stores them (REAL_WORDS_KEY), and content
 * scripts compile their matcher with them (`compileBrands(brands, { realWords })`). The content
 * script never loads the dictionary.
 */

/**
 * Which lists are current: made by this version of the extension under these rules. Bump the rules
 * number whenever public/dictionary.txt or what the matcher reads as a variant changes.
 */
const RULES = 5;
export const realWordsVersion = (extensionVersion: string) => `${extensionVersion}/${RULES}`;

/**
 * Whether a stored list covers a matcher: made for the same terms by the same version. Until it
 * does, content scripts match names only as written (`variants: false`), so no real word is ever
 * taken for a name while the background is making the list.
 */
export function listCovers(list: RealWords | undefined, matcher: BrandMatcher, version: string): boolean {
  return list !== undefined && list.version === version && JSON.stringify(list.terms) === JSON.stringify(matcher.variantTerms);
}

/** A dictionary: its words, and which of them are one word in several English spellings ("armor", "armour"). */
export interface Dictionary {
  words: readonly string[];
  /** A word spelled otherwise in another English spelling, and its group's number (the same for "armor" and "armour"). */
  spellings: ReadonlyMap<string, number>;
}

/**
 * A dictionary file: one folded word per line; lines starting with # are comments; a line starting with = lists the
 * spellings of one word in American, British, Canadian and Australian English ("=armor armour").
 */
export function parseDictionary(text: string): Dictionary {
  const words: string[] = [];
  const spellings = new Map<string, number>();
  let group = 0;
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('=')) {
      group++;
      for (const word of line.slice(1).split(' ')) spellings.set(word, group);
    } else words.push(line);
  }
  return { words, spellings };
}

/**
 * A word as it is spelled in American English where British, Canadian or Australian spelling writes it
 * otherwise, as far as one letter tells them apart: -our (colour, harbour), -re after t, b or g (centre,
 * theatres, fibre, meagre), -ise and -isation (organise), -yse (analyse), -ell- and -all- before an ending
 * (travelled, dialling; not "miller"), -ence (licence). The dictionary's builder groups by it the words SCOWL
 * lists for one English spelling only: other words it makes alike ("monstre", "monster") are not one word.
 */
export function americanSpelling(word: string): string {
  return word
    .replace(/([^aeiou])our/g, '$1or')
    .replace(/([tbg])re(s?)$/, '$1er$2')
    .replace(/is(?=e|ing|ation)/g, 'iz')
    .replace(/yse/g, 'yze')
    .replace(/([a-z]{2}[ae])ll(?=ed|ing|er|or)/g, '$1l')
    .replace(/ence(s?)$/, 'ense$1');
}

/**
 * The dictionary's words that `matcher` would read as variants of its names, but for the same word in
 * another English spelling: "Under Armor" and "Harbour Freight" are the brands Under Armour and Harbor
 * Freight, while "honors" is no more the brand Honor than "ragers" is Rogers.
 */
export function realWordVariants(matcher: BrandMatcher, dictionary: Dictionary): string[] {
  // Words holding a tag at an end ("pineapple") are listed too; their terms are among variantTerms.
  if (!matcher.variantTerms.length) return [];
  const { spellings } = dictionary;
  /** The spelling groups of the terms, and the terms in each. */
  const termsIn = new Map<number, string[]>();
  for (const term of matcher.variantTerms) {
    const group = spellings.get(term);
    if (group === undefined) continue;
    const terms = termsIn.get(group);
    if (terms) terms.push(term);
    else termsIn.set(group, [term]);
  }
  const otherSpelling = (word: string) => {
    const group = spellings.get(word);
    return group !== undefined && (termsIn.get(group)?.some((term) => term !== word) ?? false);
  };
  return dictionary.words.filter((word) => (matcher.isVariant(word) || matcher.holdsTagEnd(word)) && !otherSpelling(word));
}
