// @vitest-environment-options {"url": "https://mastodon.social/home"}
// Mastodon runs on any host: the adapter makes handles and permalinks absolute with the page's own
// origin, so the fixtures are read as if served from mastodon.social.
import { afterEach, describe, expect, it } from 'vitest';
import { openReplyBox } from '../dom/open-reply-box';
import { closePage, expectPeekAgrees, loadFixture, openPage, readFixture, setPageUrl } from './fixture-testing';
import { mastodon } from './mastodon';
import { postRoots } from './types';

describe('Mastodon adapter, home timeline', () => {
  const { doc, roots, posts } = readFixture(mastodon, 'home');

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(mastodon, roots));

  it('finds every status, not quoted ones or off-screen placeholders, and reads those it understands', () => {
    expect(doc.querySelectorAll('article[data-id]')).toHaveLength(13);
    expect(roots).toHaveLength(12);
    expect(roots.every((r) => !r.classList.contains('status--is-quote'))).toBe(true);
    expect(posts.filter(Boolean)).toHaveLength(10);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads every field of a local post: status id, permalink, user@instance handle, emoji, link, hashtag', () => {
    expect(posts[0]).toEqual({
      platform: 'mastodon',
      id: '112445566778899001',
      url: 'https://mastodon.social/@mayachen/112445566778899001',
      author: { handle: 'mayachen@mastodon.social', name: 'Maya Chen', profileUrl: 'https://mastodon.social/@mayachen' },
      text: 'Third time I ask: my bag from @AcmeAir never arrived and support is useless. Still waiting for a refund 😡 #acmefail\nClaim: https://acmeair.com/claims/48213',
      publishedAt: '2024-05-13T09:12:44.000Z',
      isReply: false,
      threadId: '112445566778899001',
    });
  });

  it('keeps the handle of a remote account as shown, and reads custom emoji as their shortcode', () => {
    expect(posts[1]).toMatchObject({
      author: { handle: 'tbecker@hachyderm.io', name: 'Tom Becker', profileUrl: 'https://mastodon.social/@tbecker@hachyderm.io' },
      url: 'https://mastodon.social/@tbecker@hachyderm.io/112445566778899002',
      text: 'Huge thanks to the Acme Air crew, check-in took 30 seconds :blobheart:',
    });
  });

  it('reads a boost as the boosted post, with its own id and author', () => {
    expect(doc.querySelector('article[data-id="112445566778899099"] .status__prepend')?.textContent).toContain('Lisa Park boosted');
    expect(posts[2]).toMatchObject({
      id: '112445566778899003',
      author: { handle: 'AcmeAir@acmeair.social', name: 'Acme Air' },
      text: 'Our spring schedule is live. Book now at https://acmeair.com/spring',
      isReply: false,
    });
  });

  it('keeps a quoted post apart from the quoting post', () => {
    expect(posts[3]!.text).toBe('Switched to SkyJet and honestly never looking back');
    expect(posts[3]!.quoted).toEqual({
      author: 'AcmeAir@acmeair.social',
      text: 'We are updating our baggage policy.',
      url: 'https://mastodon.social/@AcmeAir@acmeair.social/112445566778899005',
    });
    // A quote of a removed post: the quoting post is read, without a quote.
    expect(posts[11]).toMatchObject({ id: '112445566778899014', text: 'This aged well', quoted: undefined });
  });

  it('does not read the "RE: <link>" line the server adds for apps that show no quotes (hidden by the web UI)', () => {
    const root = roots[3]!.cloneNode(true) as Element;
    const text = [...root.querySelectorAll('.status__content__text')].find((el) => el.closest('.status') === root)!;
    text.insertAdjacentHTML('beforeend', '<p class="quote-inline">RE: <a href="https://acmeair.social/@AcmeAir/112445566778899005"><span class="invisible">https://</span><span class="">acmeair.social/@AcmeAir/112445566778899005</span></a></p>');
    expect(mastodon.extractPost(root)!.text).toBe('Switched to SkyJet and honestly never looking back');
  });

  it('counts the quoted post in the first read, even one the full read cannot link to', () => {
    expect(mastodon.peek!(roots[3]!)).toEqual({
      text: 'Switched to SkyJet and honestly never looking back\nWe are updating our baggage policy.',
      authorHandle: 'ninarossi@fosstodon.org',
      quotes: 'AcmeAir@acmeair.social',
    });
    // The first read takes the quote's words without reading its permalink: a quote whose link is
    // not understood is left out of the full read but still counts here (over-including is safe).
    const root = roots[3]!.cloneNode(true) as Element;
    root.querySelector('.status--is-quote a.status__relative-time')!.setAttribute('href', '/about');
    expect(mastodon.extractPost(root)).toMatchObject({ text: 'Switched to SkyJet and honestly never looking back', quoted: undefined });
    expect(mastodon.peek!(root)!.text).toBe('Switched to SkyJet and honestly never looking back\nWe are updating our baggage policy.');
  });

  it('marks a reply and reads whom it answers from the "Replied to" label', () => {
    expect(posts[4]).toEqual({
      platform: 'mastodon',
      id: '112445566778899006',
      url: 'https://mastodon.social/@jlee@mastodon.online/112445566778899006',
      author: { handle: 'jlee@mastodon.online', name: 'J. Lee', profileUrl: 'https://mastodon.social/@jlee@mastodon.online' },
      text: '@AcmeAir still waiting for my refund, three weeks now #acmefail',
      publishedAt: '2024-05-13T07:10:00.000Z',
      isReply: true,
      inReplyTo: 'AcmeAir@acmeair.social',
    });
    // The first read gives whom the label names too: a reply to the brand is read whatever it says.
    expect(mastodon.peek!(roots[4]!)!.repliesTo).toBe('AcmeAir@acmeair.social');
    expect(mastodon.peek!(roots[0]!)!.repliesTo).toBeUndefined();
  });

  it('reads "Continued thread" (4.5), in the UI\'s language, as a reply to the author\'s own post, whomever it mentions', () => {
    const labelled = (label: string) => {
      const status = roots[4]!.cloneNode(true) as Element;
      const wrapper = roots[4]!.parentElement!.cloneNode(false) as Element;
      const prepend = [...roots[4]!.parentElement!.children].find((c) => c.classList.contains('status__prepend'))!.cloneNode(true) as Element;
      prepend.querySelector('span')!.textContent = label;
      wrapper.append(prepend, status);
      return mastodon.extractPost(status);
    };
    for (const label of ['Continued thread', 'Fortgeführter Thread', 'Suite du fil', '続きのスレッド', ' Continuó el hilo '])
      expect(labelled(label), label).toMatchObject({ isReply: true, inReplyTo: 'jlee@mastodon.online' });
    // "Replied in thread" names no one: the first mention stands for whom it answers.
    for (const label of ['Replied in thread', 'Antwortete im Thread'])
      expect(labelled(label), label).toMatchObject({ isReply: true, inReplyTo: 'AcmeAir@acmeair.social' });
    // Only a mention the reply opens with: one further on is someone it talks about, and whom it answers is not shown.
    const text = roots[4]!.querySelector('.status__content__text')!;
    const was = text.innerHTML;
    try {
      const mention = text.querySelector('a.mention:not(.hashtag)')!.outerHTML;
      text.innerHTML = `<p>Quoting the great ${mention}: "we are sorry". #acmefail</p>`;
      expect(labelled('Replied in thread')).toMatchObject({ isReply: true, inReplyTo: undefined, text: 'Quoting the great @AcmeAir: "we are sorry". #acmefail' });
      text.innerHTML = `<p> ${mention} <span class="h-card"><a href="https://mastodon.online/@jlee" class="u-url mention">@<span>jlee</span></a></span> same here</p>`;
      expect(labelled('Replied in thread')).toMatchObject({ inReplyTo: 'AcmeAir@acmeair.social' });
    } finally {
      text.innerHTML = was;
    }
  });

  it('reads the summary of a content warning while its body is hidden, and the body once shown', () => {
    expect(posts[5]).toMatchObject({ id: '112445566778899007', text: 'Acme Air rant, long' });
    const cw = roots[5]!;
    cw.querySelector('.content-warning')!.insertAdjacentHTML(
      'afterend',
      '<div class="status__content status__content--with-action"><div class="status__content__text status__content__text--visible translate" lang="en"><p>Two hours on hold.</p><p>Then they hung up.</p></div></div>',
    );
    expect(mastodon.extractPost(cw)!.text).toBe('Acme Air rant, long\n\nTwo hours on hold.\nThen they hung up.');
  });

  it("reads an image-only post with empty text, not the image's alt text, and a French post as written", () => {
    expect(posts[6]).toMatchObject({ id: '112445566778899008', text: '', author: { handle: 'photofan@mastodon.social' } });
    expect(posts[7]!.text).toBe('Vol annulé par Acme Air sans explication, très déçu.');
  });

  it("skips a post hidden by the reader's filter and a post whose markup changed", () => {
    expect(roots[8]!.querySelector('.content-warning--filter')).not.toBeNull();
    expect(posts[8]).toBeUndefined();
    expect(mastodon.getPostId(roots[9]!)).toBeUndefined();
    expect(posts[9]).toBeUndefined();
    expect(posts[10]).toMatchObject({ text: 'Quiet morning, coffee and a good book' });
  });

  it('anchors the overlay in the status header, not in the quoted post', () => {
    const anchor = mastodon.overlayAnchor(roots[3]!)!;
    expect(anchor.classList.contains('status__info')).toBe(true);
    expect(anchor.closest('.status')).toBe(roots[3]);
  });

  it('finds the compose box when it is answering this post, and only then', () => {
    const box = mastodon.findReplyBox(roots[0]!);
    expect(box).toBe(doc.querySelector('.compose-form textarea.autosuggest-textarea__textarea'));
    expect(roots.slice(1).map((r) => mastodon.findReplyBox(r))).toEqual(Array(11).fill(undefined));
    // A status the answered one links in its text is not answered.
    const content = doc.querySelector('.reply-indicator__content')!;
    const shown = content.innerHTML;
    content.insertAdjacentHTML('beforeend', `<p><a href="/@${mastodon.extractPost(roots[1]!)!.author.handle}/${mastodon.getPostId(roots[1]!)}">a post</a></p>`);
    expect(mastodon.findReplyBox(roots[1]!)).toBeUndefined();
    content.innerHTML = shown;
    doc.querySelector('.reply-indicator__content')!.textContent = 'Something else entirely';
    expect(mastodon.findReplyBox(roots[0]!)).toBeUndefined();
  });

  it('finds the compose box answering a post behind a content warning: the indicator shows its body alone', () => {
    const cw = roots[5]!.cloneNode(true) as Element;
    cw.querySelector('.content-warning')!.insertAdjacentHTML(
      'afterend',
      '<div class="status__content"><div class="status__content__text translate" style="display: none" lang="en"><p>Two hours on hold.</p><p>Then they hung up.</p></div></div>',
    );
    doc.querySelector('.reply-indicator .display-name__account')!.textContent = `@${mastodon.extractPost(cw)!.author.handle.split('@')[0]}`;
    const content = doc.querySelector('.reply-indicator__content')!;
    content.innerHTML = '<p>Two hours on hold.</p><p>Then they hung up.</p>';
    expect(mastodon.findReplyBox(cw)).toBe(doc.querySelector('.compose-form textarea.autosuggest-textarea__textarea'));
    content.innerHTML = '<p>Two hours on hold.</p>';
    expect(mastodon.findReplyBox(cw)).toBeUndefined();
  });
});

describe('Mastodon adapter, thread page', () => {
  const { roots, posts } = readFixture(mastodon, 'thread');

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(mastodon, roots));

  it('finds the ancestors, the focused post and the replies', () => {
    expect(roots).toHaveLength(4);
    expect(roots[1]!.classList.contains('detailed-status')).toBe(true);
    expect(posts.filter(Boolean)).toHaveLength(4);
    expect(posts.map((p) => p?.threadId)).toEqual(Array(4).fill('112445566778899200'));
  });

  it('reads every field of the focused post, a reply to the post above it', () => {
    expect(posts[1]).toEqual({
      platform: 'mastodon',
      id: '112445566778899201',
      url: 'https://mastodon.social/@AcmeAir@acmeair.social/112445566778899201',
      author: { handle: 'AcmeAir@acmeair.social', name: 'Acme Air', profileUrl: 'https://mastodon.social/@AcmeAir@acmeair.social' },
      text: '@mayachen Sorry to hear that! Please send us a DM with your file reference and we will chase it.',
      // Its date link shows a formatted date, no <time>: the time its id holds (Mastodon's ids are its time, shifted).
      publishedAt: new Date(Number(BigInt('112445566778899201') >> BigInt(16))).toISOString(),
      isReply: true,
      inReplyTo: 'mayachen@mastodon.social',
      threadId: '112445566778899200',
    });
  });

  it('reads a reply a line joins to the focused status (a run below it, status--first-in-thread) as answering it, mention or none', () => {
    const doc = loadFixture('mastodon', 'thread');
    const [, focused, , last] = postRoots(mastodon, doc);
    const reply = last!;
    for (const a of reply.querySelectorAll('.status__content a.mention')) a.remove();
    expect(mastodon.extractPost(reply)!.inReplyTo).toBeUndefined();
    reply.classList.add('status--first-in-thread');
    reply.insertAdjacentHTML('afterbegin', '<div class="status__line"></div>');
    expect(mastodon.extractPost(reply)!.inReplyTo).toBe(mastodon.extractPost(focused!)!.author.handle);
  });

  it("reads a poll's choices after its text, a line each", () => {
    const doc = loadFixture('mastodon', 'thread');
    const status = postRoots(mastodon, doc)[1]!;
    status.querySelector('.status__content')!.insertAdjacentHTML(
      'afterend',
      '<div class="poll"><ul><li><label class="poll__option"><input type="radio" name="vote-options"><span class="poll__input"></span><span class="poll__option__text translate" lang="en">Acme Air</span></label></li><li><label class="poll__option"><input type="radio"><span class="poll__input"></span><span class="poll__option__text translate" lang="en">SkyJet</span></label></li></ul><div class="poll__footer">12 people · 2 days left</div></div>',
    );
    expect(mastodon.extractPost(status)!.text.split('\n').slice(-2)).toEqual(['Acme Air', 'SkyJet']);
  });

  it('reads every field of a reply below it, answering the first account it mentions', () => {
    expect(posts[3]).toEqual({
      platform: 'mastodon',
      id: '112445566778899203',
      url: 'https://mastodon.social/@tbecker@hachyderm.io/112445566778899203',
      author: { handle: 'tbecker@hachyderm.io', name: 'Tom Becker', profileUrl: 'https://mastodon.social/@tbecker@hachyderm.io' },
      text: '@mayachen @AcmeAir same thing happened to me last week, they sorted it within two days',
      publishedAt: '2024-05-13T10:45:00.000Z',
      isReply: true,
      inReplyTo: 'mayachen@mastodon.social',
      threadId: '112445566778899200',
    });
    expect(posts[0]).toMatchObject({ isReply: false, inReplyTo: undefined, text: '@AcmeAir my bag never arrived, file LIS-48213 #acmefail' });
    expect(posts[2]).toMatchObject({ isReply: true, inReplyTo: 'AcmeAir@acmeair.social' });
  });

  it('reads a reply under a status whose thread line runs on to it as answering that status, whomever it mentions', () => {
    const [above, reply] = [roots[2]!, roots[3]!];
    const text = reply.querySelector('.status__content__text')!;
    const was = text.innerHTML;
    const line = Object.assign(above.ownerDocument.createElement('div'), { className: 'status__line status__line--full' });
    try {
      // Its mentions deleted: "still nothing, 3 hours".
      text.innerHTML = '<p>still nothing, 3 hours</p>';
      expect(mastodon.extractPost(reply)).toMatchObject({ isReply: true, inReplyTo: undefined });
      above.prepend(line);
      expect(mastodon.extractPost(reply)).toMatchObject({ isReply: true, inReplyTo: posts[2]!.author.handle });
      text.innerHTML = was;
      expect(mastodon.extractPost(reply)).toMatchObject({ inReplyTo: posts[2]!.author.handle });
      // So the status under it is read in full once the one above is read as the brand's.
      expect(mastodon.answersShownAfter!(above)!.some((el) => el.contains(reply))).toBe(true);
      line.remove();
      expect(mastodon.answersShownAfter!(above)).toBeUndefined();
    } finally {
      line.remove();
      text.innerHTML = was;
    }
    expect(mastodon.extractPost(reply)).toEqual(posts[3]);
  });

  it("reads the focused post whose time links to its home server (glitch-soc): the page's address is its own", () => {
    const page = 'https://mastodon.social/@AcmeAir@acmeair.social/112445566778899201';
    const doc = loadFixture('mastodon', 'thread', { at: page });
    try {
      const detailed = doc.querySelector('.detailed-status')!;
      detailed.querySelector('a.detailed-status__datetime')!.setAttribute('href', 'https://acmeair.social/@AcmeAir/112300000000000001');
      expect(mastodon.extractPost(detailed)).toEqual(posts[1]);
      // Elsewhere (no thread page at the address, or another account's post) it cannot be named, and is skipped.
      for (const other of ['https://mastodon.social/home', 'https://mastodon.social/@mayachen/112445566778899201']) {
        (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(other);
        expect(mastodon.extractPost(detailed)).toBeUndefined();
      }
    } finally {
      (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://mastodon.social/home');
    }
  });

  it('anchors the focused post overlay in its meta line, outside the profile link', () => {
    const anchor = mastodon.overlayAnchor(roots[1]!)!;
    expect(anchor.classList.contains('detailed-status__meta')).toBe(true);
    expect(anchor.closest('a')).toBeNull();
  });
});

describe('Mastodon adapter, redesigned status (behind a flag in 2026, meant for 5.0)', () => {
  const { doc, roots, posts } = readFixture(mastodon, 'home-redesign');
  const read = posts.slice(0, 9);

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(mastodon, roots));

  it("finds every status, not the list's wrapper articles or off-screen placeholders, and skips filtered ones and one whose markup changed", () => {
    expect(doc.documentElement.getAttribute('data-redesign')).toBe('true');
    expect(doc.querySelectorAll('article[data-id]')).toHaveLength(24);
    expect(roots).toHaveLength(11);
    expect(roots.every((r) => r.parentElement!.matches('article[aria-posinset]'))).toBe(true);
    expect(read.every(Boolean)).toBe(true);
    expect(posts.slice(9)).toEqual([undefined, undefined]);
    expect(mastodon.getPostId(roots[10]!)).toBeUndefined();
    expect(roots.slice(0, 9).map((r) => mastodon.getPostId(r))).toEqual(read.map((p) => p!.id));
  });

  it('reads every field of a local post by structure, whatever the class names hash to', () => {
    expect(posts[0]).toEqual({
      platform: 'mastodon',
      id: '113300000000000101',
      url: 'https://mastodon.social/@mayachen/113300000000000101',
      author: { handle: 'mayachen@mastodon.social', name: 'Maya Chen', profileUrl: 'https://mastodon.social/@mayachen' },
      text: 'Third time I ask: my bag from @AcmeAir never arrived and support is useless. Still waiting for a refund 😡 #acmefail\nClaim: https://acmeair.com/claims/48213',
      publishedAt: '2026-10-01T09:12:44.000Z',
      isReply: false,
      threadId: '113300000000000101',
    });
    // Another build hashes the module classes differently: the same post is read.
    const rehashed = roots[0]!.cloneNode(true) as Element;
    for (const el of [rehashed, ...rehashed.querySelectorAll('[class]')])
      el.setAttribute('class', el.getAttribute('class')!.replace(/_([A-Za-z]+)_[a-z0-9]{5}_\d+/g, '_$1_zz9x1_7'));
    roots[0]!.parentElement!.append(rehashed);
    try {
      expect(mastodon.extractPost(rehashed)).toEqual(posts[0]);
    } finally {
      rehashed.remove();
    }
  });

  it('reads whom a reply answers from the account its reply line links, not from its first mention', () => {
    expect(posts[1]).toEqual({
      platform: 'mastodon',
      id: '113300000000000102',
      url: 'https://mastodon.social/@tbecker@hachyderm.io/113300000000000102',
      author: { handle: 'tbecker@hachyderm.io', name: 'Tom Becker', profileUrl: 'https://mastodon.social/@tbecker@hachyderm.io' },
      text: '@lisapark @AcmeAir thanks, the crew sorted it out at the gate 🙏',
      publishedAt: '2026-10-01T09:40:05.000Z',
      isReply: true,
      inReplyTo: 'AcmeAir@acmeair.social',
    });
    // A reply line naming an account the text does not mention: the first mention stands for it, as in 4.x.
    const other = roots[1]!.cloneNode(true) as Element;
    other.querySelector(':scope > div > a')!.setAttribute('href', '/@110000000000000999/113300000000000090');
    expect(mastodon.extractPost(other)).toMatchObject({ isReply: true, inReplyTo: 'lisapark@mastodon.social' });
  });

  it("reads a reply to the author's own post (\"Continuing a thread\") by the account it links, not by its label", () => {
    expect(posts[5]).toMatchObject({ id: '113300000000000106', isReply: true, inReplyTo: 'mayachen@mastodon.social', threadId: undefined });
    const translated = roots[5]!.cloneNode(true) as Element;
    translated.querySelector(':scope > div > a')!.textContent = 'Setzt einen Thread fort';
    expect(mastodon.extractPost(translated)).toMatchObject({ inReplyTo: 'mayachen@mastodon.social' });
  });

  it("reads a boost as the boosted post: the id its header links, not the boost's own", () => {
    expect(roots[2]!.getAttribute('data-id')).toBe('113300000000000103');
    expect(posts[2]).toMatchObject({
      id: '113300000000000080',
      url: 'https://mastodon.social/@AcmeAir@acmeair.social/113300000000000080',
      author: { handle: 'AcmeAir@acmeair.social', name: 'Acme Air' },
      text: 'Our winter schedule is live. Book now at https://acmeair.com/winter',
      isReply: false,
    });
    // Without the boost line, a header naming another post than the article is not understood.
    const bare = roots[2]!.cloneNode(true) as Element;
    bare.querySelector(':scope > div')!.remove();
    expect(mastodon.extractPost(bare)).toBeUndefined();
  });

  it('reads a boosted reply, which has a boost line and a reply line, as the reply it boosts', () => {
    expect(roots[8]!.getAttribute('data-id')).toBe('113300000000000110');
    expect(posts[8]).toMatchObject({
      id: '113300000000000085',
      author: { handle: 'AcmeAir@acmeair.social' },
      text: '@mayachen we found your bag, it is on its way to you today.',
      isReply: true,
      inReplyTo: 'mayachen@mastodon.social',
    });
  });

  it('keeps a quoted post (a card, not an article) apart: its text, not its media line, and not the "RE:" fallback line', () => {
    expect(roots[3]!.querySelector('.account__avatar')!.localName).toBe('div');
    const quoted = { author: 'AcmeAir@acmeair.social', text: 'We are updating our baggage policy. Details: https://acmeair.com/bags', url: 'https://mastodon.social/@AcmeAir@acmeair.social/113300000000000070' };
    expect(posts[3]).toMatchObject({ text: 'Switched to SkyJet and honestly never looking back', quoted });
    expect(mastodon.peek!(roots[3]!)!.text).toBe(`Switched to SkyJet and honestly never looking back\n${quoted.text}`);
    // A quoted post of no known language: its text is the body's first block, before the media.
    const unknown = roots[3]!.cloneNode(true) as Element;
    unknown.querySelector('a[href$="/113300000000000070"] > div[lang]')!.removeAttribute('lang');
    expect(mastodon.extractPost(unknown)!.quoted).toEqual(quoted);
    // Where no quote is shown, the "RE:" line is what stands for it, and is read.
    const unshown = roots[3]!.cloneNode(true) as Element;
    unshown.querySelector('span[id$="_title"]')!.parentElement!.parentElement!.remove();
    expect(mastodon.extractPost(unshown)).toMatchObject({
      text: 'Switched to SkyJet and honestly never looking back\nRE: https://acmeair.social/@AcmeAir/113300000000000070',
      quoted: undefined,
    });
  });

  it('reads the summary of a content warning and the body it covers, which the redesign keeps in the page', () => {
    expect(roots[4]!.querySelector('[inert]')).not.toBeNull();
    expect(posts[4]).toMatchObject({ author: { handle: 'bob@social.example', name: 'Bob 🦊' }, text: 'Airline rant\n\nAcme Air lost my stroller. Again.' });
  });

  it("skips a post the reader's filter hides; once shown, reads it without the filter's notice", () => {
    const filtered = roots[9]!;
    expect(filtered.querySelector(':scope > div[aria-controls]')!.textContent).toContain('Matches filter');
    expect(mastodon.extractPost(filtered)).toBeUndefined();
    expect(mastodon.peek!(filtered)).toBeUndefined();
    const shown = filtered.cloneNode(true) as Element;
    shown.querySelector('[inert]')!.removeAttribute('inert');
    expect(mastodon.extractPost(shown)).toMatchObject({ id: '113300000000000111', text: 'Acme Air refund saga, part 4.' });
    // Shown, with a content warning of its own under the notice: the warning's summary is read.
    const warned = shown.cloneNode(true) as Element;
    warned.querySelector(':scope > div[aria-controls]')!.insertAdjacentElement('afterend', roots[4]!.querySelector(':scope > div[aria-controls]')!.cloneNode(true) as Element);
    warned.querySelector(':scope > div:not([aria-controls]) > div')!.parentElement!.setAttribute('inert', '');
    expect(mastodon.extractPost(warned)!.text).toBe('Airline rant\n\nAcme Air refund saga, part 4.');
  });

  it('reads a post whose language is not known (its text has no lang) and a French post as written', () => {
    expect(posts[6]!.text).toBe("Vol Acme Air annulé, aucune information à l'aéroport.");
    const unknown = roots[6]!.cloneNode(true) as Element;
    unknown.querySelector('[lang]')!.removeAttribute('lang');
    expect(mastodon.extractPost(unknown)!.text).toBe(posts[6]!.text);
  });

  it('anchors the overlay in the header', () => {
    expect(roots.slice(0, 9).map((r) => mastodon.overlayAnchor(r)?.localName)).toEqual(Array(9).fill('header'));
    expect(mastodon.overlayAnchor(roots[3]!)!.parentElement).toBe(roots[3]);
  });

  it('finds the compose box when it is answering this post, and only then', () => {
    expect(mastodon.findReplyBox(roots[0]!)).toBe(doc.querySelector('.compose-form textarea'));
    expect(roots.slice(1).map((r) => mastodon.findReplyBox(r))).toEqual(Array(10).fill(undefined));
  });

  it("finds the redesign's own composer answering this post: a dialog form whose reply blockquote links the status", () => {
    const old = doc.querySelector('.compose-form')!;
    const composer = doc.createElement('div');
    // As features/compose/redesign renders it (class names hashed): the header, the reply, the text area.
    composer.innerHTML =
      '<form role="dialog" aria-labelledby="r9" class="_root_c0mp0"><header id="r9">New reply</header>' +
      '<blockquote cite="https://mastodon.social/users/mayachen/statuses/113300000000000101" class="_reply_c0mp0"><cite><a href="/@mayachen"><span>Maya Chen</span></a>' +
      '<span>·&nbsp;<a href="/@mayachen/113300000000000101"><time datetime="2026-10-01T09:12:44.000Z">1h</time></a></span></cite>' +
      '<div lang="en"><p>Third time I ask…</p></div></blockquote>' +
      '<textarea dir="auto" aria-autocomplete="list" id="composer-textarea">@mayachen </textarea></form>';
    old.replaceWith(composer);
    try {
      expect(mastodon.findReplyBox(roots[0]!)).toBe(composer.querySelector('textarea'));
      expect(roots.slice(1).map((r) => mastodon.findReplyBox(r))).toEqual(Array(10).fill(undefined));
      // A status the answered one links in its text is not answered.
      const other = roots[1]!;
      const otherLink = `/@${mastodon.extractPost(other)!.author.handle}/${mastodon.getPostId(other)}`;
      composer.querySelector('blockquote div[lang] p')!.insertAdjacentHTML('beforeend', ` see <a href="${otherLink}">${otherLink}</a>`);
      expect(mastodon.findReplyBox(other)).toBeUndefined();
      expect(mastodon.findReplyBox(roots[0]!)).toBe(composer.querySelector('textarea'));
      // A new post, answering nothing: no reply box for any status.
      composer.querySelector('blockquote')!.remove();
      expect(roots.map((r) => mastodon.findReplyBox(r))).toEqual(Array(11).fill(undefined));
    } finally {
      composer.replaceWith(old);
    }
  });
});

describe("Mastodon adapter, a redesigned post's page", () => {
  const { doc, roots, posts } = readFixture(mastodon, 'post-redesign');

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(mastodon, roots));

  it('reads the thread: the post that starts it, the focused post and the reply below as replies (no reply lines here)', () => {
    expect(roots).toHaveLength(3);
    expect(roots[1]!.parentElement!.className).toMatch(/_mainStatus_/);
    expect(posts.map((p) => p?.threadId)).toEqual(Array(3).fill('113300000000000200'));
    expect(posts[0]).toMatchObject({ id: '113300000000000200', isReply: false, inReplyTo: undefined });
    expect(posts[1]).toEqual({
      platform: 'mastodon',
      id: '113300000000000201',
      url: 'https://mastodon.social/@AcmeAir@acmeair.social/113300000000000201',
      author: { handle: 'AcmeAir@acmeair.social', name: 'Acme Air', profileUrl: 'https://mastodon.social/@AcmeAir@acmeair.social' },
      text: '@mayachen Sorry to hear that! Please send us a DM with your file reference and we will chase it.',
      publishedAt: '2026-10-01T08:30:00.000Z',
      isReply: true,
      inReplyTo: 'mayachen@mastodon.social',
      threadId: '113300000000000200',
    });
    expect(posts[2]).toMatchObject({ id: '113300000000000202', isReply: true, inReplyTo: 'mayachen@mastodon.social' });
  });

  it('reads a status whose header shows no time link: its address made from its id and author, as Mastodon makes it', () => {
    const focused = roots[1]!.cloneNode(true) as Element;
    focused.querySelector(':scope > header a[href] > time')!.parentElement!.remove();
    roots[1]!.replaceWith(focused);
    try {
      const { publishedAt, ...rest } = posts[1]!;
      expect(publishedAt).toBeDefined();
      expect(mastodon.extractPost(focused)).toEqual(rest);
      expect(mastodon.getPostId(focused)).toBe('113300000000000201');
    } finally {
      focused.replaceWith(roots[1]!);
    }
  });
});

describe('Mastodon in a narrow window, with no compose panel', () => {
  afterEach(() => {
    closePage();
    setPageUrl('https://mastodon.social/home');
  });

  /**
   * The home timeline without its compose panel, as Mastodon shows it in a narrow window (a side panel open
   * beside it). Reply goes to the compose page (/publish), which shows no timeline; its form answers the
   * fixture's first status, whichever Reply was clicked (the site's part, played here).
   */
  function openNarrow() {
    const roots = openPage(mastodon, 'home', 'https://mastodon.social/home');
    const compose = document.querySelector('.compose-form')!;
    compose.remove();
    document.body.addEventListener('click', (e) => {
      if (!(e.target as Element).closest('.status button[title="Reply"]')) return;
      setTimeout(() => {
        history.pushState({}, '', '/publish');
        document.querySelector('.columns-area--mobile')!.replaceChildren(compose);
      }, 20);
    });
    return roots;
  }
  const copiesOf = (root: Element) => () => postRoots(mastodon, document).filter((r) => mastodon.getPostId(r) === mastodon.getPostId(root));

  it("opens the compose page with the post's Reply and finds the box there, though the post left the page", async () => {
    const first = openNarrow()[0]!;
    const found = await openReplyBox(mastodon, copiesOf(first), 1000);
    expect(location.pathname).toBe('/publish');
    expect(first.isConnected).toBe(false);
    expect(found?.box).toBe(document.querySelector('.compose-form textarea'));
    expect(found?.root).toBe(first);
    expect(mastodon.extractPost(found!.root)?.author.handle).toBe('mayachen@mastodon.social');
  });

  it('finds no box when the compose page answers another post', async () => {
    const other = openNarrow()[2]!;
    expect(await openReplyBox(mastodon, copiesOf(other), 300)).toBeUndefined();
    expect(location.pathname).toBe('/publish');
  });
});

describe('Mastodon adapter on markup it does not know', () => {
  it('returns undefined and never throws', () => {
    const doc = document.implementation.createHTMLDocument('junk');
    doc.body.innerHTML = [
      '<div class="status" data-id="1"></div>',
      '<div class="status" data-id="2"><div class="status__info"><a class="status__relative-time" href="/@x/3"></a><a class="status__display-name" href="/@x"></a></div></div>',
      '<div class="status" data-id="4"><div class="status__info"><a class="status__relative-time" href="https://evil.example/@x/4"></a><a class="status__display-name" href="/@x"></a></div></div>',
      '<div class="status" data-id="5"><div class="status__info"><a class="status__relative-time" href="/@%E0%A4%A/5"></a><a class="status__display-name" href="/@x"><span class="display-name__account">@x y</span></a></div></div>',
      '<div class="detailed-status"><a class="detailed-status__datetime" href="javascript:alert(1)"></a></div>',
      '<div class="status" data-id="6"><div class="status__info"><a class="status__relative-time" href="/@x/6"><time datetime="soon"></time></a><a class="status__display-name" href="/@x"><span class="display-name__account">@x</span></a></div><div class="status__content"><div class="status__content__text status__content__text--visible"><a class="mention" href="http://[bad">@y</a> hi</div></div></div>',
    ].join('');
    const roots = [...doc.querySelectorAll(mastodon.postSelector)];
    expect(roots).toHaveLength(6);
    const results = roots.map((r) => {
      expect(() => mastodon.extractPost(r)).not.toThrow();
      expect(() => mastodon.findReplyBox(r)).not.toThrow();
      expect(() => mastodon.overlayAnchor(r)).not.toThrow();
      return mastodon.extractPost(r);
    });
    expect(results.slice(0, 5)).toEqual(Array(5).fill(undefined));
    // Well-formed enough to read: an unreadable time is dropped rather than fatal.
    expect(results[5]).toMatchObject({ id: '6', author: { handle: 'x@mastodon.social' }, text: '@y hi', publishedAt: undefined });
    expect(mastodon.extractPost(doc.createElement('div'))).toBeUndefined();
  });
});

describe('Mastodon adapter on older markup, and on pages other tools rewrote (after outside test authors)', () => {
  const { doc, roots, posts } = readFixture(mastodon, 'home');
  /** A copy of a status's list article, holding the copy of the status. */
  const copy = (i: number) => {
    const article = roots[i]!.closest('article')!.cloneNode(true) as Element;
    return { article, status: article.querySelector('.status[data-id]')! };
  };
  const unwrap = (el: Element) => el.replaceWith(...el.childNodes);

  it('reads a status whose header has no .status__info around the name and time links', () => {
    const { status } = copy(0);
    unwrap(status.querySelector('.status__info')!);
    expect(mastodon.extractPost(status)).toEqual(posts[0]);
  });

  it('reads a status whose content holds its text directly, with no .status__content__text (Mastodon 2.x)', () => {
    const { status } = copy(0);
    const content = status.querySelector('.status__content')!;
    unwrap(content.querySelector('.status__content__text')!);
    content.insertAdjacentHTML('beforeend', '<button class="status__content__read-more-button">See more</button>');
    expect(mastodon.extractPost(status)).toEqual(posts[0]);
    expect(mastodon.peek!(status)).toEqual({ text: posts[0]!.text, authorHandle: posts[0]!.author.handle });
    // A content warning's summary and button, with the text it hides in a .status__content__text (4.0–4.2):
    // the summary alone, never the hidden text through the content.
    content.innerHTML =
      '<p><span class="status__content__spoiler-text">Rant</span> <button class="status__content__spoiler-link">Show more</button></p>' +
      '<div class="status__content__text" style="display: none"><p>Hidden words</p></div>';
    expect(mastodon.extractPost(status)!.text).toBe('Rant');
  });

  it("reads a status with no data-id of its own by its list article's, and skips a boost so (the article names the boost)", () => {
    const { article, status } = copy(0);
    status.removeAttribute('data-id');
    const found = [...article.querySelectorAll(mastodon.postSelector)];
    expect(found).toEqual([status]);
    expect(mastodon.getPostId(status)).toBe('112445566778899001');
    expect(mastodon.extractPost(status)).toEqual(posts[0]);
    const boost = copy(2);
    expect(boost.article.getAttribute('data-id')).not.toBe(posts[2]!.id);
    boost.status.removeAttribute('data-id');
    expect([...boost.article.querySelectorAll(mastodon.postSelector)]).toEqual([boost.status]);
    expect(mastodon.getPostId(boost.status)).toBeUndefined();
    expect(mastodon.extractPost(boost.status)).toBeUndefined();
  });

  it("reads an <article> carrying 4.x's class names as 4.x's markup, not as the redesign's", () => {
    // article.status[data-id]
    const article = doc.createElement('article');
    article.className = 'status status-public';
    article.setAttribute('data-id', '112445566778899001');
    article.innerHTML = roots[0]!.innerHTML;
    expect(mastodon.extractPost(article)).toEqual(posts[0]);
    // An article[data-id] whose <header> holds 4.x's name and time links, its text in .status__content
    const headed = doc.createElement('article');
    headed.setAttribute('data-id', '112445566778899001');
    headed.innerHTML = `<header>${roots[0]!.querySelector('.status__info')!.innerHTML}</header>${roots[0]!.querySelector('.status__content')!.outerHTML}`;
    expect(headed.matches(mastodon.postSelector)).toBe(true);
    expect(mastodon.extractPost(headed)).toEqual(posts[0]);
  });

  it("reads a remote status whose time links its home server (Mastodon 3.x) by its id here, and only by its author's server", () => {
    const { status } = copy(1);
    const time = status.querySelector('a.status__relative-time')!;
    time.setAttribute('href', 'https://hachyderm.io/@tbecker/110000000000000777');
    expect(mastodon.getPostId(status)).toBe('112445566778899002');
    expect(mastodon.extractPost(status)).toEqual(posts[1]);
    // Another account's address on that server, or another server: not this status's.
    for (const href of ['https://hachyderm.io/@someone/110000000000000777', 'https://elsewhere.example/@tbecker/110000000000000777']) {
      time.setAttribute('href', href);
      expect(mastodon.extractPost(status), href).toBeUndefined();
    }
    // A local author's status never links another server.
    const local = copy(0).status;
    local.querySelector('a.status__relative-time')!.setAttribute('href', 'https://mastodon.online/@mayachen/110000000000000777');
    expect(mastodon.extractPost(local)).toBeUndefined();
  });

  it('reads the display name where it has no .display-name__html, never the @account', () => {
    const { status } = copy(0);
    status.querySelector('.display-name__html')!.removeAttribute('class');
    expect(mastodon.extractPost(status)!.author).toEqual(posts[0]!.author);
    status.querySelector('.display-name bdi')!.remove();
    expect(mastodon.extractPost(status)!.author).toEqual({ ...posts[0]!.author, name: undefined });
  });
});

describe('Mastodon adapter on a thread page without some of 4.x marks', () => {
  it("reads the focused status's time where its date link holds a <time>", () => {
    const { roots } = readFixture(mastodon, 'thread');
    roots[1]!.querySelector('a.detailed-status__datetime')!.innerHTML = '<time datetime="2024-05-13T10:05:00.000Z">May 13, 2024, 10:05 AM</time>';
    expect(mastodon.extractPost(roots[1]!)).toMatchObject({ id: '112445566778899201', publishedAt: '2024-05-13T10:05:00.000Z' });
  });

  it('reads the statuses below the focused one as replies, with no status-reply class, and in a page with no .scrollable', () => {
    const { doc, roots, posts } = readFixture(mastodon, 'thread');
    for (const el of doc.querySelectorAll('.status-reply, .status__wrapper-reply')) el.classList.remove('status-reply', 'status__wrapper-reply');
    expect(mastodon.extractPost(roots[3]!)).toEqual(posts[3]);
    expect(mastodon.extractPost(roots[2]!)).toEqual(posts[2]);
    // No column: the list holding the focused status's wrapper is the thread.
    doc.querySelector('.scrollable')!.classList.remove('scrollable');
    doc.querySelector('.column')!.classList.remove('column');
    const wrapper = doc.querySelector('.detailed-status__wrapper')!;
    wrapper.parentElement!.replaceWith(wrapper);
    expect(roots.map((r) => mastodon.extractPost(r))).toEqual(posts);
  });
});
