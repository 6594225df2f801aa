import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PostSchema } from '../schemas/post';
import { closePage, expectPeekAgrees, firstRead, loadFixture, readFixture, resetPageUrl, setPageUrl } from './fixture-testing';
import { linkedin } from './linkedin';
import { openReplyBox } from '../dom/open-reply-box';
import { postRoots, replyControlOf } from './types';

/** The id of a comment of this URN: its own number (the same whichever way the page names its post). */
const cid = (urn: string) => `comment:${/,(\d+)\)$/.exec(urn)![1]}`;

const P1 = 'urn:li:activity:7327995573705037447';
const UGC = '7327995571849071886';
const C1 = cid(`urn:li:comment:(ugcPost:${UGC},7328007866267319481)`);
const R1 = cid(`urn:li:comment:(ugcPost:${UGC},7328014817822883002)`);
const R2 = cid(`urn:li:comment:(ugcPost:${UGC},7328018447489678523)`);
const C2 = cid(`urn:li:comment:(ugcPost:${UGC},7328009996512378044)`);
const BROKEN_COMMENT = cid(`urn:li:comment:(ugcPost:${UGC},7328011124738211006)`);

describe('LinkedIn adapter', () => {
  const { doc, roots } = readFixture(linkedin, 'feed');
  const byId = new Map(roots.map((r) => [linkedin.getPostId(r), r]));
  const root = (id: string) => byId.get(id)!;
  const post = (id: string) => linkedin.extractPost(root(id));

  it('finds every post and comment root and reads those it understands', () => {
    expect(roots).toHaveLength(17);
    expect(roots.filter((r) => r.matches('div.feed-shared-update-v2'))).toHaveLength(11);
    expect(roots.filter((r) => r.matches('article'))).toHaveLength(6);
    const posts = roots.map((r) => linkedin.extractPost(r));
    expect(posts.filter(Boolean)).toHaveLength(13);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    // getPostId agrees with the id extractPost reports, and every root but the promoted post has one.
    roots.forEach((r, i) => {
      expect(Boolean(linkedin.getPostId(r)), r.getAttribute('data-urn') ?? '').toBe(!r.textContent!.includes('Promoted'));
      if (posts[i]) expect(posts[i]!.id).toBe(linkedin.getPostId(r));
    });
    for (const p of posts) if (p) expect(PostSchema.safeParse(p).success).toBe(true);
  });

  it('reads every field of a post: author slug, permalink, time from the activity id, text without "…more"', () => {
    expect(post(P1)).toEqual({
      platform: 'linkedin',
      id: P1,
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7327995573705037447/',
      author: { handle: 'maya-chen-4a1b2c', name: 'Maya Chen', profileUrl: 'https://www.linkedin.com/in/maya-chen-4a1b2c/' },
      text: 'Third flight this month delayed and Acme Air support keeps closing my ticket without an answer 😡 Still waiting on the refund for AC 2291.\n\n#acmefail #travel',
      // The page says "2h" (saved at about 12:00 UTC); the id says exactly when.
      publishedAt: '2025-05-13T09:58:12.345Z',
      isReply: false,
    });
  });

  it('reads every field of a nested reply: comment URN, reply permalink, parent, thread', () => {
    expect(post(R1)).toEqual({
      platform: 'linkedin',
      id: R1,
      url:
        `https://www.linkedin.com/feed/update/urn:li:ugcPost:${UGC}` +
        `?commentUrn=urn%3Ali%3Acomment%3A%28ugcPost%3A${UGC}%2C7328007866267319481%29` +
        `&replyUrn=urn%3Ali%3Acomment%3A%28ugcPost%3A${UGC}%2C7328014817822883002%29`,
      author: { handle: 'acme-air', name: 'Acme Air', profileUrl: 'https://www.linkedin.com/company/acme-air/' },
      text: 'Maya Chen we’re sorry about this. Please DM us your booking code and we’ll look into the refund today.',
      publishedAt: '2025-05-13T11:14:40.500Z',
      isReply: true,
      // Under Kim's comment, it opens by naming Maya (the post's author): whom it answers.
      inReplyTo: 'maya-chen-4a1b2c',
      threadId: P1,
    });
  });

  it('marks comments as replies: to the post author at the top level, to the parent comment when nested', () => {
    expect(post(C1)).toMatchObject({
      isReply: true,
      inReplyTo: 'maya-chen-4a1b2c',
      threadId: P1,
      author: { handle: 'kim-ito-88a1b2', name: 'Kim Ito' },
      url: `https://www.linkedin.com/feed/update/urn:li:ugcPost:${UGC}?commentUrn=urn%3Ali%3Acomment%3A%28ugcPost%3A${UGC}%2C7328007866267319481%29`,
    });
    // The parent's own text does not swallow its replies.
    expect(post(C1)!.text).toBe('Same here, Acme Air lost my bag in Denver last week. Did you get a reference number?');
    // The "Author" badge is not part of the name.
    expect(post(R2)).toMatchObject({ author: { handle: 'maya-chen-4a1b2c', name: 'Maya Chen' }, inReplyTo: 'kim-ito-88a1b2' });
    expect(post(R2)!.text).toBe('Kim Ito yes, ref ACM-2291. Sent Acme Air a DM too 🤞');
    expect(post(C2)).toMatchObject({ inReplyTo: 'maya-chen-4a1b2c', text: 'Have you tried their chat? Took me two days to get an answer.' });
  });

  it('reads whom a reply answers from the mention it opens with (LinkedIn nests replies one level deep), else its comment', () => {
    // Kim answers the brand's reply to her, under her own comment.
    const reply = root(R2).cloneNode(true) as Element;
    root(R2).after(reply);
    try {
      const link = reply.querySelector('.comments-comment-item__main-content a[href]')!;
      link.setAttribute('href', 'https://www.linkedin.com/company/acme-air/');
      link.textContent = 'Acme Air';
      expect(linkedin.extractPost(reply)).toMatchObject({ author: { handle: 'maya-chen-4a1b2c' }, inReplyTo: 'acme-air' });
      // A mention further on is someone the reply talks about; a mention of its own author names no one.
      link.insertAdjacentText('beforebegin', 'Thanks to ');
      expect(linkedin.extractPost(reply)).toMatchObject({ inReplyTo: 'kim-ito-88a1b2' });
      link.previousSibling!.remove();
      link.setAttribute('href', 'https://www.linkedin.com/in/maya-chen-4a1b2c/');
      expect(linkedin.extractPost(reply)).toMatchObject({ inReplyTo: 'kim-ito-88a1b2' });
      // A mention linked by the company's or member's id is the one of that name on the page, else no one it names.
      link.setAttribute('href', 'https://www.linkedin.com/company/10455021/');
      link.textContent = 'Acme Air';
      expect(linkedin.extractPost(reply)).toMatchObject({ inReplyTo: 'acme-air' });
      link.setAttribute('href', 'https://www.linkedin.com/in/ACoAABkDanaOkaf0rXyZ?lipi=urn%3Ali%3Apage%3Ad_flagship3_feed');
      link.textContent = 'Kim Ito';
      expect(linkedin.extractPost(reply)).toMatchObject({ inReplyTo: 'kim-ito-88a1b2' });
      link.textContent = 'Dana Okafor';
      expect(linkedin.extractPost(reply)).toMatchObject({ inReplyTo: 'kim-ito-88a1b2' });
    } finally {
      reply.remove();
    }
    // A top-level comment answers the post, whomever it opens with.
    expect(post(C1)).toMatchObject({ inReplyTo: 'maya-chen-4a1b2c' });
  });

  it('reads an aggregate update (several activities showing one post) as its first activity', () => {
    const aggregate = root(P1).cloneNode(true) as Element;
    aggregate.setAttribute('data-urn', `urn:li:aggregate:(${P1},urn:li:activity:7327995573705037999)`);
    expect(aggregate.matches(linkedin.postSelector)).toBe(true);
    expect(linkedin.extractPost(aggregate)).toEqual(post(P1));
    expect(linkedin.getPostId(aggregate)).toBe(P1);
    expect(linkedin.peek!(aggregate)).toEqual(linkedin.peek!(root(P1)));
    for (const bad of ['urn:li:aggregate:(urn:li:activity:1)', 'urn:li:aggregate:(urn:li:activity:7327995573705037447', 'urn:li:aggregate:()']) {
      aggregate.setAttribute('data-urn', bad);
      expect(linkedin.extractPost(aggregate), bad).toBeUndefined();
    }
  });

  it('gives a comment the same id whichever way its page names its post (ugcPost, activity), and keeps its link', () => {
    const asActivity = root(R1).cloneNode(true) as Element;
    const urn = 'urn:li:comment:(activity:7327995573705037447,7328014817822883002)';
    asActivity.setAttribute('data-id', urn);
    expect(linkedin.getPostId(asActivity)).toBe(R1);
    expect(linkedin.getPostId(root(R1))).toBe(R1);
    expect(linkedin.extractPost(asActivity)).toMatchObject({ id: R1, url: expect.stringContaining(encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29')) });
  });

  it('reads a comment in the older comments UI (article.comments-comment-item)', () => {
    const id = 'comment:7325809803004067005';
    expect(post(id)).toEqual({
      platform: 'linkedin',
      id,
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7325519708160777003?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A7325519708160777003%2C7325809803004067005%29',
      author: { handle: 'lisa-park-b2c3d4', name: 'Lisa Park', profileUrl: 'https://www.linkedin.com/in/lisa-park-b2c3d4/' },
      text: 'Will the new routes include Porto? Asking for a very patient friend.',
      publishedAt: '2025-05-07T09:12:44.000Z',
      isReply: true,
      inReplyTo: 'acme-air',
      threadId: 'urn:li:activity:7325519708160777003',
    });
  });

  it("keeps a repost's original apart from the reposter's words", () => {
    const p = post('urn:li:activity:7327978992173833004')!;
    expect(p.author.handle).toBe('nina-rossi');
    expect(p.text).toBe('Switched to SkyJet and honestly never looking back');
    expect(p.quoted).toEqual({
      author: 'acme-air',
      text: 'We are updating our baggage policy. Details below ✈️',
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7326629520999177005/',
    });
  });

  it("counts a repost's original in the first read, which decides whether a brand is named", () => {
    expect(linkedin.peek!(byId.get('urn:li:activity:7327978992173833004')!)).toEqual({
      text: 'Switched to SkyJet and honestly never looking back\nWe are updating our baggage policy. Details below ✈️',
      authorHandle: 'nina-rossi',
      quotes: 'acme-air',
    });
  });

  it('reads a repost whose original was deleted without inventing a quote', () => {
    const p = post('urn:li:activity:7328001058407177009')!;
    expect(p.text).toBe('This was the best thread about airline refunds, now it’s gone?');
    expect(p.quoted).toBeUndefined();
  });

  it('reads image-only, non-English and promoted posts', () => {
    expect(post('urn:li:activity:7327928866046729006')).toMatchObject({ text: '', author: { handle: 'raj-patel-0f9e8d' } });
    expect(post('urn:li:activity:7327963020264201007')!.text).toBe(
      'Acme Air hat schon wieder meinen Koffer verloren. Drei Tage ohne Gepäck in Lissabon, und niemand meldet sich.\n#acmefail',
    );
    // Promoted: an ad, skipped as other sites' ads are (its "Promoted" stands where the time would), in
    // whatever language LinkedIn shows; the word in a post's text is no label.
    const promoted = roots.find((r) => r.getAttribute('data-urn') === 'urn:li:activity:7322560207258377008')!;
    expect(linkedin.extractPost(promoted)).toBeUndefined();
    expect(linkedin.peek!(promoted)).toBeUndefined();
    for (const label of ['Gesponsert', 'Promocionado', 'プロモーション', 'Promoted by SkyJet', 'مُروَّج']) {
      const ad = promoted.cloneNode(true) as Element;
      for (const span of ad.querySelectorAll('.update-components-actor__sub-description span')) span.textContent = label;
      expect(linkedin.extractPost(ad), label).toBeUndefined();
    }
    const organic = promoted.cloneNode(true) as Element;
    for (const span of organic.querySelectorAll('.update-components-actor__sub-description span')) span.textContent = '2d • 🌐';
    expect(linkedin.extractPost(organic)).toMatchObject({
      author: { handle: 'skyjet', name: 'SkyJet', profileUrl: 'https://www.linkedin.com/company/skyjet/' },
      text: 'Flying Acme Air this summer? Bring your status to SkyJet and we will match it within 24 hours.',
      publishedAt: '2025-04-28T10:00:00.000Z',
    });
    // The brand's own post: company page slug, shortened link kept as shown.
    expect(post('urn:li:activity:7325519708160777003')).toMatchObject({
      author: { handle: 'acme-air' },
      text: 'Our summer schedule is live: 14 new routes from Lisbon and Madrid. Book now at lnkd.in/acme-summer',
    });
  });

  it('skips changed markup and a post that has not rendered yet, and reads the latter once filled', () => {
    expect(post('urn:li:activity:7327905428275977011')).toBeUndefined();
    expect(post(BROKEN_COMMENT)).toBeUndefined();
    const pending = root('urn:li:activity:7327890328781577012');
    expect(linkedin.extractPost(pending)).toBeUndefined();
    // LinkedIn renders the update into the same root: the adapter reads it then.
    const rendered = root('urn:li:activity:7327946058498825001').querySelector('.fie-impression-container')!.cloneNode(true);
    pending.querySelector('.fie-impression-container')!.replaceChildren(...rendered.childNodes);
    expect(linkedin.extractPost(pending)).toMatchObject({
      id: 'urn:li:activity:7327890328781577012',
      author: { handle: 'tom-becker-55e6f7' },
      publishedAt: '2025-05-13T03:00:00.000Z',
    });
  });

  it('never throws on junk, and returns only valid posts', () => {
    const junk = doc.createElement('div');
    junk.className = 'feed-shared-update-v2';
    junk.setAttribute('data-urn', 'urn:li:activity:notanumber');
    expect(() => linkedin.extractPost(junk)).not.toThrow();
    expect(linkedin.extractPost(junk)).toBeUndefined();
    const article = doc.createElement('article');
    article.className = 'comments-comment-entity';
    article.setAttribute('data-id', 'urn:li:comment:(activity:1,2');
    expect(linkedin.extractPost(article)).toBeUndefined();
    fc.assert(
      fc.property(fc.string(), fc.string(), (html, href) => {
        const el = doc.createElement('div');
        el.className = 'feed-shared-update-v2';
        el.setAttribute('data-urn', 'urn:li:activity:7327995573705037447');
        el.innerHTML = `<a class="update-components-actor__meta-link" href="${href.replace(/"/g, '')}">x</a>${html}`;
        const p = linkedin.extractPost(el);
        expect(p === undefined || PostSchema.safeParse(p).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('peeks the text (its own and what it quotes) and author the full read gives, and nothing for roots it cannot read yet', () => {
    const fresh = loadFixture('linkedin', 'feed');
    for (const r of fresh.querySelectorAll(linkedin.postSelector)) {
      const p = linkedin.extractPost(r);
      if (p) expect(linkedin.peek!(r)).toEqual(firstRead(p));
    }
    const byFreshId = (id: string) => [...fresh.querySelectorAll(linkedin.postSelector)].find((r) => linkedin.getPostId(r) === id)!;
    // Undefined, not empty: the scanner reads these again once LinkedIn fills them in.
    expect(linkedin.peek!(byFreshId('urn:li:activity:7327890328781577012'))).toBeUndefined();
    expect(linkedin.peek!(byFreshId('urn:li:activity:7327905428275977011'))).toBeUndefined();
    expect(linkedin.peek!(byFreshId(BROKEN_COMMENT))).toBeUndefined();
  });

  it('anchors the overlay inside the root, by the author line', () => {
    for (const r of roots) {
      const anchor = linkedin.overlayAnchor(r)!;
      expect(r === anchor || r.contains(anchor)).toBe(true);
    }
    expect(linkedin.overlayAnchor(root(P1))!.matches('.update-components-actor__meta')).toBe(true);
    expect(linkedin.overlayAnchor(root(R1))!.matches('.comments-comment-meta__container')).toBe(true);
  });

  it("finds the post's comment box and a thread's open reply box, and nothing where none is open", () => {
    const postBox = linkedin.findReplyBox(root(P1))!;
    expect(postBox.getAttribute('data-placeholder')).toBe('Add a comment…');
    expect(postBox.closest('article')).toBeNull();
    for (const id of [C1, R1, R2]) expect(linkedin.findReplyBox(root(id))!.getAttribute('data-placeholder')).toBe('Add a reply…');
    expect(linkedin.findReplyBox(root(C2))).toBeUndefined();
    expect(linkedin.findReplyBox(root('urn:li:activity:7327946058498825001'))).toBeUndefined();
  });

  it('returns an editable box (filled in Chromium by test/e2e/sites.test.ts)', () => {
    document.body.replaceChildren(document.importNode(root(P1), true));
    expect(linkedin.findReplyBox(document.body.firstElementChild!)!.getAttribute('contenteditable')).toBe('true');
    document.body.replaceChildren();
  });

  it("opens a closed box with the post's own Comment, and a comment's with its own Reply, as the classic layout does", async () => {
    const editor = (placeholder: string) =>
      `<form class="comments-comment-box__form"><div class="editor-content ql-container"><div contenteditable="true" role="textbox" data-placeholder="${placeholder}" class="ql-editor ql-blank"><p><br></p></div></div></form>`;
    // A post whose box is closed: Comment puts the comment box in it.
    document.body.replaceChildren(document.importNode(root('urn:li:activity:7327946058498825001'), true));
    const card = document.body.firstElementChild!;
    const comment = replyControlOf(linkedin, card)!;
    expect(comment.matches('button.comment-button')).toBe(true);
    comment.addEventListener('click', () => setTimeout(() => card.insertAdjacentHTML('beforeend', editor('Add a comment…')), 10));
    expect((await openReplyBox(linkedin, () => [card], 1000))?.box.getAttribute('data-placeholder')).toBe('Add a comment…');
    // A reply whose thread's box is closed: its Reply puts the box in the thread's first comment.
    document.body.replaceChildren(document.importNode(root(P1), true));
    const reply = postRoots(linkedin, document).find((r) => linkedin.getPostId(r) === R1)!;
    for (const box of document.querySelectorAll('form.comments-comment-box__form')) if (box.closest('article')) box.remove();
    const thread = reply.parentElement!.closest('article')!;
    expect(linkedin.findReplyBox(reply)).toBeUndefined();
    const control = replyControlOf(linkedin, reply)!;
    expect(control.closest('article')).toBe(reply);
    control.addEventListener('click', () => setTimeout(() => thread.insertAdjacentHTML('beforeend', editor('Add a reply…')), 10));
    const found = await openReplyBox(linkedin, () => [reply], 1000);
    expect(found?.box.getAttribute('data-placeholder')).toBe('Add a reply…');
    expect(found?.box.closest('article')).toBe(thread);
    document.body.replaceChildren();
  });
});

describe('LinkedIn adapter on the redesigned home feed (2026)', () => {
  const { roots } = readFixture(linkedin, 'feed-2026');
  const cards = roots.filter((r) => r.matches('[role="listitem"]'));
  const byId = new Map(roots.map((r) => [linkedin.getPostId(r), r]));
  const root = (id: string) => byId.get(id)!;
  const post = (id: string) => linkedin.extractPost(root(id));
  const activity = (id: string) => `urn:li:activity:${id}`;
  const url = (id: string) => `https://www.linkedin.com/feed/update/urn:li:activity:${id}/`;

  const P1 = '7470414004885602130';
  const P2 = '7470372346107040918';
  const P3 = '7470059894175291061';
  const QUOTED = '7469750078672918004';
  const P4 = '7470395665537332685';
  const P5 = '7470344133215802127';
  const P6 = '7465688314675877159';
  const P7 = '7469056371196832925';
  it("finds a card's Comment control labelled with the noun, as in Japanese (コメント)", () => {
    const card = cards.find((c) => linkedin.findReplyControl!(c))!;
    const control = linkedin.findReplyControl!(card)!;
    const copy = card.cloneNode(true) as Element;
    const path: number[] = [];
    for (let el: Element = control; el !== card; el = el.parentElement!) path.unshift([...el.parentElement!.children].indexOf(el));
    const translated = path.reduce<Element>((el, i) => el.children[i]!, copy);
    for (const span of translated.querySelectorAll('span')) if (span.childElementCount === 0 && span.textContent!.trim()) span.textContent = 'コメント';
    expect(linkedin.findReplyControl!(copy)).toBe(translated);
  });

  const C1 = cid(`urn:li:comment:(activity:${P1},7470424533290771678)`);
  const R1 = cid(`urn:li:comment:(activity:${P1},7470433532495340340)`);
  const C2 = cid(`urn:li:comment:(activity:${P4},7470399907965089320)`);
  /** The card whose markup changed: no comment box key, no permalink, no comment. */
  const broken = () => cards.find((c) => c.textContent!.includes('lounge in Lisbon is closed'))!;
  /** A copy of a card, to change without touching the fixture's. */
  const copy = (id: string) => root(activity(id)).cloneNode(true) as Element;

  it('finds every card and comment root, reads all but the broken card, and nests no card in another', () => {
    expect(cards).toHaveLength(8);
    expect(roots).toHaveLength(11);
    const posts = roots.map((r) => linkedin.extractPost(r));
    expect(posts.filter(Boolean)).toHaveLength(9);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([activity(P1), C1, R1, activity(P2), activity(P3), activity(P4), C2, activity(P5), activity(P7)]);
    roots.forEach((r, i) => {
      if (!posts[i]) return;
      expect(linkedin.getPostId(r)).toBe(posts[i]!.id);
      expect(PostSchema.safeParse(posts[i]).success).toBe(true);
    });
    // A card holds its comments (separate roots), never another card; the quoted original is no root.
    for (const card of cards) expect(cards.filter((c) => c !== card && card.contains(c))).toEqual([]);
    for (const id of [C1, R1]) expect(root(id).closest('[role="listitem"]')).toBe(root(activity(P1)));
    expect(root(C2).closest('[role="listitem"]')).toBe(root(activity(P4)));
  });

  it('reads a card and its comments the same when a wrapper inside the card repeats its key', () => {
    const card = copy(P1);
    const inner = card.ownerDocument.createElement('div');
    for (const name of ['role', 'componentkey']) inner.setAttribute(name, card.getAttribute(name)!);
    inner.append(...card.childNodes);
    card.append(inner);
    // The wrapper leads to the card (the one root it names), then the comments inside.
    const found = postRoots(linkedin, card);
    expect(found[0]).toBe(card);
    expect(found.map((r) => linkedin.extractPost(r))).toEqual([post(activity(P1)), post(C1), post(R1)]);
  });

  it("finds a card's author whose name block carries no label (as some company cards' do), never a liker or a mention", () => {
    const read = cards.map((card) => linkedin.extractPost(card));
    expect(read.filter(Boolean).length).toBeGreaterThan(5);
    cards.forEach((card, i) => {
      const bare = card.cloneNode(true) as Element;
      for (const block of bare.querySelectorAll('a[href] div[aria-label]')) block.removeAttribute('aria-label');
      expect(linkedin.extractPost(bare)).toEqual(read[i]);
    });
  });

  it('reads every field of a card: id and time from its comment box key, author from the name block, text without "… more"', () => {
    expect(post(activity(P1))).toEqual({
      platform: 'linkedin',
      id: activity(P1),
      url: url(P1),
      // Not Kim Ito of the "likes this" line, not the Acme Air mentioned in the text.
      author: { handle: 'maya-chen-4a1b2c', name: 'Maya Chen', profileUrl: 'https://www.linkedin.com/in/maya-chen-4a1b2c/' },
      text:
        'Third cancellation this spring. Acme Air dropped my 7:05 to Porto at the gate and the app still says on time.\n\n' +
        'Two hours in the queue, no hotel voucher, and support keeps closing my ticket without an answer 😡\n\n' +
        'Still waiting on the refund for AC 2291 from March.\n\n#acmefail #travel',
      // The card says "2h" (saved at about 12:00 UTC); the id says exactly when.
      publishedAt: '2026-06-10T09:58:12.345Z',
      isReply: false,
    });
    // In another language the control menu names no one the adapter knows; the name block still says who wrote it.
    const german = copy(P1);
    german.querySelector('button[aria-label^="Open control menu for post by"]')!.setAttribute('aria-label', 'Steuermenü für Beitrag von Maya Chen öffnen');
    expect(linkedin.extractPost(german)!.author).toEqual(post(activity(P1))!.author);
    // A badge's title or pronouns after the name in its block: still the name the menu says.
    const badged = copy(P1);
    const name = [...badged.querySelectorAll('a[href*="/in/maya-chen-4a1b2c"] p')].find((p) => p.textContent?.trim() === 'Maya Chen')!;
    name.insertAdjacentHTML('beforeend', '<svg role="img"><title>Verified</title></svg> (She/Her)');
    expect(linkedin.extractPost(badged)!.author.handle).toBe('maya-chen-4a1b2c');
    expect(post(activity(P2))).toMatchObject({
      url: url(P2),
      author: { handle: 'tom-becker-55e6f7', name: 'Tom Becker' },
      text: 'Huge thanks to the AcmeAir crew on AC 118 from Frankfurt: they held the door for six of us running from a late connection. That’s how it’s done 👏',
      publishedAt: '2026-06-10T07:12:40.118Z',
    });
  });

  it("keeps a repost's original apart from the reposter's words, and counts it in the first read", () => {
    const p = post(activity(P3))!;
    expect(p).toMatchObject({ url: url(P3), author: { handle: 'nina-rossi', name: 'Nina Rossi' }, text: 'Switched to SkyJet for the summer and honestly not looking back.' });
    expect(p.quoted).toEqual({ author: 'acme-air', text: 'We are updating our baggage policy from 1 July. Details below ✈️', url: url(QUOTED) });
    expect(linkedin.peek!(root(activity(P3)))).toEqual({
      text: 'Switched to SkyJet for the summer and honestly not looking back.\nWe are updating our baggage policy from 1 July. Details below ✈️',
      authorHandle: 'nina-rossi',
      quotes: 'acme-air',
    });
    // The original's permalink never stands in for the card's own id.
    const bare = copy(P3);
    bare.querySelector('[id*="-replaceableCommentTools"]')!.remove();
    expect(linkedin.getPostId(bare)).toBeUndefined();
    expect(linkedin.extractPost(bare)).toBeUndefined();
  });

  it("reads a poll's question and options after the post's text, as a real feed saved in March 2026 shows them", () => {
    const card = copy(P7);
    const text = card.querySelector('[data-testid="expandable-text-box"]')!.closest('p')!;
    text.insertAdjacentHTML(
      'afterend',
      `<div><a tabindex="0" href="https://www.linkedin.com/feed/update/urn:li:activity:${P7}/?originTrackingId=T1Ly" componentkey="a448df87"><p componentkey="a448df87">Which airline lost your bag last?</p></a>` +
        '<div><p>The author can see how you vote.</p><p><a href="https://www.linkedin.com/help/linkedin/answer/119171/">Learn more</a></p></div>' +
        '<div><button type="button"><span><div><span>Acme Air </span></div></span></button><button type="button"><span><div><span>SkyJet </span></div></span></button><button type="button"><span><div><span>None, luckily </span></div></span></button></div></div>',
    );
    expect(linkedin.extractPost(card)).toMatchObject({
      id: activity(P7),
      text: 'We’re hiring a senior data engineer in Berlin. Remote-friendly, small team, interesting problems. DM me.\nWhich airline lost your bag last?\nAcme Air\nSkyJet\nNone, luckily',
    });
    expect(linkedin.peek!(card)!.text).toContain('Acme Air');
  });

  it('reads image-only, non-English and promoted cards', () => {
    // The comment under the image is a root of its own, not the card's text.
    expect(post(activity(P4))).toMatchObject({ text: '', author: { handle: 'raj-patel-0f9e8d', name: 'Raj Patel' }, publishedAt: '2026-06-10T08:45:19.903Z' });
    expect(post(activity(P5))).toMatchObject({
      author: { handle: 'lucia-fernandez-7c8d9e', name: 'Lucía Fernández' },
      text: 'Acme Air ha vuelto a perder mi maleta. Tres días en Madrid sin equipaje y nadie responde.\n\n#acmefail',
    });
    // Promoted: an ad, skipped ("Promoted" stands where the time would), as is a card carrying an ad's
    // tracking; the card read with a time in its place is a real post.
    const promoted = cards.find((c) => c.textContent!.includes('Bring your status to SkyJet'))!;
    expect(linkedin.extractPost(promoted)).toBeUndefined();
    expect(linkedin.peek!(promoted)).toBeUndefined();
    expect(linkedin.getPostId(promoted)).toBeUndefined();
    const organic = promoted.cloneNode(true) as Element;
    for (const p of organic.querySelectorAll('p')) if (p.textContent!.trim() === 'Promoted') p.textContent = '2w • Edited';
    expect(linkedin.extractPost(organic)).toMatchObject({
      url: url(P6),
      author: { handle: 'skyjet', name: 'SkyJet', profileUrl: 'https://www.linkedin.com/company/skyjet/' },
      text: 'Flying Acme Air this summer? Bring your status to SkyJet and we will match it within 24 hours.',
      publishedAt: '2026-05-28T09:00:00.000Z',
    });
    const tracked = organic.cloneNode(true) as Element;
    tracked.insertAdjacentHTML('beforeend', '<article data-sponsored-tracking-url="https://www.linkedin.com/li/track"></article>');
    expect(linkedin.extractPost(tracked)).toBeUndefined();
    expect(post(activity(P7))!.text).toBe('We’re hiring a senior data engineer in Berlin. Remote-friendly, small team, interesting problems. DM me.');
  });

  it('reads comments and nested replies as their own roots, linked to their card and parent', () => {
    expect(post(C1)).toEqual({
      platform: 'linkedin',
      id: C1,
      url: `https://www.linkedin.com/feed/update/urn:li:activity:${P1}?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A${P1}%2C7470424533290771678%29`,
      author: { handle: 'kim-ito-88a1b2', name: 'Kim Ito', profileUrl: 'https://www.linkedin.com/in/kim-ito-88a1b2/' },
      // The reply nested beneath it is not part of it.
      text: 'Same here, Acme Air lost my bag in Denver last week. Did you ever get a reference number?',
      publishedAt: '2026-06-10T10:40:02.512Z',
      isReply: true,
      inReplyTo: 'maya-chen-4a1b2c',
      threadId: activity(P1),
    });
    expect(post(R1)).toEqual({
      platform: 'linkedin',
      id: R1,
      url:
        `https://www.linkedin.com/feed/update/urn:li:activity:${P1}` +
        `?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A${P1}%2C7470424533290771678%29` +
        `&replyUrn=urn%3Ali%3Acomment%3A%28activity%3A${P1}%2C7470433532495340340%29`,
      // The Kim Ito mentioned in the text is not the author.
      author: { handle: 'acme-air', name: 'Acme Air', profileUrl: 'https://www.linkedin.com/company/acme-air/' },
      text: 'Kim Ito, we’re sorry to hear this. Please send us a DM with your booking code and we’ll look into it today.',
      publishedAt: '2026-06-10T11:15:48.090Z',
      isReply: true,
      inReplyTo: 'kim-ito-88a1b2',
      threadId: activity(P1),
    });
    expect(post(C2)).toMatchObject({ author: { handle: 'lisa-park-b2c3d4', name: 'Lisa Park' }, inReplyTo: 'raj-patel-0f9e8d', threadId: activity(P4), text: 'Is that the new Acme Air lounge in Lisbon? Looks great.' });
  });

  it('reads whom a reply answers from the mention it opens with, else the comment it is under', () => {
    const reply = root(R1);
    const link = reply.querySelector('[data-testid="expandable-text-box"] a[href]')!;
    const was = [link.getAttribute('href')!, link.textContent!];
    try {
      link.setAttribute('href', 'https://www.linkedin.com/in/maya-chen-4a1b2c/');
      link.textContent = 'Maya Chen';
      expect(post(R1)).toMatchObject({ author: { handle: 'acme-air' }, inReplyTo: 'maya-chen-4a1b2c' });
      link.setAttribute('href', 'https://www.linkedin.com/company/acme-air/');
      expect(post(R1)).toMatchObject({ inReplyTo: 'kim-ito-88a1b2' });
    } finally {
      link.setAttribute('href', was[0]!);
      link.textContent = was[1]!;
    }
  });

  it('skips a card that shows no post id, and finds the id in a permalink or a comment when the key is gone', () => {
    const card = broken();
    expect(linkedin.getPostId(card)).toBeUndefined();
    expect(linkedin.extractPost(card)).toBeUndefined();
    expect(linkedin.peek!(card)).toBeUndefined();
    // A permalink of its own (a time link, say) is enough; one wrapping a quoted text is not (see above).
    const linked = card.cloneNode(true) as Element;
    const time = [...linked.querySelectorAll('p')].find((p) => p.textContent!.trim().startsWith('1h •'))!;
    time.innerHTML = '<a href="https://www.linkedin.com/feed/update/urn:li:activity:7470415714716009545/">1h</a>';
    expect(linkedin.extractPost(linked)).toMatchObject({ id: activity('7470415714716009545'), author: { handle: 'sam-lee-3e4f5a' }, publishedAt: '2026-06-10T10:05:00.000Z' });
    // Without its key, a card with comments takes the id they name.
    const keyless = copy(P4);
    keyless.querySelector('[id*="-replaceableCommentTools"]')!.remove();
    expect(linkedin.getPostId(keyless)).toBe(activity(P4));
    const bare = copy(P2);
    bare.querySelector('[id*="-replaceableCommentTools"]')!.remove();
    expect(linkedin.getPostId(bare)).toBeUndefined();
    // Its reactions name it too (the facepile's test id): an activity, else a ugcPost; junk names nothing.
    const reactions = (card: Element, testid: string) => {
      const count = [...card.querySelectorAll('span')].find((el) => /^\d+ reactions/.test(el.textContent!.trim()))!;
      count.closest('a')!.setAttribute('data-testid', testid);
      return card;
    };
    expect(linkedin.getPostId(reactions(copy(P2), 'ReactionFacepileCollection-urn:li:activity:7470412345678901234'))).toBe(activity(P2));
    const named = (testid: string) => linkedin.getPostId(reactions(bare.cloneNode(true) as Element, testid));
    expect(named(`ReactionFacepileCollection-urn:li:activity:${P2}`)).toBe(activity(P2));
    expect(named('ReactionFacepileCollection-urn:li:ugcPost:7470412345678901234')).toBe('urn:li:ugcPost:7470412345678901234');
    for (const junk of ['ReactionFacepileCollection-urn:li:activity:12', 'ReactionFacepileCollection-urn:li:comment:7470412345678901234', 'ReactionFacepileCollection-urn:li:activity:7470412345678901234x']) {
      expect(named(junk)).toBeUndefined();
    }
    // The reposted original's reactions never name the repost.
    const repost = copy(P3);
    repost.querySelector('[id*="-replaceableCommentTools"]')!.remove();
    const original = repost.querySelector('a[href*="/feed/update/"] [data-testid="expandable-text-box"]')!.closest('a')!;
    original.setAttribute('data-testid', 'ReactionFacepileCollection-urn:li:activity:7470412345678901234');
    expect(linkedin.getPostId(repost)).toBeUndefined();
  });

  it('decodes activity ids, else ugcPost ids, from comment box keys, and never throws on junk', () => {
    const withKey = (key: string) => {
      const card = copy(P2);
      const tools = card.querySelector('[id*="-replaceableCommentTools"]')!;
      tools.setAttribute('id', key);
      tools.setAttribute('componentkey', key);
      return card;
    };
    const tail = '-replaceableCommentToolsxFeedType_MAIN_FEED_RELEVANCE';
    expect(linkedin.getPostId(withKey(`CgsIrNLk2bWEjKzPAQ${tail}`))).toBe(activity(P2));
    // The same id as a ugcPost (field 2): the card's post is that ugcPost, its time the id's.
    const ugc = withKey(`EgsIrNLk2bWEjKzPAQ${tail}`);
    const number = activity(P2).slice('urn:li:activity:'.length);
    expect(linkedin.getPostId(ugc)).toBe(`urn:li:ugcPost:${number}`);
    expect(linkedin.extractPost(ugc)).toMatchObject({
      id: `urn:li:ugcPost:${number}`,
      url: `https://www.linkedin.com/feed/update/urn:li:ugcPost:${number}/`,
      publishedAt: linkedin.extractPost(copy(P2))!.publishedAt,
    });
    // Both fields (a ugcPost 7470372345983584129 first, then the activity): the activity is the post.
    expect(linkedin.getPostId(withKey(`EgsIgp6G5LSEjKzPAQoLCKzS5Nm1hIyszwE${tail}`))).toBe(activity(P2));
    expect(linkedin.getPostId(withKey(`EgsIgp6G5LSEjKzPAQ${tail}`))).toBe('urn:li:ugcPost:7470372345983584129');
    // A card keyed by its ugcPost keeps that id when its comments, which load later, name an activity.
    const commented = copy(P4);
    for (const el of commented.querySelectorAll('[id*="-replaceableCommentTools"]')) {
      el.setAttribute('id', `EgsIgp6G5LSEjKzPAQ${tail}`);
      el.setAttribute('componentkey', `EgsIgp6G5LSEjKzPAQ${tail}`);
    }
    expect(linkedin.getPostId(commented)).toBe('urn:li:ugcPost:7470372345983584129');
    // Broken base64, a truncated varint, an odd (negative) zigzag value, times before 2010 and after 2100.
    for (const key of ['Cg!!', 'CgsIrNLk2bWEjKzP', 'CgsIrdLk2bWEjKzPAQ', 'CgIIAg', 'CgsIgICAgJDqi9rdAw']) expect(linkedin.getPostId(withKey(`${key}${tail}`))).toBeUndefined();
    fc.assert(
      fc.property(fc.string(), fc.string(), (key, html) => {
        const card = withKey(`${key}${tail}`);
        card.querySelector('[data-testid="expandable-text-box"]')!.innerHTML = html;
        const p = linkedin.extractPost(card);
        expect(p === undefined || PostSchema.safeParse(p).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('reads no card nested in another card', () => {
    const outer = copy(P2);
    outer.querySelector('[data-testid="expandable-text-box"]')!.append(copy(P5));
    const inner = outer.querySelector('[role="listitem"]')!;
    for (const read of [linkedin.getPostId, linkedin.peek!, linkedin.extractPost]) expect(read(inner)).toBeUndefined();
  });

  it('peeks the text (its own and what it quotes) and author the full read gives', () => {
    const fresh = loadFixture('linkedin', 'feed-2026');
    for (const r of fresh.querySelectorAll(linkedin.postSelector)) {
      const p = linkedin.extractPost(r);
      if (p) expect(linkedin.peek!(r)).toEqual(firstRead(p));
    }
  });

  it("anchors the overlay inside the root, beside the author's name", () => {
    for (const r of roots) {
      const anchor = linkedin.overlayAnchor(r)!;
      expect(r === anchor || r.contains(anchor)).toBe(true);
      expect(anchor.closest('a, button')).toBeNull();
    }
    expect(linkedin.overlayAnchor(root(activity(P1)))!.querySelector('a[href="https://www.linkedin.com/in/maya-chen-4a1b2c/"] [aria-label]')).not.toBeNull();
    expect(linkedin.overlayAnchor(root(activity(P3)))!.querySelector('a[href="https://www.linkedin.com/in/nina-rossi/"]')).not.toBeNull();
    expect(linkedin.overlayAnchor(root(R1))!.querySelector('a[href="https://www.linkedin.com/company/acme-air/"]')).not.toBeNull();
    expect(linkedin.overlayAnchor(root(R1))!.closest('[id^="replaceableComment_"]')).toBe(root(R1));
  });

  it("finds the card's comment box and a thread's open reply box, and nothing where none is open", () => {
    const placeholder = (box: HTMLElement | undefined) => box?.querySelector('p')?.getAttribute('data-placeholder');
    const cardBox = linkedin.findReplyBox(root(activity(P1)))!;
    expect(cardBox.getAttribute('aria-label')).toBe('Text editor for creating comment');
    expect(placeholder(cardBox)).toBe('Add a comment…');
    expect(cardBox.closest('[id^="replaceableComment_"]')).toBeNull();
    for (const id of [C1, R1]) expect(placeholder(linkedin.findReplyBox(root(id)))).toBe('Add a reply…');
    expect(linkedin.findReplyBox(root(C2))).toBeUndefined();
    expect(linkedin.findReplyBox(root(activity(P2)))).toBeUndefined();
  });

  it('returns an editable box (filled in Chromium by test/e2e/sites.test.ts)', () => {
    document.body.replaceChildren(document.importNode(root(activity(P1)), true));
    expect(linkedin.findReplyBox(document.body.firstElementChild!)!.getAttribute('contenteditable')).toBe('true');
    document.body.replaceChildren();
  });

  describe('opening a closed box with a control known by its words', () => {
    afterEach(closePage);
    const editor = (placeholder: string) =>
      `<div data-testid="ui-core-tiptap-text-editor-wrapper"><div class="ProseMirror" contenteditable="true" role="textbox"><p data-placeholder="${placeholder}"><br></p></div></div>`;
    const placeholder = (box: HTMLElement | undefined) => box?.querySelector('p')?.getAttribute('data-placeholder');
    /** The card's Comment, by its place: the action bar's button before Repost. */
    const commentOf = (card: Element) => [...card.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Repost')!.previousElementSibling!;

    it("the card's Comment, and a comment's Reply, open their boxes", async () => {
      document.body.replaceChildren(document.importNode(root(activity(P4)), true));
      const card = document.body.firstElementChild!;
      const comment = postRoots(linkedin, document).find((r) => linkedin.getPostId(r) === C2)!;
      const reply = comment.querySelector('button[aria-label="Reply"]')!;
      expect(linkedin.findReplyBox(card)).toBeUndefined();
      expect(linkedin.findReplyBox(comment)).toBeUndefined();
      // The site opens a box only for a click on the control that opens it.
      document.body.addEventListener('click', (e) => {
        if (e.target === commentOf(card)) setTimeout(() => card.insertAdjacentHTML('beforeend', editor('Add a comment…')), 10);
        if (e.target === reply) setTimeout(() => comment.insertAdjacentHTML('beforeend', editor('Add a reply…')), 10);
      });
      expect(placeholder((await openReplyBox(linkedin, () => [comment], 1000))?.box)).toBe('Add a reply…');
      // A reply box open under one of its comments hides nothing of the card's own Comment.
      expect(replyControlOf(linkedin, card)).toBe(commentOf(card));
      expect(placeholder((await openReplyBox(linkedin, () => [card], 1000))?.box)).toBe('Add a comment…');
    });

    it("never takes the open composer's own Comment (its send button) for the card's", () => {
      document.body.replaceChildren(document.importNode(root(activity(P1)), true));
      const card = document.body.firstElementChild!;
      expect(linkedin.findReplyBox(card)).toBeDefined();
      expect(replyControlOf(linkedin, card)).toBe(commentOf(card));
      // Without the action bar's Comment, there is none to click: the composer's "Comment" sends.
      commentOf(card).remove();
      expect([...card.querySelectorAll('button')].filter((b) => b.textContent?.trim() === 'Comment')).not.toHaveLength(0);
      expect(replyControlOf(linkedin, card)).toBeUndefined();
    });
  });
});

describe("LinkedIn adapter on a post's own redesigned page (2026), its comments beside the post", () => {
  const P1 = '7470414004885602130';
  const { roots, posts } = readFixture(linkedin, 'post-2026', { atSavedUrl: true });
  afterAll(resetPageUrl);
  const C1 = cid(`urn:li:comment:(urn:li:ugcPost:7470414003211075584,7470424533290771678)`);
  const R1 = cid(`urn:li:comment:(urn:li:ugcPost:7470414003211075584,7470433532495340340)`);
  const placeholder = (box: HTMLElement | undefined) => box?.querySelector('p')?.getAttribute('data-placeholder');

  it("reads the post, named by the page's address, and its comments as answers to it", () => {
    expect(roots).toHaveLength(3);
    expect(posts.map((p) => p?.id)).toEqual([`urn:li:activity:${P1}`, C1, R1]);
    expect(posts[0]).toMatchObject({ author: { handle: 'maya-chen-4a1b2c', name: 'Maya Chen' }, isReply: false, publishedAt: '2026-06-10T09:58:12.345Z' });
    expect(posts[0]!.text).toContain('Acme Air');
    // A top-level comment answers the post's author; the thread is the post, as the page names it.
    expect(posts[1]).toMatchObject({
      author: { handle: 'kim-ito-88a1b2' },
      isReply: true,
      inReplyTo: 'maya-chen-4a1b2c',
      threadId: `urn:li:activity:${P1}`,
      url: expect.stringContaining('commentUrn=urn%3Ali%3Acomment%3A%28ugcPost%3A7470414003211075584%2C7470424533290771678%29'),
    });
    expect(posts[2]).toMatchObject({ author: { handle: 'acme-air' }, inReplyTo: 'kim-ito-88a1b2', threadId: `urn:li:activity:${P1}` });
    expectPeekAgrees(linkedin, roots);
  });

  it('reads the same page where the post is no list item, only its FEED_DETAIL key (its outermost holder), a wrapper inside repeating the key', () => {
    const page = loadFixture('linkedin', 'post-2026', { atSavedUrl: true });
    const card = page.querySelector('[componentkey$="FeedType_FEED_DETAIL"][role="listitem"]')!;
    card.removeAttribute('role');
    const inner = page.createElement('div');
    inner.setAttribute('componentkey', card.getAttribute('componentkey')!);
    inner.append(...card.childNodes);
    card.append(inner);
    const found = postRoots(linkedin, page);
    expect(found[0]).toBe(card);
    expect(found.map((r) => linkedin.extractPost(r))).toEqual(posts);
  });

  it("finds the post's comment box after it, and a thread's reply box after its comment", () => {
    expect(placeholder(linkedin.findReplyBox(roots[0]!))).toBe('Add a comment…');
    for (const comment of roots.slice(1)) expect(placeholder(linkedin.findReplyBox(comment))).toBe('Add a reply…');
  });

  it('takes no reply box of the next thread, nor the post\'s own box, for a comment', () => {
    const list = roots[1]!.closest('[data-component-type="LazyColumn"]')!;
    const box = list.querySelector('[componentkey$="-reply"]')!;
    // The box after another comment is that comment's.
    const other = roots[1]!.closest('[componentkey^="replaceableComment_"]')!.cloneNode(true) as Element;
    for (const el of [other, ...other.querySelectorAll('[id]')]) el.id &&= el.id.replace('7470424533290771678', '7470424533290771679');
    box.before(other);
    try {
      expect(linkedin.findReplyBox(roots[1]!)).toBeUndefined();
      expect(placeholder(linkedin.findReplyBox(other.querySelector('[id^="replaceableComment_"]')!))).toBe('Add a reply…');
    } finally {
      other.remove();
    }
  });
});

describe("LinkedIn adapter on a post's page whose comments carry only their key, replies listed beside them (2026)", () => {
  const P1 = '7470414004885602130';
  const { doc, roots, posts } = readFixture(linkedin, 'post-2026-keyed', { atSavedUrl: true });
  afterAll(resetPageUrl);
  const C1 = 'urn:li:comment:(urn:li:ugcPost:7470414003211075584,7470424533290771678)';
  const R1 = 'urn:li:comment:(urn:li:ugcPost:7470414003211075584,7470433532495340340)';
  const keyed = (urn: string) => [...doc.querySelectorAll(`[componentkey="replaceableComment_${urn}"]`)];
  const placeholder = (box: HTMLElement | undefined) => box?.querySelector('p')?.getAttribute('data-placeholder');

  it('takes the outermost element with a comment\'s key for the comment, once, and never its replies list', () => {
    expect(doc.querySelector('[id^="replaceableComment_"]')).toBeNull();
    expect(roots).toHaveLength(3);
    expect(roots[1]).toBe(keyed(C1)[0]);
    expect(roots[2]).toBe(keyed(R1)[0]);
    // Every element of a comment, its inner wrappers too, belongs to it; its replies list does not.
    for (const el of keyed(C1)) expect(linkedin.closestRoot!(el)).toBe(roots[1]);
    for (const el of roots[1]!.querySelectorAll('*')) expect(linkedin.closestRoot!(el)).toBe(roots[1]);
    const list = doc.querySelector(`[componentkey="repliesThread_${C1}"]`)!;
    expect(roots[1]!.contains(list)).toBe(false);
    expect(linkedin.closestRoot!(list)).toBeNull();
    expect(linkedin.getPostId(keyed(C1)[1]!)).toBeUndefined();
  });

  it('reads the comments as on the page that carries their ids, the reply answering the comment whose list holds it', () => {
    const withIds = readFixture(linkedin, 'post-2026', { atSavedUrl: true }).posts;
    expect(posts.map((p) => p?.id)).toEqual([`urn:li:activity:${P1}`, cid(C1), cid(R1)]);
    expect(posts).toEqual(withIds);
    expect(posts[2]).toMatchObject({ author: { handle: 'acme-air' }, inReplyTo: 'kim-ito-88a1b2', url: expect.stringContaining('replyUrn=') });
    expectPeekAgrees(linkedin, roots);
    // Each comment's overlay sits in that comment, not in the one around or beside it.
    for (const root of roots.slice(1)) expect(linkedin.closestRoot!(linkedin.overlayAnchor(root)!)).toBe(root);
  });

  it("finds the thread's reply box after its replies, and the post's box outside the comment list", () => {
    expect(placeholder(linkedin.findReplyBox(roots[0]!))).toBe('Add a comment…');
    for (const comment of roots.slice(1)) expect(placeholder(linkedin.findReplyBox(comment))).toBe('Add a reply…');
    // Without that box, no other comment's is taken.
    const box = doc.querySelector('[componentkey$="-reply"]')!;
    const parent = box.parentElement!;
    box.remove();
    try {
      for (const comment of roots.slice(1)) expect(linkedin.findReplyBox(comment)).toBeUndefined();
    } finally {
      parent.append(box);
    }
  });
});

describe('LinkedIn adapter on content search results (what a marketer opens to find mentions)', () => {
  afterAll(resetPageUrl);

  it('reads the 2026 result cards (FeedType_FLAGSHIP_SEARCH), each once, as the same cards of the feed', () => {
    const { roots, posts } = readFixture(linkedin, 'search-2026', { atSavedUrl: true });
    expect(posts.map((p) => [p?.id, p?.author.handle])).toEqual([
      ['urn:li:activity:7500820056638798253', 'priya-raman-4b1a2'],
      ['urn:li:activity:7500614703517575635', 'tom-becker-ops'],
      ['urn:li:ugcPost:7499770893435512707', 'northwind-travel'],
      ['urn:li:activity:7500795142473336009', 'marco-ruiz'],
      ['urn:li:activity:7500296355840202527', 'lena-fischer'],
    ]);
    expect(posts[1]!.text).toContain('acmeair.com');
    expect(posts[3]).toMatchObject({ text: 'So the fee goes up and the bags still go missing. Great.', quoted: { author: 'acmeair' } });
    expectPeekAgrees(linkedin, roots);
  });

  it('reads the result cards of the markup served until early 2026 (feed-shared-update-v2 in the search results list)', () => {
    const { roots, posts } = readFixture(linkedin, 'search-2025', { atSavedUrl: true });
    expect(posts.map((p) => [p?.id, p?.author.handle])).toEqual([
      ['urn:li:activity:7405169541121214709', 'priya-raman-4b1a2'],
      ['urn:li:activity:7405146891880157996', 'tom-becker-ops'],
      ['urn:li:activity:7404912849715805049', 'marco-ruiz'],
      ['urn:li:ugcPost:7404067278029294056', 'northwind-travel'],
    ]);
    expect(posts[2]).toMatchObject({ quoted: { author: 'acmeair' } });
    expectPeekAgrees(linkedin, roots);
  });
});

describe("LinkedIn adapter on a post's page seen logged out (the page a shared link opens)", () => {
  afterAll(resetPageUrl);

  it('reads the post and its first comments, each known by its id, with no reply control or box', () => {
    const { roots, posts } = readFixture(linkedin, 'post-logged-out', { atSavedUrl: true });
    expect(roots).toHaveLength(4);
    expect(posts[0]).toEqual({
      platform: 'linkedin',
      id: 'urn:li:activity:7410643423461978113',
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7410643423461978113/',
      author: { handle: 'priya-raman-3b1a2c', name: 'Priya Raman', profileUrl: 'https://www.linkedin.com/in/priya-raman-3b1a2c/' },
      text: 'Three weeks since Acme Air cancelled my flight to Lisbon and the refund is still "processing".\n\nI filed it on acmeair.com/refunds and called twice. Has anyone at Acme Air seen this?\n\n#customerservice',
      publishedAt: '2025-12-27T11:31:15.250Z',
      isReply: false,
    });
    expect(posts[1]).toEqual({
      platform: 'linkedin',
      // The same id as the comment's in the feeds of readers logged in: its own number.
      id: 'comment:7410643469947460001',
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7410643423461978113?commentUrn=urn%3Ali%3Acomment%3A%28urn%3Ali%3AugcPost%3A7410643422371475456%2C7410643469947460001%29',
      author: { handle: 'acme-air', name: 'Acme Air', profileUrl: 'https://www.linkedin.com/company/acme-air/' },
      text: 'Hi Priya, we are sorry it has taken this long. Please send us your booking reference in a message and we will chase the refund today.',
      publishedAt: '2025-12-27T11:31:26.333Z',
      isReply: true,
      inReplyTo: 'priya-raman-3b1a2c',
      threadId: 'urn:li:activity:7410643423461978113',
    });
    expect(posts[2]).toMatchObject({ author: { handle: 'tomas-weber-88' }, text: 'Same here with my SkyJet refund, six weeks and counting.', inReplyTo: 'priya-raman-3b1a2c' });
    // A related post below it, a reshare: the resharer's words, the shared post apart.
    expect(posts[3]).toEqual({
      platform: 'linkedin',
      id: 'urn:li:activity:7460548377995374593',
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7460548377995374593/',
      author: { handle: 'marco-ruiz-7c2d1', name: 'Marco Ruiz', profileUrl: 'https://www.linkedin.com/in/marco-ruiz-7c2d1/' },
      text: 'Finally a straight answer from Acme Air on refunds. Worth reading if your flight was cancelled this winter.',
      publishedAt: '2026-05-14T04:35:43.600Z',
      quoted: {
        author: 'acme-air',
        text: 'Refunds for cancelled flights now reach your card within 7 days.\nNo form needed: reply to your cancellation email.',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:7459110569032331264/',
      },
      isReply: false,
    });
    expectPeekAgrees(linkedin, roots);
    for (const [i, root] of roots.entries()) {
      expect(linkedin.getPostId(root)).toBe(posts[i]!.id);
      // Its Comment and Reply lead to a sign-up.
      expect(replyControlOf(linkedin, root)).toBeUndefined();
      expect(linkedin.findReplyBox(root)).toBeUndefined();
      expect(linkedin.isAd!(root)).toBe(false);
    }
    // The overlay goes beside the author's name, the post's outside its comments.
    expect(linkedin.overlayAnchor(roots[0]!)!.textContent).toContain('Priya Raman');
    expect(linkedin.overlayAnchor(roots[1]!)!.textContent).toContain('Acme Air');
  });

  it("reads a reshare's shared post as what it quotes, never as a post of its own or as the resharer's words", () => {
    const { doc, roots, posts } = readFixture(linkedin, 'post-logged-out', { atSavedUrl: true });
    const post = roots[0]!;
    post.querySelector('[data-test-id="main-feed-activity-card__commentary"]')!.insertAdjacentHTML(
      'afterend',
      '<article data-test-id="feed-reshare-content" data-activity-urn="urn:li:activity:7409000000000000001"><div data-test-id="feed-reshare-content__entity-lockup">' +
        '<a href="https://www.linkedin.com/company/acme-air?trk=public_post_reshare_feed-actor-image" data-tracking-control-name="public_post_reshare_feed-actor-image"><img alt="View organization page for Acme Air"></a>' +
        '<a href="https://www.linkedin.com/company/acme-air?trk=public_post_reshare_feed-actor-name" data-tracking-control-name="public_post_reshare_feed-actor-name">Acme Air</a></div>' +
        '<p data-test-id="feed-reshare-content__commentary">Refunds for cancelled flights now reach your card within 7 days.</p></article>',
    );
    expect(postRoots(linkedin, doc)).toHaveLength(roots.length);
    expect(linkedin.extractPost(post)).toEqual({
      ...posts[0],
      quoted: {
        author: 'acme-air',
        text: 'Refunds for cancelled flights now reach your card within 7 days.',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:7409000000000000001/',
      },
    });
    expect(linkedin.peek!(post)).toEqual(firstRead(linkedin.extractPost(post)!));
    // Without words of its own, the reshare is still read.
    post.querySelector('[data-test-id="main-feed-activity-card__commentary"]')!.remove();
    expect(linkedin.extractPost(post)).toMatchObject({ author: { handle: 'priya-raman-3b1a2c' }, text: '', quoted: { author: 'acme-air' } });
  });

  it('reads a reply shown under the comment it answers as an answer to that comment', () => {
    const { roots } = readFixture(linkedin, 'post-logged-out', { atSavedUrl: true });
    const [, acme, tomas] = roots as [Element, Element, Element];
    acme.querySelector('.comment__body')!.append(tomas);
    expect(linkedin.extractPost(tomas)).toMatchObject({ inReplyTo: 'acme-air', threadId: 'urn:li:activity:7410643423461978113' });
    // The comment it sits in reads as before.
    expect(linkedin.extractPost(acme)).toMatchObject({ text: expect.stringMatching(/^Hi Priya/), inReplyTo: 'priya-raman-3b1a2c' });
  });

  it('reads a repost without words of its own as the post it shows', () => {
    const { roots } = readFixture(linkedin, 'post-logged-out', { atSavedUrl: true });
    const repost = roots[0]!.cloneNode(true) as Element;
    repost.setAttribute('data-activity-urn', 'urn:li:activity:7410700000000000001');
    repost.insertAdjacentHTML('afterbegin', '<div data-test-id="main-feed-activity-card__header"><a href="https://www.linkedin.com/in/tomas-weber-88">Tomas Weber</a> reposted this</div>');
    expect(linkedin.extractPost(repost)!.id).toBe('urn:li:activity:7410643423461978113');
  });

  it("reads a company's page seen logged out: each update, by its author, with its time from its id", () => {
    const { roots, posts } = readFixture(linkedin, 'company-logged-out', { atSavedUrl: true });
    expect(roots).toHaveLength(5);
    expect(posts.map((p) => [p?.id, p?.author.handle, p?.publishedAt?.slice(0, 10)])).toEqual([
      ['urn:li:activity:7125723264361848832', 'skyjet', '2023-11-02'],
      ['urn:li:activity:7158474026414182400', 'skyjet', '2024-01-31'],
      ['urn:li:activity:7158111890353635328', 'skyjet', '2024-01-30'],
      ['urn:li:activity:7156646988485115906', 'skyjet', '2024-01-26'],
      ['urn:li:activity:7154759558408654848', 'skyjet', '2024-01-21'],
    ]);
    expect(posts[2]!.text).toBe('Cancelled flights are now refunded to your card within 7 days, no form needed.');
    expectPeekAgrees(linkedin, roots);
  });

  it('skips a post or comment whose markup changed, without throwing', () => {
    const { roots } = readFixture(linkedin, 'post-logged-out', { atSavedUrl: true });
    const post = roots[0]!.cloneNode(true) as Element;
    post.setAttribute('data-activity-urn', 'urn:li:activity:');
    const comment = roots[1]!.cloneNode(true) as Element;
    comment.querySelector('[data-semaphore-content-urn]')!.remove();
    const nameless = roots[2]!.cloneNode(true) as Element;
    nameless.querySelector('[data-tracking-control-name$="_comment_actor-name"]')!.remove();
    for (const el of [post, comment, nameless]) {
      expect(() => linkedin.extractPost(el)).not.toThrow();
      expect(linkedin.extractPost(el)).toBeUndefined();
    }
  });
});

describe('LinkedIn adapter: posts named by other ids (real 2024–2026 markup)', () => {
  afterAll(resetPageUrl);

  it('reads a redesigned card whose comment box key names only its ugcPost', () => {
    const { posts } = readFixture(linkedin, 'feed-2026-ugc', { atSavedUrl: true });
    expect(posts).toHaveLength(1);
    expect(posts[0]).toEqual({
      platform: 'linkedin',
      id: 'urn:li:ugcPost:7475123456789012480',
      url: 'https://www.linkedin.com/feed/update/urn:li:ugcPost:7475123456789012480/',
      author: { handle: 'acme-air', name: 'Acme Air', profileUrl: 'https://www.linkedin.com/company/acme-air/' },
      text: 'The new Acme Air rebooking desk answered 12,000 travellers in its first week.\n\nThanks to the team behind it, with Lena Park .',
      publishedAt: '2026-06-23T09:51:53.176Z',
      isReply: false,
    });
  });

  it('takes a card someone commented on for the post it shows, not for the comment that brought it', () => {
    const { roots, posts } = readFixture(linkedin, 'activity-2024', { atSavedUrl: true });
    expect(roots[0]!.getAttribute('data-urn')).toBe('urn:li:activity:7381400000000000000');
    expect(posts[0]).toMatchObject({
      id: 'urn:li:activity:7381000000000000000',
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7381000000000000000/',
      author: { handle: 'marco-silva-pt', name: 'Marco Silva' },
      publishedAt: '2025-10-06T16:18:52.348Z',
    });
    expect(linkedin.getPostId(roots[0]!)).toBe('urn:li:activity:7381000000000000000');
    // Without a highlighting link (real 2025 feeds), the post its comments are on: an activity or a ugcPost.
    const card = roots[0]!.cloneNode(true) as Element;
    card.querySelectorAll('a[href*="highlightedUpdateUrns="]').forEach((a) => a.removeAttribute('href'));
    expect(linkedin.getPostId(card)).toBe('urn:li:activity:7381400000000000000');
    const comment = (post: string, id: string) =>
      `<article class="comments-comment-entity" data-id="urn:li:comment:(${post},${id})"><div class="comments-comment-item__main-content">Same here</div></article>`;
    card.insertAdjacentHTML('beforeend', comment('ugcPost:7381000000000000512', '7381500000000000000'));
    expect(linkedin.getPostId(card)).toBe('urn:li:ugcPost:7381000000000000512');
    expect(linkedin.extractPost(card)).toMatchObject({
      id: 'urn:li:ugcPost:7381000000000000512',
      url: 'https://www.linkedin.com/feed/update/urn:li:ugcPost:7381000000000000512/',
      author: { handle: 'marco-silva-pt' },
    });
    // Comments that disagree name nothing: data-urn stays.
    card.insertAdjacentHTML('beforeend', comment('activity:7381000000000000000', '7381600000000000000'));
    expect(linkedin.getPostId(card)).toBe('urn:li:activity:7381400000000000000');
    // Without that header, data-urn is the post itself and links highlighting others do not change it.
    const plain = roots[0]!.cloneNode(true) as Element;
    plain.querySelector('.update-components-header')!.remove();
    expect(linkedin.getPostId(plain)).toBe('urn:li:activity:7381400000000000000');
  });
});

describe('LinkedIn adapter: updates, authors and comment ids marked in other ways (the older markup)', () => {
  afterAll(resetPageUrl);
  const FEED = 'https://www.linkedin.com/feed/';
  const A = '7310000000000000001';
  const B = '7310000000000000002';
  const C = '7310000000000000105';
  const R = '7310000000000000106';
  /** A page of the given markup at an address, its post roots and what is read from them. */
  const page = (html: string, url = FEED) => {
    setPageUrl(url);
    const doc = document.implementation.createHTMLDocument('linkedin');
    doc.body.innerHTML = `<main>${html}</main>`;
    const roots = postRoots(linkedin, doc);
    return { doc, roots, posts: roots.map((r) => linkedin.extractPost(r)) };
  };
  const actor = (href: string, name: string, linkClass = 'update-components-actor__meta-link') =>
    `<div class="update-components-actor"><a class="${linkClass}" href="${href}"><span class="update-components-actor__title"><span aria-hidden="true">${name}</span></span></a></div>`;
  const text = (words: string) => `<div class="update-components-text"><span class="break-words">${words}</span></div>`;
  const update = (attrs: string, inner: string) => `<div ${attrs}>${inner}</div>`;
  const jordan = actor('https://www.linkedin.com/in/jordan-lee/', 'Jordan Lee') + text('Acme Air cancelled my flight with 1 hour notice.');
  const comment = (urn: string, href: string, name: string, body: string, replies = '', linkClass = 'comments-comment-meta__description-container') =>
    `<article class="comments-comment-entity" data-id="${urn}"><a class="${linkClass}" href="${href}"><span class="comments-comment-meta__description-title">${name}</span></a>` +
    `<div class="comments-comment-item__main-content">${body}</div>${replies}</article>`;
  const thread = (post: string) =>
    comment(
      `urn:li:comment:(activity:${post},${C})`,
      'https://www.linkedin.com/in/elena-garcia/',
      'Elena García',
      '¿Se requiere inglés?',
      comment(`urn:li:comment:(activity:${post},${R})`, 'https://www.linkedin.com/company/acme-air/', 'Acme Air', 'Sí, nivel B2.'),
    );
  const hiro = actor('https://www.linkedin.com/in/hiro-tanaka/', 'Hiro Tanaka') + text('アクメ航空の新しいラウンジ、とても快適でした。');

  it('reads an update named by its data-urn without its class, and a post named as a ugcPost or share', () => {
    const bare = page(update(`data-urn="urn:li:activity:${A}"`, jordan));
    expect(bare.posts).toEqual([
      expect.objectContaining({ id: `urn:li:activity:${A}`, author: expect.objectContaining({ handle: 'jordan-lee', name: 'Jordan Lee' }), text: 'Acme Air cancelled my flight with 1 hour notice.' }),
    ]);
    for (const type of ['ugcPost', 'share']) {
      const { posts } = page(update(`class="feed-shared-update-v2" data-urn="urn:li:${type}:${A}"`, jordan + thread(A)));
      expect(posts.map((p) => p?.id)).toEqual([`urn:li:${type}:${A}`, `comment:${C}`, `comment:${R}`]);
      expect(posts[0]).toMatchObject({ url: `https://www.linkedin.com/feed/update/urn:li:${type}:${A}/`, author: { handle: 'jordan-lee' } });
      expect(posts[1]).toMatchObject({ inReplyTo: 'jordan-lee', threadId: `urn:li:${type}:${A}` });
    }
    // Other things LinkedIn names by data-urn are no posts.
    expect(page(update('class="feed-shared-update-v2" data-urn="urn:li:lyndaCourse:3833001"', jordan)).roots).toEqual([]);
  });

  it('takes an update and the blocks around it or in it that carry its urn for one post', () => {
    // Real 2025 home feeds: div[data-id] a few levels around the update, which names itself too.
    const real = page(update(`data-id="urn:li:activity:${A}" class="relative"`, `<div><div class="full-height">${update(`class="feed-shared-update-v2" data-urn="urn:li:activity:${A}"`, jordan)}</div></div>`));
    expect(real.roots).toEqual([real.doc.querySelector('.feed-shared-update-v2')]);
    expect(real.posts[0]?.id).toBe(`urn:li:activity:${A}`);
    // The update naming nothing itself: the block around it names it, with or without a class of its own.
    for (const attr of ['data-id', 'data-urn']) {
      const wrapped = page(update(`${attr}="urn:li:activity:${A}"`, `<div>${update('class="feed-shared-update-v2"', jordan + thread(A))}</div>`));
      expect(wrapped.roots[0]).toBe(wrapped.doc.querySelector('.feed-shared-update-v2'));
      expect(wrapped.posts.map((p) => p?.id)).toEqual([`urn:li:activity:${A}`, `comment:${C}`, `comment:${R}`]);
      expect(wrapped.posts[1]).toMatchObject({ inReplyTo: 'jordan-lee', threadId: `urn:li:activity:${A}` });
    }
    // A reshared original marked with its own urn is part of the reshare, kept apart as what it quotes.
    const original = actor('/company/acme-air/', 'Acme Air') + text('New: free Wi-Fi on all European routes.');
    for (const marked of [`class="update-components-mini-update-v2" data-urn="urn:li:activity:${B}"`, `data-urn="urn:li:activity:${B}"`]) {
      const reshare = page(update(`data-urn="urn:li:activity:${A}"`, jordan + `<div class="feed-shared-update-v2__update-content-wrapper">${update(marked, original)}</div>`));
      expect(reshare.posts).toEqual([expect.objectContaining({ id: `urn:li:activity:${A}`, author: expect.objectContaining({ handle: 'jordan-lee' }), quoted: expect.objectContaining({ author: 'acme-air' }) })]);
    }
    // A block around two updates, or naming something else, names neither.
    const two = page(update(`data-id="urn:li:activity:${A}"`, update('class="feed-shared-update-v2"', jordan) + update('class="feed-shared-update-v2"', hiro)));
    expect(two.roots).toHaveLength(2);
    expect(two.roots.map((r) => linkedin.getPostId(r))).toEqual([undefined, undefined]);
    expect(two.posts).toEqual([undefined, undefined]);
    expect(page(update('data-id="urn:li:lyndaCourse:3833001"', update('class="feed-shared-update-v2"', jordan))).posts).toEqual([undefined]);
  });

  it("reads an update without any urn on a post's own page as the post its address names, and its comments as answers to it", () => {
    const html = update('class="feed-shared-update-v2 artdeco-card"', hiro + thread(A));
    for (const url of [`https://www.linkedin.com/feed/update/urn:li:activity:${A}/`, `https://www.linkedin.com/posts/hiro-tanaka_lounge-activity-${A}-AbCd/`]) {
      const { roots, posts } = page(html, url);
      expect(posts.map((p) => p?.id)).toEqual([`urn:li:activity:${A}`, `comment:${C}`, `comment:${R}`]);
      expect(posts[0]).toMatchObject({ author: { handle: 'hiro-tanaka', name: 'Hiro Tanaka' }, text: 'アクメ航空の新しいラウンジ、とても快適でした。' });
      expect(posts[1]).toMatchObject({ inReplyTo: 'hiro-tanaka', threadId: `urn:li:activity:${A}` });
      expect(posts[2]).toMatchObject({ inReplyTo: 'elena-garcia' });
      expectPeekAgrees(linkedin, roots);
    }
    expect(page(html, `https://www.linkedin.com/feed/update/urn:li:ugcPost:${B}/`).posts[0]?.id).toBe(`urn:li:ugcPost:${B}`);
    // Elsewhere nothing names it: skipped (its comments, inside it, still answer its author).
    const feed = page(html);
    expect(feed.roots).toHaveLength(3);
    expect(linkedin.getPostId(feed.roots[0]!)).toBeUndefined();
    expect(feed.posts[0]).toBeUndefined();
    expect(feed.posts[1]).toMatchObject({ inReplyTo: 'hiro-tanaka', threadId: `urn:li:activity:${A}` });
    // Where the page shows another update (which may be the same post, named otherwise), the address names neither.
    const other = update(`class="feed-shared-update-v2" data-urn="urn:li:activity:${B}"`, jordan);
    expect(page(other + html, `https://www.linkedin.com/feed/update/urn:li:ugcPost:${A}/`).posts[1]).toBeUndefined();
  });

  it("finds an author by the profile link around the name where the link carries none of LinkedIn's classes", () => {
    const priya =
      `<div class="update-components-actor"><div class="update-components-actor__container"><a href="https://www.linkedin.com/in/priya-shah/"><img alt="Priya Shah"></a>` +
      `<a href="https://www.linkedin.com/in/priya-shah/" class="app-aware-link"><span class="update-components-actor__title"><span dir="ltr">Priya Shah</span></span></a></div></div>` +
      `<div class="feed-shared-inline-show-more-text"><span class="break-words">Heading to Dubai with Acme Air.</span></div>`;
    const unclassed = comment(
      `urn:li:comment:(activity:${A},${C})`,
      'https://www.linkedin.com/in/elena-garcia/',
      'Elena García',
      '¿Se requiere inglés?',
      comment(`urn:li:comment:(activity:${A},${R})`, 'https://www.linkedin.com/company/acme-air/', 'Acme Air', 'Sí, nivel B2.'),
      '',
    );
    const { roots, posts } = page(update(`class="feed-shared-update-v2" data-urn="urn:li:activity:${A}"`, priya + unclassed));
    expect(posts[0]).toMatchObject({ id: `urn:li:activity:${A}`, author: { handle: 'priya-shah', name: 'Priya Shah', profileUrl: 'https://www.linkedin.com/in/priya-shah/' } });
    expect(posts[1]).toMatchObject({ id: `comment:${C}`, author: { handle: 'elena-garcia', name: 'Elena García' }, inReplyTo: 'priya-shah' });
    expect(posts[2]).toMatchObject({ author: { handle: 'acme-air' }, inReplyTo: 'elena-garcia' });
    expectPeekAgrees(linkedin, roots);
    // A link that holds no name element (a header's, a mention's) names no author.
    const unnamed =
      `<div class="update-components-header"><a href="/in/ben-ode/">Ben Ode</a> commented on this</div>` +
      `<div class="update-components-actor"><span class="update-components-actor__title">Clara Voss</span></div>` +
      text('Thanks <a href="https://www.linkedin.com/company/acme-air/">Acme Air</a>');
    expect(page(update(`class="feed-shared-update-v2" data-urn="urn:li:activity:${A}"`, unnamed)).posts).toEqual([undefined]);
  });

  it('reads a comment whose id writes its post in full, as the 2026 layout does, as the same comment', () => {
    const long = comment(
      `urn:li:comment:(urn:li:activity:${A},${C})`,
      '/in/omar-k/',
      'Omar K',
      'Applied!',
      comment(`urn:li:comment:(urn:li:activity:${A},${R})`, '/company/acme-air/', 'Acme Air', 'Good luck!'),
    );
    const { roots, posts } = page(update(`class="feed-shared-update-v2" data-urn="urn:li:activity:${A}"`, jordan + long));
    expect(roots.map((r) => linkedin.getPostId(r))).toEqual([`urn:li:activity:${A}`, `comment:${C}`, `comment:${R}`]);
    const short = (id: string) => encodeURIComponent(`urn:li:comment:(activity:${A},${id})`).replace(/\(/g, '%28').replace(/\)/g, '%29');
    expect(posts[1]).toMatchObject({
      author: { handle: 'omar-k' },
      inReplyTo: 'jordan-lee',
      threadId: `urn:li:activity:${A}`,
      url: `https://www.linkedin.com/feed/update/urn:li:activity:${A}?commentUrn=${short(C)}`,
      publishedAt: '2025-03-24T18:10:13.232Z',
    });
    expect(posts[2]).toMatchObject({ inReplyTo: 'omar-k', url: `https://www.linkedin.com/feed/update/urn:li:activity:${A}?commentUrn=${short(C)}&replyUrn=${short(R)}` });
    expectPeekAgrees(linkedin, roots);
  });

  it('never reads a post of these pages as another post, another author, or twice, whatever piece of it goes', () => {
    const pages: Array<[string, string]> = [
      [update(`data-id="urn:li:activity:${A}"`, `<div>${update('class="feed-shared-update-v2"', jordan + thread(A))}</div>`) + update(`data-urn="urn:li:activity:${B}"`, hiro), FEED],
      [update(`data-urn="urn:li:activity:${A}"`, `<div>${update(`class="feed-shared-update-v2" data-urn="urn:li:activity:${A}"`, jordan)}</div>`) + update(`data-urn="urn:li:ugcPost:${B}"`, hiro), FEED],
      [update('class="feed-shared-update-v2"', hiro + thread(A)), `https://www.linkedin.com/feed/update/urn:li:activity:${A}/`],
    ];
    for (const [html, url] of pages) {
      const { doc, roots, posts } = page(html, url);
      const ids = new Set(posts.map((p) => p?.id));
      const wrong: string[] = [];
      for (const [i, root] of roots.entries()) {
        const before = posts[i];
        if (!before) continue;
        for (const el of [root, ...root.querySelectorAll('*')]) {
          const changes: Array<() => () => void> = [
            ...[...el.attributes].map((a) => () => (el.removeAttribute(a.name), () => el.setAttribute(a.name, a.value))),
            () => {
              const [parent, next] = [el.parentNode!, el.nextSibling];
              el.remove();
              return () => parent.insertBefore(el, next);
            },
          ];
          for (const change of changes) {
            const undo = change();
            const after = root.isConnected ? linkedin.extractPost(root) : undefined;
            const all = postRoots(linkedin, doc).flatMap((r) => linkedin.extractPost(r)?.id ?? []);
            undo();
            if (after && ((after.id !== before.id && ids.has(after.id)) || after.author.handle !== before.author.handle)) wrong.push(`${before.id} read as ${after.id} by ${after.author.handle}`);
            if (new Set(all).size !== all.length) wrong.push(`${before.id}: a post read twice (${all.join(', ')})`);
          }
        }
      }
      expect(wrong).toEqual([]);
    }
  });
});
