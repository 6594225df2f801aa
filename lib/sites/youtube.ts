import { parsePost, type Post } from '../schemas/post';
import { readableText } from '../dom/readable-text';
import { contentKey } from '../hash';
import { labelTime, relativeTime } from './common/relative-time';
import { threadReplyTarget } from './common/thread-replies';
import { defineAdapter, type SiteAdapter } from './types';

// YouTube (Polymer) renders a comment as <ytd-comment-view-model> (older builds: <ytd-comment-renderer>)
// with #author-text (href /@handle or /channel/UC…), #content-text (yt-attributed-string or
// yt-formatted-string; emoji as <img alt>) and #published-time-text a[href*="lc="] whose lc parameter is
// the comment id and whose v parameter is the video. A comment by the channel owner hides #author-text
// and shows ytd-author-comment-badge-renderer a#name instead. A thread is ytd-comment-thread-renderer:
// its top comment (#comment) and the replies under ytd-comment-replies-renderer, each its own comment
// element, so the thread renderer itself is never a root. The reply box is a ytd-commentbox with a
// contenteditable #contenteditable-root inside the comment's own #reply-dialog. Where an outside audit's
// modelled pages (not yet seen on a saved page) show a comment's time as plain text, its id is read from its
// own other lc= link; where #author-text links nowhere, its author from its own #author-thumbnail link.
// Times are shown relative ("3 days ago", "vor 2 Tagen", "1 day ago (edited)") and read as approximate
// publishedAt (common/relative-time), for comments and posts alike; a repost's "shared …" is not read.
// Community posts are <ytd-backstage-post-renderer> on a channel's Posts tab and <ytd-post-renderer> in
// the home feed's post shelves, both with #author-text, #content-text, a #published-time-text link to
// /post/<id> and an optional #content-attachment (a shared video is kept apart as `quoted`). A repost is a
// <ytd-shared-post-renderer>: the reposter's part, div#repost-context (#repost-author-text, a
// #repost-published-time-text link to the repost, #repost-content-text), and the original post nested in it,
// kept apart as `quoted` and read as a post of its own too (adamlui/youtube-classic's style-scope selectors,
// 2026; community-tab scrapers). On the
// mobile site a post is <ytm-backstage-post-renderer>: its yt-post-header links the author (/@handle)
// and, in .ytPostHeaderHostPublishedTimeText, the post (/post/<id>); the text is
// .ytmBackstagePostRendererHostContentText (FilterTube's capture of a mobile home feed, 2026).
// The mobile site (m.youtube.com) opens comments in an engagement panel
// (ytm-engagement-panel-section-list-renderer.engagement-panel-comments-section, its lists lazy-list
// elements) and renders each comment as <ytm-comment-renderer>: an avatar link
// a.YtmCommentRendererIconContainer (href /@handle or /channel/UC…) is the author, then a
// button.YtmCommentRendererContent holding .YtmCommentRendererHeader (span.YtmCommentRendererTitle,
// the @handle as shown) and p.YtmCommentRendererText (yt-core-attributed-string spans, links and emoji
// images); .YtmCommentRendererDetails is the row of likes, Reply and the menu. Older mobile builds use
// a.comment-icon-container, .comment-header .comment-title and .comment-text. The comment id is read
// as on desktop, from an lc= link in the comment's own header; the mobile page's data gives a
// comment's time no link (FilterTube's capture of a 2026 mobile response), so a comment without
// one gets an id made from its video, author and text, and the video as its permalink. A
// thread is ytm-comment-thread-renderer: its top comment, then the replies under
// ytm-comment-replies-renderer, each its own ytm-comment-renderer, so the thread is never a root. The
// video's channel is ytm-slim-owner-renderer's link, read for the video the page's address names. The
// reply box is a textarea in a <dialog> the page opens outside the comment and that names no comment,
// so a mobile comment gives no reply box unless one sits inside it.
// A video is a post of its channel. On a watch page it is ytd-watch-metadata[video-id]: #title h1, the owner in
// #owner ytd-video-owner-renderer, the info line (ytd-watch-info-text #info spans: views, the age) and the
// description in #description-inline-expander, which shows its first lines only (#snippet) until expanded
// (#expanded); the whole of it is in the hidden description panel. Listed (search results, history), it is a
// ytd-video-renderer: a#video-title (its title attribute) linking /watch?v=<id> or /shorts/<id>, #metadata-line
// spans, the channel in #channel-info (a hidden copy sits in #byline-container) and the first shown
// .metadata-snippet-text (x10tube's rendered search and watch pages, January 2026). On m.youtube.com the watch page's
// video is ytm-slim-video-metadata-section-renderer (its title, the owner row) and a search result a
// ytm-video-with-context-renderer or ytm-compact-video-renderer inside ytm-search (MOBILE). The short on show is its
// metadata panel, yt-reel-metapanel-view-model in ytd-reel-video-renderer[is-active]: its channel bar and its title
// (yt-shorts-video-title-view-model h2), the short named by the address. The page YouTube has left stays
// in the document, hidden (ytd-search[hidden] under a watch page): its videos are not read.
// Renderers are recycled and filled in after they are attached: until then they have no links and no
// text, and are skipped.
// A top-level comment answers whoever posted what it is under. On a watch page that is the owner in
// ytd-video-owner-renderer: ytd-channel-name's link, or for a collaboration, where that name is hidden or
// links nowhere, the first link of #attributed-channel-name (only the first collaborator has one there;
// dataforgoodfr/14_BalanceTesHaters scrapYoutubeVideoAuthor.ts, FilterTube's notes, 2026). YouTube keeps a
// watch page it has left in the page, hidden, so only ytd-watch-flexy:not([hidden]) is read (as Ghostery and
// other maintained extensions scope it), and only for the video it shows (its video-id). On a short
// (/shorts/<id>) it is the channel bar of the short on show, ytd-reel-video-renderer[is-active]
// yt-reel-channel-bar-view-model (Selenium paths of 2024-kakao-metacog/Youtube-Crawling). Under a community
// post it is the author of that post, found on the page by its own link. Where none of these can be read,
// the comment answers no one in particular.
const ORIGIN = 'https://www.youtube.com';
const MOBILE_COMMENT = 'ytm-comment-renderer';
const COMMENT = `ytd-comment-view-model, ytd-comment-renderer, ${MOBILE_COMMENT}`;
const MOBILE_POST = 'ytm-backstage-post-renderer';
/** A repost: the reposter's part (#repost-context) and the original post, nested (none when it was deleted). */
const SHARED_POST = 'ytd-shared-post-renderer';
const POST = `ytd-backstage-post-renderer, ytd-post-renderer, ${SHARED_POST}, ${MOBILE_POST}`;
/**
 * A video, read as a post of its channel: on a watch page its metadata block, ytd-watch-metadata (title, owner,
 * description, info line); listed (search results, history and subscription lists), a ytd-video-renderer.
 */
const WATCH_VIDEO = 'ytd-watch-metadata';
const LISTED_VIDEO = 'ytd-video-renderer';
/** On m.youtube.com: the watch page's metadata section (title, channel), and a search result's card. */
const MOBILE_WATCH_VIDEO = 'ytm-slim-video-metadata-section-renderer';
const MOBILE_LISTED_VIDEO = ['ytm-video-with-context-renderer', 'ytm-compact-video-renderer'];
/** A short on show (/shorts/<id>): the metadata panel over its player (its channel bar, its title). */
const SHORT_VIDEO = 'yt-reel-metapanel-view-model';
/**
 * Listed videos are the items of a list (search results' #contents, a shelf's #items, history): not a video a
 * community post shares (in its #content-attachment), which is read as what the post quotes.
 */
const LISTED_ROOT = `#contents > ${LISTED_VIDEO}, #items > ${LISTED_VIDEO}`;
const VIDEO = `${WATCH_VIDEO}, ${LISTED_ROOT}, ${MOBILE_WATCH_VIDEO}, ${MOBILE_LISTED_VIDEO.map((v) => `ytm-search ${v}`).join(', ')}, ytd-reel-video-renderer[is-active] ${SHORT_VIDEO}`;
const ROOT = `${COMMENT}, ${POST}, ${VIDEO}`;
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
// Real comment and post ids are some 26 and 36 characters long; an id is only read from the comment's or
// post's own link, so a shorter one (down to 4) is still its own.
const COMMENT_ID = /^[A-Za-z0-9_-]{4,60}(?:\.[A-Za-z0-9_-]{4,40})?$/;
const POST_ID = /^Ug[A-Za-z0-9_-]{2,60}$/;

const isComment = (root: Element) => root.matches(COMMENT);
/** What kind of video a root is, if it is one: on a watch page or listed, on the desktop or the mobile site. */
type VideoKind = 'watch' | 'listed' | 'mobileWatch' | 'mobileListed' | 'short';
function videoKind(root: Element): VideoKind | undefined {
  const name = root.localName;
  if (name === WATCH_VIDEO) return 'watch';
  if (name === SHORT_VIDEO) return 'short';
  if (name === LISTED_VIDEO) return 'listed';
  if (name === MOBILE_WATCH_VIDEO) return 'mobileWatch';
  return MOBILE_LISTED_VIDEO.includes(name) ? 'mobileListed' : undefined;
}
const isVideo = (root: Element) => videoKind(root) !== undefined;
const isMobile = (root: Element) => root.localName === MOBILE_COMMENT;
const isMobilePost = (root: Element) => root.localName === MOBILE_POST;
const isShared = (root: Element) => root.localName === SHARED_POST;

/** Where each kind of comment keeps its parts, desktop then mobile (current, then older builds). */
const DESKTOP_TIME_LINK = '#published-time-text a[href], .published-time-text a[href]';
const TIME_LINK = {
  desktop: DESKTOP_TIME_LINK,
  mobile: '.YtmCommentRendererHeader a[href*="lc="], .comment-header a[href*="lc="]',
  mobilePost: '.ytPostHeaderHostPublishedTimeText a[href]',
  /** A community post's own link: its time, or (posts sharing an upload, as scrapers of the Posts tab read it) #video-time-text. */
  post: `${DESKTOP_TIME_LINK}, #video-time-text a[href*="/post/"]`,
  /** A repost's own link: its "shared 2 hours ago". */
  shared: '#repost-context #repost-published-time-text a[href]',
};
/**
 * Where each kind of root shows when it was posted, "3 days ago" (a repost's "shared 2 hours ago" is not read):
 * a desktop comment's #published-time-text, with or without its link; a post's, or the #video-time-text that
 * links it; a mobile comment's header beside its title; a mobile post's header.
 */
const TIME = {
  desktop: '#published-time-text, .published-time-text',
  post: '#published-time-text, #video-time-text',
  mobile: '.YtmCommentRendererHeader > :not(.YtmCommentRendererTitle), .comment-header > :not(.comment-title)',
  mobilePost: '.ytPostHeaderHostPublishedTimeText',
};
/** The reposter of a repost: a link to their channel. */
const REPOSTER = '#repost-context a#repost-author-text[href], #repost-context #repost-author-text a[href]';
/**
 * A video a community post shares: in its attachment, or in the slot every post holds for an upload (hidden
 * and empty unless the post has one).
 */
const SHARED_VIDEO = '#content-attachment ytd-video-renderer, ytd-post-uploaded-video-renderer:not([hidden])';
const TEXT = { desktop: '#content-text', mobile: '.YtmCommentRendererText, .comment-text', mobilePost: '.ytmBackstagePostRendererHostContentText' };
const MOBILE_POST_AUTHOR = 'yt-post-header a[href^="/@"], yt-post-header a[href^="/channel/"]';
const MOBILE_AUTHOR = 'a.YtmCommentRendererIconContainer[href], a.comment-icon-container[href]';
const MOBILE_TITLE = '.YtmCommentRendererTitle, .comment-title';
const REPLIES = 'ytd-comment-replies-renderer, ytm-comment-replies-renderer';

/** The first element matching `selector` that belongs to `root`, not to a comment or post inside it. */
function own(root: Element, selector: string): Element | undefined {
  for (const el of root.querySelectorAll(selector)) if (el.parentElement?.closest(ROOT) === root) return el;
  return undefined;
}

function youtubeUrl(href: string | null | undefined): URL | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, ORIGIN);
    return /(^|\.)youtube\.com$/.test(url.hostname) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The short an address shows (/shorts/<id>). */
function shortOf(url: URL | undefined): string | undefined {
  return /^\/shorts\/([^/?#]+)/.exec(url?.pathname ?? '')?.[1];
}

/** The watch page on show: one YouTube has left stays in the page, hidden. */
const WATCH_PAGE = 'ytd-watch-flexy:not([hidden])';

/** The video a page is about: its watch-page element, else its URL. */
function pageVideo(doc: Document): string | undefined {
  const attr = doc.querySelector(`${WATCH_PAGE}[video-id]`)?.getAttribute('video-id');
  if (attr && VIDEO_ID.test(attr)) return attr;
  const url = youtubeUrl(doc.location?.href);
  const v = url?.searchParams.get('v') ?? shortOf(url);
  return v && VIDEO_ID.test(v) ? v : undefined;
}

interface Link {
  id: string;
  url: string;
  threadId: string;
  /** Whether the thread is a community post's (else a video's). */
  onPost: boolean;
}

/**
 * A desktop comment's own link naming it (lc=<id>): its time's; where its time is plain text, another in the
 * comment (never one in its text, which may link another comment, nor one in a reply inside it).
 */
function commentLink(root: Element): Element | undefined {
  const time = own(root, TIME_LINK.desktop);
  if (time?.getAttribute('href')?.includes('lc=')) return time;
  for (const a of root.querySelectorAll('a[href*="lc="]')) if (a.parentElement?.closest(ROOT) === root && !a.closest('#content-text')) return a;
  return undefined;
}

/** Id, permalink and thread (video or community post) from the root's own time link. */
function permalink(root: Element): Link | undefined {
  const selector = isMobile(root)
    ? TIME_LINK.mobile
    : isMobilePost(root)
      ? TIME_LINK.mobilePost
      : isShared(root)
        ? TIME_LINK.shared
        : isComment(root)
          ? TIME_LINK.desktop
          : TIME_LINK.post;
  const url = youtubeUrl((selector === TIME_LINK.desktop ? commentLink(root) : own(root, selector))?.getAttribute('href'));
  if (!url) return undefined;
  const postId = /^\/post\/([^/?#]+)/.exec(url.pathname)?.[1];
  if (!isComment(root)) {
    return postId && POST_ID.test(postId) ? { id: postId, url: `${ORIGIN}/post/${postId}`, threadId: postId, onPost: true } : undefined;
  }
  const lc = url.searchParams.get('lc');
  if (!lc || !COMMENT_ID.test(lc)) return undefined;
  if (postId && POST_ID.test(postId)) return { id: lc, url: `${ORIGIN}/post/${postId}?lc=${lc}`, threadId: postId, onPost: true };
  const v = url.searchParams.get('v') ?? shortOf(url) ?? pageVideo(root.ownerDocument);
  if (!v || !VIDEO_ID.test(v)) return undefined;
  return { id: lc, url: `${ORIGIN}/watch?v=${v}&lc=${lc}`, threadId: v, onPost: false };
}

/** A channel's handle (without @; its channel id when it has no handle) and page, from a link to it. */
function channelOf(href: string | null | undefined): { handle: string; profileUrl: string } | undefined {
  const url = youtubeUrl(href);
  if (!url) return undefined;
  const handle = /^\/@([^/?#]+)/.exec(url.pathname)?.[1];
  if (handle) {
    try {
      const decoded = decodeURIComponent(handle);
      return { handle: decoded, profileUrl: `${ORIGIN}/@${handle}` };
    } catch {
      return undefined;
    }
  }
  const channel = /^\/channel\/(UC[A-Za-z0-9_-]{22})(?:[/?#]|$)/.exec(url.pathname)?.[1];
  if (channel) return { handle: channel, profileUrl: `${ORIGIN}/channel/${channel}` };
  // A channel's address from before handles (2022): its legacy username (/user/<name>) or custom name (/c/<name>),
  // which YouTube still links on older pages and embeds; the handle it was given is most often the same name.
  const legacy = /^\/(user|c)\/([A-Za-z0-9_.-]+)\/?$/.exec(url.pathname);
  return legacy ? { handle: legacy[2]!, profileUrl: `${ORIGIN}/${legacy[1]}/${legacy[2]}` } : undefined;
}

/** An author: their channel, and as their name what `shown` shows unless that is only the handle. */
function authorShown(channel: { handle: string; profileUrl: string }, shown: Element | null | undefined): Post['author'] {
  const label = shown ? readableText(shown).trim() : '';
  const name = label && label !== `@${channel.handle}` && label !== channel.handle ? label : undefined;
  return { handle: channel.handle, name, profileUrl: channel.profileUrl };
}

function authorOf(root: Element): Post['author'] | undefined {
  if (isShared(root)) {
    const link = own(root, REPOSTER);
    const channel = channelOf(link?.getAttribute('href'));
    return link && channel ? authorShown(channel, link) : undefined;
  }
  if (isMobilePost(root)) {
    const channel = channelOf(own(root, MOBILE_POST_AUTHOR)?.getAttribute('href'));
    return channel && authorShown(channel, own(root, '.ytPostHeaderHostAuthorText'));
  }
  if (isMobile(root)) {
    // The avatar is the author link; the title beside it shows the @handle (or a name).
    const channel = channelOf(own(root, MOBILE_AUTHOR)?.getAttribute('href'));
    return channel && authorShown(channel, own(root, MOBILE_TITLE));
  }
  // A comment by the channel owner hides #author-text and names the author in a badge.
  const plain = own(root, '#author-text[href]');
  const link = plain && !plain.hasAttribute('hidden') ? plain : own(root, 'ytd-author-comment-badge-renderer a[href]');
  const channel = channelOf(link?.getAttribute('href'));
  if (link && channel) return authorShown(channel, link.querySelector('#text') ?? link);
  // Where #author-text links nowhere, the comment's own avatar links its author (not the reader's avatar in a
  // reply box open inside it); the name is still #author-text's.
  const avatar = [...root.querySelectorAll('#author-thumbnail a[href]')].find((a) => a.parentElement?.closest(ROOT) === root && !a.closest('ytd-commentbox, #reply-dialog'));
  const byAvatar = channelOf(avatar?.getAttribute('href'));
  if (link) return undefined;
  const shown = own(root, '#author-text');
  if (byAvatar) return authorShown(byAvatar, shown);
  // Where nothing links a comment's author, the @handle its #author-text shows (YouTube has shown commenters by
  // handle since 2023; a post's shows the channel's name, which may begin with "@" as well).
  const handle = shown && isComment(root) && !shown.hasAttribute('hidden') && SHOWN_HANDLE.exec(readableText(shown).trim())?.[1];
  return handle ? { handle, profileUrl: `${ORIGIN}/@${encodeURIComponent(handle)}` } : undefined;
}

/** A handle as YouTube shows it: 3–30 letters (any script), digits, underscores, hyphens, periods and middle dots. */
const SHOWN_HANDLE = /^@([\p{L}\p{M}\p{N}_.·-]{3,30})$/u;

/**
 * When a comment or post was posted, from the relative time it shows (the first of its own that is one; never a
 * shared video's); none for a repost (see TIME).
 */
function publishedAt(root: Element): string | undefined {
  if (isShared(root)) return undefined;
  const selector = isMobile(root) ? TIME.mobile : isMobilePost(root) ? TIME.mobilePost : isComment(root) ? TIME.desktop : TIME.post;
  for (const shown of root.querySelectorAll(selector)) {
    const video = shown.closest('#content-attachment, ytd-post-uploaded-video-renderer');
    if (shown.parentElement?.closest(ROOT) !== root || (video && root.contains(video))) continue;
    const at = relativeTime(shown.textContent ?? '');
    if (at) return at;
  }
  return undefined;
}

/** A comment's own text element. */
function commentText(root: Element): Element | undefined {
  return own(root, isMobile(root) ? TEXT.mobile : TEXT.desktop);
}

function ownText(root: Element): string {
  const el = isComment(root)
    ? commentText(root)
    : isMobilePost(root)
      ? own(root, TEXT.mobilePost)
      : isShared(root)
        ? own(root, '#repost-context #repost-content-text')
        : [...root.querySelectorAll('#content-text')].find((e) => !e.closest('#content-attachment, ytd-post-uploaded-video-renderer') && e.parentElement?.closest(ROOT) === root);
  const text = el ? readableText(el) : '';
  if (isComment(root)) return text;
  // A poll's choices are what the post asks its readers ("Acme Air Lounge LIS"): a line each, after its question.
  const choices = [...root.querySelectorAll(POLL_CHOICE)].filter((c) => c.parentElement?.closest(ROOT) === root).map((c) => readableText(c)).filter(Boolean);
  return choices.length ? [text, ...choices].filter(Boolean).join('\n') : text;
}

/** A choice of a community post's poll (ytd-backstage-poll-renderer, in the post's #content-attachment). */
const POLL_CHOICE = 'ytd-backstage-poll-renderer :is(.choice-text, #choice-text)';

/** The renderer of a video shared in a community post. */
function sharedVideoRenderer(root: Element): Element | undefined {
  return isComment(root) ? undefined : own(root, SHARED_VIDEO);
}

/** The title of a shared video, which is what the post shows of it. */
function videoTitle(video: Element): string {
  const title = video.querySelector('#video-title');
  return title ? (title.getAttribute('title') ?? readableText(title)).trim() : '';
}

/** A video shared in a community post. */
function sharedVideo(root: Element): Post['quoted'] {
  const video = sharedVideoRenderer(root);
  if (!video) return undefined;
  const titleLink = video.querySelector('a#video-title[href], #video-title-link[href], a#thumbnail[href]');
  const v = youtubeUrl(titleLink?.getAttribute('href'))?.searchParams.get('v');
  const channel = video.querySelector('ytd-channel-name a[href], #channel-name a[href]');
  return {
    author: channelOf(channel?.getAttribute('href'))?.handle,
    text: videoTitle(video),
    url: v && VIDEO_ID.test(v) ? `${ORIGIN}/watch?v=${v}` : undefined,
  };
}

/** The post a repost shares, as read on its own (none when the original was deleted or is not filled in yet). */
function repostedPost(root: Element): Post['quoted'] {
  const original = isShared(root) ? own(root, 'ytd-post-renderer, ytd-backstage-post-renderer') : undefined;
  const read = original && readable(original);
  return read ? { author: read.author.handle, text: read.text, url: read.link.url } : undefined;
}

/** A comment in a thread's replies (not a top-level comment). */
const isReplyComment = (root: Element) => root.hasAttribute('is-reply') || Boolean(root.closest(REPLIES));

/** A thread's own comment: the first one in it that is not among its replies. */
function threadComment(thread: Element): Element | undefined {
  // It comes first in page order, ahead of the replies (so one look, not a walk through a long thread).
  const comment = thread.querySelector(COMMENT);
  const replies = comment?.closest(REPLIES);
  return comment && !(replies && thread.contains(replies)) ? comment : undefined;
}

/** Whom a comment answers: an @mention it opens with, else the thread's top comment, else the owner of what it is under. */
function replyTarget(root: Element, isReply: boolean, under: Link): string | undefined {
  const text = commentText(root);
  const first = text ? [...text.querySelectorAll('a[href]')].find((a) => (a.textContent ?? '').trim().startsWith('@')) : undefined;
  if (isReply && first && text && readableText(text).startsWith((first.textContent ?? '').trim())) {
    // The mention's text is the @handle; its link may be a /channel/UC… id instead.
    const shown = /^@([A-Za-z0-9._-]{3,30})$/.exec((first.textContent ?? '').trim())?.[1];
    return shown ?? channelOf(first.getAttribute('href'))?.handle;
  }
  if (isReply) {
    // The thread holding the replies the comment is in; its own comment, ahead of the replies, is the one
    // answered. In the nested layout (2026) every reply is a thread of its own inside the sub-thread of
    // the comment it answers, so the thread around the reply's replies renderer is that comment's.
    const replies = root.closest(REPLIES);
    const thread = replies?.parentElement?.closest(isMobile(root) ? 'ytm-comment-thread-renderer' : 'ytd-comment-thread-renderer');
    const top = thread ? threadComment(thread) : undefined;
    const opener = top && top !== root ? authorOf(top)?.handle : undefined;
    // (The thread's own commenter replying there: the last other one who replied, "please DM us", then "still
    // waiting, 3 hours now"; its replies are the comments its replies renderer holds directly.)
    const own = authorOf(root)?.handle;
    if (!replies || !own) return opener;
    return threadReplyTarget(opener, { root, author: own }, () => replies.querySelectorAll(ROOT), (other) =>
      other.closest(REPLIES) === replies && !other.contains(root) ? authorOf(other)?.handle : undefined,
    );
  }
  // A top-level comment answers the video or post, that is its owner (unless the owner itself wrote it).
  const owner = threadOwner(root.ownerDocument, under.threadId, under.onPost);
  return owner && owner !== authorOf(root)?.handle ? owner : undefined;
}

/** The channel of the video a watch page shows, by its name. */
const WATCH_OWNER = 'ytd-watch-metadata #owner ytd-channel-name:not([hidden]) a[href], ytd-video-owner-renderer ytd-channel-name:not([hidden]) a[href]';
/** A collaboration's channels, the first of them linked. */
const WATCH_COLLABORATORS = 'ytd-watch-metadata #owner #attributed-channel-name:not([hidden]) a[href], ytd-video-owner-renderer #attributed-channel-name:not([hidden]) a[href]';
/** The channel of the short on show. */
const SHORT_OWNER = 'ytd-reel-video-renderer[is-active] yt-reel-channel-bar-view-model a[href^="/@"], ytd-reel-video-renderer[is-active] yt-reel-channel-bar-view-model a[href^="/channel/"]';

/** The author of a community post on the page, known by its own link (a repost's original by the original's). */
function postAuthor(doc: Document, id: string): string | undefined {
  const links = doc.querySelectorAll(POST.split(', ').map((p) => `${p} a[href*="/post/${id}"]`).join(', '));
  for (const link of links) {
    const post = link.closest(POST);
    if (post && permalink(post)?.id === id) return authorOf(post)?.handle;
  }
  return undefined;
}

/**
 * The owner of the video or post a thread is under, as the page shows it; `short` when read from a short's
 * channel bar, which can lag behind the short on show as one scrolls.
 */
function readOwner(doc: Document, thread: string, onPost: boolean): { owner: string | undefined; short?: boolean } {
  if (onPost) return { owner: postAuthor(doc, thread) };
  const url = youtubeUrl(doc.location?.href);
  const short = shortOf(url);
  if (short) return { owner: short === thread ? channelOf(doc.querySelector(SHORT_OWNER)?.getAttribute('href'))?.handle : undefined, short: true };
  const watch = doc.querySelector(WATCH_PAGE);
  if (watch) {
    // The watch page names the video it shows; one that names another has moved on (a page that names none is read).
    const shows = watch.getAttribute('video-id');
    if (shows && shows !== thread) return { owner: undefined };
    // (Its video block still showing the last video: its owner is not yet this one's.)
    const block = watch.querySelector(`${WATCH_VIDEO}[video-id]`)?.getAttribute('video-id');
    if (block && shows && block !== shows) return { owner: undefined };
    const link = watch.querySelector(WATCH_OWNER) ?? watch.querySelector(WATCH_COLLABORATORS);
    return { owner: channelOf(link?.getAttribute('href'))?.handle };
  }
  // No watch page element (a page written after YouTube's markup may leave it out): the owner block the page shows
  // for the video in its address; on the mobile site, its slim owner.
  // (A watch page YouTube keeps hidden is one it has left: never read.)
  if (url?.searchParams.get('v') !== thread) return { owner: undefined };
  const desktop = doc.querySelector('ytd-watch-flexy') ? null : (doc.querySelector(WATCH_OWNER) ?? doc.querySelector(WATCH_COLLABORATORS));
  const link = desktop ?? doc.querySelector('ytm-slim-owner-renderer a[href]');
  return { owner: channelOf(link?.getAttribute('href'))?.handle };
}

/**
 * The owner of the video or post a thread is under. Every top-level comment asks, in its first read too:
 * the answer is kept for the page's URL (none, or a short's, is asked again at most once a second), so a
 * page of thousands of comments searches the document a few times.
 */
const owners = new WeakMap<Document, { href: string; threads: Map<string, { until: number; owner: string | undefined }> }>();
function threadOwner(doc: Document, thread: string, onPost: boolean): string | undefined {
  const href = doc.location?.href ?? '';
  let page = owners.get(doc);
  if (!page || page.href !== href) owners.set(doc, (page = { href, threads: new Map() }));
  const now = Date.now();
  const known = page.threads.get(thread);
  if (known && now < known.until) return known.owner;
  const { owner, short } = readOwner(doc, thread, onPost);
  page.threads.set(thread, { owner, until: owner !== undefined && !short ? Infinity : now + 1000 });
  return owner;
}

/**
 * A mobile comment whose header links to no comment (its time is plain text, as the mobile page's
 * data suggests it is now): known by its video, author and text, as the same key on every visit.
 */
function unlinked(root: Element, handle: string, text: string): Link | undefined {
  const v = pageVideo(root.ownerDocument);
  if (!v) return undefined;
  // A reply is also known by the comment it answers (a stock reply under two comments is two replies), and the
  // same words posted twice by one author in one place by which of them it is, in page order.
  const replies = root.closest('ytm-comment-replies-renderer');
  const thread = root.closest('ytm-comment-thread-renderer');
  const top = replies ? thread?.querySelector(MOBILE_COMMENT) : undefined;
  const topAuthor = top && top !== root ? authorOf(top)?.handle : undefined;
  const answers = topAuthor && top ? [topAuthor.toLowerCase(), ownText(top)] : [];
  const place = replies ?? thread?.parentElement;
  let repeat = 0;
  for (const other of place?.querySelectorAll(MOBILE_COMMENT) ?? []) {
    if (other === root) break;
    if (other.closest('ytm-comment-replies-renderer') !== replies) continue;
    if (authorOf(other)?.handle.toLowerCase() === handle.toLowerCase() && ownText(other) === text) repeat++;
  }
  const key = contentKey(handle.toLowerCase(), text, ...answers, ...(repeat ? [String(repeat)] : []));
  return { id: `${v}-${key}`, url: `${ORIGIN}/watch?v=${v}`, threadId: v, onPost: false };
}

/** The elements of the video a watch page shows, the shown page's (one YouTube has left stays, hidden). */
function watchPageOf(root: Element): Element | undefined {
  const page = root.closest('ytd-watch-flexy');
  return page && !page.hasAttribute('hidden') ? page : undefined;
}

/**
 * A page YouTube has left for another (a watch page, search results, a channel's or the home feed's browse page): it
 * stays in the page, hidden, with its videos.
 */
const LEFT_PAGE = 'ytd-watch-flexy[hidden], ytd-search[hidden], ytd-browse[hidden]';
/** Whether a video is one of a page YouTube has left. */
const isLeftVideo = (root: Element) => isVideo(root) && Boolean(root.closest(LEFT_PAGE));

/** A video's id, address and thread (its comments), from its id. */
function videoLinkOf(v: string | null | undefined): Link | undefined {
  return v && VIDEO_ID.test(v) ? { id: v, url: `${ORIGIN}/watch?v=${v}`, threadId: v, onPost: false } : undefined;
}

/** A listed video's own link (its title's, else its thumbnail's): /watch?v=<id>, or /shorts/<id> for a short. */
const LISTED_LINK = 'a#video-title[href], #video-title-link[href], a#thumbnail[href]';
/** A listed video's channel: its name's link (not the copy YouTube keeps hidden in the byline), else its avatar's. */
const LISTED_CHANNEL = ['ytd-channel-name a[href]', 'a#channel-thumbnail[href], #channel-thumbnail a[href]'];
/**
 * A video's description. A watch page shows the first lines of it (#snippet's #attributed-snippet-text) until the
 * reader clicks "...more", which fills #expanded with all of it; the page holds all of it, hidden, in the
 * description panel (ytd-engagement-panel-section-list-renderer[target-id="engagement-panel-structured-description"],
 * whose header repeats the title). The expander also holds its buttons ("...more", "Show less") and the hidden
 * chapters and transcript: never its whole text. A listed video shows a snippet of it, its first
 * .metadata-snippet-text not hidden (a hidden copy, and a line of the video's captions, may follow).
 */
const DESCRIPTION = {
  expanded: '#description-inline-expander #expanded > yt-attributed-string',
  snippet: '#description-inline-expander #attributed-snippet-text',
  panel: 'ytd-engagement-panel-section-list-renderer[target-id="engagement-panel-structured-description"]',
  listed: '.metadata-snippet-text, #description-text',
};
/**
 * Where a video shows its age ("3 days ago", "Streamed 2 hours ago"): the info line's parts, the listed metadata line's;
 * on the mobile site the watch page's subtitle, a search result's byline.
 */
const VIDEO_AGE: Partial<Record<VideoKind, string>> = {
  watch: '#info-container #info span, #info span',
  listed: '#metadata-line span, #metadata-line .inline-metadata-item',
  mobileWatch: '.slim-video-information-upload-info span, .slim-video-information-subtitle span',
  mobileListed: '.YtmBadgeAndBylineRendererItemByline, .YtmCompactMediaItemByline, .YtmCompactMediaItemStats, .media-item-byline',
  // (A short shows no age over its player.)
};
/** Where each kind of video takes its overlay: by a watch page's title, in a listed one's text (a short's: in its panel). */
const VIDEO_ANCHOR: Partial<Record<VideoKind, string>> = {
  watch: '#title',
  listed: '#meta',
  mobileWatch: 'ytm-slim-video-information-renderer',
  mobileListed: '.media-item-metadata, .YtmCompactMediaItemMetadata',
};
/** A short's title over its player (yt-anti-translate, FilterTube and other readers of the shorts player, 2025–2026). */
const SHORT_TITLE = 'yt-shorts-video-title-view-model h2';
/**
 * The mobile site's parts of a video (FilterTube's 2026 captures and notes, yt-anti-translate's selectors): the watch
 * page's title, its channel (the owner row's link, or the owner icon's) and that channel's name; the description
 * panel "more" opens (its header repeats the title); a search result's link, title, channel (its avatar's link) and
 * byline, whose first item is the channel's name.
 */
const MOBILE = {
  title: '.slim-video-information-title',
  channel: ['ytm-slim-owner-renderer a[href]', 'a.slim-video-owner-icon[href]'],
  channelName: '.slim-owner-channel-name',
  panel: 'ytm-engagement-panel-section-list-renderer.video-description-ep-identifier',
  panelTitle: 'ytm-video-description-header-renderer .header-title',
  panelText: ['#expanded-string', 'collapsible-string', '#collapsed-string'].map((s) => `ytm-expandable-video-description-body-renderer ${s}`),
  listedLink: 'a[href*="/watch?v="], a[href^="/shorts/"]',
  listedTitle: '.media-item-headline, .YtmCompactMediaItemHeadline, .compact-media-item-headline, .large-media-item-headline',
  listedChannel: ['ytm-channel-thumbnail-with-link-renderer a[href]', 'a[href^="/@"], a[href^="/channel/"]'],
  listedByline: '.YtmBadgeAndBylineRendererItemByline, .YtmCompactMediaItemByline',
};
/** What a live stream's or premiere's age opens with. */
const STREAMED = /^(?:streamed(?: live)?(?: on)?|started streaming(?: on)?|premiered(?: on)?)\s+/i;

/** The text of a video's first element matching `selector` that is shown (not hidden within it) and holds any. */
function firstText(root: Element, selector: string): string {
  for (const el of root.querySelectorAll(selector)) {
    if (el.parentElement?.closest(ROOT) !== root) continue;
    const hidden = el.closest('[hidden]');
    if (hidden && root.contains(hidden)) continue;
    const text = readableText(el);
    if (text) return text;
  }
  return '';
}

/**
 * A watch page's description: all of it where the page shows it (expanded) or holds it (its description panel, when
 * that panel's header names this video's title), else the first lines it shows.
 */
function watchDescription(root: Element, title: string): string {
  const expanded = firstText(root, DESCRIPTION.expanded);
  if (expanded) return expanded;
  const full = descriptionPanel(root, title)?.querySelector('ytd-expandable-video-description-body-renderer #attributed-snippet-text');
  const text = full ? readableText(full) : '';
  return text || firstText(root, DESCRIPTION.snippet);
}

/** The hidden description panel of a watch page, when its header names this video's title (it may lag behind). */
function descriptionPanel(root: Element, title: string): Element | undefined {
  return panelFor(watchPageOf(root) ?? root.ownerDocument, DESCRIPTION.panel, 'ytd-video-description-header-renderer #title', title);
}

/** The description panel in `scope` whose header (it repeats the video's title) names this title, desktop or mobile. */
function panelFor(scope: ParentNode, panel: string, header: string, title: string): Element | undefined {
  for (const el of scope.querySelectorAll(panel)) {
    const shown = el.querySelector(header);
    if (shown && readableText(shown) === title) return el;
  }
  return undefined;
}

/** A video's title: a listed one's link says it whole in its title attribute; a watch page's heading. */
function titleOf(root: Element, kind: VideoKind): string {
  if (kind === 'listed') {
    const title = own(root, '#video-title');
    return title ? (title.getAttribute('title') || readableText(title)).trim() : '';
  }
  if (kind === 'mobileWatch') return firstText(root, MOBILE.title);
  if (kind === 'mobileListed') return firstText(root, MOBILE.listedTitle);
  if (kind === 'short') return firstText(root, SHORT_TITLE);
  return firstText(root, '#title h1, h1');
}

/** The first of a video's own links, by the first of `selectors` that finds one shown, that names a channel. */
function channelLink(root: Element, selectors: string[]): Element | undefined {
  for (const selector of selectors) {
    const link = [...root.querySelectorAll(selector)].find((a) => a.parentElement?.closest(ROOT) === root && !a.closest('[hidden]') && channelOf(a.getAttribute('href')));
    if (link) return link;
  }
  return undefined;
}

/** A listed video's id, from its own link: /watch?v=<id>, or /shorts/<id> for a short. */
function listedLink(root: Element, selector: string): Link | undefined {
  const url = youtubeUrl(own(root, selector)?.getAttribute('href'));
  return videoLinkOf(url && (url.searchParams.get('v') ?? shortOf(url)));
}

/** A mobile watch page's description, where the panel "more" opens is in the page for this video (its header's title). */
function mobileDescription(root: Element, title: string): string {
  const panel = panelFor(root.ownerDocument, MOBILE.panel, MOBILE.panelTitle, title);
  for (const selector of panel ? MOBILE.panelText : []) {
    const el = panel!.querySelector(selector);
    const text = el ? readableText(el) : '';
    if (text) return text;
  }
  return '';
}

/** A video as a post of its channel: its id, its channel and its title with its description under it. */
function readVideo(root: Element) {
  const kind = videoKind(root);
  if (!kind || isLeftVideo(root)) return undefined;
  const title = titleOf(root, kind);
  // A video without its title is one YouTube has not filled in yet.
  if (!title) return undefined;
  let link: Link | undefined;
  let channel: Element | undefined;
  // What shows the channel's name, where its link does not.
  let named: Element | undefined;
  if (kind === 'watch') {
    // The video the watch page it is in shows; without a watch page element, the address's. Going to another video,
    // YouTube names it on the page before it refills the block, which names its own: until they agree, the block
    // still shows the last video.
    const page = watchPageOf(root);
    const shows = root.getAttribute('video-id');
    const onPage = page?.getAttribute('video-id');
    if (shows && onPage && shows !== onPage) return undefined;
    link = videoLinkOf(onPage || shows || pageVideo(root.ownerDocument));
    channel = root.querySelector(WATCH_OWNER) ?? root.querySelector(WATCH_COLLABORATORS) ?? undefined;
    // A collaboration whose channels' names link nowhere (their list opens on a click): the first channel the
    // description panel links, where that panel is this video's.
    if (!channel) {
      channel = descriptionPanel(root, title)?.querySelector('ytd-video-description-infocards-section-renderer a#header[href]') ?? undefined;
      named = channel?.querySelector('#title') ?? undefined;
    }
  } else if (kind === 'listed') {
    link = listedLink(root, LISTED_LINK);
    // A collaboration shows its channels' names as words and its avatars as a stack: its first channel is the one
    // its avatar link names, kept hidden.
    channel = channelLink(root, LISTED_CHANNEL) ?? own(root, '#channel-info a#channel-thumbnail[href]');
  } else if (kind === 'mobileWatch') {
    // The mobile site names the video in its address alone.
    link = videoLinkOf(pageVideo(root.ownerDocument));
    channel = channelLink(root, MOBILE.channel);
    named = own(root, MOBILE.channelName);
  } else if (kind === 'short') {
    // The short on show, named by the address (its channel bar may lag behind for a moment as one scrolls).
    link = videoLinkOf(shortOf(youtubeUrl(root.ownerDocument.location?.href)));
    channel = channelLink(root, ['yt-reel-channel-bar-view-model a[href]']);
  } else {
    link = listedLink(root, MOBILE.listedLink);
    channel = channelLink(root, MOBILE.listedChannel);
    named = own(root, MOBILE.listedByline);
  }
  const owner = channelOf(channel?.getAttribute('href'));
  if (!link || !owner) return undefined;
  const description =
    kind === 'watch' ? watchDescription(root, title) : kind === 'listed' ? firstText(root, DESCRIPTION.listed) : kind === 'mobileWatch' ? mobileDescription(root, title) : '';
  const author = authorShown(owner, named ?? channel);
  return { link, author, text: description ? `${title}\n${description}` : title };
}

/** When a video was posted, from the age it shows (as text, or as its label where the text is shortened: "3mo ago"). */
function videoPublishedAt(root: Element): string | undefined {
  const kind = videoKind(root);
  const selector = kind && VIDEO_AGE[kind];
  // A watch page's info line has a tooltip giving the date itself ("48,213 views • 5 Dec 2026 • #acmefail"): read first,
  // as "7 years ago" is not.
  const exact = kind === 'watch' ? own(root, 'ytd-watch-info-text #tooltip') : undefined;
  for (const shown of [...(exact ? [exact] : []), ...(selector ? root.querySelectorAll(selector) : [])]) {
    if (shown.parentElement?.closest(ROOT) !== root) continue;
    // (A line may hold the views too: "210K views · 3 months ago".)
    for (const said of [shown.getAttribute('aria-label'), shown.textContent]) {
      for (const part of said?.split(/[·•]/) ?? []) {
        const words = part.trim().replace(STREAMED, '');
        // A relative age ("3 days ago"), or once the description is expanded, or for a stream, a date ("24 Apr 2018").
        const at = relativeTime(words) ?? labelTime(words);
        if (at) return at;
      }
    }
  }
  return undefined;
}

/**
 * The comment box of a video (closed: its placeholder; open: its editor): under a watch page's video, in that page;
 * for the short on show, in its comments panel while that panel is open.
 */
function videoCommentBox(root: Element, selector: string): HTMLElement | undefined {
  const kind = videoKind(root);
  if (kind === 'short') {
    const panel = root.closest('ytd-shorts')?.querySelector('ytd-engagement-panel-section-list-renderer[target-id="engagement-panel-comments-section"][visibility="ENGAGEMENT_PANEL_VISIBILITY_EXPANDED"]');
    return panel?.querySelector<HTMLElement>(`ytd-comments-header-renderer ${selector}`) ?? undefined;
  }
  if (kind !== 'watch') return undefined;
  const scope = watchPageOf(root) ?? (root.closest('ytd-watch-flexy') ? undefined : root.ownerDocument);
  return scope?.querySelector<HTMLElement>(`ytd-comments-header-renderer ${selector}`) ?? undefined;
}

/** Identity, author and text; undefined while the renderer has not been filled in. */
function readable(root: Element) {
  if (isVideo(root)) return readVideo(root);
  const author = authorOf(root);
  if (!author) return undefined;
  const text = ownText(root);
  // A comment has text; an empty one has not been filled in yet. A post may be an image alone.
  if (isComment(root) && !text) return undefined;
  const link = permalink(root) ?? (isMobile(root) ? unlinked(root, author.handle, text) : undefined);
  return link ? { link, author, text } : undefined;
}

export const youtube: SiteAdapter = defineAdapter({
  id: 'youtube',
  platform: 'youtube',
  matches: ['https://www.youtube.com/*', 'https://youtube.com/*', 'https://m.youtube.com/*'],
  postSelector: ROOT,
  // A desktop comment's Reply opens the box in its own #reply-dialog (a community post's would leave the page).
  replyControl: 'ytd-comment-view-model #reply-button-end button, ytd-comment-renderer #reply-button-end button',

  getPostId(root) {
    return readable(root)?.link.id;
  },

  peek(root) {
    // Undefined until the renderer is filled in, so that it is read again when it is.
    const read = readable(root);
    if (!read) return undefined;
    // A shared video's title counts as a mention too, and sharing the brand's own video or post does,
    // whatever the post says.
    const quoted = sharedVideo(root) ?? repostedPost(root);
    const text = [read.text, quoted?.text].filter(Boolean).join('\n');
    // Whom a comment answers: the video's channel, or the thread's first comment (see replyTarget).
    return {
      text,
      authorHandle: read.author.handle,
      repliesTo: isComment(root) ? replyTarget(root, isReplyComment(root), read.link) : undefined,
      quotes: quoted?.author,
    };
  },

  extractPost(root): Post | undefined {
    const read = readable(root);
    if (!read) return undefined;
    const { link, author, text } = read;
    if (isVideo(root)) {
      return parsePost({ platform: 'youtube', id: link.id, url: link.url, author, text, publishedAt: videoPublishedAt(root), isReply: false, threadId: link.threadId });
    }
    const comment = isComment(root);
    const quoted = sharedVideo(root) ?? repostedPost(root);
    const isReply = comment && isReplyComment(root);
    return parsePost({
      platform: 'youtube',
      id: link.id,
      url: link.url,
      author,
      text,
      quoted,
      publishedAt: publishedAt(root),
      isReply: comment,
      inReplyTo: comment ? replyTarget(root, isReply, link) : undefined,
      threadId: link.threadId,
    });
  },

  overlayAnchor(root) {
    const video = videoKind(root);
    if (video) {
      const anchor = VIDEO_ANCHOR[video];
      return (anchor && own(root, anchor)) || root;
    }
    if (isMobile(root)) return own(root, '.YtmCommentRendererHeader, .comment-header') ?? root;
    if (isMobilePost(root)) return own(root, 'yt-post-header') ?? root;
    if (isShared(root)) return own(root, '#repost-context #repost-header') ?? own(root, '#repost-context') ?? root;
    return own(root, '#header-author') ?? own(root, '#author') ?? own(root, '#header') ?? root;
  },

  isGone(root) {
    return isLeftVideo(root);
  },

  // A watch page's video is answered in the comment box under it, which opens from its placeholder ("Add a
  // comment…", in its placeholder area: a click on it reaches both).
  findReplyControl(root) {
    return videoCommentBox(root, '#placeholder-area #simplebox-placeholder') ?? videoCommentBox(root, '#placeholder-area');
  },

  findReplyBox(root) {
    if (isVideo(root)) return videoCommentBox(root, '#contenteditable-root[contenteditable="true"]');
    // The mobile reply dialog opens apart from the comment it answers; only a box inside the comment is its own.
    const box = isMobile(root)
      ? own(root, 'textarea.YtmCommentReplyDialogRendererInput:not([disabled])')
      : own(root, '#reply-dialog #contenteditable-root[contenteditable="true"], #reply-dialog [contenteditable="true"]');
    return box as HTMLElement | undefined;
  },
});
