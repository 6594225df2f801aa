import type { Post } from '../schemas/post';
import type { SiteAdapter } from '../sites/types';
import { nextFrame, yieldToPage } from './schedule';

export interface ScannedPost {
  root: Element;
  post: Post;
}

export interface ScannerStats {
  /** Posts read and handed on. */
  read: number;
  /** Posts passed over after the first read (no brand in them). */
  passed: number;
  /** Post roots whose markup the adapter could not read (skipped, retried when they change). */
  skipped: number;
}

export interface PostScannerOptions {
  adapter: SiteAdapter;
  doc: Document;
  /**
   * Decides from the adapter's cheap first read whether a post is worth reading in full; posts
   * it turns down are not read again until rescan().
   */
  wanted?: (peek: { text: string; authorHandle?: string }) => boolean;
  /** Called once per flush with every post read in it. */
  onPosts: (posts: ScannedPost[]) => void;
  signal: AbortSignal;
  /** Longest stretch of work before yielding to the page. */
  sliceMs?: number;
}

export interface PostScanner {
  readonly stats: ScannerStats;
  /** Forgets what was seen and reads the whole page again (after settings change). */
  rescan(): void;
  /** Resolves when everything queued so far has been processed. */
  idle(): Promise<void>;
}

/**
 * Watches a page for post roots with one MutationObserver. The observer callback only queues
 * added nodes; reading happens once per animation frame in slices of a few milliseconds, and
 * a post already read is never read again (a WeakSet, so posts that leave the page are freed).
 */
export function createPostScanner({ adapter, doc, wanted, onPosts, signal, sliceMs = 4 }: PostScannerOptions): PostScanner {
  const win = doc.defaultView!;
  const stats: ScannerStats = { read: 0, passed: 0, skipped: 0 };
  let seen = new WeakSet<Element>();
  let queue: Node[] = [doc.body];
  let scheduled: Promise<void> | undefined;

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) queue.push(node);
    }
    schedule();
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    queue = [];
  });

  function schedule(): Promise<void> {
    scheduled ??= nextFrame(win)
      .then(flush)
      .finally(() => {
        scheduled = undefined;
        if (queue.length && !signal.aborted) void schedule();
      });
    return scheduled;
  }

  function rootsIn(node: Node): Element[] {
    if (!(node instanceof win.Element) || !node.isConnected) return [];
    // Our own overlay hosts change nothing the adapter reads.
    if (node.hasAttribute('data-firstreply-overlay')) return [];
    const roots: Element[] = [];
    const enclosing = node.closest(adapter.postSelector);
    if (enclosing) roots.push(enclosing);
    roots.push(...node.querySelectorAll(adapter.postSelector));
    return roots;
  }

  async function flush(): Promise<void> {
    let batch: ScannedPost[] = [];
    let sliceStart = performance.now();
    while (queue.length && !signal.aborted) {
      const node = queue.shift()!;
      for (const root of rootsIn(node)) {
        if (seen.has(root)) continue;
        let post: Post | undefined;
        try {
          const peek = wanted && adapter.peek?.(root);
          if (peek && !wanted(peek)) {
            seen.add(root);
            stats.passed++;
            continue;
          }
          post = adapter.extractPost(root);
        } catch {
          post = undefined;
        }
        if (!post) {
          stats.skipped++;
          continue;
        }
        seen.add(root);
        stats.read++;
        batch.push({ root, post });
      }
      if (performance.now() - sliceStart > sliceMs) {
        if (batch.length) onPosts(batch);
        batch = [];
        await yieldToPage(win);
        sliceStart = performance.now();
      }
    }
    if (batch.length && !signal.aborted) onPosts(batch);
  }

  void schedule();

  return {
    stats,
    rescan() {
      seen = new WeakSet();
      queue.push(doc.body);
      void schedule();
    },
    async idle() {
      while (scheduled || queue.length) await (scheduled ?? schedule());
    },
  };
}
