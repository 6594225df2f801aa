import { parsePost, type Post } from '../schemas/post';
import { copyWithout, oneLine, readableText } from '../dom/readable-text';
import { blockText, TEXT_BLOCKS } from '../dom/block-text';
import { perTask } from '../dom/schedule';
import { isSponsoredLabel } from './meta/sponsored';
import { labelledControl } from './common/reply-labels';
import { linkSitesOf, withSites } from './common/link-sites';
import { labelTime } from './common/relative-time';
import { defineAdapter, ownedBy, FOLLOWING, type SiteAdapter } from './types';

// Facebook (the Comet desktop client). A feed story is div[aria-posinset]; some logged-in readers get it without
// aria-posinset, as a div with aria-describedby and aria-labelledby and no role (zbluebugz/facebook-clean-my-feeds
// reads both, 2025); logged out, it is a div[role="article"] without an aria-label, as
// webrecorder/browsertrix-behaviors reads it (2026). A post on its own page is shown whole, with its comments and
// its comment box: a page's or profile's post (/<user>/posts/<id>) in a div[role="dialog"], a group's
// (/groups/<g>/posts/<id>/) as the div[role="presentation"] heading the group's feed (browsertrix-behaviors, 2026);
// when nothing in it names it, the page's address does. Its author is the link in
// [data-ad-rendering-role="profile_name"] (an h2/h3/h4 heading in older builds); its permalink is the timestamp
// link (/<user>/posts/<id>, /permalink.php?story_fbid=…, /groups/<g>/posts/<id>/) — which Facebook only fills in
// once the pointer has been over it (href="#", or a query-only "?__cft__[0]=…#?dec", until then). The story's id is then read where the story names it
// elsewhere: the permalinks of its own comments (/<user>/posts/<id>?comment_id=…), and the links of its photos to
// the post that holds them (set=pcb.<post> on a profile or page, set=gm.<post> in a group), or its reel
// (/reel/<id>). Links in the text, in the header and in a shared story name other posts and are never used; ids
// that disagree are not guessed between, and a story with none is skipped, never given an invented id.
// The text is [data-ad-rendering-role="story_message"] / [data-ad-preview="message"], one div[dir=auto] per
// paragraph, emoji as <img alt>, "See more" a div[role=button]; a story Facebook translated for the reader has
// neither, its text being in a <blockquote> instead (chriswch/rental-hunter reads it there, 2025). A shared story is
// attached below the sharer's words with its own header and message. Comments are div[role="article"] labelled
// "Comment by …" / "Reply by … to …'s comment", a reply nested inside the comment it answers, a reply to a reply
// inside that reply (disrex-group/FB-Comments-Exporter-User-script reads them so, 2025); their timestamp links
// ?comment_id=<id>(&reply_comment_id=<id>), the top comment of the thread and the reply; on a photo's own page, to
// /photo/?fbid=<photo>&comment_id=<id>, the photo being their thread. The composer is a Lexical
// div[contenteditable][role="textbox"].
//
// m.facebook.com is read in both of its renderers, each described above its reader below: the older touch site
// (article[data-ft] stories, comments div[data-sigil~="comment"]) and the current one (div[data-tracking-duration-id]
// cards of data-mcomponent containers, without links).
//
// Times: Facebook prints only relative or partial labels ("2h", "May 6") and its ids carry no time: publishedAt is
// read from the label (labelTime), as approximate as it is. Sponsored stories are skipped. Ad attribution (attributionsrc=
// "/privacy_sandbox/comet/register/source/…") does not tell them: since 2024 it is on every link of ordinary posts
// too (real saved pages show it on the author, timestamp and photo links). What does is a link to "About this ad"
// (/ads/about/…, as feed cleaners read it) or the "Sponsored" label where the date goes: its letters are scrambled
// on screen, and the element its aria-labelledby names (hidden at the end of the page) holds the word.
const ORIGIN = 'https://www.facebook.com';
/** A feed story where the reader is logged in. */
const LOGGED_IN_STORY = 'div[aria-posinset]';
/**
 * A feed story as some logged-in readers get it, without aria-posinset: a div described and labelled but given no
 * role. Only such a div in the feed that names an author and is not inside another story or a comment is one
 * (isUnnumbered).
 */
const UNNUMBERED_STORY = 'div[aria-describedby][aria-labelledby]:not([role]):not([aria-posinset])';
/**
 * A feed story where the reader is not (a page's or profile's timeline opened logged out, some search and
 * video feeds): a div[role="article"] without the aria-label every comment has, and not inside a logged-in
 * story (the touch site's div[role="article"][data-ft] is read as the touch site's).
 */
const LOGGED_OUT_STORY = 'div[role="article"]:not([aria-label]):not([data-ft])';
/**
 * A post on its own page: a dialog (a page's or profile's post), a div[role="presentation"] right inside a feed
 * (a group's post, atop the group's feed), or the post a page opened at its address shows in its main column, a
 * described and labelled div with no role (not a feed's: isUnnumbered's), its comments and comment box inside it
 * (spritetj/fb_scraper's "full page mode", 2025; MaxAI's post container, 2024). Only one that names an author, holds
 * no other story and is inside none is one (isPagePost).
 */
const PAGE_POST = `div[role="dialog"], [role="feed"] > div[role="presentation"], [role="main"] ${UNNUMBERED_STORY}`;
/**
 * A feed's cell holding a story marked in none of the ways above (no aria-posinset, no labels, no role: a group's feed
 * saved logged in in January 2026): only a cell that names an author and holds no story of another kind is one
 * (isBareCell).
 */
const BARE_CELL = '[role="feed"] > div:not([role]):not([aria-posinset]):not([aria-describedby])';
/** A slot still loading (a glimmer: "Loading…"). */
const LOADING = '[data-visualcompletion="loading-state"], [role="status"]';
const STORY = `${LOGGED_IN_STORY}, ${UNNUMBERED_STORY}, ${LOGGED_OUT_STORY}, ${PAGE_POST}, ${BARE_CELL}`;
const COMMENT = 'div[role="article"][aria-label]';
const BOUNDARY = `${STORY}, div[role="article"]`;
const MESSAGE = '[data-ad-rendering-role="story_message"], [data-ad-preview="message"], [data-ad-comet-preview="message"]';
/** Where Facebook shows its translation of a story instead of the story's message. */
const TRANSLATION = 'blockquote';
const PROFILE_NAME = '[data-ad-rendering-role="profile_name"]';
const HEADER = `${PROFILE_NAME}, h2, h3, h4`;
/** First path segments that are Facebook features, not people or pages. */
const NOT_PROFILES = new Set([
  'hashtag', 'photo', 'photo.php', 'photos', 'watch', 'reel', 'reels', 'stories', 'story.php', 'permalink.php',
  'events', 'marketplace', 'gaming', 'ads', 'l.php', 'share', 'sharer', 'login', 'help', 'privacy', 'policies',
  'notifications', 'messages', 'friends', 'bookmarks', 'search', 'pages', 'settings', 'business', 'legal', 'home.php',
  'groups', 'media', 'video.php', 'browse', 'composer',
]);

/** The story or comment an element belongs to: the nearest, past any article that is neither (isStory). */
function boundaryOf(el: Element): Element | null {
  let b = el.closest(BOUNDARY);
  while (b && !b.matches(COMMENT) && !isStory(b)) b = b.parentElement?.closest(BOUNDARY) ?? null;
  return b;
}

/** Elements of `root` itself (not of a comment or story nested in it). */
function own(root: Element, selector: string): Element[] {
  return [...root.querySelectorAll(selector)].filter((el) => boundaryOf(el) === root);
}

/**
 * A Facebook link, read against the site's address unless told the page's: a link written from the root ("/acmeair")
 * is the same on every page. A link of a query alone ("?comment_id=…") goes where the page's address takes it, and
 * only a comment's permalink is read so (pageBase): an unfilled timestamp link is such a link too ("?__cft__[0]=…"),
 * and read against a post's or a profile's address it would name that post or that profile for every story shown.
 */
function parseUrl(href: string | null | undefined, base = ORIGIN): URL | undefined {
  if (!href || href === '#') return undefined;
  try {
    const url = new URL(href, base);
    return /(^|\.)facebook\.com$/.test(url.hostname) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A post's id in a permalink: Facebook's are 15 digits and more, or pfbid and some 60 letters, but the place it stands
 * in (/<name>/posts/<id>, /groups/<g>/posts/<id>, story_fbid=) already says it is a post's, so a shorter one is read too
 * (pages written by hand to test a reader, "/acmeair/posts/pfbid0abc"). Numbers found elsewhere (a photo's fbid, a
 * photo set's pcb., a reel) keep to the lengths Facebook gives them.
 */
const ID = /^(?:pfbid[0-9A-Za-z]{1,80}|\d{1,25})$/;

interface Permalink {
  id: string;
  url: string;
  /** Named by the story's photos or reel, which name it otherwise than a link to it may (storyIdentity). */
  fromMedia?: boolean;
}

/** A story permalink: /<user>/posts/<id>, /permalink.php|story.php?story_fbid=<id>&id=<owner>, /groups/<g>/posts|permalink/<id>. */
function storyLink(href: string | null | undefined, base?: string): Permalink | undefined {
  const url = parseUrl(href, base);
  if (!url) return undefined;
  const path = url.pathname.replace(/\/+$/, '');
  let m = /^\/groups\/([^/]+)\/(?:posts|permalink)\/([^/]+)$/.exec(path);
  if (m && ID.test(m[2]!)) return { id: m[2]!, url: `${ORIGIN}/groups/${m[1]}/posts/${m[2]}/` };
  m = /^\/([^/]+)\/posts\/([^/]+)$/.exec(path);
  if (m && ID.test(m[2]!) && !NOT_PROFILES.has(m[1]!)) return { id: m[2]!, url: `${ORIGIN}/${m[1]}/posts/${m[2]}` };
  // A post in an event's discussion.
  m = /^\/events\/(\d{5,25})\/permalink\/(\d{5,25})$/.exec(path);
  if (m) return { id: m[2]!, url: `${ORIGIN}/events/${m[1]}/permalink/${m[2]}/` };
  if (path === '/permalink.php' || path === '/story.php') {
    const story = url.searchParams.get('story_fbid') ?? '';
    const owner = url.searchParams.get('id') ?? '';
    if (ID.test(story) && /^\d+$/.test(owner)) return { id: story, url: `${ORIGIN}/permalink.php?story_fbid=${story}&id=${owner}` };
  }
  return undefined;
}

/**
 * A comment id as Facebook puts it in links: numeric (comment_id= says whose it is, so a short one is read too), or
 * base64 of "comment:<post>_<comment>" in older links.
 */
function commentIdOf(raw: string | null): string | undefined {
  if (!raw) return undefined;
  if (/^\d{1,25}$/.test(raw)) return raw;
  try {
    const m = /^comment:\d+_(\d+)$/.exec(atob(raw));
    return m?.[1];
  } catch {
    return undefined;
  }
}

/** A photo's own page (/photo/?fbid=…, /photo.php?fbid=…): the thread of the comments made on the photo. */
function photoThread(url: URL): Permalink | undefined {
  const path = url.pathname.replace(/\/+$/, '');
  if (path !== '/photo' && path !== '/photo.php') return undefined;
  const fbid = url.searchParams.get('fbid') ?? '';
  return /^\d{5,25}$/.test(fbid) ? { id: fbid, url: `${ORIGIN}/photo/?fbid=${fbid}` } : undefined;
}

/**
 * A video's own page (/<page>/videos/<id>/, /watch/?v=<id>, /reel/<id>/): the thread of the comments made on the video,
 * and whose it is where its address says (/<page>/videos/…).
 */
function videoThread(url: URL): (Permalink & { owner?: string }) | undefined {
  const path = url.pathname.replace(/\/+$/, '');
  const posted = /^\/([^/]+)\/videos\/(?:[^/]+\/)?(\d{5,25})$/.exec(path);
  if (posted) {
    const owner = profileOf(`${ORIGIN}/${posted[1]}`)?.handle;
    return { id: posted[2]!, url: `${ORIGIN}/${posted[1]}/videos/${posted[2]}/`, ...(owner ? { owner } : {}) };
  }
  const reel = /^\/reel\/(\d{5,25})$/.exec(path)?.[1];
  if (reel) return { id: reel, url: `${ORIGIN}/reel/${reel}/` };
  const watched = path === '/watch' ? (url.searchParams.get('v') ?? '') : '';
  return /^\d{5,25}$/.test(watched) ? { id: watched, url: `${ORIGIN}/watch/?v=${watched}` } : undefined;
}

interface CommentLink extends Permalink {
  story: Permalink & { owner?: string };
  /** The thread is a photo's or video's page, not a story (never an id for a story). */
  onPhoto: boolean;
  /** The top-level comment of the thread (the comment itself, or the one a reply answers). */
  threadComment: string;
  isNested: boolean;
}

function commentLink(href: string | null | undefined, base?: string): CommentLink | undefined {
  const url = parseUrl(href, base);
  const posted = storyLink(href, base);
  const story = posted ?? (url ? (photoThread(url) ?? videoThread(url)) : undefined);
  if (!url || !story) return undefined;
  const top = commentIdOf(url.searchParams.get('comment_id'));
  if (!top) return undefined;
  const reply = url.searchParams.has('reply_comment_id') ? commentIdOf(url.searchParams.get('reply_comment_id')) : undefined;
  if (url.searchParams.has('reply_comment_id') && !reply) return undefined;
  const sep = story.url.includes('?') ? '&' : '?';
  return {
    id: reply ?? top,
    url: `${story.url}${sep}comment_id=${top}${reply ? `&reply_comment_id=${reply}` : ''}`,
    story,
    onPhoto: !posted,
    threadComment: top,
    isNested: Boolean(reply),
  };
}

interface Author {
  handle: string;
  profileUrl?: string;
  name?: string;
}

function profileOf(href: string | null | undefined): Omit<Author, 'name'> | undefined {
  const url = parseUrl(href);
  if (!url) return undefined;
  const segs = url.pathname.split('/').filter(Boolean);
  const idUrl = (id: string) => ({ handle: id, profileUrl: `${ORIGIN}/profile.php?id=${id}` });
  if (segs[0] === 'profile.php') {
    const id = url.searchParams.get('id') ?? '';
    return /^\d+$/.test(id) ? idUrl(id) : undefined;
  }
  if (segs[0] === 'groups' && segs[2] === 'user' && /^\d+$/.test(segs[3] ?? '')) return idUrl(segs[3]!);
  if (segs[0] === 'people' && /^\d+$/.test(segs[2] ?? '')) return idUrl(segs[2]!);
  if (segs.length === 1 && /^[A-Za-z0-9.]{1,80}$/.test(segs[0]!) && !NOT_PROFILES.has(segs[0]!.toLowerCase())) {
    return { handle: segs[0]!, profileUrl: `${ORIGIN}/${segs[0]}` };
  }
  return undefined;
}


/** Message text: paragraphs joined by new lines, "See more" and other buttons left out. */
function messageText(el: Element): string {
  const clone = copyWithout(el, '[role="button"], button');
  const paras = [...clone.querySelectorAll('div[dir="auto"]')].filter((d) => !d.querySelector('div[dir="auto"]'));
  // A long story folded under "See more" (2026): its lines are plain divs (a heading's too) in one span[dir="auto"].
  if (!paras.length && clone.querySelector('span[dir="auto"] > div')) return blockText(clone, `div, ${TEXT_BLOCKS}`);
  if (!paras.length) return readableText(clone);
  return paras.map((p) => readableText(p)).filter(Boolean).join('\n');
}

interface Story {
  header?: Element;
  quotedBox?: Element;
}

/** The story's own header and, for a share, the box holding the shared story (below the sharer's header). */
function layout(root: Element): Story {
  // Headings of link cards or events name no person or page; only a header naming one starts a story.
  const headers = own(root, HEADER).filter((h) => !h.parentElement?.closest(HEADER) && authorIn(h));
  const header = headers[0];
  const second = headers[1];
  // A story's words come under its header: words above the first header are a sharer's whose own
  // header the page no longer shows, and that header is the shared story's. Nobody can be named.
  const words = [...own(root, MESSAGE), ...translations(root)];
  if (header && words.some((m) => m.compareDocumentPosition(header) & FOLLOWING)) return {};
  // More than a story and the one it shares: a roundup of several people's posts ("7 friends wished you a happy
  // birthday", each wish a post of its own, on a real 2024 profile page). No one of them is the root's.
  if (headers.length > 2) return {};
  if (!header || !second) return { header };
  let box: Element = second;
  while (box.parentElement && box.parentElement !== root && !box.parentElement.contains(header)) box = box.parentElement;
  return { header, quotedBox: box };
}

function authorIn(header: Element | undefined): Author | undefined {
  if (!header) return undefined;
  for (const a of header.querySelectorAll('a[href]')) {
    const p = profileOf(a.getAttribute('href'));
    if (p) return { ...p, name: oneLine(a.textContent) };
  }
  return groupPostAuthor(header);
}

/**
 * A group's post shown in the home feed: its header names the group, and the line under it the member who posted
 * ("Sam Patel · 6h"), by their link in that group (/groups/<group>/user/<id>/). Only such a link names them.
 */
function groupPostAuthor(header: Element): Author | undefined {
  // (A header naming nobody: a member's link in it would have named them.)
  const group = groupOf(header);
  if (!group) return undefined;
  const line = nextLine(header.closest('[data-ad-rendering-role="profile_name"]') ?? header);
  for (const a of line?.querySelectorAll('a[href]') ?? []) {
    // (The line itself, not a message, comment or story it may hold: a link there names someone else.)
    const inside = a.parentElement?.closest(`${MESSAGE}, ${COMMENT}, ${STORY}, ${HEADER}`);
    if (inside && line!.contains(inside)) continue;
    const segs = parseUrl(a.getAttribute('href'))?.pathname.split('/').filter(Boolean);
    if (segs?.[0] === 'groups' && segs[1] === group && segs[2] === 'user') {
      const p = profileOf(a.getAttribute('href'));
      return p && { ...p, name: oneLine(a.textContent) };
    }
  }
  return undefined;
}

/**
 * The line under a header's block: the block's next sibling, or, where the block is wrapped alone (2025's
 * `<div><span dir="ltr"><div data-ad-rendering-role="profile_name">`, the line wrapped the same way beside it), the
 * next sibling of its wrappers. Only the group-name block is climbed out of: a heading inside an attachment (a shared
 * reel's "group · member · date") has lines of its own.
 */
function nextLine(block: Element): Element | null {
  let el = block;
  const climb = block.matches('[data-ad-rendering-role="profile_name"]') ? 3 : 0;
  for (let i = 0; i < climb && !el.nextElementSibling && el.parentElement?.childElementCount === 1; i++) el = el.parentElement;
  return el.nextElementSibling;
}

/** Headings of the stories of others inside a unit ("X and Y shared a post": each sharer's own h5 and words). */
const SUB_HEADER = 'h5';

/** The headings of others' parts of a unit: what follows one is theirs (their words, the comments on their share). */
function othersHeadings(root: Element): Element[] {
  return own(root, SUB_HEADER).filter((h) => authorIn(h));
}

/**
 * The story's own message: not the shared story's, and not one that follows the heading of someone else's part
 * of the unit (a sharer's words under "X and Y shared a post" are theirs, not the story's).
 */
function messageIn(scope: Element[], exclude?: Element, root?: Element): Element | undefined {
  const others = root ? othersHeadings(root) : [];
  return scope.find(
    (m) =>
      !(exclude && exclude.contains(m)) &&
      !m.parentElement?.closest(MESSAGE) &&
      !others.some((h) => h.compareDocumentPosition(m) & FOLLOWING),
  );
}

/** The message of the shared story, in the box below the sharer's header. */
function quotedMessage(scope: Element[], quotedBox: Element): Element | undefined {
  return scope.find((m) => quotedBox.contains(m) && !m.parentElement?.closest(MESSAGE));
}

/**
 * The blockquotes of a story that hold Facebook's translation of a message: paragraphs (div[dir="auto"]), as a message
 * has, outside its header, its links, its other parts and any message. Facebook uses blockquotes for other things
 * too: a label of a single span ("Facebook", over an attachment it cannot show, on a real 2024 profile page) is none.
 */
function translations(root: Element): Element[] {
  return own(root, TRANSLATION).filter(
    (q) =>
      q.querySelector('div[dir="auto"]') !== null &&
      !q.closest(`${HEADER}, a[href], [data-ad-rendering-role]`) &&
      !q.parentElement?.closest(`${MESSAGE}, ${TRANSLATION}`),
  );
}

/**
 * The story's own words and the shared story's: each its message, or where Facebook shows its translation instead of
 * the message, the blockquote holding it.
 */
function storyWords(root: Element, quotedBox: Element | undefined): { mine?: Element; shared?: Element } {
  const messages = own(root, MESSAGE);
  let translated: Element[] | undefined;
  const quotes = () => (translated ??= translations(root));
  const mine = messageIn(messages, quotedBox, root) ?? messageIn(quotes(), quotedBox, root);
  const shared = quotedBox && (quotedMessage(messages, quotedBox) ?? quotedMessage(quotes(), quotedBox));
  return { mine, shared };
}

/**
 * The one permalink a source names: undefined when it names none, null when its ids disagree (the story is
 * then not read at all rather than given one of them).
 */
function agreed(links: Permalink[]): Permalink | null | undefined {
  const first = links[0];
  if (!first) return undefined;
  return links.every((l) => l.id === first.id) ? first : null;
}

/**
 * The post a photo or video link says it belongs to: set=pcb.<post> (a profile's or page's), set=gm.<post> (a group's);
 * in a path, /<owner>/photos|videos/pcb.<post>/<media>/, with the owner it names.
 */
function containerOf(href: string | null | undefined): { kind: 'pcb' | 'gm'; id: string; group?: string; owner?: string } | undefined {
  const url = parseUrl(href);
  if (!url) return undefined;
  const set = /^(pcb|gm)\.(\d{5,25})$/.exec(url.searchParams.get('set') ?? '');
  const path = set ? undefined : /^\/([^/]+)\/(?:photos|videos)\/(pcb|gm)\.(\d{5,25})\/\d+\/?$/.exec(url.pathname);
  const [kind, id] = set ? [set[1], set[2]] : path ? [path[2], path[3]] : [];
  if (!kind || !id) return undefined;
  const group = url.searchParams.get('idorvanity') ?? '';
  return { kind: kind as 'pcb' | 'gm', id, group: /^[A-Za-z0-9.]{1,100}$/.test(group) ? group : undefined, owner: path?.[1] };
}

/** The group a story was posted in, from its header (the group's name, or the author's member link). */
function groupOf(header: Element | undefined): string | undefined {
  for (const a of header?.querySelectorAll('a[href]') ?? []) {
    const m = /^\/groups\/([A-Za-z0-9.]{1,100})(?:\/|$)/.exec(parseUrl(a.getAttribute('href'))?.pathname ?? '');
    if (m) return m[1];
  }
  return undefined;
}

/**
 * An ad: it links "About this ad", or it is labelled "Sponsored" where a story shows its date (the label read from
 * the hidden element its aria-labelledby names, else from its own letters).
 */
const isSponsored = perTask((root: Element): boolean => {
  if (own(root, 'a[href*="/ads/about"]').length) return true;
  const doc = root.ownerDocument;
  return own(root, 'a [aria-labelledby], a[aria-labelledby]').some((el) => {
    const label = doc.getElementById(el.getAttribute('aria-labelledby')!.trim().split(/\s+/)[0]!);
    return [label?.textContent, el.textContent].some(isSponsoredLabel);
  });
});

/** The stories on the page, found once however many of its comments ask. */
const pageStories = perTask((doc: Document): Element[] => [...doc.querySelectorAll(STORY)].filter(isStory));

/**
 * The post the page's address names, when the page shows that one post and nothing else: no other post of any kind
 * (a dialog opened over a feed or over another post's page names another post), and for a profile's or page's post
 * (/<name>/posts/<id>), its author's name in the address.
 */
function addressedPost(root: Element, author: Author): Permalink | undefined {
  const doc = root.ownerDocument;
  const link = storyLink(doc.location?.href);
  if (!link || pageStories(doc).some((el) => el !== root)) return undefined;
  const owner = /^\/([^/]+)\/posts\//.exec(parseUrl(doc.location?.href)?.pathname ?? '')?.[1];
  return owner && owner !== 'groups' && owner.toLowerCase() !== author.handle.toLowerCase() ? undefined : link;
}

/** Whether the page is Facebook's search results (/search/top/, /search/posts/…), which it shows only to readers logged in. */
function isSearchPage(doc: Document): boolean {
  return /^\/search\//.test(parseUrl(doc.location?.href)?.pathname ?? '');
}

/**
 * Whether the page is shown to a reader logged out: it offers a link to log in, and no comment box anywhere. (A
 * post's page so shown lays its story out as a feed's, numbered, in a dialog: 2025 pages.)
 */
function loggedOutPage(doc: Document): boolean {
  if (doc.querySelector(TEXTBOX)) return false;
  for (const a of doc.querySelectorAll('a[href*="/login"]')) if (/^\/login(?:\/|\.php|$)/.test(parseUrl(a.getAttribute('href'))?.pathname ?? '')) return true;
  return false;
}

/**
 * Whether the page's address may name a story: a post on its own page (a dialog, a group's post atop its feed), or a
 * story laid out for a reader logged out outside any feed, its comments listed beside it rather than inside (as
 * independent readers model a post's page). Never a feed's story: a feed shows many.
 */
function mayBeAddressed(root: Element): boolean {
  const form = storyForm(root);
  return form === 'page' || (form === 'loggedOut' && !root.closest('[role="feed"]'));
}

/**
 * Two names that cannot be one post's: both numbers, or both pfbid…, and not the same. A number and a pfbid may name
 * one post: Facebook writes a post's id either way (a real 2024 profile page names one post pcb.6345485438822011 in its
 * photos' links and pfbid0Ec2s… in its comments'), and nothing on the page says whether they are one.
 */
function contradicts(a: Permalink, b: Permalink): boolean {
  return a.id !== b.id && a.id.startsWith('pfbid') === b.id.startsWith('pfbid');
}

/**
 * The posts a story's own comments name: not a shared story's comments, nor comments made on its photo, nor those
 * under a sharer's part of "X and Y shared a post" (on that share).
 */
function commentedPosts(root: Element, quotedBox: Element | undefined): Permalink[] {
  const others = othersHeadings(root);
  return [...root.querySelectorAll(COMMENT)]
    .filter(
      (c) =>
        storyOf(c) === root &&
        !(quotedBox && quotedBox.contains(c)) &&
        !others.some((h) => h.compareDocumentPosition(c) & FOLLOWING),
    )
    .flatMap((c) => {
      const link = ownCommentLink(c);
      return link && !link.onPhoto ? [link.story] : [];
    });
}

/**
 * A story's own links, outside its text, the story it shares and a sharer's part of "X and Y shared a post" (their
 * share's, the comments on it).
 */
function bodyLinks(root: Element, quotedBox: Element | undefined, selector: string): Element[] {
  const others = othersHeadings(root);
  return own(root, selector).filter(
    (a) =>
      !(quotedBox && quotedBox.contains(a)) &&
      !a.closest(MESSAGE) &&
      !a.closest(TRANSLATION) &&
      !others.some((h) => h.compareDocumentPosition(a) & FOLLOWING),
  );
}

/**
 * When a story or comment was posted: the label its time link shows ("2h", "3d", "Yesterday at 15:04", "May 6"; see
 * labelTime), the first of its links that shows one.
 */
function postedAt(links: Element[]): string | undefined {
  for (const a of links) {
    for (const said of timeLabels(a)) {
      const at = labelTime(oneLine(said) ?? '');
      if (at) return at;
    }
  }
  return undefined;
}

/**
 * What a time link says, in the order it is read. A story's date is shown with its letters shuffled among decoys
 * (hidden by its classes, or inline), so first the element its aria-labelledby names (hidden at the end of the page,
 * holding the label: "11 juillet"), or the text an svg `use` draws; then the link's own aria-label ("1 d", "19 س");
 * then its letters but those hidden inline (`--6---h` shows "6h"); then all its text (a comment's "2h").
 */
function* timeLabels(a: Element): Generator<string | null | undefined> {
  const doc = a.ownerDocument;
  const labelled = a.matches('[aria-labelledby]') ? a : a.querySelector('[aria-labelledby]');
  const id = labelled?.getAttribute('aria-labelledby')?.trim().split(/\s+/)[0];
  if (id) yield doc.getElementById(id)?.textContent;
  for (const use of a.querySelectorAll('use')) {
    const target = use.getAttribute('href') ?? use.getAttribute('xlink:href');
    if (target?.startsWith('#')) yield doc.getElementById(target.slice(1))?.textContent;
  }
  yield a.getAttribute('aria-label');
  yield shownLetters(a);
  yield a.textContent;
}

/** An element's text without what is hidden inline (`style="display:none"`) or by `hidden`. */
function shownLetters(el: Element): string {
  let out = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 3) out += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const child = node as Element;
      const style = child.getAttribute('style') ?? '';
      if (child.hasAttribute('hidden') || /display\s*:\s*none/i.test(style)) continue;
      out += shownLetters(child);
    }
  }
  return out;
}

/**
 * The story's permalink: its timestamp link, or — while Facebook leaves that as href="#" until hovered — what
 * else in the story names the story itself: its photos' post, then its reel, then its comments' permalinks; for
 * a post on its own page, then the page's address. Only links of the story's own body count: not its header (the
 * author; for a share, who shared), not its text (links to other posts), not the story it shares, not a sharer's part
 * of "X and Y shared a post" (their share's timestamp, the comments on it). Never an ad's:
 * what its comments, photos, reel or page name must not lend it an id.
 *
 * Photos and a reel are drawn with the story; comments come later, and a new post has none yet. So they name the
 * story first: a post keeps the one id whether its comments have come or not (its photos name it by number, its
 * comments often by pfbid…). Comments naming another number than its photos do leave it unread: one of the two is
 * not the story's.
 */
function storyPermalink(root: Element, header: Element | undefined, quotedBox: Element | undefined, author: Author): Permalink | undefined {
  if (isSponsored(root)) return undefined;
  const body = bodyLinks(root, quotedBox, 'a[href]').filter((a) => !a.closest(HEADER));
  const direct = body
    .filter((a) => !parseUrl(a.getAttribute('href'))?.searchParams.has('comment_id'))
    .map((a) => storyLink(a.getAttribute('href')))
    .find(Boolean);
  if (direct) return direct;
  const media = () => {
    // A group's photos name the group post (gm); elsewhere the profile's or page's post (pcb). In a group, pcb names it
    // too where the author's own media path says so (/<author>/videos/pcb.<post>/…, as group feeds saved in January 2026
    // show it): a photo set elsewhere may be the one of a post the story shares.
    const group = groupOf(header);
    return body.flatMap((a): Permalink[] => {
      const c = containerOf(a.getAttribute('href'));
      if (!c) return [];
      if (group && c.kind === 'pcb') return c.owner === author.handle ? [{ id: c.id, url: `${ORIGIN}/groups/${group}/posts/${c.id}/`, fromMedia: true }] : [];
      if (c.kind !== (group ? 'gm' : 'pcb')) return [];
      const g = group ?? c.group;
      if (c.kind === 'pcb') return [{ id: c.id, url: `${ORIGIN}/${author.handle}/posts/${c.id}`, fromMedia: true }];
      return [{ id: c.id, url: g ? `${ORIGIN}/groups/${g}/posts/${c.id}/` : `${ORIGIN}/${c.id}`, fromMedia: true }];
    });
  };
  const reels = () =>
    quotedBox
      ? []
      : body.flatMap((a): Permalink[] => {
          const m = /^\/reel\/(\d{5,25})\/?$/.exec(parseUrl(a.getAttribute('href'))?.pathname ?? '');
          return m ? [{ id: m[1]!, url: `${ORIGIN}/reel/${m[1]}`, fromMedia: true }] : [];
        });
  const threads = () => commentedPosts(root, quotedBox);
  const page = () => [mayBeAddressed(root) ? addressedPost(root, author) : undefined].filter((p) => p !== undefined);
  // The story's own comments name it first; its photos and reels where no comment has loaded. A photo link may
  // be the original's in a share whose original is not told apart (no header of its own), so it never
  // outweighs the comments, but where both give numbers that differ, nothing names the story for sure.
  for (const source of [threads, media, reels, page]) {
    const found = agreed(source());
    if (found === undefined) continue;
    if (found && source === threads) {
      const shown = agreed(media());
      if (shown === null || (shown && contradicts(found, shown))) return undefined;
    }
    return found ?? undefined;
  }
  return undefined;
}

function readStory(root: Element): Post | undefined {
  const { header, quotedBox } = layout(root);
  const author = authorIn(header);
  if (!author) return undefined;
  const link = storyPermalink(root, header, quotedBox, author);
  if (!link) return undefined;
  const { mine, shared: qMessage } = storyWords(root, quotedBox);
  let quoted: Post['quoted'];
  if (quotedBox) {
    const qLink = [...quotedBox.querySelectorAll('a[href]')].map((a) => storyLink(a.getAttribute('href'))).find(Boolean);
    quoted = { author: sharedAuthor(quotedBox), text: qMessage ? messageText(qMessage) : '', url: qLink?.url };
  }
  return parsePost({
    platform: 'facebook',
    id: link.id,
    url: link.url,
    author,
    text: withSites(mine ? messageText(mine) : '', linkSites(root, quotedBox)),
    quoted,
    publishedAt: postedAt(bodyLinks(root, quotedBox, 'a')),
    isReply: false,
  });
}

/** A link written relative to the page it is on ("?comment_id=…"), not to the site. */
const PAGE_RELATIVE = /^(?![a-z][a-z0-9+.-]*:|\/|#)/i;

/**
 * The address a comment's link relative to the page is read against: the page's, when that names a post and the page
 * shows no story but the comment's (or, for a comment listed beside it, the page's only one). Anywhere else such a
 * link is not read: on a feed, or under a group's post atop its feed, the address is not the comment's post.
 */
function pageBase(root: Element): string | undefined {
  const doc = root.ownerDocument;
  const address = doc.location?.href;
  if (!address || !storyLink(address)) return undefined;
  const story = storyOf(root);
  const stories = pageStories(doc);
  return (story ? stories.every((s) => s === story) : stories.length <= 1) ? address : undefined;
}

function ownCommentLink(root: Element): CommentLink | undefined {
  return own(root, 'a[href*="comment_id="]')
    .map((a) => {
      const href = a.getAttribute('href')!;
      if (!PAGE_RELATIVE.test(href)) return commentLink(href);
      const base = pageBase(root);
      return base ? commentLink(href, base) : undefined;
    })
    .find(Boolean);
}

/**
 * The author a list of links names: the first profile link with a name, outside the text. A link hidden from
 * screen readers is taken only where no other names one: it is the avatar's, whose only words may be a badge
 * ("Online", on a real 2024 page).
 */
function linkedAuthor(links: Element[], text: string): Author | undefined {
  let hidden: Author | undefined;
  for (const a of links) {
    if (a.closest(text)) continue;
    const name = oneLine(a.textContent);
    const p = profileOf(a.getAttribute('href'));
    if (!p || !name) continue;
    if (a.getAttribute('aria-hidden') !== 'true') return { ...p, name };
    hidden ??= { ...p, name };
  }
  return hidden;
}

/** Where a comment's words are: Facebook marks them with the language it recognises (span[lang]). */
const COMMENT_TEXT = 'span[lang], [data-ad-preview="message"]';

/**
 * A comment's words: its span[lang], or where Facebook recognised no language (a real 2025 page), the span holding
 * its paragraphs (div[dir="auto"]) outside its links and buttons.
 */
function commentBody(root: Element): Element | undefined {
  const marked = own(root, COMMENT_TEXT)[0];
  if (marked) return marked;
  for (const p of own(root, 'span[dir="auto"] div[dir="auto"]')) {
    const span = p.closest('span[dir="auto"]');
    if (span && !span.closest('a[href], [role="button"], h2, h3, h4')) return span;
  }
  return unmarkedBody(root);
}

/**
 * A comment's words where nothing marks them, as public scrapers (disrex-group/FB-Comments-Exporter, 2025) and pages
 * written to test them have them: the comment's first line or paragraph of its own (div[dir="auto"],
 * span[dir="auto"]) outside its links, buttons and headings that is not its author's name (a profile link's words, or
 * part of the comment's label, "Comment by Alex Wu"). Read only where every other link in the comment is to one
 * profile, its author's, or is its permalink: a link card's title and site (a real 2025 page shows them as such spans,
 * beside the card's link) and a badge's words are then not there to be taken for it.
 */
function unmarkedBody(root: Element): Element | undefined {
  const lines = own(root, 'div[dir="auto"], span[dir="auto"]');
  if (!lines.length) return undefined;
  const links = own(root, 'a[href]');
  const names = new Set(links.filter((a) => profileOf(a.getAttribute('href'))).map((a) => oneLine(a.textContent) ?? ''));
  const label = root.getAttribute('aria-label') ?? '';
  const words = lines.find((el) => {
    // (A badge beside the author's name, "Author" or "Top fan", is a role="link" without an address.)
    const control = el.closest('a[href], [role="button"], [role="link"], button, h2, h3, h4');
    if (control && root.contains(control)) return false;
    const outer = el.parentElement?.closest('[dir="auto"]');
    if (outer && root.contains(outer)) return false;
    // Emoji are images: their words are their alt text.
    const text = oneLine(readableText(el));
    return text !== undefined && !names.has(text) && !label.includes(text);
  });
  if (!words) return undefined;
  // Paragraphs in a wrapper of their own are read together.
  const up = words.parentElement;
  const body = words.matches('div') && up && up !== root && [...up.children].every((c) => c.matches('div[dir="auto"]')) ? up : words;
  let author: string | undefined;
  for (const a of links) {
    if (body.contains(a)) continue; // a mention, a hashtag, a link in the words
    const href = a.getAttribute('href');
    const handle = profileOf(href)?.handle;
    if (!handle && href?.includes('comment_id=')) continue;
    if (!handle || (author !== undefined && handle !== author)) return undefined;
    author = handle;
  }
  return body;
}

/** A comment's author: its first profile link with a name, outside its words (`body`, commentBody's: mentions). */
function commentAuthor(root: Element, body = commentBody(root)): Author | undefined {
  return linkedAuthor(own(root, 'a[href]').filter((a) => !body?.contains(a)), COMMENT_TEXT);
}

/** A comment's words as read, from its body (commentBody), and the sites its links lead to (a link card's). */
function commentText(root: Element, body: Element | undefined): string | undefined {
  return body ? withSites(messageText(body), linkSites(root)) : undefined;
}

/** Facebook's own hosts: a link to them leads to no other site. */
const OWN_HOSTS = /(?:^|\.)(?:facebook\.com|fb\.com|fb\.watch|fbcdn\.net|messenger\.com|m\.me)$/;

/**
 * The sites a story's or comment's own links lead to (through l.facebook.com), but a shared post's: a link card shows
 * its site only as a caption ("ACMEAIR.COM"), or not at all, and a link in the words may show other words.
 */
function linkSites(root: Element, quotedBox?: Element): Array<string | undefined> {
  // Links to Facebook's own pages (most of a story's) are left out by the selector, before anything is looked up.
  const links = own(root, 'a[href^="http"]:not([href^="https://www.facebook.com"]):not([href^="https://web.facebook.com"]):not([href^="https://m.facebook.com"])');
  return linkSitesOf(quotedBox ? links.filter((a) => !quotedBox.contains(a)) : links, OWN_HOSTS);
}

/**
 * The top-level comments under a story (or on a page), by id: found once for all the replies read together, as every
 * reply's first read looks its thread's comment up.
 */
const topComments = perTask((scope: ParentNode): Map<string, Element> => {
  const byId = new Map<string, Element>();
  for (const c of scope.querySelectorAll(COMMENT)) {
    const l = ownCommentLink(c);
    if (l && !l.isNested && !byId.has(l.id)) byId.set(l.id, c);
  }
  return byId;
});

/**
 * The comment a reply answers: the comment it is nested in, when that one is of the same thread (none when it is
 * of another); else, where replies are listed beside their thread, its top-level comment.
 */
function repliedComment(root: Element, link: CommentLink): Element | undefined {
  const outer = root.parentElement?.closest(COMMENT);
  const scope = storyOf(root) ?? root.ownerDocument;
  let parent: Element | undefined;
  if (outer) {
    const l = ownCommentLink(outer);
    parent = l && l.story.id === link.story.id && l.threadComment === link.threadComment ? outer : undefined;
  } else {
    const top = topComments(scope).get(link.threadComment ?? '');
    parent = top !== root ? top : undefined;
  }
  // Facebook's English label names whom a reply answers ("Reply by Maya Chen to Dana Reyes's comment"): past the
  // depth Facebook nests to, a reply to a reply is shown beside it, under another comment. There the comment
  // answered is the last before it in its thread by the one the label names, or none is known.
  const label = root.getAttribute('aria-label') ?? '';
  const nameOf = (c: Element) => commentAuthor(c)?.name;
  const named = REPLY_TO.exec(label)?.[1] ?? (parent && label ? namedInLabel(label, root, link, scope, nameOf) : undefined);
  if (!named || !parent) return parent;
  const parentName = nameOf(parent);
  if (parentName === undefined || parentName === named) return parent;
  const before = [...scope.querySelectorAll(COMMENT)].filter(
    (c) => c !== root && c.compareDocumentPosition(root) & FOLLOWING && ownCommentLink(c)?.threadComment === link.threadComment,
  );
  return before.reverse().find((c) => nameOf(c) === named);
}

/**
 * Whom a reply's label names in the reader's language ("Respuesta de Maya Chen al comentario de Dana Reyes"): a label
 * naming the reply's author and one other person who commented in the thread before it (the longest name, where one
 * holds another), else none.
 */
function namedInLabel(label: string, root: Element, link: CommentLink, scope: ParentNode, nameOf: (c: Element) => string | undefined): string | undefined {
  const own = nameOf(root);
  const top = topComments(scope).get(link.threadComment ?? '');
  if (!own || !top || !label.includes(own)) return undefined;
  const names = new Set<string>();
  for (const c of [top, ...top.querySelectorAll(COMMENT)]) {
    if (c === root || !(c.compareDocumentPosition(root) & FOLLOWING)) continue;
    const name = nameOf(c);
    if (name && name !== own && label.includes(name)) names.add(name);
  }
  const found = [...names].filter((n) => ![...names].some((m) => m !== n && m.includes(n)));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The owner of the photo or video whose own page this is (the page's address names that id): the profile its one
 * heading outside every comment and story links, as a photo page shows its owner above the caption.
 */
function mediaOwner(comment: Element, id: string): string | undefined {
  const doc = comment.ownerDocument;
  const here = parseUrl(doc.location?.href);
  if (!here || (photoThread(here) ?? videoThread(here))?.id !== id) return undefined;
  return headingOwner(comment.closest('[role="main"], [role="dialog"]') ?? doc.body);
}

/** Whom the one heading outside every comment and story names, found once for all the comments read together. */
const headingOwner = perTask((scope: Element): string | undefined => {
  const headings = [...scope.querySelectorAll('h2, h3')].filter((h) => !h.closest(`${COMMENT}, ${STORY}`) && authorIn(h));
  return headings.length === 1 ? authorIn(headings[0])?.handle : undefined;
});

/** Whether a story shows the photo of this id itself (its own link to it, not a comment's). */
function showsPhoto(story: Element, fbid: string): boolean {
  return own(story, `a[href*="fbid=${fbid}"]`).some((a) => {
    const url = parseUrl(a.getAttribute('href'));
    return url !== undefined && !url.searchParams.has('comment_id') && photoThread(url)?.id === fbid;
  });
}

interface StoryIdentity {
  author?: Author;
  link?: Permalink;
  /**
   * The ids its comments' links may give it: its permalink's and, for a story named by its photos or reel, the one all
   * its own comments name where that cannot be another post's: a pfbid… where its photos name it by number, any post
   * for a reel, whose id is a video's. (Comments name their post as its timestamp link does.)
   */
  names: string[];
}

/** A story's author, permalink and names, read once while its comments are read one after another. */
const storyIdentity = perTask((story: Element): StoryIdentity => {
  const { header, quotedBox } = layout(story);
  const author = authorIn(header);
  const link = author ? storyPermalink(story, header, quotedBox, author) : undefined;
  if (!link) return { author, names: [] };
  const commented = link.fromMedia ? agreed(commentedPosts(story, quotedBox)) : undefined;
  const isReel = link.url.startsWith(`${ORIGIN}/reel/`);
  return { author, link, names: commented && (isReel || !contradicts(commented, link)) ? [link.id, commented.id] : [link.id] };
});

/**
 * The story a comment listed outside any story is on: the one story on the page, when the comment's link names it
 * (on a post's own page as independent readers model it, the comments beside the post rather than inside it).
 */
function storyBeside(root: Element, link: CommentLink): Element | undefined {
  const stories = pageStories(root.ownerDocument);
  const story = stories.length === 1 ? stories[0]! : undefined;
  return story && storyIdentity(story).names.includes(link.story.id) ? story : undefined;
}

function readComment(root: Element): Post | undefined {
  const link = ownCommentLink(root);
  if (!link) return undefined;
  const body = commentBody(root);
  const author = commentAuthor(root, body);
  const text = commentText(root, body);
  if (!author || text === undefined) return undefined;
  // A reply answers the comment it is nested in (a reply, when it answers a reply), or else the top-level comment
  // of its thread; a top-level comment answers the story.
  let inReplyTo: string | undefined;
  if (link.isNested) {
    const parent = repliedComment(root, link);
    inReplyTo = parent ? commentAuthor(parent)?.handle : undefined;
  } else {
    // The story's author, when the comment is on that story (under "X and Y shared a post", a comment may be
    // on one of the shares instead). Comments on a photo's own page are on no story.
    const story = storyOf(root) ?? (link.onPhoto ? undefined : storyBeside(root, link));
    const onStory = story ? storyIdentity(story) : undefined;
    // A comment may name the story's photo rather than the story (a cover-photo story, on a real 2024 page).
    const onItsPhoto = link.onPhoto && story ? showsPhoto(story, link.story.id) : false;
    inReplyTo = onStory?.link && (onStory.names.includes(link.story.id) || onItsPhoto) ? onStory.author?.handle : undefined;
    // On a video's own page, whose address names its page, that page; on the page of the photo or video itself, whom
    // its one heading names (the photo's owner, above its caption).
    if (!story && link.onPhoto) inReplyTo = link.story.owner ?? mediaOwner(root, link.story.id);
  }
  return parsePost({
    platform: 'facebook',
    id: link.id,
    url: link.url,
    author,
    text,
    publishedAt: postedAt(own(root, 'a[href*="comment_id="]')),
    isReply: true,
    inReplyTo,
    threadId: link.story.id,
  });
}

const TEXTBOX = 'div[contenteditable="true"][role="textbox"]';
/** Whom a reply answers, as Facebook's English label names them. */
const REPLY_TO = /^Reply by .+? to (.+?)['’]s (?:comment|reply)\b/;

/** A box sits in a comment thread when, on its way up, it shares a wrapper with a comment. */
function inThread(box: Element, stop: Element | undefined): boolean {
  for (let up = box.parentElement; up && up !== stop; up = up.parentElement) {
    if ([...up.children].some((c) => c.matches(COMMENT) || c.querySelector(`:scope > ${COMMENT}`))) return true;
  }
  return false;
}

// m.facebook.com, the older touch site (modelled on pages saved from it). A story is article[data-ft]
// (div[data-sigil~="story-div"] on a story's own page) whose data-ft JSON names it: top_level_post_id,
// content_owner_id_new (who posted), page_insights listing the group (page_id_type "group") for a group's post,
// original_content_id / original_content_owner_id for a share, and an "ei" key on ads. Inside
// div.story_body_container: a <header> whose h3 links the author (and, in "… shared a <a>post</a>", the shared
// post — never this story) and whose [data-sigil~="m-feed-voice-subtitle"] holds the timestamp link
// (/story.php?story_fbid=…&id=…, /groups/<g>/permalink/<id>/); the text div[data-ft='{"tn":"*s"}'] (class _5rgt),
// one <p> per paragraph, a long text cut with "… More" (span.text_exposed_hide) and its rest already in
// .text_exposed_show; a share's story nested in its own article / .story_body_container. On a story's page its
// comments follow inside the story: div[data-sigil="comment"] with id=<comment id>, replies
// div[data-sigil="comment inline-reply"] inside the comment they answer, the body [data-sigil="comment-body"]
// with data-commentid="<post>_<comment>", the author's id in data-sigil="feed_story_ring<id>", the composer a
// textarea.
const TOUCH_STORY = 'article[data-ft], div[role="article"][data-ft], div[data-sigil~="story-div"]';
const TOUCH_COMMENT = 'div[data-sigil~="comment"]';
const TOUCH_BOUNDARY = `${TOUCH_STORY}, ${TOUCH_COMMENT}`;
const TOUCH_MESSAGE = `div[data-ft='{"tn":"*s"}'], div._5rgt`;
const TOUCH_SUBTITLE = '[data-sigil~="m-feed-voice-subtitle"]';

/** Elements of a touch story or comment itself (not of a comment nested in it). */
function touchOwn(root: Element, selector: string): Element[] {
  return [...root.querySelectorAll(selector)].filter((el) => el.closest(TOUCH_BOUNDARY) === root);
}

function dataFt(el: Element): Record<string, unknown> | undefined {
  try {
    const ft: unknown = JSON.parse(el.getAttribute('data-ft') ?? '');
    return ft && typeof ft === 'object' ? (ft as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A numeric Facebook id given as a string or a number. */
function fbid(value: unknown): string | undefined {
  const s = typeof value === 'number' ? String(value) : value;
  return typeof s === 'string' && /^\d{5,25}$/.test(s) ? s : undefined;
}

function touchSponsored(root: Element, ft: Record<string, unknown> | undefined): boolean {
  return Boolean(ft && 'ei' in ft) || touchOwn(root, 'a[href*="/ads/about"], a[href*="is_sponsored"]').length > 0;
}

/** The shared story of a share: the first story nested inside this one. */
function touchQuotedBox(root: Element): Element | undefined {
  return root.querySelector(':scope article, :scope div[role="article"], :scope .story_body_container .story_body_container') ?? undefined;
}

function touchHeader(root: Element, quotedBox: Element | undefined): Element | undefined {
  return touchOwn(root, 'h3').find((h) => !(quotedBox && quotedBox.contains(h)));
}

/** A permalink from a touch story's data-ft: the group's post, or the poster's story. */
function ftPermalink(id: string | undefined, owner: string | undefined, group?: string): Permalink | undefined {
  if (!id) return undefined;
  if (group) return { id, url: `${ORIGIN}/groups/${group}/posts/${id}/` };
  return { id, url: owner ? `${ORIGIN}/permalink.php?story_fbid=${id}&id=${owner}` : `${ORIGIN}/${id}` };
}

function touchPermalink(root: Element, ft: Record<string, unknown> | undefined, quotedBox: Element | undefined): Permalink | undefined {
  const id = fbid(ft?.top_level_post_id);
  if (id) {
    // A story in a group lists the group among its page_insights (beside the page that posted it, if any).
    const insights = ft?.page_insights && typeof ft.page_insights === 'object' ? Object.values(ft.page_insights) : [];
    const group = (insights as Array<{ page_id?: unknown; page_id_type?: unknown } | null>).find((v) => v?.page_id_type === 'group');
    return ftPermalink(id, fbid(ft?.content_owner_id_new), fbid(group?.page_id));
  }
  // No data-ft id: the timestamp link under the author's name (the touch site always fills it in).
  return touchOwn(root, `${TOUCH_SUBTITLE} a[href]`)
    .filter((a) => !(quotedBox && quotedBox.contains(a)))
    .map((a) => storyLink(a.getAttribute('href')))
    .find(Boolean);
}

/** Touch text: paragraphs joined by new lines; "… More" dropped when the rest of the text is there. */
function touchText(el: Element): string {
  const clone = copyWithout(el, '[data-sigil~="more"], [style*="display:none"], [style*="display: none"]');
  if (clone.querySelector('.text_exposed_show')) clone.querySelectorAll('.text_exposed_hide').forEach((n) => n.remove());
  const paras = [...clone.querySelectorAll('p')].filter((p) => !p.querySelector('p'));
  if (!paras.length) return readableText(clone);
  return paras.map((p) => readableText(p)).filter(Boolean).join('\n');
}

interface TouchStory {
  author: Author;
  text: string;
  quoted?: Post['quoted'];
  ft?: Record<string, unknown>;
  quotedBox?: Element;
}

function touchStoryParts(root: Element): TouchStory | undefined {
  // A story nested in another is the shared part of that one, read with it.
  if (root.parentElement?.closest(TOUCH_STORY)) return undefined;
  const ft = dataFt(root);
  if (touchSponsored(root, ft)) return undefined;
  const quotedBox = touchQuotedBox(root);
  const author = authorIn(touchHeader(root, quotedBox));
  if (!author) return undefined;
  const outermost = (m: Element) => !m.parentElement?.closest(TOUCH_MESSAGE);
  const mine = touchOwn(root, TOUCH_MESSAGE).find((m) => outermost(m) && !(quotedBox && quotedBox.contains(m)));
  let quoted: Post['quoted'];
  if (quotedBox) {
    const qMessage = [...quotedBox.querySelectorAll(TOUCH_MESSAGE)].find(outermost);
    const qAuthor = authorIn([...quotedBox.querySelectorAll('h3')].find((h) => authorIn(h)));
    const qLink =
      ftPermalink(fbid(ft?.original_content_id), fbid(ft?.original_content_owner_id)) ??
      [...quotedBox.querySelectorAll(`${TOUCH_SUBTITLE} a[href]`)].map((a) => storyLink(a.getAttribute('href'))).find(Boolean);
    quoted = { author: qAuthor?.handle, text: qMessage ? touchText(qMessage) : '', url: qLink?.url };
  }
  return { author, text: mine ? touchText(mine) : '', quoted, ft, quotedBox };
}

function readTouchStory(root: Element): Post | undefined {
  const parts = touchStoryParts(root);
  const link = parts && touchPermalink(root, parts.ft, parts.quotedBox);
  if (!parts || !link) return undefined;
  return parsePost({
    platform: 'facebook',
    id: link.id,
    url: link.url,
    author: parts.author,
    text: parts.text,
    quoted: parts.quoted,
    // Its time as the touch site shows it: "2 hrs", "Yesterday at 18:05" (abbr).
    publishedAt: postedAt(touchOwn(root, 'abbr')),
    isReply: false,
  });
}

interface TouchComment {
  id: string;
  story: string;
  /** The top-level comment a reply answers. */
  parent?: Element;
  parentId?: string;
}

/** A touch comment's ids, from its id attribute and the "<post>_<comment>" token of its body. */
function touchCommentIds(root: Element): TouchComment | undefined {
  const id = root.getAttribute('id') ?? '';
  const body = touchOwn(root, '[data-sigil~="comment-body"][data-commentid]')[0];
  const m = /^(\d{5,25})_(\d{5,25})$/.exec(body?.getAttribute('data-commentid') ?? '');
  if (!m || m[2] !== id) return undefined;
  const isReply = (root.getAttribute('data-sigil') ?? '').split(/\s+/).includes('inline-reply');
  if (!isReply) return { id, story: m[1]! };
  const parent = root.parentElement?.closest(TOUCH_COMMENT) ?? undefined;
  const parentId = parent?.getAttribute('id') ?? '';
  return parent && /^\d{5,25}$/.test(parentId) ? { id, story: m[1]!, parent, parentId } : undefined;
}

function touchCommentAuthor(root: Element): Author | undefined {
  const linked = linkedAuthor(touchOwn(root, 'a[href]'), '[data-sigil~="comment-body"]');
  if (linked) return linked;
  const ring = touchOwn(root, '[data-sigil^="feed_story_ring"]')[0];
  const id = /^feed_story_ring(\d{5,25})$/.exec(ring?.getAttribute('data-sigil') ?? '')?.[1];
  if (!id) return undefined;
  const name = oneLine(touchOwn(root, 'div._2b05')[0]?.textContent);
  return { handle: id, profileUrl: `${ORIGIN}/profile.php?id=${id}`, name };
}

function touchCommentText(root: Element): string | undefined {
  const body = touchOwn(root, '[data-sigil~="comment-body"]')[0];
  return body ? readableText(body) : undefined;
}

function readTouchComment(root: Element): Post | undefined {
  const ids = touchCommentIds(root);
  const author = touchCommentAuthor(root);
  const text = touchCommentText(root);
  if (!ids || !author || text === undefined) return undefined;
  const storyRoot = root.closest(TOUCH_STORY) ?? undefined;
  const story = storyRoot && touchStoryParts(storyRoot);
  const storyLinkOf = storyRoot && story ? touchPermalink(storyRoot, story.ft, story.quotedBox) : undefined;
  const storyUrl = storyLinkOf?.id === ids.story ? storyLinkOf.url : `${ORIGIN}/${ids.story}`;
  const sep = storyUrl.includes('?') ? '&' : '?';
  const top = ids.parentId ?? ids.id;
  return parsePost({
    platform: 'facebook',
    id: ids.id,
    url: `${storyUrl}${sep}comment_id=${top}${ids.parentId ? `&reply_comment_id=${ids.id}` : ''}`,
    author,
    text,
    publishedAt: postedAt(touchOwn(root, 'abbr')),
    isReply: true,
    inReplyTo: ids.parent ? touchCommentAuthor(ids.parent)?.handle : story?.author.handle,
    threadId: ids.story,
  });
}

// m.facebook.com, the current renderer (modelled on markup that feed cleaners and ad blockers for it captured on
// devices and published). The feed is div[data-type="vscroller"]; each card a
// div[data-tracking-duration-id] of nested div[data-mcomponent="MContainer"]; text in
// div[data-mcomponent="TextArea" | "ServerTextArea"] > .native-text, the author a span[role="link"] (no href: the
// renderer navigates by data-action-id, so cards carry no post or profile links), the time a span after it; Facebook's icon
// font as private-use characters. data-tracking-duration-id is a counter, not an id. The only post id a card
// carries is top_level_post_id in a video's data-video-tracking JSON, so only such cards are read; ads carry
// "is_sponsored"/"adid" there or data-testid="sponsored-story-photo". A card showing a second author line (a
// share) is not split reliably and is skipped.
/** A card: a div, or (pages saved in January 2026) an article. */
const LITE_STORY = 'div[data-tracking-duration-id], article[data-tracking-duration-id]';
const LITE_TEXT = '[data-mcomponent="TextArea"], [data-mcomponent="ServerTextArea"]';
const PRIVATE_USE = /[\u{E000}-\u{F8FF}\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/gu;

function liteOwn(root: Element, selector: string): Element[] {
  return [...root.querySelectorAll(selector)].filter((el) => el.closest(LITE_STORY) === root);
}

function liteTracking(root: Element): Array<Record<string, unknown>> {
  return liteOwn(root, '[data-video-tracking]').flatMap((el) => {
    try {
      const t: unknown = JSON.parse(el.getAttribute('data-video-tracking') ?? '');
      return t && typeof t === 'object' ? [t as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
}

function liteSponsored(root: Element, tracking: Array<Record<string, unknown>>): boolean {
  return (
    tracking.some((t) => Boolean(t.is_sponsored) || 'adid' in t) ||
    liteOwn(root, '[data-testid="sponsored-story-photo"], a[href*="/ads/about"]').length > 0
  );
}

function liteLine(el: Element): string {
  return readableText(copyWithout(el, '[role="button"]')).replace(PRIVATE_USE, '').replace(/\s*(?:…\s*)?See more$/, '…').trim();
}

/** An author line: a text block that opens with a name (span[role="link"]). */
function opensWithName(area: Element): boolean {
  const text = area.querySelector('.native-text') ?? area;
  const first = [...text.childNodes].find((n) => n.nodeType === 1 || (n.nodeValue ?? '').replace(PRIVATE_USE, '').trim());
  return Boolean(first && first.nodeType === 1 && (first as Element).matches('[role="link"]'));
}

interface LiteCard {
  author: Author;
  header: Element;
  text: string;
}

function liteParts(root: Element, tracking: Array<Record<string, unknown>>): LiteCard | undefined {
  if (liteSponsored(root, tracking)) return undefined;
  const areas = liteOwn(root, LITE_TEXT).filter((a) => !a.closest('[role="button"], [aria-hidden="true"]') && !a.parentElement?.closest(LITE_TEXT));
  const first = areas.find(opensWithName);
  const nameEl = first?.querySelector('[role="link"]');
  const name = oneLine(nameEl?.textContent?.replace(PRIVATE_USE, ''));
  // The author line and what sits beside it (the time) form the header.
  const header = first?.parentElement;
  if (!first || !name || !header || header === root) return undefined;
  const rest = areas.filter((a) => !header.contains(a));
  if (rest.some(opensWithName)) return undefined;
  const text = rest.map(liteLine).filter(Boolean).join('\n');
  // The renderer links no profile: the name is the only handle shown.
  return { author: { handle: name, name }, header, text };
}

function readLite(root: Element): Post | undefined {
  const tracking = liteTracking(root);
  const found = agreed(tracking.flatMap((t) => {
    const id = fbid(t.top_level_post_id);
    return id ? [{ id, url: `${ORIGIN}/${id}` }] : [];
  }));
  const parts = found && liteParts(root, tracking);
  if (!found || !parts) return undefined;
  return parsePost({ platform: 'facebook', id: found.id, url: found.url, author: parts.author, text: parts.text, isReply: false });
}

type Kind = 'story' | 'comment' | 'touchStory' | 'touchComment' | 'lite';

/** Whether an element shows an author's name as a story does: a profile_name heading outside its comments. */
function namesAuthor(el: Element): boolean {
  const first = el.querySelector(PROFILE_NAME);
  return first !== null && (!first.closest(COMMENT) || [...el.querySelectorAll(PROFILE_NAME)].some((p) => !p.closest(COMMENT)));
}

/**
 * A story without aria-posinset (UNNUMBERED_STORY): in the feed, naming an author, holding no numbered story, and
 * inside no story, comment or other such div (whatever a story holds with these attributes is part of it).
 */
const isUnnumbered = perTask((el: Element): boolean => {
  const up = el.parentElement;
  if (!up?.closest('[role="feed"]') || up.closest(`${LOGGED_IN_STORY}, ${UNNUMBERED_STORY}, div[role="article"]`)) return false;
  return namesAuthor(el) && !el.querySelector(`${LOGGED_IN_STORY}, ${LOGGED_OUT_STORY}`);
});

/** A feed's cell that is a story itself (BARE_CELL): naming an author, and holding no story of another kind. */
const isBareCell = perTask((el: Element): boolean => {
  if (!namesAuthor(el) || el.querySelector(LOGGED_IN_STORY)) return false;
  // A story of another kind inside is the story (a slot still loading, a menu's dialog, a player are none).
  if ([...el.querySelectorAll(LOGGED_OUT_STORY)].some((a) => !a.querySelector(LOADING))) return false;
  if ([...el.querySelectorAll(PAGE_POST)].some((p) => p.matches(UNNUMBERED_STORY) || isPagePost(p))) return false;
  return ![...el.querySelectorAll(UNNUMBERED_STORY)].some(isUnnumbered);
});

/** Whether an element is inside a story without aria-posinset. */
function inUnnumbered(el: Element): boolean {
  for (let up = el.parentElement?.closest(UNNUMBERED_STORY); up; up = up.parentElement?.closest(UNNUMBERED_STORY)) {
    if (isUnnumbered(up)) return true;
  }
  return false;
}

/**
 * A post on its own page (PAGE_POST): naming an author, inside no story or comment, and holding no story of any
 * other kind (a dialog listing stories, or a feed unit wrapping one, leaves them to be read one by one).
 */
const isPagePost = perTask((el: Element): boolean => {
  // Most dialogs (chats, menus) name no author: the cheapest test first.
  if (!namesAuthor(el)) return false;
  if (el.parentElement?.closest(`${LOGGED_IN_STORY}, div[role="article"], ${PAGE_POST}`) || inUnnumbered(el)) return false;
  if (el.querySelector(`${LOGGED_IN_STORY}, ${LOGGED_OUT_STORY}, ${PAGE_POST}`)) return false;
  if ([...el.querySelectorAll(UNNUMBERED_STORY)].some(isUnnumbered) || [...el.querySelectorAll(BARE_CELL)].some(isBareCell)) return false;
  // A composer above the post it shows is a share or a new post quoting it (Share → "Share to Feed"), not the
  // post's page: its box would publish a post, not a comment.
  const box = el.querySelector(TEXTBOX);
  const author = el.querySelector(PROFILE_NAME);
  return !box || !author || (author.compareDocumentPosition(box) & FOLLOWING) !== 0;
});

/**
 * How a story is laid out: a feed unit (numbered or not), a unit laid out for a reader logged out, or a post on its
 * own page.
 */
function storyForm(el: Element): 'feed' | 'loggedOut' | 'page' | undefined {
  if (el.matches(LOGGED_IN_STORY) || (el.matches(UNNUMBERED_STORY) && isUnnumbered(el)) || (el.matches(BARE_CELL) && isBareCell(el))) return 'feed';
  if (el.matches(LOGGED_OUT_STORY)) return el.parentElement?.closest(LOGGED_IN_STORY) || inUnnumbered(el) ? undefined : 'loggedOut';
  if (el.matches(PAGE_POST) && isPagePost(el)) return 'page';
  return undefined;
}

function isStory(el: Element): boolean {
  return el.matches(STORY) && storyForm(el) !== undefined;
}

/** The story an element is in (itself included). */
function storyOf(el: Element): Element | null {
  for (let up: Element | null = el; up; up = up.parentElement) if (isStory(up)) return up;
  return null;
}

/** Every root but a story: these are roots wherever they stand. */
const OTHER_ROOTS = `${COMMENT}, ${TOUCH_STORY}, ${TOUCH_COMMENT}, ${LITE_STORY}`;

function kindOf(root: Element): Kind | undefined {
  if (isStory(root)) return 'story';
  if (root.matches(COMMENT)) return 'comment';
  if (root.matches(TOUCH_COMMENT)) return 'touchComment';
  if (root.matches(TOUCH_STORY)) return 'touchStory';
  if (root.matches(LITE_STORY)) return 'lite';
  return undefined;
}

const READERS: Record<Kind, (root: Element) => Post | undefined> = {
  story: readStory,
  comment: readComment,
  touchStory: readTouchStory,
  touchComment: readTouchComment,
  lite: readLite,
};

/** The author of the story a share shows: the first header in its box that names one. */
function sharedAuthor(quotedBox: Element): string | undefined {
  return authorIn([...quotedBox.querySelectorAll(HEADER)].find((h) => authorIn(h)))?.handle;
}

function read(root: Element): Post | undefined {
  const kind = kindOf(root);
  return kind ? READERS[kind](root) : undefined;
}

export const facebook: SiteAdapter = defineAdapter({
  id: 'facebook',
  platform: 'facebook',
  matches: ['https://www.facebook.com/*', 'https://facebook.com/*', 'https://web.facebook.com/*', 'https://m.facebook.com/*'],
  postSelector: `${STORY}, ${OTHER_ROOTS}`,

  closestRoot(el) {
    // A div[role="article"] inside a logged-in story is part of it, not a story of its own; so is any other element
    // STORY selects that isStory does not take for one (a dialog naming no author, a div inside a story).
    // A touch-site story inside one of Comet's is part of it (an ad's, on a real 2025 page), not a root of its own.
    for (let up: Element | null = el; up; up = up.parentElement) {
      if (isStory(up)) return up;
      if (up.matches(OTHER_ROOTS) && !(up.matches(TOUCH_STORY) && up.parentElement && storyOf(up.parentElement))) return up;
    }
    return null;
  },

  getPostId(root) {
    return read(root)?.id;
  },

  isAd(root) {
    const kind = kindOf(root);
    if (kind === 'story') return isSponsored(root);
    if (kind === 'touchStory') return touchSponsored(root, dataFt(root));
    if (kind === 'lite') return liteSponsored(root, liteTracking(root));
    return false;
  },

  peek(root) {
    // Undefined until the root can be read (a loading slot is read again once Facebook fills it).
    const kind = kindOf(root);
    if (kind === 'comment') {
      const body = commentBody(root);
      const author = commentAuthor(root, body);
      const text = commentText(root, body);
      const link = ownCommentLink(root);
      if (!author || text === undefined || !link) return undefined;
      // On a photo's or video's own page a comment answers its owner, so one on the brand's is read whatever it says.
      const owner = link.onPhoto && !link.isNested && !storyOf(root) ? (link.story.owner ?? mediaOwner(root, link.story.id)) : undefined;
      // A reply answers the comment it is nested in or listed under (as the full read finds it), so a reply to the
      // brand's comment is read whatever it says ("Ok thanks, that's disappointing though").
      const parent = !owner && link.isNested ? repliedComment(root, link) : undefined;
      const repliesTo = owner ?? (parent ? commentAuthor(parent)?.handle : undefined);
      return repliesTo ? { text, authorHandle: author.handle, repliesTo } : { text, authorHandle: author.handle };
    }
    if (kind === 'touchComment') {
      const author = touchCommentAuthor(root);
      const text = touchCommentText(root);
      return author && text !== undefined && touchCommentIds(root) ? { text, authorHandle: author.handle } : undefined;
    }
    if (kind === 'touchStory') {
      const parts = touchStoryParts(root);
      if (!parts) return undefined;
      const read = { text: [parts.text, parts.quoted?.text].filter(Boolean).join('\n'), authorHandle: parts.author.handle };
      return parts.quoted?.author ? { ...read, quotes: parts.quoted.author } : read;
    }
    if (kind === 'lite') {
      const parts = liteParts(root, liteTracking(root));
      return parts && { text: parts.text, authorHandle: parts.author.handle };
    }
    if (kind !== 'story') return undefined;
    const { header, quotedBox } = layout(root);
    const author = authorIn(header);
    if (!author) return undefined;
    if (isSponsored(root)) return undefined;
    // A shared story's message counts as a mention too, and so does its author (a share of the brand's own post).
    const { mine, shared } = storyWords(root, quotedBox);
    const text = [withSites(mine ? messageText(mine) : '', linkSites(root, quotedBox)), shared ? messageText(shared) : ''].filter(Boolean).join('\n');
    const quotes = quotedBox && sharedAuthor(quotedBox);
    return quotes ? { text, authorHandle: author.handle, quotes } : { text, authorHandle: author.handle };
  },

  extractPost(root) {
    return read(root);
  },

  overlayAnchor(root) {
    switch (kindOf(root)) {
      case 'comment': {
        const name = own(root, 'a[href]').find((a) => oneLine(a.textContent) && !a.closest('span[lang]'));
        return name?.closest('div') ?? root;
      }
      case 'story':
        return layout(root).header?.parentElement ?? root;
      case 'touchStory': {
        const header = touchHeader(root, touchQuotedBox(root));
        return header?.closest('header') ?? header?.parentElement ?? root;
      }
      case 'touchComment':
        return touchOwn(root, '[data-sigil~="comment-body"]')[0]?.parentElement ?? root;
      case 'lite':
        return liteParts(root, liteTracking(root))?.header ?? root;
      default:
        return undefined;
    }
  },

  // The basic mobile site's comment Reply is marked (data-sigil); the others are known by their words.
  replyControl: 'a[data-sigil~="ufi-comment-reply-action"]',

  findReplyControl(root) {
    const kind = kindOf(root);
    // A story's Comment opens its comment box; a comment's Reply, the reply box in its thread.
    if (kind !== 'story' && kind !== 'comment') return undefined;
    // In a story laid out for a reader logged out, either asks the reader to log in: nothing opens. So it does on a
    // post's own page that shows the reader no comment box, and on any page shown to a reader logged out. Search results
    // are laid out so too (div[role="article"], as feed cleaners read them) but shown to readers logged in alone, as is
    // a story holding a comment box.
    const story = storyOf(root);
    const form = story && storyForm(story);
    const boxed = Boolean(story?.querySelector(TEXTBOX));
    if ((form === 'loggedOut' && !boxed && !isSearchPage(root.ownerDocument)) || (form === 'page' && !boxed) || loggedOutPage(root.ownerDocument)) return undefined;
    return labelledControl(root, [kind === 'story' ? 'comment' : 'reply'], ownedBy(facebook, root));
  },

  findReplyBox(root) {
    const kind = kindOf(root);
    if (kind === 'touchStory' || kind === 'touchComment') {
      // The story's comment box on its page; a reply box opens inside the comment it answers.
      return touchOwn(root, 'textarea:not([disabled])')[0] as HTMLElement | undefined;
    }
    // The current mobile renderer's composer floats over the page, apart from any card.
    if (kind !== 'story' && kind !== 'comment') return undefined;
    const story = storyOf(root) ?? undefined;
    const boxes = (scope: Element) => [...scope.querySelectorAll<HTMLElement>(TEXTBOX)];
    if (kind === 'comment') {
      // The reply box opens inside the thread: the nearest open box whose surroundings hold only this thread.
      const thread = ownCommentLink(root)?.threadComment;
      if (!thread) return undefined;
      for (let up = root.parentElement; up && up !== story; up = up.parentElement) {
        const box = boxes(up).find((b) => inThread(b, story));
        if (!box) continue;
        const sameThread = [...up.querySelectorAll(COMMENT)].every((c) => ownCommentLink(c)?.threadComment === thread);
        return sameThread ? box : undefined;
      }
      return undefined;
    }
    // The story's own comment box, not a reply box open inside one of its threads.
    return boxes(root).find((b) => !inThread(b, root));
  },
});
