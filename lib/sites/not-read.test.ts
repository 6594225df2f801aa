import { afterAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '.';
import { fixturesOf, readFixture, resetPageUrl } from './fixture-testing';

afterAll(resetPageUrl);

/** The ads among each fixture's post roots (none where not listed): skipped on purpose, not for their markup. */
const ADS: Record<string, number> = {
  'facebook/feed.html': 1,
  'facebook/hover-links.html': 1,
  'facebook/page-logged-out.html': 1,
  'facebook/mobile-feed.html': 1,
  'facebook/mobile-feed-current.html': 1,
  'linkedin/feed.html': 1,
  'linkedin/feed-2026.html': 1,
};

/** The deleted or removed posts shown as tombstones among each fixture's roots (none where not listed). */
const GONE: Record<string, number> = {
  'x/timeline.html': 1,
  'reddit/comments.html': 1,
  'reddit/old-comments.html': 1,
  // The video of a watch page YouTube has left for another page, kept in it, hidden; a search page's results likewise.
  'youtube/post.html': 1,
  'youtube/shorts.html': 1,
  // A result of the search page YouTube has left for the watch page, kept in it, hidden.
  'youtube/watch-video.html': 1,
};

describe('ads (SiteAdapter.isAd) and tombstones (isGone), counted apart from roots whose markup cannot be read', () => {
  for (const adapter of ADAPTERS) {
    for (const { file, name, saved } of fixturesOf(adapter)) {
      const path = `${adapter.id}/${file}`;
      it(`${path}: ${ADS[path] ?? 0} ad(s), ${GONE[path] ?? 0} tombstone(s), and no post read is either`, () => {
        const { roots, posts } = readFixture(adapter, name, { atSavedUrl: saved });
        expect(roots.filter((r, i) => !posts[i] && adapter.isAd?.(r))).toHaveLength(ADS[path] ?? 0);
        expect(roots.filter((r, i) => posts[i] && adapter.isAd?.(r))).toEqual([]);
        expect(roots.filter((r, i) => !posts[i] && adapter.isGone?.(r))).toHaveLength(GONE[path] ?? 0);
        expect(roots.filter((r, i) => posts[i] && adapter.isGone?.(r))).toEqual([]);
      });
    }
  }

  it('are told by every adapter whose site shows them in its feeds', () => {
    expect(ADAPTERS.filter((a) => a.isAd).map((a) => a.id).sort()).toEqual(['facebook', 'instagram', 'linkedin', 'reddit', 'threads', 'tiktok', 'x']);
  });
});
