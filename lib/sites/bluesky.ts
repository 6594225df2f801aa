import { parsePost, type Post } from '../schemas/post';
import { readableText } from '../dom/readable-text';
import { linkSitesOf, withSites } from './common/link-sites';
import { defineAdapter, FOLLOWING, type SiteAdapter } from './types';

// Bluesky's web app (bsky.app) is React Native Web: class names are generated, so everything here
// rests on testIDs (rendered as data-testid), roles and links.
// - A feed post is a Pressable div[role="link"][data-testid="feedItem-by-<handle>"] (read the same
//   without its role, unless it wraps a listed post, as on the notifications page); in a thread the
//   replies are div[role="link"][data-testid="postThreadItem-by-<handle>"] and the highlighted post
//   is a plain div with the same testID and no timestamp link of its own (where it is a link with
//   one, it is the item the page's address names).
// - PostMeta links the display name and handle to /profile/<handle> (or in full, https://bsky.app/…)
//   and the post to /profile/<handle>/post/<rkey>; that timestamp link carries the full date
//   (niceDate) in aria-label and data-tooltip. Without either, the first link to a post by the
//   item's author before its text is the timestamp link, dated by a time element or title inside.
// - Link renders a feed item as a wrapper div > the Pressable (role and testID) > a View with the
//   item's rows: its top row (the reply line's column, the repost reason) and its layout.
// - Text is RichText (data-word-wrap; data-testid="postText" in feeds); a quoted post is a nested
//   div[role="link"] aria-label="Post by <handle>" with its own PostMeta and RichText, so "own" parts
//   are those not inside one.
// - A collapsed moderation warning (ContentHider) renders a button instead of the post's children.
// - The reply composer is a dialog with [data-testid="composePostView"], the post being replied to
//   shown as text (ComposerReplyTo) and a TipTap/ProseMirror contenteditable.
// - Notifications (replies, mentions, quotes), search results and a post's list of quotes show each
//   post as a Link with no testID (src/view/com/post/Post.tsx): a div[role="link"] with no label,
//   holding PostMeta, the "Replied to" line and RichText (postText); quote cards are labelled.
// - Since August 2026 a post of its author's own thread shows its place ("3/5", aria-label "Post 3
//   of 5") at the end of its text, inside the text element.
const ORIGIN = 'https://bsky.app';
/**
 * A feed item: the Pressable (a link) with the testID. Notifications wrap a reply, mention or quote in a plain View with
 * the same testID and no role, around the post listed as search shows it (LISTED). An item with the testID and no role
 * is read as a feed item too when it holds no such listed post (only quote cards, which are labelled): then it is the
 * post itself, and never a wrapper that would count its post twice.
 */
const FEED_ITEM =
  '[data-testid^="feedItem-by-"][role="link"], [data-testid^="feedItem-by-"]:not([role]):not(:has(div[role="link"]:not([aria-label])))';
const THREAD_ITEM = '[data-testid^="postThreadItem-by-"]';
const THREAD_SCREEN = '[data-testid="postThreadScreen"]';
/** A post listed on its own (notifications, search): an unlabelled link block holding a PostMeta time link. */
const LISTED = 'div[role="link"]:not([data-testid]):not([aria-label]):has(a[href*="/post/"][data-tooltip])';
const ROOT = `${FEED_ITEM}, ${THREAD_ITEM}, ${LISTED}`;
/** The "3/5" that numbers a post of its author's own thread, inside its text. */
const POST_NUMBER = /^\d{1,4}\/\d{1,4}$/;
const POST_PATH = /^\/profile\/([^/]{1,253})\/post\/([A-Za-z0-9._~:-]{1,512})\/?$/;
const STATS_PATH = /^\/profile\/([^/]{1,253})\/post\/([A-Za-z0-9._~:-]{1,512})\/(?:liked-by|reposted-by|quotes)\/?$/;
const REPLIED_TO = /^(?:Replied|Reply) to\s+(.+)$/;
const REPLIED_TO_NOBODY = /^(?:you|a blocked post|a post|a deleted post)$/i;
/** The quote card's label (QuoteEmbed's title, not translated). */
const QUOTE_LABEL = /^Post by (\S{1,253})$/;
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

interface Link {
  actor: string;
  rkey: string;
  el?: Element;
}

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(BIDI, '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** True when el belongs to the post itself and not to a post quoted inside it. */
function own(root: Element, el: Element): boolean {
  const quote = el.parentElement?.closest('div[role="link"]');
  return !quote || quote === root || !root.contains(quote);
}

function parsePath(href: string | null, pattern: RegExp): Link | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, ORIGIN);
    if (url.origin !== ORIGIN) return undefined;
    const m = pattern.exec(url.pathname);
    return m ? { actor: decodeURIComponent(m[1]!), rkey: m[2]! } : undefined;
  } catch {
    return undefined;
  }
}

/** The handle (or DID) of a link to a profile itself on bsky.app, written from the root ("/profile/…") or in full. */
function profileOf(href: string | null): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, ORIGIN);
    const m = url.origin === ORIGIN ? /^\/profile\/([^/]{1,253})\/?$/.exec(url.pathname) : null;
    return m ? decodeURIComponent(m[1]!) : undefined;
  } catch {
    return undefined;
  }
}

/** The handle in the post root's testID (feedItem-by-<handle>, postThreadItem-by-<handle>). */
function testIdHandle(root: Element): string | undefined {
  const m = /^(?:feedItem|postThreadItem)-by-(.+)$/.exec(root.getAttribute('data-testid') ?? '');
  return m?.[1] || undefined;
}

/**
 * The post's own timestamp permalink (PostMeta), not a quoted post's: the link to a post that carries the date in its
 * tooltip or label; else, in a feed or thread item, the first link to a post by the item's author (its testID's
 * handle) that comes before the post's text. Nothing else in an item links its author's post there: the reply and
 * repost lines link profiles, quote cards are apart, links in the text come after it, stats links end in /liked-by….
 */
function timestampLink(root: Element): Link | undefined {
  let unlabelled: Link | undefined;
  for (const a of root.querySelectorAll('a[href*="/post/"]')) {
    if (!own(root, a)) continue;
    const link = parsePath(a.getAttribute('href'), POST_PATH);
    if (!link) continue;
    if (a.hasAttribute('data-tooltip') || a.hasAttribute('aria-label')) return { ...link, el: a };
    unlabelled ??= link.actor === testIdHandle(root) && !isThreadAnchor(root) && beforeText(root, a) ? { ...link, el: a } : undefined;
  }
  return unlabelled;
}

/** el comes before the post's own text (or the post shows none). */
function beforeText(root: Element, el: Element): boolean {
  const text = ownTextElement(root);
  return !text || Boolean(el.compareDocumentPosition(text) & FOLLOWING);
}

/** A post listed on its own (Post.tsx), not a block inside another post (an older quote card). */
function isListed(root: Element): boolean {
  return !root.matches(`${FEED_ITEM}, ${THREAD_ITEM}`) && !root.parentElement?.closest(`${FEED_ITEM}, ${THREAD_ITEM}, div[role="link"]`);
}

/** The highlighted post of a thread page has no PostMeta and is not itself a link. */
function isThreadAnchor(root: Element): boolean {
  return root.matches(THREAD_ITEM) && root.getAttribute('role') !== 'link';
}

function permalink(root: Element): Link | undefined {
  const link = timestampLink(root);
  if (link || !isThreadAnchor(root)) return link;
  // Its stats links (…/post/<rkey>/liked-by) name it; without engagement only the page URL does.
  for (const a of root.querySelectorAll('a[href*="/post/"]')) {
    const stats = own(root, a) ? parsePath(a.getAttribute('href'), STATS_PATH) : undefined;
    if (stats) return stats;
  }
  const page = parsePath(root.ownerDocument.URL, POST_PATH);
  const handle = testIdHandle(root);
  if (page && (page.actor === handle || page.actor.startsWith('did:'))) return page;
  return undefined;
}

/** Handle and ids as the feed shows them: the testID's handle, or the link's DID when it is invalid. */
function identity(root: Element): { handle: string; id: string; url: string } | undefined {
  const link = permalink(root);
  if (!link) return undefined;
  const fromTestId = testIdHandle(root);
  const handle = fromTestId && fromTestId !== 'handle.invalid' ? fromTestId : link.actor;
  return { handle, id: `${handle}/${link.rkey}`, url: `${ORIGIN}/profile/${handle}/post/${link.rkey}` };
}

/**
 * The author's display name: from PostMeta, whose name link sits beside the time link. (A repost
 * line above it links the reposter, who may be the author: "Reposted by Acme Air".)
 */
function displayName(root: Element, handle: string): string | undefined {
  const meta = timestampLink(root)?.el;
  for (let up = meta?.parentElement, depth = 0; up && up !== root && depth < 4; up = up.parentElement, depth++) {
    const name = nameIn(root, up, handle);
    if (name) return name;
  }
  return nameIn(root, root, handle);
}

function nameIn(root: Element, scope: Element, handle: string): string | undefined {
  for (const a of scope.querySelectorAll('a[href*="/profile/"]')) {
    if (!own(root, a) || profileOf(a.getAttribute('href')) !== handle) continue;
    // The anchor's author link holds the name and the @handle as two texts; PostMeta's holds one.
    for (const el of [...a.querySelectorAll('[dir="auto"]'), a]) {
      const text = clean(el.textContent);
      if (text && !text.startsWith('@')) return text;
    }
  }
  return undefined;
}

function ownTextElement(root: Element): Element | undefined {
  return [...root.querySelectorAll('[data-testid="postText"], [data-word-wrap]')].find(
    (el) => el.tagName !== 'A' && own(root, el),
  );
}

/** The post's own text, without the "3/5" that numbers a post of its author's own thread. */
function ownText(root: Element): string {
  const el = ownTextElement(root);
  if (!el) return '';
  const isNumber = (n: Element) => POST_NUMBER.test(clean(n.textContent));
  if (![...el.querySelectorAll('div[aria-label]')].some(isNumber)) return readableText(el);
  const copy = el.cloneNode(true) as Element;
  for (const n of [...copy.querySelectorAll('div[aria-label]')].filter(isNumber)) {
    const wrapper = n.parentElement !== copy && n.parentElement?.childElementCount === 1 ? n.parentElement : n;
    wrapper.remove();
  }
  return readableText(copy);
}

/** Bluesky's own hosts: links to them are no other site. */
const OWN_HOSTS = /(?:^|\.)(?:bsky\.app|bsky\.social)$/;

/**
 * The post's own text, then the sites its links lead to where the text does not show them: a link card (an external
 * embed, ExternalLinkEmbed, whose footer shows only the domain) is often all a link post shows of its address.
 */
function textWithSites(root: Element): string {
  const links = [...root.querySelectorAll('a[href^="http"]')].filter((a) => own(root, a));
  return withSites(ownText(root), linkSitesOf(links, OWN_HOSTS));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** niceDate() in English ("May 13, 2024 at 9:12 AM"), read as the browser's local time. */
function parseShownDate(label: string | null | undefined): string | undefined {
  const m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4})(?:,| at)? (\d{1,2}):(\d{2})(?: ?([AP]M))?$/i.exec(clean(label));
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]!.toLowerCase());
  let hour = Number(m[4]);
  if (m[6]) hour = (hour % 12) + (m[6].toUpperCase() === 'PM' ? 12 : 0);
  const date = new Date(Number(m[3]), month, Number(m[2]), hour, Number(m[5]));
  return month < 0 || Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/** A record key that is a TID carries its creation time (microseconds since the epoch, top 53 bits). */
function tidTime(rkey: string): string | undefined {
  if (!/^[234567a-j][234567a-z]{12}$/.test(rkey)) return undefined;
  let value = 0n;
  for (const c of rkey) value = value * 32n + BigInt(TID_ALPHABET.indexOf(c));
  const date = new Date(Number((value >> 10n) / 1000n));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The date a timestamp link without a tooltip shows: its time element's, else its title's. */
function linkTime(link: Element | undefined): string | undefined {
  const datetime = link?.querySelector('time[datetime]')?.getAttribute('datetime');
  const date = datetime ? new Date(datetime) : undefined;
  if (date && !Number.isNaN(date.getTime())) return date.toISOString();
  return parseShownDate(link?.getAttribute('title'));
}

function publishedAt(root: Element, rkey: string): string | undefined {
  const link = timestampLink(root)?.el;
  let shown = parseShownDate(link?.getAttribute('data-tooltip')) ?? parseShownDate(link?.getAttribute('aria-label')) ?? linkTime(link);
  if (!shown && !link) {
    // The highlighted post shows its date as text.
    for (const el of root.querySelectorAll('div[dir="auto"]')) {
      shown = own(root, el) ? parseShownDate(el.textContent) : undefined;
      if (shown) break;
    }
  }
  return shown ?? tidTime(rkey);
}

/**
 * The block of a post quoted in this one: a nested link block labelled "Post by <handle>", or (older
 * builds) one with a timestamp link of its own. Since February 2026 the quoted post's name and time
 * are plain text, so no link in it names the post.
 */
function quoteBlock(root: Element): Element | undefined {
  return [...root.querySelectorAll('div[role="link"]')].find(
    (el) => el !== root && own(root, el) && (QUOTE_LABEL.test(el.getAttribute('aria-label') ?? '') || el.querySelector('a[href*="/post/"][data-tooltip]')),
  );
}

/** Whose post a quote block shows: its timestamp link's author, else its label's handle. */
function quoteAuthor(block: Element, link = timestampLink(block)): string | undefined {
  return link?.actor ?? QUOTE_LABEL.exec(block.getAttribute('aria-label') ?? '')?.[1];
}

function quoteText(block: Element): string {
  const text = [...block.querySelectorAll('[data-word-wrap]')].find((el) => el.tagName !== 'A' && own(block, el));
  return text ? readableText(text) : '';
}

function quotedPost(root: Element): Post['quoted'] {
  const block = quoteBlock(root);
  if (!block) return undefined;
  const link = timestampLink(block);
  return {
    author: quoteAuthor(block, link),
    text: quoteText(block),
    url: link ? `${ORIGIN}/profile/${link.actor}/post/${link.rkey}` : undefined,
  };
}

/**
 * "Replied to <name>" above a feed post whose parent is not shown: a line of text (a Text, div[dir="auto"], or a
 * block holding no other block), outside the post's text and outside links (a link card's title). The name is the
 * handle its link names, else what it shows: a display name, or "@handle" for someone without one, read as the handle.
 */
function repliedTo(root: Element): { name?: string } | undefined {
  for (const el of root.querySelectorAll('div')) {
    if (!(el.getAttribute('dir') === 'auto' || !el.querySelector('div')) || !own(root, el)) continue;
    const text = clean(el.textContent);
    const m = REPLIED_TO.exec(text);
    if (!m) {
      // The label in the reader's language ("Respuesta a Acme Air", "Acme Air への返信"): known by its one link.
      const other = text && !el.closest('[data-word-wrap], [data-testid="postText"], a') ? translatedReplyLine(root, el, text) : undefined;
      if (other) return { name: other };
      continue;
    }
    if (el.closest('[data-word-wrap], [data-testid="postText"], a')) continue;
    if (REPLIED_TO_NOBODY.test(m[1]!)) return {};
    // The label links the profile (ReplyToLabel's TextLinkOnWebOnly): its handle, where the link names one.
    const linked = profileOf(el.querySelector('a[href]')?.getAttribute('href') ?? null);
    return { name: linked && !linked.startsWith('did:') ? linked : m[1]!.replace(/^@(?=\S)/, '') };
  }
  return undefined;
}

/**
 * The handle a "Reply to" line names in another language than English (ReplyToLabel is translated): a line outside
 * the post's text and links holding one link, to a profile, with a few words beside it and no time, "@handle" or
 * number (the header's name line has those); before the post's text, and not the author's own. The repost line is
 * no such line: its whole line is a link.
 */
function translatedReplyLine(root: Element, el: Element, text: string): string | undefined {
  const links = el.querySelectorAll('a[href]');
  if (links.length !== 1) return undefined;
  const handle = profileOf(links[0]!.getAttribute('href'));
  if (!handle || handle.startsWith('did:')) return undefined;
  const words = text.replace(clean(links[0]!.textContent), ' ').trim();
  if (!words || words.length > 30 || /[\d@·]/.test(words)) return undefined;
  const body = ownTextElement(root);
  if (body && !(el.compareDocumentPosition(body) & FOLLOWING)) return undefined;
  return handle === (testIdHandle(root) ?? timestampLink(root)?.actor) ? undefined : handle;
}

/** An empty spacer whose only content is a drawn reply line. */
function holdsLine(el: Element | null | undefined): boolean {
  return Boolean(el?.firstElementChild) && !clean(el!.textContent) && !el!.querySelector('a, img, button, svg');
}

/**
 * The element whose children are a feed item's rows: the item itself in older builds; now the View
 * inside it (Link renders Pressable > View, the View carrying the item's style).
 */
function rows(root: Element): Element {
  let el = root;
  for (let depth = 0; depth < 2 && el.childElementCount === 1; depth++) el = el.firstElementChild!;
  return el;
}

/** In a feed slice a reply draws the thread line in the first column of its top row. */
function isSliceChild(root: Element): boolean {
  const meta = timestampLink(root)?.el;
  const layout = [...rows(root).children].find((c) => meta && c.contains(meta));
  return holdsLine(layout?.previousElementSibling?.firstElementChild);
}

/** The feed item rendered just before this one in the same slice (slice items are siblings). */
function previousInSlice(root: Element): Element | undefined {
  return besideInSlice(root, 'previousElementSibling');
}

/**
 * The feed item rendered just before or after this one: slice items are siblings, each inside up to
 * three wrappers of its own.
 */
function besideInSlice(root: Element, side: 'previousElementSibling' | 'nextElementSibling'): Element | undefined {
  let el: Element = root;
  for (let depth = 0; depth < 3 && !el[side] && el.parentElement?.childElementCount === 1; depth++) el = el.parentElement;
  const beside = el[side];
  if (!beside) return undefined;
  return beside.matches(FEED_ITEM) ? beside : (beside.querySelector(FEED_ITEM) ?? undefined);
}

/** A thread reply whose first child draws the line from the item just above it. */
function hasParentLine(item: Element): boolean {
  // The highlighted post is preceded by an empty marker of the page's scroll position, then by
  // the line from its parent when it has one.
  // (Its rows may sit in a View of their own, as Link renders feed items: read from the rows, whatever wraps them.)
  return isThreadAnchor(item) ? holdsLine(item.previousElementSibling) : holdsLine(rows(item).firstElementChild?.firstElementChild);
}

/** An element that draws a line or a space: nothing inside it. */
function isBlank(el: Element | null | undefined): boolean {
  return Boolean(el) && !el!.firstElementChild && !clean(el!.textContent);
}

/**
 * A reply's level in the tree view (a thread preference; ThreadItemTreePost): a nested reply's first
 * part is the empty "elbow" drawn from its parent, before the post, and its row holds one empty column
 * per level beyond the first before it. 1 for the first level and for every reply of the linear view
 * (whose first part is its reply-line row, one column with nothing beside it).
 */
function treeLevel(item: Element): number {
  const elbow = item.firstElementChild?.firstElementChild;
  if (!isBlank(elbow) || !elbow!.nextElementSibling?.querySelector('a[href*="/post/"]')) return 1;
  // The columns sit before the view holding the item (the item's own sibling is its hover overlay).
  for (let el = item.parentElement, depth = 0; el && depth < 2; el = el.parentElement, depth++) {
    let columns = 0;
    let prev = el.previousElementSibling;
    for (; prev && isBlank(prev); prev = prev.previousElementSibling) columns++;
    if (columns && !prev) return columns + 1;
  }
  return 1;
}

interface ReplyInfo {
  isReply: boolean;
  inReplyTo?: string;
  threadId?: string;
}

/** Whom a feed post answers: the item above it in its slice, else the name its "Replied to" label shows. */
function feedReplyTarget(root: Element): string | undefined {
  const parent = isSliceChild(root) ? previousInSlice(root) : undefined;
  return parent ? testIdHandle(parent) : repliedTo(root)?.name;
}

function feedReplyInfo(root: Element): ReplyInfo {
  const replied = repliedTo(root);
  if (!isSliceChild(root)) return { isReply: Boolean(replied), inReplyTo: replied?.name };
  const parent = previousInSlice(root);
  let first: Element | undefined = parent;
  for (let prev = parent; prev; prev = isSliceChild(prev) ? previousInSlice(prev) : undefined) first = prev;
  const threadRoot = first && !isSliceChild(first) && !repliedTo(first) ? identity(first)?.id : undefined;
  return { isReply: true, inReplyTo: parent ? testIdHandle(parent) : replied?.name, threadId: threadRoot };
}

/**
 * The highlighted post among a thread page's items: the one without a link of its own, else (where it has one) the
 * one the page's address names.
 */
function anchorIndex(items: Element[], doc: Document): number {
  const plain = items.findIndex(isThreadAnchor);
  if (plain >= 0) return plain;
  const page = parsePath(doc.URL, POST_PATH);
  if (!page) return -1;
  return items.findIndex((item) => {
    const link = timestampLink(item);
    return link?.rkey === page.rkey && (link.actor === page.actor || page.actor.startsWith('did:'));
  });
}

function threadReplyInfo(root: Element): ReplyInfo {
  // The items of this thread's screen: bsky.app keeps the screens read before, hidden, in the page (Home and the
  // last few), so the thread read before this one may still be there, with its own highlighted post.
  const screen = root.closest(THREAD_SCREEN) ?? root.ownerDocument;
  const items = [...screen.querySelectorAll(THREAD_ITEM)];
  const index = items.indexOf(root);
  const first = items[0];
  const threadId = first && !hasParentLine(first) ? identity(first)?.id : undefined;
  if (index <= 0) return { isReply: hasParentLine(root), threadId };
  const anchor = anchorIndex(items, root.ownerDocument);
  // Above and at the highlighted post each item replies to the one before it; below it, a reply
  // answers the item above when a line joins them, in the tree view the nearest one a level
  // shallower, else the highlighted post.
  const level = index > anchor ? treeLevel(root) : 1;
  let parent = anchor < 0 || index <= anchor || hasParentLine(root) ? items[index - 1] : items[anchor];
  if (anchor >= 0 && level > 1) parent = items.slice(anchor + 1, index).reverse().find((item) => treeLevel(item) === level - 1);
  // A post shown between them that is no item ("Post has been deleted", a blocked post) is what this one answers.
  if (parent === items[index - 1] && parent && !nothingBetween(parent, root)) parent = undefined;
  return { isReply: true, inReplyTo: parent ? testIdHandle(parent) : undefined, threadId };
}

/** Whether nothing is shown between two thread items (a placeholder of a post that is no item shows words). */
function nothingBetween(before: Element, after: Element): boolean {
  const doc = before.ownerDocument;
  const texts = doc.createTreeWalker(doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  let last: Node = before;
  while (last.lastChild) last = last.lastChild;
  texts.currentNode = last;
  for (let t = texts.nextNode(); t && !after.contains(t) && !(after.compareDocumentPosition(t) & FOLLOWING); t = texts.nextNode()) {
    // (A control's words are no post: the "Write your reply" prompt under the highlighted post.)
    if (clean(t.textContent) && !t.parentElement?.closest('button, [role="button"]')) return false;
  }
  return true;
}

/** A post behind a collapsed moderation warning: only the warning's button is rendered. */
function isCollapsed(root: Element): boolean {
  const hider = root.querySelector('[data-testid="contentHider-post"]');
  return Boolean(hider && hider.lastElementChild?.tagName === 'BUTTON');
}

/** A post listed on its own answers whom its "Replied to" line names. */
function listedReplyInfo(root: Element): ReplyInfo {
  const replied = repliedTo(root);
  return { isReply: Boolean(replied), inReplyTo: replied?.name };
}

/** A post root Firstreply can read: a feed or thread item, or a post listed on its own. */
function isReadable(root: Element): boolean {
  return root.matches(`${FEED_ITEM}, ${THREAD_ITEM}`) || (root.matches(LISTED) && isListed(root));
}

function extract(root: Element): Post | undefined {
  if (!isReadable(root) || isCollapsed(root)) return undefined;
  const who = identity(root);
  if (!who) return undefined;
  const rkey = who.id.slice(who.id.lastIndexOf('/') + 1);
  const reply = root.matches(THREAD_ITEM) ? threadReplyInfo(root) : root.matches(FEED_ITEM) ? feedReplyInfo(root) : listedReplyInfo(root);
  return parsePost({
    platform: 'bluesky',
    id: who.id,
    url: who.url,
    author: { handle: who.handle, name: displayName(root, who.handle), profileUrl: `${ORIGIN}/profile/${who.handle}` },
    text: textWithSites(root),
    publishedAt: publishedAt(root, rkey),
    quoted: quotedPost(root),
    ...reply,
    // A top-level post with its replies under it in the feed starts the thread.
    threadId: reply.threadId ?? (!reply.isReply && root.matches(FEED_ITEM) && isThreadParentOfSlice(root) ? who.id : undefined),
  });
}

/** The first item of a feed slice that has replies under it is the thread's root. */
function isThreadParentOfSlice(root: Element): boolean {
  const item = besideInSlice(root, 'nextElementSibling');
  return Boolean(item && isSliceChild(item));
}

export const bluesky: SiteAdapter = defineAdapter({
  id: 'bluesky',
  platform: 'bluesky',
  matches: ['https://bsky.app/*'],
  postSelector: ROOT,
  // Opens the composer, which shows the post it answers above its editor.
  replyControl: '[data-testid="replyBtn"]',

  getPostId(root) {
    return isReadable(root) ? identity(root)?.id : undefined;
  },

  peek(root) {
    // Undefined while the post cannot be read yet, so that it is read again once revealed.
    if (!isReadable(root) || isCollapsed(root)) return undefined;
    // A quoted post's text counts as a mention too; its permalink is left to the full read.
    const quote = quoteBlock(root);
    const text = [textWithSites(root), quote ? quoteText(quote) : ''].filter(Boolean).join('\n');
    // Whom it answers, in a feed or a list (a handle, or the display name of "Replied to …"), so that an answer to the brand is read.
    const repliesTo = root.matches(FEED_ITEM) ? feedReplyTarget(root) : root.matches(THREAD_ITEM) ? undefined : repliedTo(root)?.name;
    // A listed post names its author only in its links: its time link's.
    const authorHandle = testIdHandle(root) ?? timestampLink(root)?.actor;
    return { text, authorHandle, repliesTo, quotes: quote ? quoteAuthor(quote) : undefined };
  },

  extractPost(root) {
    return extract(root);
  },

  overlayAnchor(root) {
    const meta = timestampLink(root)?.el;
    if (meta?.parentElement) return meta.parentElement;
    // The highlighted post: its author link holds the name and handle.
    const href = `/profile/${testIdHandle(root) ?? ''}`;
    const author = [...root.querySelectorAll('a[href^="/profile/"]')].find(
      (a) => a.getAttribute('href') === href && a.querySelector('[dir="auto"]'),
    );
    return author?.parentElement ?? root;
  },

  findReplyBox(root) {
    const view = root.ownerDocument.querySelector('[data-testid="composePostView"]');
    const editor = view?.querySelector<HTMLElement>('[contenteditable="true"]');
    const post = view && editor ? bluesky.extractPost(root) : undefined;
    if (!view || !editor || !post) return undefined;
    // The composer shows the post being replied to as plain text above the editor.
    const shown = [...view.querySelectorAll('div[dir="auto"]')]
      .filter((el) => !editor.contains(el))
      .map((el) => clean(el.textContent));
    const snippet = clean(post.text).slice(0, 60);
    const match = snippet ? shown.some((t) => t.includes(snippet)) : shown.includes(post.author.name ?? post.author.handle);
    return match ? editor : undefined;
  },
});
