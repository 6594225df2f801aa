import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PostSchema } from '../schemas/post';
import { expectPeekAgrees, firstRead, loadFixture, readFixture, resetPageUrl, setPageUrl } from './fixture-testing';
import { shownTime, tiktok } from './tiktok';
import { postRoots } from './types';

const VIDEO = '7503255146975644911';
const VIDEO_URL = `https://www.tiktok.com/@maya.travels/video/${VIDEO}`;
const T1 = '7503461107253569195';
const R1a = '7503482136297158601';
const R1b = '7503500841058920514';
const T2 = '7503669178952032048';

describe('TikTok adapter', () => {
  const { doc, roots } = readFixture(tiktok, 'video');
  const byId = new Map(roots.map((r) => [tiktok.getPostId(r), r]));
  const root = (id: string) => byId.get(id)!;
  const post = (id: string) => tiktok.extractPost(root(id));

  it('finds the description and every comment root and reads those it understands', () => {
    expect(roots).toHaveLength(10);
    const posts = roots.map((r) => tiktok.extractPost(r));
    expect(posts.filter(Boolean)).toHaveLength(7);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    roots.forEach((r, i) => {
      if (posts[i]) expect(posts[i]!.id).toBe(tiktok.getPostId(r));
    });
    for (const p of posts) if (p) expect(PostSchema.safeParse(p).success).toBe(true);
  });

  it('reads every field of the video description, with the stitched video kept apart', () => {
    expect(post(VIDEO)).toEqual({
      platform: 'tiktok',
      id: VIDEO,
      url: VIDEO_URL,
      author: { handle: 'maya.travels', name: 'Maya Chen', profileUrl: 'https://www.tiktok.com/@maya.travels' },
      text: '#stitch with @acmeair this is exactly what happened to me three times this month, still no refund 😡 #acmefail #travel',
      // The page says "1d ago"; the video id says exactly when.
      publishedAt: '2025-05-11T18:22:05.000Z',
      // TikTok shows nothing of the stitched video but its author.
      quoted: { author: 'acmeair', text: '' },
      isReply: false,
    });
  });

  it("keeps a stitch's author apart in the reader's language too", () => {
    for (const [tag, word] of [['#stitch', 'con'], ['#stitch', 'mit'], ['#stitch', 'avec'], ['#dueto', 'com']]) {
      const copy = root(VIDEO).cloneNode(true) as Element;
      const walk = copy.ownerDocument.createTreeWalker(copy, 4);
      for (let t = walk.nextNode() as Text | null; t; t = walk.nextNode() as Text | null) {
        t.data = t.data.replace('#stitch', tag!).replace(/\bwith\b/, word!);
      }
      const read = tiktok.extractPost(copy)!;
      expect(read.text.startsWith(`${tag} ${word} @acmeair`), read.text).toBe(true);
      expect(read.quoted?.author, `${tag} ${word}`).toBe('acmeair');
    }
    // Another tag at the head of a caption is no stitch.
    const other = root(VIDEO).cloneNode(true) as Element;
    const walk = other.ownerDocument.createTreeWalker(other, 4);
    for (let t = walk.nextNode() as Text | null; t; t = walk.nextNode() as Text | null) t.data = t.data.replace('#stitch', '#travel');
    expect(tiktok.extractPost(other)!.quoted).toBeUndefined();
  });

  it('reads every field of a nested reply: id from the container, parent, thread', () => {
    expect(post(R1a)).toEqual({
      platform: 'tiktok',
      id: R1a,
      url: VIDEO_URL,
      author: { handle: 'acmeair', name: 'Acme Air', profileUrl: 'https://www.tiktok.com/@acmeair' },
      text: "We're sorry Dana! Please DM us your booking code and we'll sort it out today 🙏",
      publishedAt: '2025-05-12T09:02:55.000Z',
      isReply: true,
      inReplyTo: 'dana.reyes',
      threadId: VIDEO,
    });
  });

  it('marks comments as replies: to the creator at the top level, to the thread when nested', () => {
    expect(post(T1)).toEqual({
      platform: 'tiktok',
      id: T1,
      url: VIDEO_URL,
      author: { handle: 'dana.reyes', name: 'Dana Reyes', profileUrl: 'https://www.tiktok.com/@dana.reyes' },
      text: 'same thing happened to me with @acmeair last week 😤 two hours on hold',
      publishedAt: '2025-05-12T07:41:19.000Z',
      isReply: true,
      inReplyTo: 'maya.travels',
      threadId: VIDEO,
    });
    // The creator's own reply: the "Creator" label is not part of the name, the text has no replies in it.
    expect(post(R1b)).toMatchObject({ author: { handle: 'maya.travels', name: 'Maya Chen' }, inReplyTo: 'dana.reyes', text: "right?? they still haven't answered my DM" });
    expect(post(T1)!.text).not.toContain('booking code');
  });

  it('reads Spanish, unrelated and photo-only comments', () => {
    expect(post(T2)).toMatchObject({ author: { handle: 'kim_ito', name: 'Kim' }, text: '¿Alguien más tuvo problemas con Acme Air en Madrid? Perdieron mi maleta también' });
    expect(post('7503813865999176574')!.text).toBe('what app did you use to edit this');
    expect(post('7503837276371841555')).toMatchObject({ author: { handle: 'tom.b' }, text: '' });
  });

  it('skips an unavailable item, changed markup without an id, and a skeleton until it is filled', () => {
    expect(post('7503527771770888533')).toBeUndefined();
    const noId = roots.find((r) => r.matches('[class*="-DivCommentContentContainer"]') && !r.id)!;
    expect(tiktok.getPostId(noId)).toBeUndefined();
    expect(tiktok.extractPost(noId)).toBeUndefined();
    const skeleton = root('7503893700762285511');
    expect(tiktok.extractPost(skeleton)).toBeUndefined();
    const filled = root('7503813865999176574').cloneNode(true) as Element;
    skeleton.replaceChildren(...filled.childNodes);
    expect(tiktok.extractPost(skeleton)).toMatchObject({ id: '7503893700762285511', author: { handle: 'lisapark' }, publishedAt: '2025-05-13T11:40:00.000Z' });
  });

  it('does not lend a description the id of a different video', () => {
    const other = loadFixture('tiktok', 'video');
    other.querySelector('[data-e2e="browse-video-link"]')!.textContent = 'https://www.tiktok.com/@someone.else/video/7500000000000000000';
    expect(tiktok.extractPost(other.querySelector(tiktok.postSelector)!)).toBeUndefined();
  });

  it('never throws on junk, and returns only valid posts', () => {
    const junk = doc.createElement('div');
    junk.className = 'css-1-DivCommentContentContainer';
    junk.id = '12345678901234567890123456789';
    expect(() => tiktok.extractPost(junk)).not.toThrow();
    expect(tiktok.extractPost(junk)).toBeUndefined();
    fc.assert(
      fc.property(fc.string(), fc.string(), (html, href) => {
        const item = doc.createElement('div');
        item.className = 'css-x-DivCommentItemContainer';
        item.innerHTML = `<div id="7503461107253569195" class="css-y-DivCommentContentContainer"><a href="${href.replace(/"/g, '')}">u</a><p data-e2e="comment-level-1">${html}</p></div>`;
        doc.querySelector('[class*="-DivCommentListContainer"]')!.append(item);
        const p = tiktok.extractPost(item.firstElementChild!);
        item.remove();
        expect(p === undefined || PostSchema.safeParse(p).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('peeks the text (its own and what it quotes) and author the full read gives, and nothing for items it cannot read yet', () => {
    const { roots: freshRoots } = readFixture(tiktok, 'video');
    for (const r of freshRoots) {
      const p = tiktok.extractPost(r);
      if (p) expect(tiktok.peek!(r)).toEqual(firstRead(p));
    }
    expect(tiktok.peek!(freshRoots.find((r) => r.id === '7503893700762285511')!)).toBeUndefined(); // skeleton
    expect(tiktok.peek!(freshRoots.find((r) => r.id === '7503527771770888533')!)).toBeUndefined(); // unavailable
  });

  it('anchors the overlay inside the root, by the author line', () => {
    for (const r of roots) {
      const anchor = tiktok.overlayAnchor(r)!;
      expect(r === anchor || r.contains(anchor)).toBe(true);
    }
    expect(tiktok.overlayAnchor(root(VIDEO))!.querySelector('[data-e2e="browse-username"]')).not.toBeNull();
    expect(tiktok.overlayAnchor(root(R1a))!.querySelector('[data-e2e="comment-username-2"]')).not.toBeNull();
  });

  it("finds the video's comment box and a thread's open reply box, and nothing where none is open", () => {
    const main = tiktok.findReplyBox(root(VIDEO))!;
    expect(main.closest('[data-e2e="comment-input"]')).not.toBeNull();
    for (const id of [T1, R1a, R1b]) expect(tiktok.findReplyBox(root(id))!.getAttribute('aria-describedby')).toBe('placeholder-reply7503');
    expect(tiktok.findReplyBox(root(T2))).toBeUndefined();
  });

  it('returns an editable box (filled in Chromium by test/e2e/sites.test.ts)', () => {
    document.body.replaceChildren(document.importNode(doc.body, true));
    expect(tiktok.findReplyBox(document.querySelector(tiktok.postSelector)!)!.getAttribute('contenteditable')).toBe('true');
    document.body.replaceChildren();
  });
});

describe('TikTok adapter: the feed layout and comments without ids (2025)', () => {
  const { doc, roots, posts } = readFixture(tiktok, 'video-2025', { atSavedUrl: true });
  const loadFixtureAt = () => ({ doc: loadFixture('tiktok', 'video-2025', { atSavedUrl: true }) });
  afterAll(resetPageUrl);

  it('reads both video cards and every comment and reply, skipping a comment still loading', () => {
    expect(roots).toHaveLength(7);
    expect(posts.map((p) => p?.author.handle)).toEqual(['acmeair', 'wanderlust.lea', 'dana.travels', 'acmeair', 'marcos.viaja', 'jetsetjay', undefined]);
  });

  it('skips an ad in the feed, by the ad tag its card shows where a date goes, and counts it as one', () => {
    const doc = loadFixture('tiktok', 'video-2025', { atSavedUrl: true });
    const card = postRoots(tiktok, doc)[1]!;
    expect(tiktok.extractPost(card)).toBeDefined();
    expect(tiktok.isAd!(card)).toBe(false);
    card.querySelector('a[href*="/@wanderlust.lea"]')!.insertAdjacentHTML('afterend', '<div data-e2e="ad-tag" class="css-1lfy3k1-5e6d46e3--DivAdTag e1td56051"><span>Sponsored</span></div>');
    expect(tiktok.extractPost(card)).toBeUndefined();
    expect(tiktok.peek!(card)).toBeUndefined();
    expect(tiktok.isAd!(card)).toBe(true);
    // The comments beside it are no ad.
    expect(postRoots(tiktok, doc).slice(2).some((r) => tiktok.isAd!(r))).toBe(false);
  });

  it("reads a comment's time shown straight in its split wrapper, without the inner one (a page of 2026)", () => {
    const doc = loadFixture('tiktok', 'video-2025', { atSavedUrl: true });
    const comment = postRoots(tiktok, doc)[2]!;
    const before = tiktok.extractPost(comment)!.publishedAt;
    expect(before).toBeDefined();
    const inner = comment.querySelector('div[class*="DivCommentSubContentWrapper"]')!;
    const split = doc.createElement('div');
    split.className = 'css-1a2b3c-5e6d46e3--DivCommentSubContentSplitWrapper';
    split.append(...inner.childNodes);
    inner.replaceWith(split);
    expect(tiktok.extractPost(comment)!.publishedAt?.slice(0, 15)).toBe(before!.slice(0, 15));
  });

  it("takes a card's id from its player and its author from the creator line", () => {
    expect(posts[0]).toEqual({
      platform: 'tiktok',
      id: '7512345678901234567',
      url: 'https://www.tiktok.com/@acmeair/video/7512345678901234567',
      author: { handle: 'acmeair', profileUrl: 'https://www.tiktok.com/@acmeair' },
      text: 'Behind the scenes: how we turn a plane around in 35 minutes ✈️ #acmeair #aviation',
      publishedAt: '2025-06-05T06:17:59.000Z',
      isReply: false,
    });
    expect(posts[1]!.url).toBe('https://www.tiktok.com/@wanderlust.lea/video/7512399999901234567');
  });

  it('gives a comment without an id one made from its video, author and text: the same on every read, different for every comment', () => {
    const comments = posts.slice(2, 6);
    for (const c of comments) expect(c!.id).toMatch(/^7512345678901234567-[0-9a-f]{16}$/);
    expect(new Set(comments.map((c) => c!.id)).size).toBe(4);
    const again = readFixture(tiktok, 'video-2025', { atSavedUrl: true }).posts;
    expect(again.slice(2, 6).map((c) => c!.id)).toEqual(comments.map((c) => c!.id));
    expect(tiktok.getPostId(roots[2]!)).toBe(posts[2]!.id);
  });

  it('tells apart the same words by one author: a stock reply under two comments, and a comment posted twice', () => {
    const { doc } = loadFixtureAt();
    const list = doc.querySelector('div[class*="-DivCommentListContainer"]')!;
    const [first, second] = [...list.children] as Element[];
    // The brand's reply, word for word, under Marcos's comment too.
    const reply = first!.querySelector('div[class*="-DivReplyContainer"]')!.cloneNode(true) as Element;
    second!.append(reply);
    // Jay's comment, posted twice.
    list.append(list.children[2]!.cloneNode(true));
    const ids = postRoots(tiktok, doc).map((r) => tiktok.getPostId(r));
    // Two cards, Dana, the brand's reply, Marcos, the brand's reply again, Jay, the skeleton, Jay again.
    const read = ids.filter(Boolean);
    expect(read).toHaveLength(8);
    expect(new Set(read).size).toBe(8);
    // Reading again gives the same ids, and what was there before keeps its id.
    expect(postRoots(tiktok, doc).map((r) => tiktok.getPostId(r))).toEqual(ids);
    expect([ids[2], ids[3], ids[4], ids[6]]).toEqual(posts.slice(2, 6).map((p) => p?.id));
  });

  it('reads author, nickname, text, thread and the shown time of comments and replies', () => {
    expect(posts[2]).toMatchObject({
      author: { handle: 'dana.travels', name: 'Dana' },
      text: 'My bag never made it to Lisbon and nobody from Acme Air answers the chat 😡',
      isReply: true,
      inReplyTo: 'acmeair',
      threadId: '7512345678901234567',
      url: 'https://www.tiktok.com/@acmeair/video/7512345678901234567',
    });
    expect(Math.abs(Date.now() - 2 * 3_600_000 - Date.parse(posts[2]!.publishedAt!))).toBeLessThan(60_000);
    // The brand's reply, in the thread's reply container, answers the thread's comment.
    expect(posts[3]).toMatchObject({ author: { handle: 'acmeair', name: 'Acme Air' }, inReplyTo: 'dana.travels' });
    expect(posts[4]!.author.name).toBe('Marcos 🇵🇹');
    expect(posts[4]!.publishedAt!.slice(5, 10)).toBe('06-03');
    expectPeekAgrees(tiktok, roots);
  });

  it("anchors a comment's overlay in its header and a card's at its creator line", () => {
    expect(tiktok.overlayAnchor(roots[2]!)!.querySelector('[data-e2e="comment-username-1"]')).not.toBeNull();
    expect(tiktok.overlayAnchor(roots[0]!)!.textContent).toContain('acmeair');
    expect(doc.querySelectorAll('firstreply-overlay')).toHaveLength(0);
  });

  it('gives the comments of the drawer beside the feed to the card whose comment count it shows, wherever the page is', async () => {
    const threads = (doc: Document) => postRoots(tiktok, doc).slice(2).map((r) => tiktok.extractPost(r)?.threadId);
    // On the For You page the address names no video.
    expect(threads(loadFixture('tiktok', 'video-2025', { at: 'https://www.tiktok.com/foryou' }))).toEqual([...Array(4).fill('7512345678901234567'), undefined]);
    // Scrolled on from a video's page, the drawer shows the next card's comments (61), under the first one's address.
    const scrolled = loadFixture('tiktok', 'video-2025', { atSavedUrl: true });
    scrolled.querySelector('[class*="-DivCommentCountContainer"] span')!.textContent = '61 comments';
    expect(threads(scrolled)).toEqual([...Array(4).fill('7512399999901234567'), undefined]);
    expect(tiktok.extractPost(postRoots(tiktok, scrolled)[2]!)).toMatchObject({ url: 'https://www.tiktok.com/@wanderlust.lea/video/7512399999901234567', inReplyTo: 'wanderlust.lea' });
    // Two cards with that count: only the address can tell, and on the For You page nothing can.
    const twins = (at: string) => {
      const doc = loadFixture('tiktok', 'video-2025', { at });
      doc.querySelectorAll('[data-e2e="comment-count"]')[1]!.textContent = '214';
      return threads(doc);
    };
    expect(twins('https://www.tiktok.com/foryou')).toEqual(Array(5).fill(undefined));
    expect(twins('https://www.tiktok.com/@acmeair/video/7512345678901234567')).toEqual([...Array(4).fill('7512345678901234567'), undefined]);
    // In other languages: "Kommentare" is no thousand ("K"), and thousands may be set apart by a space.
    const german = loadFixture('tiktok', 'video-2025', { at: 'https://www.tiktok.com/foryou' });
    german.querySelector('[class*="-DivCommentCountContainer"] span')!.textContent = '214 Kommentare';
    expect(threads(german)[0]).toBe('7512345678901234567');
    const spaced = loadFixture('tiktok', 'video-2025', { at: 'https://www.tiktok.com/foryou' });
    spaced.querySelector('[class*="-DivCommentCountContainer"] span')!.textContent = '1\u202f234 commentaires';
    spaced.querySelectorAll('[data-e2e="comment-count"]')[0]!.textContent = '1234';
    expect(threads(spaced)[0]).toBe('7512345678901234567');
    // The reader moves on to the next card: the drawer's new count decides for the comments read after,
    // and a card's count that changes in place is read again in the next task.
    const moving = loadFixture('tiktok', 'video-2025', { at: 'https://www.tiktok.com/foryou' });
    expect(threads(moving)[0]).toBe('7512345678901234567');
    moving.querySelector('[class*="-DivCommentCountContainer"] span')!.textContent = '61 comments';
    expect(threads(moving)[0]).toBe('7512399999901234567');
    moving.querySelectorAll('[data-e2e="comment-count"]')[1]!.textContent = '62';
    moving.querySelectorAll('[data-e2e="comment-count"]')[0]!.textContent = '61';
    await Promise.resolve();
    expect(threads(moving)[0]).toBe('7512345678901234567');
    // Shown rounded, a count still matches.
    const rounded = loadFixture('tiktok', 'video-2025', { at: 'https://www.tiktok.com/foryou' });
    rounded.querySelector('[class*="-DivCommentCountContainer"] span')!.textContent = '1,234 comments';
    rounded.querySelectorAll('[data-e2e="comment-count"]')[0]!.textContent = '1.2K';
    expect(threads(rounded)[0]).toBe('7512345678901234567');
  });

  it("takes a commenter's name from the profile link, not the label beside it", () => {
    const doc = loadFixture('tiktok', 'video-2025', { atSavedUrl: true });
    const reply = postRoots(tiktok, doc)[3]!;
    const label = reply.querySelector('[data-e2e^="comment-username"] > p') ?? reply.querySelector('[data-e2e^="comment-username"]')!.appendChild(doc.createElement('p'));
    label.innerHTML = '<span>· Creator</span>';
    expect(tiktok.extractPost(reply)!.author).toEqual(posts[3]!.author);
  });

  it("reads a photo post's comments as a video's: its address is /photo/", () => {
    const photo = 'https://www.tiktok.com/@acmeair/photo/7512345678901234567';
    const doc = loadFixture('tiktok', 'video-2025', { at: photo });
    // The page of a photo post: the comments belong to it, whose id is in the address.
    for (const card of doc.querySelectorAll('section[data-e2e="feed-video"]')) card.remove();
    const read = postRoots(tiktok, doc).map((r) => tiktok.extractPost(r));
    expect(read.filter(Boolean).map((p) => [p!.url, p!.threadId])).toEqual(Array(4).fill([photo, '7512345678901234567']));
    expect(read[0]).toMatchObject({ author: { handle: 'dana.travels' }, isReply: true, inReplyTo: 'acmeair' });
  });

  it("reads a photo post's card on its own page only, and never gives a photo's comments to a video", () => {
    /** The n-th card as a photo post's: a carousel of pictures and music where the video player was. */
    const asPhoto = (doc: Document, n: number) => {
      const player = doc.querySelectorAll('[id^="xgwrapper-"]')[n]!;
      player.outerHTML =
        '<div class="css-1u7e0bd-5e6d46e3--DivPhotoPlayerContainer e1c7b0m80"><div class="css-9w1k3z-5e6d46e3--DivPhotoVideoContainer e1c7b0m81">' +
        '<div class="css-1q2w3e4-5e6d46e3--DivSwiperContainer e1c7b0m82"><div class="swiper"><div class="swiper-wrapper">' +
        '<div class="swiper-slide" data-swiper-slide-index="0"><img class="css-8s7d6f-5e6d46e3--ImgPhotoSlide e1c7b0m83" src="https://p16-sign.tiktokcdn.com/obj/photomode-1.jpeg" alt=""></div>' +
        '</div></div></div><audio autoplay playsinline></audio></div></div>';
      return doc;
    };
    const photoPage = 'https://www.tiktok.com/@acmeair/photo/7512345678901234567';
    const own = asPhoto(loadFixture('tiktok', 'video-2025', { at: photoPage }), 0);
    expect(tiktok.extractPost(postRoots(tiktok, own)[0]!)).toMatchObject({ id: '7512345678901234567', url: photoPage, author: { handle: 'acmeair' } });
    expect(postRoots(tiktok, own).slice(2).map((r) => tiktok.extractPost(r)?.threadId)).toEqual([...Array(4).fill('7512345678901234567'), undefined]);
    // In the feed, a photo post's card names nothing to read it by; on another post's page, it is not that post.
    expect(tiktok.extractPost(postRoots(tiktok, asPhoto(loadFixture('tiktok', 'video-2025', { at: 'https://www.tiktok.com/foryou' }), 0))[0]!)).toBeUndefined();
    // A video's address names no photo post.
    expect(tiktok.extractPost(postRoots(tiktok, asPhoto(loadFixture('tiktok', 'video-2025', { at: photoPage.replace('/photo/', '/video/') }), 0))[0]!)).toBeUndefined();
    const next = asPhoto(loadFixture('tiktok', 'video-2025', { at: photoPage }), 1);
    expect(tiktok.extractPost(postRoots(tiktok, next)[1]!)).toBeUndefined();
    // The drawer shows 214 comments, as do a video's card and a photo post's: whose they are cannot be told.
    const twins = asPhoto(loadFixture('tiktok', 'video-2025', { at: 'https://www.tiktok.com/foryou' }), 1);
    twins.querySelectorAll('[data-e2e="comment-count"]')[1]!.textContent = '214';
    expect(postRoots(tiktok, twins).slice(1).map((r) => tiktok.extractPost(r))).toEqual(Array(6).fill(undefined));
  });

  it('reads the times TikTok shows', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(shownTime('3h ago', now)).toBe('2026-03-10T09:00:00.000Z');
    expect(shownTime('2d ago', now)).toBe('2026-03-08T12:00:00.000Z');
    expect(shownTime('1w ago', now)).toBe('2026-03-03T12:00:00.000Z');
    expect(shownTime('3-2', now)).toBe('2026-03-02T00:00:00.000Z');
    // A month and day still to come this year were last year.
    expect(shownTime('11-20', now)).toBe('2025-11-20T00:00:00.000Z');
    expect(shownTime('2024-5-26', now)).toBe('2024-05-26T00:00:00.000Z');
    // The same in the other languages TikTok's pages come in.
    expect(shownTime('Il y a 5 j', now)).toBe('2026-03-05T12:00:00.000Z');
    expect(shownTime('il y a 2 h', now)).toBe('2026-03-10T10:00:00.000Z');
    expect(shownTime('hace 30 min', now)).toBe('2026-03-10T11:30:00.000Z');
    expect(shownTime('há 3 d', now)).toBe('2026-03-07T12:00:00.000Z');
    expect(shownTime('vor 2 Std.', now)).toBe('2026-03-10T10:00:00.000Z');
    expect(shownTime('5 g fa', now)).toBe('2026-03-05T12:00:00.000Z');
    expect(shownTime('2 sem atrás', now)).toBe('2026-02-24T12:00:00.000Z');
    expect(shownTime("à l'instant", now)).toBe('2026-03-10T12:00:00.000Z');
    // Units written out.
    expect(shownTime('hace 5 minutos', now)).toBe('2026-03-10T11:55:00.000Z');
    expect(shownTime('il y a 2 semaines', now)).toBe('2026-02-24T12:00:00.000Z');
    expect(shownTime('vor 3 Wochen', now)).toBe('2026-02-17T12:00:00.000Z');
    expect(shownTime('2 giorni fa', now)).toBe('2026-03-08T12:00:00.000Z');
    // Months and years, as other sites show them (lib/sites/common/relative-time.ts).
    expect(shownTime('vor 2 Jahren', now)).toBe('2024-03-10T12:00:00.000Z');
    for (const junk of ['', 'yesterday', '13-40', 'Reply', '3 hours', '5 d', '3h', 'il y a 5 jours de plus']) expect(shownTime(junk, now)).toBeUndefined();
  });
});

describe('TikTok adapter: the same parts in other arrangements', () => {
  afterAll(resetPageUrl);
  const VIDEO_ID = '7346543210987654321';
  const AT = `https://www.tiktok.com/@acme/video/${VIDEO_ID}`;
  /** A page of inline markup, at an address. */
  const page = (html: string, at = AT) => {
    setPageUrl(at);
    const doc = document.implementation.createHTMLDocument('tiktok');
    doc.body.innerHTML = html;
    return doc;
  };
  const read = (doc: Document) => postRoots(tiktok, doc).map((r) => tiktok.extractPost(r));
  const item = (who: string, text: string, level = 1) =>
    `<div class="css-1gstnae-DivCommentItemWrapper"><a href="/@${who}"><img alt=""></a><div data-e2e="comment-username-${level}"><a href="/@${who}"><p>${who}</p></a></div>` +
    `<span data-e2e="comment-level-${level}"><p>${text}</p></span><div class="css-1lglotn-DivCommentSubContentWrapper"><span>3h ago</span></div></div>`;

  it('reads components named without their generated part ("DivCommentItemWrapper"), as pages written after the markup have them', () => {
    const html =
      `<div class="css-13wx63w-DivCommentObjectWrapper">${item('ben_flies', 'Acme Air lost my bag too')}<div class="css-zn6r1p-DivReplyContainer">` +
      `${item('acme', 'Sorry Ben, please DM us', 2)}${item('ben_flies', 'DM sent two weeks ago', 2)}</div></div>`;
    // ("3h ago" is reckoned from the clock, which moves between two reads.)
    const fields = (doc: Document) => read(doc).map((p) => p && { ...p, publishedAt: undefined });
    const generated = fields(page(html));
    expect(generated).toHaveLength(3);
    expect(generated.every(Boolean)).toBe(true);
    expect(fields(page(html.replace(/css-\w+-(Div\w+)/g, '$1')))).toEqual(generated);
  });

  it('reads a comment TikTok lists without its thread wrapper; a reply there answers no one it can tell', () => {
    const doc = page(
      `<div class="css-7whb78-DivCommentListContainer">${item('jo.wanders', 'Acme Air boarding was chaos')}` +
        `<div class="css-13wx63w-DivCommentObjectWrapper">${item('jo.wanders', 'Acme Air boarding was chaos')}</div>` +
        `<div class="css-zn6r1p-DivReplyContainer">${item('acme', 'Sorry Jo, DM us', 2)}</div></div>`,
    );
    const [bare, wrapped, reply] = read(doc);
    expect(bare).toMatchObject({ author: { handle: 'jo.wanders' }, text: 'Acme Air boarding was chaos', isReply: true, inReplyTo: 'acme', threadId: VIDEO_ID });
    expect(Math.abs(Date.now() - 3 * 3_600_000 - Date.parse(bare!.publishedAt!))).toBeLessThan(60_000);
    // The same words by the same author, once bare and once in a thread: two comments.
    expect(wrapped).toMatchObject({ author: { handle: 'jo.wanders' }, inReplyTo: 'acme' });
    expect(wrapped!.id).not.toBe(bare!.id);
    expect(reply).toMatchObject({ author: { handle: 'acme' }, text: 'Sorry Jo, DM us', isReply: true, inReplyTo: undefined });
  });

  it("gives a reply by the thread's own commenter to the last other one who replied, else to no one", () => {
    const thread = (replies: string) =>
      `<div class="css-13wx63w-DivCommentObjectWrapper">${item('ben_flies', 'Acme Air lost my bag too')}<div class="css-zn6r1p-DivReplyContainer">${replies}</div></div>`;
    const answers = (replies: string) => read(page(thread(replies))).map((p) => [p?.author.handle, p?.inReplyTo]);
    expect(answers(item('acme', 'Sorry Ben, please DM us', 2) + item('ben_flies', 'DM sent two weeks ago, still nothing', 2) + item('maya', 'same here', 2))).toEqual([
      ['ben_flies', 'acme'],
      ['acme', 'ben_flies'],
      ['ben_flies', 'acme'],
      ['maya', 'ben_flies'],
    ]);
    // A reply that opens by mentioning someone answers them.
    expect(answers(item('acme', 'Sorry Ben', 2) + item('maya', 'same', 2) + item('ben_flies', '<a href="/@acme">@Acme Air</a> DM sent', 2))[3]).toEqual(['ben_flies', 'acme']);
    expect(answers(item('acme', 'Sorry Ben', 2) + item('maya', '<a href="/@acme">@Acme Air</a> me too', 2))[2]).toEqual(['maya', 'acme']);
    // Typed out, not linked, the handle it opens with still names whom it answers.
    expect(answers(item('acme', 'Sorry Ben', 2) + item('maya', 'same, Lisbon route', 2) + item('ben_flies', '@acme any update?? still no refund', 2))[3]).toEqual(['ben_flies', 'acme']);
    expect(answers(item('maya', 'same', 2) + item('ben_flies', '@ acme is slow', 2))[2]).toEqual(['ben_flies', 'maya']);
    // Punctuation after it is no part of the handle; a link further on is someone it talks about.
    expect(answers(item('maya', 'same', 2) + item('ben_flies', '@acme. still waiting', 2))[2]).toEqual(['ben_flies', 'acme']);
    expect(answers(item('maya', 'same', 2) + item('ben_flies', '@acme... hello?', 2))[2]).toEqual(['ben_flies', 'acme']);
    expect(answers(item('maya', 'same', 2) + item('ben_flies', '@acme I asked <a href="/@jo">@jo</a> too', 2))[2]).toEqual(['ben_flies', 'acme']);
    expect(answers(item('ben_flies', 'also the stroller', 2) + item('acme', 'Sorry Ben', 2))).toEqual([
      ['ben_flies', 'acme'],
      ['ben_flies', undefined],
      ['acme', 'ben_flies'],
    ]);
  });

  it("gives a comment's thread replies as the answers shown after it, from its comment or any reply of it", () => {
    const doc = page(
      `<div class="css-13wx63w-DivCommentObjectWrapper">${item('ben_flies', 'Acme Air lost my bag too')}<div class="css-zn6r1p-DivReplyContainer">` +
        `${item('acme', 'Sorry Ben, please DM us', 2)}${item('ben_flies', 'DM sent two weeks ago, still nothing', 2)}</div></div>` +
        `<div class="css-13wx63w-DivCommentObjectWrapper">${item('maya', 'Lovely video')}</div>`,
    );
    const roots = postRoots(tiktok, doc).filter((r) => r.matches('div[class*="-DivCommentItemWrapper"]'));
    const replies = doc.querySelector('div[class*="-DivReplyContainer"]')!;
    expect(tiktok.answersShownAfter!(roots[0]!)).toEqual([replies]);
    expect(tiktok.answersShownAfter!(roots[1]!)).toEqual([replies]);
    // A thread without replies has none.
    expect(tiktok.answersShownAfter!(roots[3]!)).toBeUndefined();
  });

  it('reads search results: the caption line, by the video its card links and the author its user link names', () => {
    const user = (who: string) => `<a data-e2e="search-card-user-link" href="/@${who}"><p data-e2e="search-card-user-unique-id">${who}</p></a><strong>12.3K</strong>`;
    const card = (video: string, caption: string, who: string, inside = true, item = 'search_top-item') =>
      `<div class="css-1-DivItemContainerForSearch"><div data-e2e="${item}"><a href="https://www.tiktok.com/${video}"><img alt=""></a></div>` +
      `<div data-e2e="search-card-desc"><div data-e2e="search-card-video-caption"><h1><span>${caption}</span></h1></div>${inside ? user(who) : ''}</div>${inside ? '' : `<div>${user(who)}</div>`}</div>`;
    const doc = page(
      `<div data-e2e="search_top-item-list">${card('@angryflyer22/video/7481111111111111111', 'Acme Air lost my bag AGAIN #acmefail', 'angryflyer22')}` +
        card('@acmeair/video/7482222222222222222', 'Lisbon 🌞', 'acmeair', false, 'search_video-item') +
        // A card whose user link names someone else than its video's author, and one linking two videos: not read.
        card('@someone/video/7483333333333333333', 'Acme Air again', 'other') +
        card('@maya/video/7484444444444444444"></a><a href="https://www.tiktok.com/@maya/video/7485555555555555555', 'Acme Air', 'maya') +
        '</div>',
      'https://www.tiktok.com/search?q=acme%20air',
    );
    const posts = read(doc);
    expect(posts[0]).toEqual({
      platform: 'tiktok',
      id: '7481111111111111111',
      url: 'https://www.tiktok.com/@angryflyer22/video/7481111111111111111',
      author: { handle: 'angryflyer22', profileUrl: 'https://www.tiktok.com/@angryflyer22' },
      text: 'Acme Air lost my bag AGAIN #acmefail',
      isReply: false,
      publishedAt: expect.any(String),
    });
    expect(posts.slice(1).map((p) => p && [p.id, p.author.handle, p.text])).toEqual([['7482222222222222222', 'acmeair', 'Lisbon 🌞'], undefined, undefined]);
    const roots = postRoots(tiktok, doc);
    expectPeekAgrees(tiktok, roots);
    expect(roots.map((r) => tiktok.findReplyBox(r))).toEqual([undefined, undefined, undefined, undefined]);
    // A photo post's card links /photo/<id> (search scrapers of 2026 match both).
    const photo = page(`<div data-e2e="search_top-item-list">${card('@tomtravels/photo/7519234567890123456', 'Nine hours at LIS #acmefail', 'tomtravels')}</div>`, 'https://www.tiktok.com/search?q=acmefail');
    expect(read(photo)).toEqual([expect.objectContaining({ id: '7519234567890123456', url: 'https://www.tiktok.com/@tomtravels/photo/7519234567890123456', text: 'Nine hours at LIS #acmefail' })]);
  });

  it("reads a feed card of 2025 whose creator is the link around its unique id (pakCoder11/alpha-scraper's saved search page, reduced)", () => {
    const card =
      '<article data-e2e="recommend-list-item-container"><div class="css-1-DivContentFlexLayout"><section data-e2e="feed-video" class="css-x-5e6d46e3--SectionMediaCardContainer">' +
      '<div class="css-2-BasePlayerContainer"><div id="xgwrapper-0-7507673491211029803"></div><div class="css-3-5e6d46e3--DivMediaCardBottom"><div class="css-4-5e6d46e3--DivAuthorContentWrapper">' +
      '<div class="css-5-5e6d46e3--DivAuthorContainer"><a class="css-6-5e6d46e3--StyledAuthorAnchor" href="/@maya.travels"><h3 data-e2e="video-author-uniqueid">maya.travels</h3><span> · </span>5-23</a></div>' +
      '<div class="css-7-5e6d46e3--DivDescriptionWrapper"><div data-e2e="video-desc"><span>Day 6 without my bag, thanks Acme Air</span></div></div></div></div></div></section></div></article>';
    expect(read(page(card, 'https://www.tiktok.com/foryou'))).toEqual([
      {
        platform: 'tiktok',
        id: '7507673491211029803',
        url: 'https://www.tiktok.com/@maya.travels/video/7507673491211029803',
        author: { handle: 'maya.travels', profileUrl: 'https://www.tiktok.com/@maya.travels' },
        text: 'Day 6 without my bag, thanks Acme Air',
        isReply: false,
        publishedAt: expect.any(String),
      },
    ]);
  });

  const holder = (username: string) =>
    `<div class="css-1qjw4dg-DivContentContainer"><div class="css-1nst91u-DivMainContent"><a href="/@acme"><span data-e2e="browse-username">${username}</span>` +
    `<span data-e2e="browser-nickname"><span>Acme Air</span><span>·</span><span>1-8</span></span></a>` +
    `<h1 data-e2e="browse-video-desc"><span>Boarding in 15 minutes? #acmeair</span></h1></div></div>`;

  it("reads a description without its wrapper, from the block holding it and the author's username, for that author's video only", () => {
    const [post] = read(page(holder('acme')));
    expect(post).toEqual({
      platform: 'tiktok',
      id: VIDEO_ID,
      url: AT,
      author: { handle: 'acme', name: 'Acme Air', profileUrl: 'https://www.tiktok.com/@acme' },
      text: 'Boarding in 15 minutes? #acmeair',
      publishedAt: '2024-03-15T10:59:44.000Z',
      isReply: false,
    });
    expectPeekAgrees(tiktok, postRoots(tiktok, page(holder('acme'))));
    expect(tiktok.overlayAnchor(postRoots(tiktok, page(holder('acme')))[0]!)!.querySelector('[data-e2e="browse-username"]')).not.toBeNull();
    // Another author's video, or no username to tell the author by: not read.
    expect(read(page(holder('acme'), `https://www.tiktok.com/@someone.else/video/${VIDEO_ID}`))).toEqual([undefined]);
    const nameless = page(holder('acme'));
    nameless.querySelector('[data-e2e="browse-username"]')!.remove();
    expect(postRoots(tiktok, nameless)).toHaveLength(0);
  });

  it("reads a wrapper's description once: a block inside it holding both is part of it, never a second post", () => {
    // Real pages keep the username apart from the description's own block, so this is a page TikTok does not make.
    const doc = page(`<div class="css-pcqxr7-DivDescriptionContentWrapper">${holder('acme')}</div>`);
    expect(postRoots(tiktok, doc).map((r) => tiktok.extractPost(r)?.id)).toEqual([VIDEO_ID, undefined]);
    expect(postRoots(tiktok, doc)[0]!.className).toBe('css-pcqxr7-DivDescriptionContentWrapper');
  });

  it('reads a username shown with its "@"', () => {
    expect(read(page(holder('@acme')))[0]).toMatchObject({ id: VIDEO_ID, author: { handle: 'acme', name: 'Acme Air' } });
    const wrapped = page(`<div class="css-1u3jkat-5e6d46e3--DivDescriptionContentWrapper"><a href="/@acme"><span data-e2e="browse-username">@acme</span></a><div data-e2e="browse-video-desc">Packing hacks</div></div>`);
    expect(read(wrapped)[0]).toMatchObject({ id: VIDEO_ID, author: { handle: 'acme' }, text: 'Packing hacks' });
    expectPeekAgrees(tiktok, postRoots(tiktok, wrapped));
  });

  const card = (uniqueId: string, links: string) =>
    `<div data-e2e="recommend-list-item-container" class="css-1rn8p5t-DivItemContainer"><a data-e2e="video-author-avatar" href="/@${uniqueId}"><img alt=""></a>` +
    `<div class="css-1gd4w3v-DivContentContainer"><div class="css-1jktkk5-DivAuthorContainer"><a href="/@${uniqueId}"><h3 data-e2e="video-author-uniqueid">${uniqueId}</h3><h4 data-e2e="video-author-nickname">Nina 🌴</h4></a></div>` +
    `<div data-e2e="video-desc"><span>Acme Air lost my bag AGAIN 😤 </span><a href="/@acme/video/7391234567890123456">this one</a></div>${links}</div></div>`;
  const FOR_YOU = 'https://www.tiktok.com/foryou';

  it('reads a For You card of 2023–2024 by its own link to a video of the author its unique id names', () => {
    const doc = page(card('nomad.nina', '<a href="/@nomad.nina/video/7391299999999999999"><video></video></a>'), FOR_YOU);
    expect(read(doc)).toEqual([
      {
        platform: 'tiktok',
        id: '7391299999999999999',
        url: 'https://www.tiktok.com/@nomad.nina/video/7391299999999999999',
        author: { handle: 'nomad.nina', name: 'Nina 🌴', profileUrl: 'https://www.tiktok.com/@nomad.nina' },
        text: 'Acme Air lost my bag AGAIN 😤 this one',
        publishedAt: '2024-07-14T01:38:56.000Z',
        isReply: false,
      },
    ]);
    const [root] = postRoots(tiktok, doc);
    expect(tiktok.getPostId(root!)).toBe('7391299999999999999');
    expectPeekAgrees(tiktok, [root!]);
    expect(tiktok.overlayAnchor(root!)!.querySelector('h3')).not.toBeNull();
    expect(tiktok.findReplyBox(root!)).toBeUndefined();
    // Its player names it too.
    expect(read(page(card('nomad.nina', '<div id="xgwrapper-0-7391299999999999999"></div>'), FOR_YOU))[0]?.id).toBe('7391299999999999999');
  });

  it("skips a For You card whose links name no video of its author, or two videos", () => {
    // Only the description's link, to another author's video: not the card's.
    expect(read(page(card('nomad.nina', ''), FOR_YOU))).toEqual([undefined]);
    expect(read(page(card('nomad.nina', '<a href="/@someone.else/video/7391299999999999999"></a>'), FOR_YOU))).toEqual([undefined]);
    expect(read(page(card('nomad.nina', '<a href="/@nomad.nina/video/7391299999999999999"></a><div id="xgwrapper-0-7391288888888888888"></div>'), FOR_YOU))).toEqual([undefined]);
  });
});
