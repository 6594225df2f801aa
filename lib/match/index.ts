import type { Brand } from '../schemas/brand';
import { tokenize, type Token } from '../text';

export interface BrandMention {
  brand: string;
  competitor: boolean;
  /** The terms that matched, as written in the post (folded). */
  terms: string[];
}

export interface MatchResult {
  mentions: BrandMention[];
  /** Names of brands whose own handle wrote the post: the brand speaking, not a mention. */
  ownBrands: string[];
}

interface PhraseEntry {
  brand: number;
  words: string[];
  exclusion: boolean;
}

/**
 * All of a team's terms compiled into one lookup: phrases are indexed by their first word,
 * so matching costs one hash lookup per token of the post, whatever the number of terms.
 */
export interface BrandMatcher {
  match(text: string, authorHandle?: string): MatchResult;
  readonly size: number;
}

export function compileBrands(brands: readonly Brand[]): BrandMatcher {
  const phrases = new Map<string, PhraseEntry[]>();
  const handles = new Map<string, number>();
  const hashtags = new Map<string, number>();

  const addPhrase = (brand: number, term: string, exclusion: boolean) => {
    const words = tokenize(term).map((t) => t.word);
    if (words.length === 0) return;
    const list = phrases.get(words[0]!) ?? [];
    list.push({ brand, words, exclusion });
    phrases.set(words[0]!, list);
  };

  brands.forEach((b, i) => {
    for (const term of [b.name, ...b.aliases]) {
      addPhrase(i, term, false);
      // "#AcmeAir" and "@AcmeAir" are how people tag a two-word brand.
      const joined = tokenize(term).map((t) => t.word).join('');
      if (joined) hashtags.set(joined, i);
    }
    for (const h of b.handles) handles.set(h.toLowerCase(), i);
    for (const h of b.hashtags) hashtags.set(tokenize(h).map((t) => t.word).join(''), i);
    for (const e of b.exclude) addPhrase(i, e, true);
  });

  let size = handles.size + hashtags.size;
  for (const list of phrases.values()) size += list.length;

  return {
    size,
    match(text, authorHandle) {
      const tokens = tokenize(text);
      const found = new Map<number, { terms: Set<string>; spans: Array<[number, number]> }>();
      const excluded = new Map<number, Array<[number, number]>>();
      const note = (brand: number, term: string, start: number, end: number) => {
        const entry = found.get(brand) ?? { terms: new Set(), spans: [] };
        entry.terms.add(term);
        entry.spans.push([start, end]);
        found.set(brand, entry);
      };

      tokens.forEach((tok, i) => {
        if (tok.sigil === '@') {
          const b = handles.get(tok.word);
          if (b !== undefined) note(b, '@' + tok.word, i, i + 1);
        } else if (tok.sigil === '#' || tok.sigil === '$') {
          const b = hashtags.get(tok.word);
          if (b !== undefined) note(b, tok.sigil + tok.word, i, i + 1);
        }
        for (const p of phrases.get(tok.word) ?? []) {
          if (!phraseAt(tokens, i, p.words)) continue;
          const end = i + p.words.length;
          if (p.exclusion) {
            const list = excluded.get(p.brand) ?? [];
            list.push([i, end]);
            excluded.set(p.brand, list);
          } else {
            note(p.brand, p.words.join(' '), i, end);
          }
        }
      });

      const mentions: BrandMention[] = [];
      for (const [b, entry] of found) {
        const ex = excluded.get(b) ?? [];
        // An exclusion wins over every match it overlaps; a match elsewhere in the post still counts.
        const live = entry.spans.some(([s, e]) => !ex.some(([xs, xe]) => s < xe && xs < e));
        if (live) mentions.push({ brand: brands[b]!.name, competitor: brands[b]!.competitor, terms: [...entry.terms] });
      }
      const author = authorHandle?.replace(/^@+/, '').toLowerCase();
      const ownBrands = author && handles.has(author) ? [brands[handles.get(author)!]!.name] : [];
      return { mentions, ownBrands };
    },
  };
}

function phraseAt(tokens: Token[], at: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const t = tokens[at + k];
    if (!t || t.word !== words[k]) return false;
    if (k > 0 && t.sigil !== '') return false;
  }
  return true;
}
