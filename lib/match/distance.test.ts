import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistanceAtMostOne } from './distance';

/** Reference: optimal string alignment distance, the textbook dynamic programme. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe('editDistanceAtMostOne', () => {
  it('agrees with the dynamic programme', () => {
    const s = fc.stringMatching(/^[abc]{0,7}$/);
    fc.assert(fc.property(s, s, (a, b) => {
      expect(editDistanceAtMostOne(a, b)).toBe(osa(a, b) === 1);
    }), { numRuns: 2000 });
  });

  it('knows the common typos', () => {
    expect(editDistanceAtMostOne('lufthansa', 'lufthasna')).toBe(true);
    expect(editDistanceAtMostOne('lufthansa', 'luftansa')).toBe(true);
    expect(editDistanceAtMostOne('lufthansa', 'lufthansa')).toBe(false);
    expect(editDistanceAtMostOne('lufthansa', 'lfuthasna')).toBe(false);
  });
});
