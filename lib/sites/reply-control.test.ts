import { afterAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '.';
import { fixturesOf, readFixture, resetPageUrl } from './fixture-testing';
import { closestRoot, replyControlOf } from './types';

afterAll(resetPageUrl);

/**
 * How many of each fixture's readable posts show the site's Reply control (`replyControl`), as the saved
 * pages show them: every post and comment with an action bar.
 */
const EXPECTED: Record<string, number> = {
  'x/timeline.html': 9,
  'x/conversation.html': 6,
  'x/status.html': 2,
  'x/link-card.html': 7,
  'x/bookmarks.html': 4,
  'bluesky/timeline.html': 12,
  'bluesky/thread.html': 5,
  'bluesky/thread-tree.html': 7,
  'bluesky/notifications.html': 4,
  'bluesky/link-card.html': 5,
  // The comments, and the video, whose comment box opens from its placeholder under it.
  'youtube/watch.html': 8,
  'youtube/watch-video.html': 5,
  // Listed videos are answered on their own pages.
  'youtube/search.html': 0,
  'youtube/mobile-search.html': 0,
  'youtube/watch-2026.html': 8,
  'youtube/watch-collab.html': 3,
  'youtube/shorts.html': 4,
  'youtube/post.html': 5,
  // Community posts' own Reply would leave the page for the post's: not a control to click.
  'youtube/posts.html': 0,
  'youtube/posts-shared.html': 0,
  'youtube/home.html': 0,
  'youtube/mobile-posts.html': 0,
  // The mobile site's reply dialog opens apart from the comment, naming none: no box to find after a click.
  'youtube/mobile-watch.html': 0,
  // The comments only: a video's own comment box is always open.
  'tiktok/video.html': 6,
  'tiktok/video-2025.html': 4,
  'tiktok/photo-2025.html': 4,
  // The comments, and the post on its own page, whose comment box is apart under it.
  'reddit/comments.html': 6,
  // Two comments show no "reply" (as in an archived thread); the post's own form is always open.
  'reddit/old-comments.html': 2,
  // Listed elsewhere than their own page: answered there.
  'reddit/feed.html': 0,
  'reddit/search-posts.html': 0,
  'reddit/search-comments.html': 0,
  'reddit/profile-comments.html': 0,
  'reddit/old-search.html': 0,
  'linkedin/feed.html': 13,
  'linkedin/link-card.html': 4,
  // Search results: each card's Comment, as in the feed.
  'linkedin/search-2025.html': 4,
  'linkedin/search-2026.html': 5,
  // A profile's activity list shows no Comment control.
  'linkedin/activity-2024.html': 0,
  // The 2026 cards' Comment and Reply, by their words (the ugc card is saved without its action bar).
  'linkedin/feed-2026.html': 9,
  'linkedin/feed-2026-ugc.html': 0,
  'linkedin/post-2026.html': 3,
  'linkedin/post-2026-keyed.html': 3,
  // Seen logged out: its Comment and Reply lead to a sign-up.
  'linkedin/post-logged-out.html': 0,
  'linkedin/company-logged-out.html': 0,
  // A story's Comment ("Leave a comment") and a comment's Reply, by their words; the basic mobile site's
  // comments' Reply by its data-sigil. Its stories' box, and the current mobile renderer's, float apart.
  'facebook/feed.html': 12,
  'facebook/group-feed-2026.html': 1,
  'facebook/hover-links.html': 9,
  // Logged out, Comment and Reply ask the reader to log in.
  'facebook/page-logged-out.html': 0,
  'facebook/photo.html': 3,
  'facebook/post-page.html': 6,
  'facebook/post-page-main.html': 6,
  'facebook/link-card.html': 5,
  'facebook/mobile-story.html': 4,
  'facebook/mobile-feed.html': 0,
  'facebook/mobile-feed-current.html': 0,
  // A comment's Reply, by its words; a post's own box is always shown.
  'instagram/feed.html': 0,
  'instagram/post.html': 3,
  'instagram/post-2025.html': 3,
  'instagram/photo-tag.html': 4,
  // Every post's reply icon, by its label.
  'threads/feed.html': 9,
  'threads/post.html': 4,
  'threads/link-card.html': 4,
  'threads/profile-2026.html': 3,
  'mastodon/home.html': 10,
  'mastodon/home-redesign.html': 9,
  // Pages without Mastodon's compose form: Reply goes to the form's own page (mastodon.test.ts).
  'mastodon/thread.html': 3,
  'mastodon/post-redesign.html': 2,
};

describe("a post's Reply control (replyControl, findReplyControl), which opens its reply box when it is not open", () => {
  for (const adapter of ADAPTERS.filter((a) => a.replyControl || a.findReplyControl)) {
    for (const { file, name, saved } of fixturesOf(adapter)) {
      const path = `${adapter.id}/${file}`;
      it(`${path}: belongs to its post, never to one nested in it or beside it, and says Reply or Comment`, () => {
        const { roots, posts } = readFixture(adapter, name, { atSavedUrl: saved });
        let shown = 0;
        for (const [i, root] of roots.entries()) {
          const control = replyControlOf(adapter, root);
          if (!control) continue;
          if (closestRoot(adapter, control) === null) {
            // Apart from every post (findReplyControl): its placeholder asks for a comment.
            expect(control).toBe(adapter.findReplyControl?.(root));
            expect(control.getAttribute('placeholder') ?? control.textContent).toMatch(/reply|comment|conversation/i);
          } else {
            expect(closestRoot(adapter, control)).toBe(root);
            // Reply, or a post's Comment where the site calls its answers comments (LinkedIn, Facebook, Threads); 回复 on
            // a page in Chinese, Viết bình luận ("Write a comment") on one in Vietnamese.
            const label = control.getAttribute('aria-label') ?? control.getAttribute('title') ?? control.querySelector('svg[aria-label]')?.getAttribute('aria-label') ?? control.textContent!;
            expect(label.trim()).toMatch(/^reply\b|\. reply$|^comment$|^leave a comment$|^回复$|^viết bình luận$/i);
          }
          // Never a send button: an open reply box in the post comes after its control.
          const box = adapter.findReplyBox(root);
          if (box && root.contains(box)) expect(control.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING, `${posts[i]?.id}: control before box`).toBeTruthy();
          if (posts[i]) shown++;
        }
        expect(EXPECTED[path], `${path} is listed`).toBeDefined();
        expect(shown).toBe(EXPECTED[path]);
      });
    }
  }

  it("is known by its markup where the site marks it, and by its words only on Meta's sites", () => {
    expect(ADAPTERS.filter((a) => a.replyControl).map((a) => a.id).sort()).toEqual(['bluesky', 'facebook', 'linkedin', 'mastodon', 'reddit', 'tiktok', 'x', 'youtube']);
    // Reddit's and YouTube's are apart from the post (Reddit's known by the post's id, YouTube's the comment box under
    // a watch page's video); Meta's by the words of their labels.
    expect(ADAPTERS.filter((a) => a.findReplyControl).map((a) => a.id).sort()).toEqual(['facebook', 'instagram', 'linkedin', 'reddit', 'threads', 'youtube']);
  });
});
