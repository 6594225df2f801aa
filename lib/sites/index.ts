import { bluesky } from './bluesky';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { reddit } from './reddit';
import { threads } from './threads';
import { tiktok } from './tiktok';
import { DEMO_MATCHES, DEMO_PATH } from './demo';
import type { SiteAdapter } from './types';
import { x } from './x';
import { youtube } from './youtube';

export type { SiteAdapter } from './types';

/** Every site Firstreply reads, one adapter each, and one content script each (`entrypoints/<site>.content.ts`). */
export const ADAPTERS: readonly SiteAdapter[] = [x, reddit, linkedin, facebook, instagram, youtube, bluesky, mastodon, threads, tiktok];

export { DEMO_MATCHES, DEMO_PATH } from './demo';

/** Every page a content script of Firstreply runs on (the manifest's, the Mastodon instances a team adds aside). */
export const CONTENT_SCRIPT_MATCHES = [...ADAPTERS.flatMap((a) => a.matches), ...DEMO_MATCHES];

/**
 * The adapter for a page, chosen by its URL: the demo feed by its path, Mastodon instances the
 * team added by their origin, every other site by its host.
 */
export function adapterFor(url: URL, mastodonInstances: readonly string[] = []): SiteAdapter | undefined {
  if ((url.hostname === 'localhost' || url.hostname === '127.0.0.1') && url.pathname.startsWith(DEMO_PATH)) return x;
  if (mastodonInstances.some((origin) => sameOrigin(origin, url))) return mastodon;
  return ADAPTERS.find((a) => a.matches.some((m) => matchesPattern(m, url)));
}

/** Whether a URL is one a match pattern names: its host ("*." for any subdomain, and the domain itself) and path. */
function matchesPattern(pattern: string, url: URL): boolean {
  const m = /^[a-z*]+:\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, host, path] = m as unknown as [string, string, string];
  const hostMatches = host.startsWith('*.') ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1)) : url.hostname === host;
  const glob = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return hostMatches && glob.test(url.pathname + url.search);
}

function sameOrigin(origin: string, url: URL): boolean {
  try {
    return new URL(origin).origin === url.origin;
  } catch {
    return false;
  }
}

/**
 * The site Firstreply reads at an origin someone offers as a Mastodon instance, when it is another site
 * (x.com, www.reddit.com…): its own script runs there, and a Mastodon script beside it would read it twice.
 */
export function otherSiteAt(origin: string): SiteAdapter | undefined {
  try {
    const adapter = adapterFor(new URL(origin));
    return adapter === mastodon ? undefined : adapter;
  } catch {
    return undefined;
  }
}
