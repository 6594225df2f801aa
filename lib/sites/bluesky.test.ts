import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bluesky } from './bluesky';
import { firstRead, loadFixture, readFixture, resetPageUrl } from './fixture-testing';
import { postRoots } from './types';

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

  it('names the author from the post\'s own line when the repost line links the author too (a self-repost)', () => {
    const self = roots[3]!.cloneNode(true) as Element;
    const reason = [...self.querySelectorAll('a[aria-label^="Reposted by"]')][0]!;
    reason.setAttribute('href', '/profile/acmeair.bsky.social');
    reason.setAttribute('aria-label', 'Reposted by Acme Air');
    reason.querySelector('div[dir="auto"]')!.textContent = 'Reposted by Acme Air';
    expect(bluesky.extractPost(self)).toMatchObject({ author: { handle: 'acmeair.bsky.social', name: 'Acme Air' } });
  });

  it('reads the text of a post of its author\'s own thread without the "3/5" that numbers it (August 2026)', () => {
    const numbered = roots[0]!.cloneNode(true) as Element;
    numbered
      .querySelector('[data-testid="postText"]')!
      .insertAdjacentHTML('beforeend', ' <div class="css-175oi2r"><div dir="auto" aria-label="Post 3 of 5" class="css-146c3p1">3/5</div></div>');
    expect(bluesky.extractPost(numbered)!.text).toBe(posts[0]!.text);
    expect(bluesky.peek!(numbered)!.text).toBe(posts[0]!.text);
    // A text that is itself "3/5" is kept.
    const plain = roots[0]!.cloneNode(true) as Element;
    plain.querySelector('[data-testid="postText"]')!.textContent = '3/5';
    expect(bluesky.extractPost(plain)!.text).toBe('3/5');
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

  it('reads a "Replied to" line that is a plain block, and "@handle" as the handle; never a link card\'s title', () => {
    const line = (root: Element) => [...root.querySelectorAll('div[dir="auto"]')].find((el) => /^Replied to/.test(el.textContent!.trim()))!;
    const plain = roots[7]!.cloneNode(true) as Element;
    line(plain).replaceWith(Object.assign(doc.createElement('div'), { textContent: 'Replied to Acme Air' }));
    expect(bluesky.extractPost(plain)).toMatchObject({ isReply: true, inReplyTo: 'Acme Air' });
    const handle = roots[7]!.cloneNode(true) as Element;
    line(handle).innerHTML = 'Reply to <a href="/profile/acmeair.bsky.social">@acmeair.bsky.social</a>';
    expect(bluesky.extractPost(handle)).toMatchObject({ isReply: true, inReplyTo: 'acmeair.bsky.social' });
    expect(bluesky.peek!(handle)!.repliesTo).toBe('acmeair.bsky.social');
    // A display name the label links to its profile (ReplyToLabel) is read as that profile's handle; one linked by DID
    // only, or not linked, as the name.
    const named = roots[7]!.cloneNode(true) as Element;
    line(named).innerHTML = 'Reply to <a href="/profile/acmeair.bsky.social" role="link"><span>Acme Air</span></a>';
    expect(bluesky.extractPost(named)).toMatchObject({ isReply: true, inReplyTo: 'acmeair.bsky.social' });
    expect(bluesky.peek!(named)!.repliesTo).toBe('acmeair.bsky.social');
    const byDid = roots[7]!.cloneNode(true) as Element;
    line(byDid).innerHTML = 'Reply to <a href="/profile/did:plc:abcdefghijklmnop" role="link"><span>Acme Air</span></a>';
    expect(bluesky.extractPost(byDid)).toMatchObject({ isReply: true, inReplyTo: 'Acme Air' });
    const card = roots[0]!.cloneNode(true) as Element;
    card.querySelector('[data-testid="postText"]')!.insertAdjacentHTML('afterend', '<a href="https://example.com/a"><div>Reply to critics of the new fees</div></a>');
    // The card's site is written after the text; its title is nothing else.
    expect(bluesky.extractPost(card)).toEqual({ ...posts[0], text: `${posts[0]!.text}\nexample.com` });
  });

  it('reads the "Reply to" line in the reader\'s language by its one link to a profile, never the repost line or a name line', () => {
    const line = (root: Element) => [...root.querySelectorAll('div[dir="auto"]')].find((el) => /^Replied to/.test(el.textContent!.trim()))!;
    const label = (html: string) => {
      const copy = roots[7]!.cloneNode(true) as Element;
      line(copy).innerHTML = html;
      return copy;
    };
    for (const html of [
      'Respuesta a <a href="/profile/acmeair.bsky.social" role="link"><span>Acme Air</span></a>',
      '<a href="/profile/acmeair.bsky.social" role="link">Acme Air</a> への返信',
      'Antwort an <a href="https://bsky.app/profile/acmeair.bsky.social" role="link">Acme Air</a>',
    ]) {
      const reply = label(html);
      expect(bluesky.extractPost(reply), html).toMatchObject({ isReply: true, inReplyTo: 'acmeair.bsky.social' });
      expect(bluesky.peek!(reply)!.repliesTo, html).toBe('acmeair.bsky.social');
    }
    // Not a reply line: a whole line that is a link (the repost line), a name line with a handle or a time, a DID link.
    for (const html of [
      '<a href="/profile/acmeair.bsky.social" role="link">Reposteado por Acme Air</a>',
      '<a href="/profile/acmeair.bsky.social" role="link">Acme Air</a> @acmeair.bsky.social',
      '<a href="/profile/acmeair.bsky.social" role="link">Acme Air</a> · 2 h',
      'Respuesta a <a href="/profile/did:plc:abcdefghijklmnop" role="link">Acme Air</a>',
    ]) {
      expect(bluesky.extractPost(label(html)), html).toMatchObject({ isReply: false });
    }
  });

  it('names the author from links written in full (https://bsky.app/profile/…)', () => {
    const full = roots[0]!.cloneNode(true) as Element;
    for (const a of full.querySelectorAll('a[href^="/profile/"]')) a.setAttribute('href', `https://bsky.app${a.getAttribute('href')}`);
    expect(bluesky.extractPost(full)).toEqual(posts[0]);
  });

  it('reads a feed item without its role (a View with the testID), unless it wraps a post listed inside it', () => {
    const item = roots[0]!.cloneNode(true) as Element;
    item.removeAttribute('role');
    item.removeAttribute('tabindex');
    expect(item.matches(bluesky.postSelector)).toBe(true);
    expect(bluesky.extractPost(item)).toEqual(posts[0]);
    expect(bluesky.peek!(item)).toMatchObject(firstRead(posts[0]!));
    // As on the notifications page: the View holds the post as an unlabelled link block, which is the post read.
    const listed = doc.createElement('div');
    listed.setAttribute('role', 'link');
    listed.append(...item.childNodes);
    item.append(listed);
    expect(item.matches(bluesky.postSelector)).toBe(false);
    // A quote card inside (labelled) does not make it a wrapper.
    const quoting = roots[13]!.cloneNode(true) as Element;
    quoting.removeAttribute('role');
    expect(quoting.matches(bluesky.postSelector)).toBe(true);
    expect(bluesky.extractPost(quoting)).toEqual(posts[13]);
  });

  it('reads a time link with no tooltip nor label: its time element, its title, else its record key; never another post\'s link', () => {
    const bare = () => {
      const root = roots[0]!.cloneNode(true) as Element;
      const a = root.querySelector('a[href*="/post/"][data-tooltip]')!;
      a.removeAttribute('data-tooltip');
      a.removeAttribute('aria-label');
      return { root, a };
    };
    const { root, a } = bare();
    expect(bluesky.extractPost(root)).toMatchObject({ id: posts[0]!.id, author: posts[0]!.author, text: posts[0]!.text });
    a.innerHTML = '<time datetime="2024-05-13T09:12:00.000Z">2h</time>';
    expect(bluesky.extractPost(root)).toEqual({ ...posts[0], publishedAt: '2024-05-13T09:12:00.000Z' });
    a.innerHTML = '2h';
    a.setAttribute('title', 'May 13, 2024 at 9:12 AM');
    expect(bluesky.extractPost(root)).toEqual(posts[0]);
    // A link to a post by someone else, or one after the text (as a link in it or under it), is not the post's own.
    const other = bare();
    other.a.setAttribute('href', '/profile/acmeair.bsky.social/post/3ksed5m4a2225');
    expect(bluesky.extractPost(other.root)).toBeUndefined();
    const after = bare();
    after.root.querySelector('[data-testid="postText"]')!.after(after.a);
    expect(bluesky.extractPost(after.root)).toBeUndefined();
  });

  it('reads a post quoting a blocked post without a quote', () => {
    expect(posts[10]).toMatchObject({ author: { handle: 'samr.bsky.social' }, text: 'Can’t believe they said this 👇' });
    expect(posts[10]!.quoted).toBeUndefined();
  });

  it('peeks at the text (its own and what it quotes) and author the full read gives, and not at a post it cannot read yet', () => {
    roots.forEach((root, i) => {
      if (!posts[i]) return;
      const { repliesTo, ...read } = bluesky.peek!(root)!;
      expect(read).toEqual(firstRead(posts[i]!));
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

  it('reads a highlighted post that starts the thread as no reply: before it stands only the page\'s empty scroll marker', () => {
    const first = roots[0]!;
    const [parent, next] = [first.parentElement!, first.nextSibling];
    const anchor = roots[1]!;
    const line = anchor.previousElementSibling!;
    const marker = doc.createElement('div');
    marker.className = 'css-175oi2r';
    first.remove();
    try {
      line.replaceWith(marker);
      expect(bluesky.extractPost(anchor)).toMatchObject({ isReply: false, threadId: 'dana.bsky.social/3ksdw6qxk222h' });
      // With its parent's line after the marker, it answers a post above it.
      marker.after(line);
      expect(bluesky.extractPost(anchor)).toMatchObject({ isReply: true });
    } finally {
      marker.remove();
      parent.insertBefore(first, next);
    }
    expect(bluesky.extractPost(anchor)).toEqual(posts[1]);
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

  it('reads the reply line the same where a reply\'s rows sit in a wrapper of their own', () => {
    // Link renders some items as Pressable > View, the View holding the rows; the thread's replies have no such View.
    const wrap = (item: Element) => {
      const view = doc.createElement('div');
      view.className = 'css-175oi2r';
      view.append(...item.childNodes);
      item.append(view);
      return () => {
        item.append(...view.childNodes);
        view.remove();
      };
    };
    // Pete answers the highlighted post (no line joins him to Jonas's reply above him).
    const pete = roots[4]!.cloneNode(true) as Element;
    pete.setAttribute('data-testid', 'postThreadItem-by-pete.bsky.social');
    for (const a of pete.querySelectorAll('a[href^="/profile/jonas.bsky.social"]'))
      a.setAttribute('href', a.getAttribute('href')!.replace('jonas.bsky.social', 'pete.bsky.social').replace(/\/post\/[^/]+/, '/post/3kse7petez22s'));
    roots[4]!.after(pete);
    const unwrap = [roots[2]!, roots[3]!, roots[4]!, pete].map(wrap);
    try {
      for (const i of [2, 3, 4]) expect(bluesky.extractPost(roots[i]!)).toEqual(posts[i]);
      expect(bluesky.extractPost(pete)).toMatchObject({ author: { handle: 'pete.bsky.social' }, isReply: true, inReplyTo: 'dana.bsky.social' });
    } finally {
      unwrap.forEach((f) => f());
      pete.remove();
    }
  });

  it('joins the first reply to the highlighted post across the "Write your reply" prompt between them', () => {
    const prompt = doc.createElement('div');
    prompt.innerHTML = '<button aria-label="Compose reply" role="button"><div dir="auto">Write your reply</div></button>';
    roots[2]!.before(prompt);
    try {
      expect(bluesky.extractPost(roots[2]!)).toEqual(posts[2]);
    } finally {
      prompt.remove();
    }
  });

  it('gives a reply under a post shown as deleted or blocked no one it answers, never the item above that post', () => {
    // Dana's answer to the brand, joined to the brand's reply above it by the reply line.
    const answer = roots[3]!;
    expect(bluesky.extractPost(answer)).toMatchObject({ inReplyTo: 'acmeair.bsky.social' });
    const gone = doc.createElement('div');
    gone.innerHTML = '<div dir="auto">Post has been deleted</div>';
    answer.before(gone);
    try {
      expect(bluesky.extractPost(answer)).toMatchObject({ isReply: true, inReplyTo: undefined, threadId: 'acmeair.bsky.social/3ksdv2ykh222g' });
      // An empty spacer between them is nothing shown.
      gone.innerHTML = '<div style="height: 4px"></div>';
      expect(bluesky.extractPost(answer)).toEqual(posts[3]);
    } finally {
      gone.remove();
    }
  });

  it('finds the highlighted post by the page address where it has a permalink of its own', () => {
    const anchor = roots[1]!;
    const jonas = roots[4]!;
    // A reply with no line to the item above it: it answers the highlighted post.
    const pete = jonas.cloneNode(true) as Element;
    pete.setAttribute('data-testid', 'postThreadItem-by-pete.bsky.social');
    for (const a of pete.querySelectorAll('a[href^="/profile/jonas.bsky.social"]'))
      a.setAttribute('href', a.getAttribute('href')!.replace('jonas.bsky.social', 'pete.bsky.social').replace(/\/post\/[^/]+/, '/post/3kse7petez22s'));
    jonas.after(pete);
    const before = anchor.innerHTML;
    const date = [...anchor.querySelectorAll('div[dir="auto"]')].find((el) => /\d{4}/.test(el.textContent ?? '') && !el.closest('[data-word-wrap]'))!;
    const shown = date.textContent!;
    date.innerHTML = `<a href="/profile/dana.bsky.social/post/3ksdw6qxk222h" aria-label="${shown}" data-tooltip="${shown}">${shown}</a>`;
    anchor.setAttribute('role', 'link');
    try {
      expect(bluesky.extractPost(anchor)).toMatchObject({ id: 'dana.bsky.social/3ksdw6qxk222h', isReply: true, inReplyTo: 'acmeair.bsky.social' });
      expect(bluesky.extractPost(pete)).toMatchObject({ author: { handle: 'pete.bsky.social' }, isReply: true, inReplyTo: 'dana.bsky.social' });
    } finally {
      pete.remove();
      anchor.removeAttribute('role');
      anchor.innerHTML = before;
    }
    expect(bluesky.extractPost(anchor)).toEqual(posts[1]);
  });

  it('finds the open composer only for the post it replies to', () => {
    const box = bluesky.findReplyBox(roots[2]!);
    expect(box?.getAttribute('contenteditable')).toBe('true');
    expect(box?.closest('[data-testid="composePostView"]')).not.toBeNull();
    expect(bluesky.findReplyBox(roots[1]!)).toBeUndefined();
    expect(bluesky.findReplyBox(roots[4]!)).toBeUndefined();
  });

  it('reads a thread the same way when the thread read before it is still in the page, hidden', () => {
    // bsky.app keeps the screens read before mounted, with display: none (Home and the last few).
    const page = loadFixture('bluesky', 'thread');
    const before = loadFixture('bluesky', 'link-card').querySelector('[data-testid="postThreadScreen"]')!;
    const hidden = page.createElement('div');
    hidden.style.display = 'none';
    hidden.append(page.importNode(before, true));
    page.querySelector('[data-testid="postThreadScreen"]')!.before(hidden);
    const all = postRoots(bluesky, page);
    expect(all.length).toBeGreaterThan(roots.length);
    expect(all.slice(-roots.length).map((r) => bluesky.extractPost(r))).toEqual(posts);
    // The hidden thread's own items are read as its own.
    expect(bluesky.extractPost(all[1]!)).toMatchObject({ isReply: true, inReplyTo: 'marcosilva.bsky.social', threadId: 'marcosilva.bsky.social/3lj4abcde2k2x' });
  });

  it('anchors the highlighted post overlay at its author line', () => {
    const anchor = bluesky.overlayAnchor(roots[1]!)!;
    expect(roots[1]!.contains(anchor)).toBe(true);
    expect(anchor.querySelector('a[href="/profile/dana.bsky.social"]')).not.toBeNull();
  });
});

describe('Bluesky adapter: thread page in the tree view', () => {
  const { doc, roots, posts } = readFixture(bluesky, 'thread-tree', { atSavedUrl: true });
  afterAll(resetPageUrl);

  it('reads every reply, each answering the nearest reply above it one level shallower, else the highlighted post', () => {
    expect(roots).toHaveLength(7);
    expect(posts.map((p) => p && [p.id, p.inReplyTo])).toEqual([
      ['acmeair.bsky.social/3ksdv2ykh222g', undefined],
      ['dana.bsky.social/3ksdw6qxk222h', 'acmeair.bsky.social'],
      ['acmeair.bsky.social/3ksdy5dohc22l', 'dana.bsky.social'],
      ['dana.bsky.social/3ksdyy5ybk22m', 'acmeair.bsky.social'],
      ['acmeair.bsky.social/3ksdzq7wnc22p', 'dana.bsky.social'],
      // Beside a deeper reply, Jonas answers the brand's first reply, not Acme Air's last one (nor Dana).
      ['jonas.bsky.social/3kse2hjrtk22q', 'acmeair.bsky.social'],
      ['priya.bsky.social/3kse4mvxbs22r', 'dana.bsky.social'],
    ]);
    expect(posts[5]).toMatchObject({
      author: { handle: 'jonas.bsky.social', name: 'Jonas Weber' },
      text: 'Gilt das auch für Flüge ab München? Acme Air hat meinen auch gestrichen.',
      isReply: true,
      threadId: 'acmeair.bsky.social/3ksdv2ykh222g',
    });
    expect(posts[6]).toMatchObject({ author: { name: 'Priya Nair' }, isReply: true, threadId: 'acmeair.bsky.social/3ksdv2ykh222g' });
    expect(posts.slice(2).every((p) => p?.isReply)).toBe(true);
  });

  it('takes the nesting from the columns before a reply, whatever stands beside it', () => {
    // Without its elbow a reply is read as one of the first level, answering the highlighted post.
    const jonas = roots[5]!;
    const elbow = jonas.firstElementChild!.firstElementChild!;
    elbow.remove();
    try {
      expect(bluesky.extractPost(jonas)).toMatchObject({ inReplyTo: 'dana.bsky.social' });
    } finally {
      jonas.firstElementChild!.prepend(elbow);
    }
    // One column more puts it under Dana's reply (level 2), answering her.
    const row = jonas.parentElement!.parentElement!;
    const column = row.firstElementChild!.cloneNode(true) as Element;
    row.prepend(column);
    try {
      expect(bluesky.extractPost(jonas)).toMatchObject({ inReplyTo: 'dana.bsky.social' });
      expect(bluesky.extractPost(roots[4]!)).toMatchObject({ inReplyTo: 'dana.bsky.social' });
    } finally {
      column.remove();
    }
    expect(bluesky.extractPost(jonas)).toEqual(posts[5]);
    expect(doc.querySelectorAll('[data-testid^="postThreadItem-by-"]')).toHaveLength(7);
  });
});

describe('Bluesky adapter: notifications (posts listed on their own, as in search results)', () => {
  const { roots, posts } = readFixture(bluesky, 'notifications', { at: 'https://bsky.app/notifications' });

  it('finds the replies, mentions and quotes, each an unlabelled link block with no testID, and skips a like', () => {
    expect(roots).toHaveLength(5);
    expect(roots.slice(0, 4).every((r) => r.matches('div[role="link"]:not([data-testid])'))).toBe(true);
    // As bsky.app shows them now, inside a View with their author's feedItem testID (no role: not a feed item); or not.
    expect(roots.slice(0, 4).map((r) => r.parentElement!.matches('[data-testid^="feedItem-by-"]:not([role])'))).toEqual([true, true, true, false]);
    expect(posts.slice(0, 4).every(Boolean)).toBe(true);
    expect(posts[4]).toBeUndefined();
    expect(roots.slice(0, 4).map((r) => bluesky.getPostId(r))).toEqual(posts.slice(0, 4).map((p) => p!.id));
  });

  it('reads every field of a reply to the brand', () => {
    expect(posts[0]).toEqual({
      platform: 'bluesky',
      id: 'mayachen.bsky.social/3lzq2ckva3k2a',
      url: 'https://bsky.app/profile/mayachen.bsky.social/post/3lzq2ckva3k2a',
      author: { handle: 'mayachen.bsky.social', name: 'Maya Chen', profileUrl: 'https://bsky.app/profile/mayachen.bsky.social' },
      text: '@acmeair.bsky.social still no refund for order 48213, three weeks now 😡',
      publishedAt: new Date(2026, 9, 1, 9, 12).toISOString(),
      isReply: true,
      inReplyTo: 'Acme Air',
    });
    expect(posts[1]).toMatchObject({ author: { handle: 'tomb.bsky.social' }, isReply: false, inReplyTo: undefined });
  });

  it('keeps a quoted post apart (its card is not a post of the list), and reads a numbered post without its number', () => {
    expect(posts[2]).toMatchObject({ text: 'Switched to SkyJet after this, honestly', quoted: { author: 'acmeair.bsky.social', text: 'We are updating our baggage policy.' } });
    expect(posts[3]!.text).toBe('Day two with @acmeair.bsky.social: the lounge in Porto is lovely');
  });

  it('gives a first read that agrees with the full read, with whom a reply answers', () => {
    for (const [i, post] of posts.slice(0, 4).entries()) expect(bluesky.peek!(roots[i]!)).toMatchObject(firstRead(post!));
    expect(bluesky.peek!(roots[0]!)!.repliesTo).toBe('Acme Air');
  });

  it('does not read an older quote card (unlabelled, with a time link of its own) as a post of the list', () => {
    const older = roots[2]!.cloneNode(true) as Element;
    const card = older.querySelector('div[aria-label^="Post by"]')!;
    card.removeAttribute('aria-label');
    card.insertAdjacentHTML('afterbegin', '<a href="/profile/acmeair.bsky.social/post/3lzpyyab2ak2a" aria-label="Sep 28, 2026 at 8:00 AM" data-tooltip="Sep 28, 2026 at 8:00 AM">3d</a>');
    roots[2]!.after(older);
    try {
      expect(card.matches(bluesky.postSelector)).toBe(true);
      expect(bluesky.extractPost(card)).toBeUndefined();
      expect(bluesky.getPostId(card)).toBeUndefined();
      expect(bluesky.extractPost(older)).toMatchObject({ id: posts[2]!.id, quoted: { url: 'https://bsky.app/profile/acmeair.bsky.social/post/3lzpyyab2ak2a' } });
    } finally {
      older.remove();
    }
  });

  it('anchors the overlay in the author line', () => {
    expect(bluesky.overlayAnchor(roots[0]!)!.querySelector('a[data-tooltip]')).not.toBeNull();
  });
});
