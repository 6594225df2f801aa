import { blockText, TEXT_BLOCKS } from '../../dom/block-text';
import { parsePost, type Post } from '../../schemas/post';

/** What Reddit's two clients, its search results and its profile pages share. */
export const ORIGIN = 'https://www.reddit.com';
export const USERNAME = /^[A-Za-z0-9_-]{1,40}$/;
/** The author or text of a post or comment that is gone. */
export const GONE = new Set(['[deleted]', '[removed]']);

/** An ISO 8601 time from Reddit's forms ("…T09:12:44.000000+0000", "…+00:00", "…Z"). */
export function isoTime(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const ms = Date.parse(raw.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** A post's fullname (t3_<id>), its id captured. */
export const POST_FULLNAME = /^t3_([a-z0-9]{1,16})$/;
/** A post or comment link's path: its thread id follows /comments/. */
export const THREAD = /\/comments\/([a-z0-9]{1,16})(?:\/|$)/;

/** Reddit's short link to a comment, which leads to it whatever its subreddit: from its post's id and its own (no t3_/t1_). */
export function commentLink(post: string, comment: string): string {
  return `${ORIGIN}/comments/${post}/_/${comment}/`;
}

/** The path of a link to Reddit (relative, or absolute to any reddit.com host), or undefined for anything else. */
function redditPath(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, ORIGIN);
    return /(^|\.)reddit\.com$/.test(url.hostname) ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}

/** The path of a Reddit post or comment link, or undefined for anything else. */
export function threadPath(href: string | null | undefined): string | undefined {
  const path = redditPath(href);
  return path && THREAD.test(path) ? path : undefined;
}

/** The user a link to a Reddit profile names (/user/<name>/ or /u/<name>, relative or absolute). */
export function userOf(href: string | null | undefined): string | undefined {
  return /^\/u(?:ser)?\/([A-Za-z0-9_-]{1,40})\/?$/.exec(redditPath(href) ?? '')?.[1];
}

/** Rendered Markdown's blocks: tables too, one row a line. */
const MARKDOWN_BLOCKS = `${TEXT_BLOCKS}, tr`;

/** A body's own words, and apart from them what it quotes with Markdown "> " blockquotes. */
export function splitQuotes(el: Element): { own: string; quote?: string } {
  const copy = el.cloneNode(true) as Element;
  // A video in the body (figure.rte-media > shreddit-player) shows a poster image whose alt text is "media poster".
  copy.querySelectorAll('shreddit-player').forEach((player) => player.remove());
  showLinkedSites(copy);
  const quotes = [...copy.querySelectorAll('blockquote')].filter((q) => !q.parentElement?.closest('blockquote'));
  const quote = quotes.map((q) => blockText(q, MARKDOWN_BLOCKS)).filter(Boolean).join('\n');
  for (const q of quotes) q.remove();
  return { own: blockText(copy, MARKDOWN_BLOCKS), quote: quote || undefined };
}

/** Hosts of Reddit's own pages and media. */
const REDDIT_HOST = /(?:^|\.)(?:reddit\.com|redd\.it|reddituploads\.com|redditmedia\.com)$/;

/** An address a post links to outside Reddit (http or https), with its site: its host without "www.". */
export function outsideLink(href: string | null | undefined): { url: URL; site: string } | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href);
    if (!/^https?:$/.test(url.protocol) || REDDIT_HOST.test(url.hostname)) return undefined;
    return { url, site: url.hostname.replace(/^www\./, '') };
  } catch {
    return undefined;
  }
}

/**
 * Markdown links show their words, not where they lead ("[their baggage page](https://www.acmeair.com/claims)"):
 * the site each leads to is written after its words, "(acmeair.com)", unless they show it already, so a link to the
 * brand's site counts as a mention. Links to Reddit itself are left as they are. Changes `copy`.
 */
function showLinkedSites(copy: Element): void {
  for (const a of copy.querySelectorAll('a[href^="http"]')) {
    const site = outsideLink(a.getAttribute('href'))?.site;
    if (site && !(a.textContent ?? '').toLowerCase().includes(site)) a.after(` (${site})`);
  }
}

/** A post or comment listed away from its thread (a search result, a profile's comment), as read from the list. */
export interface Listed {
  id: string;
  url: string;
  handle: string;
  text: string;
  thread: string;
  /** What its body quotes with Markdown "> " blockquotes, kept apart from its own words. */
  quote?: string;
}

/**
 * The first read, id and full read of a listed item, from what the list shows of it; `more` gives what only the
 * full read needs (its time, whether it is a reply).
 */
export function listedReads(readable: (root: Element) => Listed | undefined, more: (root: Element) => { publishedAt?: string; isReply: boolean }) {
  return {
    getPostId(root: Element): string | undefined {
      return readable(root)?.id;
    },

    peek(root: Element): { text: string; authorHandle: string } | undefined {
      const read = readable(root);
      // What it quotes counts as a mention too.
      return read && { text: [read.text, read.quote].filter(Boolean).join('\n'), authorHandle: read.handle };
    },

    extractPost(root: Element): Post | undefined {
      const read = readable(root);
      if (!read) return undefined;
      return parsePost({
        platform: 'reddit',
        id: read.id,
        url: read.url,
        author: { handle: read.handle, profileUrl: `${ORIGIN}/user/${read.handle}/` },
        text: read.text,
        quoted: read.quote ? { text: read.quote } : undefined,
        ...more(root),
        threadId: read.thread,
      });
    },
  };
}
