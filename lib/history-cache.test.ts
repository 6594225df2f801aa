import { describe, expect, it } from 'vitest';
import { HistoryCache } from './history-cache';

describe('HistoryCache', () => {
  it('keys handles without @ and case-insensitively, per platform', () => {
    const cache = new HistoryCache();
    cache.set('x', '@Maya', 3);
    expect(cache.get('x', 'maya')).toBe(3);
    expect(cache.get('reddit', 'maya')).toBeUndefined();
  });

  it('forgets a count once it is older than its time to live', () => {
    let now = 0;
    const cache = new HistoryCache(1000, () => now);
    cache.set('x', 'maya', 3);
    now = 999;
    expect(cache.get('x', 'maya')).toBe(3);
    now = 1000;
    expect(cache.get('x', 'maya')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds at most its size: expired entries go first, then the oldest', () => {
    let now = 0;
    const cache = new HistoryCache(1000, () => now, 3);
    cache.set('x', 'a', 1);
    now = 500;
    cache.set('x', 'b', 2);
    cache.set('x', 'c', 3);
    now = 1200; // a has expired, b and c have not
    cache.set('x', 'd', 4);
    expect(cache.size).toBe(3);
    expect([cache.get('x', 'b'), cache.get('x', 'c'), cache.get('x', 'd')]).toEqual([2, 3, 4]);
    cache.set('x', 'b', 5); // b is now the newest
    cache.set('x', 'e', 6); // none expired: the oldest (c) goes
    expect(cache.get('x', 'c')).toBeUndefined();
    expect([cache.get('x', 'b'), cache.get('x', 'd'), cache.get('x', 'e')]).toEqual([5, 4, 6]);
  });
});
