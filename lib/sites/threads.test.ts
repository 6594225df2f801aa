import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchPost } from '../analyze';
import { compileBrands } from '../match';
import { BrandSchema } from '../schemas/brand';
import { firstRead, loadFixture, readFixture, resetPageUrl } from './fixture-testing';
import { postRoots } from './types';
import { threads } from './threads';

// Pages are read at the address they were saved from (their "saved from url" comment), so the page URL is real.
afterAll(resetPageUrl);

describe('Threads adapter: feed', () => {
  let doc: Document;
  let roots: Element[];
  let posts: ReturnType<typeof threads.extractPost>[];
  beforeAll(() => {
    ({ doc, roots, posts } = readFixture(threads, 'feed', { atSavedUrl: true }));
  });

  it('finds every post container and reads the posts it understands', () => {
    // 11 cells, one holding two posts, plus the quoted post nested in Nina's.
    expect(roots).toHaveLength(13);
    expect(posts.filter(Boolean)).toHaveLength(9);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    roots.forEach((root, i) => expect(threads.getPostId(root)).toBe(posts[i]?.id));
  });

  it('skips an ad, labelled "Sponsored" (in any language) or "Ad" in its header, and reads the word in a text', () => {
    const at = posts.findIndex((p) => p && !p.quoted && p.text);
    for (const label of ['Sponsored', 'Gesponsert', 'Ad', 'Anzeige']) {
      const ad = roots[at]!.cloneNode(true) as Element;
      ad.querySelector('time')!.closest('a')!.insertAdjacentHTML('afterend', `<span><span>${label}</span></span>`);
      expect(threads.extractPost(ad)).toBeUndefined();
      expect(threads.peek!(ad)).toBeUndefined();
      expect(threads.getPostId(ad)).toBeUndefined();
    }
    // A username that reads like a label is no label.
    const named = roots[at]!.cloneNode(true) as Element;
    const handle = posts[at]!.author.handle;
    for (const a of named.querySelectorAll(`a[href="/@${handle}"]`)) for (const span of a.querySelectorAll('span')) if (span.textContent === handle) span.textContent = 'reklam';
    expect(threads.extractPost(named)).toMatchObject({ id: posts[at]!.id });
    const word = roots[at]!.cloneNode(true) as Element;
    const text = [...word.querySelectorAll('span[dir="auto"]')].find((el) => el.textContent!.trim() && posts[at]!.text.startsWith(el.textContent!.trim().slice(0, 10)))!;
    text.insertAdjacentHTML('beforeend', ' <span>Ad</span>');
    expect(threads.extractPost(word)).toMatchObject({ id: posts[at]!.id });
  });

  it('treats a quoted post nested in a post as part of it, not as a post', () => {
    const nested = roots[5]!;
    expect(nested.parentElement?.closest(threads.postSelector)).toBe(roots[4]);
    expect(threads.getPostId(nested)).toBeUndefined();
    expect(threads.extractPost(nested)).toBeUndefined();
    for (const [i, root] of roots.entries()) {
      if (i !== 5) expect(root.parentElement?.closest(threads.postSelector)).toBeNull();
    }
  });

  it('reads every field of a top-level post', () => {
    expect(posts[0]).toEqual({
      platform: 'threads',
      id: 'C7mAyA01xQz',
      url: 'https://www.threads.com/@mayachen/post/C7mAyA01xQz',
      author: { handle: 'mayachen', profileUrl: 'https://www.threads.com/@mayachen' },
      text: 'Third time I ask: my order from @acmeair never arrived and support is useless. Still waiting for a refund 😡 #acmefail',
      publishedAt: '2024-05-13T09:12:44.000Z',
      isReply: false,
    });
    expect(posts[1]!.text).toBe('Huge thanks to the Acme Air crew, the new app is fantastic and check-in took 30 seconds 🙌');
    expect(posts[2]!.text).toBe('Baking an apple pie tonight, anyone have a good crust recipe?\nMine always ends up soggy.');
  });

  it('gives a repost to the original author and shows links as they read', () => {
    expect(posts[3]).toMatchObject({
      id: 'C7sPrNg04Ls',
      author: { handle: 'acmeair' },
      text: 'Our spring schedule is live. Book now at acmeair.com/spring',
      isReply: false,
    });
  });

  it("keeps a quoted post's text out of the quoting post", () => {
    expect(posts[4]!.text).toBe('Switched to SkyJet and honestly never looking back');
    expect(posts[4]!.quoted).toEqual({
      author: 'acmeair',
      text: 'We are updating our baggage policy.',
      url: 'https://www.threads.com/@acmeair/post/C7bAgG05pLc',
    });
  });

  it('reads only the caption, not the line Threads shows in place of a quoted post it cannot show', () => {
    // As on a real threads.com page (2025): a plain row between the caption and the action bar.
    for (const i of [0, 2]) {
      const post = roots[i]!.cloneNode(true) as Element;
      const first = [...post.querySelectorAll('span[dir="auto"]')].find((span) => span.textContent!.includes(posts[i]!.text.split('\n')[0]!.slice(0, 12)))!;
      const bar = [...post.querySelectorAll('[role="button"]')].find((b) => b.querySelector('svg') && first.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)!;
      let block: Element = first;
      while (!block.parentElement!.contains(bar)) block = block.parentElement!;
      block.insertAdjacentHTML('afterend', '<div style="--x-paddingInline: var(--barcelona-columns-item-horizontal-padding);"><div><span dir="auto">Post unavailable</span></div></div>');
      expect(threads.extractPost(post)).toEqual(posts[i]);
      expect(threads.peek!(post)).toMatchObject({ text: posts[i]!.text });
    }
  });

  it('counts the quoted post in the first read, which decides whether a brand is named', () => {
    expect(threads.peek!(roots[4]!)).toEqual({
      text: 'Switched to SkyJet and honestly never looking back\nWe are updating our baggage policy.',
      authorHandle: 'ninarossi',
      quotes: 'acmeair',
    });
  });

  it('reads image-only and non-English posts, leaving "Translate" out', () => {
    expect(posts[6]).toMatchObject({ id: 'C7pHoT07iMg', author: { handle: 'photofan' }, text: '' });
    expect(posts[7]!.text).toBe('Acme Airの便がまた遅延。もう三回目です😞 @acmeair');
  });

  it('finds a brand named in a Japanese post, written against the words after it', () => {
    const byName = compileBrands([BrandSchema.parse({ name: 'Acme Air' })]);
    expect(matchPost(posts[7]!, byName)?.brands).toEqual(['Acme Air']);
    const inJapanese = compileBrands([BrandSchema.parse({ name: 'アクメ航空', aliases: ['Acme Air'] })]);
    expect(matchPost({ ...posts[7]!, text: 'アクメ航空の便がまた遅延' }, inJapanese)?.brands).toEqual(['アクメ航空']);
  });

  it('marks a reply shown under the post it answers', () => {
    expect(posts[8]).toMatchObject({ id: 'C7bErLn09dY', isReply: false, threadId: 'C7bErLn09dY' });
    expect(posts[9]).toEqual({
      platform: 'threads',
      id: 'C7dAnA10rPl',
      url: 'https://www.threads.com/@dana.whit/post/C7dAnA10rPl',
      author: { handle: 'dana.whit', profileUrl: 'https://www.threads.com/@dana.whit' },
      text: 'Delayed again, three hours now #acmefail',
      publishedAt: '2024-05-13T05:20:44.000Z',
      isReply: true,
      inReplyTo: 'acmeair',
      threadId: 'C7bErLn09dY',
    });
  });

  it('gives the posts its thread line joins under a post as the answers shown after it, and none where no line is drawn', () => {
    const held = threads.answersShownAfter!(roots[8]!)!;
    expect(held.length).toBeGreaterThan(0);
    expect(held.some((el) => el.contains(roots[9]!))).toBe(true);
    // Nothing of another cell.
    expect(held.some((el) => el.contains(roots[7]!))).toBe(false);
    expect(threads.answersShownAfter!(roots[9]!)).toEqual([]);
    expect(threads.answersShownAfter!(roots[0]!)).toEqual([]);
  });

  it('reads posts standing side by side, as the cells of a feed do, as posts of their own, not as a chain of replies', () => {
    // Posts with no thread line drawn between them: siblings, or each in a single wrapper.
    for (const wrapped of [false, true]) {
      const feed = doc.createElement('div');
      feed.setAttribute('role', 'main');
      for (const i of [0, 1, 2]) {
        const post = roots[i]!.cloneNode(true) as Element;
        if (wrapped) feed.appendChild(doc.createElement('div')).append(post);
        else feed.append(post);
      }
      doc.body.append(feed);
      for (const post of feed.querySelectorAll(threads.postSelector)) {
        const read = threads.extractPost(post)!;
        expect(read).toMatchObject({ isReply: false });
        expect(read.inReplyTo).toBeUndefined();
        expect(read.threadId).toBeUndefined();
      }
      feed.remove();
    }
  });

  it('joins a reply to the post above it whose wrapper also holds a row that is no post ("View 2 more replies")', () => {
    const cell = roots[8]!.parentElement!.parentElement!.cloneNode(true) as Element;
    doc.body.append(cell);
    try {
      const [above, reply] = [...cell.querySelectorAll(threads.postSelector)];
      above!.after(Object.assign(doc.createElement('div'), { innerHTML: '<span dir="auto"><span>View 2 more replies</span></span>' }));
      expect(threads.extractPost(reply!)).toMatchObject({ isReply: true, inReplyTo: 'acmeair', threadId: 'C7bErLn09dY' });
      expect(threads.answersShownAfter!(above!)!.some((el) => el.contains(reply!))).toBe(true);
      // A second post in that wrapper: which one it answers is not known, and it is read as no reply to either.
      above!.after(above!.cloneNode(true));
      expect(threads.extractPost(reply!)).toMatchObject({ isReply: false });
    } finally {
      cell.remove();
    }
  });

  it('takes a post for a reply to the one above it only when that one draws the thread line down to it', () => {
    const cell = roots[8]!.parentElement!.parentElement!.cloneNode(true) as Element;
    doc.body.append(cell);
    const [above, reply] = [...cell.querySelectorAll(threads.postSelector)];
    expect(threads.extractPost(reply!)).toMatchObject({ isReply: true, inReplyTo: 'acmeair', threadId: 'C7bErLn09dY' });
    // As in real pages saved in 2025 and 2026: the line is a box of the post's grid, after the avatar's column.
    const line = above!.querySelector('div[style^="width: 2px"]')!;
    line.parentElement!.parentElement!.after(line);
    line.innerHTML = '<div><div></div></div>';
    expect(threads.extractPost(reply!)).toMatchObject({ isReply: true, inReplyTo: 'acmeair', threadId: 'C7bErLn09dY' });
    expect(threads.extractPost(above!)).toMatchObject({ isReply: false, threadId: 'C7bErLn09dY' });
    line.remove();
    expect(threads.extractPost(reply!)).toMatchObject({ isReply: false });
    expect(threads.extractPost(reply!)!.inReplyTo).toBeUndefined();
    expect(threads.extractPost(above!)!.threadId).toBeUndefined();
    cell.remove();
  });

  it('ends the text at the row that opens the replies, where no action bar ends it', () => {
    const post = roots[9]!.cloneNode(true) as Element;
    for (const b of post.querySelectorAll('[role="button"]')) b.remove();
    expect(threads.extractPost(post)!.text).toBe('Delayed again, three hours now #acmefail');
    post.querySelector('img[height="16"]')!.closest('div.xpqajaz')!.remove();
    post.appendChild(doc.createElement('div')).innerHTML = '<span dir="auto">Show 12 more</span>';
    expect(threads.extractPost(post)!.text).toBe('Delayed again, three hours now #acmefail');
  });

  it('reads a post whose container attribute has no value', () => {
    const post = roots[0]!.cloneNode(true) as Element;
    post.setAttribute('data-pressable-container', '');
    expect(post.matches(threads.postSelector)).toBe(true);
    expect(threads.extractPost(post)).toEqual(posts[0]);
  });

  it('skips unavailable, changed and still-loading posts, without throwing', () => {
    expect(posts.slice(10)).toEqual([undefined, undefined, undefined]);
    expect(roots[12]!.querySelector('[data-visualcompletion="loading-state"]')).not.toBeNull();
    const junk = doc.createElement('div');
    junk.setAttribute('data-pressable-container', 'true');
    junk.innerHTML = '<a href="https://%%%/@x/post/y"><time datetime="not a date">x</time></a><a href="/@a/post/ABCDEFG"><time datetime="yesterday">1d</time></a>';
    expect(() => threads.extractPost(junk)).not.toThrow();
    expect(threads.extractPost(junk)).toBeUndefined();
    expect(threads.extractPost(doc.createElement('div'))).toBeUndefined();
  });

  it('peeks at the text (its own and what it quotes) and author the full read gives, and not at a glimmer', () => {
    roots.forEach((root, i) => {
      if (posts[i]) expect(threads.peek!(root)).toEqual(firstRead(posts[i]!));
    });
    expect(threads.peek!(roots[12]!)).toBeUndefined();
  });

  it('reads a post once its glimmer is replaced by the post', () => {
    const root = roots[12]!.cloneNode(false) as Element;
    root.innerHTML = roots[1]!.innerHTML;
    expect(threads.extractPost(root)).toMatchObject({ id: 'C7tOm002bRt', author: { handle: 'tbecker' } });
  });

  it('anchors the overlay in the header and finds no reply box when none is open', () => {
    const anchor = threads.overlayAnchor(roots[0]!)!;
    expect(roots[0]!.contains(anchor)).toBe(true);
    expect(anchor.querySelector('a[href="/@mayachen"]')).not.toBeNull();
    expect(anchor.querySelector('time')).not.toBeNull();
    expect(threads.findReplyBox(roots[0]!)).toBeUndefined();
  });
});

describe('Threads adapter: post page', () => {
  let roots: Element[];
  let posts: ReturnType<typeof threads.extractPost>[];
  beforeAll(() => {
    ({ roots, posts } = readFixture(threads, 'post', { atSavedUrl: true }));
  });

  it('reads the thread and its replies, skipping the unavailable and loading ones', () => {
    expect(roots).toHaveLength(6);
    expect(posts.filter(Boolean)).toHaveLength(4);
    expect(posts[3]).toBeUndefined();
    expect(posts[5]).toBeUndefined();
  });

  it('reads the thread post and a reply to it', () => {
    expect(posts[0]).toMatchObject({ id: 'C7rOoT20bAg', author: { handle: 'acmeair' }, isReply: false, threadId: 'C7rOoT20bAg' });
    expect(posts[1]).toEqual({
      platform: 'threads',
      id: 'C7rEpL21mYa',
      url: 'https://www.threads.com/@mayachen/post/C7rEpL21mYa',
      author: { handle: 'mayachen', profileUrl: 'https://www.threads.com/@mayachen' },
      text: 'Great, but my bag from last week is still missing @acmeair #acmefail',
      publishedAt: '2024-05-12T10:15:44.000Z',
      isReply: true,
      inReplyTo: 'acmeair',
      threadId: 'C7rOoT20bAg',
    });
  });

  it('links an answer in the same cell to the reply above it, others to the thread post', () => {
    expect(posts[2]).toMatchObject({ author: { handle: 'acmeair' }, isReply: true, inReplyTo: 'mayachen', threadId: 'C7rOoT20bAg' });
    expect(posts[4]).toMatchObject({
      author: { handle: 'carlos.viaja' },
      text: '¡Por fin! Acme Air, ¿esto también vale para vuelos a Canarias?',
      isReply: true,
      inReplyTo: 'acmeair',
    });
  });

  it('reads the posts under "Related threads", after the replies, as posts of their own that answer nothing', () => {
    const doc = loadFixture('threads', 'post', { atSavedUrl: true });
    const carlos = postRoots(threads, doc)[4]!;
    const cell = carlos.parentElement!;
    const related = cell.cloneNode(true) as Element;
    for (const a of related.querySelectorAll('a[href]')) a.setAttribute('href', a.getAttribute('href')!.replace('carlos.viaja', 'jetsetjules').replace('C7rEpL23eSp', 'DRq9Xk1vAbC'));
    const heading = doc.createElement('div');
    heading.innerHTML = '<span dir="auto"><span>Related threads</span></span>';
    cell.after(heading, related);
    const post = threads.extractPost(postRoots(threads, doc).find((r) => related.contains(r))!);
    expect(post).toMatchObject({ id: 'DRq9Xk1vAbC', isReply: false });
    expect(post?.inReplyTo).toBeUndefined();
    // The replies above it are still replies.
    expect(threads.extractPost(carlos)).toMatchObject({ isReply: true, inReplyTo: 'acmeair' });
  });

  it('finds the open reply dialog only for the post it answers', () => {
    const box = threads.findReplyBox(roots[1]!);
    expect(box?.getAttribute('data-lexical-editor')).toBe('true');
    expect(box?.closest('[role="dialog"]')).not.toBeNull();
    expect(threads.findReplyBox(roots[0]!)).toBeUndefined();
    expect(threads.findReplyBox(roots[2]!)).toBeUndefined();
  });
});

describe('Threads adapter: a profile page of 2026', () => {
  afterAll(resetPageUrl);

  it("reads a post's attached text after its caption, without its Read more, and nothing from a photo's card", () => {
    const { roots, posts } = readFixture(threads, 'profile-2026', { atSavedUrl: true });
    expect(roots).toHaveLength(3);
    expect(posts[0]).toEqual({
      platform: 'threads',
      id: 'DXq1Lm7kP2a',
      url: 'https://www.threads.com/@lena.watches/post/DXq1Lm7kP2a',
      author: { handle: 'lena.watches', profileUrl: 'https://www.threads.com/@lena.watches' },
      text:
        'Who else watches films alone and loves it?\nLast month I flew to Lisbon for a film festival.\n\nThree weeks on, Acme Air still has not refunded the seat they moved me out of, and the chat closes every case without an answer.',
      publishedAt: '2026-04-23T23:57:51.000Z',
      isReply: false,
    });
    expect(posts[1]!.text).toBe('Window seat on @acmeair this morning');
    expect(posts[2]!.text).toBe('Festival lineup is out. Tickets on Friday.');
    // The first read sees the attached text too, so a brand named only there is found.
    roots.forEach((root, i) => expect(threads.peek!(root)).toEqual(firstRead(posts[i]!)));
  });
});
