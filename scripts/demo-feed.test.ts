import { describe, expect, it } from 'vitest';
import { compileBrands } from '../lib/match';
import { BrandListSchema } from '../lib/schemas/brand';
import { x } from '../lib/sites/x';
import { DEMO_BRANDS, renderDemoFeed } from './demo-feed';

describe('demo feed', () => {
  it('is read by the X adapter and mentions the demo brands', () => {
    const doc = document.implementation.createHTMLDocument('demo');
    doc.documentElement.innerHTML = renderDemoFeed(Date.parse('2026-01-01T12:00:00Z'));
    const posts = [...doc.querySelectorAll(x.postSelector)].map((el) => x.extractPost(el));
    expect(posts.every(Boolean)).toBe(true);
    expect(posts).toHaveLength(7);
    expect(posts[0]!.publishedAt).toBe('2026-01-01T10:25:00.000Z');
    const matcher = compileBrands(BrandListSchema.parse(DEMO_BRANDS));
    const mentioning = posts.filter((p) => matcher.match(p!.text).mentions.length > 0);
    expect(mentioning.map((p) => p!.author.handle)).toEqual(['mayachen_', 'tbecker', 'samortiz', 'ninarossi', 'priya_n']);
  });
});
