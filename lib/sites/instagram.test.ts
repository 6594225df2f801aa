import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectPeekAgrees, firstRead, loadFixture, readFixture, resetPageUrl } from './fixture-testing';
import { instagram } from './instagram';
import { postRoots } from './types';

// Pages are read at the address they were saved from (their "saved from url" comment), so the page URL is real.
afterAll(resetPageUrl);

describe('Instagram adapter: feed', () => {
  let doc: Document;
  let roots: Element[];
  let posts: ReturnType<typeof instagram.extractPost>[];
  beforeAll(() => {
    ({ doc, roots, posts } = readFixture(instagram, 'feed', { atSavedUrl: true }));
  });

  it('finds every post article and reads those it understands', () => {
    expect(roots).toHaveLength(8);
    expect(roots.every((r) => r.tagName === 'ARTICLE')).toBe(true);
    expect(posts.filter(Boolean)).toHaveLength(6);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    roots.forEach((root, i) => {
      if (posts[i]) expect(instagram.getPostId(root)).toBe(posts[i]!.id);
    });
  });

  it('reads every field of a feed post: caption only, without the username or like count', () => {
    expect(posts[0]).toEqual({
      platform: 'instagram',
      id: 'C7mAyA01xQz',
      url: 'https://www.instagram.com/p/C7mAyA01xQz/',
      author: { handle: 'mayachen', profileUrl: 'https://www.instagram.com/mayachen/' },
      text: 'Third time I ask: my order from @acmeair never arrived and support is useless. Still waiting for a refund 😡 #acmefail',
      publishedAt: '2024-05-13T09:12:00.000Z',
      isReply: false,
    });
    expect(posts[1]).toMatchObject({ author: { handle: 'tbecker' }, text: 'Huge thanks to the Acme Air crew, the new app is fantastic and check-in took 30 seconds 🙌' });
    expect(posts[2]!.text).toBe('Baking an apple pie tonight, anyone have a good crust recipe?\nMine always ends up soggy.');
  });

  it('reads no "•" the header puts between the author and the time as the caption (a real 2025 home feed)', () => {
    const post = roots[0]!.cloneNode(true) as Element;
    post.querySelector('time')!.closest('a')!.insertAdjacentHTML('beforebegin', '<span class="x1lliihq" dir="auto"><span>•</span></span>');
    expect(instagram.extractPost(post)!.text).toBe(posts[0]!.text);
    expectPeekAgrees(instagram, [post]);
  });

  it('reads a caption cut short without its "… more", and skips an ad labelled "Sponsored" in any language', () => {
    const post = roots[0]!.cloneNode(true) as Element;
    const words = [...post.querySelectorAll('span[dir="auto"]')].find((el) => el.textContent!.startsWith('Third time I ask'))!;
    words.insertAdjacentHTML('beforeend', '<span>...&nbsp;<div aria-disabled="false" role="button" tabindex="0"><span dir="auto">more</span></div></span>');
    expect(instagram.extractPost(post)).toEqual(posts[0]);
    expect(instagram.peek!(post)).toMatchObject({ text: posts[0]!.text });
    // The word in a caption is no label.
    const word = roots[1]!.cloneNode(true) as Element;
    const caption = [...word.querySelectorAll('span[dir="auto"]')].find((el) => el.textContent!.includes('Huge thanks'))!;
    caption.insertAdjacentHTML('beforeend', ' <span>Reklam</span>');
    expect(instagram.extractPost(word)).toMatchObject({ id: posts[1]!.id });
    for (const label of ['Sponsored', 'Publicidad', '広告', 'Ad', 'Anzeige']) {
      const ad = roots[1]!.cloneNode(true) as Element;
      ad.querySelector('time')!.closest('a')!.insertAdjacentHTML('afterend', `<span><span>${label}</span></span>`);
      expect(instagram.extractPost(ad)).toBeUndefined();
      expect(instagram.peek!(ad)).toBeUndefined();
    }
    // "Ad" is a label only as the whole text of a header's span: in a caption, or as a username, it is not.
    const adWord = roots[1]!.cloneNode(true) as Element;
    [...adWord.querySelectorAll('span[dir="auto"]')].find((el) => el.textContent!.includes('Huge thanks'))!.insertAdjacentHTML('beforeend', ' <span>Ad</span>');
    expect(instagram.extractPost(adWord)).toMatchObject({ id: posts[1]!.id });
    // Nor is a username in the header that reads like one.
    const named = roots[1]!.cloneNode(true) as Element;
    named.querySelector('time')!.closest('a')!.insertAdjacentHTML('afterend', '<a href="/sponsored/"><span>sponsored</span></a>');
    expect(instagram.extractPost(named)).toMatchObject({ id: posts[1]!.id });
  });

  it('skips an ad by the links only ads hold, whatever its labels say', () => {
    for (const href of [
      'https://www.facebook.com/ads/ig_redirect/?d=ad&a=https%3A%2F%2Facmeair.com',
      'https://acmeair.com/spring?utm_source=ig&a_mpk=1234567890',
      'https://www.instagram.com/p/C7sPrNg04Ls/?enable_persistent_cta=true',
    ]) {
      const ad = roots[1]!.cloneNode(true) as Element;
      ad.querySelector('time')!.closest('article')!.insertAdjacentHTML('beforeend', `<div><a href="${href}" target="_blank">Book now</a></div>`);
      expect(instagram.extractPost(ad)).toBeUndefined();
    }
  });

  it("skips an ad labelled in the mobile layout's <header>, whose date closes the post", () => {
    const post = roots[1]!.cloneNode(true) as Element;
    post.insertAdjacentHTML('afterbegin', '<header><div><span>Ad</span></div></header>');
    expect(instagram.extractPost(post)).toBeUndefined();
    const partnership = roots[1]!.cloneNode(true) as Element;
    partnership.insertAdjacentHTML('afterbegin', '<header><div><span dir="auto"><div><span>Paid partnership</span></div></span></div></header>');
    expect(instagram.extractPost(partnership)).toMatchObject({ id: posts[1]!.id, text: posts[1]!.text });
  });

  it('gives a collab post ("tbecker and acmeair") to its first author, or to the owner its link names', () => {
    const collab = (owner?: string) => {
      const post = roots[1]!.cloneNode(true) as Element;
      const time = post.querySelector('time')!.closest('a')!;
      const name = [...post.querySelectorAll('a[href="/tbecker/"]')].find((a) => a.textContent!.trim() === 'tbecker' && a.compareDocumentPosition(time) & 4)!;
      name.insertAdjacentHTML('afterend', '<span> and </span><a href="/acmeair/" role="link"><span>acmeair</span></a>');
      if (owner) time.setAttribute('href', `/${owner}${time.getAttribute('href')}`);
      return instagram.extractPost(post);
    };
    expect(collab()).toMatchObject({ id: posts[1]!.id, author: { handle: 'tbecker' }, text: posts[1]!.text });
    expect(collab('tbecker')).toMatchObject({ author: { handle: 'tbecker' }, text: posts[1]!.text });
    expect(collab('acmeair')).toMatchObject({ id: posts[1]!.id, author: { handle: 'acmeair' } });
  });

  it('gives a repost to the original author, not the reposter', () => {
    expect(posts[3]).toMatchObject({
      id: 'C7sPrNg04Ls',
      author: { handle: 'acmeair' },
      text: 'Our spring schedule is live ✈️ Book now via the link in bio #acmeair',
    });
    expect(posts[3]!.text).not.toContain('reposted');
  });

  it('reads image-only and non-English posts', () => {
    expect(posts[4]).toMatchObject({ id: 'C7pHoT07iMg', author: { handle: 'photofan' }, text: '' });
    expect(posts[5]!.text).toBe('Voo da Acme Air atrasado de novo… três horas no aeroporto 😩 @acmeair');
  });

  it('peeks at the text (its own and what it quotes) and author the full read gives, and not at a glimmer', () => {
    roots.forEach((root, i) => {
      if (posts[i]) expect(instagram.peek!(root)).toEqual(firstRead(posts[i]!));
    });
    expect(instagram.peek!(roots[6]!)).toBeUndefined();
  });

  it('skips a post still loading until it is filled, and one whose markup changed', () => {
    expect(posts[6]).toBeUndefined();
    expect(roots[6]!.querySelector('[data-visualcompletion="loading-state"]')).not.toBeNull();
    const filled = roots[6]!.cloneNode(false) as Element;
    filled.innerHTML = roots[1]!.innerHTML;
    expect(instagram.extractPost(filled)).toMatchObject({ id: 'C7tOm002bRt' });
    expect(posts[7]).toBeUndefined();
    expect(instagram.getPostId(roots[7]!)).toBeUndefined();
  });

  it('never throws on junk', () => {
    const junk = doc.createElement('article');
    junk.innerHTML = '<a href="http://[::1"><time datetime="x">1h</time></a><a href="/p/!!/"><time datetime="2024">1h</time></a><a href="/explore/">explore</a>';
    expect(() => instagram.extractPost(junk)).not.toThrow();
    expect(instagram.extractPost(junk)).toBeUndefined();
    expect(instagram.extractPost(doc.createElement('li'))).toBeUndefined();
  });

  it("anchors the overlay at the author line and returns the post's comment box", () => {
    const anchor = instagram.overlayAnchor(roots[0]!)!;
    expect(roots[0]!.contains(anchor)).toBe(true);
    expect(anchor.querySelector('a[href="/mayachen/"]')).not.toBeNull();
    expect(anchor.querySelector('time')).not.toBeNull();
    const box = instagram.findReplyBox(roots[0]!);
    expect(box?.tagName).toBe('TEXTAREA');
    expect(roots[0]!.contains(box!)).toBe(true);
    expect(instagram.findReplyBox(roots[7]!)).toBeUndefined();
  });
});

describe('Instagram adapter: post page with comments', () => {
  let doc: Document;
  let roots: Element[];
  let posts: ReturnType<typeof instagram.extractPost>[];
  beforeAll(() => {
    ({ doc, roots, posts } = readFixture(instagram, 'post', { atSavedUrl: true }));
  });

  it('takes the caption and each comment as roots, never the article that holds them all', () => {
    expect(roots).toHaveLength(5);
    expect(roots.every((r) => r.tagName === 'LI')).toBe(true);
    const article = doc.querySelector('article')!;
    expect(instagram.closestRoot!(article)).toBeNull();
    expect(postRoots(instagram, article)).toEqual(roots);
    // No root holds another.
    for (const root of roots) for (const el of root.querySelectorAll('*')) expect([null, root]).toContain(instagram.closestRoot!(el));
    expect(posts.filter(Boolean)).toHaveLength(4);
    expect(new Set(posts.flatMap((p) => (p ? [p.id] : []))).size).toBe(4);
  });

  it('reads the caption as the post', () => {
    expect(posts[0]).toEqual({
      platform: 'instagram',
      id: 'C7rOoT20bAg',
      url: 'https://www.instagram.com/p/C7rOoT20bAg/',
      author: { handle: 'acmeair', profileUrl: 'https://www.instagram.com/acmeair/' },
      text: 'We are updating our baggage policy: one free checked bag on all European routes from June 1 ✈️ #acmeair',
      publishedAt: '2024-05-12T09:00:00.000Z',
      isReply: false,
      threadId: 'C7rOoT20bAg',
    });
  });

  it('reads every field of a comment, answering the post owner', () => {
    expect(posts[1]).toEqual({
      platform: 'instagram',
      id: '17998877665544332',
      url: 'https://www.instagram.com/p/C7rOoT20bAg/c/17998877665544332/',
      author: { handle: 'dana.k', profileUrl: 'https://www.instagram.com/dana.k/' },
      text: '@acmeair still no refund for my cancelled flight #acmefail',
      publishedAt: '2024-05-12T10:15:00.000Z',
      isReply: true,
      inReplyTo: 'acmeair',
      threadId: 'C7rOoT20bAg',
    });
  });

  it('links a reply to the comment it answers', () => {
    expect(posts[2]).toEqual({
      platform: 'instagram',
      id: '18011223344556677',
      url: 'https://www.instagram.com/p/C7rOoT20bAg/c/17998877665544332/r/18011223344556677/',
      author: { handle: 'acmeair', profileUrl: 'https://www.instagram.com/acmeair/' },
      text: '@dana.k so sorry Dana, please DM us your booking reference and we will check it today.',
      publishedAt: '2024-05-12T11:00:00.000Z',
      isReply: true,
      inReplyTo: 'dana.k',
      threadId: 'C7rOoT20bAg',
    });
    expect(posts[3]).toMatchObject({ author: { handle: 'carlos.viaja' }, text: '¡Por fin! ¿Esto también vale para vuelos a Canarias? 😍', inReplyTo: 'acmeair' });
  });

  it('skips a comment whose markup changed', () => {
    expect(posts[4]).toBeUndefined();
  });

  it('finds the comment box only for the comment it is prefilled to answer', () => {
    const box = instagram.findReplyBox(roots[1]!);
    expect(box?.tagName).toBe('TEXTAREA');
    expect((box as HTMLTextAreaElement).value).toBe('@dana.k ');
    expect(instagram.findReplyBox(roots[0]!)).toBeUndefined();
    expect(instagram.findReplyBox(roots[3]!)).toBeUndefined();
    (box as HTMLTextAreaElement).value = '';
    expect(instagram.findReplyBox(roots[0]!)).toBe(box);
  });

  it('anchors a comment overlay inside the comment', () => {
    const anchor = instagram.overlayAnchor(roots[1]!)!;
    expect(roots[1]!.contains(anchor)).toBe(true);
    expect(anchor.querySelector('a[href="/dana.k/"]')).not.toBeNull();
  });
});

describe('Instagram adapter: post page as served since 2025 (no article, no li)', () => {
  let doc: Document;
  let roots: Element[];
  let posts: ReturnType<typeof instagram.extractPost>[];
  beforeAll(() => {
    ({ doc, roots, posts } = readFixture(instagram, 'post-2025', { atSavedUrl: true }));
  });

  it('takes the caption block and each comment block as roots, never the page header or what holds them', () => {
    expect(posts.map((p) => p?.id)).toEqual(['C8xAcmeAir1', '18011111111111111', '18022222222222222', '18033333333333333']);
    for (const root of roots) for (const el of root.querySelectorAll('*')) expect([null, root]).toContain(instagram.closestRoot!(el));
    // The header (avatar, name, Follow) has no time: not a post.
    const follow = [...doc.querySelectorAll('[role="button"]')].find((b) => b.textContent === 'Follow')!;
    expect(instagram.closestRoot!(follow)).toBeNull();
    expect(instagram.closestRoot!(doc.querySelector('main')!)).toBeNull();
  });

  it('takes one caption per page: a second block shaped like it (another row with an avatar and a time) is not the post', () => {
    const page = loadFixture('instagram', 'post-2025', { atSavedUrl: true });
    const caption = postRoots(instagram, page)[0]!;
    const lookalike = caption.cloneNode(true) as Element;
    page.querySelector('form')!.after(lookalike);
    expect(instagram.extractPost(caption)?.id).toBe('C8xAcmeAir1');
    expect(instagram.extractPost(lookalike)).toBeUndefined();
  });

  it('reads the caption after its line of name and time, the owner named though the badge has a title', () => {
    expect(posts[0]).toMatchObject({
      platform: 'instagram',
      url: 'https://www.instagram.com/p/C8xAcmeAir1/',
      author: { handle: 'acmeair' },
      text: 'Summer schedule is live ✈️\n\nLisbon, Porto and Madeira three times a day from July. Tag who you are flying with #acmesummer',
      publishedAt: '2024-06-20T15:00:00.000Z',
      isReply: false,
    });
  });

  it('reads every comment, answering the post owner, without its Reply and like buttons', () => {
    expect(posts[1]).toEqual({
      platform: 'instagram',
      id: '18011111111111111',
      url: 'https://www.instagram.com/p/C8xAcmeAir1/c/18011111111111111/',
      author: { handle: 'dana.k', profileUrl: 'https://www.instagram.com/dana.k/' },
      text: 'Still waiting for the refund of my cancelled Lisbon flight, three weeks now. Who do I talk to? 😡',
      publishedAt: '2024-06-20T16:05:00.000Z',
      isReply: true,
      inReplyTo: 'acmeair',
      threadId: 'C8xAcmeAir1',
    });
    expect(posts[2]!.text).toBe('Finalmente voos diretos para o Porto! Obrigado Acme Air');
    expectPeekAgrees(instagram, roots);
  });

  it('reads the replies listed under a comment (a list after it and its "Hide all replies"), whose links name no parent', () => {
    const page = loadFixture('instagram', 'post-2025', { atSavedUrl: true });
    const [, first, second, third] = postRoots(instagram, page);
    // As a real 2026 page lists them: the comment, its button, then a <ul> of reply blocks.
    const button = page.createElement('div');
    button.setAttribute('role', 'button');
    button.textContent = 'Hide all replies';
    const list = page.createElement('ul');
    first!.after(button, list);
    list.append(second!, third!);
    // One names whom it answers first; the other names no one.
    const own = instagram.extractPost(third!)!.text;
    const text = [...third!.querySelectorAll('span[dir="auto"]')].find((el) => el.textContent!.trim() === own)!;
    const mention = page.createElement('a');
    mention.setAttribute('href', '/pedro.s/');
    mention.textContent = '@pedro.s';
    text.prepend(mention, page.createTextNode(' '));
    expect(instagram.extractPost(second!)).toMatchObject({ id: '18022222222222222', isReply: true, inReplyTo: 'dana.k', threadId: 'C8xAcmeAir1' });
    expect(instagram.extractPost(third!)).toMatchObject({ id: '18033333333333333', inReplyTo: 'pedro.s' });
    // The comment they are listed under still answers the post's owner.
    expect(instagram.extractPost(first!)).toMatchObject({ id: '18011111111111111', inReplyTo: 'acmeair' });
  });

  it("finds the page's own comment box when the post is open as a dialog over the feed, never a feed post's behind it", () => {
    // (The feed first: the page is read at its own address, which the caption's id comes from.)
    const feed = loadFixture('instagram', 'feed', { atSavedUrl: true }).querySelector('article')!;
    const page = loadFixture('instagram', 'post-2025', { atSavedUrl: true });
    const main = page.querySelector('main')!;
    const dialog = page.createElement('div');
    dialog.setAttribute('role', 'dialog');
    main.replaceWith(dialog);
    dialog.append(main);
    page.body.prepend(page.importNode(feed, true));
    const [caption] = postRoots(instagram, page).filter((r) => r.tagName !== 'ARTICLE');
    const own = dialog.querySelector('form textarea');
    expect(own).not.toBeNull();
    expect(instagram.findReplyBox(caption!)).toBe(own);
  });

  it('anchors each overlay at the line of name and time, and finds the comment box', () => {
    roots.forEach((root, i) => {
      const anchor = instagram.overlayAnchor(root)!;
      expect(root.contains(anchor) && anchor !== root).toBe(true);
      expect(anchor.querySelector('time')).not.toBeNull();
      expect(anchor.textContent).toContain(posts[i]!.author.handle);
    });
    const box = doc.querySelector('form textarea') as HTMLTextAreaElement;
    expect(instagram.findReplyBox(roots[0]!)).toBe(box);
    expect(instagram.findReplyBox(roots[1]!)).toBeUndefined();
    box.value = '@dana.k ';
    try {
      expect(instagram.findReplyBox(roots[1]!)).toBe(box);
      expect(instagram.findReplyBox(roots[0]!)).toBeUndefined();
    } finally {
      box.value = '';
    }
  });
});
