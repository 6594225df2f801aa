import { describe, expect, it } from 'vitest';
import { compileBrands } from '../match';
import { BrandSchema } from '../schemas/brand';
import { readFixture } from './fixture-testing';
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
