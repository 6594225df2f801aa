/**
 * The first, cheap test a post goes through on a page: could this text mention one of the team's
 * terms at all? It looks for substrings ("keys") of the folded text, so it holds when the text is
 * a post's raw `textContent`, where block boundaries are lost and a post's first word may be glued
 * to the time before it ("2hAcme Air…"). It may say yes for a post that mentions no brand (the
 * full matcher then decides); it never says no for one that does (tested as a property against
 * the matcher).
 *
 * Keys, for every term: a name or alias's longest word (a phrase needs all its words); the two
 * halves and the middle swap of a typo-tolerant name (one edit leaves one of them whole); a
 * handle, a hashtag, a domain as written. They are compiled into one regular expression shaped
 * as a trie, so a text is read once whatever the number of terms.
 */
import { foldWord } from './tokens';

export interface Screen {
  /** True when `text` may mention a term (a substring test on the folded text). */
  test(text: string): boolean;
  readonly keys: readonly string[];
}

/** The whole text lowercased without diacritics, as the matcher folds each word (foldWord). */
export function foldText(text: string): string {
  // A Greek final sigma depends on what follows it, which a glued text changes: one form for both.
  return foldWord(text).replace(/ς/g, 'σ');
}

/**
 * Characters beyond ASCII that folding can never turn into a letter or digit, nor the matcher
 * count as part of a word: Latin-1 punctuation and symbols, general punctuation (·, …, quotes,
 * zero-width joiners), currency, arrows, box drawing, dingbats, and surrogates (emoji; the
 * matcher never reads a word in them), but for the styled letters of U+1D400–U+1D7FF (lead
 * surrogate \uD835: 𝐀𝐜𝐦𝐞), which fold to plain ones. A text with nothing else beyond ASCII needs no
 * folding.
 */
export const INERT =
  '\u0080-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u1ffd-\u206f\u20a9-\u20cf\u218a-\u245f\u2500-\u2775\u2794-\u2bff\u2e00-\u2e2e\u3000-\u3004\ud800-\ud834\ud836-\udfff';
const NEEDS_FOLDING = new RegExp(`[^\\x00-\\x7f${INERT}]`);

/** Keys for a typo-tolerant term: a word one edit away holds its first half, its second half, or its middle letters swapped. */
export function typoKeys(word: string): string[] {
  const h = Math.floor(word.length / 2);
  return [word.slice(0, h), word.slice(h), word.slice(0, h - 1) + word[h] + word[h - 1] + word.slice(h + 1)];
}

/**
 * The longest of a phrase's words, or of its runs of characters written together ("任天堂", whose
 * characters are words of their own): a text holding the phrase holds it.
 */
export function phraseKey(words: readonly string[], glued: readonly boolean[] = []): string | undefined {
  let best: string | undefined;
  let run = '';
  for (let k = 0; k < words.length; k++) {
    run = glued[k] ? run + words[k] : words[k]!;
    if (!best || run.length > best.length) best = run;
  }
  return best;
}

export function compileScreen(rawKeys: Iterable<string>): Screen {
  const folded = [...new Set([...rawKeys].map(foldText).filter(Boolean))].sort((a, b) => a.length - b.length);
  // A key holding a shorter key adds nothing: any text with it has the shorter one.
  const keys: string[] = [];
  for (const k of folded) if (!keys.some((short) => k.includes(short))) keys.push(k);
  if (keys.length === 0) return { keys, test: () => false };
  const pattern = new RegExp(trieSource(keys));
  return {
    keys,
    test(text) {
      // Most posts are ASCII: lowercase and test; the rest are folded (accents, compatibility forms).
      // A tag's underscores join words ("#acme_air" is #acmeair), so a text with any is tried without them too.
      const holds = (t: string) => pattern.test(t) || (t.includes('_') && pattern.test(t.replace(/_/g, '')));
      return holds(text.toLowerCase()) || (NEEDS_FOLDING.test(text) && holds(foldText(text)));
    },
  };
}

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

/** A regular expression matching any of `keys`, factored as a trie so the engine never backtracks across keys. */
function trieSource(keys: string[]): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const key of keys) {
    let node = root;
    for (const ch of key) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const source = (node: TrieNode): string => {
    // No key holds another, so a key's end has no children.
    const branches = [...node.next].map(([ch, child]) => escape(ch) + (child.end ? '' : source(child)));
    return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  };
  return source(root);
}

function escape(ch: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch;
}
