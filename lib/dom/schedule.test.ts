import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gatherFor } from './schedule';

describe('gatherFor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands on what came within the window from the first item, together, then starts again', () => {
    const flushed: number[][] = [];
    const g = gatherFor<number>(100, (items) => flushed.push(items));
    g.add(1);
    vi.advanceTimersByTime(60);
    g.add(2);
    g.add(3);
    vi.advanceTimersByTime(39);
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(flushed).toEqual([[1, 2, 3]]);
    g.add(4);
    vi.advanceTimersByTime(100);
    expect(flushed).toEqual([[1, 2, 3], [4]]);
  });

  it('drops what it holds when cancelled', () => {
    const flush = vi.fn();
    const g = gatherFor<number>(100, flush);
    g.add(1);
    g.cancel();
    vi.advanceTimersByTime(500);
    expect(flush).not.toHaveBeenCalled();
    g.add(2);
    vi.advanceTimersByTime(100);
    expect(flush).toHaveBeenCalledWith([2]);
  });
});
