import type { Brand } from '../schemas/brand';
import { editDistanceAtMostOne } from './distance';
import { compileScreen, phraseKey, typoKeys, type Screen } from './screen';
import { FNV_BASIS, fnvStep } from '../hash';
import { foldWord, hashWord, isDense, newScan, scan, SIGIL_AT, tokenize, wordAt, wordIs, type Scan } from './tokens';

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
  /**
   * `platform`: where the text was posted. On Mastodon a mention shows "@user" for the whole address, so there
   * "@user" is a mention of a listed `user@instance`; anywhere else it is another account.
   */
  match(text: string, authorHandle?: string, platform?: string): MatchResult;
  /**
   * The cheap first test: false only when `text` cannot mention a brand, even when it is a post's
   * raw textContent with words of neighbouring blocks glued on; true when the author is a brand.
   */
  screen(text: string, authorHandle?: string): boolean;
  /** The brand one of whose handles this is ("@AcmeAir", "acme.bsky.social"), if any. */
  brandOfHandle(handle: string): BrandMention | undefined;
  /** Number of compiled terms. */
  readonly size: number;
  /**
   * The terms whose variants are matched (folded): the typo-tolerant ones (names, and the words of names
   * of several words that may be written with a typo), the names of several words that also count
   * written as one word ("acmeair") and the plurals of one-word names ("iphones"), sorted.
   */
  readonly variantTerms: readonly string[];
  /**
   * Whether a word (folded: lowercase, no accents) would count as a variant of a name rather than
   * the name as written: a typo of it ("acmeiar") or of a word of it ("amercian" of American Airlines), a
   * name of several words written as one ("acmeair"), a one-word name's plural ("iphones").
   */
  isVariant(word: string): boolean;
  /**
   * Whether a word (folded) starts or ends with a name written as a tag, or a listed tag, and is longer: a real word
   * such as "pineapple", "purchase" or "metal" (of Apple, Chase, Meta) is then not read as that tag with more written
   * on ("#pineapple" is no "#acmefail"), once the background lists it among the real words.
   */
  holdsTagEnd(word: string): boolean;
  /**
   * The brand one of whose names or aliases this is exactly (folded words joined by spaces, "acme air", or written as
   * one, "acmeair"; never a typo), and whether that brand lists handles of its own.
   */
  namedBrand(name: string): { brand: BrandMention; listsHandles: boolean } | undefined;
}

export interface MatcherOptions {
  /**
   * Real words that are never variants of a name: not a typo of it, whatever their distance to it
   * ("being" is not Boeing, "public" is not Publix), nor a name of several words written as one
   * ("everyday" is not Every Day), nor a plural ("apples" are not Apple's). See lib/match/real-words.ts. Folded like words of posts.
   */
  realWords?: Iterable<string>;
  /**
   * False: no variants at all, only names as written (while the real words near the names are not
   * known yet). Defaults to true.
   */
  variants?: boolean;
}

type Kind = 'name' | 'exclude' | 'notWith' | 'near';
type Span = [start: number, end: number];

interface Phrase {
  brand: number;
  words: string[];
  /** The words joined by spaces, as reported. */
  term: string;
  kind: Kind;
  /** glued[k]: word k is written right against word k - 1 (characters of Chinese, Japanese…); absent when none is. */
  glued?: boolean[];
  /** Words that may be written with one typo, the rest as they are ("Under Armor", "Amercian Airlines"); absent when none may. */
  typo?: number[];
  /** An exclusion's: its typo may also be a letter short at the end ("Lufthans Cargo"), as a one-word name's may. */
  typoLoose?: boolean;
  /**
   * amp[k]: word k is joined to word k - 1 by "&" in the post as in the name, where one of them is a letter or two
   * ("AT&T", "H&M", "P&G"): "at T-Mobile" is not AT&T, "H. M. Treasury" not H&M.
   */
  amp?: boolean[];
}

interface FuzzyTerm {
  brand: number;
  word: string;
}

/** What one word can start or be: looked up once per word of a post. */
interface WordInfo {
  word: string;
  phrases: Phrase[] | undefined;
  /** Terms this word is a one-letter typo of. */
  fuzzy: FuzzyTerm[];
  /** The first label of a brand domain ("acmeair" of acmeair.com). */
  domainHead: boolean;
  /** Phrases starting with this word once its Arabic or Hebrew prefixes are taken off ("والأمازون": أمازون). */
  bare?: Phrase[];
  /** One-word names this word is with a model number written onto it ("iphone15": iPhone). */
  numbered?: Phrase[];
  /**
   * Names of several words whose second word this word is, and whose first may be written with one typo: the
   * word before it is looked at ("amercian airlines": American Airlines).
   */
  typoHeads?: Phrase[];
}

interface Found {
  terms: Set<string>;
  /** Token spans; `strong` for handles, hashtags and domains, which need no context. */
  spans: Array<{ start: number; end: number; strong: boolean }>;
}

const CAPITAL_INSIDE = /.\p{Lu}/u;
const CAMEL_CASE = /(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;

/** Shortest joined name that may sit inside a longer hashtag ("#acmefail"). */
const MIN_CONCAT = 4;
/** Longest word of the dictionary (public/dictionary.txt): a longer piece of a tag is no real word. */
const MAX_REAL_WORD = 30;
/** Shortest name of several words, written as one, found anywhere inside a longer tag ("#neveracmeairagain"). */
const MIN_INSIDE = 7;
/** Shortest name of several words also found written as one (the dictionary holds words of 5+ letters). */
const MIN_SPACED_JOIN = 5;
/** Shortest one-word name whose plural (+s) counts: "Ubers", not "IBMs" (nor "Boxs"). */
const MIN_PLURAL = 4;
/** Shortest one-word name that counts with a model number written onto it ("iPhone15", "Pixel8"; not "HP15", "abc123"). */
const MIN_NUMBERED = 4;
/** Shortest term matched with one typo. */
const MIN_FUZZY = 6;
/**
 * Shortest word of a name of several words that may be written with one typo when the name's other words are
 * written as they are ("Under Armor", "Amercian Airlines"), as for a one-word name.
 */
const MIN_PHRASE_TYPO = MIN_FUZZY;
/** Shortest other word of such a name: the screen's key for it. */
const MIN_PHRASE_KEY = 4;
/** Words of posts remembered with what they matched (they recur: Zipf). */
const WORD_CACHE_SIZE = 50_000;
const NO_TERMS: FuzzyTerm[] = [];

export function compileBrands(brands: readonly Brand[], options: MatcherOptions = {}): BrandMatcher {
  return new CompiledMatcher(brands, new Set(options.realWords), options.variants ?? true);
}

/**
 * All of a team's terms compiled into a few hash tables, so matching a post costs one pass over
 * its words whatever the number of terms: phrases are indexed by their first word; handles,
 * hashtags and joined names by their whole form; typo candidates by length and first or last two
 * letters; domains by one combined pattern, run only when a post holds a domain's first label.
 */
/** The user of a Mastodon address ("acmeair" of "acmeair@mastodon.social"; Mastodon's usernames are letters, digits and _). */
function mastodonUser(handle: string): string | undefined {
  // (Most handles hold no "@": they cost no match, as every post's author is looked up.)
  return handle.indexOf('@') > 0 ? /^([a-z0-9_]{1,64})@[a-z0-9.-]+\.[a-z]{2,}$/.exec(handle)?.[1] : undefined;
}

class CompiledMatcher implements BrandMatcher {
  size = 0;
  private readonly phrases = new Map<string, Phrase[]>();
  private readonly handles = new Map<string, number>();
  /** The user part of Mastodon addresses among the handles ("acmeair" of "AcmeAir@acmeair.social"), for "@acmeair" in a Mastodon post. */
  private readonly handleUsers = new Map<string, number>();
  /** Hashtag/cashtag/joined-name form → brand: "acmeair", "acmefail". */
  private readonly tags = new Map<string, number>();
  /**
   * The tags the settings list (`Brand.hashtags`): they count wherever they are. A name written as a tag ("#chase",
   * "#ChaseYourDreams") is the name, and needs the context the name needs (`Brand.near`).
   */
  private readonly listedTags = new Set<string>();
  /** Names and tags written in a script without spaces, found anywhere inside a tag ("#任天堂スイッチ"). */
  private readonly denseTags: Array<[string, number]> = [];
  /** Each brand's names and aliases, their words joined by spaces and written as one (namedBrand). */
  private readonly exactNames = new Map<string, number>();
  /** Names of several words written as one, of MIN_INSIDE+ letters: found anywhere inside a tag. */
  private readonly insideTags: Array<[string, number]> = [];
  /** The longest tag, and the longest listed one: a longer piece of a tag is none. */
  private longestTag = 0;
  private longestListedTag = 0;
  /** Joined exclusion forms, so "#applepie" is not Apple. */
  private readonly excludedTags = new Map<string, number>();
  private readonly fuzzy = new TypoIndex<FuzzyTerm>();
  /** Every word looked up so far by its hash, with what it can match; starts as the terms' own words. */
  private words = new Map<number, WordInfo>();
  private termWords = new Map<number, WordInfo>();
  private readonly buffer = newScan();
  /** Whether a listed handle holds characters of a script written without spaces ("Sony_ソニー"). */
  private denseHandles = false;
  /** Words shorter than this can neither start a term nor be a typo of one: no lookup needed. */
  private shortest = Infinity;
  /** Words of names of several words that may be written with one typo (`Phrase.typo`). */
  private readonly phraseTypoWords = new TypoIndex<string>();
  /**
   * Names of several words whose first word may be written with one typo, by their second word: that word,
   * written as it is, is what the post is scanned for, then the word before it (a typo is looked for only there).
   */
  private readonly typoHeads = new Map<string, Phrase[]>();
  /**
   * A word without a sigil is looked up only when it may start a phrase or be a brand domain's
   * first label (its hash's bit is set here) or may be a typo of a term (its length and first or
   * last two letters are those of one); most words of a post are neither and cost no lookup.
   */
  private readonly termBits = new Uint8Array(1 << 13);
  private readonly typoBits = new Uint8Array(1 << 13);
  private readonly exactWords = new Set<string>();
  /** Names written another way that counts: several words as one ("acmeair"), a plural ("iphones"). */
  private readonly variantNames = new Set<string>();
  private readonly domainHeads = new Set<string>();
  private readonly domainBrand = new Map<string, number>();
  private readonly domainPattern: RegExp | undefined;
  private readonly screener: Screen;

  // State of the match in progress; match() is synchronous, so one set serves every call.
  private readonly found = new Map<number, Found>();
  private readonly excluded = new Map<number, Span[]>();
  private readonly near = new Map<number, Span[]>();
  private readonly blocked = new Set<number>();

  constructor(
    private readonly brands: readonly Brand[],
    private readonly realWords: ReadonlySet<string>,
    private readonly variants: boolean,
  ) {
    const screenKeys: string[] = [];
    const plurals: Array<[brand: number, word: string]> = [];
    brands.forEach((b, i) => {
      // The words of the brand's names: an exclusion holding one covers it written with a typo as well.
      const nameWords = new Set<string>();
      /** The brand's names, their words joined by spaces and written as one. */
      const nameForms = new Set<string>();
      for (const term of [b.name, ...b.aliases]) {
        const { words, glued, phrase } = this.addPhrase(i, term, 'name');
        for (const w of words) nameWords.add(w);
        nameForms.add(words.join(' ')).add(words.join(''));
        for (const form of [words.join(' '), words.join('')]) if (form && !this.exactNames.has(form)) this.exactNames.set(form, i);
        const joined = words.join('');
        if (!joined) continue;
        const dense = hasDense(joined);
        this.tags.set(joined, i);
        if (words.length > 1 && !dense && joined.length >= MIN_INSIDE) this.insideTags.push([joined, i]);
        if (dense) this.denseTags.push([joined, i]);
        for (const w of words) this.exactWords.add(w);
        screenKeys.push(phraseKey(words, glued)!);
        if (variants && b.fuzzy && words.length > 1 && !dense) screenKeys.push(...this.allowTypos(phrase));
        if (words.length > 1 && !dense) {
          if (!/\s/.test(term) && joined.length >= MIN_CONCAT) {
            // "E*TRADE", "7-Eleven", "McDonald's" are also written "etrade", "7eleven", "mcdonalds" (not "AT&T" as "att").
            this.addPhrase(i, joined, 'name');
            this.exactWords.add(joined);
          } else if (variants && joined.length >= MIN_SPACED_JOIN) {
            // "Acme Air" is also written "AcmeAir", unless that is a real word ("Every Day": "everyday").
            this.addVariantName(i, joined);
          }
        }
        if (variants && b.fuzzy && !dense && this.addFuzzy(i, joined)) screenKeys.push(...typoKeys(joined));
        for (const other of otherSpellings(term)) {
          const alt = this.addPhrase(i, other, 'name');
          if (!this.exactNames.has(alt.words.join(' '))) this.exactNames.set(alt.words.join(' '), i);
          for (const w of alt.words) this.exactWords.add(w);
          screenKeys.push(phraseKey(alt.words, alt.glued)!);
          if (variants && b.fuzzy && alt.words.length > 1 && !dense) screenKeys.push(...this.allowTypos(alt.phrase));
        }
        // "Teslas", "iPhones", "two Ubers": a one-word name's plural, unless a real word ("apples", "targets").
        if (variants && words.length === 1 && !dense && joined.length >= MIN_PLURAL && !/[s\d]$/.test(joined)) plurals.push([i, `${joined}s`]);
      }
      for (const h of b.handles) {
        this.handles.set(h.toLowerCase(), i);
        if (/[^\x00-\x7f]/.test(h) && [...h].some((c) => isDense(c.charCodeAt(0)))) this.denseHandles = true;
        screenKeys.push(h);
        // A Mastodon address (user@instance): its posts show a mention of it as "@user".
        const user = mastodonUser(h.toLowerCase());
        if (user) {
          this.handleUsers.set(user, i);
          screenKeys.push(user);
        }
        this.size++;
      }
      for (const h of b.hashtags) {
        // "#chase_sapphire" is read as "#chasesapphire" (a tag's underscores join its words).
        const joined = tokenize(h).words.join('').replace(/_/g, '');
        this.tags.set(joined, i);
        this.listedTags.add(joined);
        if (hasDense(joined)) this.denseTags.push([joined, i]);
        screenKeys.push(joined);
        this.size++;
      }
      for (const e of b.exclude.flatMap(withUmlautsWritten)) {
        const { words, phrase } = this.addPhrase(i, e, 'exclude');
        this.excludedTags.set(words.join(''), i);
        // "Lufthasna Cargo" where Lufthansa Cargo is excluded; never "Nicola Tesla" where Nikola Tesla is.
        if (variants && b.fuzzy && words.length > 1) this.allowTypos(phrase, nameWords);
        // "apple pies" where "apple pie" is excluded; never a name of the brand's ("whole food" excluded, Whole Foods).
        const plural = words.length > 1 ? pluralOf(words[words.length - 1]!) : undefined;
        if (plural && !nameForms.has([...words.slice(0, -1), plural].join(' '))) {
          const more = [...words.slice(0, -1), plural];
          this.addPhrase(i, more.join(' '), 'exclude');
          this.excludedTags.set(more.join(''), i);
        }
      }
      for (const n of b.notWith.flatMap(withUmlautsWritten)) this.addPhrase(i, n, 'notWith');
      for (const n of (b.near?.anyOf ?? []).flatMap(withUmlautsWritten)) this.addPhrase(i, n, 'near');
      for (const d of b.domains) {
        this.domainBrand.set(d, i);
        screenKeys.push(d);
        // The word a post shows right before the domain's first dot: "acme-bank.com" is read "acme", "bank".
        this.domainHeads.add(d.split('.')[0]!.split('-').pop()!);
        this.size++;
      }
    });
    // After every name: a name as written ("Acmes", of its own) is never another's plural.
    for (const [i, plural] of plurals) if (!this.phrases.has(plural)) this.addVariantName(i, plural);
    if (this.fuzzy.lengths.length) this.shortest = MIN_FUZZY - 1;
    for (const tag of this.tags.keys()) this.longestTag = Math.max(this.longestTag, tag.length);
    for (const tag of this.listedTags) this.longestListedTag = Math.max(this.longestListedTag, tag.length);
    for (const word of new Set([...this.phrases.keys(), ...this.domainHeads, ...this.typoHeads.keys()])) {
      this.shortest = Math.min(this.shortest, word.length);
      setBit(this.termBits, hashWord(word));
      // Two term words with one hash: the second is found through the slow path in info().
      if (!this.termWords.has(hashWord(word))) this.termWords.set(hashWord(word), this.describe(word));
    }
    this.words = new Map(this.termWords);
    this.screener = compileScreen(screenKeys);
    const escaped = [...this.domainBrand.keys()].map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.domainPattern = escaped.length
      ? new RegExp(`(?<![\\p{L}\\p{N}@._-])(?:[a-z0-9-]+\\.)*(${escaped.join('|')})(?![\\p{L}\\p{N}_-]|\\.[a-z0-9])`, 'gu')
      : undefined;
  }

  private variantTermList: string[] | undefined;
  get variantTerms(): readonly string[] {
    if (!this.variantTermList) {
      const all = new Set([...this.variantNames, ...this.phraseTypoWords.words, ...this.fuzzy.words, ...(this.variants ? this.tagEnds() : [])]);
      this.variantTermList = [...all].sort();
    }
    return this.variantTermList;
  }

  isVariant(word: string): boolean {
    // Whatever the brands' exact names are: those are found before any variant, real word or not.
    if (this.variantNames.has(word) || this.typoTermsOf(word) !== NO_TERMS) return true;
    let typo = false;
    this.phraseTypoWords.near(word, (w) => (typo ||= isTypoOf(word, w)));
    return typo;
  }

  /** The tags (names written as one, listed tags) found at either end of a longer tag ("#acmefail", "#boycottacme"). */
  private tagEnds(): string[] {
    return [...this.tags.keys()].filter((tag) => tag.length >= MIN_CONCAT && !hasDense(tag));
  }

  namedBrand(name: string): { brand: BrandMention; listsHandles: boolean } | undefined {
    const i = this.exactNames.get(name);
    if (i === undefined) return undefined;
    const b = this.brands[i]!;
    return { brand: { brand: b.name, competitor: b.competitor, terms: [name] }, listsHandles: b.handles.length > 0 };
  }

  holdsTagEnd(word: string): boolean {
    for (let len = MIN_CONCAT; len < word.length; len++) {
      if (this.tags.has(word.slice(0, len)) || this.tags.has(word.slice(word.length - len))) return true;
    }
    return false;
  }

  screen(text: string, authorHandle?: string): boolean {
    return this.screener.test(text) || (authorHandle !== undefined && this.ownBrand(authorHandle) !== undefined);
  }

  brandOfHandle(handle: string): BrandMention | undefined {
    const i = this.ownBrand(handle);
    if (i === undefined) return undefined;
    const b = this.brands[i]!;
    return { brand: b.name, competitor: b.competitor, terms: [`@${foldWord(handle.replace(/^@+/, ''))}`] };
  }

  /**
   * The brand whose handle this is: the handle as listed, or for a Mastodon address (user@instance), a handle
   * listed without an instance ("AcmeAir" is @AcmeAir@mastodon.social too); one listed with another instance is
   * another account.
   */
  private ownBrand(authorHandle: string): number | undefined {
    const handle = foldWord(authorHandle.replace(/^@+/, ''));
    return this.handles.get(handle) ?? this.handles.get(mastodonUser(handle) ?? '');
  }

  match(text: string, authorHandle?: string, platform?: string): MatchResult {
    const t = scan(text, this.buffer);
    const users = platform === 'mastodon' ? this.handleUsers : undefined;
    let domainsSeen = false;

    for (let i = 0; i < t.count; i++) {
      const sigil = t.sigils[i];
      if (!sigil) {
        const folded = t.folded[i];
        const start = t.starts[i]!;
        const len = folded?.length ?? t.ends[i]! - start;
        if (len < this.shortest) continue;
        if (
          folded === undefined &&
          !hasBit(this.termBits, t.hashes[i]!) &&
          !hasBit(this.typoBits, typoBit(len, t.lower.charCodeAt(start), t.lower.charCodeAt(start + 1))) &&
          !hasBit(this.typoBits, typoBit(len, t.lower.charCodeAt(start + len - 2), t.lower.charCodeAt(start + len - 1))) &&
          !(isDigit(t.lower.charCodeAt(start + len - 1)) && hasBit(this.termBits, hashWithoutNumber(t.lower, start, start + len) ?? -1))
        )
          continue;
      }
      const info = this.info(t, i);
      if (info.typoHeads && i > 0 && !t.sigils[i - 1]) this.typoHeadsAt(t, i - 1, info.typoHeads);
      if (info.phrases) this.phrasesAt(t, i, info.phrases, false, -1);
      else if (info.bare) this.phrasesAt(t, i, info.bare, false, -1, true);
      else if (info.numbered && !sigil && standsAlone(text, t.starts[i]!, t.ends[i]!)) this.phrasesAt(t, i, info.numbered, false, -1, true);
      if (sigil === SIGIL_AT) {
        const word = info.word;
        const run = this.denseHandles ? this.handleRun(t, text, i) : undefined;
        if (run) this.note(run.brand, '@' + run.handle, i, run.next, true);
        else {
          const b = this.handles.get(word) ?? this.handles.get(mastodonUser(word) ?? '') ?? users?.get(word) ?? this.tags.get(word);
          if (b !== undefined) this.note(b, '@' + word, i, i + 1, true);
        }
      } else if (sigil) {
        this.matchTag(text.slice(t.starts[i], t.ends[i]), info.word, i, String.fromCharCode(sigil));
      } else {
        if (info.domainHead && text.charCodeAt(t.ends[i]!) === 46 /* . */) domainsSeen = true;
        const fuzzy = info.fuzzy;
        for (let k = 0; k < fuzzy.length; k++) this.note(fuzzy[k]!.brand, info.word, i, i + 1, false);
      }
    }
    if (domainsSeen) {
      for (const m of text.toLowerCase().matchAll(this.domainPattern!)) {
        const b = this.domainBrand.get(m[1]!);
        if (b !== undefined) this.note(b, m[0], -1, -1, true);
      }
    }

    const mentions = this.found.size ? this.collect() : [];
    if (this.found.size || this.excluded.size || this.near.size || this.blocked.size) this.reset();
    const own = authorHandle === undefined ? undefined : this.ownBrand(authorHandle);
    return { mentions, ownBrands: own === undefined ? [] : [this.brands[own]!.name] };
  }

  /**
   * A listed handle that mixes letters with a script written without spaces (YouTube's "@Sony_ソニー"), which the scan
   * ends where that script begins (for "@AcmeAirさん" is @AcmeAir): the handle's whole run looked up, with the index of
   * the word after it.
   */
  private handleRun(t: Scan, text: string, i: number): { brand: number; handle: string; next: number } | undefined {
    let end = t.ends[i]!;
    if (!isDense(text.charCodeAt(end))) return undefined;
    let next = i + 1;
    for (; next < t.count && t.starts[next] === end && !t.sigils[next]; next++) end = t.ends[next]!;
    // The longest run first: "@Sony_ソニーさん" is @Sony_ソニー.
    for (let k = next; k > i + 1; k--) {
      const handle = text.slice(t.starts[i], t.ends[k - 1]).toLowerCase();
      const brand = this.handles.get(handle);
      if (brand !== undefined) return { brand, handle, next: k };
    }
    return undefined;
  }

  private collect(): BrandMention[] {
    const mentions: BrandMention[] = [];
    for (const [b, f] of this.found) {
      if (this.blocked.has(b)) continue;
      const brand = this.brands[b]!;
      const ex = this.excluded.get(b);
      const ctx = this.near.get(b);
      const live = f.spans.some((s) => {
        // An exclusion wins over every match it overlaps; a match elsewhere in the post still counts.
        if (ex?.some(([xs, xe]) => s.start < xe && xs < s.end)) return false;
        if (s.strong || !brand.near) return true;
        const within = brand.near.within;
        return ctx?.some(([cs, ce]) => cs < s.end + within && s.start - within < ce) ?? false;
      });
      if (live) mentions.push({ brand: brand.name, competitor: brand.competitor, terms: [...f.terms] });
    }
    return mentions;
  }

  private reset(): void {
    this.found.clear();
    this.excluded.clear();
    this.near.clear();
    this.blocked.clear();
  }

  /** Finds phrases in `t` (the sub-words of a hashtag), every match sitting at the tag's token `at`. */
  private scanPhrases(t: Scan, at: number): void {
    for (let i = 0; i < t.count; i++) {
      const list = this.phrases.get(wordAt(t, i));
      if (list) this.phrasesAt(t, i, list, false, at);
    }
  }

  /**
   * Notes the phrases of `list` that start at word i; with `at` ≥ 0 they all sit at that word.
   * With `firstKnown`, word i is known to be their first word (once its prefixes are taken off).
   */
  private phrasesAt(t: Scan, i: number, list: Phrase[], strong: boolean, at: number, firstKnown = false): void {
    for (const p of list) {
      const typo = !phraseAt(t, i, p, firstKnown);
      if (typo && !(p.typo && at < 0 && phraseWithTypoAt(t, i, p, this.realWords))) continue;
      const span: Span = at >= 0 ? [at, at + 1] : [i, i + p.words.length];
      // A name written with a typo is reported as written, as a one-word name's typo is.
      if (p.kind === 'name') this.note(p.brand, typo ? writtenAt(t, i, p.words.length) : p.term, span[0], span[1], strong);
      else if (p.kind === 'exclude') pushSpan(this.excluded, p.brand, span);
      else if (p.kind === 'near') pushSpan(this.near, p.brand, span);
      else this.blocked.add(p.brand);
    }
  }

  /** Names of several words at word `at` whose first word is written with one typo (typoHeads), reported as written. */
  private typoHeadsAt(t: Scan, at: number, list: Phrase[]): void {
    for (const p of list) {
      if (wordIs(t, at, p.words[0]!) || !phraseWithTypoAt(t, at, p, this.realWords)) continue;
      if (p.kind === 'exclude') pushSpan(this.excluded, p.brand, [at, at + p.words.length]);
      else this.note(p.brand, writtenAt(t, at, p.words.length), at, at + p.words.length, false);
    }
  }

  /** What word i of a scan can match: one integer-keyed lookup for words seen before. */
  private info(t: Scan, i: number): WordInfo {
    const hash = t.hashes[i]!;
    const known = this.words.get(hash);
    if (known && wordIs(t, i, known.word)) return known;
    const word = wordAt(t, i);
    const info = this.describe(word);
    // Words with digits (order numbers, counts, "#123") rarely recur: not worth remembering.
    if (!known && !/\d/.test(word)) {
      if (this.words.size >= WORD_CACHE_SIZE + this.termWords.size) this.words = new Map(this.termWords);
      this.words.set(hash, info);
    }
    return info;
  }

  private describe(word: string): WordInfo {
    const phrases = this.phrases.get(word);
    const info: WordInfo = {
      word,
      phrases,
      fuzzy: word.length >= MIN_FUZZY - 1 && !phrases ? this.fuzzyMatches(word) : NO_TERMS,
      domainHead: this.domainHeads.has(word),
    };
    if (!phrases && isDigit(word.charCodeAt(word.length - 1))) {
      // A model number written onto a one-word name: "iPhone15" is "iPhone 15", "Pixel8" is "Pixel 8".
      const name = word.replace(/\d+$/, '');
      // The name as written, not a variant of it ("AcmeAir", "iPhones"), and not where the brand
      // excludes the name with that number ("Delta 8": "delta8").
      const list =
        name.length >= MIN_NUMBERED && !this.variantNames.has(name)
          ? this.phrases.get(name)?.filter((p) => p.words.length === 1 && p.kind === 'name' && this.excludedTags.get(word) !== p.brand)
          : undefined;
      if (list?.length) info.numbered = list;
    } else if (!phrases) {
      for (const bare of withoutPrefixes(word)) {
        // A short word left is too often another word, unless more words of a name follow ("באל על").
        const list = bare.length >= MIN_BARE ? this.phrases.get(bare) : this.phrases.get(bare)?.filter((p) => p.words.length > 1);
        if (list?.length) {
          info.bare = list;
          break;
        }
      }
    }
    const typoHeads = this.typoHeads.get(word);
    if (typoHeads) info.typoHeads = typoHeads;
    return info;
  }

  private matchTag(raw: string, word: string, at: number, sigil: string): void {
    // "#Acme_Air_Fail": underscores join words as camel case does.
    const joinedWord = word.includes('_') ? word.replace(/_/g, '') : word;
    if (joinedWord !== word && joinedWord) {
      this.matchTag(raw.replace(/_/g, ''), joinedWord, at, sigil);
      return;
    }
    const exact = this.tags.get(word);
    if (exact !== undefined && this.excludedTags.get(word) !== exact) {
      this.note(exact, sigil + word, at, at + 1, this.listedTags.has(word));
      return;
    }
    // A listed tag at either end of a longer one ("#ChaseSapphireReserve" where ChaseSapphire is listed) counts
    // wherever it stands, before the name it may hold is looked for.
    for (let len = Math.min(word.length - 1, this.longestListedTag); len >= MIN_CONCAT; len--) {
      for (const piece of [word.slice(0, len), word.slice(word.length - len)]) {
        const b = this.listedTags.has(piece) ? this.tags.get(piece) : undefined;
        if (b !== undefined && !this.excludedIn(word, b)) {
          this.note(b, sigil + word, at, at + 1, true);
          return;
        }
      }
    }
    // "#AcmeAirSucks": camel case marks the words.
    // Only a tag with a capital after its first letter can be camel case; most are not.
    const parts = CAPITAL_INSIDE.test(raw) ? raw.split(CAMEL_CASE) : [raw];
    if (parts.length > 1) {
      const before = this.found.size;
      this.scanPhrases(scan(parts.join(' ')), at);
      if (this.found.size > before) return;
    }
    // A tag in a script without spaces: its characters are words, and a name is a run of them.
    if (this.denseTags.length && hasDense(word)) {
      const before = this.found.size;
      this.scanPhrases(scan(raw), at);
      for (const [tag, b] of this.denseTags) if (word.includes(tag) && this.excludedTags.get(word) !== b) this.note(b, sigil + word, at, at + 1, this.listedTags.has(tag));
      if (this.found.size > before) return;
    }
    // "#acmefail", "#boycottacme": a joined name at either end of a longer tag.
    for (let len = Math.min(word.length - 1, this.longestTag); len >= MIN_CONCAT; len--) {
      for (const first of [true, false]) {
        const piece = first ? word.slice(0, len) : word.slice(word.length - len);
        const b = this.tags.get(piece);
        if (b === undefined) continue;
        if (!this.excludedIn(word, b) && !this.inRealWord(word, len, first)) this.note(b, sigil + word, at, at + 1, this.listedTags.has(piece));
        return;
      }
    }
    // "#neveracmeairagain": a name of several words written as one, long enough not to be there by chance.
    for (const [tag, b] of this.insideTags) {
      if (word.includes(tag) && !this.excludedIn(word, b)) {
        this.note(b, sigil + word, at, at + 1, false);
        return;
      }
    }
    // "#Lufthasna", "#UnderArmor": the whole hashtag a name of 6+ letters with one typo, as a word may be (never
    // a real word the settings list); needing a name's context where it does, as a word does. Not a cashtag: a
    // ticker is written as it is.
    if (sigil === '#') for (const t of this.fuzzyMatches(word)) this.note(t.brand, sigil + word, at, at + 1, false);
  }

  /** Whether a tag holds one of the brand's exclusions written as one ("#applepie"). */
  private excludedIn(tag: string, brand: number): boolean {
    for (const [e, eb] of this.excludedTags) if (eb === brand && tag.includes(e)) return true;
    return false;
  }

  /**
   * Whether the tag piece of `len` letters at the start (`first`) or end of `tag` is part of a real word written
   * there: the whole tag ("#pineapple", "#purchase", "#metal": not Apple, Chase, Meta), or a word three letters or
   * more longer than the piece ("#shellfishallergy", "#ilovepineapple"). A word a letter or two longer is as often
   * the name and another word run together ("#boycottuber", "#applenews", "#chaserewards": tuber, applen, chaser).
   */
  private inRealWord(tag: string, len: number, first: boolean): boolean {
    if (!this.realWords.size) return false;
    if (this.realWords.has(tag)) return true;
    for (let l = Math.min(tag.length - 1, MAX_REAL_WORD); l >= len + 3; l--) {
      if (this.realWords.has(first ? tag.slice(0, l) : tag.slice(tag.length - l))) return true;
    }
    return false;
  }

  /**
   * Terms this word is a one-letter typo of. Never the term inside a longer word ("SkyJetset"), never
   * with another first letter (people seldom mistype it, and "phone" is not iPhone, "humble" not
   * Bumble), never a real word the team's settings list (`realWords`).
   */
  private fuzzyMatches(word: string): FuzzyTerm[] {
    return this.exactWords.has(word) || this.phrases.has(word) || this.realWords.has(word) ? NO_TERMS : this.typoTermsOf(word);
  }

  /** Terms `word` is one edit from, keeping their first letter and not holding them (it may be a letter short). */
  private typoTermsOf(word: string): FuzzyTerm[] {
    let out = NO_TERMS;
    if (word.length < MIN_FUZZY - 1) return out;
    this.fuzzy.near(word, (term) => {
      if (isTypoOf(word, term.word, true) && !out.includes(term)) {
        if (out === NO_TERMS) out = [];
        out.push(term);
      }
    });
    return out;
  }

  private note(brand: number, term: string, start: number, end: number, strong: boolean): void {
    let f = this.found.get(brand);
    if (!f) this.found.set(brand, (f = { terms: new Set(), spans: [] }));
    f.terms.add(term);
    f.spans.push({ start, end, strong });
  }

  private addPhrase(brand: number, term: string, kind: Kind): { words: string[]; glued: boolean[]; phrase?: Phrase } {
    const { words, glued } = tokenize(term);
    if (words.length === 0) return { words, glued };
    const list = this.phrases.get(words[0]!) ?? [];
    const phrase: Phrase = { brand, words, term: phraseTerm(words, glued), kind };
    if (glued.includes(true)) phrase.glued = glued;
    if (kind === 'name' && AMP.test(term)) {
      const s = scan(term);
      const amp = words.map((w, k) => k > 0 && (w.length <= 2 || words[k - 1]!.length <= 2) && AMP.test(term.slice(s.ends[k - 1], s.starts[k])));
      if (amp.includes(true)) phrase.amp = amp;
    }
    list.push(phrase);
    this.phrases.set(words[0]!, list);
    this.size++;
    return { words, glued, phrase };
  }

  /**
   * Lets a word of a name of several words be written with one typo, each long enough and none with digits,
   * the others as they are: the screen keys that go with it (the longest other word, for each such word),
   * none when no word may. A first word is looked up by its typos too (typoHeads). For an exclusion
   * (`nameWords` given), only the words of the brand's names it holds may be: it cancels those written with
   * a typo, and needs no screen key.
   */
  private allowTypos(phrase: Phrase | undefined, nameWords?: ReadonlySet<string>): string[] {
    if (!phrase || phrase.glued) return [];
    const keys: string[] = [];
    phrase.words.forEach((word, k) => {
      if (word.length < MIN_PHRASE_TYPO || /\d/.test(word)) return;
      if (nameWords) {
        if (!nameWords.has(word)) return;
        phrase.typoLoose = true;
      } else {
        const others = phrase.words.filter((_, j) => j !== k);
        const key = others.reduce((a, b) => (b.length > a.length ? b : a));
        if (key.length < MIN_PHRASE_KEY) return;
        keys.push(key);
        if (!this.phraseTypoWords.words.has(word)) this.phraseTypoWords.add(word, word);
      }
      (phrase.typo ??= []).push(k);
      if (k > 0) return;
      const second = phrase.words[1]!;
      const list = this.typoHeads.get(second) ?? [];
      list.push(phrase);
      this.typoHeads.set(second, list);
    });
    return keys;
  }

  /** A name written another way that counts (joined, plural), unless that is a real word. */
  private addVariantName(brand: number, word: string): void {
    this.variantNames.add(word);
    this.exactWords.add(word);
    if (!this.realWords.has(word)) this.addPhrase(brand, word, 'name');
  }

  /** Makes `word` typo-tolerant when it is long enough and has no digits; false when it is not. */
  private addFuzzy(brand: number, word: string): boolean {
    if (word.length < MIN_FUZZY || /\d/.test(word)) return false;
    // A word one edit away is one letter longer or shorter, and keeps the term's first or last two letters.
    for (let len = word.length - 1; len <= word.length + 1; len++) {
      setBit(this.typoBits, typoBit(len, word.charCodeAt(0), word.charCodeAt(1)));
      setBit(this.typoBits, typoBit(len, word.charCodeAt(word.length - 2), word.charCodeAt(word.length - 1)));
    }
    this.fuzzy.add(word, { brand, word });
    return true;
  }
}

/**
 * Values kept under words so that a word one edit from one finds them: one edit leaves a word one letter
 * longer or shorter at most, and keeps its first two letters or its last two. Words of 2+ letters.
 */
class TypoIndex<T> {
  private readonly byHead = new Map<number, T[]>();
  private readonly byTail = new Map<number, T[]>();
  /** lengths[n]: some word of n letters is here. */
  readonly lengths: boolean[] = [];
  readonly words = new Set<string>();

  add(word: string, value: T): void {
    this.words.add(word);
    this.lengths[word.length] = true;
    for (const [map, key] of [
      [this.byHead, fuzzyKey(word.length, word, 0)],
      [this.byTail, fuzzyKey(word.length, word, word.length - 2)],
    ] as const) {
      const list = map.get(key) ?? [];
      list.push(value);
      map.set(key, list);
    }
  }

  /** Calls `each` with the values of the words `word` may be one edit from (candidates: not checked yet). */
  near(word: string, each: (value: T) => void): void {
    if (word.length < 2) return;
    for (let len = word.length - 1; len <= word.length + 1; len++) {
      if (!this.lengths[len]) continue;
      for (const list of [this.byHead.get(fuzzyKey(len, word, 0)), this.byTail.get(fuzzyKey(len, word, word.length - 2))]) {
        if (list) for (const value of list) each(value);
      }
    }
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The hash (as `scan` gives it) of an ASCII word without the digits it ends with ("iphone15" →
 * "iphone"); undefined when too little is left to be a name ("2024", "hp15").
 */
function hashWithoutNumber(lower: string, start: number, end: number): number | undefined {
  let e = end;
  while (e > start && isDigit(lower.charCodeAt(e - 1))) e--;
  if (e - start < MIN_NUMBERED) return undefined;
  let h = FNV_BASIS;
  for (let k = start; k < e; k++) h = fnvStep(h, lower.charCodeAt(k));
  return h & 0x3fffffff;
}

/**
 * A word written on its own, not part of an address, a handle or a file name: "jordan23@gmail.com",
 * "site.com/iphone15", "iphone15.jpg" ("my iPhone15." ends a sentence, and counts).
 */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  if (before === 64 /* @ */ || before === 47 /* / */ || after === 64 || after === 47) return false;
  const letterOrDigitAt = (i: number) => /[\p{L}\p{N}]/u.test(text[i] ?? '');
  return !(before === 46 /* . */ && letterOrDigitAt(start - 2)) && !(after === 46 && letterOrDigitAt(end + 1));
}

const setBit = (bits: Uint8Array, n: number) => (bits[(n >>> 3) & (bits.length - 1)]! |= 1 << (n & 7));
const hasBit = (bits: Uint8Array, n: number) => (bits[(n >>> 3) & (bits.length - 1)]! & (1 << (n & 7))) !== 0;
/** A word's length and two of its letters, folded into 16 bits (collisions only cost a lookup). */
const typoBit = (length: number, a: number, b: number) => ((length & 63) << 10) | ((a & 31) << 5) | (b & 31);

/** One edit leaves either the first two or the last two letters of a 6+ letter word in place. */
function fuzzyKey(length: number, word: string, at: number): number {
  return length * 4294967296 + word.charCodeAt(at) * 65536 + word.charCodeAt(at + 1);
}

/**
 * Other ways people write a name of several words: "&" as "and" ("Ben and Jerry's", "Procter and
 * Gamble"), and a possessive without its apostrophe ("Ben & Jerrys"). (A one-word name's, "Lowe's",
 * is already found written "Lowes".)
 */
function otherSpellings(term: string): string[] {
  const out = new Set<string>();
  // German umlauts written out: "Mueller" is Müller, "Loewe" Löwe.
  const written = withUmlautsWritten(term)[1];
  if (written) out.add(written);
  // Not between single letters: "C & A" is not "C and A" ("vitamins C and A").
  const and = /\s&\s/.test(term) && !/(?:^|\s)\S\s+&|&\s+\S(?:\s|$)/u.test(term);
  for (const form of and ? [term, term.replace(/\s+&\s+/g, ' and ')] : [term]) {
    if (form !== term) out.add(form);
    if (/\s/.test(form) && /\p{L}['’]s$/iu.test(form)) out.add(form.replace(/['’](s)$/i, '$1'));
  }
  return [...out];
}

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/** A term, and with German umlauts written out when it has any ("Thomas Müller", "Thomas Mueller"). */
function withUmlautsWritten(term: string): string[] {
  return /[äöüÄÖÜ]/.test(term) ? [term, term.replace(/[äöüÄÖÜ]/g, (c) => UMLAUTS[c]!)] : [term];
}

function pushSpan(map: Map<number, Span[]>, brand: number, span: Span): void {
  const list = map.get(brand);
  if (list) list.push(span);
  else map.set(brand, [span]);
}

function phraseAt(t: Scan, at: number, p: Phrase, firstKnown = false): boolean {
  const words = p.words;
  if (at + words.length > t.count) return false;
  for (let k = firstKnown ? 1 : 0; k < words.length; k++) {
    if (!wordIs(t, at + k, words[k]!)) return false;
    if (k > 0 && t.sigils[at + k] !== 0) return false;
    // Characters written together in the term are written together in the post.
    if (p.glued?.[k] && t.starts[at + k] !== t.ends[at + k - 1]) return false;
    if (p.amp?.[k] && !ampBetween(t, at + k)) return false;
  }
  return true;
}

/** "&", or the full-width "＆" of Japanese and Chinese posts. */
const AMP = /[&＆]/;

/** Whether word k of a scan is joined to the word before it by "&" (AMP). */
function ampBetween(t: Scan, k: number): boolean {
  return AMP.test(t.lower.slice(t.ends[k - 1], t.starts[k]));
}

/** A word's plural, as an exclusion's last word may be written: "pies", "peaches", "berries"; none for a word that may be one. */
function pluralOf(word: string): string | undefined {
  if (!/^\p{L}{3,}$/u.test(word) || /s$/.test(word)) return undefined;
  if (/(?:x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/**
 * Whether `written` is `word` with one typo after its first letter, and neither holds the other: "armours"
 * and "airline" are the words' plural and singular, not typos of "armour" and "airlines".
 */
function isTypoOf(written: string, word: string, loose = false): boolean {
  return written.charCodeAt(0) === word.charCodeAt(0) && !written.includes(word) && (loose || !word.includes(written)) && editDistanceAtMostOne(written, word);
}

/**
 * Whether the words from `at` on are the phrase's with one of its typo-tolerant words (`Phrase.typo`) written
 * with one typo (`isTypoOf`), never a real word the settings list ("Golden Coral" is not Golden Corral), the
 * other words as they are.
 */
function phraseWithTypoAt(t: Scan, at: number, p: Phrase, realWords: ReadonlySet<string>): boolean {
  const words = p.words;
  if (at + words.length > t.count) return false;
  let typos = 0;
  for (let k = 0; k < words.length; k++) {
    if (k > 0 && t.sigils[at + k] !== 0) return false;
    if (p.amp?.[k] && !ampBetween(t, at + k)) return false;
    if (wordIs(t, at + k, words[k]!)) continue;
    if (++typos > 1 || !p.typo!.includes(k)) return false;
    const written = wordAt(t, at + k);
    if (!isTypoOf(written, words[k]!, p.typoLoose) || realWords.has(written)) return false;
  }
  return typos === 1;
}

/** The `count` words of a scan from `at` on, as written (folded), joined by spaces: a name written with a typo as reported. */
function writtenAt(t: Scan, at: number, count: number): string {
  const words: string[] = [];
  for (let k = 0; k < count; k++) words.push(wordAt(t, at + k));
  return words.join(' ');
}

/** A phrase as reported: its words joined by spaces, but characters written together kept together ("任天堂"). */
function phraseTerm(words: readonly string[], glued: readonly boolean[]): string {
  let term = words[0] ?? '';
  for (let k = 1; k < words.length; k++) term += (glued[k] ? '' : ' ') + words[k];
  return term;
}

/**
 * An Arabic word that may carry prefixes: a conjunction (و, ف), a preposition (ب, ل, ك) and the
 * article (ال, and لل for ل + ال), written as one word with what follows.
 */
const ARABIC_PREFIXED = /^[وفبلكا]/;
const ARABIC_PREFIX = /^([وف]?)([بلك]?)(ال)?/;
/** Shortest word left once prefixes are off that may be a name alone; a name's first word may be 2 letters. */
const MIN_BARE = 3;

/** The word without its Arabic prefixes, longest stripping last: "والأمازون" gives "لامازون"… "امازون". */
function withoutArabicPrefixes(word: string): string[] {
  const out: string[] = [];
  const m = ARABIC_PREFIX.exec(word)!;
  const [, conj = '', prep = '', article = ''] = m;
  // Every shorter stripping too ("وزين": the و may be the name's own first letter, or a prefix).
  const cuts = new Set([conj.length, conj.length + prep.length, conj.length + prep.length + article.length]);
  // ل + ال is written لل ("للأمازون").
  if (prep === 'ل' && !article && word.startsWith('ل', conj.length + 1)) cuts.add(conj.length + 2);
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut > 0 && word.length - cut >= 2) out.push(word.slice(cut));
  }
  return out;
}

/** The word without the Arabic or Hebrew prefixes it may carry, shortest stripping first; none for other words. */
function withoutPrefixes(word: string): string[] {
  if (ARABIC_PREFIXED.test(word)) return withoutArabicPrefixes(word);
  return HEBREW_PREFIX.test(word) ? withoutHebrewPrefixes(word) : [];
}

/** Hebrew prefixes: and, that, the, in, as, to, from (ו, ש, ה, ב, כ, ל, מ), up to three at once ("ובאמזון"). */
const HEBREW_PREFIX = /^[ושהבכלמ]{1,3}/;

/** The word without one, two or three of its Hebrew prefix letters, fewest first. */
function withoutHebrewPrefixes(word: string): string[] {
  const prefix = HEBREW_PREFIX.exec(word)![0];
  const out: string[] = [];
  for (let cut = 1; cut <= prefix.length; cut++) if (word.length - cut >= 2) out.push(word.slice(cut));
  return out;
}

function hasDense(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isDense(word.charCodeAt(i))) return true;
  return false;
}
