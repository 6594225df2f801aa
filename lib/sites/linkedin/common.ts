import { timeInId } from '../common/id-time';
import type { Peek } from '../types';

// What LinkedIn's layouts (lib/sites/linkedin.ts) and its pages for readers logged out (guest.ts) share: the site's
// origin, profiles, ids and the times they encode, addresses of posts and comments.

export const ORIGIN = 'https://www.linkedin.com';

/**
 * A comment's id, its post written either way in both layouts: (activity:1,2) or (urn:li:activity:1,2); the
 * second is the same comment (its own number is the same), so it is read as the first.
 */
export const COMMENT_URN = /^urn:li:comment:\((?:urn:li:)?(activity|ugcPost|share):(\d{6,25}),(\d{6,25})\)$/;
const PROFILE_PATH = /^\/(in|company|school|showcase)\/([^/?#]+)/;

/** The profile a link leads to (any of LinkedIn's hosts: www., a country's), as its handle and canonical address. */
export function profile(href: string | null): { handle: string; profileUrl: string } | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, ORIGIN);
    if (!/(^|\.)linkedin\.com$/.test(url.hostname)) return undefined;
    const m = PROFILE_PATH.exec(url.pathname);
    if (!m) return undefined;
    const handle = decodeURIComponent(m[2]!);
    return { handle, profileUrl: `${ORIGIN}/${m[1]}/${m[2]}/` };
  } catch {
    return undefined;
  }
}

/** Creation time encoded in a LinkedIn id (milliseconds in the top 41 bits). */
export const timeOfId = (id: string) => timeInId(id, 22, 1, Date.UTC(2010, 0, 1));

/** URL-encodes a URN the way LinkedIn's own links do (parentheses too). */
export function encodeUrn(urn: string): string {
  return encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** A post's canonical address. */
export function postUrl(post: { type: string; id: string }): string {
  return `${ORIGIN}/feed/update/urn:li:${post.type}:${post.id}/`;
}

/** A comment's id: its own number, the same whichever way its page names its post (see lib/sites/linkedin.ts). */
export function commentId(id: string): string {
  return `comment:${id}`;
}

/** A first read, with whom the post quotes or reshares when it does. */
export function withQuotes(read: Peek, quotes: string | undefined): Peek {
  return quotes === undefined ? read : { ...read, quotes };
}
