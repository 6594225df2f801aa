import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openReplyBox } from '../dom/open-reply-box';
import { closePage, expectPeekAgrees, loadFixture, openPage, readFixture, resetPageUrl } from './fixture-testing';
import { adapterFor, CONTENT_SCRIPT_MATCHES } from '.';
import { reddit } from './reddit';
import { postRoots, replyControlOf } from './types';

function byId(roots: Element[], id: string): Element {
  const root = roots.find((r) => reddit.getPostId(r) === id);
  if (!root) throw new Error(`no root ${id}`);
  return root;
}

/**
 * Puts a composer in Markdown mode as new Reddit does: its editor a textarea in the shadow root of the
 * shreddit-markdown-composer in the composer's own shadow root. Its rich-text editor stays in its light
 * DOM, unshown, unless `dropRichText`.
 */
function toMarkdownMode(composer: Element, dropRichText = false): HTMLTextAreaElement {
  composer.setAttribute('mode', 'markdown');
  if (dropRichText) composer.querySelector('[slot="rte"]')?.remove();
  const shadow = composer.attachShadow({ mode: 'open' });
  shadow.innerHTML = '<div class="flex"><button type="button">Switch to Rich Text Editor</button></div><shreddit-markdown-composer></shreddit-markdown-composer><slot name="cancel-button"></slot><slot name="submit-button"></slot>';
  const markdown = shadow.querySelector('shreddit-markdown-composer')!.attachShadow({ mode: 'open' });
  markdown.innerHTML = '<div class="textarea-container"><textarea rows="4" placeholder="Share your thoughts"></textarea></div>';
  return markdown.querySelector('textarea')!;
}

/** A comment's reply composer as new Reddit's mobile layout has it: a simple composer, its editor in its shadow root. */
function toSimpleComposer(composer: Element, mode: 'open' | 'closed' = 'open'): HTMLElement {
  const simple = composer.ownerDocument.createElement('shreddit-simple-composer');
  simple.setAttribute('placeholder', composer.getAttribute('placeholder') ?? '');
  simple.append(...[...composer.children].filter((el) => el.localName === 'button'));
  composer.replaceWith(simple);
  const shadow = simple.attachShadow({ mode });
  shadow.innerHTML = '<div class="border border-neutral-border rounded-5"><div contenteditable="true" role="textbox" class="text-16 py-sm rounded-tl-[1.25rem]"></div></div><slot name="submit-button"></slot>';
  return shadow.querySelector('[role="textbox"]')!;
}

describe('Reddit adapter, new Reddit post page', () => {
  const { doc, roots, posts } = readFixture(reddit, 'comments');

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(reddit, roots, true));

  it('finds the post and every comment, nested ones included, and reads those it understands', () => {
    expect(roots).toHaveLength(8);
    expect(roots.map((r) => r.localName)).toEqual(['shreddit-post', ...Array(7).fill('shreddit-comment')]);
    expect(posts.filter(Boolean)).toHaveLength(6);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['t3_1cr0abc', 't1_l3x0a01', 't1_l3x0b02', 't1_l3x0c03', 't1_l3x0d04', 't1_l3x0f06']);
  });

  it('reads every field of the post: title and body, fullname id, absolute permalink, time', () => {
    expect(posts[0]).toEqual({
      platform: 'reddit',
      id: 't3_1cr0abc',
      url: 'https://www.reddit.com/r/travel/comments/1cr0abc/acme_air_lost_my_bag_again/',
      author: { handle: 'mayachen_', profileUrl: 'https://www.reddit.com/user/mayachen_/' },
      text:
        'Acme Air lost my bag again\n\n' +
        'Third time I ask: my bag from @AcmeAir never arrived and support is useless. Still waiting for a refund 😡 #acmefail\n' +
        'Flight from Boston to Lisbon on May 10, file reference LIS-48213.',
      publishedAt: '2024-05-13T09:12:44.000Z',
      isReply: false,
      threadId: 't3_1cr0abc',
    });
  });

  it('reads the whole body of a long post, never its "Read more" controls, however the body is marked', () => {
    const post = byId(roots, 't3_1cr0abc');
    const button = post.querySelector('#t3_1cr0abc-read-more-button')!;
    expect(button.textContent).toContain('Read more');
    expect(posts[0]!.text).not.toContain('Read more');
    // Without the rich text's id, the text slot is read without its controls.
    const copy = post.cloneNode(true) as Element;
    copy.querySelector('#t3_1cr0abc-post-rtjson-content')!.removeAttribute('id');
    expect(reddit.extractPost(copy)).toEqual(posts[0]);
  });

  it('reads every field of a nested reply, without the text of the reply nested in it', () => {
    expect(posts[2]).toEqual({
      platform: 'reddit',
      id: 't1_l3x0b02',
      url: 'https://www.reddit.com/r/travel/comments/1cr0abc/comment/l3x0b02/',
      author: { handle: 'AcmeAir', profileUrl: 'https://www.reddit.com/user/AcmeAir/' },
      text: 'Sorry to hear that! Please send us a DM with your file reference and we will chase it. ✈️',
      publishedAt: '2024-05-13T10:05:31.000Z',
      isReply: true,
      inReplyTo: 'jlee_travels',
      threadId: 't3_1cr0abc',
    });
    expect(posts[1]!.text).toBe('Same thing happened to me with @AcmeAir last month.\nTook three weeks to get it back.');
    expect(posts[1]!.publishedAt).toBe('2024-05-13T09:40:02.000Z');
  });

  it('marks every comment as a reply to its parent comment, or to the post author at the top level', () => {
    expect(posts.slice(1).flatMap((p) => (p ? [[p.id, p.isReply, p.inReplyTo, p.threadId]] : []))).toEqual([
      ['t1_l3x0a01', true, 'mayachen_', 't3_1cr0abc'],
      ['t1_l3x0b02', true, 'jlee_travels', 't3_1cr0abc'],
      ['t1_l3x0c03', true, 'AcmeAir', 't3_1cr0abc'],
      ['t1_l3x0d04', true, 'mayachen_', 't3_1cr0abc'],
      ['t1_l3x0f06', true, 'mayachen_', 't3_1cr0abc'],
    ]);
  });

  it('keeps what a comment quotes with a Markdown blockquote apart from its own words', () => {
    expect(posts[3]).toMatchObject({ id: 't1_l3x0c03', text: 'DM sent two days ago, still no answer #acmefail' });
    expect(posts[3]!.quoted).toEqual({ text: 'Please send us a DM with your file reference and we will chase it.' });
  });

  it('counts what a comment quotes in the first read, which decides whether a brand is named', () => {
    expect(reddit.peek!(roots[3]!)).toEqual({
      text: 'DM sent two days ago, still no answer #acmefail\nPlease send us a DM with your file reference and we will chase it.',
      authorHandle: 'jlee_travels',
      repliesTo: posts[3]!.inReplyTo,
    });
    expect(posts[3]!.inReplyTo).toBeTruthy();
  });

  it('reads a non-English comment as written', () => {
    expect(posts[4]!.text).toBe('¿Alguien sabe si Acme Air reembolsa las maletas perdidas?');
  });

  it('skips a deleted comment and a comment whose markup changed', () => {
    expect(roots[5]!.getAttribute('author')).toBe('[deleted]');
    expect(posts[5]).toBeUndefined();
    expect(reddit.getPostId(roots[7]!)).toBeUndefined();
    expect(posts[7]).toBeUndefined();
  });

  it('anchors the overlay in a light-DOM slot child next to the author, never in a reply', () => {
    expect(reddit.overlayAnchor(roots[0]!)?.getAttribute('slot')).toBe('credit-bar');
    const anchor = reddit.overlayAnchor(roots[1]!)!;
    expect(anchor.getAttribute('slot')).toBe('commentMeta');
    expect(anchor.closest('shreddit-comment')).toBe(roots[1]);
    expect(anchor.textContent).toContain('jlee_travels');
  });

  it('finds the open reply box of the comment it belongs to, and none where the box is closed', () => {
    const box = reddit.findReplyBox(byId(roots, 't1_l3x0d04'));
    expect(box).toBe(doc.querySelector('shreddit-comment[thingid="t1_l3x0d04"] div[slot="rte"][contenteditable="true"]'));
    expect(box?.getAttribute('role')).toBe('textbox');
    expect(reddit.findReplyBox(byId(roots, 't1_l3x0a01'))).toBeUndefined();
    // The post's own comment box is in the page but not shown (no slot for it) until it is opened.
    expect(doc.querySelector('comment-composer-host[post-id] > faceplate-form[slot="ready"] [contenteditable="true"]')).not.toBeNull();
    expect(reddit.findReplyBox(roots[0]!)).toBeUndefined();
    const host = doc.querySelector('comment-composer-host.mb-md')!;
    host.querySelector('template')!.innerHTML = '<slot name="ready"></slot>';
    try {
      expect(reddit.findReplyBox(roots[0]!)).toBe(host.querySelector('div[slot="rte"]'));
      // A composer host answering another post, or a comment, is not this post's box.
      host.setAttribute('post-id', 't3_1other');
      expect(reddit.findReplyBox(roots[0]!)).toBeUndefined();
      host.setAttribute('post-id', 't3_1cr0abc');
      host.setAttribute('parent-id', 't1_l3x0a01');
      expect(reddit.findReplyBox(roots[0]!)).toBeUndefined();
    } finally {
      host.querySelector('template')!.innerHTML = '<slot></slot>';
      host.setAttribute('post-id', 't3_1cr0abc');
      host.removeAttribute('parent-id');
    }
  });
});

describe('Reddit adapter: reply boxes whose editor is in a shadow root', () => {
  const composerOf = (doc: Document, id: string) => doc.querySelector(`comment-composer-host[parent-id="${id}"] shreddit-composer`)!;

  it("finds a comment's box in Markdown mode, the textarea in its composer's shadow roots, never the rich-text editor it hides", () => {
    const { doc, roots } = readFixture(reddit, 'comments');
    const composer = composerOf(doc, 't1_l3x0d04');
    const textarea = toMarkdownMode(composer);
    expect(composer.querySelector('[slot="rte"][contenteditable="true"]')).not.toBeNull();
    expect(reddit.findReplyBox(byId(roots, 't1_l3x0d04'))).toBe(textarea);
    // Without a rich-text editor in its light DOM, the same.
    composer.querySelector('[slot="rte"]')!.remove();
    expect(reddit.findReplyBox(byId(roots, 't1_l3x0d04'))).toBe(textarea);
    // In Markdown mode behind a closed shadow root, the rich-text editor is still not the box: none is.
    const closed = readFixture(reddit, 'comments');
    const hidden = composerOf(closed.doc, 't1_l3x0d04');
    hidden.setAttribute('mode', 'markdown');
    hidden.attachShadow({ mode: 'closed' });
    expect(reddit.findReplyBox(byId(closed.roots, 't1_l3x0d04'))).toBeUndefined();
  });

  it("finds a comment's box in the mobile layout, in its simple composer's shadow root, and none behind a closed shadow root", () => {
    const { doc, roots } = readFixture(reddit, 'comments');
    const editor = toSimpleComposer(composerOf(doc, 't1_l3x0d04'));
    expect(reddit.findReplyBox(byId(roots, 't1_l3x0d04'))).toBe(editor);
    const closed = readFixture(reddit, 'comments');
    toSimpleComposer(composerOf(closed.doc, 't1_l3x0d04'), 'closed');
    expect(reddit.findReplyBox(byId(closed.roots, 't1_l3x0d04'))).toBeUndefined();
  });

  it("never takes a reply's shadow-root box for its parent's, and offers the post's only once its composer is shown", () => {
    const { doc, roots } = readFixture(reddit, 'comments');
    // The nested reply t1_l3x0c03 gets an open composer in Markdown mode.
    doc.querySelector('shreddit-comment-action-row[comment-id="t1_l3x0c03"]')!.insertAdjacentHTML(
      'beforeend',
      '<shreddit-async-loader bundlename="comment_composer" slot="comment-composer"><comment-composer-host parent-id="t1_l3x0c03" post-id="t3_1cr0abc"><faceplate-form><shreddit-composer mode="richText"><div slot="rte" contenteditable="true" role="textbox"><p><br></p></div></shreddit-composer></faceplate-form></comment-composer-host></shreddit-async-loader>',
    );
    const textarea = toMarkdownMode(composerOf(doc, 't1_l3x0c03'), true);
    expect(reddit.findReplyBox(byId(roots, 't1_l3x0c03'))).toBe(textarea);
    expect(reddit.findReplyBox(byId(roots, 't1_l3x0b02'))).toBeUndefined();
    expect(reddit.findReplyBox(byId(roots, 't1_l3x0a01'))).toBeUndefined();
    // The post's own composer, in Markdown mode, is still closed (its host's shadow root has no slot for it).
    const host = doc.querySelector('comment-composer-host.mb-md')!;
    const postBox = toMarkdownMode(host.querySelector('shreddit-composer')!, true);
    expect(reddit.findReplyBox(roots[0]!)).toBeUndefined();
    host.querySelector('template')!.innerHTML = '<slot name="ready"></slot>';
    expect(reddit.findReplyBox(roots[0]!)).toBe(postBox);
  });
});

describe('Reddit adapter, new Reddit feed', () => {
  const { roots, posts } = readFixture(reddit, 'feed');

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(reddit, roots, true));

  it("writes the site a Markdown link leads to after its words, unless they show it or it is Reddit's own", () => {
    const post = roots.find((r) => r.getAttribute('post-type') === 'text' && posts[roots.indexOf(r)])!;
    const linked = post.cloneNode(true) as Element;
    post.after(linked);
    try {
      const body = [...linked.querySelectorAll('p')].at(-1)!;
      body.innerHTML =
        'File the claim at <a href="https://www.acmeair.com/baggage/claim">their baggage page</a>, see ' +
        '<a href="https://acmeair.com/help">acmeair.com/help</a> and <a href="https://www.reddit.com/r/travel/wiki">the wiki</a>.';
      expect(reddit.extractPost(linked)!.text).toContain(
        'File the claim at their baggage page (acmeair.com), see acmeair.com/help and the wiki.',
      );
    } finally {
      linked.remove();
    }
  });

  it("reads a link post's address as its last line (a link to the brand's site is a mention), never Reddit's own media", () => {
    const post = roots.find((r) => r.getAttribute('post-type') === 'text' && posts[roots.indexOf(r)])!;
    const text = posts[roots.indexOf(post)]!.text;
    const linked = post.cloneNode(true) as Element;
    post.after(linked);
    try {
      linked.setAttribute('post-type', 'link');
      linked.setAttribute('content-href', 'https://www.acmeair.com/news/lisbon?utm_source=reddit');
      expect(reddit.extractPost(linked)!.text).toBe(`${text}\n\nacmeair.com/news/lisbon`);
      expect(reddit.peek!(linked)!.text).toBe(`${text}\n\nacmeair.com/news/lisbon`);
      for (const href of ['https://i.redd.it/abc123.jpeg', 'https://www.reddit.com/r/travel/comments/x/', 'javascript:alert(1)', 'not a url']) {
        linked.setAttribute('content-href', href);
        expect(reddit.extractPost(linked)!.text).toBe(text);
      }
      linked.setAttribute('content-href', 'https://www.acmeair.com/');
      linked.setAttribute('post-type', 'image');
      expect(reddit.extractPost(linked)!.text).toBe(text);
    } finally {
      linked.remove();
    }
  });

  it('finds every post but not the promoted post or the lazily loaded next page', () => {
    expect(roots).toHaveLength(6);
    expect(roots.every((r) => r.localName === 'shreddit-post')).toBe(true);
    expect(posts.filter(Boolean)).toHaveLength(5);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads a feed card like the same post on its own page', () => {
    const page = readFixture(reddit, 'comments').posts[0]!;
    expect(posts[0]).toEqual(page);
  });

  it("keeps a crosspost's original apart from the crossposting post", () => {
    expect(posts[2]).toEqual({
      platform: 'reddit',
      id: 't3_1cr2c3d',
      url: 'https://www.reddit.com/r/travel/comments/1cr2c3d/heads_up_new_carryon_rules/',
      author: { handle: 'tbecker', profileUrl: 'https://www.reddit.com/user/tbecker/' },
      text: 'Heads up: new carry-on rules',
      publishedAt: '2024-05-13T07:45:00.000Z',
      quoted: {
        author: 'AcmeAir',
        text: 'Acme Air is updating its baggage policy',
        url: 'https://www.reddit.com/r/AcmeAir/comments/1cqz9zz/acme_air_is_updating_its_baggage_policy/',
      },
      isReply: false,
      threadId: 't3_1cr2c3d',
    });
  });

  it("credits a crosspost's original to its author whatever the link's form, and never its preview to the crossposter", () => {
    const copy = roots[2]!.cloneNode(true) as Element;
    // 2026: profile links are absolute, and a crosspost may be marked only by is-crosspost.
    const link = copy.querySelector('.crosspost-credit-bar a[href="/user/AcmeAir/"]')!;
    link.setAttribute('href', 'https://www.reddit.com/user/AcmeAir/');
    copy.removeAttribute('post-type');
    copy.setAttribute('is-crosspost', '');
    // The original's text preview, inside the embed, is the original's.
    const preview = copy.ownerDocument.createElement('a');
    preview.setAttribute('slot', 'text-body');
    preview.innerHTML = '<div class="md feed-card-text-preview"><div id="t3_1cqz9zz-post-rtjson-content" class="md"><p>From 1 July one bag fits under the seat.</p></div></div>';
    copy.querySelector('[slot="post-media-container"] .crosspost-title')!.after(preview);
    expect(reddit.extractPost(copy)).toEqual(posts[2]);
    // A link elsewhere in the embed (a mention, an ad) names no original author.
    link.remove();
    copy.querySelector('[slot="post-media-container"]')!.insertAdjacentHTML('beforeend', '<a href="https://www.reddit.com/user/someoneelse/">u/someoneelse</a>');
    expect(reddit.extractPost(copy)!.quoted).toMatchObject({ author: undefined, text: 'Acme Air is updating its baggage policy' });
  });

  it("counts a crosspost's original in the first read, which decides whether a brand is named", () => {
    expect(reddit.peek!(roots[2]!)).toEqual({ text: 'Heads up: new carry-on rules\nAcme Air is updating its baggage policy', authorHandle: 'tbecker', quotes: 'AcmeAir' });
  });

  it("reads an image post as its title alone, not the image's alt text", () => {
    expect(posts[3]).toMatchObject({ id: 't3_1cr3d4e', text: 'Window seat over the Alps', quoted: undefined });
  });

  it('reads a German post as written', () => {
    expect(posts[4]).toMatchObject({
      id: 't3_1cr4e5f',
      text: 'Acme Air hat meinen Flug ohne Erklärung storniert\n\nHat jemand Erfahrung mit der Erstattung?',
      publishedAt: '2024-05-13T05:58:41.000Z',
    });
  });

  it('skips a post whose markup changed', () => {
    expect(reddit.getPostId(roots[5]!)).toBeUndefined();
    expect(posts[5]).toBeUndefined();
  });

  it('has no reply box on a feed', () => {
    expect(roots.map((r) => reddit.findReplyBox(r))).toEqual(Array(6).fill(undefined));
  });
});

describe('Reddit adapter, old Reddit post page', () => {
  const { doc, roots, posts } = readFixture(reddit, 'old-comments');

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(reddit, roots, true));

  it('reads a comment at the top of a "continue this thread" page as answering the comment its own parent link names, never the post', () => {
    const page = loadFixture('reddit', 'old-comments');
    const top = postRoots(reddit, page).find((r) => r.classList.contains('comment') && !r.parentElement!.closest('div.thing.comment'))!;
    expect(reddit.extractPost(top)?.inReplyTo).toBe(posts[0]!.author.handle);
    // Its parent, not on the page: it answers no one the page names.
    const buttons = top.querySelector('.buttons')!;
    buttons.insertAdjacentHTML('beforeend', '<li><a href="#l3y9z99" data-event-action="parent" data-href-url="/r/travel/comments/1cr0abc/acme_air_lost_my_bag_again/l3y9z99/" class="bylink">parent</a></li>');
    expect(reddit.extractPost(top)?.inReplyTo).toBeUndefined();
    // Its parent on the page (a comment listed elsewhere on it): that comment's author.
    buttons.querySelector('a[data-event-action="parent"]')!.setAttribute('href', '#l3y1e05');
    expect(reddit.extractPost(top)?.inReplyTo).toBe('tokyo_flyer');
  });

  it("reads an old Reddit crosspost's original apart, from what the post names of it, never its preview as the crossposter's words", () => {
    const page = loadFixture('reddit', 'old-comments');
    const post = postRoots(reddit, page)[0]!;
    const own = reddit.extractPost(post)!;
    post.setAttribute('data-url', '/r/acmeair/comments/1d9aa00/lisbon_delays_what_we_are_doing/');
    post.setAttribute('data-crosspost-root-title', 'Lisbon delays: what we are doing');
    post.setAttribute('data-crosspost-root-author', 'AcmeAir');
    for (const md of post.querySelectorAll('.usertext-body')) md.remove();
    post.querySelector('.entry')!.insertAdjacentHTML(
      'beforeend',
      '<div class="expando"><div class="crosspost-preview"><div class="crosspost-preview-content"><form class="usertext"><div class="usertext-body"><div class="md"><p>We have added two aircraft.</p></div></div></form></div></div></div>',
    );
    const read = reddit.extractPost(post)!;
    expect(read.text).toBe(own.text.split('\n')[0]);
    expect(read.quoted).toEqual({ author: 'AcmeAir', text: 'Lisbon delays: what we are doing', url: 'https://www.reddit.com/r/acmeair/comments/1d9aa00/lisbon_delays_what_we_are_doing/' });
  });

  it("reads an old Reddit link post's address as its last line, never a self post's", () => {
    const post = roots[0]!;
    const text = posts[0]!.text;
    const linked = post.cloneNode(true) as Element;
    post.after(linked);
    try {
      linked.setAttribute('data-url', 'https://acmeair.com/news/baggage-policy');
      expect(reddit.extractPost(linked)!.text).toBe(text);
      linked.classList.remove('self');
      expect(reddit.extractPost(linked)!.text).toBe(`${text}\n\nacmeair.com/news/baggage-policy`);
    } finally {
      linked.remove();
    }
  });

  it('finds the post and every comment, nested ones included, but not "load more" stubs', () => {
    expect(roots).toHaveLength(7);
    expect(posts.filter(Boolean)).toHaveLength(5);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(ids).toEqual(['t3_1cs1def', 't1_l3y1a01', 't1_l3y1b02', 't1_l3y1c03', 't1_l3y1e05']);
  });

  it('reads every field of the post', () => {
    expect(posts[0]).toEqual({
      platform: 'reddit',
      id: 't3_1cs1def',
      url: 'https://www.reddit.com/r/flying/comments/1cs1def/acme_air_vs_skyjet_for_transatlantic/',
      author: { handle: 'nina_r', profileUrl: 'https://www.reddit.com/user/nina_r/' },
      text:
        'Acme Air vs SkyJet for transatlantic?\n\n' +
        'Booked Acme Air for July and reading the reviews here I am starting to regret it. #acmefail seems to trend every week.\n' +
        'Any recent experiences?',
      publishedAt: '2024-05-13T09:42:10.000Z',
      isReply: false,
      threadId: 't3_1cs1def',
    });
  });

  it('reads every field of a nested comment, ignoring its edit time and its replies', () => {
    expect(posts[2]).toEqual({
      platform: 'reddit',
      id: 't1_l3y1b02',
      url: 'https://www.reddit.com/r/flying/comments/1cs1def/acme_air_vs_skyjet_for_transatlantic/l3y1b02/',
      author: { handle: 'AcmeAir', profileUrl: 'https://www.reddit.com/user/AcmeAir/' },
      text: 'We are sorry about the stroller, Pete. Our baggage team now tracks every item in the app.',
      publishedAt: '2024-05-13T10:31:00.000Z',
      isReply: true,
      inReplyTo: 'pilot_pete',
      threadId: 't3_1cs1def',
    });
    expect(posts.map((p) => p?.inReplyTo)).toEqual([undefined, 'nina_r', 'pilot_pete', 'AcmeAir', undefined, 'nina_r', undefined]);
  });

  it('keeps a blockquote apart from the words of the comment that quotes it', () => {
    expect(posts[3]!.text).toBe('Good to hear, I will give you another try.');
    expect(posts[3]!.quoted).toEqual({ text: 'Our baggage team now tracks every item in the app.' });
  });

  it('reads a Japanese comment and skips deleted and changed ones', () => {
    expect(posts[5]!.text).toBe('アクメエアの羽田便はいつも遅れます。');
    expect(posts[4]).toBeUndefined();
    expect(posts[6]).toBeUndefined();
  });

  it('anchors the overlay on the tagline of the thing itself', () => {
    const anchor = reddit.overlayAnchor(roots[1]!)!;
    expect(anchor.matches('p.tagline')).toBe(true);
    expect(anchor.closest('.thing')).toBe(roots[1]);
  });

  it('finds the reply form opened under a comment, and the comment box under the post', () => {
    expect(reddit.findReplyBox(roots[1]!)).toBe(doc.querySelector('#commentreply_t1_l3y1a01 textarea[name="text"]'));
    expect(reddit.findReplyBox(roots[2]!)).toBeUndefined();
    expect(reddit.findReplyBox(roots[0]!)).toBe(doc.querySelector('.commentarea > form.usertext textarea[name="text"]'));
  });
});

describe('Reddit adapter: a comment whose parts are not where the page usually puts them', () => {
  const comment = (doc: Document, id: string) => doc.querySelector(`shreddit-comment[thingid="${id}"]`)!;
  const thing = (doc: Document, id: string) => doc.querySelector(`div.thing[data-fullname="${id}"]`)!;

  it("reads a new Reddit comment's text from its own rich text when it has no comment slot, never a reply's", () => {
    const { doc, roots, posts } = readFixture(reddit, 'comments');
    comment(doc, 't1_l3x0a01').querySelector('#t1_l3x0a01-comment-rtjson-content')!.removeAttribute('slot');
    expect(reddit.extractPost(byId(roots, 't1_l3x0a01'))).toEqual(posts[1]);
    // The brand it names still counts in the first read.
    expect(reddit.peek!(byId(roots, 't1_l3x0a01'))?.text).toContain('@AcmeAir');
    // The reply inside it reads its own text without its slot too; its parent, left with no text of its own, never takes it.
    const parent = comment(doc, 't1_l3x0b02').querySelector('#t1_l3x0b02-comment-rtjson-content')!;
    parent.removeAttribute('slot');
    parent.removeAttribute('id');
    comment(doc, 't1_l3x0c03').querySelector('#t1_l3x0c03-comment-rtjson-content')!.removeAttribute('slot');
    expect(reddit.extractPost(byId(roots, 't1_l3x0c03'))).toEqual(posts[3]);
    expect(reddit.extractPost(byId(roots, 't1_l3x0b02'))).toEqual({ ...posts[2], text: '' });
    expectPeekAgrees(reddit, roots, true);
  });

  it('links a new Reddit comment without a permalink by the ids of its post and its own, and skips it without either', () => {
    const { doc, roots, posts } = readFixture(reddit, 'comments');
    const reply = comment(doc, 't1_l3x0b02');
    reply.removeAttribute('permalink');
    expect(reddit.getPostId(reply)).toBe('t1_l3x0b02');
    expect(reddit.extractPost(reply)).toEqual({ ...posts[2], url: 'https://www.reddit.com/comments/1cr0abc/_/l3x0b02/' });
    // Its reply still answers it.
    expect(reddit.extractPost(byId(roots, 't1_l3x0c03'))?.inReplyTo).toBe('AcmeAir');
    reply.setAttribute('postid', 't3_"]');
    expect(reddit.getPostId(reply)).toBeUndefined();
    expect(reddit.extractPost(reply)).toBeUndefined();
    // A permalink that leads elsewhere is not replaced.
    reply.setAttribute('postid', 't3_1cr0abc');
    reply.setAttribute('permalink', 'https://evil.example/r/travel/comments/1cr0abc/comment/l3x0b02/');
    expect(reddit.extractPost(reply)).toBeUndefined();
  });

  it("takes a new Reddit comment's time from outside its meta when the meta shows none, never a reply's", () => {
    const { doc, posts } = readFixture(reddit, 'comments');
    const parent = comment(doc, 't1_l3x0a01');
    const time = parent.querySelector('[slot="commentMeta"] faceplate-timeago')!;
    parent.prepend(time);
    expect(reddit.extractPost(parent)).toEqual(posts[1]);
    time.querySelector('time')!.remove();
    expect(reddit.extractPost(parent)?.publishedAt).toBe(posts[1]!.publishedAt);
    time.remove();
    expect(reddit.extractPost(parent)).toEqual({ ...posts[1], publishedAt: undefined });
  });

  it("links an old Reddit comment without data-permalink by its own permalink link, when it leads to it", () => {
    const { doc, roots, posts } = readFixture(reddit, 'old-comments');
    const reply = thing(doc, 't1_l3y1b02');
    reply.removeAttribute('data-permalink');
    expect(reddit.getPostId(reply)).toBe('t1_l3y1b02');
    expect(reddit.extractPost(reply)).toEqual(posts[2]);
    // A link to another comment is not its permalink; nor is its reply's, when it has none of its own.
    const bylink = reply.querySelector('.entry .buttons a.bylink')!;
    const own = bylink.getAttribute('href')!;
    bylink.setAttribute('href', 'https://old.reddit.com/r/flying/comments/1cs1def/acme_air_vs_skyjet_for_transatlantic/l3y1a01/');
    expect(reddit.extractPost(reply)).toBeUndefined();
    // Its own permalink after a link to its parent (as on a page of comments shown in context).
    bylink.closest('li')!.insertAdjacentHTML('afterend', `<li><a href="${own}?context=3" class="bylink">context</a></li>`);
    expect(reddit.extractPost(reply)).toEqual(posts[2]);
    bylink.closest('ul')!.querySelectorAll('a.bylink')[1]!.remove();
    bylink.remove();
    expect(reddit.getPostId(reply)).toBeUndefined();
    expect(reddit.extractPost(reply)).toBeUndefined();
    // The post, too, by its "comments" link.
    roots[0]!.removeAttribute('data-permalink');
    expect(reddit.extractPost(roots[0]!)).toEqual(posts[0]);
  });

  it('reads an old Reddit comment shown without its .entry, never its replies nor its reply form', () => {
    const { doc, posts } = readFixture(reddit, 'old-comments');
    const parent = thing(doc, 't1_l3y1a01');
    const entry = parent.querySelector(':scope > .entry')!;
    entry.replaceWith(...entry.childNodes);
    expect(reddit.extractPost(parent)).toEqual(posts[1]);
    const anchor = reddit.overlayAnchor(parent)!;
    expect(anchor.matches('p.tagline')).toBe(true);
    expect(anchor.closest('.thing')).toBe(parent);
    // Without a text or a time of its own, none: not its reply's, nor its open reply form's.
    parent.querySelector(':scope > form.usertext')!.remove();
    parent.querySelector(':scope > p.tagline time')!.remove();
    expect(reddit.extractPost(parent)).toEqual({ ...posts[1], text: '', publishedAt: undefined });
  });

  it("dates an old Reddit post by its data-timestamp when it shows no time", () => {
    const { roots, posts } = readFixture(reddit, 'old-comments');
    const post = roots[0]!;
    post.querySelector('.tagline time')!.remove();
    expect(post.getAttribute('data-timestamp')).toBe('1715593330000');
    expect(reddit.extractPost(post)).toEqual(posts[0]);
    post.setAttribute('data-timestamp', 'yesterday');
    expect(reddit.extractPost(post)).toEqual({ ...posts[0], publishedAt: undefined });
  });
});

describe('Reddit adapter on markup it does not know', () => {
  it('returns undefined and never throws', () => {
    const doc = document.implementation.createHTMLDocument('junk');
    doc.body.innerHTML = [
      '<shreddit-post></shreddit-post>',
      '<shreddit-post id="t3_abc" permalink="javascript:alert(1)" author="x"></shreddit-post>',
      '<shreddit-post id="t3_abc" permalink="https://evil.example/r/x/comments/abc/" author="x"></shreddit-post>',
      '<shreddit-post id="t1_abc" permalink="/r/x/comments/abc/" author="x"></shreddit-post>',
      '<shreddit-comment thingid="t1_a&quot;]" parentid="t1_&quot;]x" permalink="/r/x/comments/abc/comment/a/" author="x"></shreddit-comment>',
      '<shreddit-comment thingid="t1_abc" parentid="t1_&quot;]x" postid="&quot;]" permalink="/r/x/comments/abc/comment/abc/" author="x"><div slot="comment">hi</div></shreddit-comment>',
      '<shreddit-post id="t3_abc" post-type="crosspost" content-href="http://[bad" permalink="/r/x/comments/abc/" author="x" created-timestamp="yesterday"></shreddit-post>',
      '<div class="thing comment" data-fullname="t1_abc" data-author="x" data-permalink="%%%"></div>',
      '<div class="thing link" data-fullname="t3_abc" data-author="x" data-permalink="/r/x/comments/abc/" data-promoted="true"></div>',
    ].join('');
    const roots = [...doc.querySelectorAll(reddit.postSelector)];
    expect(roots).toHaveLength(9);
    const results = roots.map((r) => {
      expect(() => reddit.extractPost(r)).not.toThrow();
      expect(() => reddit.findReplyBox(r)).not.toThrow();
      expect(() => reddit.overlayAnchor(r)).not.toThrow();
      return reddit.extractPost(r);
    });
    expect(results.slice(0, 5)).toEqual(Array(5).fill(undefined));
    // A comment with a well-formed id is read even when its parent and post ids are junk.
    expect(results[5]).toMatchObject({ id: 't1_abc', text: 'hi', inReplyTo: undefined, threadId: 't3_abc' });
    // An unreadable crosspost target or time is dropped, not fatal.
    expect(results[6]).toMatchObject({ id: 't3_abc', quoted: undefined, publishedAt: undefined });
    expect(results.slice(7)).toEqual([undefined, undefined]);
    expect(reddit.extractPost(doc.createElement('div'))).toBeUndefined();
  });
});

describe('Reddit adapter: search results', () => {
  afterAll(resetPageUrl);

  it('reads each post result from its tracking context and what it shows, never the trackers nested in it', () => {
    const { doc, roots, posts } = readFixture(reddit, 'search-posts', { atSavedUrl: true });
    expect(doc.querySelectorAll('search-telemetry-tracker').length).toBeGreaterThan(roots.length);
    expect(roots.map((r) => r.getAttribute('view-events'))).toEqual(Array(4).fill('search/view/post'));
    expect(posts[0]).toEqual({
      platform: 'reddit',
      id: 't3_1xacm01',
      url: 'https://www.reddit.com/r/travel/comments/1xacm01/acme_air_lost_my_bag_twice_this_month/',
      author: { handle: 'bagless_in_lisbon', profileUrl: 'https://www.reddit.com/user/bagless_in_lisbon/' },
      text: 'Acme Air lost my bag twice this month\n\nSecond time in four weeks my checked bag did not arrive in Lisbon, and the chat just loops. Anyone got a real phone number for Acme Air baggage?',
      publishedAt: '2026-09-14T08:12:40.118Z',
      isReply: false,
      threadId: 't3_1xacm01',
    });
    // A snippet taken from a comment on the post is not the post's own words.
    expect(posts[1]!.text).toBe('Best airline for Porto in winter?');
    // The title-only card of September 2026 (search-sdui-post): its title, the query's words in it kept.
    expect(posts[3]).toEqual({
      platform: 'reddit',
      id: 't3_1xacm07',
      url: 'https://www.reddit.com/r/travel/comments/1xacm07/acme_air_refund_never_came_buyers_beware/',
      author: { handle: 'Charming_Gate6018', profileUrl: 'https://www.reddit.com/user/Charming_Gate6018/' },
      text: 'Acme Air refund never came. Buyers beware!',
      publishedAt: '2026-08-02T10:15:03.412Z',
      isReply: false,
      threadId: 't3_1xacm07',
    });
    expectPeekAgrees(reddit, roots, true);
    for (const [i, root] of roots.entries()) {
      expect(reddit.overlayAnchor(root)!.matches('.post-credit-row')).toBe(true);
      expect(reddit.findReplyBox(root)).toBeUndefined();
      expect(reddit.getPostId(root)).toBe(posts[i]!.id);
    }
  });

  it("reads a post result's title as its author wrote it, not as Reddit translated it for the reader", () => {
    const { roots, posts } = readFixture(reddit, 'search-posts', { atSavedUrl: true });
    const result = roots[0]!.cloneNode(true) as Element;
    result.setAttribute('data-pretranslated', '');
    result.querySelector('a[data-testid="post-title-text"]')!.textContent = 'Acme Air perdió mi maleta dos veces este mes';
    expect(reddit.extractPost(result)!.text).toBe(posts[0]!.text);
    expect(posts[0]!.text.startsWith('Acme Air lost my bag twice this month')).toBe(true);
  });

  it('reads each comment result: its id, thread, author, time and text, not its post title', () => {
    const { roots, posts } = readFixture(reddit, 'search-comments', { atSavedUrl: true });
    expect(roots).toHaveLength(3);
    expect(posts[1]).toEqual({
      platform: 'reddit',
      id: 't1_p1acm12',
      url: 'https://www.reddit.com/r/personalfinance/comments/1xabc13/refund_taking_forever/p1acm12/',
      author: { handle: 'still_waiting_88', profileUrl: 'https://www.reddit.com/user/still_waiting_88/' },
      text: 'Same with Acme Air, 47 days and counting. I filed a chargeback in the end: acmeair.com/refunds is useless',
      publishedAt: '2026-09-13T21:05:44.901Z',
      isReply: true,
      threadId: 't3_1xabc13',
    });
    expect(posts[0]!.text).not.toContain('customer service');
    expectPeekAgrees(reddit, roots, true);
    expect(reddit.overlayAnchor(roots[0]!)!.textContent).toContain('maria_flies');
  });

  it("reads a comment result whose author is a link to their profile, never a u/ mention in its words, and not a video's poster", () => {
    const { roots, posts } = readFixture(reddit, 'search-comments', { atSavedUrl: true });
    expect(posts[2]).toEqual({
      platform: 'reddit',
      id: 't1_p1acm14',
      url: 'https://www.reddit.com/r/travel/comments/1xabc15/refund_after_a_cancelled_flight/p1acm14/',
      author: { handle: 'lisbon_layover', profileUrl: 'https://www.reddit.com/user/lisbon_layover/' },
      text: 'Acme Air sent me a voucher instead of the refund I asked for. I recorded the call, attached below.',
      publishedAt: '2026-09-14T09:58:53.978Z',
      isReply: true,
      threadId: 't3_1xabc15',
    });
    expectPeekAgrees(reddit, roots, true);
    // Without the author's row, a u/ mention in the words names no author.
    const result = roots[2]!.cloneNode(true) as Element;
    result.querySelector('a[href="/user/lisbon_layover/"]')!.remove();
    result.querySelector('[id="search-comment-t1_p1acm14-post-rtjson-content"] p')!.insertAdjacentHTML('beforeend', ' <a href="/user/someone_else/">u/someone_else</a>');
    expect(reddit.extractPost(result)).toBeUndefined();
  });

  it("reads a comment result's links and quotes as on its own page: the site of each link after it, its quotes apart", () => {
    const { roots, posts } = readFixture(reddit, 'search-comments', { atSavedUrl: true });
    const result = roots[1]!.cloneNode(true) as Element;
    result.querySelector('[id="search-comment-t1_p1acm12-post-rtjson-content"]')!.innerHTML =
      '<blockquote><p>Refunds take 7 days</p></blockquote><p>47 days and counting, <a href="https://www.acmeair.com/help/refunds">their own page</a> says so</p>';
    expect(reddit.extractPost(result)).toEqual({
      ...posts[1],
      text: '47 days and counting, their own page (acmeair.com) says so',
      quoted: { text: 'Refunds take 7 days' },
    });
    expect(reddit.peek!(result)!.text).toContain('Refunds take 7 days');
    expect(reddit.peek!(result)!.text).toContain('acmeair.com');
  });

  it('skips a result whose context or markup it cannot read, without throwing', () => {
    const { doc, roots } = readFixture(reddit, 'search-posts', { atSavedUrl: true });
    const broken = roots[0]!.cloneNode(true) as Element;
    broken.setAttribute('data-faceplate-tracking-context', '{not json');
    expect(reddit.extractPost(broken)).toBeUndefined();
    const deleted = roots[0]!.cloneNode(true) as Element;
    deleted.setAttribute('data-faceplate-tracking-context', roots[0]!.getAttribute('data-faceplate-tracking-context')!.replace('bagless_in_lisbon', '[deleted]'));
    expect(reddit.extractPost(deleted)).toBeUndefined();
    const noLink = roots[0]!.cloneNode(true) as Element;
    noLink.querySelectorAll('a[data-testid^="post-title"]').forEach((a) => a.remove());
    expect(reddit.extractPost(noLink)).toBeUndefined();
    expect(doc.querySelectorAll('firstreply-overlay')).toHaveLength(0);
    // Only a post whose author is gone is counted so; markup that changed is not.
    expect([broken, noLink, roots[0]!].map((r) => reddit.isGone!(r))).toEqual([false, false, false]);
    expect(reddit.isGone!(deleted)).toBe(true);
  });

  it("counts a post result that names no author (a page of September 2026 leaves a gone account's out) as gone", () => {
    const { roots } = readFixture(reddit, 'search-posts', { atSavedUrl: true });
    const result = roots[0]!.cloneNode(true) as Element;
    const context = JSON.parse(result.getAttribute('data-faceplate-tracking-context')!) as Record<string, unknown>;
    delete context.profile;
    result.setAttribute('data-faceplate-tracking-context', JSON.stringify(context));
    expect(reddit.extractPost(result)).toBeUndefined();
    expect(reddit.isGone!(result)).toBe(true);
    // Where no result on the page names its author (the layout of early 2025), it is markup not read, not a gone account.
    const alone = new DOMParser().parseFromString('<main></main>', 'text/html');
    alone.querySelector('main')!.append(alone.importNode(result, true));
    expect(reddit.isGone!(alone.querySelector('search-telemetry-tracker')!)).toBe(false);
  });
});

describe('Reddit adapter: old Reddit search results', () => {
  afterAll(resetPageUrl);
  const { doc, roots, posts } = readFixture(reddit, 'old-search', { atSavedUrl: true });

  it('finds each post found, never a subreddit found, and reads those it understands', () => {
    expect(doc.querySelectorAll('.search-result')).toHaveLength(5);
    expect(roots.map((r) => r.getAttribute('data-fullname'))).toEqual(['t3_1tva44g', 't3_1tvb71x', 't3_1tt90c2', 't3_1tq4e8d']);
    expect(posts.map((p) => p?.id)).toEqual(['t3_1tva44g', 't3_1tvb71x', 't3_1tt90c2', undefined]);
    expectPeekAgrees(reddit, roots, true);
  });

  it('reads every field of a result with a body: title and body as on its page, its quote apart, its link as other old Reddit posts', () => {
    expect(posts[0]).toEqual({
      platform: 'reddit',
      id: 't3_1tva44g',
      url: 'https://www.reddit.com/r/travel/comments/1tva44g/acme_air_cancelled_my_flight_and_kept_the_fare/',
      author: { handle: 'gate_b12_again', profileUrl: 'https://www.reddit.com/user/gate_b12_again/' },
      text:
        'Acme Air cancelled my flight and kept the fare\n\n' +
        '@AcmeAir cancelled my Lisbon flight two days out and the refund form says I am not eligible. #acmefail\n' +
        'The next available flight is in nine days.',
      publishedAt: '2026-06-03T01:04:03.000Z',
      quoted: { text: 'We rebook you on the next available flight at no cost.' },
      isReply: false,
      threadId: 't3_1tva44g',
    });
    expect(reddit.peek!(roots[0]!)!.text).toContain('We rebook you');
  });

  it('reads a result without a body as its title, and the brand\'s own post as its', () => {
    expect(posts[1]).toEqual({
      platform: 'reddit',
      id: 't3_1tvb71x',
      url: 'https://www.reddit.com/r/aviation/comments/1tvb71x/acme_air_takes_delivery_of_its_first_a321xlr/',
      author: { handle: 'spotter_pt', profileUrl: 'https://www.reddit.com/user/spotter_pt/' },
      text: 'Acme Air takes delivery of its first A321XLR',
      publishedAt: '2026-06-02T17:40:12.000Z',
      isReply: false,
      threadId: 't3_1tvb71x',
    });
    expect(posts[2]).toMatchObject({ author: { handle: 'AcmeAir' }, text: 'Summer schedule: new routes to Porto and Faro\n\nFrom 1 July we fly daily to Porto and three times a week to Faro.' });
  });

  it('anchors the overlay on the meta line, offers no reply box, and skips what it cannot tie to the post or its author', () => {
    for (const root of roots) {
      expect(reddit.overlayAnchor(root)!.matches('.search-result-meta')).toBe(true);
      expect(reddit.findReplyBox(root)).toBeUndefined();
      expect(replyControlOf(reddit, root)).toBeUndefined();
    }
    // A title that leads to another post, a deleted author, a removed body: not read.
    const other = roots[0]!.cloneNode(true) as Element;
    other.querySelector('a.search-title')!.setAttribute('href', 'https://old.reddit.com/r/travel/comments/1tvb71x/acme_air_takes_delivery_of_its_first_a321xlr/');
    const deleted = roots[0]!.cloneNode(true) as Element;
    deleted.querySelector('.search-author')!.innerHTML = 'by [deleted]';
    const removed = roots[0]!.cloneNode(true) as Element;
    removed.querySelector('.search-result-body .md')!.innerHTML = '<p>[removed]</p>';
    // Nor markup it does not know, which it never throws on.
    const junk = doc.createElement('div');
    junk.innerHTML = [
      '<div class="search-result search-result-link" data-fullname="t3_abc"></div>',
      '<div class="search-result search-result-link" data-fullname="t3_&quot;]"><a class="search-title" href="/r/x/comments/&quot;]/">x</a><span class="search-author"><a href="/user/x">x</a></span></div>',
      '<div class="search-result search-result-link" data-fullname="t3_abc"><a class="search-title" href="http://[bad">x</a><span class="search-author"><a href="javascript:alert(1)">x</a></span></div>',
      '<div class="search-result search-result-link" data-fullname="t3_abc"><a class="search-title" href="https://evil.example/r/x/comments/abc/">x</a><span class="search-author"><a href="/user/x">x</a></span></div>',
    ].join('');
    for (const copy of [other, deleted, removed, ...junk.children]) {
      expect(() => reddit.overlayAnchor(copy)).not.toThrow();
      expect(reddit.extractPost(copy)).toBeUndefined();
      expect(reddit.peek!(copy)).toBeUndefined();
    }
  });
});

describe('Reddit adapter on sh.reddit.com', () => {
  afterAll(resetPageUrl);

  it('runs there', () => {
    expect(reddit.matches).toContain('https://sh.reddit.com/*');
    expect(CONTENT_SCRIPT_MATCHES).toContain('https://sh.reddit.com/*');
    expect(adapterFor(new URL('https://sh.reddit.com/r/travel/comments/1cr0abc/acme_air_lost_my_bag_again/'))?.id).toBe('reddit');
  });

  it('reads a post page and a profile there as on www.reddit.com: the same ids, links and authors', () => {
    const www = readFixture(reddit, 'comments', { at: 'https://www.reddit.com/r/travel/comments/1cr0abc/acme_air_lost_my_bag_again/' });
    const sh = readFixture(reddit, 'comments', { at: 'https://sh.reddit.com/r/travel/comments/1cr0abc/acme_air_lost_my_bag_again/' });
    expect(sh.posts.filter(Boolean)).toHaveLength(6);
    expect(sh.posts).toEqual(www.posts);
    const wwwProfile = readFixture(reddit, 'profile-comments', { at: 'https://www.reddit.com/user/mayachen_/comments/' }).posts;
    const shProfile = readFixture(reddit, 'profile-comments', { at: 'https://sh.reddit.com/user/mayachen_/comments/' }).posts;
    expect(shProfile.filter(Boolean)).toHaveLength(3);
    expect(shProfile).toEqual(wwwProfile);
  });

  it('gives www.reddit.com links for links written to sh.reddit.com', () => {
    const { roots, posts } = readFixture(reddit, 'comments', { at: 'https://sh.reddit.com/r/travel/comments/1cr0abc/acme_air_lost_my_bag_again/' });
    const comment = byId(roots, 't1_l3x0b02').cloneNode(true) as Element;
    comment.setAttribute('permalink', 'https://sh.reddit.com/r/travel/comments/1cr0abc/comment/l3x0b02/');
    expect(reddit.extractPost(comment)).toMatchObject({ id: 't1_l3x0b02', url: 'https://www.reddit.com/r/travel/comments/1cr0abc/comment/l3x0b02/', author: posts[2]!.author });
    // A crosspost's original, credited by a link to its author's profile there.
    const feed = readFixture(reddit, 'feed', { at: 'https://sh.reddit.com/r/travel/' });
    const crosspost = feed.roots[2]!.cloneNode(true) as Element;
    crosspost.querySelector('.crosspost-credit-bar a[href="/user/AcmeAir/"]')!.setAttribute('href', 'https://sh.reddit.com/user/AcmeAir/');
    for (const a of crosspost.querySelectorAll('[slot="post-media-container"] a[href^="/r/AcmeAir/comments/"]')) a.setAttribute('href', `https://sh.reddit.com${a.getAttribute('href')}`);
    crosspost.setAttribute('content-href', `https://sh.reddit.com${crosspost.getAttribute('content-href')}`);
    expect(reddit.extractPost(crosspost)).toEqual(feed.posts[2]);
  });
});

describe("Reddit adapter: comments listed on their author's profile", () => {
  const { doc, roots, posts } = readFixture(reddit, 'profile-comments', { atSavedUrl: true });
  afterAll(resetPageUrl);

  it('reads each comment as its author\'s (the profile\'s owner), with its id, link, thread, time and text', () => {
    expect(roots).toHaveLength(3);
    expect(posts[0]).toEqual({
      platform: 'reddit',
      id: 't1_l5a0a01',
      url: 'https://www.reddit.com/r/travel/comments/1cr0abc/comment/l5a0a01/',
      author: { handle: 'mayachen_', profileUrl: 'https://www.reddit.com/user/mayachen_/' },
      text: 'Update: still no bag from @AcmeAir after 9 days. Their chat keeps closing my case 😡\nFile reference LIS-48213 if anyone from the airline reads this.',
      publishedAt: '2024-05-14T08:20:00.000Z',
      isReply: true,
      threadId: 't3_1cr0abc',
    });
    // A link written under the profile names no subreddit: Reddit's short form leads to the comment.
    expect(posts[1]).toMatchObject({ id: 't1_l5a0b02', url: 'https://www.reddit.com/comments/1cs1def/_/l5a0b02/', threadId: 't3_1cs1def' });
    expect(posts[1]!.text).toBe('Flew SkyJet to Porto last week, on time both ways and the crew were lovely.');
    expectPeekAgrees(reddit, roots);
  });

  it('keeps what a comment quotes with "> " apart from its own words, as on its own page', () => {
    const page = readFixture(reddit, 'profile-comments', { atSavedUrl: true });
    const md = [...page.roots[0]!.querySelectorAll('.md')].find((el) => !el.querySelector('.md'))!;
    md.innerHTML = '<blockquote><p>Our average phone wait time is under 5 minutes.</p></blockquote><p>That is simply not true, I waited 40 minutes on the phone.</p>';
    expect(reddit.extractPost(page.roots[0]!)).toMatchObject({
      id: 't1_l5a0a01',
      text: 'That is simply not true, I waited 40 minutes on the phone.',
      quoted: { text: 'Our average phone wait time is under 5 minutes.' },
    });
  });

  it('anchors the overlay at the time, offers no reply box, and reads nothing where the page names no profile', () => {
    for (const root of roots) {
      expect(reddit.overlayAnchor(root)!.querySelector('time')).not.toBeNull();
      expect(reddit.findReplyBox(root)).toBeUndefined();
    }
    // The comment without its id is not a root; one whose link names another comment is not read.
    expect(doc.querySelectorAll('shreddit-profile-comment')).toHaveLength(4);
    const odd = roots[0]!.cloneNode(true) as Element;
    odd.setAttribute('href', '/r/travel/comments/1cr0abc/comment/zzz999/');
    expect(reddit.extractPost(odd)).toBeUndefined();
    // Nor on a profile's saved or upvoted lists, which hold other people's comments.
    for (const at of ['https://www.reddit.com/r/travel/', 'https://www.reddit.com/user/mayachen_/saved/', 'https://www.reddit.com/user/mayachen_/upvoted/']) {
      expect(readFixture(reddit, 'profile-comments', { at }).posts.every((p) => p === undefined)).toBe(true);
    }
    expect(readFixture(reddit, 'profile-comments', { at: 'https://www.reddit.com/user/mayachen_/' }).posts[0]).toEqual(posts[0]);
  });
});

describe("Reddit adapter: opening a reply box with the site's own control", () => {
  afterEach(closePage);

  /** The post page in the test's own window, with the site's part played: Reply and the placeholder open boxes. */
  function openPostPage(): Element[] {
    const roots = openPage(reddit, 'comments');
    document.body.addEventListener('click', (e) => {
      const el = e.target as Element;
      const row = el.closest('shreddit-comment-action-row');
      // A comment's Reply loads a composer into its action row.
      if (row && el.closest('[slot="comment-reply"]')) {
        setTimeout(() => {
          row.insertAdjacentHTML(
            'beforeend',
            `<shreddit-async-loader bundlename="comment_composer" slot="comment-composer"><comment-composer-host parent-id="${row.getAttribute('comment-id')}" post-id="t3_1cr0abc"><faceplate-form><shreddit-composer><div slot="rte" contenteditable="true" role="textbox"><p><br></p></div></shreddit-composer></faceplate-form></comment-composer-host></shreddit-async-loader>`,
          );
        }, 10);
      }
      // The post's placeholder shows the form its composer host already holds.
      const host = el.closest('comment-composer-host');
      if (host && el.matches('[data-testid="trigger-button"]')) setTimeout(() => (host.querySelector('template')!.innerHTML = '<slot name="ready"></slot>'), 10);
    });
    return roots;
  }

  it("opens a comment's own box from its action row's Reply, never its parent's or a reply's", async () => {
    const roots = openPostPage();
    const parent = byId(roots, 't1_l3x0b02');
    const found = await openReplyBox(reddit, () => [parent], 1000);
    expect(found?.root).toBe(parent);
    expect(found?.box.closest('comment-composer-host')?.getAttribute('parent-id')).toBe('t1_l3x0b02');
    // Its nested reply's box is still closed, and its parent's.
    expect(reddit.findReplyBox(byId(roots, 't1_l3x0c03'))).toBeUndefined();
    expect(reddit.findReplyBox(byId(roots, 't1_l3x0a01'))).toBeUndefined();
  });

  it("opens the post's comment box, apart under it, from the placeholder of the composer host of its id", async () => {
    const roots = openPostPage();
    expect(reddit.findReplyBox(roots[0]!)).toBeUndefined();
    // The box shows through the host's shadow root, which no observer of the page sees: found soon all the same.
    const started = Date.now();
    const found = await openReplyBox(reddit, () => [roots[0]!], 3000);
    expect(found?.box).toBe(document.querySelector('comment-composer-host.mb-md div[slot="rte"]'));
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("opens a comment's box whose editor the composer keeps in its shadow roots (Markdown mode)", async () => {
    const roots = openPage(reddit, 'comments');
    const parent = byId(roots, 't1_l3x0b02');
    let textarea: HTMLTextAreaElement | undefined;
    document.body.addEventListener('click', (e) => {
      const row = (e.target as Element).closest('shreddit-comment-action-row');
      if (!row || row.getAttribute('comment-id') !== 't1_l3x0b02' || !(e.target as Element).closest('[slot="comment-reply"]')) return;
      setTimeout(() => {
        row.insertAdjacentHTML(
          'beforeend',
          '<shreddit-async-loader bundlename="comment_composer" slot="comment-composer"><comment-composer-host parent-id="t1_l3x0b02" post-id="t3_1cr0abc"><faceplate-form><shreddit-composer><button slot="submit-button" type="submit">Comment</button></shreddit-composer></faceplate-form></comment-composer-host></shreddit-async-loader>',
        );
        textarea = toMarkdownMode(row.querySelector('shreddit-composer')!);
      }, 10);
    });
    const found = await openReplyBox(reddit, () => [parent], 1000);
    expect(found?.root).toBe(parent);
    expect(found?.box).toBe(textarea);
  });

  it("finds a comment's Reply only once its action row, a template rendered when the comment is seen, is in the page", () => {
    const { doc, roots } = readFixture(reddit, 'comments');
    const comment = byId(roots, 't1_l3x0a01');
    const row = doc.querySelector('shreddit-comment-action-row[comment-id="t1_l3x0a01"]')!;
    // As since September 2026: <div slot="actionRow"><ac-render-template once trigger="view"><template>…row…</template>.
    const slot = doc.createElement('div');
    slot.setAttribute('slot', 'actionRow');
    slot.innerHTML = '<ac-render-template once trigger="view"><template></template></ac-render-template>';
    const template = slot.querySelector('template')!;
    row.replaceWith(slot);
    template.content.append(row);
    expect(replyControlOf(reddit, comment)).toBeUndefined();
    // What to bring into view for it: the comment's own row, never a reply's.
    expect(reddit.replyControlOnView!(comment)).toBe(slot);
    expect(reddit.replyControlOnView!(byId(roots, 't1_l3x0b02'))).toBeUndefined();
    expect(reddit.replyControlOnView!(roots[0]!)).toBeUndefined();
    // A locked comment's Reply, disabled, is nothing to bring into view.
    const button = template.content.querySelector('faceplate-tracker[noun="reply_comment"] button')!;
    button.setAttribute('disabled', '');
    expect(reddit.replyControlOnView!(comment)).toBeUndefined();
    button.removeAttribute('disabled');
    // Seen, the template's content is put in the page.
    template.parentElement!.replaceChildren(template.content.cloneNode(true));
    expect(reddit.replyControlOnView!(comment)).toBeUndefined();
    const control = replyControlOf(reddit, comment)!;
    expect(control.closest('faceplate-tracker')?.getAttribute('noun')).toBe('reply_comment');
    expect(control.closest('shreddit-comment')).toBe(comment);
  });

  it("brings a comment's action row into view when it is not stamped yet, then clicks its Reply and finds its box", async () => {
    const roots = openPostPage();
    const comment = byId(roots, 't1_l3x0d04');
    const row = document.querySelector('shreddit-comment-action-row[comment-id="t1_l3x0d04"]')!;
    const slot = document.createElement('div');
    slot.setAttribute('slot', 'actionRow');
    slot.innerHTML = '<ac-render-template once trigger="view"><template></template></ac-render-template>';
    row.replaceWith(slot);
    slot.querySelector('template')!.content.append(row);
    // The site: the row is stamped once it is in view.
    let scrolled = 0;
    slot.scrollIntoView = () => {
      scrolled++;
      setTimeout(() => {
        const template = slot.querySelector('template')!;
        template.parentElement!.replaceChildren(template.content.cloneNode(true));
      }, 20);
    };
    const found = await openReplyBox(reddit, () => [comment], 1000);
    expect(scrolled).toBe(1);
    expect(found?.root).toBe(comment);
    expect(found?.box.closest('comment-composer-host')?.getAttribute('parent-id')).toBe('t1_l3x0d04');
  });

  it("offers no control apart for another post's composer host, nor on a page that lists posts", () => {
    const roots = openPostPage();
    const host = document.querySelector('comment-composer-host.mb-md')!;
    expect(replyControlOf(reddit, roots[0]!)).toBe(host.querySelector('[data-testid="trigger-button"]'));
    host.setAttribute('post-id', 't3_other');
    expect(replyControlOf(reddit, roots[0]!)).toBeUndefined();
    host.setAttribute('post-id', 't3_1cr0abc');
    roots[0]!.removeAttribute('view-context');
    roots[0]!.insertAdjacentHTML('afterend', '<shreddit-post id="t3_next" permalink="/r/travel/comments/next/x/" author="someone"></shreddit-post>');
    expect(replyControlOf(reddit, roots[0]!)).toBeUndefined();
  });

  it("opens an old Reddit comment's box from its own \"reply\" link", async () => {
    const roots = openPage(reddit, 'old-comments');
    const comment = byId(roots, 't1_l3y1b02');
    const link = replyControlOf(reddit, comment)!;
    expect(link.textContent).toBe('reply');
    expect(link.closest('.thing')).toBe(comment);
    // old Reddit's reply() puts a copy of the reply form in the comment's .child.
    link.addEventListener('click', () => comment.querySelector(':scope > .child')!.insertAdjacentHTML('afterbegin', '<form class="usertext"><textarea name="text" id="opened"></textarea></form>'));
    const found = await openReplyBox(reddit, () => [comment], 1000);
    expect(found?.box.id).toBe('opened');
  });
});
