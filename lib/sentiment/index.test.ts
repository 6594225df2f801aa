import { describe, expect, it } from 'vitest';
import { estimateSentiment } from '.';

const label = (t: string) => estimateSentiment(t).label;

describe('first sentiment estimate', () => {
  it('reads plain complaints and praise', () => {
    expect(label('my order never arrived and support is useless')).toBe('negative');
    expect(label('the new app is fantastic, thanks!')).toBe('positive');
    expect(label('Is the Lisbon route still running in June?')).toBe('neutral');
  });

  it('handles negation', () => {
    expect(label('honestly not bad at all')).not.toBe('negative');
    expect(label('this is not good')).toBe('negative');
  });

  it('weights what follows "but"', () => {
    expect(label('love the app but support is useless and rude')).toBe('negative');
  });

  it('reads emoji and customer-service phrases', () => {
    expect(label('flight today 😡😡')).toBe('negative');
    expect(label('landed early 🙌')).toBe('positive');
    expect(label('still waiting, third time I ask')).toBe('negative');
  });

  it('keeps the score in [-1, 1]', () => {
    const s = estimateSentiment('TERRIBLE AWFUL WORST HATE '.repeat(50)).score;
    expect(s).toBeGreaterThanOrEqual(-1);
    expect(s).toBeLessThan(-0.9);
  });
});
