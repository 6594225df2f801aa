import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostSchema, type Post } from '../schemas/post';
import { fillReplyBox } from '../dom/fill-reply';
import { linkedin } from './linkedin';

function load(): Document {
  const doc = document.implementation.createHTMLDocument('linkedin');
  doc.documentElement.innerHTML = readFileSync('test/fixtures/linkedin/feed.html', 'utf8');
  return doc;
}

const P1 = 'urn:li:activity:7327995573705037447';
const UGC = '7327995571849071886';
const C1 = `urn:li:comment:(ugcPost:${UGC},7328007866267319481)`;
const R1 = `urn:li:comment:(ugcPost:${UGC},7328014817822883002)`;
const R2 = `urn:li:comment:(ugcPost:${UGC},7328018447489678523)`;
const C2 = `urn:li:comment:(ugcPost:${UGC},7328009996512378044)`;
const BROKEN_COMMENT = `urn:li:comment:(ugcPost:${UGC},7328011124738211006)`;

/** What the first read must give for a post: its own text and the text it quotes, and its author. */
function firstRead(post: Post) {
  return { text: [post.text, post.quoted?.text].filter(Boolean).join('\n'), authorHandle: post.author.handle };
}

describe('LinkedIn adapter', () => {
  const doc = load();
  const roots = [...doc.querySelectorAll(linkedin.postSelector)];
  const byId = new Map(roots.map((r) => [linkedin.getPostId(r), r]));
  const root = (id: string) => byId.get(id)!;
  const post = (id: string) => linkedin.extractPost(root(id));

  it('finds every post and comment root and reads those it understands', () => {
    expect(roots).toHaveLength(17);
    expect(roots.filter((r) => r.matches('div.feed-shared-update-v2'))).toHaveLength(11);
    expect(roots.filter((r) => r.matches('article'))).toHaveLength(6);
    const posts = roots.map((r) => linkedin.extractPost(r));
    expect(posts.filter(Boolean)).toHaveLength(14);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    // getPostId agrees with the id extractPost reports, and every root has one.
    roots.forEach((r, i) => {
      expect(linkedin.getPostId(r)).toBeTruthy();
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
      inReplyTo: 'kim-ito-88a1b2',
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

  it('reads a comment in the older comments UI (article.comments-comment-item)', () => {
    const id = 'urn:li:comment:(activity:7325519708160777003,7325809803004067005)';
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
    // Promoted: still a real activity with a permalink; the "Promoted" label is not a time.
    expect(post('urn:li:activity:7322560207258377008')).toMatchObject({
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
    const fresh = load();
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

  it('returns a box the shared filler can type into', () => {
    // Filling needs a live window (selection, input events): use the test window's document.
    document.body.replaceChildren(document.importNode(root(P1), true));
    const box = linkedin.findReplyBox(document.body.firstElementChild!)!;
    expect(fillReplyBox(box, 'Sorry to hear that, Maya. We have sent you a DM.')).toBe(true);
    expect(box.textContent).toContain('Sorry to hear that, Maya.');
    document.body.replaceChildren();
  });
});
