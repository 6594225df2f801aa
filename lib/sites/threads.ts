import { parsePost, type Post } from '../schemas/post';
import { readableText, squeeze } from '../dom/readable-text';
import { perTask } from '../dom/schedule';
import { labelledControl } from './common/reply-labels';
import { linkSitesOf, withSites } from './common/link-sites';
import { hasAdLabel } from './meta/sponsored';
import { defineAdapter, ownedBy, FOLLOWING, type SiteAdapter } from './types';

// Threads (threads.com, formerly threads.net) ships Meta's atomic CSS and no test ids, so this
// reads stable attributes only:
// - every post is div[data-pressable-container="true"]; a quoted post is another one nested inside
//   (not a post root of its own: getPostId/extractPost skip it);
// - the permalink is a[href="/@user/post/<code>"] wrapping time[datetime]; the author is the /@user
//   of that link (a repost's "<user> reposted" line links the reposter, who is not the author);
// - the text is the span[dir="auto"] blocks after that time link, outside links and buttons;
// - a reply and the answers to it share one cell, as siblings or (as served in 2025-2026) each in
//   a wrapper of its own, and every post but the last draws the thread line down from its avatar
//   (an empty box after the avatar's column): posts side by side without that line are not read as
//   a conversation; on a post page the thread's posts come before its replies;
// - a quoted post's text may sit inside a link to that post;
// - the reply dialog (role="dialog") shows the post being answered above a Lexical editor.
const ORIGIN = 'https://www.threads.com';
/** Threads renders the attribute as "true"; a bare attribute is read the same (it is set on posts only). */
const SELECTOR = 'div[data-pressable-container]:not([data-pressable-container="false"])';
const POST_PATH = /^\/@([A-Za-z0-9._]{1,30})\/post\/([A-Za-z0-9_-]{5,64})\/?$/;
const HOSTS = /^(?:www\.)?threads\.(?:com|net)$/;
/** The row under a post that opens its replies: "View 2 more replies" (2025), "Show 2 more" (2025 feed). */
const REPLIES_ROW = /^(?:View|Show) (?:all )?\d[\d.,]*[KkMm]? more(?: repl(?:y|ies))?$/;

interface Link {
  handle: string;
  code: string;
  a: Element;
  time: Element;
}

function containerOf(el: Element): Element | null {
  return el.parentElement?.closest(SELECTOR) ?? null;
}

/** el belongs to this post, not to a post quoted in it. */
function own(root: Element, el: Element): boolean {
  return el === root || el.closest(SELECTOR) === root;
}

/** The post a link on Threads leads to (its page, or with MEDIA_PATH its page of media): its author and code. */
function parsePath(href: string | null, path = POST_PATH): { handle: string; code: string } | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, ORIGIN);
    if (!HOSTS.test(url.hostname)) return undefined;
    const m = path.exec(url.pathname);
    return m ? { handle: m[1]!, code: m[2]! } : undefined;
  } catch {
    return undefined;
  }
}

function permalink(root: Element): Link | undefined {
  for (const time of root.querySelectorAll('time[datetime]')) {
    const a = time.closest('a[href]');
    if (!a || !root.contains(a) || !own(root, time)) continue;
    const path = parsePath(a.getAttribute('href'));
    if (path) return { ...path, a, time };
  }
  return undefined;
}

/** A post root: not nested in another post and not a glimmer still loading. */
function isPostRoot(root: Element): boolean {
  return root.matches(SELECTOR) && !containerOf(root) && !root.querySelector('[data-visualcompletion="loading-state"]');
}

/** A link to the post itself, other than its time link. */
function linksToPost(el: Element, link: Link): boolean {
  return el !== link.a && el.tagName === 'A' && !el.querySelector('time') && parsePath(el.getAttribute('href'))?.code === link.code;
}

function textOf(root: Element, link: Link): string {
  const blocks: Element[] = [];
  // The text ends at the first icon button after it (media, then the action bar); what follows, such as
  // "View 2 more replies" under a post, is not the post's text.
  let end: Element | undefined;
  // The caption's own block: what follows it in its row (media, a quote, the "Post unavailable" line of a quote
  // that cannot be shown, the action bar) is not the post's text.
  let caption: Element | undefined;
  for (const span of root.querySelectorAll('span[dir="auto"]')) {
    if (!own(root, span) || !(link.a.compareDocumentPosition(span) & FOLLOWING) || link.a.contains(span)) continue;
    if (end && end.compareDocumentPosition(span) & FOLLOWING) break;
    if (caption && !caption.contains(span)) break;
    // Where no action bar ends the text, the row of replies under it still does.
    if (REPLIES_ROW.test(squeeze(span.textContent))) break;
    const inside = span.closest('a, [role="button"], time, h1');
    // A link around the text to the post itself (as in a quoted post's body) is not a link in the text.
    if (inside && root.contains(inside) && !linksToPost(inside, link)) continue;
    if (span.querySelector('time, a[href*="/post/"]') || blocks.some((b) => b.contains(span))) continue;
    blocks.push(span);
    end ??= [...root.querySelectorAll('[role="button"]')].find(
      (b) => own(root, b) && b.querySelector('svg') && span.compareDocumentPosition(b) & FOLLOWING && !span.contains(b),
    );
    if (end && !caption) caption = blockOf(span, end, root);
  }
  const text = [...blocks.map((b) => readableText(withoutControls(b))), attachedText(root, link)].filter(Boolean).join('\n');
  // A link card shows its site only as a caption, if at all; its link goes through l.threads.com.
  const links = [...root.querySelectorAll('a[href^="http"]')].filter((a) => own(root, a));
  return withSites(text, linkSitesOf(links, OWN_HOSTS));
}

/** A post's page of media: /@user/post/<code>/media, where its photos and its attached text link. */
const MEDIA_PATH = /^\/@([A-Za-z0-9._]{1,30})\/post\/([A-Za-z0-9_-]{5,64})\/media\/?$/;

/**
 * The long text attached to a post (Threads' "attach text", 2025 on): a card after the caption that links the post's
 * /media page, as its photos do, but holds no picture; its text is the card's first block, then a "Read more" of its
 * own when the card cuts it (the whole text is in the page). Seen on a profile page saved in April 2026.
 */
function attachedText(root: Element, link: Link): string {
  for (const a of root.querySelectorAll('a[href*="/media"]')) {
    if (!own(root, a) || a.querySelector('img, video, picture')) continue;
    const block = parsePath(a.getAttribute('href'), MEDIA_PATH)?.code === link.code ? a.querySelector('span[dir="auto"]') : null;
    if (block) return readableText(block);
  }
  return '';
}

/** Meta's hosts: a link to them leads to no other site. */
const OWN_HOSTS = /(?:^|\.)(?:threads\.com|threads\.net|instagram\.com|cdninstagram\.com|facebook\.com|fbcdn\.net)$/;

/** The block holding `span` in the row it shares with `end` (the action bar): the child of their closest common ancestor. */
function blockOf(span: Element, end: Element, root: Element): Element | undefined {
  let block: Element = span;
  while (block.parentElement && block.parentElement !== root && !block.parentElement.contains(end)) block = block.parentElement;
  return block.parentElement && block.parentElement.contains(end) ? block : undefined;
}

/**
 * A text block without what Threads puts inside it that is not the text: the Translate button, and the
 * "1/2" counter of a post in parts (a block of its own whose whole text is the counter).
 */
function withoutControls(block: Element): Element {
  const isCounter = (c: Element) => c.localName === 'div' && /^\d{1,2}\/\d{1,2}$/.test((c.textContent ?? '').replace(/\s+/g, ''));
  if (![...block.children].some(isCounter) && !block.querySelector('[role="button"]')) return block;
  const copy = block.cloneNode(true) as Element;
  for (const c of [...copy.children]) if (isCounter(c)) c.remove();
  copy.querySelectorAll('[role="button"]').forEach((b) => b.remove());
  return copy;
}

function quotedPost(root: Element): Post['quoted'] {
  const nested = [...root.querySelectorAll(SELECTOR)].find((el) => containerOf(el) === root);
  const link = nested ? permalink(nested) : undefined;
  if (!nested || !link) return undefined;
  return { author: link.handle, text: textOf(nested, link), url: `${ORIGIN}/@${link.handle}/post/${link.code}` };
}

/** Top-level posts of the page in order, leaving out the reply dialog's preview. */
function pagePosts(doc: Document): Element[] {
  return [...doc.querySelectorAll(SELECTOR)].filter((el) => !containerOf(el) && !el.closest('[role="dialog"]') && permalink(el));
}

/**
 * The post next to this one in its cell (a reply and the answers to it share one): a sibling, or,
 * where each post of the cell has a wrapper of its own, the post alone in the wrapper beside.
 */
function besideInCell(root: Element, side: 'previousElementSibling' | 'nextElementSibling'): Element | undefined {
  const direct = root[side];
  let post: Element | null | undefined = direct;
  if (!direct || !holdsPost(direct)) {
    // Each post in a wrapper of its own, which may also hold a row that is no post (its "View 2 more replies").
    const wrapper = root.parentElement;
    const posts = (el: Element | null | undefined) => (el ? [...el.children].filter(holdsPost) : []);
    const alone = posts(wrapper).length === 1 ? wrapper : null;
    const beside = posts(alone?.[side]);
    post = beside.length === 1 ? beside[0] : null;
  }
  return post?.matches(SELECTOR) && permalink(post) ? post : undefined;
}

/** A post, or an element holding one. */
function holdsPost(el: Element): boolean {
  return el.matches(SELECTOR) || Boolean(el.querySelector(SELECTOR));
}

/** The most posts under one that are read as its thread's answers. */
const MAX_JOINED = 20;

/** What shows something: text aside, a box holding none of these draws only lines and spaces. */
const DRAWN = 'a, img, svg, video, picture, canvas, time, [role="button"], [role="img"]';

/** Nothing drawn inside but boxes: no text, picture, icon, link or control. */
function isBlank(el: Element): boolean {
  return !el.matches(DRAWN) && !el.querySelector(DRAWN) && !(el.textContent ?? '').trim();
}

/**
 * Whether the post draws the thread line down from its avatar to the post under it: an empty box laid
 * out beside the avatar, after it (in real pages saved in 2025 and 2026, a child of the post's grid
 * after the avatar's column; styled --bottom/--top). A post alone in its cell has none, so posts that
 * merely stand side by side, as a feed's cells do, are never taken for a conversation.
 */
function drawsThreadLine(root: Element): boolean {
  const img = [...root.querySelectorAll('img')].find((el) => own(root, el));
  let el: Element | null | undefined = img?.closest('a, [role="button"]') ?? img;
  for (let depth = 0; el && el !== root && root.contains(el) && depth < 8; el = el.parentElement, depth++) {
    for (let next = el.nextElementSibling; next; next = next.nextElementSibling) if (isBlank(next)) return true;
  }
  return false;
}

/**
 * The post answered by this one when both share a cell: the post just above it, when a thread line
 * is drawn from it down to this one.
 */
function previousInCell(root: Element): Element | undefined {
  const above = besideInCell(root, 'previousElementSibling');
  return above && drawsThreadLine(above) ? above : undefined;
}

/**
 * The heading a post's page puts after its replies, above posts by others that answer nothing there ("Related
 * threads"; a 2026 reader of Threads post pages stops at it, in English and Russian).
 */
const RELATED = /^(?:related threads|связанные ветки)$/i;
const relatedHeading = perTask((doc: Document): Element | undefined => {
  const walk = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length < 40 && RELATED.test(text.trim())) return node.parentElement ?? undefined;
  }
  return undefined;
});

function replyInfo(root: Element): { isReply: boolean; inReplyTo?: string; threadId?: string } {
  const doc = root.ownerDocument;
  let page: { handle: string; code: string } | undefined;
  try {
    const url = new URL(doc.URL);
    page = HOSTS.test(url.hostname) ? parsePath(url.pathname) : undefined;
  } catch {
    page = undefined;
  }
  // Below "Related threads", posts stand as in a feed.
  const related = page ? relatedHeading(doc) : undefined;
  if (related && related.compareDocumentPosition(root) & FOLLOWING) page = undefined;
  if (page) {
    // A post page: the thread's posts, down to the one in the URL, then the replies to it.
    const posts = pagePosts(doc);
    const index = posts.indexOf(root);
    const focus = posts.findIndex((p) => permalink(p)?.code === page.code);
    const threadId = posts[0] ? permalink(posts[0])?.code : undefined;
    if (index === 0) return { isReply: false, threadId };
    if (index > 0 && focus >= 0) {
      const parent = index <= focus ? posts[index - 1] : (previousInCell(root) ?? posts[focus]);
      return { isReply: true, inReplyTo: parent ? permalink(parent)?.handle : undefined, threadId };
    }
  }
  // A feed: a reply is shown under the post it answers, in the same cell.
  const parent = previousInCell(root);
  if (!parent) {
    const startsThread = drawsThreadLine(root) && besideInCell(root, 'nextElementSibling');
    return { isReply: false, threadId: startsThread ? permalink(root)?.code : undefined };
  }
  let first: Element = parent;
  for (let prev = previousInCell(first); prev; prev = previousInCell(first)) first = prev;
  return { isReply: true, inReplyTo: permalink(parent)?.handle, threadId: permalink(first)?.code };
}

/** The header row: the smallest ancestor of the time link that also holds the author's link. */
function headerRow(root: Element, link: Link): Element {
  const profile = `/@${link.handle}`;
  for (let el = link.a.parentElement; el && el !== root; el = el.parentElement) {
    if ([...el.querySelectorAll('a[href]')].some((a) => a.getAttribute('href') === profile && own(root, a))) return el;
  }
  return root;
}

/**
 * An ad (in the feed since 2026): its header row says so, as Meta labels ads on Instagram and Facebook —
 * "Sponsored" in the reader's language, or "Ad", as the whole text of a span. (Modelled: no capture of a
 * Threads ad has been published; Threads' code names a sponsored label in the post header.)
 */
function isAd(root: Element, link: Link): boolean {
  const row = headerRow(root, link);
  return row !== root && hasAdLabel(row, (el) => own(root, el));
}

/** The permalink of a root that is a post of its own and not a glimmer (an ad or not). */
function rootLink(root: Element): Link | undefined {
  return isPostRoot(root) ? permalink(root) : undefined;
}

/** The post's permalink, when it is a post to read: a root of its own, not a glimmer, not an ad. */
function postLink(root: Element): Link | undefined {
  const link = rootLink(root);
  return link && !isAd(root, link) ? link : undefined;
}

function extract(root: Element): Post | undefined {
  const link = postLink(root);
  if (!link) return undefined;
  return parsePost({
    platform: 'threads',
    id: link.code,
    url: `${ORIGIN}/@${link.handle}/post/${link.code}`,
    author: { handle: link.handle, profileUrl: `${ORIGIN}/@${link.handle}` },
    text: textOf(root, link),
    publishedAt: link.time.getAttribute('datetime') ?? undefined,
    quoted: quotedPost(root),
    ...replyInfo(root),
  });
}

export const threads: SiteAdapter = defineAdapter({
  id: 'threads',
  platform: 'threads',
  matches: ['https://www.threads.net/*', 'https://threads.net/*', 'https://www.threads.com/*', 'https://threads.com/*'],
  postSelector: SELECTOR,

  isAd(root) {
    const link = rootLink(root);
    return Boolean(link && isAd(root, link));
  },

  getPostId(root) {
    return postLink(root)?.code;
  },

  peek(root) {
    // Undefined while the post cannot be read yet (a glimmer), so that it is read again once filled.
    const link = postLink(root);
    if (!link) return undefined;
    // A quoted post's text counts as a mention too (its text is read after its own time link), and so does
    // quoting the brand's own post, whatever it says.
    const quoted = quotedPost(root);
    return { text: [textOf(root, link), quoted?.text].filter(Boolean).join('\n'), authorHandle: link.handle, quotes: quoted?.author };
  },

  extractPost(root) {
    return extract(root);
  },

  answersShownAfter(root) {
    // The posts under this one in its cell, each answering the one above it, for as long as the thread line joins them
    // (each given by what holds it: the scanner reads the posts inside an element).
    const holders = new Set<Element>();
    for (let post: Element | undefined = root, n = 0; post && n < MAX_JOINED && drawsThreadLine(post); n++) {
      post = besideInCell(post, 'nextElementSibling');
      if (post?.parentElement) holders.add(post.parentElement);
    }
    return [...holders];
  },

  overlayAnchor(root) {
    const link = permalink(root);
    return link ? headerRow(root, link) : root;
  },

  // A post's reply icon (labelled "Reply", since 2025 "Comment") opens the composer dialog findReplyBox reads;
  // known by its icon's label only.
  findReplyControl(root) {
    return labelledControl(root, ['reply', 'comment', 'comment-noun'], ownedBy(threads, root));
  },

  findReplyBox(root) {
    const post = threads.extractPost(root);
    if (!post) return undefined;
    for (const dialog of root.ownerDocument.querySelectorAll('[role="dialog"]')) {
      const editor = dialog.querySelector<HTMLElement>('[contenteditable="true"][role="textbox"]');
      if (!editor) continue;
      // The dialog shows the post being answered: its author and its text, as text.
      const shown = [...dialog.querySelectorAll('span[dir="auto"]')].filter((el) => !editor.contains(el)).map((el) => squeeze(readableText(el)));
      const snippet = squeeze(post.text).slice(0, 60);
      if (shown.includes(post.author.handle) && (!snippet || shown.some((t) => t.includes(snippet)))) return editor;
    }
    return undefined;
  },
});
