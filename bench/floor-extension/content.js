// The least any overlay can cost: the bare content script (find new post roots, read their text),
// and for each post whose text names a brand, the DOM contract and nothing more. The root gets
// data-firstreply-post; a host element with data-sentiment and data-brands is appended to it, its
// own shadow root holding one line of text or, in the styled floor, a copy of Firstreply's bar with
// its stylesheet. No reading of fields, no matching beyond a substring, no sentiment, age or history.
// The benchmark writes the look in place of LOOK: null, or { css, bar } (the bar's inner HTML).
const LOOK = null;
const SELECTOR = 'article[data-testid="tweet"]';
const NAMES = /acme|skyjet/i;
let chars = 0;
let seq = 0;
let sheet;
let bar;
if (LOOK) {
  sheet = new CSSStyleSheet();
  sheet.replaceSync(LOOK.css);
  bar = document.createElement('button');
  bar.className = 'fr-bar fr-negative';
  bar.innerHTML = LOOK.bar;
}
const annotate = (el, text) => {
  if (!NAMES.test(text)) return;
  el.setAttribute('data-firstreply-post', `x:${++seq}`);
  const host = document.createElement('firstreply-overlay');
  host.setAttribute('data-sentiment', 'negative');
  host.setAttribute('data-brands', 'Acme Air');
  const shadow = host.attachShadow({ mode: 'open' });
  if (LOOK) {
    shadow.adoptedStyleSheets = [sheet];
    shadow.append(bar.cloneNode(true));
  } else shadow.textContent = 'Acme Air';
  el.append(host);
};
const read = (root) => {
  for (const el of root.matches?.(SELECTOR) ? [root] : root.querySelectorAll?.(SELECTOR) ?? []) {
    const text = el.textContent;
    chars += text.length;
    annotate(el, text);
  }
};
read(document.body);
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && n.localName !== 'firstreply-overlay') read(n);
}).observe(document.body, { childList: true, subtree: true });
