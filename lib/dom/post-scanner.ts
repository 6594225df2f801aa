import type { Post } from '../schemas/post';
import { closestRoot, postRoots, type Peek, type SiteAdapter } from '../sites/types';
import { nextFrame, yieldToPage } from './schedule';

/** The element nodes were added into, or taken out of (a mutation record's target), and the nodes added. */
class Into {
  constructor(
    readonly node: Node,
    readonly added: NodeList,
  ) {}
}

/** A link whose address the page changed (Facebook fills a story's permalink in on hover). */
class Relinked {
  constructor(readonly node: Element) {}
}

/** An element whose posts are to be read (readAllIn): those below it, not itself. */
class Within {
  constructor(readonly node: Element) {}
}

/** A post one of whose texts the page rewrote in place (a text node's data). */
class Retexted {
  constructor(readonly node: Element) {}
}

const NONE: ArrayLike<Element> = [];
/** Firstreply's own overlay host: never a post, never inside one to read. */
export const OVERLAY_TAG = 'firstreply-overlay';

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
  /** Ads, skipped on purpose (SiteAdapter.isAd). */
  ads: number;
  /** Placeholders the site has not filled in yet (read once it has): neither posts nor markup gone wrong. */
  loading: number;
  /** Deleted or removed posts shown as tombstones (SiteAdapter.isGone). */
  gone: number;
}

const emptyStats = (): ScannerStats => ({ read: 0, passed: 0, skipped: 0, ads: 0, loading: 0, gone: 0 });

/** Why a post root was not read: counted in the stat of that name. */
type Unread = 'skipped' | 'ads' | 'loading' | 'gone';

/** Marks a site leaves in a post while it loads (skeletons, glimmers, busy regions). */
const LOADING = '[data-visualcompletion="loading-state"], [aria-busy="true"], [role="progressbar"], [class*="Skeleton"], [class*="skeleton"], [class*="glimmer"]';

/**
 * A root the site has not filled in yet: it links nothing (every post links its author or itself), and it
 * holds no text or shows a loading mark.
 */
function isPlaceholder(root: Element): boolean {
  return !root.querySelector('a[href]') && (!(root.textContent ?? '').trim() || root.querySelector(LOADING) !== null);
}

export interface PostScannerOptions {
  adapter: SiteAdapter;
  doc: Document;
  /**
   * Decides from the adapter's cheap first read (its `peek`, or the root's raw textContent) whether
   * a post is worth reading in full; posts it turns down are not read again until rescan() or
   * until something is added inside them.
   */
  wanted?: (peek: Peek) => boolean;
  /** Called once per flush with every post read in it. */
  onPosts: (posts: ScannedPost[]) => void;
  /** Called when nodes left the page (posts may have gone with them). */
  onRemoved?: () => void;
  /**
   * Called with posts read before that the page changed so that they are no longer to be read: their words no longer
   * pass `wanted`, or their root no longer shows a post (deleted in place, hidden, emptied to be filled again).
   */
  onDropped?: (roots: Element[]) => void;
  signal: AbortSignal;
  /** Longest stretch of work before yielding to the page. */
  sliceMs?: number;
  /**
   * How long a post read in full waits before it is read again after the page changed it: changes within that time
   * are read once (a counter ticking ten times a second inside a post costs a read or two a second, not ten).
   */
  recheckMs?: number;
  /**
   * How long a post the page changed so that it shows no post, or no brand, waits before it is given up (onDropped):
   * a spinner or "Translating…" shown in place of its words for a moment does not take its overlay off.
   */
  dropAfterMs?: number;
}

export interface PostScanner {
  readonly stats: ScannerStats;
  /** Forgets what was seen and reads the whole page again (after settings change). */
  rescan(): void;
  /**
   * Reads every post inside `scope` in full from now on, whatever `wanted` says, those it passed
   * over included (the brand's own post: every comment under it), until the next rescan.
   */
  readAllIn(scope: Element): void;
  /** Resolves when everything queued so far has been processed. */
  idle(): Promise<void>;
}

/** What a post's read gave that an overlay shows or is keyed by: a post read again is handed on only when it differs. */
function signature(post: Post): string {
  // Not the id: a post may be named by another link once the page fills it in (Facebook's time link, on hover), and
  // its overlay, and the key the side panel holds, stay.
  return `${post.author.handle}\u0000${post.text}\u0000${post.quoted?.text ?? ''}\u0000${post.quoted?.author ?? ''}\u0000${post.inReplyTo ?? ''}`;
}

/**
 * Watches a page for post roots with one MutationObserver. Added nodes are read in the observer's
 * callback, in the page's own task, for up to a slice of a few milliseconds; what is left (a page
 * already full of posts, a rescan) is read in such slices a frame apart. A post already read is read
 * again only when the page changes something inside it (a root reused for another post, as YouTube's
 * comment list does on a new video or sort order; a post edited, expanded, deleted in place), and handed
 * on only when what it shows differs. Roots are kept in WeakSets, so posts that leave the page are freed.
 */
export function createPostScanner({
  adapter,
  doc,
  wanted,
  onPosts,
  onRemoved,
  onDropped,
  signal,
  sliceMs = 4,
  recheckMs = 250,
  dropAfterMs = 750,
}: PostScannerOptions): PostScanner {
  const win = doc.defaultView!;
  const stats = emptyStats();
  /** Roots read in full: read again only when the page changes something in them (`changed`). */
  let seen = new WeakSet<Element>();
  /** What each root read in full showed (signature), to tell a change worth handing on from a clock ticking. */
  let shown = new WeakMap<Element, string>();
  /** Roots passed over (no brand) or not read (and why): read again only when something is added inside them. */
  let passed = new WeakSet<Element>();
  let unreadable = new WeakMap<Element, Unread>();
  /**
   * Replies read before the post they answer was on the page (a reply, to nobody known): read again when a
   * post comes before them (SiteAdapter.nextPost), as X renders a post's own page from the focused post up.
   */
  let unanswered = new WeakSet<Element>();
  let unansweredCount = 0;
  /** Elements whose posts are all read in full (readAllIn), and how many were given. */
  let scopes = new WeakSet<Element>();
  let scopeCount = 0;
  const inScope = (root: Element) => {
    for (let up = root.parentElement; up; up = up.parentElement) if (scopes.has(up)) return true;
    return false;
  };
  let queue: Array<Node | Into | Relinked | Retexted | Within> = [new Within(doc.body)];
  /** Posts read in full that the page changed, waiting to be read again (recheckLater); posts waiting to be given up (dropLater). */
  const rechecks = new Set<Element>();
  const drops = new Set<Element>();
  let recheckTimer: number | undefined;
  let dropTimer: number | undefined;
  let head = 0;
  let scheduled: Promise<void> | undefined;

  const observer = new MutationObserver((records) => {
    let removed = false;
    const queued = queue.length;
    /** Elements whose texts were rewritten, once each (a counter ticking, or a time's "2m" becoming "3m"). */
    let retexted: Set<Element> | undefined;
    for (const r of records) {
      if (r.type === 'attributes') {
        // Only a link in a post that could not be read yet may change what can be read.
        if ((r.target as Element).localName === 'a') queue.push(new Relinked(r.target as Element));
        continue;
      }
      if (r.type === 'characterData') {
        // Words written into a text the page already shows (a placeholder's text replaced in place, as
        // frameworks that bind text nodes do).
        const parent = r.target.parentElement;
        if (parent) (retexted ??= new Set()).add(parent);
        continue;
      }
      const added = r.addedNodes;
      const gone = r.removedNodes;
      // Our own overlay going into a post, or out of it, is nothing new to read.
      const own = (nodes: NodeList) => nodes.length === 1 && (nodes[0] as Element).localName === OVERLAY_TAG;
      if (added.length && !own(added)) {
        queue.push(new Into(r.target, added));
        for (const node of added) queue.push(node);
      } else if (gone.length && !own(gone)) {
        // Something taken out of a post (a deleted comment's body) may change what it shows.
        queue.push(new Into(r.target, added));
      }
      if (gone.length) removed = true;
    }
    if (retexted) {
      // Once per post: one passed over, not readable yet or read in full (never an ad or a tombstone).
      const again = new Set<Element>();
      for (const el of retexted) {
        const root = el.isConnected ? closestRoot(adapter, el) : undefined;
        const why = root && unreadable.get(root);
        if (root && (passed.has(root) || seen.has(root) || why === 'loading' || why === 'skipped')) again.add(root);
      }
      for (const root of again) queue.push(new Retexted(root));
    }
    if (removed) onRemoved?.();
    if (queue.length <= queued) return;
    // Posts the page just added are read now, in the page's own task, while what it touched is
    // still warm: a task of its own costs more than reading a few posts. A large batch is read
    // in slices, the rest a frame later.
    if (scheduled || !drain()) schedule();
  });
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href'] });
  /** The signal's state, kept here: the read loop asks it at every step, and asking the signal is a call into the browser. */
  let stopped = false;
  const stop = () => {
    stopped = true;
    win.clearTimeout(recheckTimer);
    win.clearTimeout(dropTimer);
    observer.disconnect();
    queue = [];
  };
  signal.addEventListener('abort', stop);
  // A signal aborted already sends no abort event.
  if (signal.aborted) stop();

  function schedule(): Promise<void> {
    scheduled ??= nextFrame(win)
      .then(flush)
      .finally(() => {
        scheduled = undefined;
        if (queue.length > head && !signal.aborted) void schedule();
      });
    return scheduled;
  }

  /**
   * Post roots at or below an added node; for the node something was added into, the post it is
   * in (content loading late), once per change rather than once per added node.
   */
  function rootsIn(item: Node | Into | Relinked | Retexted | Within): { enclosing: Element | null; roots: ArrayLike<Element> } {
    if (item instanceof Within) {
      const scope = item.node;
      if (!scope.isConnected) return { enclosing: null, roots: NONE };
      return { enclosing: null, roots: postRoots(adapter, scope) };
    }
    if (item instanceof Relinked) {
      // A link of a post read in full changing alone (Facebook's hover tracking) changes nothing shown.
      const root = item.node.isConnected ? closestRoot(adapter, item.node) : null;
      return { enclosing: root && unreadable.has(root) ? root : null, roots: NONE };
    }
    if (item instanceof Retexted) return { enclosing: item.node.isConnected ? item.node : null, roots: NONE };
    if (item instanceof Into) {
      const into = item.node;
      const root = into instanceof win.Element && into.isConnected ? (closestRoot(adapter, into) ?? null) : null;
      // Posts added into a post read in full (replies loading under a comment) are read as themselves; the post
      // they went into shows what it did.
      if (root && seen.has(root) && item.added.length && [...item.added].every((n) => holdsRoot(n))) return { enclosing: null, roots: NONE };
      return { enclosing: root, roots: NONE };
    }
    if (!(item instanceof win.Element) || !item.isConnected || item.localName === OVERLAY_TAG) return { enclosing: null, roots: NONE };
    if (adapter.closestRoot) {
      // Markers select the roots below the node (a post the node went into is its record's Into).
      return { enclosing: adapter.closestRoot(item) === item ? item : null, roots: postRoots(adapter, item) };
    }
    return { enclosing: item.matches(adapter.postSelector) ? item : null, roots: item.querySelectorAll(adapter.postSelector) };
  }

  /** Whether a node added to the page is a post root or holds one. */
  function holdsRoot(node: Node): boolean {
    if (!(node instanceof win.Element)) return !(node.textContent ?? '').trim();
    return node.matches(adapter.postSelector) || node.querySelector(adapter.postSelector) !== null;
  }

  function read(root: Element, batch: ScannedPost[]): void {
    if (unansweredCount && adapter.nextPost) {
      const next = adapter.nextPost(root);
      if (next && unanswered.delete(next)) {
        unansweredCount--;
        seen.delete(next);
        stats.read--; // read again, counted once
        queue.push(next);
      }
    }
    let post: Post | undefined;
    try {
      const peek = wanted && (adapter.peek ? adapter.peek(root) : { text: root.textContent ?? '' });
      if (peek && !wanted(peek) && !(scopeCount && inScope(root))) {
        if (!passed.has(root)) stats.passed++;
        passed.add(root);
        return;
      }
      post = adapter.extractPost(root);
    } catch {
      post = undefined;
    }
    const before = unreadable.get(root);
    if (!post) {
      let why: Unread = 'skipped';
      try {
        why = adapter.isAd?.(root) ? 'ads' : adapter.isGone?.(root) ? 'gone' : isPlaceholder(root) ? 'loading' : 'skipped';
      } catch {
        // counted as not read
      }
      if (before === why) return;
      if (before) stats[before]--;
      stats[why]++;
      unreadable.set(root, why);
      return;
    }
    if (passed.has(root)) stats.passed--;
    if (before) {
      stats[before]--;
      unreadable.delete(root);
    }
    seen.add(root);
    shown.set(root, signature(post));
    if (post.isReply && !post.inReplyTo && adapter.nextPost && !unanswered.has(root)) {
      unanswered.add(root);
      unansweredCount++;
    }
    stats.read++;
    batch.push({ root, post });
  }

  /**
   * Reads again a root read in full that the page changed: handed on when it shows another post or other words, given
   * up (onDropped) when it no longer passes `wanted` or shows no post; nothing when what it shows is the same.
   */
  function changed(root: Element, batch: ScannedPost[], dropped: Element[]): void {
    if (!root.isConnected || !seen.has(root)) return;
    seen.delete(root);
    stats.read--;
    const before = shown.get(root);
    shown.delete(root);
    const at = batch.length;
    read(root, batch);
    if (batch.length > at) {
      // Read again: handed on only if it differs from what was shown.
      if (shown.get(root) === before) batch.length = at;
    } else {
      // Not a post read in full now: no longer a reply waiting for the post it answers either.
      if (unanswered.delete(root)) unansweredCount--;
      dropped.push(root);
    }
  }

  /** Posts read in full that the page changed, read again together a little later (recheckMs). */
  function recheckLater(root: Element): void {
    rechecks.add(root);
    recheckTimer ??= win.setTimeout(() => {
      recheckTimer = undefined;
      if (stopped) return;
      const batch: ScannedPost[] = [];
      const dropped: Element[] = [];
      for (const r of rechecks) changed(r, batch, dropped);
      rechecks.clear();
      dropLater(dropped);
      if (batch.length) onPosts(batch);
    }, recheckMs);
  }

  /** Posts that show no post, or no brand, now: given up unless read in full again meanwhile (dropAfterMs). */
  function dropLater(roots: Element[]): void {
    if (!roots.length) return;
    for (const r of roots) drops.add(r);
    dropTimer ??= win.setTimeout(() => {
      dropTimer = undefined;
      const gone = [...drops].filter((r) => !seen.has(r));
      drops.clear();
      if (gone.length && !stopped) onDropped?.(gone);
    }, dropAfterMs);
  }

  /** The post roots found under the node being processed, read one at a time so a slice can end between two. */
  let roots: ArrayLike<Element> = NONE;
  let at = 0;
  /** Whether those roots came with nodes the page added: one read before may come back changed (taken out, changed, put back). */
  let added = false;

  /** Reads queued work until it is done or `sliceMs` has passed; true when nothing is left. */
  function drain(): boolean {
    const sliceStart = performance.now();
    const batch: ScannedPost[] = [];
    let step = 0;
    while ((at < roots.length || head < queue.length) && !stopped) {
      if (at < roots.length) {
        const root = roots[at++]!;
        if (!seen.has(root)) {
          if (!passed.has(root) && !unreadable.has(root)) read(root, batch);
        } else if (added) recheckLater(root);
      } else {
        const item = queue[head++]!;
        added = item instanceof win.Node;
        const found = rootsIn(item);
        const enclosing = found.enclosing;
        if (enclosing && !seen.has(enclosing)) read(enclosing, batch);
        else if (enclosing && !batch.some((b) => b.root === enclosing)) recheckLater(enclosing);
        roots = found.roots;
        at = 0;
      }
      // The clock is read every few steps: a step costs microseconds, a slice milliseconds.
      if ((++step & 7) === 0 && performance.now() - sliceStart > sliceMs) break;
    }
    const done = at >= roots.length && head >= queue.length;
    if (done) {
      queue = [];
      head = 0;
      roots = NONE;
      at = 0;
    }
    if (batch.length && !signal.aborted) onPosts(batch);
    return done;
  }

  async function flush(): Promise<void> {
    while (!drain() && !signal.aborted) await yieldToPage(win);
  }

  void schedule();

  return {
    stats,
    rescan() {
      seen = new WeakSet();
      shown = new WeakMap();
      passed = new WeakSet();
      unreadable = new WeakMap();
      unanswered = new WeakSet();
      unansweredCount = 0;
      scopes = new WeakSet();
      scopeCount = 0;
      Object.assign(stats, emptyStats());
      queue.push(new Within(doc.body));
      // Posts waiting to be read again or given up are read with the rest.
      rechecks.clear();
      drops.clear();
      void schedule();
    },
    readAllIn(scope) {
      if (scopes.has(scope)) return;
      scopes.add(scope);
      scopeCount++;
      for (const root of postRoots(adapter, scope)) {
        if (root !== scope && passed.delete(root)) stats.passed--;
      }
      queue.push(new Within(scope));
      void schedule();
    },
    async idle() {
      while (!signal.aborted && (scheduled || queue.length > head)) await (scheduled ?? schedule());
    },
  };
}
