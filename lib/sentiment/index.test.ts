import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentiment } from '.';
import { careEvidence } from './care';
import { newCounts } from './features';
import { decodeModel, encodeModel, fromBase64, toBase64 } from './model-format';

const label = (t: string) => sentiment(t).label;

describe('sentiment of social posts', () => {
  it('reads plain complaints, praise and questions', () => {
    expect(label('my order never arrived and support is useless')).toBe('negative');
    expect(label('the new app is fantastic, thanks!')).toBe('positive');
    expect(label('Is the Lisbon route still running in June?')).toBe('neutral');
    expect(label('can someone help me reset my password?')).toBe('neutral');
  });

  it('handles negation', () => {
    expect(label('this is not good')).toBe('negative');
    expect(label('honestly not bad at all')).not.toBe('negative');
    expect(sentiment('the crew was not helpful').score).toBeLessThan(sentiment('the crew was helpful').score);
  });

  it('weighs what follows "but"', () => {
    expect(label('love the app but support is useless and rude')).toBe('negative');
  });

  it('reads emoji and emoticons', () => {
    expect(label('flight today 😡😡')).toBe('negative');
    expect(label('landed early 🙌')).toBe('positive');
    expect(sentiment('new update :(').score).toBeLessThan(sentiment('new update :)').score);
  });

  it('reads elongation, capitals and hashtags', () => {
    expect(label('sooo slow today')).toBe('negative');
    expect(label('NEVER flying with you again #neverflyingagain')).toBe('negative');
    expect(label('worst day of travel #acmefail')).toBe('negative');
  });

  it('reads customer-service language', () => {
    expect(label('still waiting, third time I ask')).toBe('negative');
    expect(label('I want to cancel my subscription')).toBe('negative');
    expect(label('still no refund after 3 weeks')).toBe('negative');
    expect(label('charged twice for the same booking')).toBe('negative');
  });

  it('catches the sarcasm customers aim at brands', () => {
    expect(label('great, another delay. just what I needed')).toBe('negative');
    expect(label('Thanks for nothing')).toBe('negative');
  });

  it('keeps scores and probabilities in range', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 280 }), (text) => {
        const s = sentiment(text);
        expect(s.score).toBeGreaterThanOrEqual(-1);
        expect(s.score).toBeLessThanOrEqual(1);
        expect(s.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
        expect(s.confidence).toBe(Math.max(...s.probabilities));
      }),
      { numRuns: 300 },
    );
  });

  it('finds no care evidence in plain chatter', () => {
    expect(careEvidence('see you at the game tonight', newCounts())).toEqual({ negative: 0, positive: 0 });
  });
});

describe('model format', () => {
  it('round-trips sparse int8 weights through base64', () => {
    const model = { hashBits: 18, classes: 3, scale: 0.0123, buckets: Uint32Array.from([3, 200, 70_000, 262_143]), weights: Int8Array.from([1, -2, 3, 127, -127, 0, 5, 6, 7, -1, -1, -1]) };
    const back = decodeModel(fromBase64(toBase64(encodeModel(model))));
    expect([...back.buckets]).toEqual([...model.buckets]);
    expect([...back.weights]).toEqual([...model.weights]);
    expect(back.scale).toBeCloseTo(model.scale, 6);
  });
});
