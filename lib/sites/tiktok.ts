import { parsePost, type Post } from '../schemas/post';
import { copyWithout, oneLine, opensWith, readableText } from '../dom/readable-text';
import { perTask } from '../dom/schedule';
import { contentKey } from '../hash';
import { timeInId } from './common/id-time';
import { relativeTime } from './common/relative-time';
import { threadReplyTarget } from './common/thread-replies';
import { defineAdapter, type SiteAdapter } from './types';

// TikTok video page (/@user/video/<id>; a photo post, /@user/photo/<id>, is laid out the same way). Class names are generated ("css-1i7ohvi-DivCommentItemContainer
// eo72wou0"), so only their component part is matched, together with TikTok's data-e2e test ids. The
// description block is div.*-DivDescriptionContentWrapper: author (span[data-e2e="browse-username"], the
// nickname in span[data-e2e="browser-nickname"]) and text (h1[data-e2e="browse-video-desc"], or
// [data-e2e="video-desc"]); the video's own link is p[data-e2e="browse-video-link"] beside it. Each comment
// is a div.*-DivCommentContentContainer whose id attribute is the comment id, inside a
// div.*-DivCommentItemContainer; replies sit in that container's div.*-DivReplyContainer and use the "-2"
// data-e2e ids. The composer is a Draft.js editor in [data-e2e="comment-input"]; a thread's reply box opens
// inside its DivReplyContainer.
//
// Times: TikTok prints "1d ago" (read by common/relative-time, as YouTube's times are) or "5-11"; video and
// comment ids carry their creation time in seconds in the top 32 bits, which gives an exact publishedAt. TikTok
// has no permalink for a comment: a comment's url is its video's.
//
// Since 2025 comments are laid out differently and carry no id at all: each thread is a
// div.*-DivCommentObjectWrapper holding its comment, a div.*-DivCommentItemWrapper (avatar link to /@handle,
// the nickname in [data-e2e="comment-username-1"], the text in [data-e2e="comment-level-1"], then the time as
// shown, "2h ago" or "5-26", beside the Reply button), and its replies in a div.*-DivReplyContainer, each an
// item wrapper of their own ("-2" ids). Such a comment's id is made from what identifies it on the page: its
// video, its author and its text (TikTok comments cannot be edited), so the same comment gets the same id on
// every visit. The feed and the video drawer show a video as section[data-e2e="feed-video"]: its player's
// id is xgwrapper-<n>-<video id>, the author the link in its div.*-DivCreatorInfoContainer (in the feed's cards,
// the link around h3[data-e2e="video-author-uniqueid"]), the text [data-e2e="video-desc"].
// (Checked against video pages saved in 2025: Zinoun-Amine/sentiment-analysis-model tiktok_page_source.html
// and pakCoder11/alpha-scraper-update-version-1.0 tiktok_comments.html, and its feed cards against the same
// repository's tiktok_search.html, since deleted from it, at commit 90a30372.)
//
// Read too, from pages an outside audit modelled on TikTok's markup (not yet checked on a saved page): a
// comment item listed without its thread wrapper (a reply there answers no one the page can tell); a
// description whose block has no DivDescriptionContentWrapper, known by the element holding
// h1[data-e2e="browse-video-desc"] and the browse-username; a username shown as "@acme"; and the For You
// feed of 2023–2024, div[data-e2e="recommend-list-item-container"] cards (see FOR_YOU_CARD).
const ORIGIN = 'https://www.tiktok.com';
const FEED_CARD = 'section[data-e2e="feed-video"]';
/**
 * A card of the For You feed of 2023–2024: the author's unique id in h3[data-e2e="video-author-uniqueid"], the
 * nickname in h4[data-e2e="video-author-nickname"], the text in [data-e2e="video-desc"] and a link to the video
 * (/@author/video/<id>) or its player (xgwrapper-<n>-<id>). The 2025 feed puts its cards in an
 * article[data-e2e="recommend-list-item-container"] holding a FEED_CARD, read as such.
 */
const FOR_YOU_CARD = 'div[data-e2e="recommend-list-item-container"]';
const WRAPPER = 'div[class*="DivDescriptionContentWrapper"]';
/**
 * A description block without its DivDescriptionContentWrapper: the element holding the description itself
 * (the data-e2e ids are what TikTok keeps) when it holds the author's browse-username too. The wrapper of real
 * pages keeps the two apart (the description's own block holds no username), so this is never a second root
 * there; one inside a wrapper or a card is part of that root, and not read on its own.
 */
const DESCRIPTION_HOLDER = ':is(div, section):has(> h1[data-e2e="browse-video-desc"]):has([data-e2e="browse-username"])';
const DESCRIPTION = `${WRAPPER}, ${FEED_CARD}, ${FOR_YOU_CARD}, ${DESCRIPTION_HOLDER}`;
/**
 * A search result's caption line (/search, its Top and Videos tabs): its card holds the video's thumbnail link
 * ([data-e2e="search_top-item"] or "search_video-item", /@author/video/<id>) and this line, which holds (or is
 * followed by) the author's link ([data-e2e="search-card-user-link"]). The line is the root: the card has no mark
 * of its own. (As extensions and scrapers of TikTok's search read it, 2024–2025; no saved page.)
 */
const SEARCH_CARD = '[data-e2e="search-card-desc"]';
const DESCRIPTION_TEXT = '[data-e2e="browse-video-desc"], [data-e2e="video-desc"]';
// A comment of the layout without ids is known by its item wrapper alone, a name TikTok gives nothing else;
// outside a thread wrapper (DivCommentObjectWrapper) a reply's thread cannot be told, and it answers no one.
const COMMENT = [
  'div[class*="DivCommentItemContainer"] div[class*="DivCommentContentContainer"]',
  'div[class*="DivCommentItemWrapper"]',
].join(', ');
/** A video's address, or a photo post's (a carousel of pictures: /@user/photo/<id>, read the same way). */
const VIDEO_URL = /^https:\/\/(?:www\.)?tiktok\.com\/@([\w.-]{1,40})\/(video|photo)\/(\d{6,25})/;
const HANDLE = /^\/@([\w.-]{1,40})\/?$/;
/** The line TikTok writes at the head of a stitch's or duet's caption, "#stitch with @acmeair", in any language ("#stitch con @…", "#duett mit @…"). */
const STITCH = /^#(?:stitch|duet|duett|dueto|dúo|duo)\s+\p{L}{1,12}\s+@([\w.-]{1,40})/iu;
/** A handle typed at the start of a comment, not linked: "@acmeair any update?" (TikTok handles: letters, digits, _ and .). */
const TYPED_MENTION = /^@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,22}[A-Za-z0-9_])?)(?![\w-]|\.\w)/;

/** Whether an element carries a generated class for the given component ("css-x-DivReplyContainer", or "DivReplyContainer"). */
function hasComponent(el: Element, component: string): boolean {
  // (Pages written after TikTok's markup may keep the component's name alone, without the generated part.)
  return [...el.classList].some((c) => c === component || c.endsWith(`-${component}`));
}

function closestComponent(el: Element, component: string): Element | undefined {
  for (let up: Element | null = el; up; up = up.parentElement) if (hasComponent(up, component)) return up;
  return undefined;
}

function isComment(root: Element): boolean {
  return hasComponent(root, 'DivCommentContentContainer') || hasComponent(root, 'DivCommentItemWrapper');
}

/** A comment of the layout without ids. */
function isItem(root: Element): boolean {
  return hasComponent(root, 'DivCommentItemWrapper');
}

/**
 * A comment's time as TikTok shows it: "2h ago" (and the same in other languages: "il y a 5 j"),
 * "2025-5-26", or "5-26" (this year, or last year when that date is still to come).
 */
export function shownTime(shown: string, now = Date.now()): string | undefined {
  const ago = relativeTime(shown, now);
  if (ago) return ago;
  const text = shown.trim().replace(/\s+/g, ' ');
  const date = /^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!date) return undefined;
  const [month, day] = [Number(date[2]), Number(date[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const thisYear = new Date(now).getUTCFullYear();
  let at = Date.UTC(date[1] ? Number(date[1]) : thisYear, month - 1, day);
  if (!date[1] && at > now) at = Date.UTC(thisYear - 1, month - 1, day);
  return new Date(at).toISOString();
}

/**
 * An id for a comment the page gives none: its video, author and text, hashed; for a reply, also the comment it
 * answers (a brand's stock reply under two comments is two replies); and, for the same words posted twice by one
 * author in one place, which of them it is, in page order.
 */
function contentId(videoId: string, root: Element, handle: string, text: string, parent: Element | undefined): string {
  const parentWho = parent && commentAuthor(parent)?.handle;
  const parentBody = parent?.querySelector('[data-e2e^="comment-level"]');
  const answers = parentWho && parentBody ? [parentWho.toLowerCase(), textOf(parentBody)] : [];
  // A reply repeats among the replies beside it; a comment among the threads of the list, each led by one
  // (or, where TikTok leaves out a thread's wrapper, among the comments of the list themselves).
  const thread = parent ? undefined : closestComponent(root, LAYOUTS.items.thread);
  const unit = thread ?? root;
  let repeat = 0;
  for (let other = unit.parentElement?.firstElementChild; other && other !== unit; other = other.nextElementSibling) {
    const item = isItem(other) ? other : [...other.children].find((c) => hasComponent(c, LAYOUTS.items.comment));
    const body = item?.querySelector('[data-e2e^="comment-level"]');
    if (item && body && commentAuthor(item)?.handle.toLowerCase() === handle.toLowerCase() && textOf(body) === text) repeat++;
  }
  return `${videoId}-${contentKey(handle.toLowerCase(), text, ...answers, ...(repeat ? [String(repeat)] : []))}`;
}

function textOf(el: Element): string {
  return readableText(copyWithout(el, 'button, [role="button"]'));
}


/** Creation time encoded in a TikTok id (seconds in the top 32 bits). */
const timeOfId = (id: string) => timeInId(id, 32, 1000, Date.UTC(2014, 0, 1));

interface Video {
  id: string;
  author: string;
  url: string;
}

function videoFrom(text: string | null | undefined): Video | undefined {
  const m = VIDEO_URL.exec((text ?? '').trim());
  return m ? { id: m[3]!, author: m[1]!, url: `${ORIGIN}/@${m[1]}/${m[2]}/${m[3]}` } : undefined;
}

/** The video a description or comment belongs to: the copy-link box of its panel, else the page's. */
function videoOf(root: Element): Video | undefined {
  const panel = closestComponent(root, 'DivCommentContainer') ?? closestComponent(root, 'DivContentContainer');
  const links = [
    ...(panel ? panel.querySelectorAll('[data-e2e="browse-video-link"]') : []),
    ...root.ownerDocument.querySelectorAll('[data-e2e="browse-video-link"]'),
  ];
  for (const link of links) {
    const v = videoFrom(link.textContent);
    if (v) return v;
  }
  return drawerVideo(root, videoFrom(root.ownerDocument.location?.href));
}

/** A comment count as shown ("214", "1,234 comments", "1.2K"): its value and how far the shown figure may be from it. */
function countOf(text: string | null | undefined): { value: number; step: number } | undefined {
  // "K", "M", "B" only as a suffix of their own, not the first letter of a word ("214 Kommentare", "214 bình luận").
  const m = /(\d[\d,.\u00a0\u202f ]*\d|\d)\s*(?:([KMB])(?!\p{L}))?/iu.exec(text ?? '');
  if (!m) return undefined;
  const unit = { K: 1e3, M: 1e6, B: 1e9 }[(m[2] ?? '').toUpperCase()] ?? 1;
  const digits = m[1]!.replace(/[\s\u00a0\u202f]/g, '');
  if (unit === 1) return { value: Number(digits.replace(/[,.]/g, '')), step: 1 };
  const [whole, frac = ''] = digits.replace(',', '.').split('.');
  return { value: Number(`${whole}.${frac}`) * unit, step: unit / 10 ** frac.length };
}

function sameCount(a: { value: number; step: number }, b: { value: number; step: number }): boolean {
  return Math.abs(a.value - b.value) < Math.max(a.step, b.step);
}

/**
 * The video whose comments the drawer beside the feed shows (the feed layout of 2025, on the For You page and
 * on a video's page scrolled on): the drawer names no video, but its "214 comments" is the count on that video's
 * comment button. The address's video (`here`) when no card shows a count or none shows the drawer's; when
 * several do, the address's if it names one of them, else none: no video can be told.
 */
function drawerVideo(root: Element, here: Video | undefined): Video | undefined {
  const list = closestComponent(root, 'DivCommentListContainer');
  const shownText = list?.parentElement?.querySelector('[class*="DivCommentCountContainer"]')?.textContent;
  const shown = countOf(shownText);
  if (!list || !shown) return here;
  // The drawer's comments are read many at a time: the cards are compared once for all those read in
  // one task, and again when the drawer's count, the feed's cards or the address differ.
  const cards = root.ownerDocument.querySelectorAll(FEED_CARD);
  const key = `${shownText}|${cards.length}|${here?.id ?? ''}`;
  const answers = drawerAnswers(list);
  if (!answers.has(key)) answers.set(key, cardWithCount(cards, shown, here));
  return answers.get(key);
}

/** The video each comment drawer was found to show in this task, by what that answer rests on. */
const drawerAnswers = perTask((_list: Element) => new Map<string, Video | undefined>());

function cardWithCount(cards: Iterable<Element>, shown: { value: number; step: number }, here: Video | undefined): Video | undefined {
  // A photo post's card that names no post counts too: the drawer may be showing its comments.
  const counted = [...cards].flatMap((card) => {
    const count = countOf((card.closest('article') ?? card.parentElement)?.querySelector('[data-e2e="comment-count"]')?.textContent);
    const video = count && cardVideo(card);
    return count && (video || isPhotoCard(card)) ? [{ video: video || undefined, count }] : [];
  });
  const same = counted.filter((c) => sameCount(c.count, shown));
  if (same.length === 1) return same[0]!.video;
  if (same.length > 1) return here && same.some((c) => c.video?.id === here.id) ? here : undefined;
  return here;
}

function handleOf(href: string | null): string | undefined {
  try {
    return href ? HANDLE.exec(new URL(href, ORIGIN).pathname)?.[1] : undefined;
  } catch {
    return undefined;
  }
}

function author(handle: string, name?: string) {
  return { handle, name, profileUrl: `${ORIGIN}/@${handle}` };
}

/**
 * A photo post's card: a carousel of pictures (swiper slides in a DivPhotoPlayerContainer) with music, and no
 * video player, so nothing in it names the post (TikTok's web bundle; sixem/tiktok-download-buttons, 2026).
 */
const PHOTO_PLAYER = '[class*="DivPhotoPlayerContainer"], [class*="DivPhotoVideoContainer"], .swiper-slide';

function isPhotoCard(card: Element): boolean {
  return !card.querySelector('[id^="xgwrapper-"]') && card.querySelector(PHOTO_PLAYER) !== null;
}

/**
 * The video a feed card shows: its player's id, and its creator. A photo post's card names no post: it is
 * known only on the post's own page (/@user/photo/<id>), where it is the first card and its creator the
 * address's; elsewhere (the For You feed) it cannot be read.
 */
function cardVideo(root: Element): Video | undefined {
  // The creator's link: in the card's creator block, or (the feed's cards of 2025) the link around its unique id.
  const link =
    root.querySelector('div[class*="DivCreatorInfoContainer"] a[href^="/@"]') ?? root.querySelector('h3[data-e2e="video-author-uniqueid"]')?.closest('a[href^="/@"]');
  const handle = handleOf(link?.getAttribute('href') ?? null);
  if (!handle) return undefined;
  const id = /^xgwrapper-\d+-(\d{6,25})$/.exec(root.querySelector('[id^="xgwrapper-"]')?.id ?? '')?.[1];
  if (id) return { id, author: handle, url: `${ORIGIN}/@${handle}/video/${id}` };
  const doc = root.ownerDocument;
  const page = VIDEO_URL.exec(doc.location?.href ?? '');
  if (!page || page[2] !== 'photo' || !isPhotoCard(root) || page[1]!.toLowerCase() !== handle.toLowerCase() || doc.querySelector(FEED_CARD) !== root) return undefined;
  return { id: page[3]!, author: handle, url: `${ORIGIN}/@${handle}/photo/${page[3]}` };
}

/** A handle as a description block or card shows it: "acme", or "@acme" (as an audit modelled 2025 pages). */
function shownHandle(el: Element | null): string | undefined {
  return oneLine(el?.textContent)?.replace(/^@/, '') || undefined;
}

/**
 * The author a description block names: its browse-username, else its profile link. A block known only by
 * holding the description (DESCRIPTION_HOLDER) is read by its username alone (a link there may be a mention),
 * and not at all inside a wrapper or card, whose root it is part of.
 */
function descriptionHandle(root: Element): string | undefined {
  const username = shownHandle(root.querySelector('[data-e2e="browse-username"]'));
  if (root.matches(WRAPPER)) return username ?? handleOf(root.querySelector('a[href^="/@"]')?.getAttribute('href') ?? null);
  return root.parentElement?.closest(`${WRAPPER}, ${FEED_CARD}, ${FOR_YOU_CARD}`) ? undefined : username;
}

function absolute(href: string | null): string | undefined {
  try {
    return href ? new URL(href, ORIGIN).href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The video a For You card of 2023–2024 shows, by the author its unique id names: its own link to
 * /@<that author>/video/<id> (not one in the description), or its player (xgwrapper-<n>-<id>) when the unique
 * id sits in a link to that author. None when these name two videos, or when the card holds a 2025 card
 * (read on its own).
 */
function forYouVideo(card: Element): Video | undefined {
  if (card.querySelector(FEED_CARD)) return undefined;
  const uniqueId = card.querySelector('h3[data-e2e="video-author-uniqueid"]');
  const handle = shownHandle(uniqueId);
  if (!uniqueId || !handle || !/^[\w.-]{1,40}$/.test(handle)) return undefined;
  const same = (other: string | undefined) => other?.toLowerCase() === handle.toLowerCase();
  const ids = new Set<string>();
  for (const link of card.querySelectorAll('a[href*="/video/"]')) {
    const video = link.closest('[data-e2e="video-desc"]') ? undefined : videoFrom(absolute(link.getAttribute('href')));
    if (video && same(video.author) && video.url.includes('/video/')) ids.add(video.id);
  }
  const player = /^xgwrapper-\d+-(\d{6,25})$/.exec(card.querySelector('[id^="xgwrapper-"]')?.id ?? '')?.[1];
  if (player && same(handleOf(uniqueId.closest('a[href]')?.getAttribute('href') ?? null))) ids.add(player);
  const [id, ...others] = ids;
  return id && !others.length ? { id, author: handle, url: `${ORIGIN}/@${handle}/video/${id}` } : undefined;
}

/** The video a search result shows: its card's one video link, by the author the card's user link names. */
function searchVideo(root: Element): Video | undefined {
  const card = root.parentElement;
  const handle = handleOf(card?.querySelector('a[data-e2e="search-card-user-link"]')?.getAttribute('href') ?? null);
  if (!card || !handle) return undefined;
  // A video's card links /video/<id>; a photo post's, /photo/<id> (search scrapers of 2026 match both).
  const videos = [...card.querySelectorAll('[data-e2e^="search_"][data-e2e$="-item"] :is(a[href*="/video/"], a[href*="/photo/"])')].map((a) =>
    videoFrom(absolute(a.getAttribute('href'))),
  );
  const [video, ...others] = videos;
  return video && video.author.toLowerCase() === handle.toLowerCase() && others.every((o) => o?.id === video.id) ? video : undefined;
}

function readSearchCard(root: Element): Post | undefined {
  const video = searchVideo(root);
  if (!video) return undefined;
  // The caption alone: the line may hold the author's link and the view count too.
  const caption = root.querySelector('[data-e2e="search-card-video-caption"]');
  const text = caption ? textOf(caption) : '';
  return parsePost({ platform: 'tiktok', id: video.id, url: video.url, author: author(video.author), text, publishedAt: timeOfId(video.id), isReply: false });
}

function readDescription(root: Element): Post | undefined {
  const desc = root.querySelector(DESCRIPTION_TEXT);
  let video: Video | undefined;
  let by: ReturnType<typeof author> | undefined;
  if (root.matches(FEED_CARD)) {
    video = cardVideo(root);
    by = video && author(video.author);
  } else if (root.matches(FOR_YOU_CARD)) {
    video = forYouVideo(root);
    by = video && author(video.author, oneLine(root.querySelector('h4[data-e2e="video-author-nickname"]')?.textContent));
  } else {
    video = videoOf(root);
    const handle = descriptionHandle(root);
    // A copy-link box left over from another video must not lend this description its id.
    if (handle && video && handle.toLowerCase() === video.author.toLowerCase()) {
      by = author(handle, oneLine(root.querySelector('[data-e2e="browser-nickname"] > span')?.textContent));
    }
  }
  if (!video || !by || !desc) return undefined;
  const text = textOf(desc);
  // A stitch or duet names the video it builds on; TikTok's page shows nothing else of it.
  const stitched = STITCH.exec(text)?.[1];
  return parsePost({
    platform: 'tiktok',
    id: video.id,
    url: video.url,
    author: by,
    text,
    publishedAt: timeOfId(video.id),
    quoted: stitched ? { author: stitched, text: '' } : undefined,
    isReply: false,
  });
}

function commentAuthor(root: Element): ReturnType<typeof author> | undefined {
  const link = [...root.querySelectorAll('a[href^="/@"]')].find((a) => !a.closest('[data-e2e^="comment-level"]'));
  const handle = handleOf(link?.getAttribute('href') ?? null);
  if (!handle) return undefined;
  // The name is the profile link's text: a label beside it ("· Creator") is not part of it.
  const name = root.querySelector('[data-e2e^="comment-username"] a[href^="/@"]') ?? root.querySelector('[data-e2e^="comment-username"]');
  return author(handle, oneLine(name?.textContent));
}

/** Where each comment layout keeps a thread (a comment and its replies) and each comment of it. */
const LAYOUTS = {
  /** Comments carrying their id (until 2025). */
  ids: { thread: 'DivCommentItemContainer', comment: 'DivCommentContentContainer' },
  /** Comments without ids (2025 on). */
  items: { thread: 'DivCommentObjectWrapper', comment: 'DivCommentItemWrapper' },
};

function readComment(root: Element): Post | undefined {
  const items = isItem(root);
  const layout = items ? LAYOUTS.items : LAYOUTS.ids;
  if (!items && !/^\d{6,25}$/.test(root.id)) return undefined;
  const who = commentAuthor(root);
  const body = root.querySelector('[data-e2e^="comment-level"]');
  const video = videoOf(root);
  if (!who || !body || !video) return undefined;
  const text = textOf(body);
  // Without an id of its own, a comment is known by its text: one not filled in yet is not read.
  if (items && !text) return undefined;
  // A reply sits in its thread's reply container and answers the thread's own comment.
  const replies = closestComponent(root, 'DivReplyContainer');
  const thread = replies ? closestComponent(replies, layout.thread) : undefined;
  const parent = thread && [...thread.children].find((c) => hasComponent(c, layout.comment));
  // A reply that opens by mentioning someone ("@ben_flies sorry…", a link) answers them, wherever it is listed.
  // (Linked where the writer picked the account TikTok suggested; typed out, "@acmeair" stays plain text.)
  const link = body.querySelector('a[href^="/@"]');
  const linked = link && opensWith(body, link) ? handleOf(link.getAttribute('href')) : undefined;
  const opening = replies && text.startsWith('@') ? (linked ?? TYPED_MENTION.exec(text)?.[1]) : undefined;
  const inReplyTo = replies
    ? (opening ??
      (parent
        ? threadReplyTarget(
            commentAuthor(parent)?.handle,
            { root, author: who.handle },
            () => replies.querySelectorAll(`div[class*="${layout.comment}"]`),
            (c) => (hasComponent(c, layout.comment) && closestComponent(c, 'DivReplyContainer') === replies ? commentAuthor(c)?.handle : undefined),
          )
        : undefined))
    : video.author;
  // (A page of 2026 shows the time straight in the split wrapper, without the inner one.)
  const shown = items
    ? root.querySelector('div[class*="DivCommentSubContentWrapper"] > span:not([role]), div[class*="DivCommentSubContentSplitWrapper"] > span:not([role])')?.textContent
    : undefined;
  return parsePost({
    platform: 'tiktok',
    id: items ? contentId(video.id, root, who.handle, text, replies ? parent : undefined) : root.id,
    url: video.url,
    author: who,
    text,
    publishedAt: items ? (shown ? shownTime(shown) : undefined) : timeOfId(root.id),
    isReply: true,
    inReplyTo,
    threadId: video.id,
  });
}

/**
 * An ad in the feed: its card carries TikTok's ad tag where an organic card shows its date ([data-e2e="ad-tag"],
 * "Sponsored"), as the feed tools of 2025–2026 detect ads.
 */
function isAdCard(root: Element): boolean {
  if (isComment(root) || root.matches(SEARCH_CARD)) return false;
  const card = root.closest(`${FOR_YOU_CARD}, article`) ?? root;
  return card.querySelector('[data-e2e="ad-tag"], [class*="DivAdTag"]') !== null;
}

export const tiktok: SiteAdapter = defineAdapter({
  id: 'tiktok',
  platform: 'tiktok',
  matches: ['https://www.tiktok.com/*', 'https://tiktok.com/*'],
  postSelector: `${DESCRIPTION}, ${COMMENT}, ${SEARCH_CARD}`,
  // A comment's Reply opens a box in its thread; the video's own comment box is always there.
  replyControl: '[data-e2e="comment-reply-1"], [data-e2e="comment-reply-2"]',

  isAd: isAdCard,

  getPostId(root) {
    if (isAdCard(root)) return undefined;
    if (root.matches(SEARCH_CARD)) return searchVideo(root)?.id;
    if (isItem(root)) return readComment(root)?.id;
    if (isComment(root)) return /^\d{6,25}$/.test(root.id) ? root.id : undefined;
    return root.matches(FEED_CARD) ? cardVideo(root)?.id : root.matches(FOR_YOU_CARD) ? forYouVideo(root)?.id : videoOf(root)?.id;
  },

  peek(root) {
    if (isAdCard(root)) return undefined;
    if (root.matches(SEARCH_CARD)) {
      const post = readSearchCard(root);
      return post && { text: post.text, authorHandle: post.author.handle };
    }
    // Undefined until the root can be read (a skeleton item is read again once TikTok fills it).
    if (isComment(root)) {
      const who = isItem(root) || /^\d{6,25}$/.test(root.id) ? commentAuthor(root) : undefined;
      const body = root.querySelector('[data-e2e^="comment-level"]');
      return who && body ? { text: textOf(body), authorHandle: who.handle } : undefined;
    }
    // A stitch or duet quotes nothing readable (its quoted text is empty), so the text is the description's;
    // whom it stitches counts (a stitch of the brand's own video is read whatever it says).
    const desc = root.querySelector(DESCRIPTION_TEXT);
    const handle = root.matches(FEED_CARD) ? cardVideo(root)?.author : root.matches(FOR_YOU_CARD) ? forYouVideo(root)?.author : descriptionHandle(root);
    if (!desc || !handle) return undefined;
    const text = textOf(desc);
    const stitched = STITCH.exec(text)?.[1];
    return stitched ? { text, authorHandle: handle, quotes: stitched } : { text, authorHandle: handle };
  },

  extractPost(root) {
    if (isAdCard(root)) return undefined;
    if (root.matches(SEARCH_CARD)) return readSearchCard(root);
    return isComment(root) ? readComment(root) : readDescription(root);
  },

  overlayAnchor(root) {
    if (isItem(root)) return root.querySelector('[data-e2e^="comment-username"]')?.parentElement ?? root;
    if (isComment(root)) {
      return root.querySelector('[data-e2e^="comment-username"]')?.closest('a')?.parentElement ?? root;
    }
    if (root.matches(FEED_CARD)) return root.querySelector('div[class*="DivCreatorInfoContainer"]') ?? root;
    // Beside the author's link, not inside it.
    const by = root.querySelector(root.matches(FOR_YOU_CARD) ? 'h3[data-e2e="video-author-uniqueid"]' : '[data-e2e="browse-username"]');
    const line = by?.closest('a')?.parentElement;
    return line && root.contains(line) ? line : root;
  },

  answersShownAfter(root) {
    // The replies of the thread a comment is in: TikTok lists them side by side under the thread's comment, so
    // any of them may answer this one (the brand's "please DM us", then "DM sent two weeks ago").
    if (!isComment(root)) return undefined;
    const thread = closestComponent(root, (isItem(root) ? LAYOUTS.items : LAYOUTS.ids).thread);
    const replies = thread && [...thread.children].find((c) => hasComponent(c, 'DivReplyContainer'));
    return replies ? [replies] : undefined;
  },

  findReplyBox(root) {
    const editable = '[contenteditable="true"]';
    if (isComment(root)) {
      // The reply box TikTok opens inside this comment's thread.
      const thread = closestComponent(root, (isItem(root) ? LAYOUTS.items : LAYOUTS.ids).thread);
      const replies = thread && [...thread.children].find((c) => hasComponent(c, 'DivReplyContainer'));
      return replies?.querySelector<HTMLElement>(editable) ?? undefined;
    }
    // A For You card's comments open apart from the feed, and a search result's on its video's page: the page's
    // comment box is not its own.
    if (root.matches(FOR_YOU_CARD) || root.matches(SEARCH_CARD)) return undefined;
    return root.ownerDocument.querySelector<HTMLElement>(`[data-e2e="comment-input"] ${editable}`) ?? undefined;
  },
});
