import { replyControlOf, type SiteAdapter } from '../sites/types';

/** How long the site is given to open a post's reply box after its Reply control is clicked. */
export const OPEN_REPLY_BOX_MS = 3000;

export interface FoundBox {
  root: Element;
  box: HTMLElement;
}

/** The first of these post roots (copies of one post) still on the page whose reply box is open. */
export function openBoxOf(adapter: SiteAdapter, roots: readonly Element[]): FoundBox | undefined {
  for (const root of roots) {
    if (!root.isConnected) continue;
    const box = adapter.findReplyBox(root);
    if (box) return { root, box };
  }
  return undefined;
}

/**
 * Opens a post's reply box the way the agent would: clicks the site's own Reply control of the first of
 * its roots that shows one (`SiteAdapter.replyControl`), then waits until the site has put a box
 * `findReplyBox` finds for one of them on the page, at most `timeoutMs`. Undefined when the site has no
 * such control, the post shows none, or no box came.
 */
export function openReplyBox(adapter: SiteAdapter, roots: readonly Element[], timeoutMs = OPEN_REPLY_BOX_MS): Promise<FoundBox | undefined> {
  const root = roots.find((r) => r.isConnected && replyControlOf(adapter, r));
  const control = root && replyControlOf(adapter, root);
  const doc = root?.ownerDocument;
  const win = doc?.defaultView;
  if (!control || !doc?.body || !win) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const done = (found: FoundBox | undefined) => {
      observer.disconnect();
      win.clearTimeout(timer);
      resolve(found);
    };
    // The site builds the box in its own time: a dialog (X, Bluesky), a box inside the comment (YouTube).
    const observer = new win.MutationObserver(() => {
      const found = openBoxOf(adapter, roots);
      if (found) done(found);
    });
    observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable', 'hidden', 'disabled'] });
    const timer = win.setTimeout(() => done(openBoxOf(adapter, roots)), timeoutMs);
    control.click();
    const found = openBoxOf(adapter, roots);
    if (found) done(found);
  });
}
