import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BrandSchema, type BrandInput } from '../schemas/brand';
import { compileBrands } from '.';
import { DICTIONARY_FILE } from '../../scripts/build-dictionary';
import { americanSpelling, parseDictionary, realWordVariants } from './real-words';

const dictionary = parseDictionary(readFileSync(DICTIONARY_FILE, 'utf8'));
const compile = (brands: BrandInput[], realWords?: string[]) => compileBrands(brands.map((b) => BrandSchema.parse(b)), { realWords });
const BRANDS: BrandInput[] = [{ name: 'Boeing' }, { name: 'Publix' }, { name: 'Hermes' }, { name: 'Lufthansa' }, { name: 'Bumble' }, { name: 'United', fuzzy: false }];
const names = (text: string, realWords?: string[]) => compile(BRANDS, realWords).match(text).mentions.map((m) => m.brand).sort();

describe('real words among the variants of brand names', () => {
  it('ships a dictionary of folded common words of several languages', () => {
    expect(dictionary.words.length).toBeGreaterThan(100_000);
    expect(dictionary.words.every((w) => /^[a-z]{5,30}$/.test(w))).toBe(true);
    // English, Spanish, German, French…
    for (const w of ['being', 'public', 'heroes', 'siempre', 'heute', 'pourquoi', 'tambem']) expect(dictionary.words).toContain(w);
  });

  it('finds the real words the matcher would take for typos, and only those', () => {
    const words = realWordVariants(compile(BRANDS), dictionary);
    for (const w of ['being', 'boxing', 'boring', 'public', 'heroes', 'bubble']) expect(words).toContain(w);
    // Not typos: the names themselves, words with another first letter, words holding a name.
    for (const w of ['boeing', 'humble', 'united', 'unite', 'untied']) expect(words).not.toContain(w);
    // Each is a word the matcher reads as a brand, written as it is or as a tag ("#bumblebee"), and does not once it
    // is listed.
    const matcher = compile(BRANDS);
    const listed = compile(BRANDS, words);
    for (const w of words) {
      expect([...matcher.match(`so ${w} today`).mentions, ...matcher.match(`so #${w} today`).mentions].length, w).toBeGreaterThan(0);
      expect(listed.match(`so ${w} today`).mentions, w).toEqual([]);
      expect(listed.match(`so #${w} today`).mentions, w).toEqual([]);
    }
    // And every other dictionary word the matcher reads as a brand is one of the brands' own words.
    const own = new Set(BRANDS.flatMap((b) => b.name.toLowerCase().split(' ')));
    expect(dictionary.words.filter((w) => !words.includes(w) && listed.match(w).mentions.length > 0 && !own.has(w))).toEqual([]);
    expect(words.length).toBeLessThan(60);
  });

  it('lets a matcher given those words find real typos but not real words', () => {
    const realWords = realWordVariants(compile(BRANDS), dictionary);
    expect(names('Being honest, the public heroes were boring', realWords)).toEqual([]);
    expect(names('Being honest, the public heroes were boring')).toEqual(['Boeing', 'Hermes', 'Publix']);
    expect(names('Boing 737 delayed, shopping at Pubilx, Lufthasna lost my bag', realWords)).toEqual(['Boeing', 'Lufthansa', 'Publix']);
    // A real word is still the brand when it is the brand's own name or a hashtag of it.
    expect(names('Boeing and #PublixFail', realWords)).toEqual(['Boeing', 'Publix']);
  });

  it('finds the real words a name of several words makes written as one', () => {
    expect(realWordVariants(compile([{ name: 'Every Day', fuzzy: false }, { name: 'Home Depot', fuzzy: false }]), dictionary)).toEqual(['everyday']);
  });

  it("finds the real words a one-word name's plural makes", () => {
    const words = realWordVariants(compile([{ name: 'Apple', fuzzy: false }, { name: 'Target', fuzzy: false }, { name: 'Tesla', fuzzy: false }]), dictionary);
    expect(words).toEqual(expect.arrayContaining(['apples', 'targets']));
    // The rest hold the names written as tags ("pineapple"); none is Tesla's.
    expect(words.filter((w) => !/^(?:apple|target)|(?:apple|target)$/.test(w))).toEqual([]);
    const listed = compile([{ name: 'Apple' }, { name: 'Tesla' }], words);
    expect(listed.match('apples and Teslas').mentions.map((m) => m.brand)).toEqual(['Tesla']);
  });

  it('finds the real words that start or end with a name written as a tag, or a listed tag', () => {
    const brands: BrandInput[] = [{ name: 'Apple', fuzzy: false }, { name: 'Chase', fuzzy: false }, { name: 'Meta', fuzzy: false }, { name: 'Acme Air', hashtags: ['acmefail'] }];
    const words = realWordVariants(compile(brands), dictionary);
    for (const w of ['pineapple', 'applesauce', 'purchase', 'steeplechase', 'metal', 'metaphor']) expect(words).toContain(w);
    const tags = (text: string, realWords?: string[]) => compile(brands, realWords).match(text).mentions.map((m) => m.brand).sort();
    const posts = '#pineapple #purchase #metal #metaphorical #applesauce #ilovepineapple';
    expect(tags(posts)).toEqual(['Apple', 'Chase', 'Meta']);
    expect(tags(posts, words)).toEqual([]);
    // The name with words written on still counts: its plural, a word after it, even where a real word a letter or two
    // longer than the name starts the tag ("applen", "chaser").
    expect(tags('#applestore #chasebank #metaquest #appletv #boycottchase #acmefailagain', words)).toEqual(['Acme Air', 'Apple', 'Chase', 'Meta']);
    for (const [post, brand] of [['#applestore', 'Apple'], ['#appletv', 'Apple'], ['#applenews', 'Apple'], ['#chaserewards', 'Chase'], ['#boycottchase', 'Chase'], ['#metaquest', 'Meta']]) {
      expect(tags(post!, words), post).toEqual([brand]);
    }
  });

  it('holds the words of American, British, Canadian and Australian spelling, and lists them too', () => {
    for (const w of ['honors', 'honours', 'armor', 'armour', 'colors', 'colours', 'harbor', 'harbour', 'analyze', 'analyse']) expect(dictionary.words).toContain(w);
    const brands: BrandInput[] = [{ name: 'Honor' }, { name: 'Rogers' }, { name: 'Colour' }];
    const words = realWordVariants(compile(brands), dictionary);
    // "graduated with honors" is not the brand Honor, nor a crowd of ragers Rogers.
    expect(words).toEqual(expect.arrayContaining(['honors', 'ragers']));
    const listed = compile(brands, words);
    expect(listed.match('graduated with honors, partied with ragers').mentions).toEqual([]);
    expect(listed.match('Honor phones and Rogers fibre').mentions.map((m) => m.brand)).toEqual(['Honor', 'Rogers']);
  });

  it('reads a name word in another English spelling as the name, not as a real word', () => {
    const brands: BrandInput[] = [{ name: 'Under Armour' }, { name: 'Harbor Freight' }, { name: 'Favourite Chicken' }, { name: 'Colour' }];
    const words = realWordVariants(compile(brands), dictionary);
    for (const w of ['armor', 'harbour', 'favorite', 'color', 'colors']) expect(words).not.toContain(w);
    const listed = compile(brands, words);
    const found = (text: string) => listed.match(text).mentions.map((m) => m.brand);
    expect(found('my Under Armor shoes')).toEqual(['Under Armour']);
    expect(found('Harbour Freight tools')).toEqual(['Harbor Freight']);
    expect(found('Favorite Chicken is closed')).toEqual(['Favourite Chicken']);
    expect(found('new Color palettes')).toEqual(['Colour']);
    // Other real words near those names are still listed: the plural, as for any one-word name ("apples").
    expect(words).toContain('colours');
  });

  it('takes only words SCOWL lists for one English spelling for one word spelled two ways, not others made alike', () => {
    const { spellings } = dictionary;
    for (const [a, b] of [['armor', 'armour'], ['harbor', 'harbour'], ['favorite', 'favourite'], ['colors', 'colours'], ['theater', 'theatre']]) {
      expect(spellings.get(a!), a).toBeDefined();
      expect(spellings.get(a!), `${a}/${b}`).toBe(spellings.get(b!));
    }
    // French, Spanish and words all spellings share are never spellings of another word.
    for (const w of ['monstre', 'monster', 'chambre', 'sobre', 'forth', 'fourth', 'borne', 'mourning']) expect(spellings.get(w), w).toBeUndefined();
    const brands: BrandInput[] = [{ name: 'Monster' }, { name: 'Fourth' }, { name: 'Chamber' }];
    const words = realWordVariants(compile(brands), dictionary);
    expect(words).toEqual(expect.arrayContaining(['monstre', 'forth', 'chambre']));
    expect(compile(brands, words).match('un monstre, back and forth, la chambre').mentions).toEqual([]);
  });

  it('spells the words English writes two ways as American English does', () => {
    for (const [from, to] of [
      ['colour', 'color'], ['harbours', 'harbors'], ['favourite', 'favorite'], ['centre', 'center'], ['theatres', 'theaters'],
      ['organise', 'organize'], ['organisation', 'organization'], ['analyse', 'analyze'], ['travelled', 'traveled'], ['dialling', 'dialing'], ['licence', 'license'],
    ]) {
      expect(americanSpelling(from!), from).toBe(to);
      expect(americanSpelling(to!), to).toBe(to);
    }
    // Words that differ otherwise keep their spelling apart.
    for (const [a, b] of [['honors', 'honor'], ['ragers', 'rogers'], ['acre', 'acer'], ['genre', 'gener'], ['filter', 'filer'], ['miller', 'miler'], ['filler', 'filer']]) {
      expect(americanSpelling(a!), `${a}/${b}`).not.toBe(americanSpelling(b!));
    }
  });

  it('finds none for brands without variants but the words holding their names written as tags', () => {
    expect(realWordVariants(compile([{ name: 'Boeing', fuzzy: false }, { name: 'IBM' }, { name: 'Lexus', fuzzy: false }]), dictionary)).toEqual(['plexus']);
  });
});
