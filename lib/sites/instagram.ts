import { parsePost, type Post } from '../schemas/post';
import { readableText, squeeze, without } from '../dom/readable-text';
import { labelledControl } from './common/reply-labels';
import { hasAdLabel } from './meta/sponsored';
import { defineAdapter, ownedBy, FOLLOWING, type SiteAdapter } from './types';

// Instagram (www.instagram.com) ships Meta's atomic CSS, so this reads tags, links and times:
// - in the feed each post is an <article> with a[href="/p/<shortcode>/"] (or /<user>/p/…, /reel/…)
//   around its time[datetime];
// - on a post page the <article> holds the whole page (caption and comments), so it is not a post
//   root; the caption is the first li of the comment list (h1 text, unlinked time) and every comment
//   is an li whose time links to /p/<shortcode>/c/<id>/ (a reply: /c/<parent id>/r/<id>/);
// - the author is the username link (its text is the username) just before the time; a repost's
//   "<user> reposted" line comes before it and names the reposter;
// - text is span[dir="auto"] (h1 for a post page caption) after the author's link, outside links,
//   buttons, headings and the <section>s of the action bar;
// - the reply box is the "Add a comment…" textarea of the post's form; replying to a comment
//   prefills it with "@<user> ".
// Post and reel pages as served since 2025 have no <article> and no <li>: the caption and every
// comment are a div of two columns, the avatar (a link around the profile picture) then the body,
// whose first line is the username link and the time (a comment's links to /p/<code>/c/<id>/, the
// caption's is not a link), then the text; "View all N replies" sits outside the comment. The
// caption's text is a span after that first line, inside the same span[dir="auto"].
// (Checked against post and reel pages saved in 2025 and 2026: TainaraAlvesSilva/AlertaSeguranca
// debug_instagram.html, PET-Conexao-Periferia/Social-Media-Observatory debug_post.html and
// anurraggg/instascraper debug_reel_source.html.)
const ORIGIN = 'https://www.instagram.com';
const COMMENT = 'li:has(time):not(:has(li))';
/** Roots a selector can name: feed posts, and the caption and comments of older post pages. */
const LISTED = `article:not(:has(li time)), ${COMMENT}`;
/** Markers: every root holds a time (a block's root is found from it by `rootOf`). */
const MARKERS = `${LISTED}, time[datetime]`;
const PERMALINK = /^\/(?:([A-Za-z0-9._]{1,30})\/)?(p|reel|tv)\/([A-Za-z0-9_-]{5,64})\/(?:c\/(\d{1,30})\/(?:r\/(\d{1,30})\/)?)?$/;
const PROFILE = /^\/([A-Za-z0-9._]{1,30})\/$/;
const RESERVED = new Set(['explore', 'accounts', 'p', 'reel', 'reels', 'tv', 'stories', 'direct', 'about', 'legal', 'web']);

interface Link {
  kind: string;
  code: string;
  owner?: string;
  comment?: string;
  reply?: string;
  time: Element;
}

function pathOf(href: string | null): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, ORIGIN);
    return /(^|\.)instagram\.com$/.test(url.hostname) ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}

function parseLink(href: string | null): Omit<Link, 'time'> | undefined {
  const m = PERMALINK.exec(pathOf(href) ?? '');
  if (!m) return undefined;
  return { owner: m[1], kind: m[2]!, code: m[3]!, comment: m[4], reply: m[5] };
}

/**
 * el belongs to this root: a comment's parts are in its li; a feed post holds no comment li; a
 * comment or caption block holds nothing else.
 */
function own(root: Element, el: Element): boolean {
  if (root.tagName === 'DIV') return true;
  const li = el.closest('li');
  return root.tagName === 'LI' ? li === root : !li || !root.contains(li);
}

/**
 * What a div is when it is a two-column block of a post page: a comment (its time links to
 * /c/<id>/), the caption (its time is not a link), or neither.
 */
function blockKind(div: Element): 'comment' | 'caption' | undefined {
  const avatar = div.firstElementChild;
  const body = avatar?.nextElementSibling;
  if (avatar?.tagName !== 'DIV' || body?.tagName !== 'DIV') return undefined;
  if (!avatar.querySelector('a[href] > img') || avatar.querySelector('time')) return undefined;
  const time = body.querySelector('time[datetime]');
  if (!time) return undefined;
  const a = time.closest('a[href]');
  if (!a || !body.contains(a)) return 'caption';
  return parseLink(a.getAttribute('href'))?.comment ? 'comment' : undefined;
}

/** The post root at or above an element: a feed post, an older page's caption or comment li, or a block. */
function rootOf(el: Element): Element | null {
  const listed = el.closest(LISTED);
  if (listed) return listed;
  // Blocks are read only on pages without those: inside a post or comment li, a block is a part.
  if (el.closest('article, li')) return null;
  for (let at: Element | null = el; at && at.tagName !== 'BODY' && at.tagName !== 'MAIN'; at = at.parentElement) {
    if (at.tagName === 'DIV' && blockKind(at)) return at;
  }
  return null;
}

const isRoot = (el: Element) => rootOf(el) === el;

/** The page's caption block: the first block with an unlinked time (a page shows one post's caption). */
function captionBlock(doc: Document): Element | undefined {
  for (const time of doc.querySelectorAll('time[datetime]')) {
    if (time.closest('a[href]')) continue;
    const root = rootOf(time);
    if (root?.tagName === 'DIV' && blockKind(root) === 'caption') return root;
  }
  return undefined;
}

function isCaption(root: Element): boolean {
  if (root.tagName === 'DIV') return blockKind(root) === 'caption' && captionBlock(root.ownerDocument) === root;
  return root.tagName === 'LI' && [...root.querySelectorAll('h1')].some((h) => own(root, h));
}

function permalink(root: Element): Link | undefined {
  let unlinked: Element | undefined;
  for (const time of root.querySelectorAll('time[datetime]')) {
    if (!own(root, time)) continue;
    const a = time.closest('a[href]');
    const link = a && root.contains(a) ? parseLink(a.getAttribute('href')) : undefined;
    if (link) return { ...link, time };
    unlinked ??= time;
  }
  if (!unlinked || !isCaption(root)) return undefined;
  // A post page caption: its time is not a link; the post's own time link closes the article.
  for (const time of root.closest('article')?.querySelectorAll('time[datetime]') ?? []) {
    const link = time.closest('li') ? undefined : parseLink(time.closest('a[href]')?.getAttribute('href') ?? null);
    if (link && !link.comment) return { ...link, time: unlinked };
  }
  const page = parseLink(root.ownerDocument.URL);
  return page && !page.comment ? { ...page, time: unlinked } : undefined;
}

/** A link's text without its icons (a verified badge's svg has a title, "Verified"). */
function shownText(a: Element): string {
  return squeeze(without(a, 'svg').textContent);
}

/**
 * The author: the username link before the time, after the last picture of someone else (a repost line's
 * link comes earlier, before the author's picture). A collab post's header names its authors one after
 * the other on the time's line ("alice and bob"): the post's owner, whom its link names
 * (/alice/p/<code>/), else the first of them.
 */
function authorLink(root: Element, link: Link): { handle: string; a: Element } | undefined {
  let names: Array<{ handle: string; a: Element }> = [];
  for (const a of root.querySelectorAll('a[href]')) {
    if (!own(root, a)) continue;
    if (!(a.compareDocumentPosition(link.time) & FOLLOWING)) break;
    const m = PROFILE.exec(pathOf(a.getAttribute('href')) ?? '');
    if (!m || RESERVED.has(m[1]!)) continue;
    if (shownText(a) === m[1]) names.push({ handle: m[1]!, a });
    else if (a.querySelector('img') && names.at(-1)?.handle !== m[1]) names = []; // a picture: whoever it shows comes next
  }
  const owner = names.find((n) => n.handle === link.owner);
  const last = names.at(-1);
  if (owner || !last) return owner;
  // The names on the time's own line (a repost line above it is another line, even where no picture
  // parts the two): the first of them.
  let line = last.a.parentElement;
  while (line && line !== root && !line.contains(link.time)) line = line.parentElement;
  return names.find((n) => line?.contains(n.a)) ?? last;
}

/** A header's separator between name and time, in a span of its own. */
const SEPARATOR = /^[•·]$/;

function textOf(root: Element, author: { handle: string; a: Element }, time?: Element): string {
  const blocks: Element[] = [];
  for (const el of root.querySelectorAll('h1[dir="auto"], span[dir="auto"]')) {
    if (!own(root, el) || !(author.a.compareDocumentPosition(el) & FOLLOWING) || author.a.contains(el)) continue;
    const inside = el.parentElement?.closest('a, button, [role="button"], time, h2, h3, section, header');
    if (inside && root.contains(inside)) continue;
    if (el.querySelector('time') || blocks.some((b) => b.contains(el))) continue;
    // The wrapper that starts with the author's name link holds the caption; take the caption itself.
    if ([...el.querySelectorAll('a[href]')].some((a) => a.getAttribute('href') === author.a.getAttribute('href'))) continue;
    blocks.push(el);
  }
  // A caption block: its text follows the line of username and time, in the span that holds both.
  if (!blocks.length && root.tagName === 'DIV' && time) {
    let line = author.a.parentElement;
    while (line && line !== root && !line.contains(time)) line = line.parentElement;
    for (let next = line && line !== root ? line.nextElementSibling : null; next; next = next.nextElementSibling) {
      if (!next.matches('a, button, [role="button"], svg') && !next.querySelector('time')) blocks.push(next);
    }
  }
  return blocks
    .map((b) => {
      const text = readableText(without(b, 'button, [role="button"]')).replace(/(?:\.{3}|…)\s*more$/, '');
      // A caption cut short ends in "… more": the button goes, and so does the ellipsis before it.
      return (b.querySelector('button, [role="button"]') ? text.replace(/\s*(?:\.{3}|…)$/, '') : text).trim();
    })
    // The feed's header puts a "•" of its own between the author's name and the time.
    .filter((text) => text && !SEPARATOR.test(text))
    .join('\n');
}

/** The comment (li or block) that links to a comment id (its own time link), anywhere on the page. */
function commentRoot(doc: Document, code: string, id: string): Element | undefined {
  for (const a of doc.querySelectorAll(`a[href*="/c/${id}/"]`)) {
    const link = parseLink(a.getAttribute('href'));
    const root = a.closest('li') ?? rootOf(a);
    if (link?.code === code && link.comment === id && !link.reply && root) return root;
  }
  return undefined;
}

/** Who the post page's post belongs to: its caption's author, else its header's username link. */
function postOwner(root: Element, link: Link): string | undefined {
  const page = root.closest('article') ?? root.ownerDocument;
  const caption = [...page.querySelectorAll('li')].find((li) => li.matches(COMMENT) && isCaption(li)) ?? captionBlock(root.ownerDocument);
  const captionLink = caption ? permalink(caption) : undefined;
  const fromCaption = caption && captionLink ? authorLink(caption, captionLink)?.handle : undefined;
  if (fromCaption) return fromCaption;
  for (const a of page.querySelectorAll('header a[href]')) {
    const m = PROFILE.exec(pathOf(a.getAttribute('href')) ?? '');
    if (m && shownText(a) === m[1]) return m[1];
  }
  return link.owner;
}

/**
 * Links only ads hold, in any language: their call to action goes through Facebook's ad redirect, or carries
 * the ad's tracking parameters (as feed cleaners and filter lists of 2023-2026 find them).
 */
const AD_LINK = 'a[href*="/ads/ig_redirect/"], a[href*="a_mpk="], a[href*="enable_persistent_cta="]';

/**
 * A feed ad: a link only ads hold, or, in the post's header, "Sponsored" (in the reader's language) or the
 * "Ad" Instagram shows instead since 2025, as the whole text of a label. The header is the post's <header>
 * (the mobile layout, whose date closes the post), else the smallest block around its time that holds the
 * author's link too (not the caption or comments).
 */
function isAd(root: Element): boolean {
  if (root.tagName !== 'ARTICLE') return false;
  if (root.querySelector(AD_LINK)) return true;
  let header = root.querySelector('time[datetime]')?.parentElement;
  while (header && header !== root && header.querySelectorAll('a[href]').length < 2) header = header.parentElement;
  return [...root.querySelectorAll('header'), ...(header ? [header] : [])].some((h) => hasAdLabel(h));
}

/** Not to be read (yet): no root, a glimmer still loading (read again once filled), or an ad. */
function unreadable(root: Element): boolean {
  return !isRoot(root) || Boolean(root.querySelector('[data-visualcompletion="loading-state"]')) || isAd(root);
}

function extract(root: Element): Post | undefined {
  if (unreadable(root)) return undefined;
  const link = permalink(root);
  const author = link ? authorLink(root, link) : undefined;
  if (!link || !author) return undefined;
  const isComment = Boolean(link.comment);
  const commentId = link.reply ?? link.comment;
  const postUrl = `${ORIGIN}/${link.kind}/${link.code}/`;
  let inReplyTo: string | undefined;
  const text = textOf(root, author, link.time);
  const mention = /^@([A-Za-z0-9._]{1,30})\b/.exec(text)?.[1];
  const under = isComment && !link.reply ? listedUnder(root, link.code) : undefined;
  if (link.reply && link.comment) {
    const parent = commentRoot(root.ownerDocument, link.code, link.comment);
    const parentLink = parent ? permalink(parent) : undefined;
    inReplyTo = parent && parentLink ? authorLink(parent, parentLink)?.handle : undefined;
  } else if (under) {
    // Whom it names first, else the comment it is listed under.
    const underLink = permalink(under);
    inReplyTo = mention ?? (underLink ? authorLink(under, underLink)?.handle : undefined);
  } else if (isComment) {
    inReplyTo = postOwner(root, link);
  }
  return parsePost({
    platform: 'instagram',
    id: commentId ?? link.code,
    url: isComment ? `${postUrl}c/${link.comment}/${link.reply ? `r/${link.reply}/` : ''}` : postUrl,
    author: { handle: author.handle, profileUrl: `${ORIGIN}/${author.handle}/` },
    text,
    publishedAt: link.time.getAttribute('datetime') ?? undefined,
    isReply: isComment,
    inReplyTo: inReplyTo ?? (link.reply ? mention : undefined),
    threadId: root.tagName === 'ARTICLE' ? undefined : link.code,
  });
}

/**
 * The comment a reply is listed under in the layout served since 2025: its replies come in a <ul> after it (and
 * after its "Hide all replies" button), their own links naming no parent, /c/<id>/ only (a real 2026 capture in
 * dataforgoodfr/14_BalanceTesHaters).
 */
function listedUnder(root: Element, code: string): Element | undefined {
  if (root.tagName !== 'DIV') return undefined;
  const list = root.closest('ul');
  if (!list) return undefined;
  // The comment comes before the list, beside it or beside one of its first few wrappers.
  let up: Element | null = list;
  for (let level = 0; up && level < 4; up = up.parentElement, level++) {
    for (let el = up.previousElementSibling; el; el = el.previousElementSibling) {
      const links = [...el.querySelectorAll('a[href*="/c/"]')].filter((a) => {
        const link = parseLink(a.getAttribute('href'));
        return link?.code === code && link.comment && !link.reply && a.querySelector('time');
      });
      const last = links.at(-1);
      if (last) return rootOf(last) ?? undefined;
    }
  }
  return undefined;
}

function commentBox(root: Element): HTMLTextAreaElement | undefined {
  const article = root.tagName === 'ARTICLE' ? root : root.closest('article');
  if (article) return article.querySelector<HTMLTextAreaElement>('form textarea') ?? undefined;
  // A post page's blocks, or the same page open as a dialog over the feed: its own box, never a feed post's behind it.
  const scope = root.closest('[role="dialog"]') ?? root.closest('main') ?? root.ownerDocument;
  return [...scope.querySelectorAll<HTMLTextAreaElement>('form textarea')].find((box) => !box.closest('article')) ?? undefined;
}

export const instagram: SiteAdapter = defineAdapter({
  id: 'instagram',
  platform: 'instagram',
  matches: ['https://www.instagram.com/*'],
  postSelector: MARKERS,
  closestRoot: rootOf,

  isAd(root) {
    return isRoot(root) && isAd(root);
  },

  getPostId(root) {
    if (!isRoot(root)) return undefined;
    const link = permalink(root);
    return link ? (link.reply ?? link.comment ?? link.code) : undefined;
  },

  peek(root) {
    // Undefined while the post cannot be read yet (a glimmer), so that it is read again once filled.
    // Nothing is quoted on Instagram (a repost is read as the original), so the text is the post's own.
    if (unreadable(root)) return undefined;
    const link = permalink(root);
    const author = link ? authorLink(root, link) : undefined;
    return link && author ? { text: textOf(root, author, link.time), authorHandle: author.handle } : undefined;
  },

  extractPost(root) {
    return extract(root);
  },

  overlayAnchor(root) {
    const link = permalink(root);
    const author = link ? authorLink(root, link) : undefined;
    if (!link || !author) return root;
    // The author line: the smallest ancestor of the username link that also holds the time.
    for (let el = author.a.parentElement; el && el !== root; el = el.parentElement) {
      if (el.contains(link.time)) return el;
    }
    return author.a.parentElement ?? root;
  },

  // A comment's Reply puts "@<its author> " in the post's comment box (findReplyBox then gives it); known by
  // its words only. A post's own box is always shown.
  findReplyControl(root) {
    if (!instagram.extractPost(root)?.isReply || !commentBox(root)) return undefined;
    return labelledControl(root, ['reply'], ownedBy(instagram, root));
  },

  findReplyBox(root) {
    const post = instagram.extractPost(root);
    const box = post ? commentBox(root) : undefined;
    if (!post || !box) return undefined;
    // Replying to a comment prefills "@<user> "; an unprefixed box answers the post itself.
    const target = /^@([A-Za-z0-9._]{1,30})(?:\s|$)/.exec(box.value)?.[1];
    if (post.isReply) return target === post.author.handle ? box : undefined;
    return target ? undefined : box;
  },
});
