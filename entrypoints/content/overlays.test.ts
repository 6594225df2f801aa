import { describe, expect, it, vi } from 'vitest';
import type { AnalyzedPost } from '../../lib/analyze';
import type { PostDetails } from '../../lib/analyze-detail';
import type { Post } from '../../lib/schemas/post';
import { x } from '../../lib/sites/x';
import { Overlays, POST_ATTR } from './overlays';

const analysis: AnalyzedPost = {
  sentiment: 'negative',
  score: -0.6,
  brands: ['Acme Air'],
  competitorBrands: [],
  intents: [],
  urgency: 0,
  urgencyReasons: [],
  language: 'unknown',
  privateData: [],
  ownBrand: false,
  detailed: false,
};

const post = (i: number): Post => ({
  platform: 'x',
  id: String(i),
  url: `https://x.com/maya/status/${i}`,
  author: { handle: 'maya' },
  text: `Lost bag again #${i}`,
  isReply: false,
});

const complaint: PostDetails = { intents: ['complaint'], urgency: 2, urgencyReasons: ['lost baggage'], language: 'en', privateData: [] };

function page(n: number): Element[] {
  document.body.innerHTML = '';
  return Array.from({ length: n }, () => document.body.appendChild(document.createElement('article')));
}

describe('overlays', () => {
  it('asks for the details of every overlay attached in one task in messages of at most 200, and shows them when they come', async () => {
    const roots = page(450);
    const details = vi.fn(async (posts: Array<{ key: string; text: string }>) => Object.fromEntries(posts.map((p) => [p.key, complaint])));
    const overlays = new Overlays(x, { targetMinutes: 60, onOpen: () => undefined, details });
    roots.forEach((root, i) => overlays.attach(root, post(i), analysis));
    expect(details).not.toHaveBeenCalled(); // asked together once the task's attaching is done
    await vi.waitFor(() => expect(roots.at(-1)!.querySelector('firstreply-overlay')!.getAttribute('data-urgency')).toBe('2'));
    expect(details.mock.calls.map(([posts]) => posts.length)).toEqual([200, 200, 50]);
    expect(details.mock.calls[0]![0][0]).toEqual({ key: 'x:0', text: 'Lost bag again #0' });
    const host = roots[0]!.querySelector('firstreply-overlay')!;
    expect(roots[0]!.getAttribute(POST_ATTR)).toBe('x:0');
    expect(host.getAttribute('data-intents')).toBe('complaint');
    expect([...host.shadowRoot!.querySelectorAll('.fr-chip')].map((c) => c.textContent)).toEqual(['Acme Air', 'Urgent', 'Complaint']);
    overlays.dispose();
  });

  it('leaves an overlay as it is when its details cannot be read, or when it left the page first', async () => {
    const roots = page(2);
    let answer!: (d: Record<string, PostDetails>) => void;
    const details = vi.fn(() => new Promise<Record<string, PostDetails>>((r) => (answer = r)));
    const overlays = new Overlays(x, { targetMinutes: 60, onOpen: () => undefined, details });
    overlays.attach(roots[0]!, post(0), analysis);
    overlays.attach(roots[1]!, post(1), analysis);
    await vi.waitFor(() => expect(details).toHaveBeenCalledTimes(1));
    const gone = roots[1]!.querySelector('firstreply-overlay')!;
    roots[1]!.remove();
    answer({ 'x:1': complaint }); // nothing for x:0
    await new Promise((r) => setTimeout(r, 0));
    expect(roots[0]!.querySelector('firstreply-overlay')!.hasAttribute('data-urgency')).toBe(false);
    expect(gone.hasAttribute('data-urgency')).toBe(false);
    overlays.dispose();
  });
});
