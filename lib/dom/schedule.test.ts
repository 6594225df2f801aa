import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gatherFor, perTask } from './schedule';

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

describe('perTask', () => {
  it('reads each key once within a task, and afresh in the next', async () => {
    const reads: string[] = [];
    const a = { name: 'a' };
    const b = { name: 'b' };
    const length = perTask((k: { name: string }) => (reads.push(k.name), k.name.length));
    expect([length(a), length(b), length(a)]).toEqual([1, 1, 1]);
    expect(reads).toEqual(['a', 'b']);
    a.name = 'aa';
    expect(length(a)).toBe(1); // the page cannot change within a task
    await Promise.resolve();
    expect(length(a)).toBe(2);
    expect(reads).toEqual(['a', 'b', 'aa']);
  });
});
