import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BrandSchema, type BrandInput } from '../schemas/brand';
import { compileBrands } from '.';
import { DICTIONARY_FILE } from '../../scripts/build-dictionary';
import { parseDictionary, realWordVariants } from './real-words';

const dictionary = parseDictionary(readFileSync(DICTIONARY_FILE, 'utf8'));
const compile = (brands: BrandInput[], realWords?: string[]) => compileBrands(brands.map((b) => BrandSchema.parse(b)), { realWords });
const BRANDS: BrandInput[] = [{ name: 'Boeing' }, { name: 'Publix' }, { name: 'Hermes' }, { name: 'Lufthansa' }, { name: 'Bumble' }, { name: 'United', fuzzy: false }];
const names = (text: string, realWords?: string[]) => compile(BRANDS, realWords).match(text).mentions.map((m) => m.brand).sort();

describe('real words among the variants of brand names', () => {
  it('ships a dictionary of folded common words of several languages', () => {
    expect(dictionary.length).toBeGreaterThan(100_000);
    expect(dictionary.every((w) => /^[a-z]{5,30}$/.test(w))).toBe(true);
    // English, Spanish, German, French…
    for (const w of ['being', 'public', 'heroes', 'siempre', 'heute', 'pourquoi', 'tambem']) expect(dictionary).toContain(w);
  });

  it('finds the real words the matcher would take for typos, and only those', () => {
    const words = realWordVariants(compile(BRANDS), dictionary);
    for (const w of ['being', 'boxing', 'boring', 'public', 'heroes', 'bubble']) expect(words).toContain(w);
    // Not typos: the names themselves, words with another first letter, words holding a name.
    for (const w of ['boeing', 'humble', 'united', 'unite', 'untied']) expect(words).not.toContain(w);
    // Each is a word the matcher reads as a brand, and does not once it is listed.
    const matcher = compile(BRANDS);
    const listed = compile(BRANDS, words);
    for (const w of words) {
      expect(matcher.match(`so ${w} today`).mentions, w).toHaveLength(1);
      expect(listed.match(`so ${w} today`).mentions, w).toEqual([]);
    }
    // And every other dictionary word the matcher reads as a brand is one of the brands' own words.
    const own = new Set(BRANDS.flatMap((b) => b.name.toLowerCase().split(' ')));
    expect(dictionary.filter((w) => !words.includes(w) && listed.match(w).mentions.length > 0 && !own.has(w))).toEqual([]);
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
    expect(words).toEqual(['apples', 'targets']);
    const listed = compile([{ name: 'Apple' }, { name: 'Tesla' }], words);
    expect(listed.match('apples and Teslas').mentions.map((m) => m.brand)).toEqual(['Tesla']);
  });

  it('finds none for brands without variants', () => {
    expect(realWordVariants(compile([{ name: 'Boeing', fuzzy: false }, { name: 'IBM' }, { name: 'Lexus', fuzzy: false }]), dictionary)).toEqual([]);
  });
});
