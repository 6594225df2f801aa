import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan, tokenize } from './tokens';

describe('tokenizer', () => {
  it('makes each character of a script without spaces a word, keeping the marks on it', () => {
    expect(tokenize('任天堂のスイッチ')).toMatchObject({ words: [...'任天堂のスイッチ'] });
    expect(tokenize('ｶﾞｽ').words).toEqual(['ガ', 'ス']);
    expect(tokenize('การบิน').words).toEqual(['ก', 'า', 'ร', 'บิ', 'น']);
    expect(tokenize('삼성이 좋아').words).toEqual(['삼', '성', '이', '좋', '아']);
  });

  it('ends a Latin word where such a script begins, and tells which characters are written together', () => {
    expect(tokenize('Appleの新製品 ok')).toEqual({
      words: ['apple', 'の', '新', '製', '品', 'ok'],
      sigils: ['', '', '', '', '', ''],
      glued: [false, false, true, true, true, false],
    });
    expect(tokenize('任 天').glued).toEqual([false, false]);
  });

  it('keeps a tag or handle whole', () => {
    expect(tokenize('#任天堂スイッチ @ソニー hi')).toEqual({ words: ['任天堂スイッチ', 'ソニー', 'hi'], sigils: ['#', '@', ''], glued: [false, false, false] });
    expect(tokenize('#AcmeAir最高').words).toEqual(['acmeair最高']);
  });

  it('ends a handle written in letters where such a script begins: the honorific after it is no part of it', () => {
    expect(tokenize('@AcmeAirさん 荷物')).toEqual({
      words: ['acmeair', 'さ', 'ん', '荷', '物'],
      sigils: ['@', '', '', '', ''],
      glued: [false, false, true, false, true],
    });
    expect(tokenize('@Nintendo様 @AcmeAir님 @acme.bsky.social你好').words).toEqual(['nintendo', '様', 'acmeair', '님', 'acme.bsky.social', '你', '好']);
  });

  it('reads full-width sigils as sigils', () => {
    expect(tokenize('＠AcmeAir ＃acmefail ＄ACME')).toEqual({ words: ['acmeair', 'acmefail', 'acme'], sigils: ['@', '#', '$'], glued: [false, false, false] });
  });

  it('keeps positions where lowercasing makes a letter longer (İ), and makes no word of marks alone', () => {
    expect(tokenize('İa任b').words).toEqual(['ia', '任', 'b']);
    expect(tokenize('İstanbul Acme').words).toEqual(['istanbul', 'acme']);
    expect(tokenize('ﾞﾞ \u0308\u0308 ok').words).toEqual(['ok']);
  });

  it('gives every text words that are non-empty, in order, and inside it', () => {
    const chars = fc.constantFrom(...'aZ9_ #$@.-İıß任天のｶﾞﾟ삼ก\u0e34\u0308\u3099 ・é😀'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }).map((cs) => cs.join('')), (text) => {
        const s = scan(text);
        for (let k = 0; k < s.count; k++) {
          expect(s.ends[k]!).toBeGreaterThan(s.starts[k]!);
          if (k > 0) expect(s.starts[k]!).toBeGreaterThanOrEqual(s.ends[k - 1]!);
          expect(s.ends[k]!).toBeLessThanOrEqual(text.length);
        }
        expect(tokenize(text).words.every(Boolean)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
