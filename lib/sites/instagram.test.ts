import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectPeekAgrees, firstRead, loadFixture, readFixture, resetPageUrl, setPageUrl } from './fixture-testing';
import { matchPost } from '../analyze';
import { compileBrands } from '../match';
import { BrandSchema } from '../schemas/brand';
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
    for (const label of ['Sponsored', 'Publicidad', '広告', 'Ad', 'Anzeige', 'Publicité', 'Publicidade']) {
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

  it('reads the same blocks where the avatar is the link around the picture alone, without its column (pages written after the markup)', () => {
    const page = loadFixture('instagram', 'post-2025', { atSavedUrl: true });
    let unwrapped = 0;
    for (const root of postRoots(instagram, page)) {
      const column = root.firstElementChild!;
      const link = column.querySelector('a[href] > img')?.parentElement;
      if (link) {
        column.replaceWith(link);
        unwrapped++;
      }
    }
    expect(unwrapped).toBe(4);
    expect(postRoots(instagram, page).map((r) => instagram.extractPost(r))).toEqual(posts);
  });

  it('reads the same blocks inside an article around them (a post open as a dialog), never the article as a post', () => {
    const page = loadFixture('instagram', 'post-2025', { atSavedUrl: true });
    const main = page.querySelector('main')!;
    const dialog = page.createElement('div');
    dialog.setAttribute('role', 'dialog');
    const article = page.createElement('article');
    article.append(...main.childNodes);
    dialog.append(article);
    main.append(dialog);
    const wrapped = postRoots(instagram, page);
    expect(wrapped).not.toContain(article);
    expect(wrapped.map((r) => instagram.extractPost(r))).toEqual(posts);
    // A comment's link is never an article's: one read as a post would take the comment's id.
    const bare = page.createElement('article');
    bare.innerHTML = '<a href="/p/C8xAcmeAir1/c/18011111111111111/"><time datetime="2026-05-01T10:00:00.000Z">2h</time></a><span>text</span>';
    page.body.append(bare);
    expect(instagram.getPostId(bare)).toBeUndefined();
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
    // Its own commenter replying there, naming no one, answers the last other one who replied.
    const again = first!.cloneNode(true) as Element;
    for (const a of again.querySelectorAll('a[href*="/c/18011111111111111"]')) a.setAttribute('href', a.getAttribute('href')!.replace('18011111111111111', '18044444444444444'));
    list.append(again);
    const before = instagram.extractPost(third!)!.author.handle;
    expect(before).not.toBe('dana.k');
    expect(instagram.extractPost(again)).toMatchObject({ id: '18044444444444444', author: { handle: 'dana.k' }, inReplyTo: before });
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

describe('Instagram adapter: markup written otherwise than the saved pages (modelled, as outside test authors write it)', () => {
  /** A page of the given body, its post roots, and what is read from each. */
  const page = (body: string) => {
    const doc = document.implementation.createHTMLDocument('instagram');
    doc.body.innerHTML = body;
    const roots = postRoots(instagram, doc);
    return { doc, roots, posts: roots.map((r) => instagram.extractPost(r)) };
  };
  const ids = (posts: ReturnType<typeof instagram.extractPost>[]) => posts.map((p) => p?.id);

  it('never reads a comment whose time links to the post (no comment id) as the post: skipped, the caption keeps the id', () => {
    const doc = loadFixture('instagram', 'post', { atSavedUrl: true });
    const time = doc.querySelector('a[href="/p/C7rOoT20bAg/c/17998877665544332/"]')!;
    time.setAttribute('href', '/p/C7rOoT20bAg/');
    const roots = postRoots(instagram, doc);
    const comment = time.closest('li')!;
    expect(roots).toContain(comment);
    expect(instagram.extractPost(comment)).toBeUndefined();
    expect(instagram.getPostId(comment)).toBeUndefined();
    const read = roots.map((r) => instagram.extractPost(r)).filter((p) => p?.id === 'C7rOoT20bAg');
    expect(read).toEqual([expect.objectContaining({ author: expect.objectContaining({ handle: 'acmeair' }) })]);
  });

  it('reads the article as the post where its list has no caption: a post page whose caption is a div, a feed post showing a comment', () => {
    const { roots, posts } = page(`<main><article>
      <header><a href="/acmeair/"><img alt="acmeair's profile picture" src="a.jpg"></a><a href="/acmeair/">acmeair</a></header>
      <div><a href="/acmeair/">acmeair</a> <h1 dir="auto">Which destination should we add next? 🌍</h1></div>
      <a href="/p/C5qweRTY/"><time datetime="2025-05-05T12:00:00.000Z">May 5</time></a>
      <ul><li><a href="/dev.rao/">dev.rao</a> <span dir="auto">Reykjavik please!</span> <a href="/p/C5qweRTY/c/18100000000000001/"><time datetime="2025-05-05T13:00:00.000Z">1d</time></a></li></ul>
      <form><textarea placeholder="Add a comment…"></textarea></form>
    </article>
    <article>
      <header><a href="/omar.f/">omar.f</a> <a href="/p/CdDdDdDd4/"><time datetime="2025-02-04T10:00:00Z">Feb 4</time></a></header>
      <div><a href="/omar.f/">omar.f</a> <span dir="auto">Sunset from seat 12A</span></div>
      <ul><li><a href="/acmeair/">acmeair</a> <span dir="auto">Beautiful shot, Omar!</span> <a href="/p/CdDdDdDd4/c/17900000000000001/"><time datetime="2025-02-04T11:00:00Z">1h</time></a></li></ul>
    </article></main>`);
    expect(roots.map((r) => r.tagName)).toEqual(['ARTICLE', 'LI', 'ARTICLE', 'LI']);
    expect(posts[0]).toMatchObject({ id: 'C5qweRTY', author: { handle: 'acmeair' }, text: 'Which destination should we add next? 🌍', isReply: false });
    expect(posts[1]).toMatchObject({ id: '18100000000000001', author: { handle: 'dev.rao' }, text: 'Reykjavik please!', inReplyTo: 'acmeair' });
    expect(posts[2]).toMatchObject({ id: 'CdDdDdDd4', author: { handle: 'omar.f' }, text: 'Sunset from seat 12A', isReply: false });
    expect(posts[3]).toMatchObject({ id: '17900000000000001', author: { handle: 'acmeair' }, inReplyTo: 'omar.f' });
    expectPeekAgrees(instagram, roots);
    // The article's own parts are its own; the comment's are the comment's.
    expect(instagram.closestRoot!(roots[0]!.querySelector('h1')!)).toBe(roots[0]);
    expect(instagram.closestRoot!(roots[1]!.querySelector('span')!)).toBe(roots[1]);
  });

  it("reads a feed post whose carousel's pictures are li's (SubstrateLabs/brocc's saved home feed, April 2025, reduced)", () => {
    const { roots, posts } = page(`<article><div><a href="/julianconnor_/"><img alt=""></a><a href="/julianconnor_/"><span dir="auto">julianconnor_</span></a>
      <span><span dir="auto">•</span></span><a href="/p/DH_9YhJTETDLS6PUkdeBuK3_hVuvSqnlpfGaxM0/"><span dir="auto"><time datetime="2025-04-03T21:22:59.000Z">5d</time></span></a></div>
      <div><ul><li></li><li tabindex="-1"><img alt="Photo 1"></li><li tabindex="-1"><img alt="Photo 2"></li></ul><button aria-label="Next"></button></div>
      <div><a href="/julianconnor_/"><span dir="auto">julianconnor_</span></a><span dir="auto"><div><span dir="auto">moments from everywhere this year thus far</span></div></span></div></article>`);
    expect(roots.map((r) => r.tagName)).toEqual(['ARTICLE']);
    expect(posts[0]).toMatchObject({ id: 'DH_9YhJTETDLS6PUkdeBuK3_hVuvSqnlpfGaxM0', author: { handle: 'julianconnor_' }, text: 'moments from everywhere this year thus far' });
    // A picture's li is no root: it is part of the post.
    expect(instagram.closestRoot!(roots[0]!.querySelector('li img')!)).toBe(roots[0]);
  });

  it('reads a comment that holds its replies in its own li, and the reply inside it', () => {
    const { posts } = page(`<article>
      <header><a href="/acmeair/">acmeair</a></header>
      <ul>
        <li><h2><a href="/acmeair/">acmeair</a></h2><h1 dir="auto">Our new Lisbon lounge is open!</h1><time datetime="2025-03-01T08:00:00.000Z">2w</time></li>
        <li><a href="/nora.b/"><img alt="nora.b's profile picture" src="n.jpg"></a><h3><a href="/nora.b/">nora.b</a></h3>
          <span dir="auto">The coffee there is amazing ☕</span>
          <a href="/p/C1abcDEF/c/17911111111111111/"><time datetime="2025-03-01T09:00:00.000Z">2w</time></a><button>Reply</button>
          <ul><li><a href="/acmeair/"><img alt="acmeair's profile picture" src="a.jpg"></a><h3><a href="/acmeair/">acmeair</a></h3>
            <span dir="auto"><a href="/nora.b/">@nora.b</a> So glad you enjoyed it!</span>
            <a href="/p/C1abcDEF/c/17911111111111111/r/17922222222222222/"><time datetime="2025-03-01T10:00:00.000Z">2w</time></a></li></ul>
        </li>
      </ul>
      <a href="/p/C1abcDEF/"><time datetime="2025-03-01T08:00:00.000Z">March 1</time></a>
    </article>`);
    expect(ids(posts)).toEqual(['C1abcDEF', '17911111111111111', '17922222222222222']);
    expect(posts[1]).toMatchObject({ author: { handle: 'nora.b' }, text: 'The coffee there is amazing ☕', inReplyTo: 'acmeair' });
    expect(posts[2]).toMatchObject({ author: { handle: 'acmeair' }, inReplyTo: 'nora.b' });
  });

  it("reads whom a reply answers: whom it names first, else its comment's author, and the comment's author replying in their own thread answers the last other one there", () => {
    const reply = (who: string, words: string, id: string) =>
      `<li><a href="/${who}/"><img alt="${who}'s profile picture" src="a.jpg"></a><h3><a href="/${who}/">${who}</a></h3><span dir="auto">${words}</span>` +
      `<a href="/p/C5acme0777/c/17900000000000001/r/${id}/"><time datetime="2025-03-01T10:00:00.000Z">2w</time></a></li>`;
    const { posts } = page(`<article>
      <header><a href="/acmeair/">acmeair</a></header>
      <ul>
        <li><h2><a href="/acmeair/">acmeair</a></h2><h1 dir="auto">Our Lisbon lounge is open!</h1><time datetime="2025-03-01T08:00:00.000Z">2w</time></li>
        <li><a href="/rosa.vega/"><img alt="rosa.vega's profile picture" src="r.jpg"></a><h3><a href="/rosa.vega/">rosa.vega</a></h3>
          <span dir="auto">My bag never arrived in Lisbon</span>
          <a href="/p/C5acme0777/c/17900000000000001/"><time datetime="2025-03-01T09:00:00.000Z">2w</time></a>
          <ul>${reply('rosa.vega', 'the claim number is LIS-4821', '17900000000000002')}${reply('acmeair', 'Rosa, please DM us your claim number', '17900000000000005')}${reply('rosa.vega', '<a href="/acmeair/">@acmeair</a> sent, still nothing after a day', '17900000000000003')}${reply('rosa.vega', 'hello??', '17900000000000004')}${reply('jay.p', 'same here', '17900000000000006')}</ul>
        </li>
      </ul>
      <a href="/p/C5acme0777/"><time datetime="2025-03-01T08:00:00.000Z">March 1</time></a>
    </article>`);
    expect(posts.map((p) => [p?.id, p?.inReplyTo])).toEqual([
      ['C5acme0777', undefined],
      ['17900000000000001', 'acmeair'],
      // Adding to her own comment before anyone answered: no one.
      ['17900000000000002', undefined],
      ['17900000000000005', 'rosa.vega'],
      ['17900000000000003', 'acmeair'],
      ['17900000000000004', 'acmeair'],
      ['17900000000000006', 'rosa.vega'],
    ]);
  });

  it("reads a caption li whose words are a span, when it is the list's first item by the header's user", () => {
    const body = (author: string) => `<div role="dialog"><article role="presentation">
      <header><a href="/wanderlust.kai/">wanderlust.kai</a></header>
      <ul>
        <div role="button"><li><a href="/${author}/"><img alt="" src="k.jpg"></a><h2><a href="/${author}/">${author}</a></h2>
          <span dir="auto">アクメ航空で東京へ！</span><time datetime="2025-04-01T01:00:00.000Z">1w</time></li></div>
        <ul><div role="button"><li><h3><a href="/acmeair/">acmeair</a></h3><span dir="auto">ありがとうございます！</span>
          <a href="/p/C9xyzABC/c/18011111111111111/"><time datetime="2025-04-01T02:00:00.000Z">1w</time></a></li></div></ul>
      </ul>
      <div><a href="/p/C9xyzABC/"><time datetime="2025-04-01T01:00:00.000Z">April 1</time></a></div>
    </article></div>`;
    const { posts } = page(body('wanderlust.kai'));
    expect(posts[0]).toMatchObject({ id: 'C9xyzABC', author: { handle: 'wanderlust.kai' }, text: 'アクメ航空で東京へ！', isReply: false });
    expect(posts[1]).toMatchObject({ id: '18011111111111111', inReplyTo: 'wanderlust.kai' });
    // By someone the header does not name: no caption, nothing read from that li; the article, whose list now
    // has no caption, is the post (its own link, its header's user).
    const other = page(body('someone.else'));
    const li = other.roots.find((r) => r.tagName === 'LI' && r.textContent!.includes('someone.else'))!;
    expect(instagram.extractPost(li)).toBeUndefined();
    expect(other.posts.filter((p) => p?.id === 'C9xyzABC')).toEqual([expect.objectContaining({ author: expect.objectContaining({ handle: 'wanderlust.kai' }) })]);
  });

  it('reads a feed caption without dir="auto" (an h1, or a plain span after the name), never the header line, a button or another name', () => {
    const { posts } = page(`<main>
      <article><header><a href="/mia.travels/">mia.travels</a></header>
        <div><a href="/mia.travels/">mia.travels</a> <h1>Acme Air upgraded us to business class! 🥂</h1></div>
        <a href="/p/CaAaAaAa1/"><time datetime="2025-02-01T10:00:00Z">Feb 1</time></a></article>
      <article><header><a href="/tom.k/">tom.k</a> <span>Lisbon, Portugal</span> <button>Follow</button></header>
        <div class="caption"><a href="/tom.k/">tom.k</a> <span>Delayed again, thanks <a href="/acmeair/">@acmeair</a></span> <button>more</button></div>
        <a href="/p/CbBbBbBb2/"><time datetime="2025-02-02T10:00:00Z">Feb 2</time></a></article>
      <article><header><a href="/tom.k/">tom.k</a></header>
        <div><a href="/lisa/">lisa</a> <span>first!</span></div><div><a href="/tom.k/">tom.k</a> <span>thanks</span></div>
        <a href="/p/CbBbBbBb3/"><time datetime="2025-02-02T10:00:00Z">Feb 2</time></a></article>
    </main>`);
    expect(posts[0]).toMatchObject({ id: 'CaAaAaAa1', author: { handle: 'mia.travels' }, text: 'Acme Air upgraded us to business class! 🥂' });
    expect(posts[1]).toMatchObject({ id: 'CbBbBbBb2', author: { handle: 'tom.k' }, text: 'Delayed again, thanks @acmeair' });
    // Someone else's line comes first: it is no caption (read less rather than another's words).
    expect(posts[2]).toMatchObject({ id: 'CbBbBbBb3', author: { handle: 'tom.k' }, text: '' });
  });

  it("never reads the comments a feed post shows under its caption as its words, with or without a caption", () => {
    const line = (who: string, words: string) =>
      `<div><span><div><a href="/${who}/" role="link"><span dir="auto">${who}</span></a></div></span>&nbsp;<span dir="auto">${words}</span></div>`;
    const header = (who: string, code: string) =>
      `<div><div><a href="/${who}/" role="link"><span dir="auto">${who}</span></a></div><span> • </span><a href="/p/${code}/"><time datetime="2025-06-02T18:30:00.000Z">2d</time></a></div>`;
    const { posts, roots } = page(`<main>
      <article>${header('kate.flies', 'DKkateGATE2')}<img alt="Photo by Kate.">${line('kate.flies', 'Gate changed three times in an hour. Classic.')}
        <a href="/p/DKkateGATE2/comments/">View all 9 comments</a>
        <div>${line('acmeair', 'Sorry about that, Kate! Which airport?')}${line('skyjet_fan_88', 'should have flown SkyJet')}</div></article>
      <article>${header('dana.wu', 'DKdanaNOCAP')}<img alt="Photo by Dana Wu."><div>${line('nina.k', 'Acme Air lost mine too!!')}</div></article>
      <article>${header('tom.k', 'DKtomMENTN3')}<div><span><a href="/tom.k/">tom.k</a></span>&nbsp;<span dir="auto">Thanks <a href="/acmeair/">@acmeair</a>, smooth flight</span></div></article>
    </main>`);
    expect(posts.map((p) => [p?.id, p?.text])).toEqual([
      ['DKkateGATE2', 'Gate changed three times in an hour. Classic.'],
      ['DKdanaNOCAP', ''],
      // A mention in the caption is the caption's words, not a line of its own.
      ['DKtomMENTN3', 'Thanks @acmeair, smooth flight'],
    ]);
    expect(roots.map((r) => instagram.peek!(r)?.text)).toEqual(posts.map((p) => p?.text));
    // Each line wrapped as the saved feed wraps the caption's: a span[dir="auto"] holding the name, then the words.
    const wrapped = (who: string, words: string) => `<div><span dir="auto"><a href="/${who}/"><span dir="auto">${who}</span></a>&nbsp;<span dir="auto">${words}</span></span></div>`;
    const again = page(`<main>
      <article>${header('kate.flies', 'DKkateGATE2')}${wrapped('kate.flies', 'Gate changed three times.')}${wrapped('nina.k', 'Acme Air lost mine too!!')}</article>
      <article>${header('dana.wu', 'DKdanaNOCAP')}<img alt="">${wrapped('nina.k', 'Acme Air lost mine too!!')}</article>
    </main>`);
    expect(again.posts.map((p) => p?.text)).toEqual(['Gate changed three times.', '']);
  });

  it("reads a post page's caption written in the span of its name and time, after the time (modelled by an outside audit)", () => {
    setPageUrl('https://www.instagram.com/p/DJpriyaWing/');
    const avatar = (who: string) => `<div><a href="/${who}/"><img alt="${who}'s profile picture"></a></div>`;
    const { posts } = page(`<main role="main"><div>
      <div class="caption">${avatar('priya.sharma.travels')}<div><span dir="auto"><span><div><a href="/priya.sharma.travels/"><span dir="auto">priya.sharma.travels</span></a></div></span>
        <span><time datetime="2025-05-20T06:45:00.000Z">1w</time></span><div></div><span>Window seat views. Thanks <a href="/acmeair/">@acmeair</a> for the upgrade!</span></span></div></div>
      <div class="comment">${avatar('joao.silva.pt')}<div><div><span><div><a href="/joao.silva.pt/"><span dir="auto">joao.silva.pt</span></a></div></span>
        <a href="/p/DJpriyaWing/c/17990055544433322/"><time datetime="2025-05-21T12:00:00.000Z">6d</time></a></div><span dir="auto"><span>A Acme Air perdeu a minha mala</span></span></div></div>
    </div></main>`);
    expect(posts.map((p) => [p?.id, p?.author.handle, p?.text])).toEqual([
      ['DJpriyaWing', 'priya.sharma.travels', 'Window seat views. Thanks @acmeair for the upgrade!'],
      ['17990055544433322', 'joao.silva.pt', 'A Acme Air perdeu a minha mala'],
    ]);
    resetPageUrl();
  });

  it('reads a feed post that shows no time by its one post link, without a date; never a grid of posts or a repost line', () => {
    const { posts } = page(`<main>
      <article><header><a href="/no.time/">no.time</a></header><img src="6.jpg" alt="">
        <span dir="auto">Posted without a time element</span><a href="/p/CfFfFfFf6/">View post</a></article>
      <article><div><a href="/p/DAoFGLdyEC1/"><img alt="" src="1.jpg"></a><a href="/p/CuvNP6xLMlW/"><img alt="" src="2.jpg"></a></div></article>
      <article><div><a href="/ray.retro/">ray.retro</a><span> reposted</span></div><a href="/acmeair/">acmeair</a>
        <span dir="auto">Meet our crew</span><a href="/reel/C4stuVWX/">View reel</a></article>
      <article><div><div><a href="/brand.shop/">brand.shop</a></div><div><a href="/brand.shop/">Brand Shop</a><span>Sponsored</span></div></div>
        <img src="7.jpg" alt=""><span dir="auto">New season, new bags</span><a href="/p/CgGgGgGg7/">View post</a></article>
    </main>`);
    expect(posts[0]).toEqual({
      platform: 'instagram',
      id: 'CfFfFfFf6',
      url: 'https://www.instagram.com/p/CfFfFfFf6/',
      author: { handle: 'no.time', profileUrl: 'https://www.instagram.com/no.time/' },
      text: 'Posted without a time element',
      isReply: false,
    });
    // An ad shows "Sponsored" where a post's time would be: with no time, it is looked for by the author's link.
    expect(posts.slice(1)).toEqual([undefined, undefined, undefined]);
  });

  it('keeps a post whose datetime has no offset (read as UTC) or is a date alone (no time given)', () => {
    const { posts } = page(['2025-02-03T10:00:00', '2025-02-03', '2025-02-03T10:00:00+01:00', '2025-02-30T10:00:00Z']
      .map((dt, i) => `<article><header><a href="/lena.sky/">lena.sky</a></header><span dir="auto">post ${i}</span><a href="/p/CcCcCcCc${i}/"><time datetime="${dt}">Feb 3</time></a></article>`)
      .join(''));
    expect(posts.map((p) => p && [p.id, p.publishedAt])).toEqual([
      ['CcCcCcCc0', '2025-02-03T10:00:00.000Z'],
      ['CcCcCcCc1', undefined],
      ['CcCcCcCc2', '2025-02-03T10:00:00+01:00'],
      ['CcCcCcCc3', undefined],
    ]);
  });

  it('reads links written without their closing slash', () => {
    const { posts } = page(`<article><header><a href="https://www.instagram.com/lena.sky">lena.sky</a></header>
      <span dir="auto">Wolken über Berlin ☁️</span><a href="https://www.instagram.com/p/CcCcCcCc3"><time datetime="2025-02-03T10:00:00Z">Feb 3</time></a>
      <ul><li><a href="/acmeair">acmeair</a> <span dir="auto">Lovely</span> <a href="/p/CcCcCcCc3/c/17900000000000009"><time datetime="2025-02-03T11:00:00Z">1h</time></a></li>
      <li><a href="/lena.sky">lena.sky</a> <span dir="auto">@acmeair thanks</span> <a href="/p/CcCcCcCc3/c/17900000000000009/r/17900000000000010"><time datetime="2025-02-03T12:00:00Z">1h</time></a></li></ul></article>`);
    expect(posts[0]).toMatchObject({ id: 'CcCcCcCc3', author: { handle: 'lena.sky' }, text: 'Wolken über Berlin ☁️' });
    expect(posts[1]).toMatchObject({ id: '17900000000000009', author: { handle: 'acmeair' }, inReplyTo: 'lena.sky' });
    expect(posts[2]).toMatchObject({ id: '17900000000000010', author: { handle: 'lena.sky' }, inReplyTo: 'acmeair' });
    // Still nothing else: /p/<code>/comments/ and /p/<code>/liked_by/ name no post.
    const other = page('<article><a href="/lena.sky/">lena.sky</a><a href="/p/CcCcCcCc3/liked_by"><time datetime="2025-02-03T10:00:00Z">x</time></a></article>');
    expect(other.posts).toEqual([undefined]);
  });
});

describe("Instagram adapter: the accounts a post's photo tags", () => {
  afterAll(resetPageUrl);
  const matcher = compileBrands([BrandSchema.parse({ name: 'Acme Air', handles: ['acmeair'] })]);

  it("reads them from the photo's alt text after the caption, so a customer tagging the brand is a mention", () => {
    const { roots, posts } = readFixture(instagram, 'photo-tag', { atSavedUrl: true });
    expect(posts[0]).toMatchObject({ id: 'DGx7Lm2aB9k', author: { handle: 'maria.travels' }, text: 'Lisbon at last, only six hours late 🙃 #travel #lisbon\ntagging @acmeair' });
    expect(matchPost(posts[0]!, matcher)?.brands).toEqual(['Acme Air']);
    expect(matcher.screen(instagram.peek!(roots[0]!)!.text)).toBe(true);
    // Comments are the commenters' words alone.
    expect(posts[1]!.text).toBe('@acmeair this is the third time this month');
  });

  it("reads a feed post's own photos, several tagged accounts, and never a picture in a link to another post", () => {
    const { roots } = readFixture(instagram, 'feed', { atSavedUrl: true });
    const article = roots[0]!.cloneNode(true) as Element;
    const before = instagram.extractPost(article)!.text;
    article.insertAdjacentHTML('afterbegin', '<div><img alt="Photo by Lisa on May 13, 2024 tagging @acmeair, @lisbonairport and @skyjet. May be an image of 1 person." src="x.jpg"></div>');
    // (The caption names @acmeair already: only the others are added.)
    expect(before).toContain('@acmeair');
    expect(instagram.extractPost(article)!.text).toBe(`${before}\ntagging @lisbonairport @skyjet`);
    const grid = roots[0]!.cloneNode(true) as Element;
    grid.insertAdjacentHTML('beforeend', '<a href="/p/OtherPost123/"><img alt="Photo by Lisa tagging @acmeair." src="y.jpg"></a><img alt="acmeair\'s profile picture" src="z.jpg">');
    expect(instagram.extractPost(grid)!.text).toBe(before);
    // In the reader's language, and never the author's own account.
    const author = instagram.extractPost(article)!.author.handle;
    for (const alt of [`Foto de Lisa el 13 de mayo de 2024 etiquetando a @skyjet y @${author}.`, 'Photo de Lisa le 13 mai 2024 identifiant @skyjet. Peut être une image de 1 personne.', 'Lisa の写真 2024年5月13日 @skyjet をタグ付け']) {
      const tagged = roots[0]!.cloneNode(true) as Element;
      tagged.insertAdjacentHTML('afterbegin', `<div><img alt="${alt}" src="x.jpg"></div>`);
      expect(instagram.extractPost(tagged)!.text, alt).toBe(`${before}\ntagging @skyjet`);
    }
  });

  it('adds no account the caption names already (a real 2026 post tags whom its caption thanks)', () => {
    const { roots } = readFixture(instagram, 'feed', { atSavedUrl: true });
    const article = roots[0]!.cloneNode(true) as Element;
    const before = instagram.extractPost(article)!.text;
    const named = before.match(/@[A-Za-z0-9._]+/)?.[0];
    expect(named, 'the fixture caption names an account').toBeDefined();
    article.insertAdjacentHTML('afterbegin', `<div><img alt="Photo by Lisa tagging ${named!.toUpperCase()}. and @skyjet." src="x.jpg"></div>`);
    expect(instagram.extractPost(article)!.text).toBe(`${before}\ntagging @skyjet`);
  });
});
