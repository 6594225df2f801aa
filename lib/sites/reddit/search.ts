import { readableText, squeeze } from '../../dom/readable-text';
import { FOLLOWING } from '../types';
import { GONE, isoTime, listedReads, ORIGIN, POST_FULLNAME, splitQuotes, threadPath, USERNAME, userOf, type Listed } from './common';

// Reddit's search results (www.reddit.com/search/?q=…, and type=comments) hold no shreddit-post or
// shreddit-comment: each result is a <search-telemetry-tracker view-events="search/view/post"> (or
// "search/view/comment") whose data-faceplate-tracking-context JSON names the post ({post: {id,
// title}, profile: {name}, search: {snippet, snippet_id}}) or the comment ({comment: {id, post_id,
// parent_id}}). Trackers nested in a result carry click-events only, never view-events.
// - A post result shows its title (a[data-testid="post-title-text"]; translated for the reader when the result
//   is data-pretranslated, the author's own in the context's post.title), a snippet that may come from
//   the post or from one of its comments (search.snippet_id says which), the time in the credit row
//   (.post-credit-row faceplate-timeago[ts]), and links the post (a[data-testid="post-title"]).
// - A comment result shows its post's title, then the comment in [data-testid="search-comment-content"]:
//   the author as the text of a link to "#" (or, since September 2026, a link to their profile), its time, a link to the comment
//   (a[aria-labelledby^="comment-content-"]) and its text (#search-comment-<t1 id>-post-rtjson-content).
// (Checked against search pages saved in September 2026 by muhammadhaider02/reddit-reviews-scraper,
// tests/fixtures/search_gymshark_reviews.html and search_comments_zestbite.html, and
// GregHilston/toolbox tests/fixtures/reddit/search.html.)
export const SEARCH_RESULT = 'search-telemetry-tracker[view-events="search/view/post"], search-telemetry-tracker[view-events="search/view/comment"]';
const COMMENT_ID = /^t1_[a-z0-9]{1,16}$/;
/** A result's link: a post in a subreddit, or a comment in it. */
const RESULT_PATH = /^\/r\/[A-Za-z0-9_]{1,30}\/comments\/[a-z0-9]{1,16}\//;

export const isSearchResult = (root: Element) => root.localName === 'search-telemetry-tracker';
const isCommentResult = (root: Element) => root.getAttribute('view-events') === 'search/view/comment';

interface Context {
  post?: { id?: unknown; title?: unknown };
  profile?: { name?: unknown };
  comment?: { id?: unknown; post_id?: unknown; parent_id?: unknown };
  search?: { snippet?: unknown; snippet_id?: unknown };
}

function context(root: Element): Context | undefined {
  try {
    const parsed: unknown = JSON.parse(root.getAttribute('data-faceplate-tracking-context') ?? '');
    return parsed && typeof parsed === 'object' ? (parsed as Context) : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** A result's link as a full URL, when it links a post or a comment in a subreddit. */
function threadLink(a: Element | null): string | undefined {
  const path = threadPath(a?.getAttribute('href'));
  return path && RESULT_PATH.test(path) ? `${ORIGIN}${path}` : undefined;
}

const username = (name: string | undefined) => (name && !GONE.has(name) && USERNAME.test(name) ? name : undefined);

/**
 * A comment result's author, in the row above its words: the text of a link to "#", or (in results since September
 * 2026, the two forms on one page) a link to the author's profile; never a u/ mention in the words.
 */
function commentAuthor(content: Element, body: Element): string | undefined {
  for (const a of content.querySelectorAll('a[href="#"], a[href*="/user/"]')) {
    if (body.contains(a) || !(a.compareDocumentPosition(body) & FOLLOWING)) continue;
    const href = a.getAttribute('href');
    return username(href === '#' ? squeeze(a.textContent) : userOf(href));
  }
  return undefined;
}

/**
 * A post result that names no author: its account is gone (search results leave such a post's author out), where
 * other results on the page do name theirs (a layout naming no author at all, as early 2025's, is markup not read).
 */
export function authorGone(root: Element): boolean {
  if (isCommentResult(root)) return false;
  const ctx = context(root);
  const id = str(ctx?.post?.id);
  if (!ctx || !id || !POST_FULLNAME.test(id)) return false;
  const name = str(ctx.profile?.name);
  if (name) return GONE.has(name);
  return root.ownerDocument.querySelector('search-telemetry-tracker[view-events="search/view/post"][data-faceplate-tracking-context*=\'"profile":{\']') !== null;
}

/** What the first read and the full read both need: identity, author and text. */
function readable(root: Element): Listed | undefined {
  const ctx = context(root);
  if (!ctx) return undefined;
  if (isCommentResult(root)) {
    const id = str(ctx.comment?.id);
    const thread = str(ctx.comment?.post_id);
    const content = root.querySelector('[data-testid="search-comment-content"]');
    if (!id || !COMMENT_ID.test(id) || !thread || !POST_FULLNAME.test(thread) || !content) return undefined;
    const url = threadLink(content.querySelector('a[aria-labelledby^="comment-content-"]'));
    const body = content.querySelector(`[id="search-comment-${id}-post-rtjson-content"]`);
    const handle = body ? commentAuthor(content, body) : undefined;
    if (!url || !handle || !body) return undefined;
    // As on the comment's own page: the site each link leads to written after it, its "> " quotes kept apart.
    const { own, quote } = splitQuotes(body);
    return { id, url, handle, text: own, quote, thread };
  }
  const id = str(ctx.post?.id);
  const handle = username(str(ctx.profile?.name));
  const url = threadLink(root.querySelector('a[data-testid="post-title"]')) ?? threadLink(root.querySelector('a[data-testid="post-title-text"]'));
  if (!id || !POST_FULLNAME.test(id) || !handle || !url) return undefined;
  // The title as its author wrote it: the one shown may be Reddit's machine translation into the reader's language
  // (a result marked data-pretranslated; seen on search pages of 2025 read in Spanish).
  const titleEl = root.querySelector('a[data-testid="post-title-text"]');
  const title = squeeze(str(ctx.post?.title)) || (titleEl ? readableText(titleEl) : '');
  // The snippet is the post's own words only when it comes from the post, not from a comment on it.
  const snippet = str(ctx.search?.snippet_id) === id ? squeeze(str(ctx.search?.snippet)) : '';
  return { id, url, handle, text: [title, snippet].filter(Boolean).join('\n\n'), thread: id };
}

export const searchResults = {
  ...listedReads(readable, (root) => {
    const comment = isCommentResult(root);
    const time = comment
      ? root.querySelector('[data-testid="search-comment-content"] faceplate-timeago[ts]')
      : root.querySelector('.post-credit-row faceplate-timeago[ts], [data-testid="sdui-post-unit"] faceplate-timeago[ts]');
    // A comment answers its post or another comment; the result names neither's author.
    return { publishedAt: isoTime(time?.getAttribute('ts')), isReply: comment };
  }),

  overlayAnchor(root: Element): Element | undefined {
    if (isCommentResult(root)) return root.querySelector('[data-testid="search-comment-content"] faceplate-timeago')?.parentElement ?? undefined;
    return root.querySelector('.post-credit-row') ?? undefined;
  },
};
