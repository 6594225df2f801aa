import { readableText, squeeze } from '../../dom/readable-text';
import { GONE, isoTime, listedReads, ORIGIN, POST_FULLNAME, splitQuotes, THREAD, threadPath, userOf, USERNAME, type Listed } from './common';

// Old Reddit's search results (old.reddit.com/search?q=…, and a subreddit's search) are not .thing
// elements: each post found is a <div class="search-result search-result-link" data-fullname="t3_…">
// with its title link in its header (a.search-title, an absolute link to the post's comments page),
// then a meta line (.search-result-meta) with the time (.search-time time[datetime]) and the author
// (.search-author a, a link to their profile), and, when the post has text, its body in
// .search-result-body .md. A subreddit found (search-result-subreddit) is no post. A result has no
// reply box: it is answered on the post's own page. (As Reddit Enhancement Suite reads them,
// lib/utils/Thing.js: thingSelector '.thing, .search-result-link', titles a.search-title, authors
// .search-author .author; and as an old Reddit search page captured in 2026 shows them.)
export const OLD_SEARCH_RESULT = 'div.search-result-link[data-fullname^="t3_"]';

export const isOldSearchResult = (root: Element) => root.classList.contains('search-result-link') && root.localName === 'div';

/** The author a result names: the profile its author link leads to, else the link's own text. */
function authorOf(root: Element): string | undefined {
  const link = root.querySelector('.search-author a');
  if (!link) return undefined;
  const name = userOf(link.getAttribute('href')) ?? (link.hasAttribute('href') ? undefined : squeeze(link.textContent));
  return name && !GONE.has(name) && USERNAME.test(name) ? name : undefined;
}

function readable(root: Element): Listed | undefined {
  const id = root.getAttribute('data-fullname') ?? '';
  const m = POST_FULLNAME.exec(id);
  const titleEl = root.querySelector('a.search-title');
  const path = threadPath(titleEl?.getAttribute('href'));
  // The title must lead to this very post.
  if (!m || !titleEl || !path || THREAD.exec(path)?.[1] !== m[1]) return undefined;
  const handle = authorOf(root);
  const title = readableText(titleEl);
  if (!handle || !title) return undefined;
  const bodyEl = root.querySelector('.search-result-body .md');
  const { own: body, quote } = bodyEl ? splitQuotes(bodyEl) : { own: '', quote: undefined };
  if (GONE.has(body)) return undefined;
  return { id, url: `${ORIGIN}${path}`, handle, text: [title, body].filter(Boolean).join('\n\n'), thread: id, quote };
}

export const oldSearchResults = {
  ...listedReads(readable, (root) => ({
    publishedAt: isoTime(root.querySelector('.search-time time[datetime]')?.getAttribute('datetime')),
    isReply: false,
  })),

  overlayAnchor(root: Element): Element | undefined {
    return root.querySelector('.search-result-meta') ?? undefined;
  },
};
