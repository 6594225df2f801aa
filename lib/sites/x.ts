import { parsePost, type Post } from '../schemas/post';
import { blockText, TEXT_BLOCKS } from '../dom/block-text';
import { readableText, without } from '../dom/readable-text';
import { domainIn, shownDomain, withSites } from './common/link-sites';
import { defineAdapter, FOLLOWING, type SiteAdapter } from './types';

// X (twitter.com / x.com) renders each post as <article data-testid="tweet">; the author block is
// [data-testid="User-Name"], the text [data-testid="tweetText"] with emoji as <img alt>, and the
// permalink is the <a> around the post's <time datetime>. The reply box is the Draft.js editor
// [data-testid="tweetTextarea_0"] of the inline composer or the reply dialog.
// A quoted post is a nested div[role="link"] whose User-Name holds no links (the whole block is one);
// its author shows as the "@handle" span and in its avatar's UserAvatar-Container-<handle> test id.
// In a conversation, a reply shown under the post it answers has no "Replying to" line: X draws the
// thread line instead, an empty column in the row above the avatar, and the post answered is the
// one in the cell above. A long text ends in a "Show more" link (tweet-text-show-more-link), which
// is not part of it. An X Article has no tweetText: its title is twitter-article-title and its body
// twitterArticleRichTextView.
// (Checked against real timeline cells saved from twitter.com by rvinowise/twitter_bot's parser
// tests, 2023, and a saved x.com Article page in kepano/defuddle's fixtures, 2026.)
// A page saved or rewritten by another tool (as outside test authors model X's markup) may not keep all of
// this, and is read where that cannot pick another post or person: profile links made absolute
// (https://x.com/handle); a name link holding no span (its own text is the name; an "@handle" never is);
// a time beside its permalink or none (the permalink is then the one link to a post of the author the header
// shows, outside the text, media, cards and quoted post); a quoted post in a block that is no
// div[role="link"] (a header and a text of its own after the post's text); on a post's own page, a focused
// post not made unfocusable (it is the one whose id is the page's).
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
/** A timeline cell: one post, or a row such as "Show more replies". */
const CELL = '[data-testid="cellInnerDiv"]';
/** The most cells read after a brand's post as answers shown under it. */
const MAX_JOINED = 20;
/** The most of an X Article's body read (posts are limited to 40,000 characters). */
const ARTICLE_TEXT_MAX = 10_000;
/** An Article body's paragraphs (Draft.js blocks) and lists. */
const ARTICLE_BLOCKS = `${TEXT_BLOCKS}, [data-block="true"]`;
const STATUS_HREF = /^(?:https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com)?\/([A-Za-z0-9_]{1,15})\/status\/(\d{1,25})(?:[/?#]|$)/;
/** A profile link, /handle or https://x.com/handle: X's own links are relative, but a page saved or rewritten may make them absolute. */
const PROFILE_HREF = /^(?:https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com)?\/([A-Za-z0-9_]{1,15})$/;

/** First path segments of X's own pages, never a handle (x.com/i/status/<id> names no author). */
const RESERVED = new Set(['i', 'home', 'explore', 'search', 'settings', 'notifications', 'messages', 'compose', 'hashtag', 'intent', 'share']);
/** The handle a link leads to the profile of, if it does. */
function profileOf(a: Element): string | undefined {
  const handle = PROFILE_HREF.exec(a.getAttribute('href') ?? '')?.[1];
  return handle && !RESERVED.has(handle.toLowerCase()) ? handle : undefined;
}

/** What a post shows below its header and the "Replying to" line: its text, media, card or Article. */
const CONTENT =
  '[data-testid="tweetText"], [data-testid="tweetPhoto"], [data-testid="videoPlayer"], [data-testid="card.wrapper"], [data-testid="twitter-article-title"], [data-testid="twitterArticleRichTextView"], [data-testid="article-cover-image"]';
/** An ad: X wraps a promoted post's article in placementTracking (which, inside a post, also wraps video players). */
const AD = '[data-testid="placementTracking"]';
/** Where a link to a post is another post's, never the permalink: the text, a card, media (which may be another post's), an Article. */
const NOT_PERMALINK =
  '[data-testid="tweetText"], [data-testid="card.wrapper"], [data-testid="tweetPhoto"], [data-testid="videoPlayer"], [data-testid="twitter-article-title"], [data-testid="twitterArticleRichTextView"], [data-testid="article-cover-image"]';

interface Permalink {
  handle: string;
  id: string;
  href: string;
  publishedAt?: string;
}

function permalink(root: Element): Permalink | undefined {
  if (root.parentElement?.closest(AD)) return undefined;
  // The post's own permalink wraps its <time>; a quoted post's time sits inside a nested block
  // (div[role="link"]), so take the first time that is not inside one.
  let header: Element | null | undefined;
  for (const time of root.querySelectorAll('time')) {
    const block = time.closest('div[role="link"]');
    if (block && block !== root) continue;
    const m = STATUS_HREF.exec(time.closest('a[href]')?.getAttribute('href') ?? '');
    if (!m) continue;
    // A time in a header other than the post's own is a quoted post's, in a block that is no div[role="link"].
    const names = time.closest('[data-testid="User-Name"]');
    if (names && names !== (header ??= root.querySelector('[data-testid="User-Name"]'))) continue;
    // x.com/i/status/<id>: the author is the one the header names.
    const handle = RESERVED.has(m[1]!.toLowerCase()) ? headerHandle(root) : m[1]!;
    if (handle) return { handle, id: m[2]!, href: `https://x.com/${handle}/status/${m[2]}`, publishedAt: time.getAttribute('datetime') ?? undefined };
  }
  return linkedPermalink(root);
}

/**
 * The permalink of a post whose time is not inside it (beside it, or no time at all; X puts the time in the
 * link, but a page rewritten by another tool may not): the links to posts of the author its header shows,
 * outside its text, card, media and any quoted post, when they all name the one post; its time a time[datetime]
 * beside the link, or none. Links naming two posts cannot tell which is this one's: none.
 */
function linkedPermalink(root: Element): Permalink | undefined {
  const header = root.querySelector('[data-testid="User-Name"]');
  const handle = header && headerHandle(header);
  if (!handle) return undefined;
  let own: { link: Element; id: string } | undefined;
  for (const a of root.querySelectorAll('a[href*="/status/"]')) {
    const m = STATUS_HREF.exec(a.getAttribute('href') ?? '');
    // (A photo's link, /status/<id>/photo/1, wraps the photo: a link around media is never the permalink either.)
    if (m?.[1]!.toLowerCase() !== handle.toLowerCase() || a.closest(NOT_PERMALINK) || a.querySelector(NOT_PERMALINK)) continue;
    const block = a.closest('div[role="link"]');
    const names = a.closest('[data-testid="User-Name"]');
    if ((block && block !== root) || (names && names !== header)) continue;
    if (own && own.id !== m[2]) return undefined;
    own ??= { link: a, id: m[2]! };
  }
  if (!own) return undefined;
  const time = own.link.parentElement?.querySelector(':scope > time[datetime]');
  return { handle, id: own.id, href: `https://x.com/${handle}/status/${own.id}`, publishedAt: time?.getAttribute('datetime') ?? undefined };
}

/** The author's handle as the header (in `scope`, the post or its User-Name) shows it: the User-Name link whose text is "@handle". */
function headerHandle(scope: Element): string | undefined {
  for (const a of scope.querySelectorAll('[data-testid="User-Name"] a[href]')) {
    const shown = (a.textContent ?? '').trim();
    if (shown.charCodeAt(0) !== 64 /* @ */) continue;
    const handle = profileOf(a);
    if (handle && shown.toLowerCase() === `@${handle.toLowerCase()}`) return handle;
  }
  return undefined;
}

/**
 * The handle a reply answers, from X's "Replying to @handle" line between the header and the text: in
 * whatever language X is shown in, a link showing "@handle" (as its text, or in a span of it) that is
 * not in the header, the text, a quoted post or a card.
 */
function replyingTo(root: Element): string | undefined {
  const header = root.querySelector('[data-testid="User-Name"]');
  if (!header) return undefined;
  /** What the post shows after the line (its text, media, card or Article): looked for once a link shows a handle. */
  let content: Element | null | undefined;
  // (Its links are relative, /handle, as X makes them, or absolute, https://x.com/handle, as a page saved or
  // rewritten by another tool may make them.)
  for (const a of root.querySelectorAll('a[href]')) {
    // The author's handle link in the header wraps blocks; the line's links show the handle alone.
    const shown = (a.firstChild?.nodeValue ?? (a.firstElementChild?.localName === 'span' ? a.firstElementChild.textContent : null))?.trim();
    if (shown?.charCodeAt(0) !== 64 /* @ */) continue;
    const handle = PROFILE_HREF.exec(a.getAttribute('href')!)?.[1];
    if (!handle || shown.toLowerCase() !== `@${handle.toLowerCase()}`) continue;
    if (a.closest('[data-testid="User-Name"], [data-testid="tweetText"], [data-testid="card.wrapper"], [data-testid="socialContext"]')) continue;
    const block = a.closest('div[role="link"]');
    if (block && block !== root) continue;
    // The line stands between the header and what the post shows.
    if (content === undefined) content = root.querySelector(CONTENT);
    if (!(header.compareDocumentPosition(a) & FOLLOWING) || (content && !(a.compareDocumentPosition(content) & FOLLOWING))) continue;
    return handle;
  }
  return undefined;
}

/** Whether X draws the thread line above the post's avatar: it answers the post shown above it. */
function underThreadLine(root: Element): boolean {
  const avatar = root.querySelector('[data-testid="Tweet-User-Avatar"]');
  let row: Element | null | undefined = avatar;
  while (row && row.parentElement !== root && !row.previousElementSibling) row = row.parentElement;
  // The row above the avatar's: nothing to read in it, and a column drawn before its spacer (in a wrapper of its own,
  // as X renders it, or straight in the row, as pages written after X's markup often have it).
  const above = row && row !== root ? row.previousElementSibling : null;
  if (!above || above.querySelector('a, img, svg, time') || (above.textContent ?? '').trim()) return false;
  return Boolean(above.querySelector(':scope > * > :first-child:not(:last-child) > *, :scope > :first-child:not(:last-child) > *'));
}

/** The post a timeline cell holds (none for an element that is no cell, or a cell such as "Show more replies"). */
function postIn(cell: Element | null | undefined): Element | undefined {
  return cell?.matches(CELL) ? (cell.querySelector('article[data-testid="tweet"]') ?? undefined) : undefined;
}

/** The author of the post in the timeline cell just above this post's. */
function authorAbove(root: Element): string | undefined {
  const post = postIn(root.closest(CELL)?.previousElementSibling);
  return post ? permalink(post)?.handle : undefined;
}

/**
 * On a post's own page, the author of the focused post (the one article X makes unfocusable) when this post
 * is one of the replies shown under it: X draws no thread line to those ("Replies to the focused tweet don't
 * have the reply indicator", Control Panel for Twitter), and may show no "Replying to" line either. A post is
 * one of them when its cell comes after the focused post's with no "Discover more" heading (an h2 cell, after
 * which X recommends other posts) between them. Since July 2026 X may put a "More from this author" block
 * among the replies: a heading (no description line under it, unlike "Discover more"), up to three of the
 * author's posts, and a "See more" cell linking /i/user/<id> (Control Panel for Twitter 4.23). A reply after
 * that block still answers the focused post; the block's own posts answer nothing.
 * The focused post is also known by its id, the page's: a post is shown once on its own page, so that alone cannot
 * name another (in case X stops making it unfocusable, as pages rewritten by other tools already do).
 */
function focusedAbove(root: Element, id: string): string | undefined {
  const doc = root.ownerDocument;
  const here = STATUS_HREF.exec(doc.location?.pathname ?? '');
  if (!here || id === here[2] || root.getAttribute('tabindex') === '-1') return undefined;
  const cell = root.closest(CELL);
  /** Whether the cells just passed are a "More from this author" block's, seen from below its "See more". */
  let inBlock = false;
  for (let above = cell?.previousElementSibling; above?.matches(CELL); above = above.previousElementSibling) {
    const post = postIn(above);
    // (Its permalink is read only for a post that links the page's post.)
    const focused = post && (post.matches('[tabindex="-1"]') || post.querySelector(`a[href*="/status/${here[2]}"]`)) ? post : undefined;
    const link = focused && permalink(focused);
    if (focused?.matches('[tabindex="-1"]') || link?.id === here[2]) return link && link.id === here[2] ? link.handle : undefined;
    if (!inBlock && !above.querySelector('article') && above.querySelector(':scope > div > div > a[href^="/i/user/"]')) inBlock = true;
    const heading = above.querySelector('h2[role="heading"]');
    if (heading) {
      if (!inBlock || heading.nextElementSibling?.matches('div[dir]')) return undefined;
      inBlock = false;
    }
  }
  return undefined;
}

/** The handle of a quoted post's author: its link when it has one, its avatar's test id, or its "@handle" span. */
function quotedAuthor(block: Element): string | undefined {
  for (const a of block.querySelectorAll('[data-testid="User-Name"] a[href]')) {
    const link = profileOf(a);
    if (link) return link;
  }
  const avatar = block.querySelector('[data-testid^="UserAvatar-Container-"]')?.getAttribute('data-testid')?.slice('UserAvatar-Container-'.length);
  if (avatar && HANDLE.test(avatar)) return avatar;
  // The "@handle" X shows in a span of the name line (in a page written after X's markup, any element holding it alone).
  for (const el of block.querySelectorAll('[data-testid="User-Name"] *')) {
    if (el.firstElementChild) continue;
    const shown = (el.textContent ?? '').trim();
    if (shown.startsWith('@') && HANDLE.test(shown.slice(1))) return shown.slice(1);
  }
  return undefined;
}

/**
 * The author's display name: the header's first link's text (X holds it in a span, the "@handle" in the next
 * link's); never an "@handle". A name that is no link's, or a name link holding no span, is looked for only
 * when that finds none: then the name is the text of a link to the author's profile that is no "@handle".
 */
function displayName(header: Element | null, handle: string): string | undefined {
  if (!header) return undefined;
  const span = header.querySelector('a[href] span');
  const shown = span ? readableText(span) : '';
  if (shown && !HANDLE_SHOWN.test(shown)) return shown;
  for (const a of header.querySelectorAll('a[href]')) {
    if (profileOf(a)?.toLowerCase() !== handle.toLowerCase()) continue;
    const text = readableText(a);
    if (text && !HANDLE_SHOWN.test(text)) return text;
  }
  return undefined;
}

/**
 * A quoted post X cannot show (deleted, withheld, from a protected account): a nested article, not a post's, holding
 * its line ("This post is unavailable.", in the reader's language) and a "Learn more" link (Control Panel for
 * Twitter's reading, 2026). Its line is what the post quotes, so the reply knows it comments on a post gone.
 */
function unavailableQuote(root: Element): Post['quoted'] {
  const shown = root.querySelector('article:not([data-testid="tweet"])');
  if (!shown || shown.querySelector('[data-testid="User-Name"], time')) return undefined;
  const text = readableText(without(shown, 'a'));
  return text && text.length <= 200 ? { text } : undefined;
}

/** An @handle as the header shows it, never a name (a name may begin with "@" too: "@AcmeAir superfan"). */
const HANDLE_SHOWN = /^@\w{1,15}$/;

/** A poll's choices ("Acme Air", "SkyJet", "Neither"): what the post asks, a line each after its text (never a quoted post's). */
function pollChoices(root: Element, quoteBlock: Element | undefined): string[] {
  // Open, each choice is a radio; closed (or once voted), a list item whose first span is the choice and another its
  // share ("62%"), which is no part of it.
  return [...root.querySelectorAll('[data-testid="cardPoll"] [role="radio"], [data-testid="cardPoll"] [role="listitem"]')]
    .filter((choice) => !quoteBlock?.contains(choice))
    .map((choice) => {
      if (choice.getAttribute('role') === 'radio') return readableText(choice);
      const name = choice.querySelector('span');
      const text = name ? readableText(name) : '';
      return /^\d+(?:[.,]\d+)?\s?%$/.test(text) ? '' : text;
    })
    .filter(Boolean);
}

/** A post's text as shown, without the "Show more" link of a long one. */
function postText(el: Element): string {
  return readableText(without(el, '[data-testid="tweet-text-show-more-link"]'));
}

/**
 * The site a post's link card leads to, as the card shows it: its link is a t.co address, and X leaves that address out
 * of the post's text. Below a large card, a link to the same address reads "From acmeair.com" (in the reader's
 * language: "acmeair.comから", "acmeair.com adresinden"); the card's link is
 * labelled with the domain, then the title; a small card's detail has the domain on a line of its own.
 */
function cardSite(root: Element, quoteBlock: Element | undefined): string | undefined {
  for (const card of root.querySelectorAll('[data-testid="card.wrapper"]')) {
    if (quoteBlock?.contains(card)) continue;
    const links = [...card.querySelectorAll('a[href]')];
    const hrefs = new Set(links.map((a) => a.getAttribute('href')));
    for (const a of (card.parentElement ?? card).querySelectorAll('a[href]')) {
      if (card.contains(a) || !hrefs.has(a.getAttribute('href'))) continue;
      const site = domainIn(a.textContent);
      if (site) return site;
    }
    for (const a of links) {
      const site = shownDomain(a.getAttribute('aria-label'), true);
      if (site) return site;
    }
    for (const span of card.querySelectorAll('span')) {
      const site = span.childElementCount === 0 ? shownDomain(span.textContent) : undefined;
      if (site) return site;
    }
  }
  return undefined;
}

/**
 * The badge of an X Article's card ("Article", "文章": in the reader's language): an icon and the word, hidden from screen
 * readers, in a div[role="img"]; over the cover picture where the card has one ([data-testid="article-cover-image"]), else
 * above the title.
 */
const ARTICLE_BADGE = 'div[role="img"] > span[aria-hidden="true"] > svg';
/** What a post shows beside an Article's card, never inside it. */
const BESIDE_CARD = '[data-testid="tweetText"], [data-testid="User-Name"], [role="group"], div[role="link"]';

/** Blocks a post shows whose badges are no Article's: its header, a link card, a photo, a video. */
const NO_ARTICLE = '[data-testid="User-Name"], [data-testid="card.wrapper"], [data-testid="tweetPhoto"], [data-testid="videoPlayer"]';

/**
 * An X Article's title and (the start of) its body, when the post is one, on the Article's own page; else the title and
 * preview lines of the card of an Article the post shares (`inQuote` false) or the post it quotes shares (`inQuote`
 * true: in `quoteBlock`), in a timeline, bookmarks or search: the card is the largest block around its badge that holds
 * nothing else the post shows (real bookmarks, profile and post pages of December 2025 and September 2026 show it
 * alone, after a post's own text, and inside a quoted post).
 */
function articleText(root: Element, quoteBlock: Element | undefined, inQuote = false): string {
  const scope = inQuote ? quoteBlock : root;
  if (!scope) return '';
  // Its own, not a post's it quotes (a nested block, marked or not), nor one quoted in that.
  const belongs = (el: Element | null) => {
    if (!el) return null;
    const block = el.closest('div[role="link"]');
    const nested = block && block !== root && root.contains(block) ? block : undefined;
    if (inQuote) return quoteBlock!.contains(el) && (!nested || nested === quoteBlock || !quoteBlock!.contains(nested)) ? el : null;
    return !nested && !quoteBlock?.contains(el) ? el : null;
  };
  if (!inQuote) {
    const title = belongs(root.querySelector('[data-testid="twitter-article-title"]'));
    const body = belongs(root.querySelector('[data-testid="twitterArticleRichTextView"]'));
    if (title || body) return [title && readableText(title), body && blockText(body, ARTICLE_BLOCKS).slice(0, ARTICLE_TEXT_MAX)].filter(Boolean).join('\n');
  }
  for (const icon of scope.querySelectorAll(ARTICLE_BADGE)) {
    const badge = icon.parentElement!.parentElement!;
    if (!belongs(badge) || badge.closest(NO_ARTICLE) || (badge.textContent ?? '').trim().length > 40) continue;
    let card = badge;
    while (card.parentElement && card.parentElement !== scope && !card.parentElement.querySelector(BESIDE_CARD)) card = card.parentElement;
    const lines = [...card.querySelectorAll('div[dir="auto"]')].filter((d) => !badge.contains(d) && !d.parentElement!.closest('div[dir="auto"]'));
    return lines.map((d) => readableText(d)).filter(Boolean).join('\n');
  }
  return '';
}

/** A quoted post that shows an Article's card and no words of its own: its block (div[role="link"], with its header). */
function articleQuoteBlock(root: Element): Element | undefined {
  for (const icon of root.querySelectorAll(ARTICLE_BADGE)) {
    if (icon.closest(NO_ARTICLE)) continue;
    const block = icon.closest('div[role="link"]');
    if (!block || block === root || !root.contains(block) || !block.querySelector('[data-testid="User-Name"]')) continue;
    const outer = block.parentElement?.closest('div[role="link"]');
    return outer && outer !== root && root.contains(outer) ? outer : block;
  }
  return undefined;
}

/** The post's own text element and the text of the post it quotes (a nested div[role="link"] block). */
function textElements(root: Element): { own?: Element; quoteBlock?: Element; quote?: Element } {
  let own: Element | undefined;
  let quote: Element | undefined;
  let quoteBlock: Element | undefined;
  let second: Element | undefined;
  for (const el of root.querySelectorAll('[data-testid="tweetText"]')) {
    const block = el.closest('div[role="link"]');
    if (!block || block === root) {
      if (own) second ??= el;
      own ??= el; // the post's own text, not a quoted post's
    } else if (!quote) [quote, quoteBlock] = [el, block];
  }
  if (!quote && own && second) [quote, quoteBlock] = [second, quoteBlockOf(root, own, second)];
  return { own, quoteBlock, quote: quoteBlock && quote };
}

/**
 * A quoted post in a block that is no div[role="link"] (X's quotes are, but a page rewritten by another tool
 * may not keep it), around a second text: the block holding a header of its own (a User-Name after the post's
 * text) and that text, not the post's own text.
 */
function quoteBlockOf(root: Element, own: Element, text: Element): Element | undefined {
  for (const names of root.querySelectorAll('[data-testid="User-Name"]')) {
    if (!(own.compareDocumentPosition(names) & FOLLOWING) || !(names.compareDocumentPosition(text) & FOLLOWING)) continue;
    let block = names.parentElement;
    while (block && block !== root && !block.contains(text)) block = block.parentElement;
    return block && block !== root && !block.contains(own) ? block : undefined;
  }
  return undefined;
}

export const x: SiteAdapter = defineAdapter({
  id: 'x',
  platform: 'x',
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://www.x.com/*', 'https://www.twitter.com/*', 'https://mobile.twitter.com/*', 'https://mobile.x.com/*'],
  postSelector: 'article[data-testid="tweet"]',
  // Opens the reply dialog, which shows the post above its box.
  replyControl: '[data-testid="reply"]',

  getPostId(root) {
    return permalink(root)?.id;
  },

  isAd(root) {
    return Boolean(root.parentElement?.closest(AD));
  },

  isGone(root) {
    // A post that cannot be shown (deleted, suspended, withheld) is an article holding X's tombstone line.
    return root.querySelector('[data-testid="tombstone"]') !== null;
  },


  extractPost(root): Post | undefined {
    const link = permalink(root);
    if (!link) return undefined;
    const name = displayName(root.querySelector('[data-testid="User-Name"]'), link.handle);
    const { own: textEl, quoteBlock: textQuote, quote: quoteText } = textElements(root);
    // A quoted post with no words of its own may still share an Article.
    const quoteBlock = textQuote ?? articleQuoteBlock(root);
    const named = replyingTo(root);
    const lined = !named && underThreadLine(root);
    const inReplyTo = named ?? (lined ? authorAbove(root) : focusedAbove(root, link.id));
    return parsePost({
      platform: 'x',
      id: link.id,
      url: link.href,
      author: { handle: link.handle, name, profileUrl: `https://x.com/${link.handle}` },
      text: withSites([textEl && postText(textEl), articleText(root, quoteBlock), ...pollChoices(root, quoteBlock)].filter(Boolean).join('\n'), [cardSite(root, quoteBlock)]),
      publishedAt: link.publishedAt,
      quoted: quoteBlock
        ? { author: quotedAuthor(quoteBlock), text: [quoteText && postText(quoteText), articleText(root, quoteBlock, true)].filter(Boolean).join('\n') }
        : unavailableQuote(root),
      isReply: Boolean(inReplyTo) || lined,
      inReplyTo,
    });
  },

  overlayAnchor(root) {
    return root.querySelector('[data-testid="User-Name"]')?.parentElement ?? root;
  },

  nextPost(root) {
    return postIn(root.closest(CELL)?.nextElementSibling);
  },

  answersShownAfter(root) {
    // The cells after this post's, each answering the one above it, for as long as the thread line joins them.
    const cells: Element[] = [];
    for (let cell = root.closest(CELL)?.nextElementSibling; cell?.matches(CELL) && cells.length < MAX_JOINED; cell = cell.nextElementSibling) {
      const post = postIn(cell);
      if (!post || !underThreadLine(post)) break;
      cells.push(cell);
    }
    return cells;
  },

  findReplyBox(root) {
    const doc = root.ownerDocument;
    const id = permalink(root)?.id;
    if (!id) return undefined;
    const editable = (box: Element | null | undefined) =>
      (box?.matches('textarea, [contenteditable="true"]') ? box : box?.querySelector('textarea, [contenteditable="true"]')) as HTMLElement | null | undefined;
    // The reply dialog shows the post it answers above its box; so does the compose page (/compose/post) that
    // Reply goes to in a narrow window and on mobile.x.com, in place of the dialog (Control Panel for Twitter:
    // "On mobile, these are pages instead of modals").
    // The compose page is the page's one column: no dialog over it (on a wide screen /compose/post is a dialog over
    // the page, whose timeline and new-post box stay behind it), no timeline in it, one box, and the post it answers
    // above that box (a quoted post is shown below it).
    const dialogs = [...doc.querySelectorAll('[role="dialog"]')];
    const composing = !dialogs.length && (doc.location?.pathname ?? '').startsWith('/compose/');
    const pages = composing ? [...doc.querySelectorAll('main')].filter((main) => !main.querySelector(CELL) && main.querySelectorAll('[data-testid="tweetTextarea_0"]').length === 1) : [];
    for (const scope of [...dialogs, ...pages]) {
      const box = scope.querySelector('[data-testid="tweetTextarea_0"]');
      if (!box) continue;
      const above = (el: Element) => dialogs.includes(scope) || (el.compareDocumentPosition(box) & FOLLOWING) !== 0;
      const shown =
        [...scope.querySelectorAll('[data-testid="tweet"]')].some((post) => permalink(post)?.id === id && above(post)) ||
        [...scope.querySelectorAll('a[href*="/status/"]')].some((a) => STATUS_HREF.exec(a.getAttribute('href') ?? '')?.[2] === id && above(a));
      if (shown) return editable(box) ?? undefined;
    }
    // A post's own page answers its focused post (the one article X makes unfocusable, tabindex -1) in the box
    // under it; the home timeline's box writes a new post, not a reply.
    const here = STATUS_HREF.exec(doc.location?.pathname ?? '');
    if (here?.[2] !== id || root.getAttribute('tabindex') !== '-1') return undefined;
    const inline = [...doc.querySelectorAll('[data-testid="tweetTextarea_0"]')].find((box) => !box.closest('[role="dialog"]'));
    return editable(inline) ?? undefined;
  },
});
