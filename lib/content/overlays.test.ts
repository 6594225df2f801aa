import { describe, expect, it, vi } from 'vitest';
import type { PostMatch, PostReading } from '../analyze';
import type { Post } from '../schemas/post';
import { x } from '../sites/x';
import { Overlays, POST_ATTR } from './overlays';

const match: PostMatch = { brands: ['Acme Air'], competitorBrands: [], ownBrand: false };

const post = (i: number, handle = 'maya'): Post => ({
  platform: 'x',
  id: String(i),
  url: `https://x.com/${handle}/status/${i}`,
  author: { handle },
  text: `Lost bag again #${i}`,
  isReply: false,
});

const complaint: PostReading = {
  sentiment: 'negative',
  score: -0.6,
  intents: ['complaint'],
  urgency: 2,
  urgencyReasons: ['lost baggage'],
  language: 'en',
  privateData: [],
};

function page(n: number): Element[] {
  document.body.innerHTML = '';
  return Array.from({ length: n }, () => document.body.appendChild(document.createElement('article')));
}

const overlayOf = (root: Element) => root.querySelector('firstreply-overlay');
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('overlays', () => {
  it('reads the posts added in one task in messages of at most 200, and builds each overlay whole when its reading comes', async () => {
    const roots = page(450);
    const read = vi.fn(async (posts: Array<{ key: string; text: string }>) => Object.fromEntries(posts.map((p) => [p.key, complaint])));
    const overlays = new Overlays(x, { targetMinutes: 60, onOpen: () => undefined, read });
    roots.forEach((root, i) => overlays.add(root, post(i), match));
    expect(read).not.toHaveBeenCalled(); // asked together once the task's adding is done
    expect(overlayOf(roots[0]!)).toBeNull();
    await vi.waitFor(() => expect(overlayOf(roots.at(-1)!)).not.toBeNull());
    expect(read.mock.calls.map(([posts]) => posts.length)).toEqual([200, 200, 50]);
    expect(read.mock.calls[0]![0][0]).toEqual({ key: 'x:0', text: 'Lost bag again #0' });
    const host = overlayOf(roots[0]!)!;
    expect(roots[0]!.getAttribute(POST_ATTR)).toBe('x:0');
    expect(Object.fromEntries(['data-sentiment', 'data-brands', 'data-urgency', 'data-intents'].map((a) => [a, host.getAttribute(a)]))).toEqual({
      'data-sentiment': 'negative',
      'data-brands': 'Acme Air',
      'data-urgency': '2',
      'data-intents': 'complaint',
    });
    expect([...host.shadowRoot!.querySelectorAll('.fr-chip')].map((c) => c.textContent)).toEqual(['Acme Air', 'Urgent', 'Complaint']);
    expect(overlays.count).toBe(450);
    overlays.dispose();
  });

  it('annotates the inner of two roots read as one post (one inside the other), whichever is read first', async () => {
    for (const innerFirst of [false, true]) {
      const [outer] = page(1);
      const inner = outer!.appendChild(document.createElement('div'));
      const read = vi.fn(async (posts: Array<{ key: string; text: string }>) => Object.fromEntries(posts.map((p) => [p.key, complaint])));
      const overlays = new Overlays(x, { targetMinutes: 60, onOpen: () => undefined, read });
      const order = innerFirst ? [inner, outer!] : [outer!, inner];
      for (const root of order) {
        overlays.add(root, post(7), match);
        await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(order.indexOf(root) + 1));
        await tick();
      }
      expect([outer!.getAttribute(POST_ATTR), inner.getAttribute(POST_ATTR)], `inner first: ${innerFirst}`).toEqual([null, 'x:7']);
      expect(document.querySelectorAll('firstreply-overlay')).toHaveLength(1);
      expect(overlayOf(inner)).not.toBeNull();
      expect(overlays.count).toBe(1);
      overlays.dispose();
    }
  });

  it('builds no overlay for a post without a reading, one that left the page, or one taken off while it was read', async () => {
    const roots = page(3);
    const answers: Array<(d: Record<string, PostReading>) => void> = [];
    const read = vi.fn(() => new Promise<Record<string, PostReading>>((r) => answers.push(r)));
    const overlays = new Overlays(x, { targetMinutes: 60, onOpen: () => undefined, read });
    roots.forEach((root, i) => overlays.add(root, post(i), match));
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(1));
    roots[1]!.remove();
    overlays.detachAll(); // a settings change: the page is read again
    overlays.add(roots[2]!, post(2), match);
    overlays.add(roots[0]!, post(0), match);
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(2));
    answers[1]!({ 'x:2': complaint }); // nothing for x:0
    await tick();
    expect(roots.map((r) => overlayOf(r) !== null)).toEqual([false, false, true]);
    // The first message's late answer builds nothing: its posts were taken off or left the page.
    answers[0]!({ 'x:0': complaint, 'x:1': complaint, 'x:2': { ...complaint, sentiment: 'positive' } });
    await tick();
    expect(roots.map((r) => overlayOf(r) !== null)).toEqual([false, false, true]);
    expect(overlayOf(roots[2]!)!.getAttribute('data-sentiment')).toBe('negative');
    expect(overlays.count).toBe(1);
    overlays.dispose();
  });

  it('keeps through a settings change the overlays of posts that look the same, replaces those that changed, takes off the rest', async () => {
    const roots = page(3);
    let readings: PostReading[] = [complaint, complaint, complaint];
    const read = async (posts: Array<{ key: string; text: string }>) => Object.fromEntries(posts.map((p) => [p.key, readings[Number(p.key.slice(2))]!]));
    const overlays = new Overlays(x, { targetMinutes: 60, onOpen: () => undefined, read });
    roots.forEach((root, i) => overlays.add(root, post(i), match));
    await vi.waitFor(() => expect(overlays.count).toBe(3));
    const before = roots.map(overlayOf);
    // What the content script does on new settings; nothing of the first overlay, which looks the
    // same, is written again (a write that changes nothing still has the page lay it out anew).
    const writes: MutationRecord[] = [];
    const watch = new MutationObserver((records) => writes.push(...records));
    for (const target of [before[0]!, before[0]!.shadowRoot!]) watch.observe(target, { attributes: true, childList: true, characterData: true, subtree: true });
    overlays.setContext({ targetMinutes: 60, onOpen: () => undefined, read });
    overlays.resetHistory();
    overlays.holdAll();
    readings = [complaint, { ...complaint, sentiment: 'positive', intents: ['praise'], urgency: 0, urgencyReasons: [] }, complaint];
    overlays.add(roots[0]!, post(0), match);
    overlays.add(roots[1]!, post(1), match);
    overlays.dropHeld(); // the third post names no brand under the new settings: it was not read again
    expect(roots.map(overlayOf)).toEqual([before[0], before[1], null]); // the others keep theirs while they are read
    await vi.waitFor(() => expect(overlayOf(roots[1]!)).not.toBe(before[1]));
    expect(overlayOf(roots[0]!)).toBe(before[0]);
    await tick();
    expect(writes.concat(watch.takeRecords())).toEqual([]);
    watch.disconnect();
    expect(overlayOf(roots[1]!)!.getAttribute('data-sentiment')).toBe('positive');
    expect(roots.map((r) => r.getAttribute(POST_ATTR))).toEqual(['x:0', 'x:1', null]);
    expect(overlays.count).toBe(2);
    overlays.dispose();
  });

  it('takes off an overlay held through a settings change when its post, read again, gets no reading', async () => {
    const roots = page(2);
    let answer = true;
    const read = async (posts: Array<{ key: string; text: string }>) => (answer ? Object.fromEntries(posts.map((p) => [p.key, complaint])) : {});
    const overlays = new Overlays(x, { targetMinutes: 60, onOpen: () => undefined, read });
    roots.forEach((root, i) => overlays.add(root, post(i), match));
    await vi.waitFor(() => expect(overlays.count).toBe(2));
    overlays.holdAll();
    answer = false; // the background could not read them (the old reading would show the old brands)
    roots.forEach((root, i) => overlays.add(root, post(i), match));
    overlays.dropHeld();
    expect(overlays.count).toBe(2); // still shown while they are read
    await vi.waitFor(() => expect(overlays.count).toBe(0));
    expect(roots.map(overlayOf)).toEqual([null, null]);
    overlays.dispose();
  });

  it('reads the posts that come within a tenth of a second in one message, as a site adds them frame after frame', async () => {
    vi.useFakeTimers();
    try {
      const roots = page(5);
      const read = vi.fn(async (posts: Array<{ key: string; text: string }>) => Object.fromEntries(posts.map((p) => [p.key, complaint])));
      const overlays = new Overlays(x, { targetMinutes: 60, onOpen: () => undefined, read });
      overlays.add(roots[0]!, post(0), match);
      await vi.advanceTimersByTimeAsync(40);
      overlays.add(roots[1]!, post(1), match);
      overlays.add(roots[2]!, post(2), match);
      await vi.advanceTimersByTimeAsync(40);
      overlays.add(roots[3]!, post(3), match);
      await vi.advanceTimersByTimeAsync(19);
      expect(read).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(read.mock.calls.map(([posts]) => posts.map((p) => p.key))).toEqual([['x:0', 'x:1', 'x:2', 'x:3']]);
      expect(overlays.count).toBe(4);
      overlays.add(roots[4]!, post(4), match);
      await vi.advanceTimersByTimeAsync(100);
      expect(read.mock.calls.map(([posts]) => posts.length)).toEqual([4, 1]);
      expect(overlays.count).toBe(5);
      overlays.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks again when the background went away, at once and a few seconds later, then leaves the posts', async () => {
    vi.useFakeTimers();
    try {
      const roots = page(2);
      const read = vi.fn().mockRejectedValueOnce(new Error('The background went away')).mockResolvedValueOnce({ 'x:0': complaint, 'x:1': complaint });
      const overlays = new Overlays(x, { targetMinutes: 60, onOpen: () => undefined, read });
      roots.forEach((root, i) => overlays.add(root, post(i), match));
      await vi.advanceTimersByTimeAsync(100);
      expect(overlays.count).toBe(2);
      expect(read).toHaveBeenCalledTimes(2);

      const more = page(2);
      read.mockRejectedValue(new Error('closed'));
      overlays.add(more[0]!, post(5), match);
      overlays.add(more[1]!, post(6), match);
      await vi.advanceTimersByTimeAsync(100);
      expect(read).toHaveBeenCalledTimes(4); // the first ask and one at once
      overlays.detach(more[1]!); // taken off meanwhile: not asked for again
      read.mockResolvedValueOnce({ 'x:5': complaint });
      await vi.advanceTimersByTimeAsync(2999);
      expect(read).toHaveBeenCalledTimes(4);
      await vi.advanceTimersByTimeAsync(1);
      expect(read).toHaveBeenCalledTimes(5);
      expect(read.mock.calls[4]![0]).toEqual([{ key: 'x:5', text: 'Lost bag again #5' }]);
      expect(overlayOf(more[0]!)).not.toBeNull();

      const last = page(1);
      overlays.add(last[0]!, post(7), match);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(read).toHaveBeenCalledTimes(8); // three asks, then it gives up
      expect(overlayOf(last[0]!)).toBeNull();
      overlays.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets overlays whose post left the page and puts back one the page took out of a post still on it', async () => {
    const roots = page(3);
    const read = vi.fn(async (posts: Array<{ key: string; text: string }>) => Object.fromEntries(posts.map((p) => [p.key, complaint])));
    const overlays = new Overlays(x, { targetMinutes: 60, onOpen: () => undefined, read });
    roots.forEach((root, i) => overlays.add(root, post(i), match));
    await vi.waitFor(() => expect(overlays.count).toBe(3));
    const host = overlayOf(roots[1]!)!;
    host.remove(); // the site re-rendered that part of the post
    roots[1]!.removeAttribute(POST_ATTR);
    roots[2]!.remove();
    overlays.prune(10_000);
    expect(overlays.count).toBe(2);
    expect(overlayOf(roots[1]!)).toBe(host);
    expect(roots[1]!.getAttribute(POST_ATTR)).toBe('x:1');
    overlays.dispose();
  });

  it("gives a post the page copied one overlay: its own, not the copy of the original's", async () => {
    const roots = page(1);
    const read = vi.fn(async (posts: Array<{ key: string; text: string }>) => Object.fromEntries(posts.map((p) => [p.key, complaint])));
    const overlays = new Overlays(x, { targetMinutes: 60, onOpen: () => undefined, read });
    overlays.add(roots[0]!, post(0), match);
    await vi.waitFor(() => expect(overlays.count).toBe(1));
    const copy = document.body.appendChild(roots[0]!.cloneNode(true) as Element);
    expect(copy.querySelectorAll('firstreply-overlay')).toHaveLength(1); // the copy of the original's host
    overlays.add(copy, post(1, 'lee'), match);
    await vi.waitFor(() => expect(overlays.count).toBe(2));
    const hosts = copy.querySelectorAll('firstreply-overlay');
    expect(hosts).toHaveLength(1);
    expect(copy.getAttribute(POST_ATTR)).toBe('x:1');
    expect(roots[0]!.querySelectorAll('firstreply-overlay')).toHaveLength(1);
    overlays.dispose();
  });

  it('shows a history count on overlays built before and after it came', async () => {
    const roots = page(3);
    const read = vi.fn(async (posts: Array<{ key: string; text: string }>) => Object.fromEntries(posts.map((p) => [p.key, complaint])));
    const overlays = new Overlays(x, { targetMinutes: 60, onOpen: () => undefined, read });
    overlays.add(roots[0]!, post(0, 'Maya'), match);
    await vi.waitFor(() => expect(overlays.count).toBe(1));
    overlays.setHistory('x', { '@maya': 3 });
    overlays.add(roots[1]!, post(1, 'maya'), match);
    overlays.add(roots[2]!, post(2, 'lee'), match);
    await vi.waitFor(() => expect(overlays.count).toBe(3));
    expect(roots.map((r) => overlayOf(r)!.getAttribute('data-history-count'))).toEqual(['3', '3', null]);
    expect(overlayOf(roots[1]!)!.shadowRoot!.querySelector('.fr-history')!.textContent).toBe('3 past');
    overlays.dispose();
  });

  it('keeps a pushed count over the answer to an earlier question, and drops counts asked before a reset', async () => {
    const roots = page(2);
    const read = vi.fn(async (posts: Array<{ key: string; text: string }>) => Object.fromEntries(posts.map((p) => [p.key, complaint])));
    const overlays = new Overlays(x, { targetMinutes: 60, onOpen: () => undefined, read });
    overlays.add(roots[0]!, post(0, 'maya'), match);
    overlays.add(roots[1]!, post(1, 'lee'), match);
    await vi.waitFor(() => expect(overlays.count).toBe(2));
    const count = (i: number) => overlayOf(roots[i]!)!.getAttribute('data-history-count');

    const asked = overlays.historyStamp();
    overlays.setHistory('x', { maya: 4 }); // pushed: a log for maya just reached the backend
    overlays.setHistory('x', { maya: 3, lee: 1 }, asked); // the earlier question's answer
    expect([count(0), count(1)]).toEqual(['4', '1']);
    overlays.setHistory('x', { maya: 5 }, overlays.historyStamp()); // asked after the push: newer
    expect(count(0)).toBe('5');

    const beforeReset = overlays.historyStamp();
    overlays.resetHistory(); // new settings: perhaps another team
    expect([count(0), count(1)]).toEqual([null, null]);
    expect(overlayOf(roots[0]!)!.shadowRoot!.querySelector('.fr-history')!.textContent).toBe('');
    overlays.setHistory('x', { maya: 9 }, beforeReset);
    expect(count(0)).toBeNull();
    overlays.detachAll();
    overlays.add(roots[0]!, post(0, 'maya'), match);
    await vi.waitFor(() => expect(overlays.count).toBe(1));
    expect(count(0)).toBeNull(); // the old team's count is not painted on the rebuilt overlay
    overlays.dispose();
  });

  it('gives posts that look alike copies of one built overlay, each with its own shadow root, age and history', async () => {
    const praise: PostReading = { ...complaint, sentiment: 'positive', score: 0.7, intents: ['praise'], urgency: 0, urgencyReasons: [] };
    const question: PostReading = { ...complaint, intents: ['question'] };
    const readings = [complaint, praise, complaint, question];
    const read = async (posts: Array<{ key: string; text: string }>) => Object.fromEntries(posts.map((p, i) => [p.key, readings[i]!]));
    const bars = (roots: Element[]) =>
      roots.map((r) => {
        const shadow = overlayOf(r)!.shadowRoot!;
        return [overlayOf(r)!.getAttribute('data-sentiment'), ...[...shadow.querySelectorAll('.fr-sentiment, .fr-chip, .fr-age, .fr-history')].map((e) => e.textContent)].join('|');
      });
    const expected = [
      'negative|Negative|Acme Air|Urgent|Complaint||3 past',
      'positive|Positive|Acme Air|Praise||',
      'negative|Negative|Acme Air|Urgent|Complaint||',
      'negative|Negative|Acme Air|Urgent|Question||',
    ];
    const created = vi.spyOn(document, 'createElement');
    const roots = page(4);
    const overlays = new Overlays(x, { targetMinutes: 60, onOpen: () => undefined, read });
    overlays.setHistory('x', { ann: 3 });
    roots.forEach((root, i) => overlays.add(root, post(i, ['ann', 'bo', 'cy', 'di'][i]), match));
    await vi.waitFor(() => expect(overlays.count).toBe(4));
    expect(bars(roots)).toEqual(expected);
    // Three looks built, four overlays.
    expect(created.mock.calls.filter(([tag]) => tag === 'firstreply-overlay')).toHaveLength(3);
    expect(overlayOf(roots[0]!)!.shadowRoot).not.toBe(overlayOf(roots[2]!)!.shadowRoot);
    overlays.setHistory('x', { cy: 1 });
    expect(bars(roots)[2]).toBe(`${expected[2]}1 past`);
    expect(bars(roots)[0]).toBe(expected[0]);
    // A copy of a post, made by the page, holds an empty host: no bar of ours.
    expect((roots[0]!.cloneNode(true) as Element).querySelector('firstreply-overlay')!.shadowRoot).toBeNull();
    overlays.dispose();
    created.mockRestore();
  });
});
