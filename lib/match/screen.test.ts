import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BrandSchema, type BrandInput } from '../schemas/brand';
import { compileBrands } from '.';
import { compileScreen, foldText, INERT, typoKeys } from './screen';

const brands = [
  BrandSchema.parse({ name: 'Acme Air', aliases: ['AcmeAir'], handles: ['@AcmeAir', 'AcmeHelp'], hashtags: ['#acmefail'], domains: ['acmeair.com'] }),
  BrandSchema.parse({ name: 'SkyJet', competitor: true }),
  BrandSchema.parse({ name: 'Café Noir', fuzzy: false }),
];
const m = compileBrands(brands);

describe('screen', () => {
  it('finds terms in text whose blocks were glued together', () => {
    // X's textContent: name, handle and time run straight into the post's first word.
    expect(m.screen('Maya Chen@mayachen_·2hAcme Air lost my bag')).toBe(true);
    expect(m.screen('Maya@maya·2hflying skyjet today')).toBe(true);
    expect(m.screen('Maya@maya·3hCAFÉ NOIR was great')).toBe(true);
    expect(m.screen('Maya@maya·3hthe bridge traffic is unreal')).toBe(false);
  });

  it('lets typos, hashtags, handles and domains through', () => {
    expect(m.screen('flew Acmeiar again')).toBe(true);
    expect(m.screen('flew skjyet again')).toBe(true); // the middle letters swapped
    expect(m.screen('never again #AcmeFail')).toBe(true);
    expect(m.screen('ping @acmehelp')).toBe(true);
    expect(m.screen('see https://www.acmeair.com/help')).toBe(true);
  });

  it('passes a brand’s own posts by their author', () => {
    expect(m.screen('Our summer schedule is out', '@AcmeHelp')).toBe(true);
    expect(m.screen('Our summer schedule is out', 'someone')).toBe(false);
  });

  it('keeps only keys that do not hold a shorter key, and folds them', () => {
    expect(compileScreen(['Acme', 'acmeair', 'ÉCLAIR', 'clair']).keys).toEqual(['acme', 'clair']);
    expect(compileScreen([]).test('anything')).toBe(false);
    expect(foldText('CAFÉ ﬁne ΟΔΟΣ')).toBe('cafe fine οδοσ');
  });

  it('skips folding only for characters that can never fold into a letter or digit', () => {
    const inert = new RegExp(`[${INERT}]`);
    for (let c = 0x80; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (!inert.test(ch) || (c >= 0xd800 && c <= 0xdfff)) continue;
      expect(/[\p{L}\p{N}\p{M}]/u.test(ch) || /[\p{L}\p{N}]/u.test(foldText(ch)), `U+${c.toString(16)}`).toBe(false);
    }
    expect(compileScreen(['cafe']).test('Café · 😡')).toBe(true);
    expect(compileScreen(['cafe']).test('Cafe\u0301')).toBe(true);
    expect(compileScreen(['acme']).test('ＡＣＭＥ rocks')).toBe(true);
  });

  it('gives a typo-tolerant term keys one edit cannot all break', () => {
    expect(typoKeys('skyjet')).toEqual(['sky', 'jet', 'skjyet']);
    expect(typoKeys('acmeair')).toEqual(['acm', 'eair', 'acemair']);
  });

  it('escapes the characters of handles and domains', () => {
    const s = compileScreen(['acme.bsky.social', 'a+b', 'x|y']);
    expect(s.test('@ACME.bsky.social hi')).toBe(true);
    expect(s.test('acmexbskyxsocial')).toBe(false);
    expect(s.test('a+b')).toBe(true);
    expect(s.test('ab')).toBe(false);
  });
});

// ---- Property: whenever the matcher finds a brand in a text, the screen passes that text with
// anything glued on either side (no separator), in any case.

const letters = fc.stringMatching(/^[a-z]{2,9}$/);
const word = fc.stringMatching(/^[a-z]{1,8}$/);
const glue = fc.stringMatching(/^[A-Za-z0-9_@#·.]{0,6}$/);
const ACCENTS: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', c: 'ç', n: 'ñ' };

const brandArb = fc.record({
  name: fc.tuple(letters, fc.option(letters, { nil: undefined })).map(([a, b]) => (b ? `${a} ${b}` : a)),
  aliases: fc.array(letters, { maxLength: 2 }),
  handles: fc.array(fc.tuple(letters, fc.constantFrom('', '_', '.social')).map(([h, s]) => h + s), { maxLength: 2 }),
  hashtags: fc.array(letters, { maxLength: 2 }),
  domains: fc.array(letters.map((d) => `${d}.com`), { maxLength: 1 }),
  fuzzy: fc.boolean(),
}) satisfies fc.Arbitrary<BrandInput>;

/** One edit of a word: a substitution, deletion, insertion or swap of neighbours. */
const typo = (w: string, kind: number, at: number, ch: string) => {
  const p = at % w.length;
  if (kind === 0) return w.slice(0, p) + ch + w.slice(p + 1);
  if (kind === 1) return w.slice(0, p) + w.slice(p + 1);
  if (kind === 2) return w.slice(0, p) + ch + w.slice(p);
  return p + 1 < w.length ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2) : w;
};

/** A piece of text built from a brand's terms (shown in many ways) or random words. */
const pieceArb = (b: Required<Pick<BrandInput, 'name' | 'aliases' | 'handles' | 'hashtags' | 'domains'>>) => {
  const terms = [b.name, ...b.aliases];
  return fc.oneof(
    word,
    fc.tuple(fc.constantFrom(...terms), fc.array(fc.boolean(), { minLength: 1, maxLength: 6 })).map(([t, mask]) =>
      [...t].map((c, i) => (mask[i % mask.length] ? (ACCENTS[c] ?? c.toUpperCase()) : c)).join(''),
    ),
    fc.tuple(fc.constantFrom(...terms), fc.integer({ min: 0, max: 3 }), fc.nat(), fc.constantFrom('x', 'q', 'a', 'e')).map(([t, k, at, ch]) =>
      typo(t.replace(/ /g, ''), k, at, ch),
    ),
    fc.tuple(fc.constantFrom(...terms, ...(b.hashtags.length ? b.hashtags : terms)), word, fc.boolean()).map(([t, w, camel]) =>
      camel ? `#${t.replace(/(^| )(.)/g, (_, __, c: string) => c.toUpperCase())}${w[0]!.toUpperCase()}${w.slice(1)}` : `#${t.replace(/ /g, '')}${w}`,
    ),
    // Tags whose words are joined by underscores, anywhere: "#acme_air_fail", "#bag_fail".
    fc.tuple(fc.constantFrom(...terms, ...b.hashtags), word, fc.nat()).map(([t, w, at]) => {
      const tag = `${t.replace(/ /g, '_')}_${w}`;
      const i = at % tag.length;
      return `#${tag.slice(0, i)}_${tag.slice(i)}`;
    }),
    fc.constantFrom(...(b.handles.length ? b.handles : terms)).map((h) => `@${h.replace(/ /g, '')}`),
    fc.constantFrom(...(b.domains.length ? b.domains : ['example.org'])).map((d) => `https://www.${d}/help`),
  );
};

describe('screen properties', () => {
  it('never turns away a text in which the matcher finds a brand, whatever is glued around it', () => {
    fc.assert(
      fc.property(
        brandArb.chain((b) => fc.tuple(fc.constant(b), fc.array(pieceArb(b), { minLength: 1, maxLength: 8 }), glue, glue, fc.boolean())),
        ([b, pieces, left, right, upper]) => {
          const matcher = compileBrands([BrandSchema.parse(b)]);
          const text = pieces.join(' ');
          if (matcher.match(text).mentions.length === 0) return;
          const glued = left + text + right;
          expect(matcher.screen(upper ? glued.toUpperCase() : glued)).toBe(true);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('never turns away a text in a script without spaces in which the matcher finds a brand', () => {
    const chars = [...'任天堂苹果手机のソニーテレビガスタバックス삼성전자이ｿﾆｰｶﾞ'];
    const run = (min: number, max: number) => fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.tuple(run(2, 4), fc.option(run(2, 4), { nil: undefined })).chain(([name, alias]) =>
          fc.tuple(
            fc.constant({ name, aliases: alias && alias !== name ? [alias] : [], hashtags: alias ? [alias] : [] }),
            fc.array(fc.oneof(run(0, 4), fc.constantFrom(name, `#${name}`, ...(alias ? [alias, `#x${alias}`] : [])), word), { minLength: 1, maxLength: 6 }),
            run(0, 3),
            run(0, 3),
          ),
        ),
        ([b, pieces, left, right]) => {
          const matcher = compileBrands([BrandSchema.parse(b)]);
          const text = left + pieces.join('') + right;
          if (matcher.match(text).mentions.length === 0) return;
          expect(matcher.screen(text)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('passes a post by any of a brand’s handles', () => {
    fc.assert(
      fc.property(brandArb, fc.array(word, { maxLength: 5 }), (b, words) => {
        const matcher = compileBrands([BrandSchema.parse(b)]);
        for (const h of BrandSchema.parse(b).handles) {
          expect(matcher.match(words.join(' '), h).ownBrands.length).toBe(1);
          expect(matcher.screen(words.join(' '), `@${h.toUpperCase()}`)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
