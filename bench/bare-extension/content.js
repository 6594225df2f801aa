// The least a content script can do on a growing timeline: find new post roots and read their text.
const SELECTOR = 'article[data-testid="tweet"]';
let chars = 0;
const read = (root) => {
  for (const el of root.matches?.(SELECTOR) ? [root] : root.querySelectorAll?.(SELECTOR) ?? []) chars += el.textContent.length;
};
read(document.body);
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) read(n);
}).observe(document.body, { childList: true, subtree: true });
