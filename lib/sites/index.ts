import { bluesky } from './bluesky';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { reddit } from './reddit';
import { threads } from './threads';
import { tiktok } from './tiktok';
import type { SiteAdapter } from './types';
import { x } from './x';
import { youtube } from './youtube';

export type { SiteAdapter } from './types';

/** Every site Firstreply reads, one adapter each; the content script's match patterns come from here. */
export const ADAPTERS: readonly SiteAdapter[] = [x, reddit, linkedin, facebook, instagram, youtube, bluesky, mastodon, threads, tiktok];

/** The demo feed that `npm start` serves is X-like markup, read by the X adapter. */
export const DEMO_MATCHES = ['http://localhost/firstreply-demo/*', 'http://127.0.0.1/firstreply-demo/*'];
export const DEMO_PATH = '/firstreply-demo/';

export const CONTENT_SCRIPT_MATCHES = [...ADAPTERS.flatMap((a) => a.matches), ...DEMO_MATCHES];

/**
 * The adapter for a page, chosen by its URL: the demo feed by its path, Mastodon instances the
 * team added by their origin, every other site by its host.
 */
export function adapterFor(url: URL, mastodonInstances: readonly string[] = []): SiteAdapter | undefined {
  if ((url.hostname === 'localhost' || url.hostname === '127.0.0.1') && url.pathname.startsWith(DEMO_PATH)) return x;
  if (mastodonInstances.some((origin) => sameOrigin(origin, url))) return mastodon;
  return ADAPTERS.find((a) => a.matches.some((m) => hostOf(m) === url.hostname));
}

function hostOf(pattern: string): string {
  return pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '');
}

function sameOrigin(origin: string, url: URL): boolean {
  try {
    return new URL(origin).origin === url.origin;
  } catch {
    return false;
  }
}
