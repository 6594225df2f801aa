import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Post } from '../schemas/post';
import { youtube } from './youtube';

function read(name: string) {
  const doc = document.implementation.createHTMLDocument('youtube');
  doc.documentElement.innerHTML = readFileSync(`test/fixtures/youtube/${name}.html`, 'utf8');
  const roots = [...doc.querySelectorAll(youtube.postSelector)];
  return { doc, roots, posts: roots.map((r) => youtube.extractPost(r)) };
}

/** What the first read must give for a post: its own text and the text it quotes, and its author. */
function firstRead(post: Post) {
  return { text: [post.text, post.quoted?.text].filter(Boolean).join('\n'), authorHandle: post.author.handle };
}

/**
 * The first read agrees with the full read: the post's own text and what it quotes, the same handle,
 * and nothing for what is skipped.
 */
function expectPeekAgrees(roots: Element[]) {
  for (const root of roots) {
    const post = youtube.extractPost(root);
    expect(youtube.peek!(root)).toEqual(post ? firstRead(post) : undefined);
  }
}

const VIDEO = 'k3Yq9wAcm3E';
const TOP = 'UgzQ4mKx7TnB2vR9Wd54AaABAg';

describe('YouTube adapter, watch page comments', () => {
  const { doc, roots, posts } = read('watch');

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(roots));

  it('finds every comment and reply, never a whole thread, and reads those it understands', () => {
    expect(roots).toHaveLength(9);
    expect(roots.every((r) => r.localName === 'ytd-comment-view-model' || r.localName === 'ytd-comment-renderer')).toBe(true);
    expect(doc.querySelectorAll('ytd-comment-thread-renderer')).toHaveLength(7);
    expect(posts.filter(Boolean)).toHaveLength(7);
    const ids = posts.flatMap((p) => (p ? [p.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads every field of a top-level comment: lc id, watch permalink, @handle, emoji, hashtag', () => {
    expect(posts[0]).toEqual({
      platform: 'youtube',
      id: TOP,
      url: `https://www.youtube.com/watch?v=${VIDEO}&lc=${TOP}`,
      author: { handle: 'mayachen', profileUrl: 'https://www.youtube.com/@mayachen' },
      text: 'Third time I ask: my order from @AcmeAir never arrived and support is useless 😡 #acmefail',
      isReply: true,
      inReplyTo: 'SkyWanderer',
      threadId: VIDEO,
    });
  });

  it('reads every field of a nested reply and whom it answers', () => {
    const id = `${TOP}.A3xYkT1bQ9wA3xZp0LmN2c`;
    expect(posts[1]).toEqual({
      platform: 'youtube',
      id,
      url: `https://www.youtube.com/watch?v=${VIDEO}&lc=${id}`,
      author: { handle: 'AcmeAir', profileUrl: 'https://www.youtube.com/@AcmeAir' },
      text: '@mayachen Sorry about that! Please DM us your order number so we can look into it.',
      isReply: true,
      inReplyTo: 'mayachen',
      threadId: VIDEO,
    });
    expect(posts[2]).toMatchObject({ author: { handle: 'mayachen' }, inReplyTo: 'AcmeAir', text: '@AcmeAir DM sent two days ago, still nothing #acmefail' });
  });

  it("reads the channel owner's comment from the creator badge", () => {
    expect(posts[3]).toEqual({
      platform: 'youtube',
      id: 'Ugw8bVn2LpQz5kXe1Hd4AaABAg',
      url: `https://www.youtube.com/watch?v=${VIDEO}&lc=Ugw8bVn2LpQz5kXe1Hd4AaABAg`,
      author: { handle: 'SkyWanderer', profileUrl: 'https://www.youtube.com/@SkyWanderer' },
      text: 'Thanks for watching! Flew Acme Air for this one, the lounge tour starts at 12:40',
      isReply: true,
      threadId: VIDEO,
    });
  });

  it('reads a Portuguese comment, keeps line breaks, and turns custom emoji into their names', () => {
    expect(posts[4]!.text).toBe('A Acme Air cancelou meu voo sem aviso. Alguém conseguiu reembolso?');
    expect(posts[5]!.text).toBe('Great editing! :face-blue-smiling:\nWhat camera do you use?');
  });

  it('reads the older ytd-comment-renderer markup the same way', () => {
    expect(roots[6]!.localName).toBe('ytd-comment-renderer');
    expect(posts[6]).toMatchObject({
      id: 'UgzL1nV7cQ4xP8dR6e54AaABAg',
      author: { handle: 'tbecker' },
      text: 'Acme Air’s new app is great, check-in took 30 seconds 🙌',
      threadId: VIDEO,
    });
  });

  it('skips a renderer YouTube has not filled in yet, and reads it once it has', () => {
    const empty = roots[7]!;
    expect(youtube.getPostId(empty)).toBeUndefined();
    expect(posts[7]).toBeUndefined();
    // No first read either, so that the scanner does not set it aside as read.
    expect(youtube.peek!(empty)).toBeUndefined();
    empty.querySelector('#author-text')!.setAttribute('href', '/@latecomer');
    empty.querySelector('#published-time-text a')!.setAttribute('href', `/watch?v=${VIDEO}&lc=UgxLateComer0000000004AaABAg`);
    expect(youtube.extractPost(empty)).toBeUndefined(); // links, but still no text
    empty.querySelector('#content-text')!.textContent = 'Finally loaded';
    expect(youtube.extractPost(empty)).toMatchObject({ id: 'UgxLateComer0000000004AaABAg', author: { handle: 'latecomer' }, text: 'Finally loaded' });
    expect(youtube.peek!(empty)).toEqual({ text: 'Finally loaded', authorHandle: 'latecomer' });
  });

  it('skips a comment whose time link lost its lc= id', () => {
    expect(youtube.getPostId(roots[8]!)).toBeUndefined();
    expect(posts[8]).toBeUndefined();
  });

  it('anchors the overlay in the header row of the comment itself', () => {
    const anchor = youtube.overlayAnchor(roots[0]!)!;
    expect(anchor.id).toBe('header-author');
    expect(anchor.closest(youtube.postSelector)).toBe(roots[0]);
  });

  it("finds the open reply box in the reply's own dialog, and none elsewhere", () => {
    const box = youtube.findReplyBox(roots[2]!);
    expect(box).toBe(doc.querySelector('ytd-comment-reply-dialog-renderer #contenteditable-root'));
    expect(box?.getAttribute('contenteditable')).toBe('true');
    // The thread's top comment contains the replies, but the open box belongs to the reply.
    expect(youtube.findReplyBox(roots[0]!)).toBeUndefined();
    expect(youtube.findReplyBox(roots[1]!)).toBeUndefined();
  });
});

describe('YouTube adapter, community posts', () => {
  const { roots, posts } = read('posts');

  it('gives a first read that agrees with the full read', () => expectPeekAgrees(roots));

  it('finds every post and reads those that are filled in', () => {
    expect(roots).toHaveLength(3);
    expect(posts.filter(Boolean)).toHaveLength(2);
  });

  it('reads every field of a post and keeps the video it shares apart', () => {
    expect(posts[0]).toEqual({
      platform: 'youtube',
      id: 'UgkxR3p9Qm7vT2cX8bLw1nZk4yHs6dJe0aFq',
      url: 'https://www.youtube.com/post/UgkxR3p9Qm7vT2cX8bLw1nZk4yHs6dJe0aFq',
      author: { handle: 'SkyWanderer', name: 'Sky Wanderer', profileUrl: 'https://www.youtube.com/@SkyWanderer' },
      text: 'Flying with them again next week. What should I review this time? #avgeek',
      quoted: { author: 'AcmeAir', text: 'Acme Air A321neo business class review', url: 'https://www.youtube.com/watch?v=Zr8tA1cMe2Q' },
      isReply: false,
      threadId: 'UgkxR3p9Qm7vT2cX8bLw1nZk4yHs6dJe0aFq',
    });
  });

  it("counts a shared video's title in the first read, which decides whether a brand is named", () => {
    expect(youtube.peek!(roots[0]!)).toEqual({
      text: 'Flying with them again next week. What should I review this time? #avgeek\nAcme Air A321neo business class review',
      authorHandle: 'SkyWanderer',
    });
  });

  it("reads an image-only post with empty text, not the image's alt text", () => {
    expect(posts[1]).toMatchObject({ id: 'UgkxW8m2Nq4rB7tY1cVz9pLd3sKf6hJg5eXa', text: '', quoted: undefined, isReply: false });
    expect(posts[2]).toBeUndefined();
  });

  it('anchors the overlay next to the author and has no reply box', () => {
    expect(youtube.overlayAnchor(roots[0]!)?.id).toBe('author');
    expect(youtube.findReplyBox(roots[0]!)).toBeUndefined();
  });
});

describe('YouTube adapter on markup it does not know', () => {
  it('returns undefined and never throws', () => {
    const doc = document.implementation.createHTMLDocument('junk');
    doc.body.innerHTML = [
      '<ytd-comment-view-model></ytd-comment-view-model>',
      '<ytd-comment-view-model><a id="author-text" href="/@x"></a><span id="published-time-text"><a href="https://evil.example/watch?v=k3Yq9wAcm3E&lc=UgzQ4mKx7TnB2vR9Wd54AaABAg">x</a></span><div id="content-text">hi</div></ytd-comment-view-model>',
      '<ytd-comment-view-model><a id="author-text" href="/@%E0%A4%A"></a><span id="published-time-text"><a href="/watch?v=k3Yq9wAcm3E&lc=UgzQ4mKx7TnB2vR9Wd54AaABAg">x</a></span><div id="content-text">hi</div></ytd-comment-view-model>',
      '<ytd-comment-view-model><a id="author-text" href="/@x"></a><span id="published-time-text"><a href="/watch?v=short&lc=UgzQ4mKx7TnB2vR9Wd54AaABAg">x</a></span><div id="content-text">hi</div></ytd-comment-view-model>',
      '<ytd-comment-renderer><a id="author-text" href="javascript:alert(1)"></a><span class="published-time-text"><a href="http://[bad">x</a></span></ytd-comment-renderer>',
      '<ytd-backstage-post-renderer><a id="author-text" href="/@x"></a><span id="published-time-text"><a href="/post/not-a-post">x</a></span></ytd-backstage-post-renderer>',
    ].join('');
    const roots = [...doc.querySelectorAll(youtube.postSelector)];
    expect(roots).toHaveLength(6);
    for (const r of roots) {
      expect(() => youtube.extractPost(r)).not.toThrow();
      expect(() => youtube.findReplyBox(r)).not.toThrow();
      expect(() => youtube.overlayAnchor(r)).not.toThrow();
      expect(youtube.extractPost(r)).toBeUndefined();
    }
    expect(youtube.extractPost(doc.createElement('div'))).toBeUndefined();
  });
});
