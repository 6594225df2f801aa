import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BrandSchema } from '../schemas/brand';
import { compileBrands } from '.';
import { editDistanceAtMostOne } from './distance';

// Brand names built from letters, as teams configure them; the words around them are random.
const letters = fc.stringMatching(/^[a-z]{3,10}$/);
const word = fc.stringMatching(/^[a-z]{1,8}$/);
const punctuation = fc.constantFrom('', '.', ',', '!', '?', ':', ';', '(', ')', '"', "'", '…', ' - ');
const upper = (s: string, mask: boolean[]) => [...s].map((c, i) => (mask[i % mask.length] ? c.toUpperCase() : c)).join('');
const ACCENTS: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', c: 'ç', n: 'ñ' };
const accent = (s: string, mask: boolean[]) => [...s].map((c, i) => (mask[i % mask.length] && ACCENTS[c]) || c).join('');

/** Whether a one-word name's plural (+s) counts as the name: 4+ letters, not ending in s already. */
const hasPlural = (name: string) => name.length >= 4 && !name.endsWith('s');

describe('brand matcher properties', () => {
  it('finds a name whatever its case, accents and surrounding punctuation', () => {
    fc.assert(
      fc.property(letters, fc.array(word, { maxLength: 6 }), fc.array(word, { maxLength: 6 }), punctuation, punctuation,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        (name, before, after, p1, p2, caseMask, accentMask) => {
          const m = compileBrands([BrandSchema.parse({ name })]);
          const shown = upper(accent(name, accentMask), caseMask);
          const text = `${before.join(' ')} ${p1}${shown}${p2} ${after.join(' ')}`;
          expect(m.match(text).mentions.map((x) => x.brand)).toEqual([name]);
        }),
      { numRuns: 300 },
    );
  });

  // Scripts written without spaces (and Korean): a name is a run of characters found among others.
  // (Thai vowel and tone marks belong to the letter before them; a name never starts with one.)
  const CJK = [...'任天堂苹果手机坏了我的ソニーのテレビがスターバックス삼성전자이고장การบินไทย'].filter((c) => !/\p{M}/u.test(c));
  const cjkRun = (min: number, max: number) => fc.array(fc.constantFrom(...CJK), { minLength: min, maxLength: max }).map((cs) => cs.join(''));

  it('finds a name written in such a script whatever characters, Latin words or punctuation surround it', () => {
    fc.assert(
      fc.property(cjkRun(2, 5), cjkRun(0, 6), cjkRun(0, 6), punctuation, punctuation, word, (name, before, after, p1, p2, latin) => {
        const m = compileBrands([BrandSchema.parse({ name })]);
        expect(m.match(`${latin}${before}${p1}${name}${p2}${after}`).mentions.map((x) => x.brand)).toEqual([name]);
        expect(m.screen(`${latin}${before}${p1}${name}${p2}${after}`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never finds such a name with its characters apart, nor a Latin name glued to a Latin word across such a script', () => {
    fc.assert(
      fc.property(cjkRun(2, 5), letters, cjkRun(1, 4), fc.stringMatching(/^[a-z]{1,4}$/), fc.constantFrom(' ', '・', '.'), (name, latin, run, pre, sep) => {
        const m = compileBrands([BrandSchema.parse({ name }), BrandSchema.parse({ name: latin })]);
        const apart = [...name].join(sep);
        fc.pre(!`${run}${apart}${run}`.includes(name));
        expect(m.match(`${run}${apart}${run}`).mentions.map((x) => x.brand)).not.toContain(name);
        // Latin next to the script is a word of its own; a Latin prefix still makes a longer word.
        expect(m.match(`${run}${latin}${run}`).mentions.map((x) => x.brand)).toContain(latin);
        expect(m.match(`${run}${pre}${latin}${run}`).mentions.map((x) => x.brand)).not.toContain(latin);
      }),
      { numRuns: 300 },
    );
  });

  // Arabic and Hebrew write prefixes (and, with, to, the…) onto the word that follows.
  const PREFIXED_SCRIPTS = [
    {
      script: 'an Arabic name under any prefixes written onto it',
      letters: 'بتثجحخدذرزسشصضطظعغقمنهي',
      prefix: fc.tuple(fc.constantFrom('', 'و', 'ف'), fc.constantFrom('', 'ب', 'ل', 'ك'), fc.constantFrom('', 'ال')).map((ps) => ps.join('')),
    },
    {
      script: 'a Hebrew name under up to three prefix letters',
      letters: 'אגדזחטיןנסעפצקרת',
      prefix: fc.array(fc.constantFrom(...'ושהבכלמ'), { maxLength: 3 }).map((cs) => cs.join('')),
    },
  ];
  for (const { script, letters: alphabet, prefix } of PREFIXED_SCRIPTS) {
    it(`finds ${script}, and passes the post through the screen`, () => {
      const word = fc.array(fc.constantFrom(...alphabet), { minLength: 3, maxLength: 6 }).map((cs) => cs.join(''));
      fc.assert(
        fc.property(word, prefix, fc.array(word, { maxLength: 4 }), (name, pre, others) => {
          const m = compileBrands([BrandSchema.parse({ name })]);
          const text = `${others.join(' ')} ${pre}${name} ${others.join(' ')}`;
          expect(m.match(text).mentions.map((x) => x.brand)).toEqual([name]);
          expect(m.screen(text)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('finds a name of several words written as one word in any case, never inside a longer word, never when it is a listed real word', () => {
    fc.assert(
      fc.property(fc.array(letters, { minLength: 2, maxLength: 3 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[a-z0-9]{1,4}$/), punctuation,
        (words, caseMask, extra, p) => {
          const name = words.join(' ');
          const joined = words.join('');
          const m = compileBrands([BrandSchema.parse({ name, fuzzy: false })]);
          expect(m.match(`flew ${p}${upper(joined, caseMask)}${p} today`).mentions.map((x) => x.brand)).toEqual([name]);
          expect(m.screen(`flew ${upper(joined, caseMask)} today`)).toBe(true);
          expect(m.isVariant(joined)).toBe(true);
          expect(m.match(`flew ${joined}${extra} today`).mentions).toEqual([]);
          expect(m.match(`flew ${extra}${joined} today`).mentions).toEqual([]);
          const withWord = compileBrands([BrandSchema.parse({ name, fuzzy: false })], { realWords: [joined] });
          expect(withWord.match(`flew ${joined} today`).mentions).toEqual([]);
          expect(withWord.match(`flew ${name} today`).mentions.map((x) => x.brand)).toEqual([name]);
        }),
      { numRuns: 300 },
    );
  });

  it('never finds a name inside a longer word, its plural and model numbers aside', () => {
    fc.assert(
      fc.property(letters, fc.stringMatching(/^[a-z0-9]{1,4}$/), fc.stringMatching(/^[a-z0-9]{0,4}$/), (name, pre, post) => {
        const m = compileBrands([BrandSchema.parse({ name })]);
        const text = `it is ${pre}${name}${post} ok`;
        expect(m.match(text).mentions).toEqual([]);
        const text2 = `it is ${name}${pre} ok`;
        // Its plural and a model number written onto it ("iPhone15") are the name.
        const same = (pre === 's' && hasPlural(name)) || (/^\d+$/.test(pre) && name.length >= 4);
        expect(m.match(text2).mentions).toEqual(same ? [expect.objectContaining({ brand: name })] : []);
      }),
      { numRuns: 300 },
    );
  });

  it("finds a one-word name's plural in any case, unless it is a listed real word; a name of three letters has none", () => {
    fc.assert(
      fc.property(letters, fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), punctuation, (name, caseMask, p) => {
        // The words around it are no name here.
        fc.pre(!['one', 'two', 'today'].includes(name));
        const m = compileBrands([BrandSchema.parse({ name })]);
        const plural = `${name}s`;
        const found = m.match(`two ${p}${upper(plural, caseMask)}${p} today`).mentions.map((x) => x.brand);
        expect(found).toEqual(hasPlural(name) ? [name] : []);
        expect(m.isVariant(plural)).toBe(hasPlural(name));
        const listed = compileBrands([BrandSchema.parse({ name })], { realWords: [plural] });
        expect(listed.match(`two ${plural} today`).mentions).toEqual([]);
        expect(listed.match(`one ${name} today`).mentions.map((x) => x.brand)).toEqual([name]);
        // Names only as written (the real words near them not known yet): no plurals either.
        expect(compileBrands([BrandSchema.parse({ name })], { variants: false }).match(`two ${plural} today`).mentions).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  const edit = fc.record({ kind: fc.constantFrom('replace', 'insert', 'delete', 'swap'), at: fc.nat(), letter: fc.stringMatching(/^[a-z]$/) });
  /** `name` with one edit at `from` or after (a swap: of the letter there and the next). */
  const withEdit = (name: string, { kind, at, letter }: { kind: string; at: number; letter: string }, from: number) => {
    if (kind === 'swap') {
      const i = from + (at % (name.length - from - 1));
      return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
    }
    const i = from + (at % (name.length - from + (kind === 'insert' ? 1 : 0)));
    return name.slice(0, i) + (kind === 'delete' ? '' : letter) + name.slice(kind === 'insert' ? i : i + 1);
  };

  it('finds a name of six letters or more with any one typo after its first letter, in any case', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{6,12}$/), edit, fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (name, e, caseMask) => {
        const typo = withEdit(name, e, 1);
        fc.pre(typo !== name && !typo.includes(name));
        const m = compileBrands([BrandSchema.parse({ name })]);
        expect(m.match(`flew ${upper(typo, caseMask)} today`).mentions.map((x) => x.brand)).toEqual([name]);
        expect(m.isVariant(typo)).toBe(true);
        // A real word the settings list is never a typo.
        expect(compileBrands([BrandSchema.parse({ name })], { realWords: [typo] }).match(`flew ${typo} today`).mentions).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a name of several words with one typo after the first letter of one of its words of six letters or more, and the screen passes it', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{6,9}$/), { minLength: 2, maxLength: 3 }), fc.nat(), edit, punctuation, (words, which, e, p) => {
        const k = which % words.length;
        const typo = withEdit(words[k]!, e, 1);
        fc.pre(typo !== words[k] && !typo.includes(words[k]!) && !words[k]!.includes(typo) && new Set(words).size === words.length);
        const name = words.join(' ');
        const written = words.map((w, j) => (j === k ? typo : w)).join(' ');
        const m = compileBrands([BrandSchema.parse({ name })]);
        const text = `we flew ${written}${p} today`;
        expect(m.match(text).mentions.map((x) => x.brand)).toEqual([name]);
        expect(m.screen(text)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never takes a word with another first letter for a typo ("phone" is not iPhone)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{6,12}$/), edit, (name, e) => {
        const typo = withEdit(name, e, 0);
        fc.pre(typo[0] !== name[0] && !typo.includes(name));
        const m = compileBrands([BrandSchema.parse({ name })]);
        expect(m.match(`flew ${typo} today`).mentions).toEqual([]);
        expect(m.isVariant(typo)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('lets an exclusion always win over the match it covers', () => {
    fc.assert(
      fc.property(letters, word, fc.array(word, { maxLength: 5 }), fc.boolean(), (name, next, rest, upperCase) => {
        const m = compileBrands([BrandSchema.parse({ name, exclude: [`${name} ${next}`] })]);
        const phrase = `${name} ${next}`;
        const text = `${rest.join(' ')} ${upperCase ? phrase.toUpperCase() : phrase} ${rest.join(' ')}`;
        // Random rest words can be the name itself, or it with one typo: then that is a real mention.
        const elsewhere = rest.some((w) => w === name || (w === `${name}s` && hasPlural(name)) || (name.length >= 6 && w[0] === name[0] && !w.includes(name) && editDistanceAtMostOne(w, name)));
        expect(m.match(text).mentions.length).toBe(elsewhere ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });
});
