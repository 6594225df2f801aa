import type { Brand } from '../schemas/brand';
import { editDistanceAtMostOne } from './distance';
import { foldWord, tokenize, type Tokens } from './tokens';

export interface BrandMention {
  brand: string;
  competitor: boolean;
  /** The terms that matched, as found in the post (folded). */
  terms: string[];
}

export interface MatchResult {
  mentions: BrandMention[];
  /** Names of brands whose own handle wrote the post: the brand speaking, not a mention. */
  ownBrands: string[];
}

export interface BrandMatcher {
  match(text: string, authorHandle?: string): MatchResult;
  /** Number of compiled terms. */
  readonly size: number;
}

type Kind = 'name' | 'exclude' | 'notWith' | 'near';

interface Phrase {
  brand: number;
  words: string[];
  kind: Kind;
}

interface FuzzyTerm {
  brand: number;
  word: string;
}

/** Shortest term that may be concatenated into a hashtag ("#acmefail") or matched with a typo. */
const MIN_CONCAT = 4;
const MIN_FUZZY = 6;

/**
 * Compiles all of a team's terms into a few hash tables so that matching a post costs one pass
 * over its words, whatever the number of terms: phrases are indexed by their first word, handles,
 * hashtags and joined names by their whole form, typo candidates by length and first or last two
 * letters, and domains by one combined pattern.
 */
export function compileBrands(brands: readonly Brand[]): BrandMatcher {
  const phrases = new Map<string, Phrase[]>();
  const handles = new Map<string, number>();
  /** Hashtag/cashtag/joined-name form → brand, e.g. "acmeair", "acmefail". */
  const tags = new Map<string, number>();
  /** Joined exclusion forms, so "#applepie" is not Apple. */
  const excludedTags = new Map<string, number>();
  const fuzzyByHead = new Map<string, FuzzyTerm[]>();
  const fuzzyByTail = new Map<string, FuzzyTerm[]>();
  const exactWords = new Set<string>();
  const domains: Array<{ domain: string; brand: number }> = [];
  let size = 0;

  const addPhrase = (brand: number, term: string, kind: Kind): string[] => {
    const words = tokenize(term).words;
    if (words.length === 0) return words;
    const list = phrases.get(words[0]!) ?? [];
    list.push({ brand, words, kind });
    phrases.set(words[0]!, list);
    size++;
    return words;
  };
  const addFuzzy = (brand: number, word: string) => {
    if (word.length < MIN_FUZZY || /\d/.test(word)) return;
    const term = { brand, word };
    for (const [map, key] of [
      [fuzzyByHead, `${word.length}:${word.slice(0, 2)}`],
      [fuzzyByTail, `${word.length}:${word.slice(-2)}`],
    ] as const) {
      const list = map.get(key) ?? [];
      list.push(term);
      map.set(key, list);
    }
  };

  brands.forEach((b, i) => {
    for (const term of [b.name, ...b.aliases]) {
      const words = addPhrase(i, term, 'name');
      const joined = words.join('');
      if (!joined) continue;
      tags.set(joined, i);
      words.forEach((w) => exactWords.add(w));
      if (b.fuzzy) addFuzzy(i, joined);
    }
    for (const h of b.handles) {
      handles.set(h.toLowerCase(), i);
      size++;
    }
    for (const h of b.hashtags) {
      tags.set(tokenize(h).words.join(''), i);
      size++;
    }
    for (const e of b.exclude) excludedTags.set(addPhrase(i, e, 'exclude').join(''), i);
    for (const n of b.notWith) addPhrase(i, n, 'notWith');
    for (const n of b.near?.anyOf ?? []) addPhrase(i, n, 'near');
    for (const d of b.domains) {
      domains.push({ domain: d, brand: i });
      size++;
    }
  });

  const domainPattern = domains.length
    ? new RegExp(
        `(?<![\\p{L}\\p{N}@._-])(?:[a-z0-9-]+\\.)*(${domains.map((d) => d.domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}_-]|\\.[a-z0-9])`,
        'gu',
      )
    : undefined;
  const domainBrand = new Map(domains.map((d) => [d.domain, d.brand]));

  return {
    size,
    match(text, authorHandle) {
      const found = new Map<number, Found>();
      const excluded = new Map<number, Array<[number, number]>>();
      const near = new Map<number, Array<[number, number]>>();
      const blocked = new Set<number>();
      const note = (brand: number, term: string, start: number, end: number, strong: boolean) => {
        let f = found.get(brand);
        if (!f) found.set(brand, (f = { terms: new Set(), spans: [] }));
        f.terms.add(term);
        f.spans.push({ start, end, strong });
      };
      const push = (map: Map<number, Array<[number, number]>>, brand: number, span: [number, number]) => {
        const list = map.get(brand);
        if (list) list.push(span);
        else map.set(brand, [span]);
      };

      /** Finds phrases in `t`; `at` places a match in the post (sub-words of a hashtag all sit at the tag). */
      const scanPhrases = (t: Tokens, at: (i: number, len: number) => [number, number], strong: boolean) => {
        for (let i = 0; i < t.words.length; i++) {
          const list = phrases.get(t.words[i]!);
          if (!list) continue;
          for (const p of list) {
            if (!phraseAt(t, i, p.words)) continue;
            const span = at(i, p.words.length);
            if (p.kind === 'name') note(p.brand, p.words.join(' '), span[0], span[1], strong);
            else if (p.kind === 'exclude') push(excluded, p.brand, span);
            else if (p.kind === 'near') push(near, p.brand, span);
            else blocked.add(p.brand);
          }
        }
      };

      const tokens = tokenize(text);
      scanPhrases(tokens, (i, len) => [i, i + len], false);

      for (let i = 0; i < tokens.words.length; i++) {
        const sigil = tokens.sigils[i];
        const word = tokens.words[i]!;
        if (sigil === '@') {
          const b = handles.get(word) ?? tags.get(word);
          if (b !== undefined) note(b, '@' + word, i, i + 1, true);
        } else if (sigil === '#' || sigil === '$') {
          matchTag(tokens.raw[i]!, word, i, sigil);
        } else if (word.length >= MIN_FUZZY - 1 && !exactWords.has(word) && !phrases.has(word)) {
          for (const term of fuzzyCandidates(word)) {
            // A typo, never the term inside a longer word ("SkyJets" is not a misspelt "SkyJet").
            if (!word.includes(term.word) && editDistanceAtMostOne(word, term.word)) note(term.brand, word, i, i + 1, false);
          }
        }
      }

      function matchTag(raw: string, word: string, at: number, sigil: string) {
        const ex = excludedTags.get(word);
        const exact = tags.get(word);
        if (exact !== undefined && ex !== exact) {
          note(exact, sigil + word, at, at + 1, true);
          return;
        }
        // "#AcmeAirSucks": camel case marks the words.
        const parts = raw.split(/(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u);
        if (parts.length > 1) {
          const before = found.size;
          scanPhrases(tokenize(parts.join(' ')), () => [at, at + 1], true);
          if (found.size > before) return;
        }
        // "#acmefail", "#boycottacme": a joined name at either end of a longer tag.
        if (word.length <= MIN_CONCAT) return;
        for (let len = word.length - 1; len >= MIN_CONCAT; len--) {
          for (const piece of [word.slice(0, len), word.slice(word.length - len)]) {
            const b = tags.get(piece);
            if (b === undefined) continue;
            const exclusion = [...excludedTags].some(([e, eb]) => eb === b && word.includes(e));
            if (!exclusion) note(b, sigil + word, at, at + 1, true);
            return;
          }
        }
      }

      if (domainPattern && text.includes('.')) {
        for (const m of text.toLowerCase().matchAll(domainPattern)) {
          const b = domainBrand.get(m[1]!);
          if (b !== undefined) note(b, m[0], -1, -1, true);
        }
      }

      const mentions: BrandMention[] = [];
      for (const [b, f] of found) {
        if (blocked.has(b)) continue;
        const brand = brands[b]!;
        const ex = excluded.get(b) ?? [];
        const ctx = near.get(b);
        const live = f.spans.some((s) => {
          // An exclusion wins over every match it overlaps; a match elsewhere in the post still counts.
          if (ex.some(([xs, xe]) => s.start < xe && xs < s.end)) return false;
          if (s.strong || !brand.near) return true;
          const within = brand.near.within;
          return ctx?.some(([cs, ce]) => cs < s.end + within && s.start - within < ce) ?? false;
        });
        if (live) mentions.push({ brand: brand.name, competitor: brand.competitor, terms: [...f.terms] });
      }
      const author = authorHandle === undefined ? undefined : foldWord(authorHandle.replace(/^@+/, ''));
      const own = author === undefined ? undefined : handles.get(author);
      return { mentions, ownBrands: own === undefined ? [] : [brands[own]!.name] };
    },
  };

  function fuzzyCandidates(word: string): FuzzyTerm[] {
    const out: FuzzyTerm[] = [];
    const head = word.slice(0, 2);
    const tail = word.slice(-2);
    for (let len = word.length - 1; len <= word.length + 1; len++) {
      const a = fuzzyByHead.get(`${len}:${head}`);
      const b = fuzzyByTail.get(`${len}:${tail}`);
      if (a) out.push(...a);
      if (b) for (const t of b) if (!a?.includes(t)) out.push(t);
    }
    return out;
  }
}

interface Found {
  terms: Set<string>;
  /** Token spans; `strong` for handles, hashtags and domains, which need no context. */
  spans: Array<{ start: number; end: number; strong: boolean }>;
}

function phraseAt(t: Tokens, at: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    if (t.words[at + k] !== words[k]) return false;
    if (k > 0 && t.sigils[at + k] !== '') return false;
  }
  return true;
}
