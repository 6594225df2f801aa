import type { Platform, Post } from '../schemas/post';

/**
 * How Firstreply reads one site. Adapters are declarative and pure: they do nothing when
 * imported, take elements as arguments and never throw for markup they do not know
 * (they return undefined, and the post is skipped).
 */
export interface SiteAdapter {
  /** Same as the file name. */
  id: string;
  platform: Platform;
  /** Content-script match patterns of the pages this adapter reads. */
  matches: string[];
  /**
   * Selects the root element of every post or comment on a page; with `closestRoot`, an element
   * inside each root instead (its marker: one or more per post).
   */
  postSelector: string;
  /**
   * For markup a selector cannot pin down (the root is "the smallest block holding both X and Y"):
   * the post root at or above an element, or null. When it is given, `postSelector` selects
   * markers inside the roots and the roots are found through this; without it the roots are the
   * elements `postSelector` selects, and the root of an element is its `closest(postSelector)`.
   */
  closestRoot?(el: Element): Element | null;
  getPostId(root: Element): string | undefined;
  /**
   * A cheap first read used to skip posts that mention no brand before the full read: a text that
   * holds, as substrings, what the brand matcher would see (the post's own text and the text it
   * quotes, shares or reposts) and the author's handle when the page shows it nowhere in that text.
   * It may over-include, never under-include; the brand matcher's `screen` reads it. It may be
   * undefined while the post cannot be read yet. Without it the root's raw textContent is read,
   * which suits sites whose post roots do not nest other posts and show the author's @handle.
   * `repliesTo`, when the page shows it cheaply, is the handle of whom the post answers: a post
   * answering the brand is wanted whatever it says.
   */
  peek?(root: Element): Peek | undefined;
  /** Everything the overlay and the side panel need; undefined when the markup is not understood. */
  extractPost(root: Element): Post | undefined;
  /** Where the overlay host goes inside the post root. */
  overlayAnchor(root: Element): Element | undefined;
  /**
   * Whether a root the adapter does not read is an ad, skipped on purpose (counted apart from markup it cannot
   * read, which may mean the site changed). Asked only of roots `extractPost` gave nothing for.
   */
  isAd?(root: Element): boolean;
  /**
   * Whether a root the adapter does not read is a deleted or removed post or comment, shown as a tombstone
   * (counted apart from markup it cannot read, as ads are). Asked only of roots `extractPost` gave nothing for.
   */
  isGone?(root: Element): boolean;
  /** The site's own reply box for this post, when it is open. */
  findReplyBox(root: Element): HTMLElement | undefined;
  /**
   * Selects the site's own control that opens a post's reply box (its Reply button), for a post whose box is
   * not open: the first match inside the root that belongs to it (not to a post nested in it) is clicked.
   * Only where the control is known by more than its label's words, and opens a box `findReplyBox` finds.
   */
  replyControl?: string;
  /**
   * The control that opens a post's reply box where no selector can name it: outside every post (Reddit's
   * comment box under the post on its own page, known by the post's id), or known only by its label in the
   * reader's language (Meta's sites). Asked only when the post shows no `replyControl`.
   */
  findReplyControl?(root: Element): HTMLElement | undefined;
  /**
   * Where a post's Reply control is put in the page only once it has been on screen (Reddit stamps a comment's
   * action row from a template when it comes into view, since September 2026): the element to bring into view
   * for it, while the control is not there yet.
   */
  replyControlOnView?(root: Element): Element | undefined;
  /**
   * Elements holding the posts a timeline shows under this one as answers to it, outside its root
   * (X's cells joined to it by the thread line). Read in full when this post is the brand's, since
   * they may answer it without naming it. Undefined or empty where a site has none.
   */
  answersShownAfter?(root: Element): Element[] | undefined;
  /**
   * The post root shown right after this one that may answer it (X: the next cell's post), for a reply read
   * before the post it answers came onto the page: read again once this one has. Undefined where a site
   * needs none.
   */
  nextPost?(root: Element): Element | undefined;
}

/** The post's own control that opens its reply box (`SiteAdapter.replyControl`), if the site has one and it is there. */
export function replyControlOf(adapter: SiteAdapter, root: Element): HTMLElement | undefined {
  if (!adapter.replyControl && !adapter.findReplyControl) return undefined;
  if (adapter.replyControl) for (const el of root.querySelectorAll<HTMLElement>(adapter.replyControl)) if (ownedBy(adapter, root)(el)) return el;
  return adapter.findReplyControl?.(root);
}

/** Whether an element belongs to this post root itself, not to a post nested in it or beside it. */
export function ownedBy(adapter: SiteAdapter, root: Element): (el: Element) => boolean {
  return (el) => closestRoot(adapter, el) === root;
}

/** A post's first read (see `SiteAdapter.peek`). */
export interface Peek {
  text: string;
  authorHandle?: string;
  repliesTo?: string;
  /** The author of the post this one quotes or shares, when the first read knows it. */
  quotes?: string;
}

/** A site the content script runs on; sites still without an adapter only show the toolbar panel. */
export interface SiteEntry {
  id: string;
  platform: Platform;
  matches: string[];
  adapter?: SiteAdapter;
}

/**
 * Node.DOCUMENT_POSITION_FOLLOWING, for compareDocumentPosition: adapters also read pages outside a browser,
 * where there is no Node global.
 */
export const FOLLOWING = 4;

/** The post root at or above an element (see `SiteAdapter.closestRoot`). */
export function closestRoot(adapter: SiteAdapter, el: Element): Element | null {
  return adapter.closestRoot ? adapter.closestRoot(el) : el.closest(adapter.postSelector);
}

/**
 * Every post root in a document or element, each once, in page order: the elements `postSelector`
 * selects in it; with `closestRoot`, the roots of the markers it selects in it (which may be the
 * element itself, or hold it).
 */
export function postRoots(adapter: SiteAdapter, scope: ParentNode): Element[] {
  const found = [...scope.querySelectorAll(adapter.postSelector)];
  if (!adapter.closestRoot) return found;
  const roots = new Set<Element>();
  for (const marker of found) {
    const root = adapter.closestRoot(marker);
    if (root) roots.add(root);
  }
  return [...roots];
}

type Reader = (root: Element) => unknown;

/** An adapter's readers: each takes an element, and `defineAdapter` keeps it from throwing. */
export const READERS = [
  'getPostId',
  'peek',
  'extractPost',
  'overlayAnchor',
  'findReplyBox',
  'findReplyControl',
  'replyControlOnView',
  'closestRoot',
  'answersShownAfter',
  'isAd',
  'isGone',
  'nextPost',
] as const;

/**
 * Declares an adapter whose readers can never throw into the page: markup a reader does not
 * expect gives undefined (the post is skipped and counted), whatever the reader does.
 */
export function defineAdapter(adapter: SiteAdapter): SiteAdapter {
  const safe = { ...adapter };
  for (const key of READERS) {
    const read = adapter[key] as Reader | undefined;
    if (!read) continue;
    (safe as unknown as Record<string, Reader>)[key] = (root: Element) => {
      try {
        return read.call(adapter, root);
      } catch {
        return undefined;
      }
    };
  }
  return safe;
}
