import { parsePost, type Post } from '../schemas/post';
import { copyWithout, oneLine, opensWith, readableText } from '../dom/readable-text';
import { COMMENT_URN, commentId, encodeUrn, ORIGIN, postUrl, profile, timeOfId, withQuotes } from './linkedin/common';
import { GUEST_ROOTS, guestAnchor, guestPostId, isGuestRoot, peekGuest, readGuest } from './linkedin/guest';
import { labelledControl } from './common/reply-labels';
import { linkSite, shownDomain, withSites } from './common/link-sites';
import { defineAdapter, ownedBy, type Peek, type SiteAdapter } from './types';

// LinkedIn ships two feeds; this adapter reads both.
//
// Ember/artdeco markup (post and activity pages, and the home feed where the redesign has not reached): a feed
// update is div.feed-shared-update-v2[data-urn="urn:li:activity:…"] (in the home feed inside a
// div[data-id="<the same urn>"] a few levels up); its author block is .update-components-actor
// (a.update-components-actor__meta-link, the name twice: once in span[aria-hidden] for the eye, once in
// span.visually-hidden for screen readers); its text is .update-components-text inside
// .feed-shared-inline-show-more-text (the "…more" toggle is a sibling button); a repost's original sits in
// .update-components-mini-update-v2 / .feed-shared-update-v2__update-content-wrapper. Comments are
// article.comments-comment-entity[data-id="urn:li:comment:(ugcPost|activity:…,…)"] (older UI:
// article.comments-comment-item), replies nested inside their parent's article; the composer is a Quill
// div.ql-editor[contenteditable].
// Also read, as independent test pages model this markup (no real capture shows these yet): an update named
// as a ugcPost or share, or by its data-urn alone without its class; one that names nothing itself, named by the
// div[data-id] around it or, on a post's own page, by the address; an author link without LinkedIn's classes
// that holds the author's name element; a comment id that writes its post in full, "(urn:li:activity:…,…)",
// as the redesign's do.
//
// The redesigned home feed (server-driven React, 2026): hashed class names, no data-urn and no permalink. A card is
// div[role="listitem"][componentkey="update-card-focus<key>FeedType_MAIN_FEED_RELEVANCE"] (other prefixes seen:
// "expanded<key>"). Its author is the profile link holding the name block (div[aria-label="<name> <badges>
// <degree>"] > p), after any "X likes this" line whose links carry no such block; the control menu is
// button[aria-label="Open control menu for post by <name>"]. Its text is span[data-testid="expandable-text-box"]
// (<br> line breaks, the "… more" button inside). The post id is in the comment box placeholder,
// [id][componentkey="<b64>-replaceableCommentTools<key>FeedType_…"]: the <b64> prefix is a protobuf holding the
// activity id (field 1) or the ugcPost id (field 2), each a zigzag varint in its own field 1; a card whose key
// holds only a ugcPost id (one in three in real captures) is read as urn:li:ugcPost:<id>. A repost with
// thoughts keeps the original in an unmarked wrapper with its own author block and its text wrapped in a link to
// its permalink. Comments are div[id="replaceableComment_urn:li:comment:(activity:…,…)"] in the card's
// commentsSectionContainer, replies nested beneath their parent; the composer is a TipTap/ProseMirror
// div[contenteditable][role="textbox"].
//
// Ids: a comment is known by its own number, the second of its URN's pair. The first names its post, as
// LinkedIn writes it on that page: the same comment is (ugcPost:1,2) in one feed and (activity:3,2) in the
// other, while its own number is unique (it is a snowflake, like the posts'), so its id is "comment:2".
//
// Times: LinkedIn only prints relative labels ("2h", "1w") that are rounded down, so they are not parsed.
// Activity and comment ids are snowflakes whose top 41 bits are the creation time in milliseconds, which gives
// an exact publishedAt (the technique public "LinkedIn post date" tools use).
/** A feed update of the older markup, whatever it names (a course or a promotion of LinkedIn's own too). */
const UPDATE = 'div.feed-shared-update-v2';
/**
 * An update named by its data-urn: one activity, a post named as a ugcPost or share, or an aggregate of several
 * activities showing one post ("urn:li:aggregate:(urn:li:activity:…,…)"). Its class is not needed: no other
 * element of LinkedIn's carries a post's urn as data-urn. One without the class is an update only where no
 * update, comment or card holds it and it holds no update itself (see `strayUpdate`): a reshared original
 * marked so is part of the reshare, and a wrapper so marked names the update inside it.
 */
const NAMED_UPDATE = ['urn:li:activity:', 'urn:li:ugcPost:', 'urn:li:share:', 'urn:li:aggregate:(urn:li:activity:'].map((urn) => `div[data-urn^="${urn}"]`).join(', ');
/** An update whose own element names nothing: named by the block around it, or by the page's address (see `unnamedUpdateUrn`). */
const UNNAMED_UPDATE = `${UPDATE}:not([data-urn])`;
const POST = `${NAMED_UPDATE}, ${UNNAMED_UPDATE}`;
const COMMENT_ARTICLE = 'article.comments-comment-entity, article.comments-comment-item';
const COMMENT = 'article.comments-comment-entity[data-id^="urn:li:comment:"], article.comments-comment-item[data-id^="urn:li:comment:"]';
/**
 * A card of the redesigned feed: a list item whose componentkey names its feed (its helper parts carry no role);
 * on a post's own page (/posts/…, 2026) the post may be no list item, only "expanded<key>FeedType_FEED_DETAIL"
 * (the outermost such element is the card: a wrapper inside it may repeat the key).
 */
const CARD = 'div[role="listitem"][componentkey*="FeedType_"], div[componentkey$="FeedType_FEED_DETAIL"]';
/**
 * A comment of the redesigned feed, or one of its wrappers: the comment is the element whose id is
 * "replaceableComment_<URN>", and the wrappers around it repeat that as their componentkey; where no
 * element carries the id, the comment is the outermost element with the key (see `commentRootOf`).
 */
const CARD_COMMENT_PREFIX = 'replaceableComment_';
const COMMENT_KEY_PREFIX = `${CARD_COMMENT_PREFIX}urn:li:comment:`;
const CARD_COMMENT_KEYED = `[id^="${COMMENT_KEY_PREFIX}"], [componentkey^="${COMMENT_KEY_PREFIX}"]`;
/** The replies to a comment, when LinkedIn lists them beside it: keyed by the parent's URN, holding others' comments. */
const REPLIES_THREAD = '[componentkey^="repliesThread_urn:li:comment:"]';
/** Roots never contain each other's parts: what belongs to a nested root is not the outer root's. */
const ROOT_BOUNDARY = `${UPDATE}, ${NAMED_UPDATE}, ${COMMENT_ARTICLE}, ${CARD}, ${CARD_COMMENT_KEYED}`;
/** The redesign's roots: its cards and their comments (and their wrappers). */
const CARD_OR_COMMENT = `${CARD}, ${CARD_COMMENT_KEYED}`;
/** Every root, and the markers of the redesign's comments; and the post and comments of a page seen logged out. */
const ROOTS = `${POST}, ${COMMENT}, ${CARD_OR_COMMENT}, ${GUEST_ROOTS}`;
/** The original of a repost, kept apart from the reposter's own words. */
const RESHARE = '.update-components-mini-update-v2, .feed-shared-update-v2__update-content-wrapper';
/** A post an update names: an activity, or a post named as a ugcPost or share. */
const UPDATE_URN = /^urn:li:(activity|ugcPost|share):(\d{6,25})$/;
/** An aggregate update's first activity (EngageKit's LinkedIn extractor reads its activities the same way). */
const AGGREGATE_URN = /^urn:li:aggregate:\(urn:li:activity:(\d{6,25})(?:,urn:li:activity:\d{6,25})*\)$/;
const PROFILE_LINK = 'a[href*="/in/"], a[href*="/company/"], a[href*="/school/"], a[href*="/showcase/"]';
const PERMALINK = 'a[href*="/feed/update/"], a[href*="/posts/"]';
const PERMALINK_PATH = /^\/(?:feed\/update\/urn:li:(activity|share|ugcPost):(\d{6,25})|posts\/[^/]*-(activity|share|ugcPost)-(\d{6,25})-[^/]*)\/?$/;
/** Post and comment text of the redesign (the "… more" button sits inside it). */
const TEXT_BOX = '[data-testid="expandable-text-box"]';
/** The redesign's comment box placeholder, whose id starts with the post's id (see above). */
const TOOLS_MARK = '-replaceableCommentTools';
const COMMENT_TOOLS = `[componentkey*="${TOOLS_MARK}"], [id*="${TOOLS_MARK}"]`;
const COMMENTS_SECTION = '[componentkey^="commentsSectionContainer"]';
/** The card's reactions, whose test id names its post (never a reposted original's): "ReactionFacepileCollection-urn:li:activity:1". */
const FACEPILE = '[data-testid^="ReactionFacepileCollection-urn:li:"]';
const FACEPILE_URN = /^ReactionFacepileCollection-urn:li:(activity|ugcPost):(\d{6,25})$/;
const CONTROL_MENU = /^Open control menu for post by (.+)$/;
const CARD_EDITOR = '[data-testid="ui-core-tiptap-text-editor-wrapper"] [contenteditable="true"], .ProseMirror[contenteditable="true"]';
/** A list of comments (the post's, or a comment's replies). */
const LAZY_LIST = '[data-component-type="LazyColumn"]';

function isComment(root: Element): boolean {
  return root.matches(COMMENT_ARTICLE);
}

/** The "replaceableComment_<URN>" a redesigned comment's element carries as its id or componentkey. */
function commentKey(el: Element): string | undefined {
  if (el.id.startsWith(COMMENT_KEY_PREFIX)) return el.id;
  const key = el.getAttribute('componentkey');
  return key?.startsWith(COMMENT_KEY_PREFIX) ? key : undefined;
}

/**
 * The comment a keyed element belongs to: the element holding the comment's id, else (markup
 * without it) the outermost of the nested wrappers repeating its key. A "repliesThread_" list keyed
 * by the same URN is never the comment: it holds other people's replies.
 */
function commentRootOf(el: Element): Element | undefined {
  const key = commentKey(el);
  if (!key) return undefined;
  let top = el;
  // The wrappers sit within a few levels of each other; a reply's is deeper and keyed otherwise.
  for (let up = el.parentElement, gap = 0; up && gap < 6; up = up.parentElement, gap++) {
    if (commentKey(up) === key) [top, gap] = [up, -1];
  }
  if (top.id === key) return top;
  const byId = /^[\w:(),.-]+$/.test(key) ? top.querySelector(`[id="${key}"]`) : null;
  return byId ?? top;
}

/**
 * The nearest element selected by `selector` at or above `el`, a redesigned comment counting as
 * its root (see `commentRootOf`), and only when it holds `el`.
 */
function enclosing(el: Element, selector: string): Element | null {
  for (let m = el.closest(selector); m; m = m.parentElement?.closest(selector) ?? null) {
    // A card inside a card is a wrapper of the outer one (see strayCard).
    if (!commentKey(m)) {
      if ((m.matches(CARD) && strayCard(m)) || strayUpdate(m)) continue;
      return m;
    }
    const root = commentRootOf(m);
    if (root?.contains(el)) return root;
  }
  return null;
}

/** The root whose part an element is (not a root nested inside that one). */
function boundaryOf(el: Element): Element | null {
  return enclosing(el, ROOT_BOUNDARY);
}

/** Elements of `root` (not of a root nested in it), split by whether they sit in the reposted original. */
function parts(root: Element, selector: string, where: 'own' | 'quoted'): Element[] {
  return [...root.querySelectorAll(selector)].filter((el) => {
    if (boundaryOf(el) !== root) return false;
    const reshare = el.closest(RESHARE);
    const inReshare = Boolean(reshare && root.contains(reshare));
    return where === 'quoted' ? inReshare : !inReshare;
  });
}

/** Text as shown: screen-reader duplicates ("hashtag", names) and toggle buttons left out. */
function textOf(el: Element): string {
  return readableText(copyWithout(el, '.visually-hidden, button, [role="button"]'));
}



interface Author {
  handle: string;
  profileUrl: string;
  name?: string;
}

/**
 * The profile linked around an author's name element, where the link carries none of LinkedIn's usual classes
 * (modelled, see above): a link holds one name, so the one around the author's name is the author's (a header's,
 * a liker's or a mention's link never holds that element).
 */
function profileAround(root: Element, names: Element[]): { handle: string; profileUrl: string } | undefined {
  for (const name of names) {
    const a = name.closest('a[href]');
    const who = a && root.contains(a) ? profile(a.getAttribute('href')) : undefined;
    if (who) return who;
  }
  return undefined;
}

/** The actor of a post (where = 'own') or of the reposted original (where = 'quoted'). */
function actorOf(root: Element, where: 'own' | 'quoted'): Author | undefined {
  const link =
    parts(root, 'a.update-components-actor__meta-link[href], a.update-components-actor__container-link[href], a.update-components-actor__image[href]', where)
      .map((a) => profile(a.getAttribute('href')))
      .find(Boolean) ?? profileAround(root, parts(root, '.update-components-actor__title, .update-components-actor__name', where));
  if (!link) return undefined;
  const title = parts(root, '.update-components-actor__title, .update-components-actor__name', where)[0];
  const visible = title && [...title.querySelectorAll('span[aria-hidden="true"]')].find((s) => !s.closest('.update-components-actor__supplementary-actor-info'));
  const name = oneLine(visible?.textContent) ?? (title ? oneLine(textOf(title)) : undefined);
  return { ...link, name };
}

function commentAuthor(root: Element): Author | undefined {
  const link =
    parts(root, 'a.comments-comment-meta__description-container[href], a.comments-comment-meta__image-link[href], a.comments-post-meta__actor-link[href]', 'own')
      .map((a) => profile(a.getAttribute('href')))
      .find(Boolean) ?? profileAround(root, parts(root, '.comments-comment-meta__description-title, .comments-post-meta__name-text', 'own'));
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
  return withSites(el ? textOf(el) : '', shownSites(parts(root, `${OUTBOUND}, ${ARTICLE_SITE}`, where)));
}

/** LinkedIn's own hosts, and its shortener: a link to them leads to no site the post shows. */
const OWN_HOSTS = /(?:^|\.)(?:linkedin\.com|licdn\.com)$/;
/** Links that may lead off LinkedIn: most of a post's lead to its own pages, and are left out before anything is looked up. */
const OUTBOUND = 'a[href^="http"]:not([href^="https://www.linkedin.com"])';
/** The site line of an article card ("acmeair.com"): LinkedIn rewrites the addresses typed in a post to lnkd.in. */
const ARTICLE_SITE = '.update-components-article__subtitle';

/**
 * The sites a post's links lead to (an article card's link, a link not through lnkd.in) and that its article card
 * names: a link typed in a post shows as an lnkd.in address, so a card's site line may be all the post shows of it.
 */
function shownSites(els: Element[]): string[] {
  return els.map((el) => (el.localName === 'a' ? linkSite(el.getAttribute('href'), OWN_HOSTS) : shownDomain(el.textContent)) ?? '');
}


/** The post a comment belongs to, when the comment is shown inside it. */
function enclosingPost(comment: Element): Element | undefined {
  return (comment.parentElement && enclosing(comment.parentElement, POST)) ?? undefined;
}

/**
 * An update without the class that is none of its own: one inside an update, comment or card (a reshared
 * original marked with its own urn belongs to the reshare), or one holding an update (a wrapper: the update
 * inside it is the post, named by it where it names itself nothing).
 */
function strayUpdate(el: Element): boolean {
  // (Cheap tests first: this is asked of every root an element's owner is looked for in.)
  if (!el.hasAttribute('data-urn') || el.classList.contains('feed-shared-update-v2') || !el.matches(NAMED_UPDATE)) return false;
  return Boolean(el.parentElement?.closest(ROOT_BOUNDARY) || el.querySelector(UPDATE));
}

/** Whether `scope` shows no post but `update` (and what it holds, a reshared original). */
function onlyUpdateIn(scope: ParentNode, update: Element): boolean {
  return [...scope.querySelectorAll(`${UPDATE}, ${NAMED_UPDATE}, ${CARD}`)].every((el) => update.contains(el) || strayUpdate(el));
}

/**
 * The urn of an update whose element names nothing. The block around it a few levels up that carries a urn
 * names it (the home feed's div[data-id], as real 2025 feeds show it around every update), when it shows no
 * other post; never a post around it (a block of another post is no wrapper). Without such a block, on a post's
 * own page (/feed/update/…, /posts/…), the address names it, when the page shows no other post (there the
 * address may name the post as a ugcPost and its update as an activity: another update could not be told apart).
 */
function unnamedUpdateUrn(update: Element): string | undefined {
  for (let up = update.parentElement, depth = 0; up && depth < 4; up = up.parentElement, depth++) {
    if (up.matches(ROOT_BOUNDARY) && !strayUpdate(up)) return undefined;
    const urn = [up.getAttribute('data-id'), up.getAttribute('data-urn')].find((u) => u?.startsWith('urn:li:'));
    if (urn) return onlyUpdateIn(up, update) ? urn : undefined;
  }
  const here = update.ownerDocument.location;
  const named = here && permalinkOf(here.pathname);
  return named && onlyUpdateIn(update.ownerDocument, update) ? `urn:li:${named.type}:${named.id}` : undefined;
}

/**
 * The post a feed update shows: its own activity, or an aggregate's first, unless a header names the one
 * shown. An update brought by someone else's activity ("… commented on this", above the post in
 * .update-components-header) carries that activity's urn in data-urn; its own links (hashtags) name
 * the post shown, as highlightedUpdateUrns, and that is the post; without them, the post its comments
 * are on, an activity or a ugcPost, when they agree.
 */
function postActivity(root: Element): PostRef | undefined {
  const urn = (root.hasAttribute('data-urn') ? root.getAttribute('data-urn') : unnamedUpdateUrn(root)) ?? '';
  const aggregate = AGGREGATE_URN.exec(urn)?.[1];
  const single = UPDATE_URN.exec(urn);
  const own: PostRef | undefined = aggregate
    ? { type: 'activity', id: aggregate }
    : single
      ? { type: single[1] as PostRef['type'], id: single[2]! }
      : undefined;
  if (!own || (!aggregate && !parts(root, '.update-components-header', 'own').length)) return own;
  for (const a of parts(root, 'a[href*="highlightedUpdateUrns="]', 'own')) {
    try {
      const urn = new URL(a.getAttribute('href')!, ORIGIN).searchParams.get('highlightedUpdateUrns') ?? '';
      const shown = /^urn:li:activity:(\d{6,25})$/.exec(urn)?.[1];
      if (shown && timeOfId(shown)) return { type: 'activity', id: shown };
    } catch {
      // not a link to read
    }
  }
  // Else the post its comments are on, when they all name one (real 2025 feeds: "… commented on this" with no
  // highlighting link, the post an activity or a ugcPost its comments name).
  const named = new Map<string, PostRef | undefined>();
  for (const c of root.querySelectorAll(COMMENT)) {
    if (enclosingPost(c) !== root) continue;
    const m = COMMENT_URN.exec(c.getAttribute('data-id') ?? '');
    const type = m?.[1];
    const ref: PostRef | undefined = m && (type === 'activity' || type === 'ugcPost') && timeOfId(m[2]!) ? { type, id: m[2]! } : undefined;
    named.set(ref ? `${ref.type}:${ref.id}` : '', ref);
  }
  const [only] = named.values();
  return named.size === 1 && only ? only : own;
}

function readPost(root: Element): Post | undefined {
  if (isPromoted(root)) return undefined;
  const activity = postActivity(root);
  if (!activity) return undefined;
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
    id: `urn:li:${activity.type}:${activity.id}`,
    url: postUrl(activity),
    author,
    text: postText(root, 'own'),
    publishedAt: timeOfId(activity.id),
    quoted,
    isReply: false,
  });
}

/**
 * Whom a reply opens by mentioning, when that is not its own author. LinkedIn nests replies one level deep: a reply
 * to a reply sits under the thread's comment like the rest, and says whom it answers only by the mention LinkedIn
 * puts at its start (Reply fills in the name of the one replied to; the writer may put another's).
 */
function openingMention(body: Element, author: string, byName: (name: string) => string | undefined): string | undefined {
  const link = body.querySelector('a[href]');
  const named = link && profile(link.getAttribute('href'));
  if (!named || !opensWith(body, link)) return undefined;
  // LinkedIn links a mention by the member's or company's id (/in/ACoAAB…, /company/10455021/) as often as by the
  // handle their own links show: then it is the one of that name among those the page shows.
  const name = oneLine(link.textContent);
  const handle = ID_FORM.test(named.handle) ? name && byName(name) : named.handle;
  return handle && handle.toLowerCase() !== author.toLowerCase() ? handle : undefined;
}

/** A member's or company's id as some links write it, not their handle. */
const ID_FORM = /^(?:ACo[A-Za-z0-9_-]{10,}|\d+)$/;

/** The handle of the one of this name among the authors of `roots` (compared without case). */
function authorNamed(roots: Iterable<Element>, authorOf: (root: Element) => Author | undefined, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const root of roots) {
    const author = authorOf(root);
    if (author?.name?.toLowerCase() === wanted) return author.handle;
  }
  return undefined;
}

function readComment(root: Element): Post | undefined {
  const m = commentUrn(root.getAttribute('data-id'));
  if (!m) return undefined;
  const author = commentAuthor(root);
  if (!author) return undefined;
  const body = parts(root, '.comments-comment-item__main-content', 'own')[0];
  if (!body) return undefined;
  const post = enclosingPost(root);
  const postId = post ? postActivity(post) : undefined;
  // A reply is nested in its parent comment's article; LinkedIn links it as ?commentUrn=<parent>&replyUrn=<reply>.
  const parent = root.parentElement?.closest(COMMENT) ?? undefined;
  const parentUrn = parent && commentUrn(parent.getAttribute('data-id'));
  const named = (name: string) =>
    authorNamed((post ?? root.ownerDocument).querySelectorAll(COMMENT), commentAuthor, name) ?? (post ? authorNamed([post], (p) => actorOf(p, 'own'), name) : undefined);
  const inReplyTo = parent ? (openingMention(body, author.handle, named) ?? commentAuthor(parent)?.handle) : post ? actorOf(post, 'own')?.handle : undefined;
  const thread = `${ORIGIN}/feed/update/urn:li:${m.type}:${m.postId}`;
  const url = parentUrn
    ? `${thread}?commentUrn=${encodeUrn(parentUrn.urn)}&replyUrn=${encodeUrn(m.urn)}`
    : `${thread}?commentUrn=${encodeUrn(m.urn)}`;
  return parsePost({
    platform: 'linkedin',
    id: commentId(m.commentId),
    url,
    author,
    text: textOf(body),
    publishedAt: timeOfId(m.commentId),
    isReply: true,
    inReplyTo,
    threadId: postId ? `urn:li:${postId.type}:${postId.id}` : `urn:li:${m.type}:${m.postId}`,
  });
}

// ---- The redesigned feed ----

function isCard(root: Element): boolean {
  return root.matches(CARD);
}

function isCardComment(root: Element): boolean {
  return commentRootOf(root) === root;
}

/** The redesigned comment holding `el` from outside (not `el` itself). */
function outerComment(el: Element): Element | undefined {
  const up = el.parentElement && enclosing(el.parentElement, CARD_OR_COMMENT);
  return up && commentKey(up) ? up : undefined;
}

/**
 * The comment a redesigned comment answers: the one it is nested in, or the one whose
 * "repliesThread_" list (beside that comment) holds it, whichever is nearer.
 */
function parentComment(root: Element): Element | undefined {
  const around = outerComment(root);
  const list = root.parentElement?.closest(REPLIES_THREAD);
  if (!list || (around && !around.contains(list))) return around;
  const key = CARD_COMMENT_PREFIX + list.getAttribute('componentkey')!.slice('repliesThread_'.length);
  if (around && commentKey(around) === key) return around;
  // The parent sits before its list, within the same comment list.
  for (let el: Element | null = list; el; el = el.parentElement) {
    for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
      const match = commentKey(prev) === key ? prev : [...prev.querySelectorAll(CARD_COMMENT_KEYED)].find((c) => commentKey(c) === key);
      if (match) return commentRootOf(match);
    }
    // Never beyond the list of comments the thread is in.
    if (el === around || el.matches(CARD) || el.parentElement?.matches(LAZY_LIST)) break;
  }
  return around;
}

/**
 * The card of a post's own page (/feed/update/…, /posts/…, 2026): its componentkey ends in
 * FeedType_FEED_DETAIL, and its comment box and comment list are siblings after it, not inside it
 * (lhremote's selectors of the May 2026 post page).
 */
function isDetailCard(card: Element): boolean {
  return /FeedType_FEED_DETAIL$/.test(card.getAttribute('componentkey') ?? '');
}

/** The card a comment belongs to: the one holding it, or on a post's own page, the page's post. */
function cardOf(comment: Element): Element | undefined {
  // The outermost: a wrapper inside a card that repeats its key is part of it.
  const around = comment.parentElement && enclosing(comment.parentElement, CARD);
  if (around) return around;
  return [...comment.ownerDocument.querySelectorAll(CARD)].find((c) => isDetailCard(c) && !strayCard(c));
}

/**
 * A reply box LinkedIn opened after a comment as its sibling (2026), before the next comment; at
 * most a few levels up, never beyond the comment list (the post's own box sits outside it).
 */
function editorAfter(comment: Element): HTMLElement | undefined {
  // Its own replies, when listed beside it, come before the box.
  const replies = `repliesThread_${commentKey(comment)?.slice(CARD_COMMENT_PREFIX.length)}`;
  let el: Element | null = comment;
  for (let depth = 0; el && depth < 4 && !el.matches(LAZY_LIST); depth++, el = el.parentElement) {
    for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.getAttribute('componentkey') === replies) continue;
      if (next.matches(CARD_COMMENT_KEYED) || next.querySelector(CARD_COMMENT_KEYED)) break;
      const editor = next.matches(CARD_EDITOR) ? next : next.querySelector(CARD_EDITOR);
      if (editor) return editor as HTMLElement;
    }
    if (el.parentElement?.matches(LAZY_LIST)) break;
  }
  return undefined;
}

/**
 * LinkedIn's label on a promoted post (an ad), in the reader's language, as hide-promoted extensions read it
 * (Hogwai/LinkedinSponsorBlock, njelich/LinkOff, 2026): the whole text of a line of the post's header.
 */
const PROMOTED =
  /^(?:promoted|promoted by .+|post sponsorisé|sponsorisé|sponsorisé par .+|promu|promu\(e\) par .+|promu par .+|anzeige|gesponsert|promocionado|promovida|promovido|post sponsorizzato|promosso|promosso da .+|propagováno|promoveret|προωθημένη|mainostettu|dipromosikan|ממומן|プロモーション|광고|gepromoot|promotert|promowane|treść promowana|promovat|продвигается|marknadsfört|nai-promote|tanıtılan içerik|öne çıkarılan içerik|просувається|được quảng bá|广告|推广|促銷內容|贊助|الترويج|مُروَّج|مروج|প্রমোটেড|प्रमोट किया गया)$/iu;

const isPromotedLabel = (text: string | null | undefined) => {
  const line = oneLine(text);
  return Boolean(line && line.length < 60 && PROMOTED.test(line));
};

/**
 * A promoted post (an ad), skipped as other sites' ads are: its header has a line that says so (the actor's
 * sub-description in the older feed; a paragraph of the card's own, outside its text, in the 2026 feed), or
 * it carries an ad's tracking (article[data-sponsored-tracking-url]). Its comments are still read.
 */
function isPromoted(root: Element): boolean {
  if (isCard(root)) {
    if (root.querySelector('article[data-sponsored-tracking-url]')) return true;
    return cardParts(root, undefined, 'p', 'own').some((p) => !p.closest(TEXT_BOX) && isPromotedLabel(p.textContent));
  }
  return parts(root, '.update-components-actor__sub-description span[aria-hidden="true"], .update-components-actor__description span[aria-hidden="true"]', 'own').some((el) =>
    isPromotedLabel(el.textContent),
  );
}

/** A card inside another card is none LinkedIn renders: it is not read, so no post is read twice. */
function strayCard(card: Element): boolean {
  return Boolean(card.parentElement?.closest(CARD));
}

/** Elements of a card (not of its comments), split by whether they sit in the reposted original. */
function cardParts(card: Element, quote: Element | undefined, selector: string, where: 'own' | 'quoted'): Element[] {
  return [...card.querySelectorAll(selector)].filter(
    (el) => boundaryOf(el) === card && !el.closest(COMMENTS_SECTION) && Boolean(quote?.contains(el)) === (where === 'quoted'),
  );
}

/**
 * A profile link holding an author's name block: a paragraph with the name, usually inside
 * div[aria-label="<name> <badges> <degree>"] (some company cards' block has no label). "X likes this" lines and
 * mentions in the text are links inside a paragraph; avatar links hold no paragraph.
 */
function isActorLink(a: Element): boolean {
  return !a.closest(TEXT_BOX) && !a.closest('p') && Boolean(actorName(a));
}

/** The name in a name block: its first paragraph (the next one holds badges and the degree). */
function actorName(link: Element): string | undefined {
  return oneLine((link.querySelector('[aria-label] p') ?? link.querySelector('p'))?.textContent) || undefined;
}

/**
 * The reposted original of a card: the smallest block around a permalink-wrapped text that holds an author of its
 * own, when the card's author sits outside it (a card whose own text links to itself has no original).
 */
function cardQuote(card: Element): Element | undefined {
  for (const link of card.querySelectorAll(PERMALINK)) {
    if (!permalinkOf(link.getAttribute('href')) || !link.querySelector(TEXT_BOX)) continue;
    if (boundaryOf(link) !== card || link.closest(COMMENTS_SECTION)) continue;
    for (let up = link.parentElement; up && up !== card; up = up.parentElement) {
      if (![...up.querySelectorAll(PROFILE_LINK)].some(isActorLink)) continue;
      const block = up;
      const outside = [...card.querySelectorAll(PROFILE_LINK)].some((a) => isActorLink(a) && !block.contains(a) && boundaryOf(a) === card && !a.closest(COMMENTS_SECTION));
      if (outside) return block;
      break;
    }
  }
  return undefined;
}

/** The author's name link of a card (where = 'own') or of its reposted original (where = 'quoted'). */
function cardActorLink(card: Element, quote: Element | undefined, where: 'own' | 'quoted'): Element | undefined {
  const links = cardParts(card, quote, PROFILE_LINK, where).filter(isActorLink);
  if (where === 'quoted') return links[0];
  // The control menu names the author: prefer the name block that says the same.
  const menu = cardParts(card, quote, 'button[aria-label^="Open control menu for post by "]', 'own')[0];
  const named = CONTROL_MENU.exec(menu?.getAttribute('aria-label') ?? '')?.[1]?.trim();
  if (!named) return links[0];
  const exact = links.find((a) => actorName(a) === named);
  if (exact) return exact;
  // Where no name block starts with the menu's name, even written loosely (a badge's title or
  // pronouns may follow it), the author's block is not there (a reshare without it would give its
  // original's author): nobody is named.
  const loose = (s: string | undefined) => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const wanted = loose(named);
  return wanted ? links.find((a) => loose(actorName(a)).startsWith(wanted)) : links[0];
}

/**
 * Whether a name link belongs to another post shown in the card: the nearest block around it that
 * holds a text wrapped in a post link links another post of the same kind (a reshared original whose
 * resharer's header the page no longer shows).
 */
function namesAnotherPost(card: Element, link: Element, ref: PostRef): boolean {
  for (let up = link.parentElement; up && up !== card.parentElement; up = up.parentElement) {
    const texts = [...up.querySelectorAll(PERMALINK)].filter((a) => a.querySelector(TEXT_BOX) && boundaryOf(a) === card && !a.closest(COMMENTS_SECTION));
    if (!texts.length) continue;
    return texts.some((a) => {
      const other = permalinkOf(a.getAttribute('href'));
      return other?.type === ref.type && other.id !== ref.id;
    });
  }
  return false;
}

function cardActor(card: Element, quote: Element | undefined, where: 'own' | 'quoted', ref?: PostRef): Author | undefined {
  const link = cardActorLink(card, quote, where);
  if (link && ref && !quote && namesAnotherPost(card, link, ref)) return undefined;
  const who = link && profile(link.getAttribute('href'));
  return who ? { ...who, name: actorName(link) } : undefined;
}

/** Text as shown, its paragraphs kept: the redesign breaks lines with runs of <br>. */
function cardText(el: Element): string {
  return textOf(el).replace(/[ \t]*\n[ \t]*/g, '\n').replace(/\n{3,}/g, '\n\n');
}

function cardTextOf(card: Element, quote: Element | undefined, where: 'own' | 'quoted'): string {
  const el = cardParts(card, quote, TEXT_BOX, where)[0];
  const text = [el ? cardText(el) : '', cardPoll(card, quote, where)].filter(Boolean).join('\n');
  return withSites(text, shownSites(cardParts(card, quote, OUTBOUND, where)));
}

/**
 * A poll a card holds, as its question and options, one a line: the question is a paragraph in a link to the
 * post, outside its text; the options are the buttons after it (as a real feed saved in March 2026 shows).
 */
function cardPoll(card: Element, quote: Element | undefined, where: 'own' | 'quoted'): string {
  for (const a of cardParts(card, quote, PERMALINK, where)) {
    const question = a.querySelector('p');
    if (!question || a.closest(TEXT_BOX) || a.querySelector(`${TEXT_BOX}, img, video`)) continue;
    const options: string[] = [];
    for (let el = a.nextElementSibling; el; el = el.nextElementSibling) {
      for (const button of el.querySelectorAll('button')) {
        const option = oneLine(button.textContent);
        if (option) options.push(option);
      }
    }
    if (options.length >= 2) return [oneLine(question.textContent), ...options].filter(Boolean).join('\n');
  }
  return '';
}

function permalinkOf(href: string | null): { type: string; id: string } | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, ORIGIN);
    if (!/(^|\.)linkedin\.com$/.test(url.hostname)) return undefined;
    const m = PERMALINK_PATH.exec(decodeURIComponent(url.pathname));
    const type = m?.[1] ?? m?.[3];
    const id = m?.[2] ?? m?.[4];
    return type && id ? { type, id } : undefined;
  } catch {
    return undefined;
  }
}

/** An id written as a protobuf zigzag varint in field 1 (the whole of `field`), or undefined. */
function zigzagId(field: string): string | undefined {
  if (field.charCodeAt(0) !== 0x08 || field.length < 2 || field.length > 11) return undefined;
  let value = 0n;
  for (let i = 1; i < field.length; i++) {
    const byte = field.charCodeAt(i);
    value |= BigInt(byte & 0x7f) << BigInt(7 * (i - 1));
    if (!(byte & 0x80)) return i === field.length - 1 && !(value & 1n) ? (value >> 1n).toString() : undefined;
  }
  return undefined;
}

/** A post as LinkedIn names it: an activity, or (what some cards and updates name alone) a ugcPost or share. */
interface PostRef {
  type: 'activity' | 'ugcPost' | 'share';
  id: string;
}

/**
 * The post at the head of a comment box key, "<b64>-replaceableCommentTools…": the base64 is a protobuf of
 * length-delimited fields, 1 for the activity and 2 for the ugcPost, each holding its id in a zigzag varint.
 * The activity id when there is one, else the ugcPost id (some cards' keys hold only that); only an id whose
 * time is plausible is taken.
 */
function postOfKey(key: string | null): PostRef | undefined {
  const end = key ? key.indexOf(TOOLS_MARK) : -1;
  if (!key || end < 4 || end > 80) return undefined;
  let bytes: string;
  try {
    const b64 = key.slice(0, end).replace(/-/g, '+').replace(/_/g, '/');
    bytes = atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '='));
  } catch {
    return undefined;
  }
  let ugcPost: string | undefined;
  for (let i = 0; i < bytes.length; ) {
    const tag = bytes.charCodeAt(i);
    const length = bytes.charCodeAt(i + 1); // NaN past the end: refused below
    if (tag > 0x7f || (tag & 7) !== 2 || !(length <= 0x7f) || i + 2 + length > bytes.length) return undefined;
    const field = tag >> 3;
    if (field === 1 || field === 2) {
      const id = zigzagId(bytes.slice(i + 2, i + 2 + length));
      if (!id || !timeOfId(id)) return undefined;
      if (field === 1) return { type: 'activity', id };
      ugcPost ??= id;
    }
    i += 2 + length;
  }
  return ugcPost ? { type: 'ugcPost', id: ugcPost } : undefined;
}

/**
 * A card's post: the activity named by its comment box key or its reactions, else by a permalink of its own (not
 * one wrapping a quoted text), else the ugcPost its key or reactions name (some cards name nothing else), else the
 * activity its comments name. Undefined when the card shows none of them.
 */
function cardPost(card: Element, quote: Element | undefined): PostRef | undefined {
  let ugcPost: PostRef | undefined;
  for (const el of cardParts(card, quote, COMMENT_TOOLS, 'own')) {
    const ref = postOfKey(el.getAttribute('componentkey')) ?? postOfKey(el.getAttribute('id'));
    if (ref?.type === 'activity') return ref;
    ugcPost ??= ref;
  }
  for (const el of cardParts(card, quote, FACEPILE, 'own')) {
    const m = FACEPILE_URN.exec(el.getAttribute('data-testid')!);
    if (!m || !timeOfId(m[2]!)) continue;
    if (m[1] === 'activity') return { type: 'activity', id: m[2]! };
    ugcPost ??= { type: 'ugcPost', id: m[2]! };
  }
  for (const a of cardParts(card, quote, PERMALINK, 'own')) {
    if (a.closest(TEXT_BOX) || a.querySelector(TEXT_BOX)) continue;
    const link = permalinkOf(a.getAttribute('href'));
    if (link?.type === 'activity') return { type: 'activity', id: link.id };
  }
  // Before the comments, which load later: a card must keep the id it was first read with.
  if (ugcPost) return ugcPost;
  // A post's own page names it in its address; its card holds neither comment box nor comments.
  if (isDetailCard(card)) {
    const here = card.ownerDocument.location;
    const link = here && permalinkOf(here.pathname);
    if (link?.type === 'activity' || link?.type === 'ugcPost') return { type: link.type, id: link.id };
  }
  for (const c of card.querySelectorAll(CARD_COMMENT_KEYED)) {
    if (!isCardComment(c) || outerComment(c) || c.parentElement?.closest(CARD) !== card) continue;
    const urn = cardCommentUrn(c);
    if (urn?.type === 'activity' && timeOfId(urn.postId)) return { type: 'activity', id: urn.postId };
  }
  return undefined;
}

/** A comment's URN, its post written short as LinkedIn's links write it: "urn:li:comment:(activity:1,2)". */
function commentUrn(urn: string | null | undefined): { urn: string; type: string; postId: string; commentId: string } | undefined {
  const m = COMMENT_URN.exec(urn ?? '');
  return m ? { urn: `urn:li:comment:(${m[1]}:${m[2]},${m[3]})`, type: m[1]!, postId: m[2]!, commentId: m[3]! } : undefined;
}

function cardCommentUrn(root: Element): { urn: string; type: string; postId: string; commentId: string } | undefined {
  return commentUrn(commentKey(root)?.slice(CARD_COMMENT_PREFIX.length));
}

/** The leading text of an element, before its first child element ("Kim Ito" of "Kim Ito <badge>• 2nd"). */
function leadText(el: Element): string | undefined {
  let out = '';
  for (const node of el.childNodes) {
    if (node.nodeType !== 3) break;
    out += node.nodeValue ?? '';
  }
  return oneLine(out);
}

/** A comment's name link: the one with the shown name (its avatar link holds only an image). */
function cardCommentNameLink(root: Element): Element | undefined {
  return parts(root, PROFILE_LINK, 'own').find((a) => !a.closest(TEXT_BOX) && a.querySelector('span[aria-hidden="true"]'));
}

function cardCommentAuthor(root: Element): Author | undefined {
  const who = parts(root, PROFILE_LINK, 'own')
    .filter((a) => !a.closest(TEXT_BOX))
    .map((a) => profile(a.getAttribute('href')))
    .find(Boolean);
  if (!who) return undefined;
  const shown = cardCommentNameLink(root)?.querySelector('span[aria-hidden="true"]');
  return { ...who, name: shown ? leadText(shown) : undefined };
}

function readCard(card: Element): Post | undefined {
  if (strayCard(card) || isPromoted(card)) return undefined;
  const quote = cardQuote(card);
  const ref = cardPost(card, quote);
  if (!ref) return undefined;
  const author = cardActor(card, quote, 'own', ref);
  if (!author) return undefined;
  let quoted: Post['quoted'];
  if (quote) {
    const quotedAuthor = cardActor(card, quote, 'quoted');
    const text = cardTextOf(card, quote, 'quoted');
    const link = cardParts(card, quote, PERMALINK, 'quoted')
      .map((a) => permalinkOf(a.getAttribute('href')))
      .find(Boolean);
    if (quotedAuthor || text) {
      quoted = { author: quotedAuthor?.handle, text, url: link ? `${ORIGIN}/feed/update/urn:li:${link.type}:${link.id}/` : undefined };
    }
  }
  return parsePost({
    platform: 'linkedin',
    id: `urn:li:${ref.type}:${ref.id}`,
    url: postUrl(ref),
    author,
    text: cardTextOf(card, quote, 'own'),
    publishedAt: timeOfId(ref.id),
    quoted,
    isReply: false,
  });
}

function peekCard(card: Element): Peek | undefined {
  if (strayCard(card) || isPromoted(card)) return undefined;
  const quote = cardQuote(card);
  if (!cardPost(card, quote)) return undefined;
  const author = cardActor(card, quote, 'own');
  const text = [cardTextOf(card, quote, 'own'), quote ? cardTextOf(card, quote, 'quoted') : ''].filter(Boolean).join('\n');
  // Whom it reshares counts too: a reshare of the brand's own post is read whatever it says.
  const quotes = quote ? cardActor(card, quote, 'quoted')?.handle : undefined;
  return author ? withQuotes({ text, authorHandle: author.handle }, quotes) : undefined;
}

function readCardComment(root: Element): Post | undefined {
  const urn = cardCommentUrn(root);
  if (!urn) return undefined;
  const author = cardCommentAuthor(root);
  if (!author) return undefined;
  const body = parts(root, TEXT_BOX, 'own')[0];
  if (!body) return undefined;
  const card = cardOf(root);
  const quote = card && cardQuote(card);
  const post = card && !strayCard(card) ? cardPost(card, quote) : undefined;
  // A reply is nested beneath its parent comment (or listed beside it), inside the same card.
  const parent = parentComment(root);
  // (Within the same card; on a post's own page the comments are beside the card.)
  const parentUrn = parent && (!card || card.contains(parent) === card.contains(root)) ? cardCommentUrn(parent) : undefined;
  const named = (name: string) =>
    authorNamed((card ?? root.ownerDocument).querySelectorAll(CARD_COMMENT_KEYED), cardCommentAuthor, name) ??
    (card ? authorNamed([card], (c) => cardActor(c, quote, 'own'), name) : undefined);
  const inReplyTo = parentUrn
    ? (openingMention(body, author.handle, named) ?? cardCommentAuthor(parent!)?.handle)
    : card
      ? cardActor(card, quote, 'own')?.handle
      : undefined;
  const thread = `${ORIGIN}/feed/update/urn:li:${urn.type}:${urn.postId}`;
  const url = parentUrn
    ? `${thread}?commentUrn=${encodeUrn(parentUrn.urn)}&replyUrn=${encodeUrn(urn.urn)}`
    : `${thread}?commentUrn=${encodeUrn(urn.urn)}`;
  return parsePost({
    platform: 'linkedin',
    id: commentId(urn.commentId),
    url,
    author,
    text: cardText(body),
    publishedAt: timeOfId(urn.commentId),
    isReply: true,
    inReplyTo,
    threadId: post ? `urn:li:${post.type}:${post.id}` : `urn:li:${urn.type}:${urn.postId}`,
  });
}


/** An element to anchor the overlay at, when it lies inside the root. */
function inside(root: Element, el: Element | null | undefined): Element | undefined {
  return el && root.contains(el) ? el : undefined;
}

export const linkedin: SiteAdapter = defineAdapter({
  id: 'linkedin',
  platform: 'linkedin',
  // Pages seen logged out may be served on a country's host: a post's (uk.linkedin.com/posts/…), a company's.
  matches: ['https://www.linkedin.com/*', 'https://linkedin.com/*', 'https://*.linkedin.com/posts/*', 'https://*.linkedin.com/company/*'],
  postSelector: ROOTS,
  closestRoot: (el) => enclosing(el, ROOTS),

  isAd(root) {
    if (isGuestRoot(root)) return false;
    return (isCard(root) || root.matches(POST)) && !strayCard(root) && isPromoted(root);
  },

  getPostId(root) {
    if (isGuestRoot(root)) return guestPostId(root);
    if (isComment(root)) {
      const m = COMMENT_URN.exec(root.getAttribute('data-id') ?? '');
      return m ? commentId(m[3]!) : undefined;
    }
    if (isCardComment(root)) {
      const urn = cardCommentUrn(root);
      return urn ? commentId(urn.commentId) : undefined;
    }
    if (isCard(root)) {
      if (strayCard(root) || isPromoted(root)) return undefined;
      const ref = cardPost(root, cardQuote(root));
      return ref ? `urn:li:${ref.type}:${ref.id}` : undefined;
    }
    const ref = isPromoted(root) ? undefined : postActivity(root);
    return ref ? `urn:li:${ref.type}:${ref.id}` : undefined;
  },

  peek(root) {
    // Undefined until the root can be read (a placeholder is read again once LinkedIn fills it).
    if (isGuestRoot(root)) return peekGuest(root);
    if (isComment(root)) {
      if (!COMMENT_URN.test(root.getAttribute('data-id') ?? '')) return undefined;
      const author = commentAuthor(root);
      const body = parts(root, '.comments-comment-item__main-content', 'own')[0];
      return author && body ? { text: textOf(body), authorHandle: author.handle } : undefined;
    }
    if (isCardComment(root)) {
      if (!cardCommentUrn(root)) return undefined;
      const author = cardCommentAuthor(root);
      const body = parts(root, TEXT_BOX, 'own')[0];
      return author && body ? { text: cardText(body), authorHandle: author.handle } : undefined;
    }
    if (isCard(root)) return peekCard(root);
    if (!postActivity(root) || isPromoted(root)) return undefined;
    const author = actorOf(root, 'own');
    // A repost's original counts as a mention too, and so does its author (a reshare of the brand's own post).
    if (!author) return undefined;
    const read = { text: [postText(root, 'own'), postText(root, 'quoted')].filter(Boolean).join('\n'), authorHandle: author.handle };
    return withQuotes(read, actorOf(root, 'quoted')?.handle);
  },

  extractPost(root) {
    if (isGuestRoot(root)) return readGuest(root);
    if (isComment(root)) return readComment(root);
    if (isCardComment(root)) return readCardComment(root);
    if (isCard(root)) return readCard(root);
    return readPost(root);
  },

  overlayAnchor(root) {
    if (isGuestRoot(root)) return guestAnchor(root) ?? root;
    if (isComment(root)) {
      return parts(root, '.comments-comment-meta__container, .comments-post-meta', 'own')[0] ?? root;
    }
    // The redesign: beside the author's name, in the block that holds its name link.
    if (isCardComment(root)) return inside(root, cardCommentNameLink(root)?.parentElement) ?? root;
    if (isCard(root)) return inside(root, cardActorLink(root, cardQuote(root), 'own')?.parentElement) ?? root;
    return parts(root, '.update-components-actor__meta', 'own')[0] ?? parts(root, '.update-components-actor', 'own')[0] ?? root;
  },

  // The classic layout's Comment (a post) and Reply (a comment), known by their classes; the 2026 cards'
  // controls are known only by their words. A comment's Reply opens its box in the thread's first comment.
  replyControl:
    'button.comment-button, button.comments-comment-social-bar__reply-action-button--cr, button.comments-comment-social-bar__reply-action-button, button.comments-comment-item__reply-action-button',

  // The 2026 layout's Comment (a card) and Reply (a comment) carry no mark of their own: known by their words.
  findReplyControl(root) {
    // A card's Comment is labelled with the noun in some languages (Japanese "コメント").
    const kinds = isCard(root) ? (['comment', 'comment-noun'] as const) : isCardComment(root) ? (['reply'] as const) : undefined;
    return kinds && labelledControl(root, kinds, ownedBy(linkedin, root));
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
    if (isCardComment(root)) {
      // The redesign opens the reply box under the thread's top-level comment too.
      let thread: Element = root;
      for (let up = parentComment(root); up; up = parentComment(up)) thread = up;
      // Inside it, or (as seen in 2026) right after it.
      return thread.querySelector<HTMLElement>(CARD_EDITOR) ?? editorAfter(thread);
    }
    if (isCard(root)) {
      // The card's own composer, not a reply box open under one of its comments; on a post's own
      // page, the box after the card, outside the comment list.
      const own = [...root.querySelectorAll<HTMLElement>(CARD_EDITOR)].find((el) => enclosing(el, CARD_OR_COMMENT) === root);
      if (own || !isDetailCard(root)) return own;
      for (let next = root.nextElementSibling; next; next = next.nextElementSibling) {
        const box = [...(next.matches(CARD_EDITOR) ? [next] : next.querySelectorAll(CARD_EDITOR))].find((el) => !el.closest(LAZY_LIST));
        if (box) return box as HTMLElement;
      }
      return undefined;
    }
    // The post's own composer, not a reply composer open inside one of its comments.
    return editors(root).find((el) => !el.closest(COMMENT_ARTICLE));
  },
});
