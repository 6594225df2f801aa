import { afterAll, describe, expect, it } from 'vitest';
import { compileBrands } from '../match';
import { BrandSchema } from '../schemas/brand';
import { loadFixture, readFixture, resetPageUrl, setPageUrl } from './fixture-testing';
import { x } from './x';

describe('X adapter', () => {
  const { doc, roots, posts } = readFixture(x, 'timeline');

  it('finds every post root and reads those it understands', () => {
    expect(roots).toHaveLength(11);
    expect(posts.filter(Boolean)).toHaveLength(9);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads author, permalink, time and text with emoji and hashtags', () => {
    const p = posts[0]!;
    expect(p).toMatchObject({
      platform: 'x',
      id: '1790000000000000001',
      url: 'https://x.com/mayachen_/status/1790000000000000001',
      author: { handle: 'mayachen_', name: 'Maya Chen', profileUrl: 'https://x.com/mayachen_' },
      publishedAt: '2024-05-13T09:12:44.000Z',
      isReply: false,
    });
    expect(p.text).toBe('Third time I ask: my order from @AcmeAir never arrived and support is useless. Still waiting for a refund 😡 #acmefail');
  });

  it('expands shortened links to what they show', () => {
    expect(posts[3]!.text).toBe('Our spring schedule is live. Book now at https://acmeair.com/spring');
  });

  it('marks replies and to whom', () => {
    expect(posts[4]).toMatchObject({ isReply: true, inReplyTo: 'AcmeAir' });
  });

  it("keeps a quoted post's text out of the quoting post", () => {
    expect(posts[5]!.text).toBe('Switched to SkyJet and honestly never looking back');
    expect(posts[5]!.author.handle).toBe('ninarossi');
    expect(posts[5]!.quoted).toEqual({ author: 'AcmeAir', text: 'We are updating our baggage policy.' });
  });

  it('has no first read of its own: the raw textContent holds every word the full read gives', () => {
    expect(x.peek).toBeUndefined();
    roots.forEach((root, i) => {
      const post = posts[i];
      if (!post) return;
      // Any word of the post's text, of what it quotes, and its author's @handle pass the screen.
      const words = [...`${post.text} ${post.quoted?.text ?? ''}`.matchAll(/[\p{L}\p{N}_]{4,}/gu)].map((w) => w[0]);
      for (const term of [...words, `@${post.author.handle}`]) {
        expect(compileBrands([BrandSchema.parse({ name: 'zz', handles: [term] })]).screen(root.textContent!), term).toBe(true);
      }
    });
  });

  it('reads image-only posts with empty text', () => {
    expect(posts[7]).toMatchObject({ id: '1790000000000000008', text: '' });
  });

  it('skips posts whose markup it does not understand, without throwing', () => {
    expect(posts[9]).toBeUndefined();
    expect(posts[10]).toBeUndefined();
    const junk = doc.createElement('article');
    junk.innerHTML = '<a href="/status/notanumber"><time>now</time></a>';
    expect(() => x.extractPost(junk)).not.toThrow();
    expect(x.extractPost(junk)).toBeUndefined();
  });
});

describe('X adapter on a conversation (markup of real saved cells)', () => {
  const { roots, posts } = readFixture(x, 'conversation');

  it('reads every post of the conversation and the Article', () => {
    expect(roots).toHaveLength(6);
    expect(posts.map((p) => p?.id)).toEqual([
      '1790000000000000101',
      '1790000000000000102',
      '1790000000000000103',
      '1790000000000000104',
      '1790000000000000106',
      '1790000000000000105',
    ]);
  });

  it('takes a reply under the thread line as a reply to the post in the cell above, with no "Replying to" line', () => {
    expect(posts[0]).toMatchObject({ isReply: false });
    expect(posts[0]!.inReplyTo).toBeUndefined();
    expect(posts[1]).toMatchObject({ author: { handle: 'AcmeAir' }, isReply: true, inReplyTo: 'dana_flies' });
    expect(posts[2]).toMatchObject({ isReply: true, inReplyTo: 'AcmeAir' });
    // The cell above is "Show more replies", not a post: a reply, to someone the page does not show.
    expect(posts[3]).toMatchObject({ isReply: true });
    expect(posts[3]!.inReplyTo).toBeUndefined();
    expect(posts[5]).toMatchObject({ isReply: false });
  });

  it("finds the thread line whether or not its column sits in a wrapper of its own (pages written after X's markup)", () => {
    // The row above the avatar's: [wrapper > [line column, spacer]] as X renders it; here [line column, spacer].
    const reply = roots[2]!.cloneNode(true) as Element;
    const avatar = reply.querySelector('[data-testid="Tweet-User-Avatar"]')!;
    let row: Element = avatar;
    while (row.parentElement !== reply && !row.previousElementSibling) row = row.parentElement!;
    const above = row.previousElementSibling!;
    const wrapper = above.firstElementChild!;
    expect(wrapper.childElementCount).toBe(2);
    wrapper.replaceWith(...wrapper.children);
    roots[2]!.replaceWith(reply);
    try {
      expect(x.extractPost(reply)).toMatchObject({ isReply: true, inReplyTo: 'AcmeAir' });
      // A row holding its spacer alone draws no line.
      above.firstElementChild!.remove();
      expect(x.extractPost(reply)).toMatchObject({ isReply: false });
    } finally {
      reply.replaceWith(roots[2]!);
    }
  });

  it('gives the cells shown under a post as answers to it, for as long as the thread line joins them', () => {
    const ids = (root: Element) => (x.answersShownAfter!(root) ?? []).map((cell) => x.getPostId(cell.querySelector('article')!));
    expect(ids(roots[0]!)).toEqual(['1790000000000000102', '1790000000000000103']);
    expect(ids(roots[1]!)).toEqual(['1790000000000000103']);
    // After the last joined reply comes "Show more replies": nothing more is joined.
    expect(ids(roots[2]!)).toEqual([]);
    expect(ids(roots[5]!)).toEqual([]);
  });

  it('reads a "Replying to" line whose @handle link holds a span', () => {
    expect(posts[4]).toMatchObject({ author: { handle: 'kim_flies' }, isReply: true, inReplyTo: 'dana_flies' });
    expect(posts[4]!.text).toBe('The Porto connection worked for me last month, Acme Air held my bag at the transfer desk');
  });

  it('leaves the "Show more" link out of a long text', () => {
    expect(posts[2]!.text).toMatch(/^Booked the Porto connection, thank you Acme Air\. .* still show the cancelled flight…$/);
    expect(posts[2]!.text).not.toContain('Show more');
  });

  it("names a quoted post's author although its block holds no link, and reads emoji in display names", () => {
    expect(posts[3]!.quoted).toEqual({
      author: 'AcmeAir',
      text: 'Dana, we can move you to the 18:40 via Porto, landing at 21:05 tonight. Send us a DM with your booking code and we will switch it right away.',
    });
    expect(posts[3]!.author.name).toBe('Jo Reyes 🌍');
    // The name line written with divs rather than spans (a page written after X's markup): the same author.
    const divs = roots[3]!.cloneNode(true) as Element;
    divs.querySelectorAll('[data-testid^="UserAvatar-Container-"]').forEach((el) => el.removeAttribute('data-testid'));
    const quote = [...divs.querySelectorAll('[data-testid="User-Name"]')].at(-1)!;
    quote.innerHTML = '<div>Acme Air</div><div>@AcmeAir</div><div>·</div><div>2h</div>';
    expect(x.extractPost(divs)!.quoted).toEqual(posts[3]!.quoted);
    quote.innerHTML = '<div>Acme Air</div><div>see @AcmeAir</div>';
    expect(x.extractPost(divs)!.quoted?.author).toBeUndefined();
  });

  it('takes no @mention in an Article, or under a post\'s media, for the line a reply opens with', () => {
    const article = roots[5]!.cloneNode(true) as Element;
    article.querySelector('[data-block="true"]')!.insertAdjacentHTML('beforeend', ' <a href="/somebody" role="link">@somebody</a>');
    expect(x.extractPost(article)).toMatchObject({ isReply: false });
    expect(x.extractPost(article)!.inReplyTo).toBeUndefined();
  });

  it("reads an X Article's title and body, paragraph by paragraph", () => {
    expect(posts[5]!.text).toBe(
      'How Acme Air rebuilt its rebooking flow\n' +
        'When a flight is cancelled, every passenger on it needs a new plan within minutes.\n' +
        'This is how the new rebooking service finds a seat on the next departure, checks the connection and holds the bag transfer.\n' +
        'It now answers in under two seconds for a full aircraft.',
    );
  });
});

describe('X adapter: ads, other languages, other addresses, reply boxes', () => {
  const STATUS = 'https://x.com/mayachen_/status/1790000000000000001';
  /** The timeline in this window's document, at `url`. */
  const page = (url: string) => {
    document.body.innerHTML = loadFixture('x', 'timeline', { at: url }).body.innerHTML;
    return [...document.querySelectorAll('article[data-testid="tweet"]')];
  };
  afterAll(() => {
    document.body.replaceChildren();
    resetPageUrl();
  });

  it('skips an ad, which X wraps in placementTracking, but not a post whose video player is wrapped so', () => {
    const [first, second] = page('https://x.com/home');
    const ad = document.createElement('div');
    ad.setAttribute('data-testid', 'placementTracking');
    ad.append(first!);
    document.body.append(ad);
    expect(x.getPostId(first!)).toBeUndefined();
    expect(x.extractPost(first!)).toBeUndefined();
    second!.querySelector('[data-testid="tweetText"]')!.insertAdjacentHTML('afterend', '<div data-testid="placementTracking"><div data-testid="videoPlayer"></div></div>');
    expect(x.getPostId(second!)).toBe('1790000000000000002');
  });

  it('finds the line a reply opens with in any language, the handle before or after the words', () => {
    const posts = page('https://x.com/home');
    const reply = posts[4]!;
    const line = [...reply.querySelectorAll('div')].find((d) => d.firstChild?.nodeValue?.startsWith('Replying to'))!;
    line.firstChild!.nodeValue = 'En respuesta a ';
    expect(x.extractPost(reply)).toMatchObject({ isReply: true, inReplyTo: 'AcmeAir' });
    line.firstChild!.remove();
    line.append(' 님에게 보내는 답글');
    expect(x.extractPost(reply)).toMatchObject({ isReply: true, inReplyTo: 'AcmeAir' });
    // A mention in the text is not that line.
    expect(x.extractPost(posts[0]!)).toMatchObject({ isReply: false });
  });

  it('names the author from the header when the time links x.com/i/status/<id>', () => {
    const [first] = page('https://x.com/home');
    first!.querySelector('a[href="/mayachen_/status/1790000000000000001"]')!.setAttribute('href', '/i/status/1790000000000000001');
    expect(x.extractPost(first!)).toMatchObject({ id: '1790000000000000001', url: STATUS, author: { handle: 'mayachen_' } });
  });

  it("gives a post only its own reply box: the dialog showing it, or on its page, the box under it; never the timeline's new-post box", () => {
    const box = (inner = '') => `<div data-testid="tweetTextarea_0" contenteditable="true" role="textbox">${inner}</div>`;
    let posts = page('https://x.com/home');
    document.body.insertAdjacentHTML('afterbegin', box());
    expect(x.findReplyBox(posts[0]!)).toBeUndefined();
    // The reply dialog shows the post it answers.
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.append(posts[0]!.cloneNode(true));
    dialog.insertAdjacentHTML('beforeend', box());
    document.body.append(dialog);
    expect(x.findReplyBox(posts[0]!)).toBe(dialog.querySelector('[contenteditable="true"]'));
    expect(x.findReplyBox(posts[1]!)).toBeUndefined();
    // A post's own page: the box under its focused post (a textarea in X's mobile layout) is that post's only.
    posts = page(STATUS);
    posts[0]!.setAttribute('tabindex', '-1');
    document.body.insertAdjacentHTML('beforeend', `<div data-testid="tweetTextarea_0">${'<textarea></textarea>'}</div>`);
    expect(x.findReplyBox(posts[0]!)).toBe(document.querySelector('textarea'));
    expect(x.findReplyBox(posts[1]!)).toBeUndefined();
    posts[0]!.removeAttribute('tabindex');
    expect(x.findReplyBox(posts[0]!)).toBeUndefined();
  });

  it('gives a post the box of the compose page that answers it, where Reply goes in a narrow window, the post gone from the page', () => {
    const [first, second] = page('https://x.com/home');
    // The compose page shows the post it answers above its box, in the page's main column, as the dialog does.
    const compose = `<main role="main"><div>${first!.outerHTML}</div><div data-testid="tweetTextarea_0" contenteditable="true" role="textbox"></div></main>`;
    setPageUrl('https://x.com/compose/post');
    document.body.innerHTML = compose;
    expect(first!.isConnected).toBe(false);
    expect(x.findReplyBox(first!)).toBe(document.querySelector('[contenteditable="true"]'));
    expect(x.findReplyBox(second!)).toBeUndefined();
    // Elsewhere, a main column is no composer: the box there writes a new post.
    setPageUrl('https://x.com/compose/post');
    // A post shown below the box is quoted, not answered.
    document.body.innerHTML = `<main role="main"><div data-testid="tweetTextarea_0" contenteditable="true" role="textbox"></div><div>${first!.outerHTML}</div></main>`;
    expect(x.findReplyBox(first!)).toBeUndefined();
    // On a wide screen the compose page is a dialog over the timeline, whose new-post box is no reply to a post in it.
    document.body.innerHTML =
      `<main role="main"><div data-testid="tweetTextarea_0" contenteditable="true" role="textbox"></div><div data-testid="cellInnerDiv">${first!.outerHTML}</div></main>` +
      '<div role="dialog"><div data-testid="tweetTextarea_0" contenteditable="true" role="textbox"></div></div>';
    expect(x.findReplyBox(first!)).toBeUndefined();
    document.querySelector('[role="dialog"]')!.remove();
    expect(x.findReplyBox(first!)).toBeUndefined();
    document.body.innerHTML = compose;
    setPageUrl('https://x.com/home');
    expect(x.findReplyBox(first!)).toBeUndefined();
  });
});

describe('X adapter: polls, quotes X cannot show, names beginning with "@" (2026 markup, from an outside review)', () => {
  const post = (edit: (article: Element) => void) => {
    const doc = loadFixture('x', 'timeline');
    const article = doc.querySelector('article[data-testid="tweet"]')!;
    edit(article);
    return x.extractPost(article)!;
  };
  const bar = (article: Element) => article.querySelector('[role="group"]')!;

  it("reads a poll's choices after its question, a line each, never its vote count", () => {
    const read = post((a) =>
      bar(a).insertAdjacentHTML(
        'beforebegin',
        '<div data-testid="card.wrapper"><div data-testid="cardPoll"><div role="radiogroup"><div role="radio"><span>SkyJet</span></div><div role="radio"><span>Neither</span></div></div><div><span>591 votes</span><span>·</span><span>23 hours left</span></div></div></div>',
      ),
    );
    expect(read.text.split('\n').slice(-2)).toEqual(['SkyJet', 'Neither']);
    expect(read.text).not.toContain('591 votes');
  });

  it("reads a closed poll's choices from its results, never their shares", () => {
    // Once a poll is closed or the reader has voted, each choice is a list item: its name, then its share.
    const read = post((a) =>
      bar(a).insertAdjacentHTML(
        'beforebegin',
        '<div data-testid="card.wrapper"><div data-testid="cardPoll"><div role="list"><div role="listitem"><div><span>SkyJet</span><svg></svg></div><span>62.5%</span></div>' +
          '<div role="listitem"><div><span>Neither</span></div><span>37.5%</span></div></div><div><span>591 votes</span><span>·</span><span>Final results</span></div></div></div>',
      ),
    );
    expect(read.text.split('\n').slice(-2)).toEqual(['SkyJet', 'Neither']);
    expect(read.text).not.toMatch(/%|Final results/);
  });

  it('reads a quote of a post X cannot show as quoting its line, without its "Learn more"', () => {
    const read = post((a) =>
      bar(a).insertAdjacentHTML(
        'beforebegin',
        '<div><article role="article" tabindex="0"><div dir="ltr"><span>This post is unavailable.</span> <a href="https://help.x.com/rules-and-policies/notices-on-x" role="link"><span>Learn more</span></a></div></article></div>',
      ),
    );
    expect(read.quoted).toEqual({ text: 'This post is unavailable.' });
  });

  it('keeps a display name that begins with "@", and never takes the @handle for a name', () => {
    const named = post((a) => (a.querySelector('[data-testid="User-Name"] a[href] span')!.textContent = '@AcmeAir superfan'));
    expect(named.author.name).toBe('@AcmeAir superfan');
    const handleOnly = post((a) => {
      const header = a.querySelector('[data-testid="User-Name"]')!;
      for (const span of header.querySelectorAll('a[href] span')) span.textContent = `@${x.extractPost(a)!.author.handle}`;
    });
    expect(handleOnly.author.name).toBeUndefined();
  });
});

describe("X adapter on a post's own page", () => {
  afterAll(() => {
    document.body.replaceChildren();
    resetPageUrl();
  });

  it('reads the focused post (its time under its text) and the reply below, and answers the focused post only in the box under it', () => {
    document.body.innerHTML = loadFixture('x', 'status', { atSavedUrl: true }).body.innerHTML;
    const roots = [...document.querySelectorAll('article[data-testid="tweet"]')];
    const [focused, reply] = roots.map((r) => x.extractPost(r));
    expect(roots).toHaveLength(2);
    expect(focused).toMatchObject({
      id: '1790000000000000101',
      url: 'https://x.com/dana_flies/status/1790000000000000101',
      author: { handle: 'dana_flies', name: 'Dana Okafor' },
      publishedAt: '2024-05-13T07:02:11.000Z',
      isReply: false,
    });
    expect(focused!.text).toContain('@AcmeAir is there any other option?');
    expect(reply).toMatchObject({ id: '1790000000000000106', isReply: true, inReplyTo: 'dana_flies' });
    const box = x.findReplyBox(roots[0]!);
    expect(box?.matches('.public-DraftEditor-content[contenteditable="true"][data-testid="tweetTextarea_0"]')).toBe(true);
    expect(x.findReplyBox(roots[1]!)).toBeUndefined();
  });

  it('reads a focused post that is itself a reply as answering the post shown above it, joined by the thread line', () => {
    document.body.innerHTML = loadFixture('x', 'status', { atSavedUrl: true }).body.innerHTML;
    const [focused, reply] = [...document.querySelectorAll('article[data-testid="tweet"]')] as Element[];
    // The parent X shows above the focused post: a post of the brand's, in a cell of its own.
    const parent = reply!.closest('[data-testid="cellInnerDiv"]')!.cloneNode(true) as Element;
    parent.innerHTML = parent.innerHTML.replaceAll('kim_flies', 'AcmeAir').replaceAll('1790000000000000106', '1790000000000000100');
    [...parent.querySelectorAll('div[dir="ltr"]')].find((el) => el.textContent!.startsWith('Replying to'))!.remove();
    focused!.closest('[data-testid="cellInnerDiv"]')!.before(parent);
    expect(x.extractPost(focused!)).toMatchObject({ isReply: false });
    // X draws the line into the focused post's top row, before its spacer, as in any reply under its parent.
    const top = focused!.querySelector('.r-ttdzmv')!.parentElement!;
    top.insertAdjacentHTML('afterbegin', '<div class="css-175oi2r r-18kxxzh r-1b7u577 r-onrtq4 r-15zivkp"><div class="css-175oi2r r-1bimlpy r-1jgb5lz r-m5arl1 r-1p0dtai"></div></div>');
    expect(x.extractPost(focused!)).toMatchObject({ id: '1790000000000000101', isReply: true, inReplyTo: 'AcmeAir' });
    expect(x.extractPost(reply!)).toMatchObject({ inReplyTo: 'dana_flies' });
  });

  it('reads a reply shown under the focused post without a "Replying to" line as answering it, past a "More from this author" block, but not a post recommended after "Discover more"', () => {
    document.body.innerHTML = loadFixture('x', 'status', { atSavedUrl: true }).body.innerHTML;
    const [, reply] = [...document.querySelectorAll('article[data-testid="tweet"]')];
    // X draws no thread line to a reply to the focused post, and this one shows no "Replying to" line.
    [...reply!.querySelectorAll('div[dir="ltr"]')].find((el) => el.textContent!.startsWith('Replying to'))!.remove();
    expect(x.extractPost(reply!)).toMatchObject({ id: '1790000000000000106', isReply: true, inReplyTo: 'dana_flies' });
    // A heading in the focused post's own cell changes nothing.
    const focusedCell = document.querySelector('article[tabindex="-1"]')!.closest('[data-testid="cellInnerDiv"]')!;
    focusedCell.insertAdjacentHTML('beforeend', '<h2 role="heading" aria-level="2">Post</h2>');
    expect(x.extractPost(reply!)).toMatchObject({ inReplyTo: 'dana_flies' });
    focusedCell.lastElementChild!.remove();
    // After the "Discover more" heading, X recommends posts that answer nothing on the page.
    const cell = reply!.closest('[data-testid="cellInnerDiv"]')!;
    cell.insertAdjacentHTML('beforebegin', '<div data-testid="cellInnerDiv"><div><h2 role="heading" aria-level="2"><span>Discover more</span></h2><div dir="ltr"><span>Sourced from across X</span></div></div></div>');
    expect(x.extractPost(reply!)).toMatchObject({ id: '1790000000000000106', isReply: false });
    expect(x.extractPost(reply!)!.inReplyTo).toBeUndefined();
    cell.previousElementSibling!.remove();
    // A "More from this author" block among the replies: its heading, the author's posts, and "See more".
    const block = (heading: string) =>
      `<div data-testid="cellInnerDiv"><div><h2 role="heading" aria-level="2"><span>${heading}</span></h2></div></div>` +
      `<div data-testid="cellInnerDiv">${document.querySelector('article[tabindex="-1"]')!.outerHTML.replace('tabindex="-1"', 'tabindex="0"').replaceAll('1790000000000000101', '1790000000000000050')}</div>` +
      '<div data-testid="cellInnerDiv"><div><div><a href="/i/user/1234567" role="link"><span>See more</span></a></div></div></div>';
    cell.insertAdjacentHTML('beforebegin', block('More from AcmeAir'));
    expect(x.extractPost(reply!)).toMatchObject({ id: '1790000000000000106', isReply: true, inReplyTo: 'dana_flies' });
    // The block's own posts answer nothing.
    const authorsPost = cell.previousElementSibling!.previousElementSibling!.querySelector('article')!;
    expect(x.extractPost(authorsPost)).toMatchObject({ id: '1790000000000000050', isReply: false });
    // A heading with a description line is "Discover more", wherever it stands.
    cell.previousElementSibling!.previousElementSibling!.previousElementSibling!.querySelector('h2')!.insertAdjacentHTML('afterend', '<div dir="ltr"><span>Sourced from across X</span></div>');
    expect(x.extractPost(reply!)).toMatchObject({ isReply: false });
    for (let i = 0; i < 3; i++) cell.previousElementSibling!.remove();
    // On another post's page, or on a timeline, nothing is answered this way.
    setPageUrl('https://x.com/dana_flies/status/1790000000000000999');
    expect(x.extractPost(reply!)!.inReplyTo).toBeUndefined();
  });
});

describe('X adapter on markup a page saved or rewritten by another tool may show (after outside test authors)', () => {
  const { doc, roots, posts } = readFixture(x, 'timeline');
  const copy = (i: number) => roots[i]!.cloneNode(true) as Element;
  afterAll(() => {
    document.body.replaceChildren();
    resetPageUrl();
  });

  it('reads the name of a name link holding no span, and never takes the "@handle" for the name', () => {
    const post = copy(0);
    const nameLink = post.querySelector('[data-testid="User-Name"] a[href="/mayachen_"]:not([tabindex])')!;
    nameLink.innerHTML = 'Maya Chen';
    expect(x.extractPost(post)!.author).toEqual(posts[0]!.author);
    // The name in no link, the handle's link holding a span: no name, rather than "@mayachen_".
    const plain = doc.createElement('span');
    plain.textContent = 'Maya Chen';
    nameLink.replaceWith(plain);
    expect(x.extractPost(post)).toMatchObject({ id: '1790000000000000001', author: { handle: 'mayachen_' } });
    expect(x.extractPost(post)!.author.name).toBeUndefined();
  });

  it("reads a post whose time stands beside its permalink, or that shows no time, by the one link to its author's post", () => {
    const post = copy(0);
    const link = post.querySelector('a[href="/mayachen_/status/1790000000000000001"]')!;
    const time = link.querySelector('time')!;
    link.after(time);
    link.textContent = '2h';
    expect(x.extractPost(post)).toEqual(posts[0]);
    time.remove();
    const { publishedAt, ...undated } = posts[0]!;
    expect(publishedAt).toBeDefined();
    expect(x.extractPost(post)).toEqual(undated);
    // A link to another of the author's posts in its text is not its permalink.
    post.querySelector('[data-testid="tweetText"]')!.insertAdjacentHTML('beforeend', ' <a href="/mayachen_/status/1790000000000000999">earlier</a>');
    expect(x.getPostId(post)).toBe('1790000000000000001');
    // Two links to two of the author's posts outside its text: which one is its own cannot be told.
    post.querySelector('[role="group"]')!.insertAdjacentHTML('beforeend', '<a href="/mayachen_/status/1790000000000000998">Show this thread</a>');
    expect(x.getPostId(post)).toBeUndefined();
    expect(x.extractPost(post)).toBeUndefined();
    // A link around media (a photo's, /status/<id>/photo/1) is never its permalink: media may be another post's.
    const photoOnly = copy(0);
    photoOnly.querySelector('a[href="/mayachen_/status/1790000000000000001"]')!.remove();
    photoOnly.querySelector('[data-testid="tweetText"]')!.insertAdjacentHTML('afterend', '<a href="/mayachen_/status/1790000000000000001/photo/1"><div data-testid="tweetPhoto"><img alt="Image"></div></a>');
    expect(x.extractPost(photoOnly)).toBeUndefined();
    // A link to another author's post is never its permalink.
    link.remove();
    post.querySelector('a[href$="/1790000000000000998"]')!.setAttribute('href', '/AcmeAir/status/1790000000000000998');
    expect(x.extractPost(post)).toBeUndefined();
  });

  it('reads a "Replying to" line whose link is absolute (https://x.com/handle)', () => {
    const post = copy(4);
    post.querySelector('a[href="/AcmeAir"]')!.setAttribute('href', 'https://x.com/AcmeAir');
    expect(x.extractPost(post)).toMatchObject({ isReply: true, inReplyTo: 'AcmeAir' });
  });

  it('keeps apart a quoted post whose block is no div[role="link"], and never takes its time link for the permalink', () => {
    const post = copy(5);
    const block = post.querySelector('div[role="link"]')!;
    block.removeAttribute('role');
    expect(x.extractPost(post)).toEqual(posts[5]);
    // The quoted post's time in a link to it, the post's own beside its link: the post keeps its own id.
    const quoteTime = block.querySelector('time')!;
    quoteTime.outerHTML = `<a href="/AcmeAir/status/1790000000000000090">${quoteTime.outerHTML}</a>`;
    const own = post.querySelector('a[href="/ninarossi/status/1790000000000000006"]')!;
    own.after(own.querySelector('time')!);
    expect(x.extractPost(post)).toEqual(posts[5]);
    // No header of its own before the second text: nothing says whose that text is, and no quote is read.
    block.querySelector('[data-testid="User-Name"]')!.remove();
    expect(x.extractPost(post)).toMatchObject({ id: '1790000000000000006', text: posts[5]!.text, quoted: undefined });
  });

  it("on a post's own page, reads the replies under the focused post as answering it though the focused post is not made unfocusable", () => {
    document.body.innerHTML = loadFixture('x', 'status', { atSavedUrl: true }).body.innerHTML;
    const [focused, reply] = [...document.querySelectorAll('article[data-testid="tweet"]')];
    focused!.setAttribute('tabindex', '0');
    [...reply!.querySelectorAll('div[dir="ltr"]')].find((el) => el.textContent!.startsWith('Replying to'))!.remove();
    expect(x.extractPost(focused!)).toMatchObject({ id: '1790000000000000101', isReply: false });
    expect(x.extractPost(reply!)).toMatchObject({ id: '1790000000000000106', isReply: true, inReplyTo: 'dana_flies' });
    // On another post's page, the post is no focused one.
    setPageUrl('https://x.com/dana_flies/status/1790000000000000999');
    expect(x.extractPost(reply!)).toMatchObject({ isReply: false });
  });
});

describe('X adapter: bookmarks', () => {
  it("reads a post sharing an X Article by its card's title and preview, and a quote of a quote apart", () => {
    const { roots, posts } = readFixture(x, 'bookmarks', { atSavedUrl: true });
    expect(roots).toHaveLength(4);
    expect(posts[0]).toMatchObject({
      id: '1998765400000000076',
      text: 'Two hours on hold with @AcmeAir and the call dropped again.\n\nThis is what they promised last year',
      quoted: { author: 'AcmeAirNews', text: 'We are hiring 200 new care agents this spring.\n\nShorter waits are coming' },
    });
    expect(posts[1]).toEqual({
      platform: 'x',
      id: '1998765400000000077',
      url: 'https://x.com/flysmartguides/status/1998765400000000077',
      author: { handle: 'flysmartguides', name: 'Fly Smart Guides', profileUrl: 'https://x.com/flysmartguides' },
      text: 'What Acme Air owes you when it cancels your flight\nRefunds, rebooking and meals: a guide.\nWhat to ask for at the desk',
      publishedAt: '2025-12-29T02:00:00.000Z',
      isReply: false,
    });
  });

  it("reads a quoted post that shows only an Article's card as that quote, never as the quoting post's words", () => {
    const { roots, posts } = readFixture(x, 'bookmarks', { atSavedUrl: true });
    const articleOnly = roots[3]!.cloneNode(true) as Element;
    articleOnly.querySelector('div[role="link"] [data-testid="tweetText"]')!.remove();
    expect(x.extractPost(articleOnly)).toMatchObject({
      text: 'Worth a read before your next trip',
      quoted: { author: 'lenafischer', text: 'The Acme Air refund guide nobody gives you\nStep one: keep every boarding pass.' },
    });
    // A quote in a plain block (a page rewritten by another tool): its Article is still its own.
    const plain = roots[3]!.cloneNode(true) as Element;
    plain.querySelector('div[role="link"]')!.removeAttribute('role');
    expect(x.extractPost(plain)!.text).toBe(posts[3]!.text);
    // A badge in a link card, a photo or the header is no Article's.
    const carded = roots[0]!.cloneNode(true) as Element;
    carded.querySelector('[data-testid="tweetText"]')!.insertAdjacentHTML(
      'afterend',
      '<div data-testid="card.wrapper"><div><div role="img"><span aria-hidden="true"><svg></svg> Link</span></div></div><div dir="auto">SkyJet sale</div></div>',
    );
    expect(x.extractPost(carded)!.text).toBe(posts[0]!.text);
    // A quoted post with no words whose photo shows such a badge quotes no Article.
    const photo = roots[3]!.cloneNode(true) as Element;
    const block = photo.querySelector('div[role="link"]')!;
    block.querySelector('[data-testid="tweetText"]')!.remove();
    const badge = block.querySelector('div[role="img"]')!;
    const wrap = photo.ownerDocument.createElement('div');
    wrap.setAttribute('data-testid', 'tweetPhoto');
    badge.replaceWith(wrap);
    wrap.append(badge);
    expect(x.extractPost(photo)!.quoted).toBeUndefined();
  });

  it("reads an Article's card after the post's own words, and in a quoted post as part of what it quotes", () => {
    const { posts } = readFixture(x, 'bookmarks', { atSavedUrl: true });
    expect(posts[2]).toMatchObject({
      id: '1998765400000000078',
      author: { handle: 'priyanat', name: 'Priya Natarajan' },
      text: 'My new Article is up: everything I learned from six months of refund claims.\nWhy Acme Air lost my bag, and how I got it back\nIt took 41 days, three forms and one very patient agent.',
    });
    expect(posts[3]).toMatchObject({
      id: '1998765400000000079',
      text: 'Worth a read before your next trip',
      quoted: { author: 'lenafischer', text: 'I wrote up the whole claim process\nThe Acme Air refund guide nobody gives you\nStep one: keep every boarding pass.' },
    });
  });
});
