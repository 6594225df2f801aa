import { parsePost, type Post } from '../schemas/post';
import { readableText } from '../dom/readable-text';
import { defineAdapter, type SiteAdapter } from './types';

// Facebook (the Comet desktop client). A feed story is div[aria-posinset]; its author is the link in
// [data-ad-rendering-role="profile_name"] (an h2/h3/h4 heading in older builds); its permalink is the timestamp
// link (/<user>/posts/<id>, /permalink.php?story_fbid=…, /groups/<g>/posts/<id>/) — which Facebook only fills in
// once the pointer has been over it, so a story can show no stable id yet: it is skipped, never given an invented
// one. The text is [data-ad-rendering-role="story_message"] / [data-ad-preview="message"], one div[dir=auto] per
// paragraph, emoji as <img alt>, "See more" a div[role=button]. A shared story is attached below the sharer's
// words with its own header and message. Comments are div[role="article"] labelled "Comment by …" / "Reply by …",
// their timestamp linking ?comment_id=<id>(&reply_comment_id=<id>). The composer is a Lexical
// div[contenteditable][role="textbox"].
//
// Times: Facebook prints only relative or partial labels ("2h", "May 6") and its ids carry no time, so
// publishedAt is left undefined. Sponsored stories are skipped: they have no story permalink, and their links
// go through ad attribution (attributionsrc="/privacy_sandbox/comet/register/source/…").
const ORIGIN = 'https://www.facebook.com';
const STORY = 'div[aria-posinset]';
const COMMENT = 'div[role="article"][aria-label]';
const BOUNDARY = `${STORY}, div[role="article"]`;
const MESSAGE = '[data-ad-rendering-role="story_message"], [data-ad-preview="message"], [data-ad-comet-preview="message"]';
const HEADER = '[data-ad-rendering-role="profile_name"], h2, h3, h4';
const AD_LINK = 'a[attributionsrc^="/privacy_sandbox/comet/register/source/"]';
/** First path segments that are Facebook features, not people or pages. */
const NOT_PROFILES = new Set([
  'hashtag', 'photo', 'photo.php', 'photos', 'watch', 'reel', 'reels', 'stories', 'story.php', 'permalink.php',
  'events', 'marketplace', 'gaming', 'ads', 'l.php', 'share', 'sharer', 'login', 'help', 'privacy', 'policies',
  'notifications', 'messages', 'friends', 'bookmarks', 'search', 'pages', 'settings', 'business', 'legal', 'home.php',
]);

function isComment(root: Element): boolean {
  return !root.matches(STORY) && root.matches(COMMENT);
}

/** Elements of `root` itself (not of a comment or story nested in it). */
function own(root: Element, selector: string): Element[] {
  return [...root.querySelectorAll(selector)].filter((el) => el.closest(BOUNDARY) === root);
}

function parseUrl(href: string | null | undefined): URL | undefined {
  if (!href || href === '#') return undefined;
  try {
    const url = new URL(href, ORIGIN);
    return /(^|\.)facebook\.com$/.test(url.hostname) ? url : undefined;
  } catch {
    return undefined;
  }
}

const ID = /^(?:pfbid[0-9A-Za-z]{20,80}|\d{5,25})$/;

interface Permalink {
  id: string;
  url: string;
}

/** A story permalink: /<user>/posts/<id>, /permalink.php|story.php?story_fbid=<id>&id=<owner>, /groups/<g>/posts|permalink/<id>. */
function storyLink(href: string | null | undefined): Permalink | undefined {
  const url = parseUrl(href);
  if (!url) return undefined;
  const path = url.pathname.replace(/\/+$/, '');
  let m = /^\/groups\/([^/]+)\/(?:posts|permalink)\/([^/]+)$/.exec(path);
  if (m && ID.test(m[2]!)) return { id: m[2]!, url: `${ORIGIN}/groups/${m[1]}/posts/${m[2]}/` };
  m = /^\/([^/]+)\/posts\/([^/]+)$/.exec(path);
  if (m && ID.test(m[2]!) && !NOT_PROFILES.has(m[1]!)) return { id: m[2]!, url: `${ORIGIN}/${m[1]}/posts/${m[2]}` };
  if (path === '/permalink.php' || path === '/story.php') {
    const story = url.searchParams.get('story_fbid') ?? '';
    const owner = url.searchParams.get('id') ?? '';
    if (ID.test(story) && /^\d+$/.test(owner)) return { id: story, url: `${ORIGIN}/permalink.php?story_fbid=${story}&id=${owner}` };
  }
  return undefined;
}

/** A comment id as Facebook puts it in links: numeric, or base64 of "comment:<post>_<comment>" in older links. */
function commentIdOf(raw: string | null): string | undefined {
  if (!raw) return undefined;
  if (/^\d{5,25}$/.test(raw)) return raw;
  try {
    const m = /^comment:\d+_(\d+)$/.exec(atob(raw));
    return m?.[1];
  } catch {
    return undefined;
  }
}

interface CommentLink extends Permalink {
  story: Permalink;
  /** The top-level comment of the thread (the comment itself, or the one a reply answers). */
  threadComment: string;
  isNested: boolean;
}

function commentLink(href: string | null | undefined): CommentLink | undefined {
  const url = parseUrl(href);
  const story = storyLink(href);
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
    threadComment: top,
    isNested: Boolean(reply),
  };
}

interface Author {
  handle: string;
  profileUrl: string;
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

function oneLine(s: string | null | undefined): string | undefined {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t || undefined;
}

/** Message text: paragraphs joined by new lines, "See more" and other buttons left out. */
function messageText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  clone.querySelectorAll('[role="button"], button').forEach((n) => n.remove());
  const paras = [...clone.querySelectorAll('div[dir="auto"]')].filter((d) => !d.querySelector('div[dir="auto"]'));
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
  return undefined;
}

function messageIn(scope: Element[], exclude?: Element): Element | undefined {
  return scope.find((m) => !(exclude && exclude.contains(m)) && !m.parentElement?.closest(MESSAGE));
}

/** The message of the shared story, in the box below the sharer's header. */
function quotedMessage(scope: Element[], quotedBox: Element): Element | undefined {
  return scope.find((m) => quotedBox.contains(m) && !m.parentElement?.closest(MESSAGE));
}

function readStory(root: Element): Post | undefined {
  if (own(root, AD_LINK).length) return undefined;
  const { header, quotedBox } = layout(root);
  const author = authorIn(header);
  if (!author) return undefined;
  const link = own(root, 'a[href]')
    .filter((a) => !(quotedBox && quotedBox.contains(a)) && !a.closest(HEADER) && !parseUrl(a.getAttribute('href'))?.searchParams.has('comment_id'))
    .map((a) => storyLink(a.getAttribute('href')))
    .find(Boolean);
  if (!link) return undefined;
  const messages = own(root, MESSAGE);
  const mine = messageIn(messages, quotedBox);
  let quoted: Post['quoted'];
  if (quotedBox) {
    const qMessage = quotedMessage(messages, quotedBox);
    const qHeader = [...quotedBox.querySelectorAll(HEADER)].find((h) => authorIn(h));
    const qLink = [...quotedBox.querySelectorAll('a[href]')].map((a) => storyLink(a.getAttribute('href'))).find(Boolean);
    quoted = { author: authorIn(qHeader)?.handle, text: qMessage ? messageText(qMessage) : '', url: qLink?.url };
  }
  return parsePost({
    platform: 'facebook',
    id: link.id,
    url: link.url,
    author,
    text: mine ? messageText(mine) : '',
    quoted,
    isReply: false,
  });
}

function ownCommentLink(root: Element): CommentLink | undefined {
  return own(root, 'a[href*="comment_id="]').map((a) => commentLink(a.getAttribute('href'))).find(Boolean);
}

function commentAuthor(root: Element): Author | undefined {
  for (const a of own(root, 'a[href]')) {
    if (a.closest('span[lang], [data-ad-preview="message"]')) continue; // mentions in the text
    const name = oneLine(a.textContent);
    const p = profileOf(a.getAttribute('href'));
    if (p && name) return { ...p, name };
  }
  return undefined;
}

function commentText(root: Element): string | undefined {
  const body = own(root, 'span[lang], [data-ad-preview="message"]')[0];
  return body ? messageText(body) : undefined;
}

function readComment(root: Element): Post | undefined {
  const link = ownCommentLink(root);
  if (!link) return undefined;
  const author = commentAuthor(root);
  const text = commentText(root);
  if (!author || text === undefined) return undefined;
  // A reply answers the top-level comment of its thread; a top-level comment answers the story.
  const scope = root.closest(STORY) ?? root.ownerDocument;
  let inReplyTo: string | undefined;
  if (link.isNested) {
    const parent = [...scope.querySelectorAll(COMMENT)].find((c) => {
      const l = c !== root ? ownCommentLink(c) : undefined;
      return l && !l.isNested && l.id === link.threadComment;
    });
    inReplyTo = parent ? commentAuthor(parent)?.handle : undefined;
  } else {
    const story = root.closest(STORY);
    inReplyTo = story ? authorIn(layout(story).header)?.handle : undefined;
  }
  return parsePost({
    platform: 'facebook',
    id: link.id,
    url: link.url,
    author,
    text,
    isReply: true,
    inReplyTo,
    threadId: link.story.id,
  });
}

const TEXTBOX = 'div[contenteditable="true"][role="textbox"]';

/** A box sits in a comment thread when, on its way up, it shares a wrapper with a comment. */
function inThread(box: Element, stop: Element | undefined): boolean {
  for (let up = box.parentElement; up && up !== stop; up = up.parentElement) {
    if ([...up.children].some((c) => c.matches(COMMENT) || c.querySelector(`:scope > ${COMMENT}`))) return true;
  }
  return false;
}

export const facebook: SiteAdapter = defineAdapter({
  id: 'facebook',
  platform: 'facebook',
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://m.facebook.com/*'],
  postSelector: `${STORY}, ${COMMENT}`,

  getPostId(root) {
    return (isComment(root) ? readComment(root) : readStory(root))?.id;
  },

  peek(root) {
    // Undefined until the root can be read (a loading slot is read again once Facebook fills it).
    if (isComment(root)) {
      const author = commentAuthor(root);
      const text = commentText(root);
      return author && text !== undefined && ownCommentLink(root) ? { text, authorHandle: author.handle } : undefined;
    }
    if (own(root, AD_LINK).length) return undefined;
    const { header, quotedBox } = layout(root);
    const author = authorIn(header);
    if (!author) return undefined;
    const messages = own(root, MESSAGE);
    const mine = messageIn(messages, quotedBox);
    // A shared story's message counts as a mention too.
    const shared = quotedBox && quotedMessage(messages, quotedBox);
    const text = [mine ? messageText(mine) : '', shared ? messageText(shared) : ''].filter(Boolean).join('\n');
    return { text, authorHandle: author.handle };
  },

  extractPost(root) {
    return isComment(root) ? readComment(root) : readStory(root);
  },

  overlayAnchor(root) {
    if (isComment(root)) {
      const name = own(root, 'a[href]').find((a) => oneLine(a.textContent) && !a.closest('span[lang]'));
      return name?.closest('div') ?? root;
    }
    return layout(root).header?.parentElement ?? root;
  },

  findReplyBox(root) {
    const story = root.closest(STORY) ?? undefined;
    const boxes = (scope: Element) => [...scope.querySelectorAll<HTMLElement>(TEXTBOX)];
    if (isComment(root)) {
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
