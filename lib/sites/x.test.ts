import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Post } from '../schemas/post';
import { x } from './x';

function load(): Document {
  const doc = document.implementation.createHTMLDocument('x');
  doc.documentElement.innerHTML = readFileSync('test/fixtures/x/timeline.html', 'utf8');
  return doc;
}

/** What the first read must give for a post: its own text and the text it quotes, and its author. */
function firstRead(post: Post) {
  return { text: [post.text, post.quoted?.text].filter(Boolean).join('\n'), authorHandle: post.author.handle };
}

describe('X adapter', () => {
  const doc = load();
  const roots = [...doc.querySelectorAll(x.postSelector)];
  const posts = roots.map((r) => x.extractPost(r));

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

  it('counts the quoted post in the first read, which decides whether a brand is named', () => {
    expect(x.peek!(roots[5]!)).toEqual({
      text: 'Switched to SkyJet and honestly never looking back\nWe are updating our baggage policy.',
      authorHandle: 'ninarossi',
    });
  });

  it('peeks at the text (its own and what it quotes) and author the full read gives', () => {
    roots.forEach((root, i) => {
      const post = posts[i];
      if (!post) return;
      const peek = x.peek!(root)!;
      expect(peek.text).toBe(firstRead(post).text);
      // The first read takes the handle from the author line, the full read from the permalink.
      expect(peek.authorHandle?.toLowerCase()).toBe(post.author.handle.toLowerCase());
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
