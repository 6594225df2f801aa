import { parsePost, type Post } from '../../schemas/post';
import { oneLine, readableText } from '../../dom/readable-text';
import type { Peek } from '../types';
import { COMMENT_URN, commentId, encodeUrn, postUrl, profile, timeOfId, withQuotes } from './common';

// A post's page as LinkedIn serves it to a reader logged out (www.linkedin.com/posts/<slug>-activity-<id>-<x>, the
// page a shared link opens; server-rendered, the same markup for years; checked against such a page saved in January
// 2026): the post is article[data-activity-urn="urn:li:activity:<id>"] (its main-feed-activity-card classes aside);
// its author the link whose data-tracking-control-name ends in "_feed-actor-name" (public_post_feed-actor-name); its
// words p[data-test-id="main-feed-activity-card__commentary"] (white-space: pre-wrap, links as their shown text);
// its time only a rounded label ("1w"), but its id tells it. Its first comments are section.comment inside it: the
// author's link "…_comment_actor-name", the words p.comment__text, and the comment's URN only in its "Report this
// comment" menu item (data-semaphore-content-urn="urn:li:comment:(urn:li:ugcPost:<post>,<comment>)"). A reader logged
// out cannot answer: the page's Comment and Reply lead to a sign-up, and no reply box is offered.
// A reshare holds the post it shares as an element of its own, [data-test-id="feed-reshare-content"] (itself an
// article[data-activity-urn]), with its author's block ([data-test-id="feed-reshare-content__entity-lockup"]: the avatar's
// link, then the name's) and words ([data-test-id="feed-reshare-content__commentary"]); a repost without words of its
// own shows the original under a "… reposted this" header and is that post (data-featured-activity-urn). (A reshare as a
// real page of May 2026 shows it, among the related posts under a post; the repost as other readers of these pages
// describe it, not yet seen in a capture.) A company's page seen logged out lists its posts the same way
// (section[data-test-id="updates"] li > article[data-activity-urn], its author's link "…_main-feed-card_feed-actor-name").
const RESHARE = '[data-test-id="feed-reshare-content"]';
const POST = `article[data-activity-urn]:not(${RESHARE})`;
const COMMENT = 'section.comment';
export const GUEST_ROOTS = `${POST}, ${COMMENT}`;
const ACTIVITY_URN = /^urn:li:activity:(\d{6,25})$/;
const POST_ACTOR = 'a[data-tracking-control-name$="_feed-actor-name"]';
const COMMENT_ACTOR = 'a[data-tracking-control-name$="_comment_actor-name"]';
const POST_TEXT = '[data-test-id="main-feed-activity-card__commentary"]';
const COMMENT_TEXT = '.comment__text';
const REPORTED_URN = '[data-semaphore-content-urn]';

export const isGuestRoot = (root: Element) => root.matches(GUEST_ROOTS);
const isGuestComment = (root: Element) => root.matches(COMMENT);

/** The first element of `root` matching `selector` that is its own: not a comment's inside it, nor the shared post's. */
function own(root: Element, selector: string): Element | undefined {
  return [...root.querySelectorAll(selector)].find((el) => el.parentElement?.closest(GUEST_ROOTS) === root && !el.closest(RESHARE));
}

const activityOf = (el: Element, attribute: string) => ACTIVITY_URN.exec(el.getAttribute(attribute) ?? '')?.[1];

function postOf(root: Element): { el: Element; id: string } | undefined {
  const el = isGuestComment(root) ? root.closest(POST) : root;
  if (!el) return undefined;
  // A repost without words of its own is the post it shows.
  const repost = !el.querySelector(RESHARE) && el.querySelector('[data-test-id="main-feed-activity-card__header"]');
  const id = (repost ? activityOf(el, 'data-featured-activity-urn') : undefined) ?? activityOf(el, 'data-activity-urn');
  return id ? { el, id } : undefined;
}

/** The post a reshare shares: its author (the name's link in its block), words and address. */
function sharedOf(post: Element): Post['quoted'] {
  const shared = post.querySelector(RESHARE);
  if (!shared) return undefined;
  const names = [...shared.querySelectorAll('[data-test-id="feed-reshare-content__entity-lockup"] a[href]')].filter((a) => (a.textContent ?? '').trim());
  const author = names.length ? profile(names[0]!.getAttribute('href'))?.handle : undefined;
  const words = shared.querySelector('[data-test-id="feed-reshare-content__commentary"]');
  const id = activityOf(shared, 'data-activity-urn');
  return { author, text: words ? readableText(words) : '', url: id ? postUrl({ type: 'activity', id }) : undefined };
}

function authorOf(root: Element): { handle: string; profileUrl: string; name?: string } | undefined {
  const link = own(root, isGuestComment(root) ? COMMENT_ACTOR : POST_ACTOR);
  const person = link && profile(link.getAttribute('href'));
  if (!person) return undefined;
  const name = oneLine(link.textContent);
  return name ? { ...person, name } : person;
}

/** A comment's URN parts: its post as the page names it, and its own number. */
function commentUrn(root: Element): { urn: string; own: string } | undefined {
  const urn = own(root, REPORTED_URN)?.getAttribute('data-semaphore-content-urn') ?? '';
  const m = COMMENT_URN.exec(urn);
  return m ? { urn, own: m[3]! } : undefined;
}

function textOf(root: Element): string | undefined {
  const el = own(root, isGuestComment(root) ? COMMENT_TEXT : POST_TEXT);
  // A reshare may add no words of its own.
  return el ? readableText(el) : !isGuestComment(root) && root.querySelector(RESHARE) ? '' : undefined;
}

export function guestPostId(root: Element): string | undefined {
  if (!isGuestComment(root)) {
    const post = postOf(root);
    return post && `urn:li:activity:${post.id}`;
  }
  const urn = commentUrn(root);
  return urn && commentId(urn.own);
}

export function peekGuest(root: Element): Peek | undefined {
  const author = authorOf(root);
  const text = textOf(root);
  if (!author || text === undefined || !guestPostId(root)) return undefined;
  const shared = isGuestComment(root) ? undefined : sharedOf(root);
  return withQuotes({ text: [text, shared?.text].filter(Boolean).join('\n'), authorHandle: author.handle }, shared?.author);
}

export function readGuest(root: Element): Post | undefined {
  const post = postOf(root);
  const author = authorOf(root);
  const text = textOf(root);
  if (!post || !author || text === undefined) return undefined;
  const thread = { type: 'activity', id: post.id };
  if (!isGuestComment(root)) {
    return parsePost({
      platform: 'linkedin',
      id: `urn:li:activity:${post.id}`,
      url: postUrl(thread),
      author,
      text,
      publishedAt: timeOfId(post.id),
      quoted: sharedOf(root),
      isReply: false,
    });
  }
  const urn = commentUrn(root);
  if (!urn) return undefined;
  // A reply shown under the comment it answers answers that comment's author; a comment, the post's.
  const parent = root.parentElement?.closest(COMMENT);
  const answered = parent && post.el.contains(parent) ? authorOf(parent) : authorOf(post.el);
  return parsePost({
    platform: 'linkedin',
    id: commentId(urn.own),
    url: `${postUrl(thread).replace(/\/$/, '')}?commentUrn=${encodeUrn(urn.urn)}`,
    author,
    text,
    publishedAt: timeOfId(urn.own),
    isReply: true,
    inReplyTo: answered?.handle,
    threadId: `urn:li:activity:${post.id}`,
  });
}

/** Beside the author's name. */
export function guestAnchor(root: Element): Element | undefined {
  return own(root, isGuestComment(root) ? COMMENT_ACTOR : POST_ACTOR)?.parentElement ?? undefined;
}
