import type { SiteAdapter, SiteEntry } from './types';
import { x } from './x';

export type { SiteAdapter, SiteEntry } from './types';

/** Every site the content script runs on. Sites without an adapter yet are listed so the manifest covers them. */
export const SITES: SiteEntry[] = [
  { id: 'x', platform: 'x', matches: x.matches, adapter: x },
  { id: 'reddit', platform: 'reddit', matches: ['https://www.reddit.com/*', 'https://old.reddit.com/*', 'https://new.reddit.com/*'] },
  { id: 'linkedin', platform: 'linkedin', matches: ['https://www.linkedin.com/*'] },
  { id: 'facebook', platform: 'facebook', matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://m.facebook.com/*'] },
  { id: 'instagram', platform: 'instagram', matches: ['https://www.instagram.com/*'] },
  { id: 'youtube', platform: 'youtube', matches: ['https://www.youtube.com/*', 'https://m.youtube.com/*'] },
  { id: 'bluesky', platform: 'bluesky', matches: ['https://bsky.app/*'] },
  { id: 'threads', platform: 'threads', matches: ['https://www.threads.net/*', 'https://www.threads.com/*', 'https://threads.net/*', 'https://threads.com/*'] },
  { id: 'tiktok', platform: 'tiktok', matches: ['https://www.tiktok.com/*'] },
];

/** The demo feed that `npm start` serves is X-like markup, read by the X adapter. */
export const DEMO_MATCHES = ['http://localhost/firstreply-demo/*', 'http://127.0.0.1/firstreply-demo/*'];
export const DEMO_PATH = '/firstreply-demo/';

export const CONTENT_SCRIPT_MATCHES = [...SITES.flatMap((s) => s.matches), ...DEMO_MATCHES];

/** The adapter for a page, chosen by its URL (host and, for the demo, path). */
export function adapterFor(url: URL): SiteAdapter | undefined {
  if ((url.hostname === 'localhost' || url.hostname === '127.0.0.1') && url.pathname.startsWith(DEMO_PATH)) return x;
  for (const site of SITES) {
    if (site.matches.some((m) => hostOf(m) === url.hostname)) return site.adapter;
  }
  return undefined;
}

function hostOf(pattern: string): string {
  return pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '');
}
