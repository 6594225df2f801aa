import { parsePost, type Post } from '../schemas/post';
import { copyWithout, oneLine, readableText } from '../dom/readable-text';
import { defineAdapter, type SiteAdapter } from './types';

// TikTok video page (/@user/video/<id>). Class names are generated ("css-1i7ohvi-DivCommentItemContainer
// eo72wou0"), so only their component part is matched, together with TikTok's data-e2e test ids. The
// description block is div.*-DivDescriptionContentWrapper: author (span[data-e2e="browse-username"], the
// nickname in span[data-e2e="browser-nickname"]) and text (h1[data-e2e="browse-video-desc"], or
// [data-e2e="video-desc"]); the video's own link is p[data-e2e="browse-video-link"] beside it. Each comment
// is a div.*-DivCommentContentContainer whose id attribute is the comment id, inside a
// div.*-DivCommentItemContainer; replies sit in that container's div.*-DivReplyContainer and use the "-2"
// data-e2e ids. The composer is a Draft.js editor in [data-e2e="comment-input"]; a thread's reply box opens
// inside its DivReplyContainer.
//
// Times: TikTok prints "1d ago" or "5-11"; video and comment ids carry their creation time in seconds in the
// top 32 bits, which gives an exact publishedAt. TikTok has no permalink for a comment: a comment's url is its
// video's.
const ORIGIN = 'https://www.tiktok.com';
const DESCRIPTION = 'div[class*="-DivDescriptionContentWrapper"]';
const COMMENT = 'div[class*="-DivCommentItemContainer"] div[class*="-DivCommentContentContainer"]';
const VIDEO_URL = /^https:\/\/(?:www\.)?tiktok\.com\/@([\w.-]{1,40})\/video\/(\d{6,25})/;
const HANDLE = /^\/@([\w.-]{1,40})\/?$/;
const STITCH = /^#(?:stitch|duet) with @([\w.-]{1,40})/i;

/** Whether an element carries a generated class for the given component ("css-x-DivReplyContainer"). */
function hasComponent(el: Element, component: string): boolean {
  return [...el.classList].some((c) => c.endsWith(`-${component}`));
}

function closestComponent(el: Element, component: string): Element | undefined {
  for (let up: Element | null = el; up; up = up.parentElement) if (hasComponent(up, component)) return up;
  return undefined;
}

function isComment(root: Element): boolean {
  return hasComponent(root, 'DivCommentContentContainer');
}

function textOf(el: Element): string {
  return readableText(copyWithout(el, 'button, [role="button"]'));
}


/** Creation time encoded in a TikTok id (seconds in the top 32 bits). */
function timeOfId(id: string): string | undefined {
  try {
    const s = Number(BigInt(id) >> 32n);
    if (s < Date.UTC(2014, 0, 1) / 1000 || s > Date.UTC(2100, 0, 1) / 1000) return undefined;
    return new Date(s * 1000).toISOString();
  } catch {
    return undefined;
  }
}

interface Video {
  id: string;
  author: string;
  url: string;
}

function videoFrom(text: string | null | undefined): Video | undefined {
  const m = VIDEO_URL.exec((text ?? '').trim());
  return m ? { id: m[2]!, author: m[1]!, url: `${ORIGIN}/@${m[1]}/video/${m[2]}` } : undefined;
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
  return videoFrom(root.ownerDocument.location?.href);
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

function readDescription(root: Element): Post | undefined {
  const video = videoOf(root);
  if (!video) return undefined;
  const handle = oneLine(root.querySelector('[data-e2e="browse-username"]')?.textContent) ?? handleOf(root.querySelector('a[href^="/@"]')?.getAttribute('href') ?? null);
  // A copy-link box left over from another video must not lend this description its id.
  if (!handle || handle.toLowerCase() !== video.author.toLowerCase()) return undefined;
  const name = oneLine(root.querySelector('[data-e2e="browser-nickname"] > span')?.textContent);
  const desc = root.querySelector('[data-e2e="browse-video-desc"], [data-e2e="video-desc"]');
  if (!desc) return undefined;
  const text = textOf(desc);
  // A stitch or duet names the video it builds on; TikTok's page shows nothing else of it.
  const stitched = STITCH.exec(text)?.[1];
  return parsePost({
    platform: 'tiktok',
    id: video.id,
    url: video.url,
    author: author(handle, name),
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
  return author(handle, oneLine(root.querySelector('[data-e2e^="comment-username"]')?.textContent));
}

function readComment(root: Element): Post | undefined {
  const id = root.id;
  if (!/^\d{6,25}$/.test(id)) return undefined;
  const who = commentAuthor(root);
  const body = root.querySelector('[data-e2e^="comment-level"]');
  if (!who || !body) return undefined;
  const video = videoOf(root);
  if (!video) return undefined;
  // A reply sits in its thread's reply container and answers the thread's first comment.
  const replies = closestComponent(root, 'DivReplyContainer');
  const thread = replies ? closestComponent(replies, 'DivCommentItemContainer') : undefined;
  const parent = thread && [...thread.children].find((c) => hasComponent(c, 'DivCommentContentContainer'));
  const inReplyTo = replies ? (parent ? commentAuthor(parent)?.handle : undefined) : video.author;
  return parsePost({
    platform: 'tiktok',
    id,
    url: video.url,
    author: who,
    text: textOf(body),
    publishedAt: timeOfId(id),
    isReply: true,
    inReplyTo,
    threadId: video.id,
  });
}

export const tiktok: SiteAdapter = defineAdapter({
  id: 'tiktok',
  platform: 'tiktok',
  matches: ['https://www.tiktok.com/*'],
  postSelector: `${DESCRIPTION}, ${COMMENT}`,

  getPostId(root) {
    if (isComment(root)) return /^\d{6,25}$/.test(root.id) ? root.id : undefined;
    return videoOf(root)?.id;
  },

  peek(root) {
    // Undefined until the root can be read (a skeleton item is read again once TikTok fills it).
    if (isComment(root)) {
      const who = /^\d{6,25}$/.test(root.id) ? commentAuthor(root) : undefined;
      const body = root.querySelector('[data-e2e^="comment-level"]');
      return who && body ? { text: textOf(body), authorHandle: who.handle } : undefined;
    }
    // A stitch or duet quotes nothing readable (its quoted text is empty), so the text is the description's.
    const desc = root.querySelector('[data-e2e="browse-video-desc"], [data-e2e="video-desc"]');
    const handle = oneLine(root.querySelector('[data-e2e="browse-username"]')?.textContent) ?? handleOf(root.querySelector('a[href^="/@"]')?.getAttribute('href') ?? null);
    return desc && handle ? { text: textOf(desc), authorHandle: handle } : undefined;
  },

  extractPost(root) {
    return isComment(root) ? readComment(root) : readDescription(root);
  },

  overlayAnchor(root) {
    if (isComment(root)) {
      return root.querySelector('[data-e2e^="comment-username"]')?.closest('a')?.parentElement ?? root;
    }
    return root.querySelector('[data-e2e="browse-username"]')?.closest('a')?.parentElement ?? root;
  },

  findReplyBox(root) {
    const editable = '[contenteditable="true"]';
    if (isComment(root)) {
      // The reply box TikTok opens inside this comment's thread.
      const thread = closestComponent(root, 'DivCommentItemContainer');
      const replies = thread && [...thread.children].find((c) => hasComponent(c, 'DivReplyContainer'));
      return replies?.querySelector<HTMLElement>(editable) ?? undefined;
    }
    return root.ownerDocument.querySelector<HTMLElement>(`[data-e2e="comment-input"] ${editable}`) ?? undefined;
  },
});
