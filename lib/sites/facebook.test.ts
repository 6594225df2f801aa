import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostSchema, type Post } from '../schemas/post';
import { fillReplyBox } from '../dom/fill-reply';
import { facebook } from './facebook';

function load(): Document {
  const doc = document.implementation.createHTMLDocument('facebook');
  doc.documentElement.innerHTML = readFileSync('test/fixtures/facebook/feed.html', 'utf8');
  return doc;
}

const F1 = 'pfbid02Xq3kR7bTn8vJ5wYpD1cH6mLzA9sEfG4uKiNoQrBtVxWy2jZ3aMbC5dE7fHgJkLl';
const F1_URL = `https://www.facebook.com/maya.chen.77/posts/${F1}`;
const C1 = '1198765432109876';
const R1 = '987654321098765';
const R2 = '1023456789012345';
const C2 = '1234509876543210';

/** What the first read must give for a post: its own text and the text it quotes, and its author. */
function firstRead(post: Post) {
  return { text: [post.text, post.quoted?.text].filter(Boolean).join('\n'), authorHandle: post.author.handle };
}

describe('Facebook adapter', () => {
  const doc = load();
  const roots = [...doc.querySelectorAll(facebook.postSelector)];
  const stories = roots.filter((r) => r.hasAttribute('aria-posinset'));
  const storyAt = (n: number) => stories.find((r) => r.getAttribute('aria-posinset') === String(n))!;
  const byId = new Map(roots.map((r) => [facebook.getPostId(r), r]));
  const root = (id: string) => byId.get(id)!;
  const post = (id: string) => facebook.extractPost(root(id));

  it('finds every story and comment root and reads those with a stable id', () => {
    expect(roots).toHaveLength(16);
    expect(stories).toHaveLength(12);
    const posts = roots.map((r) => facebook.extractPost(r));
    expect(posts.filter(Boolean)).toHaveLength(12);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    roots.forEach((r, i) => expect(facebook.getPostId(r)).toBe(posts[i]?.id));
    for (const p of posts) if (p) expect(PostSchema.safeParse(p).success).toBe(true);
  });

  it('reads every field of a story: profile path, clean permalink, paragraphs, emoji, no "See more"', () => {
    expect(post(F1)).toEqual({
      platform: 'facebook',
      id: F1,
      url: F1_URL,
      author: { handle: 'maya.chen.77', name: 'Maya Chen', profileUrl: 'https://www.facebook.com/maya.chen.77' },
      // Facebook cuts long stories and shows "See more"; the cut stays visible as "…".
      text:
        'Third flight this month delayed and Acme Air support keeps closing my ticket 😡\n' +
        'Still waiting on the refund for AC 2291. #acmefail Honestly the worst part is that nobody answers the…',
      isReply: false,
    });
    // Facebook only shows "2h": no honest absolute time.
    expect(post(F1)!.publishedAt).toBeUndefined();
  });

  it('reads every field of a nested reply: comment ids from its permalink, parent, thread', () => {
    expect(post(R1)).toEqual({
      platform: 'facebook',
      id: R1,
      url: `${F1_URL}?comment_id=${C1}&reply_comment_id=${R1}`,
      author: { handle: 'AcmeAir', name: 'Acme Air', profileUrl: 'https://www.facebook.com/AcmeAir' },
      text: "Dana Reyes we're sorry to hear this. Please send us a message with your booking reference and we'll look into it right away.",
      isReply: true,
      inReplyTo: 'dana.reyes.5',
      threadId: F1,
    });
  });

  it('marks comments as replies: to the story author at the top level, to the thread when nested', () => {
    expect(post(C1)).toEqual({
      platform: 'facebook',
      id: C1,
      url: `${F1_URL}?comment_id=${C1}`,
      author: { handle: 'dana.reyes.5', name: 'Dana Reyes', profileUrl: 'https://www.facebook.com/dana.reyes.5' },
      text: 'Same thing happened to me with Acme Air last week 😤 two hours on hold and nothing',
      isReply: true,
      inReplyTo: 'maya.chen.77',
      threadId: F1,
    });
    expect(post(R2)).toMatchObject({ author: { handle: 'maya.chen.77' }, inReplyTo: 'dana.reyes.5', text: 'Same, still no answer to my DM 🙄' });
    expect(post(C2)).toMatchObject({ author: { handle: 'kim.ito.3' }, inReplyTo: 'maya.chen.77' });
    // The story's own text and link do not come from its comments.
    expect(post(F1)!.text).not.toContain('two hours on hold');
  });

  it('reads profile.php authors with permalink.php links, and group posts', () => {
    expect(facebook.extractPost(storyAt(2))).toMatchObject({
      id: 'pfbid0Ab3Cd5Ef7Gh9Ij1Kl3Mn5Op7Qr9St1Uv3Wx5Yz7Ab9Cd1Ef3Gh5Ij7Kl9Mn1Opl',
      url: 'https://www.facebook.com/permalink.php?story_fbid=pfbid0Ab3Cd5Ef7Gh9Ij1Kl3Mn5Op7Qr9St1Uv3Wx5Yz7Ab9Cd1Ef3Gh5Ij7Kl9Mn1Opl&id=100012345678901',
      author: { handle: '100012345678901', name: 'Tom Becker', profileUrl: 'https://www.facebook.com/profile.php?id=100012345678901' },
      text: 'Huge thanks to the Acme Air crew on my Lisbon flight this morning, the new app check-in took 30 seconds 🙌',
    });
    expect(facebook.extractPost(storyAt(3))).toMatchObject({
      id: '1876543210987654',
      url: 'https://www.facebook.com/groups/987654321012345/posts/1876543210987654/',
      author: { handle: '100004455667788', name: 'Lisa Park' },
      text: 'Baking an apple pie tonight, anyone have a good crust recipe?',
    });
  });

  it("keeps a shared story apart from the sharer's words", () => {
    const p = facebook.extractPost(storyAt(5))!;
    expect(p).toMatchObject({ author: { handle: 'nina.rossi.9' }, text: 'Switched to SkyJet and honestly never looking back' });
    expect(p.url).toBe('https://www.facebook.com/nina.rossi.9/posts/pfbid0Nr4sT6uV8wX1yZ3aB5cD7eF9gH2iJ4kL6mN8oP1qR3sT5uV7wX9yZ2aB4cD6eFl');
    expect(p.quoted).toEqual({
      author: 'AcmeAir',
      text: 'We are updating our baggage policy. Details below 👇',
      url: 'https://www.facebook.com/AcmeAir/posts/pfbid02kW7mQ1xZ9pL3vB5nC8rT4yH6jF2dS0gA7uE1iO3wY5tR9qM4eN6bV8cX2zKl',
    });
  });

  it('counts the shared story in the first read, which decides whether a brand is named', () => {
    expect(facebook.peek!(storyAt(5))).toEqual({
      text: 'Switched to SkyJet and honestly never looking back\nWe are updating our baggage policy. Details below 👇',
      authorHandle: 'nina.rossi.9',
    });
  });

  it('does not take a link card heading for a shared story', () => {
    const story = storyAt(2).cloneNode(true) as Element;
    const card = doc.createElement('div');
    card.innerHTML =
      '<a href="https://l.facebook.com/l.php?u=https%3A%2F%2Fnews.example%2Facme" role="link"><div data-ad-rendering-role="meta"><span>news.example</span></div>' +
      '<h3><a href="https://l.facebook.com/l.php?u=https%3A%2F%2Fnews.example%2Facme">Acme Air adds 14 routes</a></h3></a>';
    story.querySelector('[data-ad-rendering-role="story_message"]')!.after(card);
    const p = facebook.extractPost(story)!;
    expect(p.quoted).toBeUndefined();
    expect(p.author.handle).toBe('100012345678901');
  });

  it('reads a share of content that is no longer available, without a quote', () => {
    const p = facebook.extractPost(storyAt(6))!;
    expect(p.text).toBe("This was the best thread about airline refunds, now it's gone?");
    expect(p.quoted).toBeUndefined();
  });

  it('reads photo-only, Spanish and the brand page stories', () => {
    expect(facebook.extractPost(storyAt(7))).toMatchObject({ author: { handle: 'raj.patel.photo' }, text: '' });
    expect(facebook.extractPost(storyAt(8))!.text).toBe('Acme Air me ha perdido la maleta otra vez. Tres días sin equipaje en Lisboa y nadie responde #acmefail');
    expect(facebook.extractPost(storyAt(4))).toMatchObject({
      author: { handle: 'AcmeAir', name: 'Acme Air' },
      text: 'Our summer schedule is live: 14 new routes from Lisbon and Madrid ✈️\nBook now at acmeair.example/summer',
    });
  });

  it('skips sponsored stories, stories without a stable id yet, and changed markup', () => {
    expect(facebook.extractPost(storyAt(9))).toBeUndefined(); // sponsored
    expect(facebook.getPostId(storyAt(9))).toBeUndefined();
    expect(facebook.extractPost(storyAt(10))).toBeUndefined(); // timestamp href="#"
    expect(facebook.extractPost(storyAt(11))).toBeUndefined(); // changed markup
  });

  it('reads a story once Facebook resolves its timestamp link', () => {
    const story = storyAt(10).cloneNode(true) as Element;
    const stamp = [...story.querySelectorAll('a[href="#"]')].find((a) => !a.closest('h4'))!;
    stamp.setAttribute('href', 'https://www.facebook.com/jonas.weber.ber/posts/pfbid0Jw4eB7rL1mN3pQ5sT7uV9wX2yZ4aB6cD8eF1gH3iJ5kL7mN9oP2qR4sT6uV8wXl?__cft__[0]=AZ&__tn__=%2CO%2CP-R');
    expect(facebook.extractPost(story)).toMatchObject({
      id: 'pfbid0Jw4eB7rL1mN3pQ5sT7uV9wX2yZ4aB6cD8eF1gH3iJ5kL7mN9oP2qR4sT6uV8wXl',
      url: 'https://www.facebook.com/jonas.weber.ber/posts/pfbid0Jw4eB7rL1mN3pQ5sT7uV9wX2yZ4aB6cD8eF1gH3iJ5kL7mN9oP2qR4sT6uV8wXl',
      author: { handle: 'jonas.weber.ber' },
      text: 'Acme Air app logged me out twice during check-in today',
    });
  });

  it('skips a loading skeleton and reads the story once Facebook fills the slot', () => {
    const slot = storyAt(12);
    expect(facebook.extractPost(slot)).toBeUndefined();
    const story = storyAt(2).cloneNode(true) as Element;
    slot.replaceChildren(...story.childNodes);
    expect(facebook.extractPost(slot)).toMatchObject({ author: { name: 'Tom Becker' } });
  });

  it('never throws on junk, and returns only valid posts', () => {
    const junk = doc.createElement('div');
    junk.setAttribute('aria-posinset', '1');
    junk.innerHTML = '<h4><a href="http://[bad">x</a></h4><a href="/x/posts/%E0%A4%A">1h</a>';
    expect(() => facebook.extractPost(junk)).not.toThrow();
    expect(facebook.extractPost(junk)).toBeUndefined();
    const comment = doc.createElement('div');
    comment.setAttribute('role', 'article');
    comment.setAttribute('aria-label', 'Comment by X');
    comment.innerHTML = '<a href="/a/posts/123456?comment_id=Y29tbWVudDo%">1h</a>';
    expect(facebook.extractPost(comment)).toBeUndefined();
    fc.assert(
      fc.property(fc.string(), fc.string(), (html, href) => {
        const el = doc.createElement('div');
        el.setAttribute('aria-posinset', '3');
        el.innerHTML = `<h4><a href="/someone">Someone</a></h4><a href="${href.replace(/"/g, '')}">1h</a>${html}`;
        const p = facebook.extractPost(el);
        expect(p === undefined || PostSchema.safeParse(p).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('peeks the text (its own and what it quotes) and author the full read gives, and nothing for slots it cannot read yet', () => {
    const fresh = load();
    const freshRoots = [...fresh.querySelectorAll(facebook.postSelector)];
    for (const r of freshRoots) {
      const p = facebook.extractPost(r);
      if (p) expect(facebook.peek!(r)).toEqual(firstRead(p));
    }
    const slot = (n: number) => freshRoots.find((r) => r.getAttribute('aria-posinset') === String(n))!;
    expect(facebook.peek!(slot(12))).toBeUndefined(); // loading skeleton
    expect(facebook.peek!(slot(11))).toBeUndefined(); // changed markup
    expect(facebook.peek!(slot(9))).toBeUndefined(); // sponsored
  });

  it('anchors the overlay inside the root, by the author line', () => {
    for (const r of roots) {
      const anchor = facebook.overlayAnchor(r)!;
      expect(r === anchor || r.contains(anchor)).toBe(true);
    }
    expect(facebook.overlayAnchor(root(F1))!.querySelector('[data-ad-rendering-role="profile_name"]')).not.toBeNull();
    expect(facebook.overlayAnchor(root(R1))!.textContent).toContain('Acme Air');
  });

  it("finds the story's comment box and a thread's open reply box, and nothing where none is open", () => {
    expect(facebook.findReplyBox(root(F1))!.getAttribute('aria-label')).toBe('Write a comment…');
    for (const id of [C1, R1, R2]) expect(facebook.findReplyBox(root(id))!.getAttribute('aria-label')).toBe('Reply to Dana Reyes');
    expect(facebook.findReplyBox(root(C2))).toBeUndefined();
    expect(facebook.findReplyBox(storyAt(2))).toBeUndefined();
  });

  it('returns a box the shared filler can type into', () => {
    document.body.replaceChildren(document.importNode(root(F1), true));
    const box = facebook.findReplyBox(document.body.firstElementChild!)!;
    expect(fillReplyBox(box, 'Hi Maya, we are sorry. Please check your messages.')).toBe(true);
    expect(box.textContent).toContain('Hi Maya, we are sorry.');
    document.body.replaceChildren();
  });
});
