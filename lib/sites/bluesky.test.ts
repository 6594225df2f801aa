import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bluesky } from './bluesky';
import { firstRead, readFixture, resetPageUrl } from './fixture-testing';

/** niceDate() output is local time; the expected instant is that wall-clock time here. */
const local = (month: number, day: number, hour: number, minute: number) =>
  new Date(2024, month - 1, day, hour, minute).toISOString();

// Pages are read at the address they were saved from (their "saved from url" comment), so the page URL is real.
afterAll(resetPageUrl);

describe('Bluesky adapter: timeline', () => {
  let doc: Document;
  let roots: Element[];
  let posts: ReturnType<typeof bluesky.extractPost>[];
  beforeAll(() => {
    ({ doc, roots, posts } = readFixture(bluesky, 'timeline', { atSavedUrl: true }));
  });

  it('finds every post root and reads those it understands', () => {
    expect(roots).toHaveLength(14);
    expect(posts.filter(Boolean)).toHaveLength(12);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    roots.forEach((root, i) => {
      if (posts[i]) expect(bluesky.getPostId(root)).toBe(posts[i]!.id);
    });
  });

  it('never selects a wrapper of several posts nor a part of one', () => {
    for (const root of roots) {
      expect(root.querySelector(bluesky.postSelector)).toBeNull();
      expect(root.parentElement?.closest(bluesky.postSelector)).toBeNull();
    }
  });

  it('reads every field of a top-level post', () => {
    expect(posts[0]).toEqual({
      platform: 'bluesky',
      id: 'mayachen.bsky.social/3ksed5m4a2225',
      url: 'https://bsky.app/profile/mayachen.bsky.social/post/3ksed5m4a2225',
      author: { handle: 'mayachen.bsky.social', name: 'Maya Chen', profileUrl: 'https://bsky.app/profile/mayachen.bsky.social' },
      text: 'Third time I ask: my order from @acmeair.bsky.social never arrived and support is useless. Still waiting for a refund 😡 #acmefail',
      publishedAt: local(5, 13, 9, 12),
      isReply: false,
    });
    expect(posts[1]).toMatchObject({ author: { handle: 'tbecker.bsky.social', name: 'Tom Becker' }, text: expect.stringContaining('Acme Air crew') });
    expect(posts[2]!.text).toBe('Baking an apple pie tonight, anyone have a good crust recipe?');
  });

  it('gives a repost to the original author, not the reposter', () => {
    expect(posts[3]).toMatchObject({
      id: 'acmeair.bsky.social/3kschsly5k22a',
      author: { handle: 'acmeair.bsky.social', name: 'Acme Air' },
      text: 'Our spring schedule is live. Book now at acmeair.com/spring',
      isReply: false,
    });
    expect(posts[3]!.quoted).toBeUndefined();
  });

  it("keeps a quoted post's text out of the quoting post", () => {
    expect(posts[4]).toMatchObject({ author: { handle: 'ninarossi.bsky.social' }, text: 'Switched to SkyJet and honestly never looking back' });
    expect(posts[4]!.quoted).toEqual({
      author: 'acmeair.bsky.social',
      text: 'We are updating our baggage policy.',
      url: 'https://bsky.app/profile/acmeair.bsky.social/post/3ks4ugocm222b',
    });
  });

  it('reads the quote card bsky.app renders since February 2026, whose name and time link nowhere', () => {
    expect(posts[13]).toMatchObject({
      id: 'omar.bsky.social/3kse4d7qxs22c',
      author: { handle: 'omar.bsky.social', name: 'Omar Haddad' },
      text: 'This. Three weeks and still no refund for the bag fee they charged me twice.',
      isReply: false,
    });
    // The card is labelled with its author's handle; nothing on the page names the quoted post itself.
    expect(posts[13]!.quoted).toEqual({ author: 'acmeair.bsky.social', text: 'Checked bags on Basic fares are $35 from June 1.' });
    expect(bluesky.peek!(roots[13]!)!.text).toBe(
      'This. Three weeks and still no refund for the bag fee they charged me twice.\nChecked bags on Basic fares are $35 from June 1.',
    );
  });

  it('counts the quoted post in the first read, which decides whether a brand is named', () => {
    expect(bluesky.peek!(roots[4]!)).toEqual({
      text: 'Switched to SkyJet and honestly never looking back\nWe are updating our baggage policy.',
      authorHandle: 'ninarossi.bsky.social',
      // Whose post it quotes, so that a quote of the brand's post is read whatever it says.
      quotes: 'acmeair.bsky.social',
    });
    expect(bluesky.peek!(roots[13]!)!.quotes).toBe('acmeair.bsky.social');
  });

  it('reads image-only and non-English posts', () => {
    expect(posts[5]).toMatchObject({ id: 'photofan.bsky.social/3kse23wfek22d', text: '' });
    expect(posts[6]!.text).toBe('Vol Acme Air annulé sans prévenir, merci pour rien @acmeair.bsky.social 😤');
  });

  it('marks replies: "Replied to" names the parent, a slice child answers the item above it', () => {
    expect(posts[7]).toMatchObject({ author: { handle: 'kenji.dev' }, isReply: true, inReplyTo: 'Acme Air' });
    expect(posts[7]!.threadId).toBeUndefined();
    expect(posts[8]).toMatchObject({ id: 'acmeair.bsky.social/3ksdv2ykh222g', isReply: false, threadId: 'acmeair.bsky.social/3ksdv2ykh222g' });
    expect(posts[9]).toEqual({
      platform: 'bluesky',
      id: 'dana.bsky.social/3ksdw6qxk222h',
      url: 'https://bsky.app/profile/dana.bsky.social/post/3ksdw6qxk222h',
      author: { handle: 'dana.bsky.social', name: 'Dana Whitfield', profileUrl: 'https://bsky.app/profile/dana.bsky.social' },
      text: 'Delayed again, three hours now #acmefail',
      publishedAt: local(5, 13, 5, 20),
      isReply: true,
      inReplyTo: 'acmeair.bsky.social',
      threadId: 'acmeair.bsky.social/3ksdv2ykh222g',
    });
  });

  it('reads a post quoting a blocked post without a quote', () => {
    expect(posts[10]).toMatchObject({ author: { handle: 'samr.bsky.social' }, text: 'Can’t believe they said this 👇' });
    expect(posts[10]!.quoted).toBeUndefined();
  });

  it('peeks at the text (its own and what it quotes) and author the full read gives, and not at a post it cannot read yet', () => {
    roots.forEach((root, i) => {
      if (!posts[i]) return;
      const { quotes, repliesTo, ...read } = bluesky.peek!(root)!;
      expect(read).toEqual(firstRead(posts[i]!));
      expect(quotes).toBe(posts[i]!.quoted?.author);
      expect(repliesTo).toBe(posts[i]!.inReplyTo);
    });
    expect(bluesky.peek!(roots[11]!)).toBeUndefined();
  });

  it('skips a post behind a moderation warning until it is revealed', () => {
    expect(posts[11]).toBeUndefined();
    const root = roots[11]!.cloneNode(true) as Element;
    const hider = root.querySelector('[data-testid="contentHider-post"]')!;
    hider.insertAdjacentHTML('beforeend', '<div class="css-175oi2r"><div class="css-175oi2r"><div dir="auto" data-word-wrap="1" data-testid="postText" class="css-146c3p1">Night flight views</div></div></div>');
    expect(bluesky.extractPost(root)).toMatchObject({ author: { handle: 'nightowl.bsky.social' }, text: 'Night flight views' });
  });

  it('skips posts whose markup it does not understand, without throwing', () => {
    expect(posts[12]).toBeUndefined();
    expect(bluesky.getPostId(roots[12]!)).toBeUndefined();
    const junk = doc.createElement('div');
    junk.setAttribute('data-testid', 'feedItem-by-x');
    junk.innerHTML = '<a href="/profile/%E0%A4%A/post/abc" data-tooltip="Smarch 99, 20">x</a><div data-testid="contentHider-post"></div>';
    expect(() => bluesky.extractPost(junk)).not.toThrow();
    expect(bluesky.extractPost(junk)).toBeUndefined();
    expect(bluesky.extractPost(doc.createElement('div'))).toBeUndefined();
  });

  it('anchors the overlay in the author line and finds no reply box while the composer is closed', () => {
    const anchor = bluesky.overlayAnchor(roots[0]!)!;
    expect(roots[0]!.contains(anchor)).toBe(true);
    expect(anchor.querySelector('a[data-tooltip]')).not.toBeNull();
    expect(bluesky.findReplyBox(roots[0]!)).toBeUndefined();
  });
});

describe('Bluesky adapter: thread page', () => {
  let doc: Document;
  let roots: Element[];
  let posts: ReturnType<typeof bluesky.extractPost>[];
  beforeAll(() => {
    ({ doc, roots, posts } = readFixture(bluesky, 'thread', { atSavedUrl: true }));
  });

  it('finds the thread items (not the deleted one) and reads them all', () => {
    expect(roots).toHaveLength(5);
    expect(posts.filter(Boolean)).toHaveLength(5);
    expect(new Set(posts.map((p) => p!.id)).size).toBe(5);
  });

  it('reads the thread root and the highlighted reply, whose permalink comes from its stats links', () => {
    expect(posts[0]).toMatchObject({ id: 'acmeair.bsky.social/3ksdv2ykh222g', isReply: false, threadId: 'acmeair.bsky.social/3ksdv2ykh222g' });
    expect(posts[1]).toEqual({
      platform: 'bluesky',
      id: 'dana.bsky.social/3ksdw6qxk222h',
      url: 'https://bsky.app/profile/dana.bsky.social/post/3ksdw6qxk222h',
      author: { handle: 'dana.bsky.social', name: 'Dana Whitfield', profileUrl: 'https://bsky.app/profile/dana.bsky.social' },
      text: 'Delayed again, three hours now #acmefail',
      publishedAt: local(5, 13, 5, 20),
      isReply: true,
      inReplyTo: 'acmeair.bsky.social',
      threadId: 'acmeair.bsky.social/3ksdv2ykh222g',
    });
  });

  it('falls back to the page URL for a highlighted post without engagement', () => {
    const anchor = roots[1]!.cloneNode(true) as Element;
    for (const a of anchor.querySelectorAll('a[href$="/liked-by"], a[href$="/reposted-by"]')) a.remove();
    expect(bluesky.getPostId(anchor)).toBe('dana.bsky.social/3ksdw6qxk222h');
  });

  it('links each reply to what it answers', () => {
    expect(posts[2]).toEqual({
      platform: 'bluesky',
      id: 'acmeair.bsky.social/3ksdy5dohc22l',
      url: 'https://bsky.app/profile/acmeair.bsky.social/post/3ksdy5dohc22l',
      author: { handle: 'acmeair.bsky.social', name: 'Acme Air', profileUrl: 'https://bsky.app/profile/acmeair.bsky.social' },
      text: '@dana.bsky.social we’re sorry, rebooking options are in the app under My Trips.',
      publishedAt: local(5, 13, 5, 55),
      isReply: true,
      inReplyTo: 'dana.bsky.social',
      threadId: 'acmeair.bsky.social/3ksdv2ykh222g',
    });
    expect(posts[3]).toMatchObject({ author: { handle: 'dana.bsky.social' }, isReply: true, inReplyTo: 'acmeair.bsky.social' });
    expect(posts[4]).toMatchObject({
      author: { handle: 'jonas.bsky.social', name: 'Jonas Weber' },
      text: 'Bei mir genauso, Acme Air ist in letzter Zeit wirklich unzuverlässig geworden.',
      isReply: true,
      inReplyTo: 'dana.bsky.social',
    });
  });

  it('finds the open composer only for the post it replies to', () => {
    const box = bluesky.findReplyBox(roots[2]!);
    expect(box?.getAttribute('contenteditable')).toBe('true');
    expect(box?.closest('[data-testid="composePostView"]')).not.toBeNull();
    expect(bluesky.findReplyBox(roots[1]!)).toBeUndefined();
    expect(bluesky.findReplyBox(roots[4]!)).toBeUndefined();
  });

  it('anchors the highlighted post overlay at its author line', () => {
    const anchor = bluesky.overlayAnchor(roots[1]!)!;
    expect(roots[1]!.contains(anchor)).toBe(true);
    expect(anchor.querySelector('a[href="/profile/dana.bsky.social"]')).not.toBeNull();
  });
});
