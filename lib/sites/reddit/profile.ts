import { commentLink, GONE, isoTime, listedReads, ORIGIN, splitQuotes, THREAD, threadPath, USERNAME, type Listed } from './common';

// A user's profile (www.reddit.com/user/<name>/ and its Comments tab) lists their comments as
// <shreddit-profile-comment comment-id="t1_…" href="/r/<sub>/comments/<post>/comment/<id>/?context=3">,
// the href sometimes written /user/<owner>/comments/<post>/comment/<id>/…: no author, score or depth
// attribute and no [slot="comment"]. The text is the innermost of two nested .md blocks, the time a
// <time datetime> (or faceplate-timeago[ts]). Every comment listed is the profile owner's, whom the
// page's address names. (Attributes as captured from the live site in August 2026 by
// kookaburrabarrel/sheddit, src/config/contracts.js; the rest as in its fixture modelled on that capture.)
export const PROFILE_COMMENT = 'shreddit-profile-comment[comment-id]';
const COMMENT_ID = /^t1_([a-z0-9]{1,16})$/;
/** A profile's own pages (its overview and its Comments tab); its saved, upvoted or hidden lists hold others' comments. */
const PROFILE_PATH = /^\/(?:user|u)\/([A-Za-z0-9_-]{1,40})(?:\/(?:overview|comments)?)?\/?$/;
/** A comment's link: /r/<sub>/comments/<post>/comment/<id>/ (or under /user/<owner>/). */
const COMMENT_PATH = /^\/(?:r|user|u)\/[A-Za-z0-9_-]{1,40}\/comments\/([a-z0-9]{1,16})\/(?:[^/]*\/)?comment\/([a-z0-9]{1,16})\/?$/;

export const isProfileComment = (root: Element) => root.localName === 'shreddit-profile-comment';

/** The profile's owner, from the page's address. */
function owner(root: Element): string | undefined {
  const path = root.ownerDocument.location?.pathname ?? '';
  const name = PROFILE_PATH.exec(path)?.[1];
  return name && USERNAME.test(name) && !GONE.has(name) ? name : undefined;
}

/** The comment's text: the innermost rendered Markdown block, not its action row. */
function body(root: Element): Element | undefined {
  return [...root.querySelectorAll('.md')].find((md) => !md.querySelector('.md') && !md.closest('shreddit-comment-action-row'));
}

function readable(root: Element): Listed | undefined {
  const id = root.getAttribute('comment-id') ?? '';
  const m = COMMENT_ID.exec(id);
  const path = threadPath(root.getAttribute('href'));
  const link = path ? COMMENT_PATH.exec(path) : null;
  if (!m || !link || link[2] !== m[1]) return undefined;
  const handle = owner(root);
  const text = body(root);
  if (!handle || !text) return undefined;
  // Under /user/<owner>/ the link names no subreddit: Reddit's short form leads to the same comment.
  const url = path!.startsWith('/r/') ? `${ORIGIN}${path}` : commentLink(link[1]!, link[2]!);
  // What it quotes with "> " is kept apart from its own words, as on the comment's own page.
  const { own, quote } = splitQuotes(text);
  return { id, url, handle, text: own, quote, thread: `t3_${THREAD.exec(path!)![1]}` };
}

export const profileComments = {
  ...listedReads(readable, (root) => {
    const time = root.querySelector('time[datetime]')?.getAttribute('datetime') ?? root.querySelector('faceplate-timeago[ts]')?.getAttribute('ts');
    // It answers a post or a comment the profile does not show.
    return { publishedAt: isoTime(time), isReply: true };
  }),

  overlayAnchor(root: Element): Element | undefined {
    const time = root.querySelector('time[datetime], faceplate-timeago');
    return time?.parentElement && root.contains(time.parentElement) ? time.parentElement : undefined;
  },
};
