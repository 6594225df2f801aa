import type { Post } from './schemas/post';

/**
 * Whether the page is this post's own: an address that names its id (LinkedIn's /posts/…-activity-<id>-…,
 * X's /status/<id>, a Bluesky or Mastodon reply's own page), or for a post that is no reply, its
 * permalink (with or without the author's name in the path). A comment's link may be the post it
 * sits under (TikTok, Instagram) or that post's page with a query (YouTube's lc=): that page is not
 * the comment's.
 */
export function isPageOf(post: Post, page: { pathname: string; href: string }): boolean {
  const id = post.id.slice(Math.max(post.id.lastIndexOf('/'), post.id.lastIndexOf(':')) + 1);
  if (id.length >= 6 && page.pathname.includes(id)) return true;
  if (post.isReply) return false;
  const trim = (path: string) => path.replace(/\/+$/, '');
  const here = trim(page.pathname);
  // Either path ending with the other, the post's address holds the page's last segment (percent-
  // encoded, as the page's address has it, or not): most posts on a page are turned down here,
  // without parsing their address.
  const last = here.slice(here.lastIndexOf('/') + 1) || '/';
  if (!post.url.includes(last) && !(last.includes('%') && post.url.includes(decoded(last)))) return false;
  const path = trim(new URL(post.url, page.href).pathname);
  return here.length > 1 && path.length > 1 && (here.endsWith(path) || path.endsWith(here));
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
