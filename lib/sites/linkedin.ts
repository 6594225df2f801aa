import { parsePost, type Post } from '../schemas/post';
import { readableText } from '../dom/readable-text';
import { defineAdapter, type SiteAdapter } from './types';

// LinkedIn (Ember/artdeco feed). A feed update is div.feed-shared-update-v2[data-urn="urn:li:activity:…"]; its
// author block is .update-components-actor (a.update-components-actor__meta-link, the name twice: once in
// span[aria-hidden] for the eye, once in span.visually-hidden for screen readers); its text is
// .update-components-text inside .feed-shared-inline-show-more-text (the "…more" toggle is a sibling button);
// a repost's original sits in .update-components-mini-update-v2 / .feed-shared-update-v2__update-content-wrapper.
// Comments are article.comments-comment-entity[data-id="urn:li:comment:(ugcPost|activity:…,…)"] (older UI:
// article.comments-comment-item), replies nested inside their parent's article; the composer is a Quill
// div.ql-editor[contenteditable]. LinkedIn's redesigned home feed (hashed classes, div[role="listitem"], no
// data-urn) is not this markup and is not read here; post pages and profile activity still ship it.
//
// Times: LinkedIn only prints relative labels ("2h", "1w") that are rounded down, so they are not parsed.
// Activity and comment ids are snowflakes whose top 41 bits are the creation time in milliseconds, which gives
// an exact publishedAt (the technique public "LinkedIn post date" tools use).
const ORIGIN = 'https://www.linkedin.com';
const POST = 'div.feed-shared-update-v2[data-urn^="urn:li:activity:"]';
const COMMENT_ARTICLE = 'article.comments-comment-entity, article.comments-comment-item';
const COMMENT = 'article.comments-comment-entity[data-id^="urn:li:comment:"], article.comments-comment-item[data-id^="urn:li:comment:"]';
/** Roots never contain each other's parts: what belongs to a nested root is not the outer root's. */
const ROOT_BOUNDARY = `div.feed-shared-update-v2, ${COMMENT_ARTICLE}`;
/** The original of a repost, kept apart from the reposter's own words. */
const RESHARE = '.update-components-mini-update-v2, .feed-shared-update-v2__update-content-wrapper';
const ACTIVITY_URN = /^urn:li:activity:(\d{6,25})$/;
const COMMENT_URN = /^urn:li:comment:\((activity|ugcPost|share):(\d{6,25}),(\d{6,25})\)$/;
const PROFILE_PATH = /^\/(in|company|school|showcase)\/([^/?#]+)/;

function isComment(root: Element): boolean {
  return root.matches(COMMENT_ARTICLE);
}

/** Elements of `root` (not of a root nested in it), split by whether they sit in the reposted original. */
function parts(root: Element, selector: string, where: 'own' | 'quoted'): Element[] {
  return [...root.querySelectorAll(selector)].filter((el) => {
    if (el.closest(ROOT_BOUNDARY) !== root) return false;
    const reshare = el.closest(RESHARE);
    const inReshare = Boolean(reshare && root.contains(reshare));
    return where === 'quoted' ? inReshare : !inReshare;
  });
}

/** Text as shown: screen-reader duplicates ("hashtag", names) and toggle buttons left out. */
function textOf(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  clone.querySelectorAll('.visually-hidden, button, [role="button"]').forEach((n) => n.remove());
  return readableText(clone);
}

function oneLine(s: string | null | undefined): string | undefined {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t || undefined;
}

function profile(href: string | null): { handle: string; profileUrl: string } | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, ORIGIN);
    if (!/(^|\.)linkedin\.com$/.test(url.hostname)) return undefined;
    const m = PROFILE_PATH.exec(url.pathname);
    if (!m) return undefined;
    const handle = decodeURIComponent(m[2]!);
    return { handle, profileUrl: `${ORIGIN}/${m[1]}/${m[2]}/` };
  } catch {
    return undefined;
  }
}

/** Creation time encoded in a LinkedIn id (milliseconds in the top 41 bits). */
function timeOfId(id: string): string | undefined {
  try {
    const ms = Number(BigInt(id) >> 22n);
    if (ms < Date.UTC(2010, 0, 1) || ms > Date.UTC(2100, 0, 1)) return undefined;
    return new Date(ms).toISOString();
  } catch {
    return undefined;
  }
}

interface Author {
  handle: string;
  profileUrl: string;
  name?: string;
}

/** The actor of a post (where = 'own') or of the reposted original (where = 'quoted'). */
function actorOf(root: Element, where: 'own' | 'quoted'): Author | undefined {
  const link = parts(root, 'a.update-components-actor__meta-link[href], a.update-components-actor__container-link[href], a.update-components-actor__image[href]', where)
    .map((a) => profile(a.getAttribute('href')))
    .find(Boolean);
  if (!link) return undefined;
  const title = parts(root, '.update-components-actor__title, .update-components-actor__name', where)[0];
  const visible = title && [...title.querySelectorAll('span[aria-hidden="true"]')].find((s) => !s.closest('.update-components-actor__supplementary-actor-info'));
  const name = oneLine(visible?.textContent) ?? (title ? oneLine(textOf(title)) : undefined);
  return { ...link, name };
}

function commentAuthor(root: Element): Author | undefined {
  const link = parts(root, 'a.comments-comment-meta__description-container[href], a.comments-comment-meta__image-link[href], a.comments-post-meta__actor-link[href]', 'own')
    .map((a) => profile(a.getAttribute('href')))
    .find(Boolean);
  if (!link) return undefined;
  const title =
    parts(root, '.comments-comment-meta__description-title', 'own')[0] ??
    parts(root, '.comments-post-meta__name-text span[aria-hidden="true"], .comments-post-meta__name-text', 'own')[0];
  return { ...link, name: title ? oneLine(textOf(title)) : undefined };
}

function postText(root: Element, where: 'own' | 'quoted'): string {
  const el =
    parts(root, '.update-components-text', where)[0] ??
    parts(root, '.feed-shared-inline-show-more-text, .feed-shared-update-v2__description', where)[0];
  return el ? textOf(el) : '';
}

/** URL-encodes a URN the way LinkedIn's own links do (parentheses too). */
function encodeUrn(urn: string): string {
  return encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function postUrl(activityId: string): string {
  return `${ORIGIN}/feed/update/urn:li:activity:${activityId}/`;
}

/** The post a comment belongs to, when the comment is shown inside it. */
function enclosingPost(comment: Element): Element | undefined {
  return comment.parentElement?.closest(POST) ?? undefined;
}

function readPost(root: Element): Post | undefined {
  const m = ACTIVITY_URN.exec(root.getAttribute('data-urn') ?? '');
  if (!m) return undefined;
  const author = actorOf(root, 'own');
  if (!author) return undefined;
  const quotedAuthor = actorOf(root, 'quoted');
  const quotedText = postText(root, 'quoted');
  const quotedLink = parts(root, 'a.update-components-mini-update-v2__link-to-details-page[href], a[href*="/feed/update/urn:li:activity:"]', 'quoted')[0];
  let quotedUrl: string | undefined;
  try {
    const href = quotedLink?.getAttribute('href');
    const q = href ? new URL(href, ORIGIN) : undefined;
    const qm = q && /\/feed\/update\/(urn:li:activity:\d+)/.exec(q.pathname);
    quotedUrl = qm ? `${ORIGIN}/feed/update/${qm[1]}/` : undefined;
  } catch {
    quotedUrl = undefined;
  }
  // A repost whose original is gone shows a tombstone with neither author nor text: no quote to keep.
  const quoted = quotedAuthor || quotedText ? { author: quotedAuthor?.handle, text: quotedText, url: quotedUrl } : undefined;
  return parsePost({
    platform: 'linkedin',
    id: `urn:li:activity:${m[1]}`,
    url: postUrl(m[1]!),
    author,
    text: postText(root, 'own'),
    publishedAt: timeOfId(m[1]!),
    quoted,
    isReply: false,
  });
}

function readComment(root: Element): Post | undefined {
  const urn = root.getAttribute('data-id') ?? '';
  const m = COMMENT_URN.exec(urn);
  if (!m) return undefined;
  const author = commentAuthor(root);
  if (!author) return undefined;
  const body = parts(root, '.comments-comment-item__main-content', 'own')[0];
  if (!body) return undefined;
  const post = enclosingPost(root);
  const postId = post?.getAttribute('data-urn') ?? undefined;
  // A reply is nested in its parent comment's article; LinkedIn links it as ?commentUrn=<parent>&replyUrn=<reply>.
  const parent = root.parentElement?.closest(COMMENT) ?? undefined;
  const parentUrn = parent?.getAttribute('data-id') ?? undefined;
  const inReplyTo = parent ? commentAuthor(parent)?.handle : post ? actorOf(post, 'own')?.handle : undefined;
  const thread = `${ORIGIN}/feed/update/urn:li:${m[1]}:${m[2]}`;
  const url = parentUrn && COMMENT_URN.test(parentUrn)
    ? `${thread}?commentUrn=${encodeUrn(parentUrn)}&replyUrn=${encodeUrn(urn)}`
    : `${thread}?commentUrn=${encodeUrn(urn)}`;
  return parsePost({
    platform: 'linkedin',
    id: urn,
    url,
    author,
    text: textOf(body),
    publishedAt: timeOfId(m[3]!),
    isReply: true,
    inReplyTo,
    threadId: postId && ACTIVITY_URN.test(postId) ? postId : `urn:li:${m[1]}:${m[2]}`,
  });
}

export const linkedin: SiteAdapter = defineAdapter({
  id: 'linkedin',
  platform: 'linkedin',
  matches: ['https://www.linkedin.com/*'],
  postSelector: `${POST}, ${COMMENT}`,

  getPostId(root) {
    if (isComment(root)) {
      const urn = root.getAttribute('data-id') ?? '';
      return COMMENT_URN.test(urn) ? urn : undefined;
    }
    const m = ACTIVITY_URN.exec(root.getAttribute('data-urn') ?? '');
    return m ? `urn:li:activity:${m[1]}` : undefined;
  },

  peek(root) {
    // Undefined until the root can be read (a placeholder is read again once LinkedIn fills it).
    if (isComment(root)) {
      if (!COMMENT_URN.test(root.getAttribute('data-id') ?? '')) return undefined;
      const author = commentAuthor(root);
      const body = parts(root, '.comments-comment-item__main-content', 'own')[0];
      return author && body ? { text: textOf(body), authorHandle: author.handle } : undefined;
    }
    if (!ACTIVITY_URN.test(root.getAttribute('data-urn') ?? '')) return undefined;
    const author = actorOf(root, 'own');
    // A repost's original counts as a mention too.
    return author ? { text: [postText(root, 'own'), postText(root, 'quoted')].filter(Boolean).join('\n'), authorHandle: author.handle } : undefined;
  },

  extractPost(root) {
    return isComment(root) ? readComment(root) : readPost(root);
  },

  overlayAnchor(root) {
    if (isComment(root)) {
      return parts(root, '.comments-comment-meta__container, .comments-post-meta', 'own')[0] ?? root;
    }
    return parts(root, '.update-components-actor__meta', 'own')[0] ?? parts(root, '.update-components-actor', 'own')[0] ?? root;
  },

  findReplyBox(root) {
    const editors = (scope: Element) =>
      [...scope.querySelectorAll<HTMLElement>('.ql-editor[contenteditable="true"]')].filter((el) => el.closest('form.comments-comment-box__form, .comments-comment-box'));
    if (isComment(root)) {
      // Replies open one composer per thread, inside the top-level comment's article.
      let thread: Element = root;
      for (let up = root.parentElement?.closest(COMMENT_ARTICLE); up; up = up.parentElement?.closest(COMMENT_ARTICLE)) thread = up;
      return editors(thread)[0];
    }
    // The post's own composer, not a reply composer open inside one of its comments.
    return editors(root).find((el) => !el.closest(COMMENT_ARTICLE));
  },
});
