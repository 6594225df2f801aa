import { parsePost, type Post } from '../schemas/post';
import { readableText, squeeze, without } from '../dom/readable-text';
import { perTask } from '../dom/schedule';
import { labelledControl } from './common/reply-labels';
import { threadReplyTarget } from './common/thread-replies';
import { hasAdLabel } from './meta/sponsored';
import { defineAdapter, ownedBy, FOLLOWING, type SiteAdapter } from './types';

// Instagram (www.instagram.com) ships Meta's atomic CSS, so this reads tags, links and times:
// - in the feed each post is an <article> with a[href="/p/<shortcode>/"] (or /<user>/p/…, /reel/…)
//   around its time[datetime] (a carousel's pictures are a <ul> of li's in it: SubstrateLabs/brocc's
//   saved home feed, April 2025);
// - on a post page the <article> holds the whole page (caption and comments), so it is not a post
//   root; the caption is the first li of the comment list (h1 text, unlinked time) and every comment
//   is an li whose time links to /p/<shortcode>/c/<id>/ (a reply: /c/<parent id>/r/<id>/, its li
//   beside its comment's). An li whose time links to no comment is never the post (it would take the
//   post's id and give it the commenter): it is read only as the caption;
// - the author is the username link (its text is the username) just before the time; a repost's
//   "<user> reposted" line comes before it and names the reposter;
// - text is span[dir="auto"] (h1 for a post page caption) after the author's link, outside links,
//   buttons, headings and the <section>s of the action bar;
// - the reply box is the "Add a comment…" textarea of the post's form; replying to a comment
//   prefills it with "@<user> ".
// Modelled (no saved page shows these), and read only where they cannot name the wrong post or author:
// - a reply's li inside its comment's li: an li is a root when it holds a time of its own, not only
//   one of a reply listed in it;
// - an <article> whose list has no caption (a feed post showing a comment under it, a post page whose
//   caption is no li) is the post itself, named by its own /p/ time link outside the list;
// - a caption li whose words are a span, not an h1: the list's first item, its time not a link, by the
//   username the article's <header> shows;
// - a feed post without a time: its one post link names it (several, as in a grid of saved posts: not
//   read), no date, and only when everyone named before that link is one person;
// - links written without their closing slash (/p/<code>, /<user>); a datetime without an offset is UTC,
//   a date alone gives no time;
// - a caption whose words carry no dir="auto": an h1, or what follows the author's name shown again
//   after the header (the caption line), up to a link, a button or another name.
// Post and reel pages as served since 2025 have no <article> and no <li>: the caption and every
// comment are a div of two columns, the avatar (a link around the profile picture) then the body,
// whose first line is the username link and the time (a comment's links to /p/<code>/c/<id>/, the
// caption's is not a link), then the text; "View all N replies" sits outside the comment. The
// caption's text is a span after that first line, inside the same span[dir="auto"].
// (Checked against post and reel pages saved in 2025 and 2026: TainaraAlvesSilva/AlertaSeguranca
// debug_instagram.html, PET-Conexao-Periferia/Social-Media-Observatory debug_post.html and
// anurraggg/instascraper debug_reel_source.html.)
const ORIGIN = 'https://www.instagram.com';
/**
 * Markers: every article (a feed post holds a time, or at least its link), and every time (a comment's
 * or caption's li and a block are found from it by `rootOf`). No :has(): the roots are told by code.
 */
const MARKERS = 'article, time';
// The closing slash is optional (links written without it open the same page); nothing else can follow
// the code or the comment's id, so /p/<code>/liked_by/ and /p/<code>/comments/ name no post.
const PERMALINK = /^\/(?:([A-Za-z0-9._]{1,30})\/)?(p|reel|tv)\/([A-Za-z0-9_-]{5,64})(?:\/c\/(\d{1,30})(?:\/r\/(\d{1,30}))?)?\/?$/;
const PROFILE = /^\/([A-Za-z0-9._]{1,30})\/?$/;
const RESERVED = new Set(['explore', 'accounts', 'p', 'reel', 'reels', 'tv', 'stories', 'direct', 'about', 'legal', 'web']);

interface Link {
  kind: string;
  code: string;
  owner?: string;
  comment?: string;
  reply?: string;
  /** The post's time, or, for a feed post that shows none, its link (where it stands, and no date). */
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
  if (!avatar || body?.tagName !== 'DIV') return undefined;
  // The avatar: a column holding the link around the profile picture, or (in pages written after the site's markup)
  // that link alone.
  const picture = avatar.tagName === 'DIV' ? avatar.querySelector('a[href] > img') : avatar.matches('a[href]') ? avatar.querySelector(':scope > img') : null;
  if (!picture || avatar.querySelector('time')) return undefined;
  const time = body.querySelector('time[datetime]');
  if (!time) return undefined;
  const a = time.closest('a[href]');
  if (!a || !body.contains(a)) return 'caption';
  return parseLink(a.getAttribute('href'))?.comment ? 'comment' : undefined;
}

/** A li holds a time of its own, not only one of the replies listed inside it: a comment or the caption. */
function ownsTime(li: Element): boolean {
  for (const time of li.querySelectorAll('time')) if (time.closest('li') === li) return true;
  return false;
}

/** The username the post's <header> shows (its link's text is the username). */
function headerOwner(scope: ParentNode): string | undefined {
  for (const a of scope.querySelectorAll('header a[href]')) {
    const m = PROFILE.exec(pathOf(a.getAttribute('href')) ?? '');
    if (m && !RESERVED.has(m[1]!) && shownText(a) === m[1]) return m[1];
  }
  return undefined;
}

/**
 * Whether a li is the caption: the list's first item with a time, holding the caption's h1; or, where the
 * caption is no heading, an item whose time is not a link, by the post's author (the article's header).
 * A comment gone without its link is neither (it is not first, or its author is not the post's).
 */
function isCaptionItem(li: Element): boolean {
  const article = li.closest('article');
  const first = (article ?? li.ownerDocument).querySelector('li time')?.closest('li');
  if (first !== li) return false;
  if ([...li.querySelectorAll('h1')].some((h) => own(li, h))) return true;
  if (!article) return false;
  let unlinked: Element | undefined;
  for (const time of li.querySelectorAll('time[datetime]')) {
    if (!own(li, time)) continue;
    const a = time.closest('a[href]');
    if (a && li.contains(a)) return false;
    unlinked ??= time;
  }
  const owner = unlinked ? headerOwner(article) : undefined;
  return owner !== undefined && authorLink(li, { kind: 'p', code: '', time: unlinked! })?.handle === owner;
}

/** The caption li of an article (or of a page without one), if its list has one. */
function captionItem(scope: ParentNode): Element | undefined {
  const li = scope.querySelector('li time')?.closest('li');
  return li && (scope as Node).contains(li) && isCaptionItem(li) ? li : undefined;
}

/**
 * The post root at or above an element: a comment's or caption's li, a feed post (an article whose list
 * has no caption: on a post page, where it has one, the article holds the page and is no root), or a block.
 */
function rootOf(el: Element): Element | null {
  // The nearest li with a time of its own: a reply's li inside its comment's is a root of its own.
  for (let li = el.closest('li'); li; li = li.parentElement?.closest('li') ?? null) {
    if (ownsTime(li)) return li;
  }
  const article = el.closest('article');
  if (article) {
    if (captionItem(article)) return null;
    // An article around a post's two-column blocks, its comments among them (a post open as a dialog, as modal
    // scrapers of 2026 expect one): its caption and comment blocks are the roots, never the article, which would take
    // a comment's id. (A feed post's header is laid out as a block too, but holds no comment.)
    if (!holdsCommentBlocks(article)) return article;
    return blockAround(el, article) ?? null;
  }
  // Blocks are read only on pages without those: inside a post or comment li, a block is a part.
  if (el.closest('li')) return null;
  for (let at: Element | null = el; at && at.tagName !== 'BODY' && at.tagName !== 'MAIN'; at = at.parentElement) {
    if (at.tagName === 'DIV' && blockKind(at)) return at;
  }
  return null;
}

const isRoot = (el: Element) => rootOf(el) === el;

/** The two-column block (caption or comment) an element is in, below `top`. */
function blockAround(el: Element, top: Element): Element | undefined {
  for (let at: Element | null = el; at && at !== top; at = at.parentElement) if (at.tagName === 'DIV' && blockKind(at)) return at;
  return undefined;
}

/** Whether an article holds comment blocks: a time in one (read once a task for all its markers). */
const holdsCommentBlocks = perTask((article: Element): boolean => {
  for (const time of article.querySelectorAll('time[datetime]')) {
    const block = blockAround(time, article);
    if (block && blockKind(block) === 'comment') return true;
  }
  return false;
});

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
  return root.tagName === 'LI' && isCaptionItem(root);
}

/**
 * A feed post that shows no time: its link, when every link it holds to a post names that one post (a grid of
 * several posts, or a caption linking another post, is not read).
 */
function undatedLink(root: Element): Link | undefined {
  let found: Link | undefined;
  for (const a of root.querySelectorAll('a[href]')) {
    if (!own(root, a)) continue;
    const link = parseLink(a.getAttribute('href'));
    if (!link) continue;
    if (link.comment || (found && found.code !== link.code)) return undefined;
    found = { ...link, owner: found?.owner ?? link.owner, time: a };
  }
  return found;
}

function permalink(root: Element): Link | undefined {
  let unlinked: Element | undefined;
  let timed = false;
  for (const time of root.querySelectorAll('time[datetime]')) {
    if (!own(root, time)) continue;
    timed = true;
    const a = time.closest('a[href]');
    const link = a && root.contains(a) ? parseLink(a.getAttribute('href')) : undefined;
    // A list item is a comment, or the caption: one whose link names no comment is never the post
    // (a comment whose link lost its id would take the post's id and give it the commenter).
    if (link && root.tagName === 'LI' && !link.comment && !isCaption(root)) return undefined;
    // Nor is a comment's link ever an article's (a post's).
    if (link?.comment && root.tagName === 'ARTICLE') return undefined;
    if (link) return { ...link, time };
    unlinked ??= time;
  }
  if (!timed && root.tagName === 'ARTICLE') return undatedLink(root);
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
  const named = new Set<string>();
  for (const a of root.querySelectorAll('a[href]')) {
    if (!own(root, a)) continue;
    if (!(a.compareDocumentPosition(link.time) & FOLLOWING)) break;
    const m = PROFILE.exec(pathOf(a.getAttribute('href')) ?? '');
    if (!m || RESERVED.has(m[1]!)) continue;
    if (shownText(a) === m[1]) {
      names.push({ handle: m[1]!, a });
      named.add(m[1]!);
    } else if (a.querySelector('img') && names.at(-1)?.handle !== m[1]) names = []; // a picture: whoever it shows comes next
  }
  // A post without a time has no header line to go by: read only when everyone named before its link is
  // one person (not a repost or collab, nor a commenter shown above the link).
  if (!isTime(link.time)) return named.size === 1 && (!link.owner || named.has(link.owner)) ? names[0] : undefined;
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

const isTime = (el: Element) => el.tagName === 'TIME';

/** A datetime as PostSchema takes it: a real moment, with its offset. */
const ZONED_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/** Any datetime naming a moment: seconds, the "T" and the offset may be missing. */
const DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

/** Whether a yyyy-mm-dd day exists (a date parser rolls February 30th over into March). */
function realDay(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * When the post was published: the time's datetime as it is where PostSchema takes it; written another way,
 * the same moment in ISO form, one without an offset read as UTC (as Instagram writes its times); none for a
 * date alone (a day, not a moment: the post's age would be up to a day wrong) or anything else, so that an
 * odd datetime never costs the post.
 */
function publishedAt(time: Element): string | undefined {
  if (!isTime(time)) return undefined;
  const value = time.getAttribute('datetime')?.trim() ?? '';
  const m = DATETIME.exec(value);
  if (!m || !realDay(m[1]!)) return undefined;
  if (ZONED_TIME.test(value)) return value;
  const zone = (m[3] ?? 'Z').toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Elements that are never a caption's words: links, buttons, icons and the action bar. */
const NOT_WORDS = 'a, button, [role="button"], svg, time, section, header';

/** The username a link shows, when it is a name (a line's "alice"), not a mention ("@alice") or another link. */
function nameShown(a: Element): string | undefined {
  const m = PROFILE.exec(pathOf(a.getAttribute('href')) ?? '');
  return m && shownText(a) === m[1] ? m[1] : undefined;
}

/**
 * Whose line a text is on: the name shown nearest before it (the line "nina.k Acme Air lost mine too!!" under a
 * feed post is nina.k's comment shown with it, not the post's caption), or undefined where no name comes before.
 */
function lineOwner(root: Element, el: Element, names: Array<{ a: Element; handle: string }>): string | undefined {
  for (let up = el.parentElement; up && root.contains(up); up = up.parentElement) {
    let owner: string | undefined;
    for (const n of names) if (up.contains(n.a) && !el.contains(n.a) && n.a.compareDocumentPosition(el) & FOLLOWING) owner = n.handle;
    if (owner) return owner;
  }
  return undefined;
}

function textOf(root: Element, author: { handle: string; a: Element }, time?: Element): string {
  const blocks: Element[] = [];
  let names: Array<{ a: Element; handle: string }> | undefined;
  // (Instagram's text carries dir="auto"; its h1 is the caption with or without it.)
  for (const el of root.querySelectorAll('h1, span[dir="auto"]')) {
    if (!own(root, el) || !(author.a.compareDocumentPosition(el) & FOLLOWING) || author.a.contains(el)) continue;
    const inside = el.parentElement?.closest('a, button, [role="button"], time, h2, h3, section, header');
    if (inside && root.contains(inside)) continue;
    if (el.querySelector('time') || blocks.some((b) => b.contains(el))) continue;
    // The wrapper that starts with the author's name link holds the caption; take the caption itself.
    if ([...el.querySelectorAll('a[href]')].some((a) => a.getAttribute('href') === author.a.getAttribute('href'))) continue;
    // Someone else's line shown with the post (a feed post's comments under its caption) is not its text.
    names ??= [...root.querySelectorAll('a[href]')].flatMap((a) => {
      const handle = own(root, a) ? nameShown(a) : undefined;
      return handle ? [{ a, handle }] : [];
    });
    const owner = lineOwner(root, el, names);
    if (owner && owner.toLowerCase() !== author.handle.toLowerCase()) continue;
    // A wrapper holding someone else's whole line, their name then their words (as the caption's line is wrapped).
    if (names.some((n) => el.contains(n.a) && n.handle.toLowerCase() !== author.handle.toLowerCase())) continue;
    blocks.push(el);
  }
  // A caption block: its text follows the line of username and time, in the span that holds both.
  if (!blocks.length && root.tagName === 'DIV' && time) {
    let line = author.a.parentElement;
    while (line && line !== root && !line.contains(time)) line = line.parentElement;
    for (let next = line && line !== root ? line.nextElementSibling : null; next; next = next.nextElementSibling) {
      if (!next.matches('a, button, [role="button"], svg') && !next.querySelector('time')) blocks.push(next);
    }
    // Or in that span itself, after the time: name, time, then the words.
    if (!blocks.length && line && line !== root) {
      let at: Element | null = time;
      while (at && at.parentElement !== line) at = at.parentElement;
      for (let next = at?.nextElementSibling; next; next = next.nextElementSibling) {
        if (!next.matches('a, button, [role="button"], svg') && !next.querySelector('time, button, [role="button"]')) blocks.push(next);
      }
    }
  }
  if (!blocks.length && root.tagName === 'ARTICLE') blocks.push(...captionLine(root, author));
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

/**
 * A feed post's caption where its words carry no dir="auto" (a plain span after the name): what follows the
 * author's name where it is shown again outside the header, the caption line's own name link. Never the
 * header's line (its place, its "Follow"), a link or button, nor a line naming someone else.
 */
function captionLine(root: Element, author: { handle: string; a: Element }): Element[] {
  for (const a of root.querySelectorAll('a[href]')) {
    if (a === author.a || !own(root, a) || !(author.a.compareDocumentPosition(a) & FOLLOWING) || a.closest('header')) continue;
    const name = nameShown(a);
    if (!name) continue;
    // The first name shown after the header's: the caption's when it is the author's, else someone else's line.
    if (name !== author.handle) return [];
    let at: Element = a;
    while (!at.nextElementSibling && at.parentElement && at.parentElement !== root && at.parentElement.children.length === 1) at = at.parentElement;
    const words: Element[] = [];
    for (let next = at.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.matches(NOT_WORDS) || next.querySelector('time, button, [role="button"], section, header')) break;
      // A name shown in the line (a collab's, a commenter's) is not the caption's words.
      if ([...next.querySelectorAll('a[href]')].some((n) => PROFILE.test(pathOf(n.getAttribute('href')) ?? '') && !shownText(n).startsWith('@'))) break;
      words.push(next);
    }
    return words;
  }
  return [];
}

/** The comment (li or block) that links to a comment id (its own time link), anywhere on the page. */
function commentRoot(doc: Document, code: string, id: string): Element | undefined {
  for (const a of doc.querySelectorAll(`a[href*="/c/${id}"]`)) {
    const link = parseLink(a.getAttribute('href'));
    const root = a.closest('li') ?? rootOf(a);
    if (link?.code === code && link.comment === id && !link.reply && root) return root;
  }
  return undefined;
}

/** Who the post page's post belongs to: its caption's author, else its header's username link. */
function postOwner(root: Element, link: Link): string | undefined {
  const page = root.closest('article') ?? root.ownerDocument;
  const caption = captionItem(page) ?? captionBlock(root.ownerDocument);
  const captionLink = caption ? permalink(caption) : undefined;
  const fromCaption = caption && captionLink ? authorLink(caption, captionLink)?.handle : undefined;
  return fromCaption ?? headerOwner(page) ?? link.owner;
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
  // Its own time: not a comment's shown under it; for a post that shows no time, its first link (its author's),
  // as "Sponsored" stands where an ad's time would.
  const time = [...root.querySelectorAll('time[datetime]')].find((t) => own(root, t));
  let header = (time ?? [...root.querySelectorAll('a[href]')].find((a) => own(root, a)))?.parentElement;
  while (header && header !== root && header.querySelectorAll('a[href]').length < 2) header = header.parentElement;
  return [...root.querySelectorAll('header'), ...(header ? [header] : [])].some((h) => hasAdLabel(h));
}

/** Not to be read (yet): no root, a glimmer still loading (read again once filled), or an ad. */
function unreadable(root: Element): boolean {
  return !isRoot(root) || Boolean(root.querySelector('[data-visualcompletion="loading-state"]')) || isAd(root);
}

/**
 * The accounts tagged in a post's pictures, as Instagram's alt text for them names them ("Photo by María Ruiz in
 * Lisbon on March 03, 2026 tagging @acmeair and @skyjet. May be an image of…", in the reader's language): a customer
 * tagging the brand in a photo is talking about it. Every @account the alt text names but the author is taken, in any
 * language. The pictures are the post's own: in its article in a feed, on the page of the post elsewhere, never one in
 * a link to another post (the "More posts" grid).
 */
const PHOTO_TAGS = /(?<![\w@.])@([A-Za-z0-9._]{1,30})/g;

/** A handle as a tag gives it, without the sentence's full stop after it ("@acmeair." is @acmeair). */
const taggedHandle = (name: string) => name.replace(/\.+$/, '');

/** The accounts the post's pictures tag (as "@name"), but for those in `skip` (lower-cased, without "@"). */
function photoTags(root: Element, code: string, skip: ReadonlySet<string>): string[] {
  const scope = root.closest('article') ?? root.closest('main, [role="main"]') ?? root.ownerDocument.body;
  const tagged: string[] = [];
  for (const img of scope.querySelectorAll('img[alt*="@"]')) {
    const other = img.closest('a[href]');
    const otherCode = other && PERMALINK.exec(pathOf(other.getAttribute('href')) ?? '')?.[3];
    if (otherCode && otherCode !== code) continue;
    for (const [, name] of (img.getAttribute('alt') ?? '').matchAll(PHOTO_TAGS)) {
      const handle = taggedHandle(name!);
      if (handle && !skip.has(handle.toLowerCase()) && !tagged.includes(`@${handle}`)) tagged.push(`@${handle}`);
    }
  }
  return tagged;
}

/** A caption's words, then the accounts its pictures tag that the words do not name already; a comment's words. */
function postText(root: Element, author: Parameters<typeof textOf>[1], link: Link): string {
  const text = textOf(root, author, link.time);
  if (link.comment) return text;
  // The author, and those the words name already, are not added.
  const skip = new Set([author.handle, ...[...text.matchAll(PHOTO_TAGS)].map((m) => taggedHandle(m[1]!))].map((h) => h.toLowerCase()));
  const tags = photoTags(root, link.code, skip);
  return tags.length ? [text, `tagging ${tags.join(' ')}`].filter(Boolean).join('\n') : text;
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
  const text = postText(root, author, link);
  const mention = /^@([A-Za-z0-9._]{1,30})\b/.exec(text)?.[1];
  const under = isComment && !link.reply ? listedUnder(root, link.code) : undefined;
  // A reply answers whom it names first (Reply puts "@name " in the box), else the comment it is listed under (its
  // commenter replying in their own thread: the last other one who replied there, "Lisa, please DM us", then
  // "already did twice"). The replies listed with it are the roots of the times in its list, itself among them.
  const thread = link.reply && link.comment ? commentRoot(root.ownerDocument, link.code, link.comment) : under;
  if (thread) {
    const threadLink = permalink(thread);
    const opener = threadLink ? authorLink(thread, threadLink)?.handle : undefined;
    const listed = () => [...(root.closest('ul')?.querySelectorAll('time') ?? [])].flatMap((time) => rootOf(time) ?? []);
    inReplyTo =
      mention ??
      threadReplyTarget(opener, { root, author: author.handle }, listed, (other) => {
        if (other.contains(root) || root.contains(other)) return undefined;
        const otherLink = permalink(other);
        return otherLink ? authorLink(other, otherLink)?.handle : undefined;
      });
  } else if (isComment) {
    inReplyTo = postOwner(root, link);
  }
  return parsePost({
    platform: 'instagram',
    id: commentId ?? link.code,
    url: isComment ? `${postUrl}c/${link.comment}/${link.reply ? `r/${link.reply}/` : ''}` : postUrl,
    author: { handle: author.handle, profileUrl: `${ORIGIN}/${author.handle}/` },
    text,
    publishedAt: publishedAt(link.time),
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
  matches: ['https://www.instagram.com/*', 'https://instagram.com/*'],
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
    return link && author ? { text: postText(root, author, link), authorHandle: author.handle } : undefined;
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
