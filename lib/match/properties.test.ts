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

  it('never finds a name inside a longer word', () => {
    fc.assert(
      fc.property(letters, fc.stringMatching(/^[a-z0-9]{1,4}$/), fc.stringMatching(/^[a-z0-9]{0,4}$/), (name, pre, post) => {
        const m = compileBrands([BrandSchema.parse({ name })]);
        const text = `it was ${pre}${name}${post} ok`;
        expect(m.match(text).mentions).toEqual([]);
        const text2 = `it was ${name}${pre} ok`;
        expect(m.match(text2).mentions).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a name of six letters or more with any one typo, at any place and in any case', () => {
    const edit = fc.record({ kind: fc.constantFrom('replace', 'insert', 'delete'), at: fc.nat(), letter: fc.stringMatching(/^[a-z]$/) });
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{6,12}$/), edit, fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (name, { kind, at, letter }, caseMask) => {
        const i = at % (name.length + (kind === 'insert' ? 1 : 0));
        const typo = name.slice(0, i) + (kind === 'delete' ? '' : letter) + name.slice(kind === 'insert' ? i : i + 1);
        fc.pre(typo !== name && !typo.includes(name));
        const m = compileBrands([BrandSchema.parse({ name })]);
        expect(m.match(`flew ${upper(typo, caseMask)} today`).mentions.map((x) => x.brand)).toEqual([name]);
      }),
      { numRuns: 500 },
    );
  });

  it('lets an exclusion always win over the match it covers', () => {
    fc.assert(
      fc.property(letters, word, fc.array(word, { maxLength: 5 }), fc.boolean(), (name, next, rest, upperCase) => {
        const m = compileBrands([BrandSchema.parse({ name, exclude: [`${name} ${next}`] })]);
        const phrase = `${name} ${next}`;
        const text = `${rest.join(' ')} ${upperCase ? phrase.toUpperCase() : phrase} ${rest.join(' ')}`;
        // Random rest words can be the name itself, or it with one typo: then that is a real mention.
        const elsewhere = rest.some((w) => w === name || (name.length >= 6 && !w.includes(name) && editDistanceAtMostOne(w, name)));
        expect(m.match(text).mentions.length).toBe(elsewhere ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });
});
