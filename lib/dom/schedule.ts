/** Resolves at the next animation frame, or soon when the page is hidden (frames stop there). */
export function nextFrame(win: Window = window): Promise<void> {
  return new Promise((resolve) => {
    if (win.document.visibilityState === 'hidden') win.setTimeout(resolve, 16);
    else win.requestAnimationFrame(() => resolve());
  });
}

/** Gives the page's own work a turn between slices of ours. */
export function yieldToPage(win: Window = window): Promise<void> {
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}

/** Items gathered for a while, then handed on together. */
export interface Gathering<T> {
  add(item: T): void;
  /** Drops what is gathered and stops the timer. */
  cancel(): void;
}

/**
 * Gathers items from the first one's arrival for `ms`, then hands them all to `flush` at once: a
 * site adds the posts a reader scrolls to a few at a time, frame after frame, and a message (or a
 * task's first DOM calls) costs a content script more than a post does.
 */
export function gatherFor<T>(ms: number, flush: (items: T[]) => void): Gathering<T> {
  let items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    add(item) {
      if (items.push(item) > 1) return;
      timer = setTimeout(() => {
        const all = items;
        items = [];
        flush(all);
      }, ms);
    },
    cancel() {
      clearTimeout(timer);
      items = [];
    },
  };
}

/**
 * `read`, remembered per element until the code running now is done (the next microtask checkpoint).
 * Reads of one post that follow one another (its first read, then its full read) or of many posts
 * under one element, in one synchronous run such as the scanner's, share the answer: the page cannot
 * change in between, and the next run reads afresh.
 */
export function perTask<K extends object, V>(read: (key: K) => V): (key: K) => V {
  let known: WeakMap<K, V> | undefined;
  return (key) => {
    if (!known) {
      known = new WeakMap();
      queueMicrotask(() => (known = undefined));
    }
    if (known.has(key)) return known.get(key) as V;
    const value = read(key);
    known.set(key, value);
    return value;
  };
}
