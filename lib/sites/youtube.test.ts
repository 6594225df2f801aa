import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentKey } from '../hash';
import { adapterFor } from '.';
import { expectPeekAgrees, loadFixture, readFixture, resetPageUrl, setPageUrl, type FixturePage } from './fixture-testing';
import { postRoots } from './types';
import { youtube } from './youtube';

/** Videos (a watch page's, listed ones, one a post shares) are posts too, read in their own tests below. */
const VIDEO_ROOTS = ['ytd-watch-metadata', 'ytd-video-renderer', 'yt-reel-metapanel-view-model', 'ytm-slim-video-metadata-section-renderer', 'ytm-video-with-context-renderer', 'ytm-compact-video-renderer'];
const isVideoRoot = (root: Element) => VIDEO_ROOTS.includes(root.localName);
/** The comment and community post roots of a page, in page order. */
const commentAndPostRoots = (doc: ParentNode) => postRoots(youtube, doc).filter((r) => !isVideoRoot(r));
/** A fixture's comments and community posts, as `readFixture` reads them. */
function readCommentsAndPosts(name: string, options?: Parameters<typeof readFixture>[2]): FixturePage {
  const page = readFixture(youtube, name, options);
  const roots = page.roots.filter((r) => !isVideoRoot(r));
  return { doc: page.doc, roots, posts: roots.map((r) => youtube.extractPost(r)) };
}

const VIDEO = 'k3Yq9wAcm3E';
const TOP = 'UgzQ4mKx7TnB2vR9Wd54AaABAg';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A time about `ms` before now: what a relative time the page shows ("2 hours ago"), read a moment ago, gives. */
const ago = (ms: number) => expect.toSatisfy((at: string) => Math.abs(Date.now() - ms - Date.parse(at)) < MINUTE, `about ${ms / MINUTE} minutes ago`);

describe('YouTube adapter, watch page comments', () => {
  const { doc, roots, posts } = readCommentsAndPosts('watch');

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(youtube, roots, true));

  it('finds every comment and reply, never a whole thread, and reads those it understands', () => {
    expect(roots).toHaveLength(9);
    expect(roots.every((r) => r.localName === 'ytd-comment-view-model' || r.localName === 'ytd-comment-renderer')).toBe(true);
    expect(doc.querySelectorAll('ytd-comment-thread-renderer')).toHaveLength(7);
    expect(posts.filter(Boolean)).toHaveLength(7);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("reads the video's owner from the page where no watch page element holds it (pages written after the markup), for the video in the address only", () => {
    const at = (v: string) => {
      const page = loadFixture('youtube', 'watch', { at: `https://www.youtube.com/watch?v=${v}` });
      const flexy = page.querySelector('ytd-watch-flexy')!;
      flexy.replaceWith(...flexy.childNodes);
      return commentAndPostRoots(page).map((r) => youtube.extractPost(r));
    };
    const was = window.location.href;
    try {
      expect(at('k3Yq9wAcm3E')[0]).toMatchObject({ isReply: true, inReplyTo: 'SkyWanderer' });
      expect(at('zzzzzzzzzzz')[0]?.inReplyTo).toBeUndefined();
    } finally {
      setPageUrl(was);
    }
  });

  it('reads every field of a top-level comment: lc id, watch permalink, @handle, emoji, hashtag', () => {
    expect(posts[0]).toEqual({
      platform: 'youtube',
      id: TOP,
      url: `https://www.youtube.com/watch?v=${VIDEO}&lc=${TOP}`,
      author: { handle: 'mayachen', profileUrl: 'https://www.youtube.com/@mayachen' },
      text: 'Third time I ask: my order from @AcmeAir never arrived and support is useless 😡 #acmefail',
      publishedAt: ago(2 * HOUR),
      isReply: true,
      inReplyTo: 'SkyWanderer',
      threadId: VIDEO,
    });
  });

  it('reads every field of a nested reply and whom it answers', () => {
    const id = `${TOP}.A3xYkT1bQ9wA3xZp0LmN2c`;
    expect(posts[1]).toEqual({
      platform: 'youtube',
      id,
      url: `https://www.youtube.com/watch?v=${VIDEO}&lc=${id}`,
      author: { handle: 'AcmeAir', profileUrl: 'https://www.youtube.com/@AcmeAir' },
      text: '@mayachen Sorry about that! Please DM us your order number so we can look into it.',
      publishedAt: ago(HOUR),
      isReply: true,
      inReplyTo: 'mayachen',
      threadId: VIDEO,
    });
    expect(posts[2]).toMatchObject({ author: { handle: 'mayachen' }, inReplyTo: 'AcmeAir', text: '@AcmeAir DM sent two days ago, still nothing #acmefail' });
  });

  it("reads the channel owner's comment from the creator badge", () => {
    expect(posts[3]).toEqual({
      platform: 'youtube',
      id: 'Ugw8bVn2LpQz5kXe1Hd4AaABAg',
      url: `https://www.youtube.com/watch?v=${VIDEO}&lc=Ugw8bVn2LpQz5kXe1Hd4AaABAg`,
      author: { handle: 'SkyWanderer', profileUrl: 'https://www.youtube.com/@SkyWanderer' },
      text: 'Thanks for watching! Flew Acme Air for this one, the lounge tour starts at 12:40',
      // "1 day ago (edited)"
      publishedAt: ago(DAY),
      isReply: true,
      threadId: VIDEO,
    });
  });

  it('reads a Portuguese comment, keeps line breaks, and turns custom emoji into their names', () => {
    expect(posts[4]!.text).toBe('A Acme Air cancelou meu voo sem aviso. Alguém conseguiu reembolso?');
    expect(posts[5]!.text).toBe('Great editing! :face-blue-smiling:\nWhat camera do you use?');
  });

  it('reads the older ytd-comment-renderer markup the same way', () => {
    expect(roots[6]!.localName).toBe('ytd-comment-renderer');
    expect(posts[6]).toMatchObject({
      id: 'UgzL1nV7cQ4xP8dR6e54AaABAg',
      author: { handle: 'tbecker' },
      text: 'Acme Air’s new app is great, check-in took 30 seconds 🙌',
      threadId: VIDEO,
    });
  });

  it('skips a renderer YouTube has not filled in yet, and reads it once it has', () => {
    const empty = roots[7]!;
    expect(youtube.getPostId(empty)).toBeUndefined();
    expect(posts[7]).toBeUndefined();
    // No first read either, so that the scanner does not set it aside as read.
    expect(youtube.peek!(empty)).toBeUndefined();
    empty.querySelector('#author-text')!.setAttribute('href', '/@latecomer');
    empty.querySelector('#published-time-text a')!.setAttribute('href', `/watch?v=${VIDEO}&lc=UgxLateComer0000000004AaABAg`);
    expect(youtube.extractPost(empty)).toBeUndefined(); // links, but still no text
    empty.querySelector('#content-text')!.textContent = 'Finally loaded';
    expect(youtube.extractPost(empty)).toMatchObject({ id: 'UgxLateComer0000000004AaABAg', author: { handle: 'latecomer' }, text: 'Finally loaded' });
    // It answers the video's channel, as the full read says.
    expect(youtube.peek!(empty)).toEqual({ text: 'Finally loaded', authorHandle: 'latecomer', repliesTo: youtube.extractPost(empty)!.inReplyTo });
    expect(youtube.extractPost(empty)!.inReplyTo).toBeTruthy();
  });

  it('skips a comment whose time link lost its lc= id', () => {
    expect(youtube.getPostId(roots[8]!)).toBeUndefined();
    expect(posts[8]).toBeUndefined();
  });

  it('anchors the overlay in the header row of the comment itself', () => {
    const anchor = youtube.overlayAnchor(roots[0]!)!;
    expect(anchor.id).toBe('header-author');
    expect(anchor.closest(youtube.postSelector)).toBe(roots[0]);
  });

  it("finds the open reply box in the reply's own dialog, and none elsewhere", () => {
    const box = youtube.findReplyBox(roots[2]!);
    expect(box).toBe(doc.querySelector('ytd-comment-reply-dialog-renderer #contenteditable-root'));
    expect(box?.getAttribute('contenteditable')).toBe('true');
    // The thread's top comment contains the replies, but the open box belongs to the reply.
    expect(youtube.findReplyBox(roots[0]!)).toBeUndefined();
    expect(youtube.findReplyBox(roots[1]!)).toBeUndefined();
  });
});

describe('YouTube adapter, watch page comments in nested threads (2026)', () => {
  const { roots, posts } = readCommentsAndPosts('watch-2026');
  const TOP_2026 = 'UgyKp3Xq9Lm2RwT5Zb14AaABAg';
  const byId = (id: string) => posts.find((p) => p?.id === id);

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(youtube, roots, true));

  it('finds every comment and reply once, never a thread, whatever depth it sits at', () => {
    expect(roots.map((r) => r.localName)).toEqual(Array(8).fill('ytd-comment-view-model'));
    expect(posts.every(Boolean)).toBe(true);
    expect(new Set(posts.map((p) => p!.id)).size).toBe(8);
  });

  it('reads whom each reply answers: the comment whose sub-thread holds it, not its own thread', () => {
    expect(byId(TOP_2026)).toMatchObject({ author: { handle: 'lenaflies' }, isReply: true, inReplyTo: 'jo.wanders', threadId: 'p7Lm2QwXc4A' });
    expect(byId(`${TOP_2026}.AQwErTyUiOp1a`)).toMatchObject({ author: { handle: 'AcmeAir' }, isReply: true, inReplyTo: 'lenaflies' });
    // The customer's answer to the brand's reply, a level deeper, names no brand: it answers the brand.
    expect(byId(`${TOP_2026}.AQwErTyUiOp9x`)).toMatchObject({
      author: { handle: 'lenaflies' },
      text: 'Sent it just now, thank you for looking into it so quickly',
      isReply: true,
      inReplyTo: 'AcmeAir',
    });
    expect(byId(`${TOP_2026}.AQwErTyUiOp4c`)).toMatchObject({ author: { handle: 'travelbuff_kai' }, inReplyTo: 'lenaflies' });
    expect(byId(`${TOP_2026}.AQwErTyUiOp6d`)).toMatchObject({ text: '@lenaflies did they ever refund you the seat upgrade?', inReplyTo: 'lenaflies' });
    expect(byId('UgxB4nM7pQ2wE9rT6Yu1AaABAg.AZxCvBnM3k2')).toMatchObject({ author: { handle: 'lenaflies' }, inReplyTo: 'jo.wanders' });
    // The channel's own comment answers its video, and no one in particular.
    expect(byId('UgxB4nM7pQ2wE9rT6Yu1AaABAg')).toMatchObject({ author: { handle: 'jo.wanders' }, isReply: true });
    expect(byId('UgxB4nM7pQ2wE9rT6Yu1AaABAg')!.inReplyTo).toBeUndefined();
  });

  it('anchors each overlay in its own comment, not in the comment it answers', () => {
    for (const root of roots) expect(youtube.overlayAnchor(root)?.closest('ytd-comment-view-model')).toBe(root);
  });
});

describe('YouTube adapter, mobile watch page comments (m.youtube.com)', () => {
  const { doc, roots, posts } = readCommentsAndPosts('mobile-watch', { atSavedUrl: true });
  afterAll(resetPageUrl);
  const PINNED = 'UgyP1nN3dOwNr8kQ2cVx4AaABAg';
  const THREAD = 'UgwD4n1eLrB7gLoSt9xQ4AaABAg';

  it('is the adapter for m.youtube.com pages', () => {
    expect(adapterFor(new URL(`https://m.youtube.com/watch?v=${VIDEO}`))).toBe(youtube);
    expect(youtube.matches).toContain('https://m.youtube.com/*');
  });

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(youtube, roots, true));

  it('finds every comment and reply, never a whole thread or the teaser, and reads those it understands', () => {
    expect(roots).toHaveLength(10);
    expect(roots.every((r) => r.localName === 'ytm-comment-renderer')).toBe(true);
    expect(doc.querySelectorAll('ytm-comment-thread-renderer')).toHaveLength(8);
    expect(roots.some((r) => r.closest('ytm-comments-entry-point-header-renderer'))).toBe(false);
    expect(posts.filter(Boolean)).toHaveLength(9);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("reads the channel owner's pinned comment, not the timestamp link in its text", () => {
    expect(posts[0]).toEqual({
      platform: 'youtube',
      id: PINNED,
      url: `https://www.youtube.com/watch?v=${VIDEO}&lc=${PINNED}`,
      author: { handle: 'SkyWanderer', profileUrl: 'https://www.youtube.com/@SkyWanderer' },
      text: 'Thanks for watching! Flew Acme Air for this one, the lounge tour starts at 12:40',
      // "1d ago"
      publishedAt: ago(DAY),
      isReply: true,
      threadId: VIDEO,
    });
  });

  it('reads every field of a top-level comment: lc id, www permalink, @handle, emoji, hashtag, the channel it answers', () => {
    expect(posts[1]).toEqual({
      platform: 'youtube',
      id: THREAD,
      url: `https://www.youtube.com/watch?v=${VIDEO}&lc=${THREAD}`,
      author: { handle: 'danielr', profileUrl: 'https://www.youtube.com/@danielr' },
      text: '@AcmeAir lost my bag on the Lisbon flight, 9 days and counting 😤 #acmefail',
      publishedAt: ago(5 * HOUR),
      isReply: true,
      inReplyTo: 'SkyWanderer',
      threadId: VIDEO,
    });
  });

  it('reads the replies under the thread and whom each answers', () => {
    const id = `${THREAD}.A4bRpLy1AcMe9tRaCe2bAg`;
    expect(posts[2]).toEqual({
      platform: 'youtube',
      id,
      url: `https://www.youtube.com/watch?v=${VIDEO}&lc=${id}`,
      author: { handle: 'AcmeAir', profileUrl: 'https://www.youtube.com/@AcmeAir' },
      text: "@danielr We're sorry, Daniel. Please DM us your file reference so we can trace the bag.",
      publishedAt: ago(4 * HOUR),
      isReply: true,
      inReplyTo: 'danielr',
      threadId: VIDEO,
    });
    expect(posts[3]).toMatchObject({
      id: `${THREAD}.A4bRq0Sent7dAyS0kLp3Qz`,
      author: { handle: 'danielr' },
      inReplyTo: 'AcmeAir',
      text: '@AcmeAir Sent it yesterday, no answer yet #acmefail',
    });
    // Without an @mention to open it, a reply answers the thread's top comment; the thread's own commenter
    // answers the last other one who replied (the brand's "please DM us", then "Sent it yesterday").
    const reply = roots[3]!;
    reply.querySelector('.YtmCommentRendererText span')!.textContent = 'Sent it yesterday';
    expect(youtube.extractPost(reply)).toMatchObject({ author: { handle: 'danielr' }, inReplyTo: 'AcmeAir' });
    expect(youtube.extractPost(roots[2]!)).toMatchObject({ author: { handle: 'AcmeAir' }, inReplyTo: 'danielr' });
    // Before anyone else replied, they add to their own comment: no one.
    roots[2]!.before(reply);
    try {
      expect(youtube.extractPost(reply)).toMatchObject({ inReplyTo: undefined, isReply: true });
    } finally {
      roots[2]!.after(reply);
    }
    expect(youtube.extractPost(roots[1]!)?.inReplyTo).toBe('SkyWanderer');
  });

  it('reads a competitor mention, a Japanese comment with an emoji, and custom emoji as their names', () => {
    expect(posts[4]).toMatchObject({ id: 'UgzS9kYjEt5cOmPaRe7h4AaABAg', author: { handle: 'jetsetjules' }, text: 'Flew SkyJet on the same route last month, half the price and the crew was lovely' });
    expect(posts[5]).toMatchObject({ author: { handle: 'haruto_travels' }, text: 'Acme Airのビジネスクラス、座席がとても快適でした✈️ 次はリスボン便に乗ってみたいです' });
    expect(posts[6]!.text).toBe('Great editing! :face-blue-smiling:\nWhat camera do you use?');
  });

  it('reads the older mobile markup the same way', () => {
    expect(roots[7]!.querySelector('.comment-header')).not.toBeNull();
    expect(posts[7]).toEqual({
      platform: 'youtube',
      id: 'UgzO1dMaRkUp8cH3cK9n4AaABAg',
      url: `https://www.youtube.com/watch?v=${VIDEO}&lc=UgzO1dMaRkUp8cH3cK9n4AaABAg`,
      author: { handle: 'omarflies', profileUrl: 'https://www.youtube.com/@omarflies' },
      text: 'Acme Air’s check-in app keeps logging me out 🙄',
      publishedAt: ago(2 * DAY),
      isReply: true,
      inReplyTo: 'SkyWanderer',
      threadId: VIDEO,
    });
  });

  it('reads a comment whose time is not a link, with an id made from its video, author and text', () => {
    expect(posts[8]).toEqual({
      platform: 'youtube',
      id: `${VIDEO}-${contentKey('quietviewer', 'Acme Air lost my bag too')}`,
      url: `https://www.youtube.com/watch?v=${VIDEO}`,
      author: { handle: 'quietviewer', profileUrl: 'https://www.youtube.com/@quietviewer' },
      text: 'Acme Air lost my bag too',
      // Its time, shown as text beside the title.
      publishedAt: ago(DAY),
      isReply: true,
      inReplyTo: 'SkyWanderer',
      threadId: VIDEO,
    });
    expect(youtube.getPostId(roots[8]!)).toBe(posts[8]!.id);
    // The same comment read again, as on another visit, has the same id; another text, another id.
    const again = readCommentsAndPosts('mobile-watch', { atSavedUrl: true }).posts[8]!;
    expect(again.id).toBe(posts[8]!.id);
    const edited = roots[8]!.cloneNode(true) as Element;
    edited.querySelector('.YtmCommentRendererText span')!.textContent = 'Acme Air found my bag';
    expect(youtube.extractPost(edited)?.id).not.toBe(posts[8]!.id);
  });

  it('tells apart the same words posted twice by one author, keeping the first its id', () => {
    const page = loadFixture('youtube', 'mobile-watch', { atSavedUrl: true });
    const thread = [...page.querySelectorAll('ytm-comment-thread-renderer')].find((t) => t.textContent!.includes('Acme Air lost my bag too'))!;
    thread.after(thread.cloneNode(true));
    const twice = [...page.querySelectorAll('ytm-comment-renderer')].filter((r) => r.textContent!.includes('Acme Air lost my bag too'));
    const ids = twice.map((r) => youtube.getPostId(r));
    expect(ids[0]).toBe(posts[8]!.id);
    expect(ids[1]).toMatch(new RegExp(`^${VIDEO}-[0-9a-f]{16}$`));
    expect(ids[1]).not.toBe(ids[0]);
  });

  it('skips a renderer the page has not filled in yet, and reads it once it has', () => {
    const empty = roots[9]!;
    expect(posts[9]).toBeUndefined();
    expect(youtube.peek!(empty)).toBeUndefined();
    empty.querySelector('.YtmCommentRendererIconContainer')!.setAttribute('href', '/@latecomer');
    const time = doc.createElement('a');
    time.setAttribute('href', `/watch?v=${VIDEO}&lc=UgxLateMobile000000004AaABAg`);
    time.textContent = 'now';
    empty.querySelector('.YtmCommentRendererHeader')!.append(time);
    expect(youtube.extractPost(empty)).toBeUndefined(); // links, but still no text
    empty.querySelector('.YtmCommentRendererText span')!.textContent = 'Finally loaded';
    expect(youtube.extractPost(empty)).toMatchObject({ id: 'UgxLateMobile000000004AaABAg', author: { handle: 'latecomer' }, text: 'Finally loaded' });
  });

  it('anchors the overlay in the header row of the comment itself', () => {
    for (const i of [0, 2, 7]) {
      const anchor = youtube.overlayAnchor(roots[i]!)!;
      expect(anchor.matches('.YtmCommentRendererHeader, .comment-header')).toBe(true);
      expect(anchor.closest(youtube.postSelector)).toBe(roots[i]);
    }
  });

  it('gives no reply box: the open reply dialog sits apart from the comment it answers', () => {
    expect(doc.querySelector('dialog[open] textarea.YtmCommentReplyDialogRendererInput')).not.toBeNull();
    for (const root of roots) expect(youtube.findReplyBox(root)).toBeUndefined();
  });

  it("never takes a thread container for a comment, nor a top comment's parts from its replies", () => {
    const thread = doc.querySelectorAll('ytm-comment-thread-renderer')[1]!;
    expect(thread.matches(youtube.postSelector)).toBe(false);
    expect(youtube.extractPost(thread)).toBeUndefined();
    expect(youtube.overlayAnchor(roots[1]!)?.closest('ytm-comment-replies-renderer')).toBeNull();
    expect(youtube.getPostId(roots[1]!)).toBe(THREAD);
  });
});

describe('YouTube adapter, community posts', () => {
  const { roots, posts } = readCommentsAndPosts('posts');

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(youtube, roots, true));

  it('finds every post and reads those that are filled in', () => {
    expect(roots).toHaveLength(3);
    expect(posts.filter(Boolean)).toHaveLength(2);
  });

  it('reads every field of a post and keeps the video it shares apart', () => {
    expect(posts[0]).toEqual({
      platform: 'youtube',
      id: 'UgkxR3p9Qm7vT2cX8bLw1nZk4yHs6dJe0aFq',
      url: 'https://www.youtube.com/post/UgkxR3p9Qm7vT2cX8bLw1nZk4yHs6dJe0aFq',
      author: { handle: 'SkyWanderer', name: 'Sky Wanderer', profileUrl: 'https://www.youtube.com/@SkyWanderer' },
      text: 'Flying with them again next week. What should I review this time? #avgeek',
      quoted: { author: 'AcmeAir', text: 'Acme Air A321neo business class review', url: 'https://www.youtube.com/watch?v=Zr8tA1cMe2Q' },
      publishedAt: ago(2 * DAY),
      isReply: false,
      threadId: 'UgkxR3p9Qm7vT2cX8bLw1nZk4yHs6dJe0aFq',
    });
  });

  it("reads a poll's choices after its question, a line each", () => {
    const poll = roots[1]!.cloneNode(true) as Element;
    roots[1]!.after(poll);
    try {
      const question = [...poll.querySelectorAll('#content-text')].find((e) => !e.closest('#content-attachment'))!;
      question.textContent = 'Which lounge would you rather wait in at Lisbon?';
      for (const old of poll.querySelectorAll('#content-attachment')) old.remove();
      question.insertAdjacentHTML(
        'afterend',
        '<div id="content-attachment"><ytd-backstage-poll-renderer id="poll-attachment"><div id="vote-info">1.2K votes</div><div id="choices">' +
          '<tp-yt-paper-item class="choice-info"><yt-formatted-string class="choice-text">Acme Air Lounge LIS</yt-formatted-string><span class="vote-percentage">54%</span></tp-yt-paper-item>' +
          '<tp-yt-paper-item class="choice-info"><yt-formatted-string class="choice-text">SkyJet Club</yt-formatted-string><span class="vote-percentage">46%</span></tp-yt-paper-item></div></ytd-backstage-poll-renderer></div>',
      );
      expect(youtube.extractPost(poll)!.text).toBe('Which lounge would you rather wait in at Lisbon?\nAcme Air Lounge LIS\nSkyJet Club');
      expect(youtube.peek!(poll)!.text).toBe('Which lounge would you rather wait in at Lisbon?\nAcme Air Lounge LIS\nSkyJet Club');
    } finally {
      poll.remove();
    }
  });

  it("counts a shared video's title in the first read, which decides whether a brand is named", () => {
    expect(youtube.peek!(roots[0]!)).toEqual({
      text: 'Flying with them again next week. What should I review this time? #avgeek\nAcme Air A321neo business class review',
      authorHandle: 'SkyWanderer',
      quotes: 'AcmeAir',
    });
  });

  it('reads a post that shares an upload in the slot every post holds for one, its link in #video-time-text', () => {
    const post = roots[0]!.cloneNode(true) as Element;
    const video = post.querySelector('#content-attachment ytd-video-renderer')!;
    const slot = post.ownerDocument.createElement('ytd-post-uploaded-video-renderer');
    slot.append(...video.childNodes);
    video.remove();
    post.querySelector('#content-attachment')!.after(slot);
    const time = post.querySelector('#published-time-text')!;
    time.id = 'video-time-text';
    expect(youtube.extractPost(post)).toEqual({ ...posts[0], publishedAt: ago(2 * DAY) });
    // Hidden, the slot is the empty placeholder of a post without an upload; a time link to a video names no post.
    slot.setAttribute('hidden', '');
    expect(youtube.extractPost(post)).toMatchObject({ id: posts[0]!.id, quoted: undefined });
    time.querySelector('a')!.setAttribute('href', '/watch?v=Zr8tA1cMe2Q');
    expect(youtube.extractPost(post)).toBeUndefined();
  });

  it("reads an image-only post with empty text, not the image's alt text", () => {
    expect(posts[1]).toMatchObject({ id: 'UgkxW8m2Nq4rB7tY1cVz9pLd3sKf6hJg5eXa', text: '', quoted: undefined, isReply: false });
    expect(posts[2]).toBeUndefined();
  });

  it('anchors the overlay next to the author and has no reply box', () => {
    expect(youtube.overlayAnchor(roots[0]!)?.id).toBe('author');
    expect(youtube.findReplyBox(roots[0]!)).toBeUndefined();
  });
});

describe('YouTube adapter, reposts (ytd-shared-post-renderer)', () => {
  const { roots, posts } = readCommentsAndPosts('posts-shared');

  it('gives a first read that agrees with the full read, the reposted post counted as quoted', () => {
    expectPeekAgrees(youtube, roots, true);
    expect(youtube.peek!(roots[0]!)).toMatchObject({ quotes: 'AcmeAir' });
  });

  it("reads a repost as the reposter's, with their words, and the post it shares apart as quoted", () => {
    expect(posts[0]).toEqual({
      platform: 'youtube',
      id: 'UgkxSh4r3dP0stMaya1aBcDeFgHiJkLmNoPq',
      url: 'https://www.youtube.com/post/UgkxSh4r3dP0stMaya1aBcDeFgHiJkLmNoPq',
      author: { handle: 'mayachen', name: 'Maya Chen', profileUrl: 'https://www.youtube.com/@mayachen' },
      text: 'Third delay this month. Not impressed.',
      quoted: {
        author: 'AcmeAir',
        text: 'Our summer schedule is live: 14 new routes from Lisbon and Porto ✈️',
        url: 'https://www.youtube.com/post/UgkxAcm3Sch3dul3Upd4t3qRsTuVwXyZ0123',
      },
      isReply: false,
      threadId: 'UgkxSh4r3dP0stMaya1aBcDeFgHiJkLmNoPq',
    });
    // The post it shares is on the page too, read as its author's own.
    expect(posts[1]).toMatchObject({ id: 'UgkxAcm3Sch3dul3Upd4t3qRsTuVwXyZ0123', author: { handle: 'AcmeAir' } });
    expect(posts[1]!.quoted).toBeUndefined();
  });

  it('reads a repost whose original was deleted, and skips one whose time links nowhere (its original still read)', () => {
    expect(posts[2]).toMatchObject({ author: { handle: 'mayachen' }, text: 'Acme Air deleted the post about the refund policy, I kept a screenshot' });
    expect(posts[2]!.quoted).toBeUndefined();
    expect(roots[3]!.localName).toBe('ytd-shared-post-renderer');
    expect(posts[3]).toBeUndefined();
    expect(posts[4]).toMatchObject({ author: { handle: 'SkyJet' }, text: 'SkyJet fare sale: Lisbon to Boston from 299 this week only' });
    expect(posts[5]).toMatchObject({ author: { handle: 'mayachen' }, text: 'Packing for Lisbon, flying Acme Air tomorrow' });
  });

  it("anchors a repost's overlay in the reposter's header, and the original's in its own", () => {
    expect(youtube.overlayAnchor(roots[0]!)?.id).toBe('repost-header');
    expect(youtube.overlayAnchor(roots[1]!)?.closest('ytd-post-renderer')).toBe(roots[1]);
  });
});

describe('YouTube adapter, community posts in the home feed (ytd-post-renderer)', () => {
  const { roots, posts } = readCommentsAndPosts('home');

  it('finds the posts of the shelf, not the video cards, and reads every field', () => {
    expect(roots).toHaveLength(2);
    expect(posts[0]).toEqual({
      platform: 'youtube',
      id: 'UgkxHn3Qw8rT5yU2iO7pAs4dF6gH9jK1lZxC',
      url: 'https://www.youtube.com/post/UgkxHn3Qw8rT5yU2iO7pAs4dF6gH9jK1lZxC',
      author: { handle: 'TravelWithNoor', name: 'Travel with Noor', profileUrl: 'https://www.youtube.com/@TravelWithNoor' },
      text: 'Acme Air cancelled my flight to Porto and the refund form keeps failing. Anyone else stuck with this? #acmefail',
      publishedAt: ago(5 * HOUR),
      isReply: false,
      threadId: 'UgkxHn3Qw8rT5yU2iO7pAs4dF6gH9jK1lZxC',
    });
    expect(posts[1]).toMatchObject({ author: { handle: 'AcmeAir' }, text: 'Summer schedule: 14 new routes from Lisbon, on sale now.' });
    expectPeekAgrees(youtube, roots, true);
  });

  it('anchors the overlay next to the author', () => {
    expect(youtube.overlayAnchor(roots[0]!)?.id).toBe('author');
  });
});

describe('YouTube adapter, community posts on the mobile site (m.youtube.com)', () => {
  const { doc, roots, posts } = readCommentsAndPosts('mobile-posts');

  it('finds every post and reads those that are filled in', () => {
    expect(roots).toHaveLength(3);
    expect(posts[0]).toEqual({
      platform: 'youtube',
      id: 'UgkxM4y8Ch3nT5rV2lS9pQw1eR6tY0uIoPaZ',
      url: 'https://www.youtube.com/post/UgkxM4y8Ch3nT5rV2lS9pQw1eR6tY0uIoPaZ',
      author: { handle: 'mayachen.travels', name: 'Maya Chen', profileUrl: 'https://www.youtube.com/@mayachen.travels' },
      text: 'Two hours on hold with Acme Air and still no answer about my lost bag 😤',
      publishedAt: ago(3 * HOUR),
      isReply: false,
      threadId: 'UgkxM4y8Ch3nT5rV2lS9pQw1eR6tY0uIoPaZ',
    });
    expect(posts[1]).toMatchObject({ id: 'UgkxAc9mE4aI2rP7oS5tLx1vB8nM3qW6eRtU', author: { handle: 'AcmeAir', name: 'Acme Air' } });
    expect(posts[2]).toBeUndefined();
    expectPeekAgrees(youtube, roots.slice(0, 2), true);
  });

  it('reads the header as the live page builds it, its links one inside another', () => {
    // An HTML parser takes nested links apart (as in the fixture); the page's own script does not.
    const root = roots[0]!.cloneNode(true) as Element;
    const header = root.querySelector('yt-post-header')!;
    const avatar = header.querySelector(':scope > a')!;
    const div = (cls: string, href: string, text: string) => {
      const d = doc.createElement('div');
      d.className = cls;
      const a = doc.createElement('a');
      a.setAttribute('href', href);
      a.textContent = text;
      d.append(doc.createElement('span'));
      d.firstElementChild!.append(a);
      return d;
    };
    const outer = doc.createElement('a');
    outer.className = 'ytPostHeaderHostHeaderAuthor';
    outer.setAttribute('href', '/@mayachen.travels');
    outer.append(
      div('ytPostHeaderHostAuthorText', '/@mayachen.travels', 'Maya Chen'),
      div('ytPostHeaderHostPublishedTimeText', '/post/UgkxM4y8Ch3nT5rV2lS9pQw1eR6tY0uIoPaZ', '3 hours ago'),
    );
    header.replaceChildren(avatar, outer);
    expect(outer.querySelectorAll('a[href]')).toHaveLength(2);
    expect(youtube.extractPost(root)).toEqual({ ...posts[0], publishedAt: ago(3 * HOUR) });
  });

  it('anchors the overlay in the header and has no reply box', () => {
    expect(youtube.overlayAnchor(roots[0]!)?.localName).toBe('yt-post-header');
    expect(youtube.findReplyBox(roots[0]!)).toBeUndefined();
  });
});

describe('YouTube adapter, a collaboration video, its owner row naming two channels', () => {
  const { roots, posts } = readCommentsAndPosts('watch-collab');
  const ownerComment = (doc: Document) => commentAndPostRoots(doc).find((r) => r.textContent!.includes('lounge food'))!;

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(youtube, roots, true));

  it('takes the first collaborator, the one linked in the owner row, as whom a top-level comment answers', () => {
    expect(posts[0]).toEqual({
      platform: 'youtube',
      id: 'UgxL3nAfL13sC0lLaB7qW4AaABAg',
      url: 'https://www.youtube.com/watch?v=Cb7Lm4Qx2Nw&lc=UgxL3nAfL13sC0lLaB7qW4AaABAg',
      author: { handle: 'lenaflies', profileUrl: 'https://www.youtube.com/@lenaflies' },
      text: 'Was the Acme Air lounge food included, or extra?',
      publishedAt: ago(2 * HOUR),
      isReply: true,
      inReplyTo: 'TravelWithNoor',
      threadId: 'Cb7Lm4Qx2Nw',
    });
    expect(posts[1]).toMatchObject({ author: { handle: 'TravelWithNoor' }, inReplyTo: 'lenaflies' });
    // That channel's own comment answers its video, and no one in particular.
    expect(posts[2]).toMatchObject({ author: { handle: 'TravelWithNoor' } });
    expect(posts[2]!.inReplyTo).toBeUndefined();
  });

  it("skips a hidden channel name even when it still holds a link, and reads it once it shows", () => {
    const doc = loadFixture('youtube', 'watch-collab');
    const name = doc.querySelector('ytd-video-owner-renderer ytd-channel-name')!;
    name.querySelector('#text')!.innerHTML = '<a href="/@SkyWanderer">Sky Wanderer</a>';
    expect(youtube.extractPost(ownerComment(doc))?.inReplyTo).toBe('TravelWithNoor');
    const shown = loadFixture('youtube', 'watch-collab');
    const visible = shown.querySelector('ytd-video-owner-renderer ytd-channel-name')!;
    visible.removeAttribute('hidden');
    visible.querySelector('#text')!.innerHTML = '<a href="/@SkyWanderer">Sky Wanderer</a>';
    expect(youtube.extractPost(ownerComment(shown))?.inReplyTo).toBe('SkyWanderer');
  });

  it('gives no one to answer when no collaborator is linked', () => {
    const doc = loadFixture('youtube', 'watch-collab');
    doc.querySelector('#attributed-channel-name a[href]')!.removeAttribute('href');
    const post = youtube.extractPost(ownerComment(doc));
    expect(post).toMatchObject({ author: { handle: 'lenaflies' }, threadId: 'Cb7Lm4Qx2Nw' });
    expect(post!.inReplyTo).toBeUndefined();
  });
});

describe("YouTube adapter, a watch page's video, read as a post of its channel", () => {
  const V = 'Vd3Acm7Lost';
  const TITLE = 'Acme Air lost my bag for 3 weeks – what happened next';
  const FIRST_LINES = 'Three weeks after flying @AcmeAir from Boston to Lisbon, my bag is still missing.';
  let page: FixturePage;
  beforeAll(() => {
    page = readFixture(youtube, 'watch-video', { atSavedUrl: true });
  });
  afterAll(resetPageUrl);
  const video = (doc: Document) => postRoots(youtube, doc).find((r) => r.localName === 'ytd-watch-metadata')!;

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(youtube, page.roots, true));

  it('reads the video: its id, its channel, its title and its whole description from the description panel, its age', () => {
    const i = page.roots.findIndex((r) => r.localName === 'ytd-watch-metadata');
    expect(page.posts[i]).toEqual({
      platform: 'youtube',
      id: V,
      url: `https://www.youtube.com/watch?v=${V}`,
      author: { handle: 'MayaChenTravels', name: 'Maya Chen', profileUrl: 'https://www.youtube.com/@MayaChenTravels' },
      text: [
        TITLE,
        FIRST_LINES,
        'I filed the report at the airport, called four times and emailed twice. Every time: "it is being traced".',
        'Their baggage page: https://acmeair.com/baggage',
        '',
        '0:00 Landing in Lisbon',
        '1:12 The baggage desk',
        '4:30 Three weeks later',
        '',
        '#acmefail #lostluggage',
      ].join('\n'),
      // The date the info line's tooltip gives ("48,213 views • 5 Dec 2026 • #acmefail"), not its "2 days ago".
      publishedAt: new Date(2026, 11, 5).toISOString(),
      isReply: false,
      threadId: V,
    });
  });

  it('reads its comments as answers to it: a top-level one answers its owner, a reply the comment it is under', () => {
    const comments = page.posts.filter((p) => p && p.id !== V);
    expect(comments.map((p) => [p?.author.handle, p?.inReplyTo, p?.threadId])).toEqual([
      ['AcmeAir', 'MayaChenTravels', V],
      ['MayaChenTravels', 'AcmeAir', V],
      ['jonas.reis', 'MayaChenTravels', V],
      ['lenaflies', 'MayaChenTravels', V],
    ]);
  });

  it('never reads the results of the search page left behind, hidden, nor counts them as unreadable', () => {
    const left = page.roots.filter((r) => r.localName === 'ytd-video-renderer');
    expect(left).toHaveLength(1);
    expect(youtube.extractPost(left[0]!)).toBeUndefined();
    expect(youtube.peek!(left[0]!)).toBeUndefined();
    expect(youtube.isGone!(left[0]!)).toBe(true);
    expect(youtube.isGone!(video(page.doc))).toBe(false);
  });

  it('reads the first lines the page shows where no panel holds the whole description, or where the panel is of another video', () => {
    const doc = loadFixture('youtube', 'watch-video', { atSavedUrl: true });
    doc.querySelector('ytd-video-description-header-renderer #title yt-formatted-string')!.textContent = 'Porto in 48 hours';
    expect(youtube.extractPost(video(doc))?.text).toBe(`${TITLE}\n${FIRST_LINES}`);
    doc.querySelector('ytd-engagement-panel-section-list-renderer')!.remove();
    expect(youtube.extractPost(video(doc))?.text).toBe(`${TITLE}\n${FIRST_LINES}`);
    // Never the expander's buttons, chapters or "Show less".
    expect(youtube.peek!(video(doc))?.text).not.toMatch(/more|Show less|Landing in Lisbon/);
  });

  it('reads the whole description once the reader expands it', () => {
    const doc = loadFixture('youtube', 'watch-video', { atSavedUrl: true });
    doc.querySelector('ytd-engagement-panel-section-list-renderer')!.remove();
    doc.querySelector('#description-inline-expander #expanded > yt-attributed-string')!.innerHTML =
      '<span class="yt-core-attributed-string" role="text">Three weeks after flying Acme Air to Lisbon, my bag is still missing.\nUpdate: it came back today.</span>';
    expect(youtube.extractPost(video(doc))?.text).toBe(`${TITLE}\nThree weeks after flying Acme Air to Lisbon, my bag is still missing.\nUpdate: it came back today.`);
  });

  it('reads nothing of a watch page YouTube has left (hidden), and counts it apart from markup it cannot read', () => {
    const doc = loadFixture('youtube', 'watch-video', { atSavedUrl: true });
    doc.querySelector('ytd-watch-flexy')!.setAttribute('hidden', '');
    expect(youtube.extractPost(video(doc))).toBeUndefined();
    expect(youtube.isGone!(video(doc))).toBe(true);
  });

  it('waits for a video YouTube has not filled in yet (no title, or no channel)', () => {
    const doc = loadFixture('youtube', 'watch-video', { atSavedUrl: true });
    const title = doc.querySelector('ytd-watch-metadata #title h1 yt-formatted-string')!;
    title.textContent = '';
    expect(youtube.extractPost(video(doc))).toBeUndefined();
    title.textContent = TITLE;
    doc.querySelector('ytd-watch-metadata ytd-channel-name a')!.removeAttribute('href');
    doc.querySelector('ytd-video-owner-renderer > a')!.removeAttribute('href');
    expect(youtube.extractPost(video(doc))).toBeUndefined();
  });

  it("is answered in the comment box under it: its placeholder is the control, then the box it opens, never a comment's", () => {
    const doc = loadFixture('youtube', 'watch-video', { atSavedUrl: true });
    const root = video(doc);
    expect(youtube.findReplyBox(root)).toBeUndefined();
    expect(youtube.findReplyControl!(root)?.id).toBe('simplebox-placeholder');
    // A comment's own reply box open in the page is the comment's, not the video's.
    const comment = postRoots(youtube, doc).find((r) => r.localName === 'ytd-comment-view-model')!;
    comment.querySelector('#reply-dialog')!.innerHTML = '<ytd-commentbox><div id="contenteditable-root" contenteditable="true"></div></ytd-commentbox>';
    expect(youtube.findReplyBox(root)).toBeUndefined();
    expect(youtube.findReplyBox(comment)?.id).toBe('contenteditable-root');
    expect(youtube.findReplyControl!(comment)).toBeUndefined();
    // The site opens the box in the simplebox's dialog.
    const dialog = doc.querySelector('ytd-comment-simplebox-renderer #comment-dialog')!;
    dialog.removeAttribute('hidden');
    dialog.innerHTML = '<ytd-comment-dialog-renderer><ytd-commentbox><div id="contenteditable-root" contenteditable="true"></div></ytd-commentbox></ytd-comment-dialog-renderer>';
    expect(youtube.findReplyBox(root)).toBe(dialog.querySelector('#contenteditable-root'));
  });

  it('reads nothing while YouTube, going to another video, names it on the page before refilling the block (which still shows the last)', () => {
    const doc = loadFixture('youtube', 'watch-video', { atSavedUrl: true });
    doc.querySelector('ytd-watch-flexy')!.setAttribute('video-id', 'Porto48hrsX');
    expect(youtube.extractPost(video(doc))).toBeUndefined();
    // Nor is the last video's channel taken for the next one's owner by its comments meanwhile.
    const comment = postRoots(youtube, doc).find((r) => r.localName === 'ytd-comment-view-model')!;
    comment.querySelector('#published-time-text a')!.setAttribute('href', '/watch?v=Porto48hrsX&lc=UgxAcmeR3plyV1d30kAaABAg');
    expect(youtube.extractPost(comment)?.inReplyTo).toBeUndefined();
    video(doc).setAttribute('video-id', 'Porto48hrsX');
    expect(youtube.extractPost(video(doc))?.id).toBe('Porto48hrsX');
  });

  it("dates the video by its info line's words where its tooltip gives no date: relative, a stream's, or a date once expanded", () => {
    const doc = loadFixture('youtube', 'watch-video', { atSavedUrl: true });
    doc.querySelector('ytd-watch-info-text #tooltip')!.textContent = '48,213 views';
    const age = (words: string) => {
      doc.querySelectorAll('#info-container #info span')[2]!.textContent = words;
      return youtube.extractPost(video(doc))?.publishedAt;
    };
    expect(age('2 days ago')).toEqual(ago(2 * DAY));
    expect(age('Started streaming 2 hours ago')).toEqual(ago(2 * HOUR));
    expect(age('Streamed live on 3 Dec 2026')).toBe(new Date(2026, 11, 3).toISOString());
    expect(age('Premiered Dec 4, 2026')).toBe(new Date(2026, 11, 4).toISOString());
    expect(age('Apr 24, 2018')).toBe(new Date(2018, 3, 24).toISOString());
    expect(age('Premieres in 3 hours')).toBeUndefined();
  });

  it("takes a collaboration's first channel from the description panel where its names link nowhere", () => {
    const doc = loadFixture('youtube', 'watch-video', { atSavedUrl: true });
    for (const a of doc.querySelectorAll('ytd-watch-metadata #owner a')) a.removeAttribute('href');
    expect(youtube.extractPost(video(doc))).toBeUndefined();
    doc.querySelector('ytd-video-description-header-renderer')!.insertAdjacentHTML(
      'afterend',
      '<ytd-video-description-infocards-section-renderer><a id="header" href="/@MayaChenTravels"><div id="header-text"><h3 id="title">Maya Chen</h3><div id="subtitle">2 channels</div></div></a></ytd-video-description-infocards-section-renderer>',
    );
    expect(youtube.extractPost(video(doc))?.author).toEqual({ handle: 'MayaChenTravels', name: 'Maya Chen', profileUrl: 'https://www.youtube.com/@MayaChenTravels' });
    // Not a panel of another video's.
    doc.querySelector('ytd-video-description-header-renderer #title yt-formatted-string')!.textContent = 'Porto in 48 hours';
    expect(youtube.extractPost(video(doc))).toBeUndefined();
  });

  it("anchors the overlay by the video's title", () => {
    expect(youtube.overlayAnchor(video(page.doc))?.id).toBe('title');
  });
});

describe('YouTube adapter, videos in search results (ytd-video-renderer)', () => {
  let page: FixturePage;
  beforeAll(() => {
    page = readFixture(youtube, 'search', { atSavedUrl: true });
  });
  afterAll(resetPageUrl);

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(youtube, page.roots, true));

  it('reads every video row, never a playlist or an ad', () => {
    expect(page.roots.map((r) => r.localName)).toEqual(Array(5).fill('ytd-video-renderer'));
    expect(page.posts.map((p) => p?.id)).toEqual(['Vd3Acm7Lost', 'Ac3Offic1al', 'Sk7Rev1ew9x', 'Podc4stEp12', 'Sh0rtAcm3x1']);
  });

  it("reads a row's title, channel (the one shown, not the hidden byline's), snippet of its description and age", () => {
    expect(page.posts[0]).toEqual({
      platform: 'youtube',
      id: 'Vd3Acm7Lost',
      url: 'https://www.youtube.com/watch?v=Vd3Acm7Lost',
      author: { handle: 'MayaChenTravels', name: 'Maya Chen', profileUrl: 'https://www.youtube.com/@MayaChenTravels' },
      text: 'Acme Air lost my bag for 3 weeks – what happened next\nThree weeks after flying @AcmeAir from Boston to Lisbon, my bag is still missing.',
      publishedAt: ago(2 * DAY),
      isReply: false,
      threadId: 'Vd3Acm7Lost',
    });
    expect(page.posts[1]).toMatchObject({ author: { handle: 'AcmeAir', name: 'Acme Air' }, text: 'Welcome aboard: our new Lisbon route\nDaily flights from Boston to Lisbon from March. Book at acmeair.com' });
  });

  it("reads the description's snippet, never a line of the captions shown under it", () => {
    expect(page.posts[2]!.text).toBe('SkyJet vs Acme Air: which is better for Europe?\nI flew both airlines on the same week. Here is what I found.');
    expect(page.posts[3]!.text).toBe('Travel Talk #12: refunds, delays and your rights');
  });

  it("reads a stream's age after its \"Streamed\", and a short listed as a row by its /shorts/ link", () => {
    expect(page.posts[3]!.publishedAt).toEqual(ago(5 * DAY));
    expect(page.posts[4]).toMatchObject({ id: 'Sh0rtAcm3x1', author: { handle: 'lenaflies' }, text: 'Acme Air lounge in 30 seconds #shorts' });
  });

  it("reads a collaboration's row by its first channel, whose avatar link it keeps hidden behind the stack of avatars (a real 2026 page)", () => {
    const doc = loadFixture('youtube', 'search', { atSavedUrl: true });
    const row = postRoots(youtube, doc)[2]!;
    for (const name of row.querySelectorAll('ytd-channel-name')) name.setAttribute('hidden', '');
    for (const a of row.querySelectorAll('ytd-channel-name a')) a.replaceWith(a.textContent!);
    row.querySelector('#channel-info a#channel-thumbnail')!.setAttribute('hidden', '');
    row.querySelector('#channel-info #avatar')!.removeAttribute('hidden');
    expect(youtube.extractPost(row)?.author).toEqual({ handle: 'flightreviewer', profileUrl: 'https://www.youtube.com/@flightreviewer' });
  });

  it('offers no reply box or control for a row: a video is answered on its own page', () => {
    for (const root of page.roots) {
      expect(youtube.findReplyBox(root)).toBeUndefined();
      expect(youtube.findReplyControl!(root)).toBeUndefined();
    }
  });

  it("anchors each overlay in its row's text", () => {
    for (const root of page.roots) expect(youtube.overlayAnchor(root)?.id).toBe('meta');
  });

  it('waits for a row YouTube has not filled in yet, and reads a row shown by its avatar alone', () => {
    const doc = loadFixture('youtube', 'search', { atSavedUrl: true });
    const row = postRoots(youtube, doc)[0]!;
    row.querySelector('a#video-title')!.removeAttribute('title');
    row.querySelector('a#video-title yt-formatted-string')!.textContent = '';
    expect(youtube.extractPost(row)).toBeUndefined();
    const other = postRoots(youtube, doc)[2]!;
    for (const a of other.querySelectorAll('ytd-channel-name a')) a.remove();
    expect(youtube.extractPost(other)?.author).toEqual({ handle: 'flightreviewer', profileUrl: 'https://www.youtube.com/@flightreviewer' });
  });

  it('reads a video a community post shares as what the post quotes, never as a post of its own beside it', () => {
    const { doc } = readFixture(youtube, 'posts');
    const shared = [...doc.querySelectorAll('#content-attachment ytd-video-renderer')];
    expect(shared.length).toBeGreaterThan(0);
    const roots = postRoots(youtube, doc);
    for (const video of shared) {
      expect(roots).not.toContain(video);
      const sharer = youtube.extractPost(video.closest('ytd-backstage-post-renderer, ytd-post-renderer')!);
      expect(sharer?.quoted?.url).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=/);
    }
  });
});

describe('YouTube adapter, videos on the mobile site (m.youtube.com)', () => {
  afterAll(resetPageUrl);

  it("reads the watch page's video, named by the address, by its channel's owner row", () => {
    const { roots, posts } = readFixture(youtube, 'mobile-watch', { atSavedUrl: true });
    const i = roots.findIndex((r) => r.localName === 'ytm-slim-video-metadata-section-renderer');
    expect(posts[i]).toEqual({
      platform: 'youtube',
      id: VIDEO,
      url: `https://www.youtube.com/watch?v=${VIDEO}`,
      author: { handle: 'SkyWanderer', name: 'Sky Wanderer', profileUrl: 'https://www.youtube.com/@SkyWanderer' },
      text: 'Flying Acme Air business class to Lisbon',
      isReply: false,
      threadId: VIDEO,
    });
    expect(youtube.findReplyBox(roots[i]!)).toBeUndefined();
    expect(youtube.findReplyControl!(roots[i]!)).toBeUndefined();
    expect(youtube.overlayAnchor(roots[i]!)?.localName).toBe('ytm-slim-video-information-renderer');
  });

  it('reads its age from its subtitle, and its description from the panel "more" opens, when that panel is for it', () => {
    const doc = loadFixture('youtube', 'mobile-watch', { atSavedUrl: true });
    const video = () => postRoots(youtube, doc).find((r) => r.localName === 'ytm-slim-video-metadata-section-renderer')!;
    doc.querySelector('ytm-slim-video-information-renderer')!.insertAdjacentHTML(
      'beforeend',
      '<span class="slim-video-information-subtitle"><span aria-label="412,004 views">412K views</span> <span class="slim-video-information-upload-info"><span aria-label="Streamed 3 days ago">Streamed 3 days ago</span></span></span><button class="slim-video-information-show-more">more</button>',
    );
    const panel = (title: string) =>
      `<ytm-engagement-panel><ytm-engagement-panel-section-list-renderer class="video-description-ep-identifier"><h2 class="engagement-panel-section-list-header-title">Description</h2><ytm-structured-description-content-renderer><ytm-video-description-header-renderer><h2 class="header-title"><span class="ytAttributedStringHost">${title}</span></h2></ytm-video-description-header-renderer><ytm-expandable-video-description-body-renderer><collapsible-string><span class="ytAttributedStringHost">Lounge tour at 12:40. Thanks @AcmeAir for the upgrade!</span></collapsible-string></ytm-expandable-video-description-body-renderer></ytm-structured-description-content-renderer></ytm-engagement-panel-section-list-renderer></ytm-engagement-panel>`;
    doc.body.insertAdjacentHTML('beforeend', panel('Porto in 48 hours'));
    expect(youtube.extractPost(video())).toMatchObject({ text: 'Flying Acme Air business class to Lisbon', publishedAt: ago(3 * DAY) });
    doc.querySelector('.video-description-ep-identifier')!.parentElement!.remove();
    doc.body.insertAdjacentHTML('beforeend', panel('Flying Acme Air business class to Lisbon'));
    expect(youtube.extractPost(video())?.text).toBe('Flying Acme Air business class to Lisbon\nLounge tour at 12:40. Thanks @AcmeAir for the upgrade!');
  });

  it('reads the search results: each card by its link, headline, channel (its avatar) and byline', () => {
    const { roots, posts } = readFixture(youtube, 'mobile-search', { atSavedUrl: true });
    expectPeekAgrees(youtube, roots, true);
    expect(posts).toEqual([
      {
        platform: 'youtube',
        id: 'Vd3Acm7Lost',
        url: 'https://www.youtube.com/watch?v=Vd3Acm7Lost',
        author: { handle: 'MayaChenTravels', name: 'Maya Chen', profileUrl: 'https://www.youtube.com/@MayaChenTravels' },
        text: 'Acme Air lost my bag for 3 weeks – what happened next',
        publishedAt: ago(2 * DAY),
        isReply: false,
        threadId: 'Vd3Acm7Lost',
      },
      expect.objectContaining({ id: 'Ac3Offic1al', author: { handle: 'UCacmeAirOfficial0000001', name: 'Acme Air', profileUrl: 'https://www.youtube.com/channel/UCacmeAirOfficial0000001' } }),
      expect.objectContaining({ id: 'Sh0rtAcm3x1', author: expect.objectContaining({ handle: 'lenaflies' }), text: 'Acme Air lounge in 30 seconds #shorts' }),
      expect.objectContaining({ id: 'Sk7Rev1ew9x', author: expect.objectContaining({ handle: 'flightreviewer', name: 'Flight Reviewer' }) }),
    ]);
    // "210K views · 3 months ago": three months on the calendar.
    const months = (Date.now() - Date.parse(posts[3]!.publishedAt!)) / DAY;
    expect(months).toBeGreaterThan(88);
    expect(months).toBeLessThan(93);
  });

  it("never reads an ad, nor a card outside the search results (a watch page's related videos)", () => {
    const { doc, roots } = readFixture(youtube, 'mobile-search', { atSavedUrl: true });
    expect(doc.querySelectorAll('ytm-video-with-context-renderer')).toHaveLength(4);
    expect(roots).toHaveLength(4);
    expect(roots.some((r) => r.closest('ytm-single-column-watch-next-results-renderer'))).toBe(false);
  });
});

describe('YouTube adapter, the short on show, read as a post of its channel', () => {
  afterAll(resetPageUrl);
  const short = (doc: Document) => postRoots(youtube, doc).filter((r) => r.localName === 'yt-reel-metapanel-view-model');

  it('reads the short the address names by its title and its channel bar; never one scrolled past', () => {
    const doc = loadFixture('youtube', 'shorts', { atSavedUrl: true });
    expect(short(doc)).toHaveLength(1);
    expect(youtube.extractPost(short(doc)[0]!)).toEqual({
      platform: 'youtube',
      id: 'Xs7Qp2Lm9Ka',
      url: 'https://www.youtube.com/watch?v=Xs7Qp2Lm9Ka',
      author: { handle: 'TravelWithNoor', profileUrl: 'https://www.youtube.com/@TravelWithNoor' },
      text: 'Acme Air lounge in 30 seconds #shorts',
      isReply: false,
      threadId: 'Xs7Qp2Lm9Ka',
    });
    expectPeekAgrees(youtube, short(doc), true);
    // Scrolled back to the one before: that one is on show, the other is not read.
    doc.querySelector('ytd-reel-video-renderer[is-active]')!.removeAttribute('is-active');
    doc.querySelector('ytd-reel-video-renderer')!.setAttribute('is-active', '');
    setPageUrl('https://www.youtube.com/shorts/Rk2Vb8Nc1Tz');
    expect(short(doc).map((r) => youtube.extractPost(r))).toEqual([
      expect.objectContaining({ id: 'Rk2Vb8Nc1Tz', author: expect.objectContaining({ handle: 'SkyJet' }), text: "SkyJet's new seats, first look" }),
    ]);
  });

  it('is answered in the comment box of its comments panel while that panel is open', () => {
    const doc = loadFixture('youtube', 'shorts', { atSavedUrl: true });
    const root = short(doc)[0]!;
    expect(youtube.findReplyControl!(root)).toBeUndefined();
    const panel = doc.querySelector('ytd-engagement-panel-section-list-renderer[target-id="engagement-panel-comments-section"]')!;
    panel.insertAdjacentHTML(
      'afterbegin',
      '<ytd-comments-header-renderer><div id="simple-box"><ytd-comment-simplebox-renderer><div id="placeholder-area"><yt-formatted-string id="simplebox-placeholder" role="textbox">Add a comment…</yt-formatted-string></div><div id="comment-dialog" hidden></div></ytd-comment-simplebox-renderer></div></ytd-comments-header-renderer>',
    );
    expect(youtube.findReplyControl!(root)?.id).toBe('simplebox-placeholder');
    expect(youtube.findReplyBox(root)).toBeUndefined();
    doc.querySelector('#comment-dialog')!.innerHTML = '<ytd-commentbox><div id="contenteditable-root" contenteditable="true"></div></ytd-commentbox>';
    expect(youtube.findReplyBox(root)?.id).toBe('contenteditable-root');
    panel.setAttribute('visibility', 'ENGAGEMENT_PANEL_VISIBILITY_HIDDEN');
    expect(youtube.findReplyBox(root)).toBeUndefined();
  });
});

describe("YouTube adapter, a short's comments, reached from a watch page that stays hidden", () => {
  const SHORT = 'Xs7Qp2Lm9Ka';
  const COMPLAINT = 'UgzSh7Qp2Lm9KaD4nR1eLb4AaABAg';
  let page: FixturePage;
  // The page's address is set when these tests run, not when they are collected (other tests read theirs).
  beforeAll(() => {
    page = readCommentsAndPosts('shorts', { atSavedUrl: true });
  });
  afterAll(resetPageUrl);

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(youtube, page.roots, true));

  it("reads every comment, a top-level one answering the short's channel, not the hidden watch page's", () => {
    const { roots, posts } = page;
    expect(roots).toHaveLength(4);
    expect(posts[0]).toEqual({
      platform: 'youtube',
      id: COMPLAINT,
      url: `https://www.youtube.com/watch?v=${SHORT}&lc=${COMPLAINT}`,
      author: { handle: 'danielr', profileUrl: 'https://www.youtube.com/@danielr' },
      text: 'Acme Air lost my bag on this exact route, 9 days and counting 😤',
      publishedAt: ago(2 * HOUR),
      isReply: true,
      inReplyTo: 'TravelWithNoor',
      threadId: SHORT,
    });
    expect(posts[1]).toMatchObject({ id: `${COMPLAINT}.A5sH0rTr3pLy01aB`, author: { handle: 'AcmeAir' }, inReplyTo: 'danielr', threadId: SHORT });
    expect(posts[2]).toMatchObject({ author: { handle: 'TravelWithNoor' }, threadId: SHORT });
    expect(posts[2]!.inReplyTo).toBeUndefined();
    expect(posts[3]).toMatchObject({ author: { handle: 'haruto_travels' }, inReplyTo: 'TravelWithNoor' });
  });

  it("reads a comment whose link names no video as the short's, not the hidden watch page's video", () => {
    const comment = page.roots[0]!.cloneNode(true) as Element;
    comment.querySelector('#published-time-text a')!.setAttribute('href', `/?lc=${COMPLAINT}`);
    expect(youtube.extractPost(comment)).toMatchObject({ id: COMPLAINT, threadId: SHORT, inReplyTo: 'TravelWithNoor' });
  });

  it('gives no one to answer under a short other than the one the address names', () => {
    const { posts } = readCommentsAndPosts('shorts', { at: 'https://www.youtube.com/shorts/Rk2Vb8Nc1Tz' });
    expect(posts[0]).toMatchObject({ id: COMPLAINT, threadId: SHORT });
    expect(posts[0]!.inReplyTo).toBeUndefined();
    expect(posts[3]!.inReplyTo).toBeUndefined();
    // A reply still answers the comment it is under.
    expect(posts[1]!.inReplyTo).toBe('danielr');
  });

  it("reads the short's channel again after a second, as its channel bar catches up with the short on show", () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const doc = loadFixture('youtube', 'shorts', { atSavedUrl: true });
      const bar = doc.querySelector('ytd-reel-video-renderer[is-active] yt-reel-channel-bar-view-model a')!;
      bar.setAttribute('href', '/@SkyJet');
      const comment = commentAndPostRoots(doc)[0]!;
      expect(youtube.extractPost(comment)?.inReplyTo).toBe('SkyJet');
      bar.setAttribute('href', '/@TravelWithNoor');
      vi.advanceTimersByTime(500);
      expect(youtube.extractPost(comment)?.inReplyTo).toBe('SkyJet');
      vi.advanceTimersByTime(600);
      expect(youtube.extractPost(comment)?.inReplyTo).toBe('TravelWithNoor');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("YouTube adapter, a community post's own page with its comments, reached from a watch page that stays hidden", () => {
  const POST = 'UgkxAcm3R3fundP0l1cy9qWeRtYuIoPaSdFg';
  const COMPLAINT = 'UgwM4yaR3fuNdQ7wE2rTy9uI4AaABAg';
  let page: FixturePage;
  beforeAll(() => {
    page = readCommentsAndPosts('post', { atSavedUrl: true });
  });
  afterAll(resetPageUrl);

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(youtube, page.roots, true));

  it("reads the post and its comments, a top-level one answering the post's author, not the hidden watch page's channel", () => {
    const { roots, posts } = page;
    expect(roots).toHaveLength(6);
    expect(posts[0]).toMatchObject({ id: POST, author: { handle: 'AcmeAir' }, isReply: false });
    expect(posts[2]).toEqual({
      platform: 'youtube',
      id: COMPLAINT,
      url: `https://www.youtube.com/post/${POST}?lc=${COMPLAINT}`,
      author: { handle: 'mayachen', profileUrl: 'https://www.youtube.com/@mayachen' },
      text: 'Still waiting on my refund from March. Seven days? 😂 #acmefail',
      publishedAt: ago(2 * HOUR),
      isReply: true,
      inReplyTo: 'AcmeAir',
      threadId: POST,
    });
    expect(posts[3]).toMatchObject({ author: { handle: 'AcmeAir' }, inReplyTo: 'mayachen', threadId: POST });
    expect(posts[4]).toMatchObject({ author: { handle: 'tbecker' }, inReplyTo: 'mayachen' });
    expect(posts[5]).toMatchObject({ author: { handle: 'jetsetjules' }, inReplyTo: 'AcmeAir' });
    // The post's author's own comment answers no one in particular.
    expect(posts[1]).toMatchObject({ author: { handle: 'AcmeAir' }, threadId: POST });
    expect(posts[1]!.inReplyTo).toBeUndefined();
  });

  it('gives no one to answer when the post is not on the page', () => {
    const doc = loadFixture('youtube', 'post', { atSavedUrl: true });
    doc.querySelector('ytd-backstage-post-renderer')!.remove();
    const post = youtube.extractPost(commentAndPostRoots(doc).find((r) => r.textContent!.includes('Seven days'))!);
    expect(post).toMatchObject({ id: COMPLAINT, threadId: POST });
    expect(post!.inReplyTo).toBeUndefined();
  });
});

describe('YouTube adapter, whom a top-level comment answers once the page has moved on', () => {
  afterAll(resetPageUrl);
  const firstComment = (doc: Document) => commentAndPostRoots(doc)[0]!;

  it('gives no one to answer when the watch page is hidden, as YouTube leaves it after navigating away', () => {
    const doc = loadFixture('youtube', 'watch');
    expect(youtube.extractPost(firstComment(doc))?.inReplyTo).toBe('SkyWanderer');
    const left = loadFixture('youtube', 'watch');
    left.querySelector('ytd-watch-flexy')!.setAttribute('hidden', '');
    expect(youtube.extractPost(firstComment(left))).toMatchObject({ id: TOP, threadId: VIDEO });
    expect(youtube.extractPost(firstComment(left))!.inReplyTo).toBeUndefined();
  });

  it('gives no one to answer when the watch page shows another video than the comment is under', () => {
    const doc = loadFixture('youtube', 'watch');
    doc.querySelector('ytd-watch-flexy')!.setAttribute('video-id', 'Zr8tA1cMe2Q');
    expect(youtube.extractPost(firstComment(doc))).toMatchObject({ id: TOP, threadId: VIDEO });
    expect(youtube.extractPost(firstComment(doc))!.inReplyTo).toBeUndefined();
  });

  it("gives a mobile comment the channel only of the video the page's address names", () => {
    const doc = loadFixture('youtube', 'mobile-watch', { at: 'https://m.youtube.com/watch?v=Zr8tA1cMe2Q' });
    const thread = commentAndPostRoots(doc)[1]!;
    expect(youtube.extractPost(thread)).toMatchObject({ id: 'UgwD4n1eLrB7gLoSt9xQ4AaABAg', threadId: VIDEO });
    expect(youtube.extractPost(thread)!.inReplyTo).toBeUndefined();
  });
});

describe('YouTube adapter on markup it does not know', () => {
  it('returns undefined and never throws', () => {
    const doc = document.implementation.createHTMLDocument('junk');
    doc.body.innerHTML = [
      '<ytd-comment-view-model></ytd-comment-view-model>',
      '<ytd-comment-view-model><a id="author-text" href="/@x"></a><span id="published-time-text"><a href="https://evil.example/watch?v=k3Yq9wAcm3E&lc=UgzQ4mKx7TnB2vR9Wd54AaABAg">x</a></span><div id="content-text">hi</div></ytd-comment-view-model>',
      '<ytd-comment-view-model><a id="author-text" href="/@%E0%A4%A"></a><span id="published-time-text"><a href="/watch?v=k3Yq9wAcm3E&lc=UgzQ4mKx7TnB2vR9Wd54AaABAg">x</a></span><div id="content-text">hi</div></ytd-comment-view-model>',
      '<ytd-comment-view-model><a id="author-text" href="/@x"></a><span id="published-time-text"><a href="/watch?v=short&lc=UgzQ4mKx7TnB2vR9Wd54AaABAg">x</a></span><div id="content-text">hi</div></ytd-comment-view-model>',
      '<ytd-comment-renderer><a id="author-text" href="javascript:alert(1)"></a><span class="published-time-text"><a href="http://[bad">x</a></span></ytd-comment-renderer>',
      '<ytd-backstage-post-renderer><a id="author-text" href="/@x"></a><span id="published-time-text"><a href="/post/not-a-post">x</a></span></ytd-backstage-post-renderer>',
      '<ytm-comment-renderer></ytm-comment-renderer>',
      '<ytm-comment-renderer><a class="YtmCommentRendererIconContainer" href="https://evil.example/@x"></a><div class="YtmCommentRendererHeader"><a href="/watch?v=k3Yq9wAcm3E&lc=UgzQ4mKx7TnB2vR9Wd54AaABAg">x</a></div><p class="YtmCommentRendererText">hi</p></ytm-comment-renderer>',
      '<ytm-comment-renderer><a class="YtmCommentRendererIconContainer" href="/@x"></a><div class="YtmCommentRendererHeader"><a href="/watch?v=k3Yq9wAcm3E&lc=bad id">x</a></div><p class="YtmCommentRendererText">hi</p></ytm-comment-renderer>',
      '<ytm-comment-renderer><a class="YtmCommentRendererIconContainer" href="/@x"></a><div class="YtmCommentRendererHeader"></div><p class="YtmCommentRendererText">hi <a href="/watch?v=k3Yq9wAcm3E&lc=UgzQ4mKx7TnB2vR9Wd54AaABAg">linked</a></p></ytm-comment-renderer>',
    ].join('');
    const roots = [...doc.querySelectorAll(youtube.postSelector)];
    expect(roots).toHaveLength(10);
    for (const r of roots) {
      expect(() => youtube.extractPost(r)).not.toThrow();
      expect(() => youtube.findReplyBox(r)).not.toThrow();
      expect(() => youtube.overlayAnchor(r)).not.toThrow();
      expect(youtube.extractPost(r)).toBeUndefined();
    }
    expect(youtube.extractPost(doc.createElement('div'))).toBeUndefined();
  });
});

describe('YouTube adapter, comments and posts laid out in other ways', () => {
  const page = (html: string) => {
    const doc = document.implementation.createHTMLDocument('youtube');
    doc.body.innerHTML = html;
    return doc;
  };
  const read = (doc: Document) => commentAndPostRoots(doc).map((r) => youtube.extractPost(r));
  const AT = '/watch?v=dQw4w9WgXcQ&amp;lc=';
  /** A desktop comment: its header (author and time), its text, and what else it holds. */
  const comment = (header: string, text = 'Great video about Acme Air', more = '') =>
    `<ytd-comment-thread-renderer><ytd-comment-view-model id="comment"><div id="body">${more}<div id="main"><div id="header-author">${header}</div>` +
    `<yt-attributed-string id="content-text"><span>${text}</span></yt-attributed-string></div></div></ytd-comment-view-model></ytd-comment-thread-renderer>`;
  const author = '<a id="author-text" href="/@quiet_one"><span>@quiet_one</span></a>';

  it("reads a comment whose time is plain text by its own lc= link elsewhere, never one in its text or in a reply's", () => {
    const [post] = read(page(comment(`${author}<span id="published-time-text">3 days ago</span><a href="${AT}UgwQuietOne0000000000AaABAg"></a>`)));
    expect(post).toEqual({
      platform: 'youtube',
      id: 'UgwQuietOne0000000000AaABAg',
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgwQuietOne0000000000AaABAg',
      author: { handle: 'quiet_one', profileUrl: 'https://www.youtube.com/@quiet_one' },
      text: 'Great video about Acme Air',
      publishedAt: ago(3 * DAY),
      isReply: true,
      threadId: 'dQw4w9WgXcQ',
    });
    // A link in its text names another comment.
    expect(read(page(comment(`${author}<span id="published-time-text">3 days ago</span>`, `see <a href="${AT}UgwOtherComment000000AaABAg">this</a>`)))).toEqual([undefined]);
    // A reply inside it is read with its own link, and lends it nothing.
    const reply = `<ytd-comment-view-model is-reply=""><div id="header-author"><a id="author-text" href="/@AcmeAir"></a><span id="published-time-text"><a href="${AT}UgwQuietOne0000000000AaABAg.AQwErTyUiOp1a">1 hour ago</a></span></div><yt-attributed-string id="content-text">Sorry!</yt-attributed-string></ytd-comment-view-model>`;
    const nested = read(page(comment(`${author}<span id="published-time-text">3 days ago</span>`, 'Great video about Acme Air', reply)));
    expect(nested.map((p) => p?.id)).toEqual([undefined, 'UgwQuietOne0000000000AaABAg.AQwErTyUiOp1a']);
  });

  it("takes a comment's author from its own avatar link where its name links nowhere, never from the reader's avatar in a reply box, else from the handle it shows", () => {
    const time = `<span id="published-time-text"><a href="${AT}UgwNoLinkUser00000000AaABAg">2 days ago</a></span>`;
    const avatar = '<div id="author-thumbnail"><a href="/@no_link_user"><img alt=""></a></div>';
    expect(read(page(comment(`<span id="author-text"><span>@no_link_user</span></span>${time}`, 'Acme Air, please add more legroom.', avatar)))[0]).toMatchObject({
      id: 'UgwNoLinkUser00000000AaABAg',
      author: { handle: 'no_link_user', profileUrl: 'https://www.youtube.com/@no_link_user' },
      text: 'Acme Air, please add more legroom.',
    });
    // A name that is not the handle is still read from #author-text.
    const named = read(page(comment(`<span id="author-text"><span>田中ゆき</span></span>${time}`, 'Acme Air', avatar.replace('/@no_link_user', '/channel/UCx7abcdefghijklmnopqrst'))))[0];
    expect(named!.author).toEqual({ handle: 'UCx7abcdefghijklmnopqrst', name: '田中ゆき', profileUrl: 'https://www.youtube.com/channel/UCx7abcdefghijklmnopqrst' });
    const replyBox = '<div id="reply-dialog"><ytd-commentbox><div id="author-thumbnail"><a href="/@reader"><img alt=""></a></div><div contenteditable="true"></div></ytd-commentbox></div>';
    expect(read(page(comment(`<span id="author-text"><span>田中ゆき</span></span>${time}`, 'Acme Air', replyBox)))).toEqual([undefined]);
    // With no link to its author at all, the @handle it shows names them (any script), and a name alone names no one.
    for (const box of [replyBox, '']) {
      expect(read(page(comment(`<span id="author-text"><span> @no_link_user </span></span>${time}`, 'Acme Air', box)))[0]!.author).toEqual({
        handle: 'no_link_user',
        profileUrl: 'https://www.youtube.com/@no_link_user',
      });
    }
    expect(read(page(comment(`<span id="author-text">@たなか.ゆき</span>${time}`, 'Acme Air')))[0]!.author).toEqual({
      handle: 'たなか.ゆき',
      profileUrl: 'https://www.youtube.com/@%E3%81%9F%E3%81%AA%E3%81%8B.%E3%82%86%E3%81%8D',
    });
    expect(read(page(comment(`<span id="author-text">Tanaka Yuki</span>${time}`, 'Acme Air')))).toEqual([undefined]);
    expect(read(page(comment(`<span id="author-text">@a b</span>${time}`, 'Acme Air')))).toEqual([undefined]);
    expect(read(page(comment(`<span id="author-text" hidden>@channel_owner</span>${time}`, 'Acme Air')))).toEqual([undefined]);
    expect(read(page(comment(`<span id="author-text">@café·bar</span>${time}`, 'Acme Air')))[0]!.author.handle).toBe('café·bar');
    // A community post's #author-text shows its channel's name, never read as a handle.
    const post =
      '<ytd-backstage-post-renderer><div id="author"><span id="author-text"><span>@home</span></span><yt-formatted-string id="published-time-text"><a href="/post/Ugkx1234">2 days ago</a></yt-formatted-string></div>' +
      '<yt-formatted-string id="content-text">New routes to Lisbon with Acme Air</yt-formatted-string></ytd-backstage-post-renderer>';
    expect(read(page(post))).toEqual([undefined]);
  });

  it("reads a comment whose author link is a channel's address from before handles (/user/<name>, /c/<name>)", () => {
    const time = `<span id="published-time-text"><a href="${AT}Ugz0e4qkkvVx3Ujmwp94AaABAg">1 week ago (edited)</a></span>`;
    for (const [href, kind] of [['https://www.youtube.com/user/Cotictimmy', 'user'], ['/c/Cotictimmy/', 'c']] as const)
      expect(read(page(comment(`<a id="author-text" href="${href}"><span> Cotictimmy </span></a>${time}`, 'I love flying Acme Air')))[0]).toMatchObject({
        id: 'Ugz0e4qkkvVx3Ujmwp94AaABAg',
        author: { handle: 'Cotictimmy', profileUrl: `https://www.youtube.com/${kind}/Cotictimmy` },
      });
    // Other pages of a channel, or of YouTube, name no one.
    for (const href of ['/user/Cotictimmy/videos', '/results?search_query=acme', '/c/'])
      expect(read(page(comment(`<a id="author-text" href="${href}"><span>Cotictimmy</span></a>${time}`, 'I love flying Acme Air')))).toEqual([undefined]);
  });

  it('reads short comment and post ids, and still tells a post from a video by its link', () => {
    expect(read(page(comment(`${author}<span id="published-time-text"><a href="${AT}UgzAcme01">1 day ago</a></span>`)))[0]).toMatchObject({ id: 'UgzAcme01', threadId: 'dQw4w9WgXcQ' });
    const post =
      '<ytd-backstage-post-renderer><div id="author"><a id="author-text" href="/@AcmeAir"><span>Acme Air</span></a><yt-formatted-string id="published-time-text"><a href="/post/Ugkx1234">2 days ago</a></yt-formatted-string></div>' +
      '<yt-formatted-string id="content-text">New routes to Lisbon</yt-formatted-string></ytd-backstage-post-renderer>';
    const onPost = `<ytd-comment-thread-renderer><ytd-comment-view-model id="comment"><div id="header-author">${author}<span id="published-time-text"><a href="/post/Ugkx1234?lc=UgzPostC01">1 day ago</a></span></div><yt-attributed-string id="content-text">Finally!</yt-attributed-string></ytd-comment-view-model></ytd-comment-thread-renderer>`;
    const [read0, read1] = read(page(post + onPost));
    expect(read0).toMatchObject({ id: 'Ugkx1234', url: 'https://www.youtube.com/post/Ugkx1234', author: { handle: 'AcmeAir' }, publishedAt: ago(2 * DAY) });
    expect(read1).toMatchObject({ id: 'UgzPostC01', threadId: 'Ugkx1234', inReplyTo: 'AcmeAir' });
    // A video whose id could be a short post's is still a video: its comments answer its channel.
    const video = 'UgxVideo123';
    const watch =
      `<ytd-watch-flexy video-id="${video}"><ytd-video-owner-renderer><ytd-channel-name><a href="/@FlightReviewer">Flight Reviewer</a></ytd-channel-name></ytd-video-owner-renderer>` +
      comment(`${author}<span id="published-time-text"><a href="/watch?v=${video}&amp;lc=UgzOnVideo01">1 day ago</a></span>`) +
      '</ytd-watch-flexy>';
    expect(read(page(watch))[0]).toMatchObject({ id: 'UgzOnVideo01', threadId: video, inReplyTo: 'FlightReviewer' });
  });

  it('gives comments and posts the time they show, edited or not, and none for text that is no time', () => {
    const shown = (time: string) => read(page(comment(`${author}<span id="published-time-text"><a href="${AT}UgwQuietOne0000000000AaABAg">${time}</a></span>`)))[0]!.publishedAt;
    expect(shown('3 hours ago (edited)')).toEqual(ago(3 * HOUR));
    expect(shown('vor 2 Tagen (bearbeitet)')).toEqual(ago(2 * DAY));
    expect(shown('2 weeks ago')).toEqual(ago(14 * DAY));
    const months = new Date();
    months.setUTCMonth(months.getUTCMonth() - 5);
    expect(shown('5 months ago')).toEqual(ago(Date.now() - months.getTime()));
    for (const none of ['', 'Premiered', 'shared 2 hours ago', '3 hours']) expect(shown(none)).toBeUndefined();
    // A repost's "shared 2 hours ago" is not read; the post it shares is, as its own.
    const { posts } = readCommentsAndPosts('posts-shared');
    expect(posts[0]!.publishedAt).toBeUndefined();
    expect(posts[1]!.publishedAt).toEqual(ago(7 * DAY));
  });
});
