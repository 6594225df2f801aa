/** What Reddit's two clients and its search results share. */
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

/** A post or comment link's path: its thread id follows /comments/. */
export const THREAD = /\/comments\/([a-z0-9]{1,16})(?:\/|$)/;

/** The path of a Reddit post or comment link, or undefined for anything else. */
export function threadPath(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, ORIGIN);
    return /(^|\.)reddit\.com$/.test(url.hostname) && THREAD.test(url.pathname) ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}
