import { replyControlOf, type SiteAdapter } from '../sites/types';

/** How long the site is given to open a post's reply box after its Reply control is clicked. */
export const OPEN_REPLY_BOX_MS = 3000;
/** How often the page is looked at for a box that came without a change the observer sees. */
const POLL_MS = 150;
/** The least time left to the site for a box after a click: with less, nothing is clicked. */
const LEAST_FOR_BOX_MS = 300;
/** How long a box just opened is left to the site before it is written (it may put a mention in it first). */
const SETTLE_MS = 100;

export interface FoundBox {
  root: Element;
  box: HTMLElement;
}

/**
 * The first of these post roots (copies of one post) on the page whose reply box is open; or else the box
 * on the page of `left`, the root whose Reply was clicked, when the click took it off the page: on Mastodon
 * without a compose panel (a narrow window) Reply goes to the compose page, which names the post it answers.
 */
export function openBoxOf(adapter: SiteAdapter, roots: readonly Element[], left?: Element): FoundBox | undefined {
  for (const root of roots) {
    if (!root.isConnected) continue;
    const box = adapter.findReplyBox(root);
    if (box) return { root, box };
  }
  if (!left || left.isConnected) return undefined;
  const box = adapter.findReplyBox(left);
  return box?.isConnected ? { root: left, box } : undefined;
}

/**
 * The post's Reply control (`replyControlOf`) when a script may click it as the agent would: not disabled,
 * not a form's (a composer's send button), and not under a dialog over the page (the agent could not
 * reach it; a click would open a second box over the first, or under a login prompt).
 */
export function clickableReplyControl(adapter: SiteAdapter, root: Element): HTMLElement | undefined {
  const control = replyControlOf(adapter, root);
  if (!control || control.matches(':disabled, [aria-disabled="true"]')) return undefined;
  // A button of a form is a composer's send button, whatever it says ("Comment", "Reply"): never clicked.
  if (control.closest('form') || control.matches('[type="submit"]')) return undefined;
  return covered(root) ? undefined : control;
}

/** Whether a dialog over the page, one that does not hold the post, covers it. */
function covered(root: Element): boolean {
  return [...root.ownerDocument.querySelectorAll('[aria-modal="true"], dialog[open]')].some((modal) => !modal.contains(root));
}

/**
 * What `look` finds: looked for at once, on every change of the page and every POLL_MS (some changes are none the
 * observer sees: a shadow root's slots, a text area's value), and a last time after `timeoutMs`. `start` runs once
 * the watch is set up (the click that makes the page change).
 */
function until<T>(win: Window & typeof globalThis, doc: Document, look: () => T | undefined, timeoutMs: number, start?: () => void): Promise<T | undefined> {
  return new Promise((resolve) => {
    let over = false;
    const done = (found: T | undefined) => {
      if (over) return;
      over = true;
      observer.disconnect();
      win.clearInterval(poll);
      win.clearTimeout(timer);
      resolve(found);
    };
    const check = () => {
      const found = look();
      if (found !== undefined) done(found);
    };
    const observer = new win.MutationObserver(check);
    observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable', 'hidden', 'disabled'] });
    const poll = win.setInterval(check, POLL_MS);
    const timer = win.setTimeout(() => done(look()), timeoutMs);
    start?.();
    check();
  });
}

/**
 * Opens a post's reply box the way the agent would: clicks the site's own Reply control of the first of
 * its roots that shows one (`SiteAdapter.replyControl`), then waits until the site has put a box
 * `findReplyBox` finds for one of the post's roots on the page (`rootsOf` gives them anew each time: the
 * site may render the post again), at most `timeoutMs` in all. A control the site puts in only once it has been
 * on screen (`replyControlOnView`) is brought into view first, and waited for. Undefined when the site has no
 * such control, the post shows none, the control is disabled or under a dialog, or no box came.
 */
export async function openReplyBox(adapter: SiteAdapter, rootsOf: () => Element[], timeoutMs = OPEN_REPLY_BOX_MS): Promise<FoundBox | undefined> {
  const doc = rootsOf()[0]?.ownerDocument;
  const win = doc?.defaultView;
  if (!doc?.body || !win) return undefined;
  const deadline = win.performance.now() + timeoutMs;
  const shown = (): { root: Element; control: HTMLElement } | undefined => {
    for (const root of rootsOf()) {
      const control = clickableReplyControl(adapter, root);
      if (control) return { root, control };
    }
    return undefined;
  };
  const left = () => deadline - win.performance.now();
  let reply = shown();
  if (!reply) {
    // Brought into view only where the time allows a click after it, and no dialog covers the post.
    const placeholder = rootsOf()
      .filter((root) => !covered(root))
      .map((root) => adapter.replyControlOnView?.(root))
      .find((el) => el !== undefined);
    if (!placeholder || timeoutMs <= LEAST_FOR_BOX_MS) return undefined;
    placeholder.scrollIntoView({ block: 'center' });
    reply = await until(win, doc, shown, timeoutMs - LEAST_FOR_BOX_MS);
    if (!reply || left() < LEAST_FOR_BOX_MS) return undefined;
  }
  const { root: clicked, control } = reply;
  // The site builds the box in its own time: a dialog (X, Bluesky), a box inside the comment (YouTube).
  const found = await until(win, doc, () => openBoxOf(adapter, rootsOf(), clicked), Math.max(0, left()), () => control.click());
  if (found) await new Promise((resolve) => win.setTimeout(resolve, SETTLE_MS));
  return found && found.box.isConnected ? found : openBoxOf(adapter, rootsOf(), clicked);
}
