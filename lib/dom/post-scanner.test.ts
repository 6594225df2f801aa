import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { resetPageUrl } from '../sites/fixture-testing';
import { facebook } from '../sites/facebook';
import { instagram } from '../sites/instagram';
import { mastodon } from '../sites/mastodon';
import { reddit } from '../sites/reddit';
import { x } from '../sites/x';
import type { SiteAdapter } from '../sites/types';
import { createPostScanner, type ScannedPost } from './post-scanner';

const fixture = readFileSync('test/fixtures/x/timeline.html', 'utf8');

/** A scanner over the X fixture that wants the posts naming Acme, with the ids it read. */
function scanWantingAcme() {
  document.body.innerHTML = fixture;
  const c = new AbortController();
  const read: string[] = [];
  const scanner = createPostScanner({
    adapter: x,
    doc: document,
    wanted: ({ text }) => /acme/i.test(text),
    onPosts: (b) => read.push(...b.map((p) => p.post.id)),
    signal: c.signal, recheckMs: 0, dropAfterMs: 0,
  });
  return { c, read, scanner };
}

/** A scanner over the page as it is now, done with its first read, stopped when the test ends. */
async function scanPage(adapter: SiteAdapter, onPosts: (batch: ScannedPost[]) => void = () => undefined) {
  const c = new AbortController();
  onTestFinished(() => c.abort());
  const scanner = createPostScanner({ adapter, doc: document, onPosts, signal: c.signal, recheckMs: 0, dropAfterMs: 0 });
  await scanner.idle();
  return scanner;
}

describe('post scanner', () => {
  const controller = new AbortController();
  afterEach(() => controller.abort());

  it('reads every post once, then new posts as they are added, skipping unreadable ones', async () => {
    document.body.innerHTML = fixture;
    const batches: ScannedPost[][] = [];
    const scanner = createPostScanner({ adapter: x, doc: document, onPosts: (b) => batches.push(b), signal: controller.signal });
    await scanner.idle();
    expect(batches.flat().map((p) => p.post.id)).toHaveLength(9);
    expect(scanner.stats).toEqual({ read: 9, passed: 0, skipped: 1, ads: 0, loading: 0, gone: 1 });

    // Mutations inside an already-read post do not read it again.
    document.querySelector('article')!.append(document.createElement('span'));
    // A new post arrives, as on an infinite timeline.
    const clone = document.querySelector('article')!.cloneNode(true) as Element;
    clone.querySelectorAll('a[href*="/status/"]').forEach((a) => a.setAttribute('href', '/maya/status/42'));
    document.body.append(clone);
    await new Promise((r) => setTimeout(r, 50));
    await scanner.idle();
    const ids = batches.flat().map((p) => p.post.id);
    expect(ids).toHaveLength(10);
    expect(ids.at(-1)).toBe('42');

    scanner.rescan();
    await scanner.idle();
    expect(batches.flat()).toHaveLength(20);
  });

  it('passes over posts the first read turns down, and reads the rest in full', async () => {
    const { c, read, scanner } = scanWantingAcme();
    await scanner.idle();
    // The first read is the root's raw text: the sixth post quotes @AcmeAir, which counts.
    expect(read).toEqual(['1790000000000000001', '1790000000000000002', '1790000000000000004', '1790000000000000005', '1790000000000000006', '1790000000000000007']);
    expect(scanner.stats).toMatchObject({ passed: 4, skipped: 1 }); // the tombstone has no text; the broken post mentions Acme
    c.abort();
  });

  it('reads every post inside a scope it is given, those it passed over included, each once, until a rescan', async () => {
    const { c, read, scanner } = scanWantingAcme();
    await scanner.idle();
    expect(read).toHaveLength(6);
    // A scope holding one passed-over post: only that one is read.
    const passedOver = [...document.querySelectorAll('article')].find((a) => a.textContent!.includes('Quiet morning'))!;
    const cell = passedOver.parentElement!;
    scanner.readAllIn(cell);
    await scanner.idle();
    expect(read).toHaveLength(7);
    // Posts added inside it later are read too; the same post elsewhere is not.
    const clone = passedOver.cloneNode(true) as Element;
    clone.querySelectorAll('a[href*="/status/"]').forEach((a) => a.setAttribute('href', '/maya/status/43'));
    cell.append(clone);
    const outside = passedOver.cloneNode(true) as Element;
    outside.querySelectorAll('a[href*="/status/"]').forEach((a) => a.setAttribute('href', '/maya/status/44'));
    document.body.append(outside);
    await new Promise((r) => setTimeout(r, 50));
    await scanner.idle();
    expect(read.slice(7)).toEqual(['43']);
    // A post root as the scope, as for the brand's own post: posts inside it, not the root again.
    const own = [...document.querySelectorAll('article')].find((a) => read.includes(/status\/(\d+)/.exec(a.querySelector('a[href*="/status/"]')!.getAttribute('href')!)![1]!))!;
    const inside = passedOver.cloneNode(true) as Element;
    inside.querySelectorAll('a[href*="/status/"]').forEach((a) => a.setAttribute('href', '/maya/status/45'));
    scanner.readAllIn(own);
    own.append(inside);
    await new Promise((r) => setTimeout(r, 50));
    await scanner.idle();
    expect(read.slice(8)).toEqual(['45']);
    // The whole page.
    scanner.readAllIn(document.body);
    await scanner.idle();
    expect(new Set(read).size).toBe(read.length);
    expect(read).toHaveLength(12);
    expect(scanner.stats).toMatchObject({ passed: 0 });
    // A rescan forgets the scopes.
    read.length = 0;
    scanner.rescan();
    await scanner.idle();
    expect(read).toHaveLength(6);
    c.abort();
  });

  it('reads a passed-over post again when its text loads later', async () => {
    document.body.innerHTML = fixture;
    const c = new AbortController();
    const read: string[] = [];
    const scanner = createPostScanner({ adapter: x, doc: document, wanted: ({ text }) => /acme/i.test(text), onPosts: (b) => read.push(...b.map((p) => p.post.id)), signal: c.signal, recheckMs: 0, dropAfterMs: 0 });
    await scanner.idle();
    const lisa = document.querySelectorAll('article')[2]!; // "apple pie": passed over
    lisa.querySelector('[data-testid="tweetText"] span')!.append(document.createTextNode(' — flying Acme Air tomorrow'));
    await new Promise((r) => setTimeout(r, 50));
    await scanner.idle();
    expect(read.at(-1)).toBe('1790000000000000003');
    expect(scanner.stats.passed).toBe(3);
    c.abort();
  });

  it('reads a passed-over post again when its words are written into a text it already shows', async () => {
    document.body.innerHTML = fixture;
    const c = new AbortController();
    const read: string[] = [];
    const scanner = createPostScanner({ adapter: x, doc: document, wanted: ({ text }) => /acme/i.test(text), onPosts: (b) => read.push(...b.map((p) => p.post.id)), signal: c.signal, recheckMs: 0, dropAfterMs: 0 });
    await scanner.idle();
    const lisa = document.querySelectorAll('article')[2]!; // "apple pie": passed over
    const words = document.createTreeWalker(lisa.querySelector('[data-testid="tweetText"]')!, NodeFilter.SHOW_TEXT).nextNode() as Text;
    words.data = 'Flying Acme Air tomorrow, wish me luck';
    await new Promise((r) => setTimeout(r, 50));
    await scanner.idle();
    expect(read.at(-1)).toBe('1790000000000000003');
    expect(scanner.stats.passed).toBe(3);
    // A post read in full is read again for a text changed in it, but handed on only when what it shows changed: not
    // for its time's "2m" becoming "3m", but for its words edited.
    const count = read.length;
    const time = document.createTreeWalker(document.querySelector('article time')!, NodeFilter.SHOW_TEXT).nextNode() as Text;
    time.data = '3m';
    await new Promise((r) => setTimeout(r, 50));
    await scanner.idle();
    expect(read).toHaveLength(count);
    const first = document.createTreeWalker(document.querySelector('article [data-testid="tweetText"]')!, NodeFilter.SHOW_TEXT).nextNode() as Text;
    first.data += ' (edited)';
    await new Promise((r) => setTimeout(r, 50));
    await scanner.idle();
    expect(read).toHaveLength(count + 1);
    expect(read.at(-1)).toBe(read[0]);
    c.abort();
  });

  it('reads a passed-over post once for many texts rewritten in it at once, and nothing for texts outside passed-over posts', async () => {
    document.body.innerHTML = `${fixture}<div id="clock"><span>11:59</span><span>3 new</span></div>`;
    const c = new AbortController();
    onTestFinished(() => c.abort());
    const peeked: Element[] = [];
    const counting: SiteAdapter = { ...x, peek: (root) => (peeked.push(root), { text: root.textContent ?? '' }) };
    const scanner = createPostScanner({ adapter: counting, doc: document, wanted: ({ text }) => /acme/i.test(text), onPosts: () => undefined, signal: c.signal, recheckMs: 0, dropAfterMs: 0 });
    await scanner.idle();
    const articles = document.querySelectorAll('article');
    const texts = (el: Element) => {
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const all: Text[] = [];
      for (let t = walk.nextNode(); t; t = walk.nextNode()) all.push(t as Text);
      return all;
    };
    peeked.length = 0;
    // Every text of the passed-over post rewritten in one task (a counter and a time ticking): one read.
    for (const t of texts(articles[2]!)) t.data += ' ';
    // A page clock outside any post: never read; a post read in full: read again once (what it shows may have changed).
    for (const t of texts(document.getElementById('clock')!)) t.data = '12:00';
    for (const t of texts(articles[0]!)) t.data += ' ';
    await new Promise((r) => setTimeout(r, 50));
    await scanner.idle();
    expect(peeked).toEqual([articles[2], articles[0]]);
  });

  it('reads a post it could not read once the page fills in one of its links, and nothing else again for a changed link', async () => {
    const page = readFileSync('test/fixtures/facebook/hover-links.html', 'utf8');
    document.body.innerHTML = page.slice(page.indexOf('<body'));
    const read: string[] = [];
    const scanner = await scanPage(facebook, (b) => read.push(...b.map((p) => p.post.id)));
    const before = [...read];
    const skipped = scanner.stats.skipped;
    // Story 9 names itself nowhere until its timestamp link is hovered.
    const story = document.querySelector('[aria-posinset="9"]')!;
    const stamp = [...story.querySelectorAll('a[href="#"]')].find((a) => !a.closest('h4'))!;
    stamp.setAttribute('href', 'https://www.facebook.com/jonas.weber.ber/posts/pfbid0Jw4eB7rL1mN3pQ5sT7uV9wX2yZ4aB6cD8eF1gH3iJ5kL7mN9oP2qR4sT6uV8wXl?__cft__[0]=AZ&__tn__=%2CO%2CP-R');
    // A link changing in a post already read reads nothing again.
    document.querySelector('[aria-posinset="1"] a[href*="comment_id="]')!.setAttribute('href', '#');
    await new Promise((r) => setTimeout(r, 50));
    await scanner.idle();
    expect(read).toEqual([...before, 'pfbid0Jw4eB7rL1mN3pQ5sT7uV9wX2yZ4aB6cD8eF1gH3iJ5kL7mN9oP2qR4sT6uV8wXl']);
    expect(scanner.stats.skipped).toBe(skipped - 1);
  });

  it("reads a Mastodon status that was off-screen when its placeholder is rendered as the status (the article kept, its children swapped)", async () => {
    const page = readFileSync('test/fixtures/mastodon/home-redesign.html', 'utf8');
    document.body.innerHTML = page.slice(page.indexOf('<body'));
    const read: string[] = [];
    const scanner = await scanPage(mastodon, (b) => read.push(...b.map((p) => p.post.id)));
    expect(read).toHaveLength(9);
    const status = document.querySelector('article[data-id="113300000000000107"] > article')!;
    const placeholder = document.querySelector('article[data-id="113300000000000050"] > article')!;
    expect(placeholder.querySelector('header')).toBeNull();
    for (const attr of status.attributes) placeholder.setAttribute(attr.name, attr.value);
    placeholder.setAttribute('data-id', '113300000000000050');
    const children = [...status.cloneNode(true).childNodes];
    children.forEach((n) => n instanceof Element && n.querySelector('a[href$="/113300000000000107"]')?.setAttribute('href', '/@julien@piaille.fr/113300000000000050'));
    placeholder.replaceChildren(...children);
    await new Promise((r) => setTimeout(r, 50));
    await scanner.idle();
    expect(read.at(-1)).toBe('113300000000000050');
  });

  it('reads a page already full of posts in slices, each post once', async () => {
    document.body.innerHTML = fixture;
    const first = document.querySelector('article')!;
    for (let i = 0; i < 200; i++) {
      const clone = first.cloneNode(true) as Element;
      clone.querySelectorAll('a[href*="/status/"]').forEach((a) => a.setAttribute('href', `/maya/status/${1000 + i}`));
      document.body.append(clone);
    }
    const c = new AbortController();
    const batches: ScannedPost[][] = [];
    const scanner = createPostScanner({ adapter: x, doc: document, onPosts: (b) => batches.push(b), signal: c.signal, recheckMs: 0, dropAfterMs: 0, sliceMs: 0 });
    await scanner.idle();
    const ids = batches.flat().map((p) => p.post.id);
    expect(ids).toHaveLength(209);
    expect(new Set(ids).size).toBe(209);
    // The first scan is one node (the body) holding every post, yet the work is cut into slices.
    expect(batches.length).toBeGreaterThan(10);
    c.abort();
  });

  it('does no work for its own overlays going into posts', async () => {
    document.body.innerHTML = fixture;
    const c = new AbortController();
    const scanner = createPostScanner({ adapter: x, doc: document, onPosts: () => undefined, signal: c.signal, recheckMs: 0, dropAfterMs: 0 });
    await scanner.idle();
    // Something added into a post has the scanner look for the post it went into.
    const lookups = vi.spyOn(Element.prototype, 'closest');
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    document.querySelector('article')!.append(document.createElement('firstreply-overlay'));
    await new Promise((r) => setTimeout(r, 20));
    expect(lookups).not.toHaveBeenCalled();
    expect(frames).not.toHaveBeenCalled();
    document.querySelector('article')!.append(document.createElement('span'));
    await new Promise((r) => setTimeout(r, 20));
    expect(lookups).toHaveBeenCalled();
    lookups.mockRestore();
    frames.mockRestore();
    c.abort();
  });

  it('reads posts the page adds in the task that added them, and a batch larger than a slice in slices a frame apart', async () => {
    document.body.innerHTML = fixture;
    const c = new AbortController();
    const read: string[] = [];
    const scanner = createPostScanner({ adapter: x, doc: document, onPosts: (b) => read.push(...b.map((p) => p.post.id)), signal: c.signal, recheckMs: 0, dropAfterMs: 0, sliceMs: 0 });
    await scanner.idle();
    read.length = 0;
    const article = document.querySelector('article')!;
    const one = article.cloneNode(true) as Element;
    one.querySelector('a[href*="/status/"]')!.setAttribute('href', '/someone/status/424242');
    document.body.append(one);
    await Promise.resolve(); // the observer's callback, before any other task
    expect(read).toEqual(['424242']);
    read.length = 0;

    const frames = vi.spyOn(window, 'requestAnimationFrame');
    const many = document.createDocumentFragment();
    for (let i = 0; i < 100; i++) {
      const copy = article.cloneNode(true) as Element;
      copy.querySelector('a[href*="/status/"]')!.setAttribute('href', `/someone/status/${500000 + i}`);
      many.append(copy);
    }
    document.body.append(many);
    await Promise.resolve();
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThan(100);
    expect(frames).toHaveBeenCalled();
    await scanner.idle();
    expect(new Set(read).size).toBe(100);
    frames.mockRestore();
    c.abort();
  });

  it('says when nodes leave the page, once per batch of changes', async () => {
    document.body.innerHTML = fixture;
    const c = new AbortController();
    let removals = 0;
    const scanner = createPostScanner({ adapter: x, doc: document, onPosts: () => undefined, onRemoved: () => removals++, signal: c.signal, recheckMs: 0, dropAfterMs: 0 });
    await scanner.idle();
    expect(removals).toBe(0);
    document.querySelectorAll('article').forEach((a, i) => i < 3 && a.remove());
    await new Promise((r) => setTimeout(r, 20));
    expect(removals).toBe(1);
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 20));
    expect(removals).toBe(1);
    c.abort();
  });

  it('never lets an adapter error escape into the page', async () => {
    document.body.innerHTML = fixture;
    const throwing = { ...x, extractPost: () => { throw new Error('markup changed'); } };
    const c = new AbortController();
    const scanner = createPostScanner({ adapter: throwing, doc: document, onPosts: () => undefined, signal: c.signal, recheckMs: 0, dropAfterMs: 0 });
    await scanner.idle();
    expect(scanner.stats.read).toBe(0);
    // Every root is counted as not read: as unreadable, but for the tombstone.
    expect(scanner.stats).toMatchObject({ skipped: 10, gone: 1 });
    c.abort();
  });

  it('finds roots through markers for an adapter that names them with closestRoot, each once, as they come and as they fill in', async () => {
    // Instagram's current post page: every comment is a block found from its time.
    let c: AbortController | undefined;
    const page = readFileSync('test/fixtures/instagram/post-2025.html', 'utf8');
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://www.instagram.com/acmeair/p/C8xAcmeAir1/');
    try {
      document.body.innerHTML = page;
      c = new AbortController();
      const read: string[] = [];
      const scanner = createPostScanner({ adapter: instagram, doc: document, onPosts: (b) => read.push(...b.map((p) => p.post.id)), signal: c.signal, recheckMs: 0, dropAfterMs: 0 });
      await scanner.idle();
      expect(read).toEqual(['C8xAcmeAir1', '18011111111111111', '18022222222222222', '18033333333333333']);

      // A comment that arrives before its time link is rendered (no marker, not yet a root), then
      // gets it: read once, when it can be, from the node added into it.
      const wrapper = instagram.closestRoot!(document.querySelector('a[href*="/c/18033333333333333/"]')!)!.parentElement!.parentElement!;
      const late = wrapper.cloneNode(true) as Element;
      const link = late.querySelector('a[href*="/c/"]')!;
      link.setAttribute('href', '/p/C8xAcmeAir1/c/18044444444444444/');
      const holder = link.parentElement!;
      link.remove();
      wrapper.parentElement!.append(late);
      await new Promise((r) => setTimeout(r, 20));
      await scanner.idle();
      expect(read).toHaveLength(4);
      holder.append(link);
      await new Promise((r) => setTimeout(r, 20));
      await scanner.idle();
      expect(read).toEqual(['C8xAcmeAir1', '18011111111111111', '18022222222222222', '18033333333333333', '18044444444444444']);
    } finally {
      c?.abort();
      resetPageUrl();
    }
  });

  it('reads nothing and watches nothing when made with a signal already stopped', async () => {
    document.body.innerHTML = fixture;
    const read: string[] = [];
    const observe = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const scanner = createPostScanner({ adapter: x, doc: document, onPosts: (b) => read.push(...b.map((p) => p.post.id)), signal: AbortSignal.abort() });
    expect(observe).toHaveBeenCalled();
    document.body.insertAdjacentHTML('beforeend', fixture);
    await scanner.idle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(read).toEqual([]);
    observe.mockRestore();
  });

  it('is idle at once once stopped, even if asked to read the page again (the script went away mid-change)', async () => {
    const { c, read, scanner } = scanWantingAcme();
    await scanner.idle();
    const before = read.length;
    c.abort();
    scanner.rescan();
    await scanner.idle();
    expect(read).toHaveLength(before);
  });
  it('counts ads apart from posts whose markup it cannot read, and counts each root once, as it is now', async () => {
    document.body.innerHTML = readFileSync('test/fixtures/facebook/feed.html', 'utf8');
    const scanner = await scanPage(facebook);
    expect(scanner.stats).toMatchObject({ ads: 1, skipped: 2, loading: 1 });
    // The ad loses what says it is one: now it is a story whose markup cannot be read (no id), counted once.
    const ad = [...document.querySelectorAll('div[aria-posinset]')].find((s) => facebook.isAd!(s))!;
    for (const a of ad.querySelectorAll('a[href*="/ads/about"]')) a.remove();
    for (const el of ad.querySelectorAll('[aria-labelledby]')) el.removeAttribute('aria-labelledby');
    await Promise.resolve(); // (the ad check is kept for the rest of a task)
    expect(facebook.isAd!(ad)).toBe(false);
    ad.append(document.createElement('span'));
    await scanner.idle();
    expect(scanner.stats).toMatchObject({ ads: 0, skipped: 3, loading: 1 });
    // Read again, nothing changes the counts.
    ad.append(document.createElement('span'));
    await scanner.idle();
    expect(scanner.stats).toMatchObject({ ads: 0, skipped: 3, loading: 1 });
  });


  it('counts a placeholder the site has not filled in as loading, not as unreadable, until it is filled in and read', async () => {
    document.body.innerHTML = fixture;
    const scanner = await scanPage(x);
    const before = { ...scanner.stats };
    const article = document.querySelector('article[data-testid="tweet"]')!;
    const filled = article.innerHTML;
    const placeholder = document.createElement('article');
    placeholder.setAttribute('data-testid', 'tweet');
    placeholder.innerHTML = '<div aria-busy="true"><div class="skeleton-line"></div><span>Loading</span></div>';
    article.closest('[data-testid="cellInnerDiv"]')!.append(placeholder);
    await scanner.idle();
    expect(scanner.stats).toMatchObject({ loading: 1, skipped: before.skipped, read: before.read });
    // Filled in: its link to the post makes it no placeholder; read under another id so it is a post of its own.
    placeholder.innerHTML = filled.replaceAll('1790000000000000001', '1790000000000000077');
    await scanner.idle();
    expect(scanner.stats).toMatchObject({ loading: 0, skipped: before.skipped, read: before.read + 1 });
  });

  it('reads a reply again once the post it answers comes before it, as X renders a post\'s page from the focused post up', async () => {
    document.body.innerHTML = readFileSync('test/fixtures/x/status.html', 'utf8');
    const [focused, reply] = [...document.querySelectorAll('article[data-testid="tweet"]')] as Element[];
    // The focused post is a reply: X draws the thread line into its top row, the post it answers not there yet.
    focused!.querySelector('.r-ttdzmv')!.parentElement!.insertAdjacentHTML(
      'afterbegin',
      '<div class="css-175oi2r r-18kxxzh r-1b7u577 r-onrtq4 r-15zivkp"><div class="css-175oi2r r-1bimlpy r-1jgb5lz r-m5arl1 r-1p0dtai"></div></div>',
    );
    const reads: Array<{ id: string; inReplyTo?: string }> = [];
    const scanner = await scanPage(x, (b) => reads.push(...b.map((p) => ({ id: p.post.id, inReplyTo: p.post.inReplyTo }))));
    expect(reads).toEqual([{ id: '1790000000000000101', inReplyTo: undefined }, { id: '1790000000000000106', inReplyTo: 'dana_flies' }]);
    // X inserts the post it answers above it.
    const parent = reply!.closest('[data-testid="cellInnerDiv"]')!.cloneNode(true) as Element;
    parent.innerHTML = parent.innerHTML.replaceAll('kim_flies', 'AcmeAir').replaceAll('1790000000000000106', '1790000000000000100');
    focused!.closest('[data-testid="cellInnerDiv"]')!.before(parent);
    await scanner.idle();
    expect(reads.slice(2)).toEqual([{ id: '1790000000000000100', inReplyTo: 'dana_flies' }, { id: '1790000000000000101', inReplyTo: 'AcmeAir' }]);
    expect(scanner.stats.read).toBe(3);
    // Once answered, it is not read again.
    parent.before(parent.cloneNode(true));
    await scanner.idle();
    expect(reads.filter((r) => r.id === '1790000000000000101')).toHaveLength(2);
  });

  it('counts deleted and removed comments apart from markup it cannot read', async () => {
    document.body.innerHTML = readFileSync('test/fixtures/reddit/comments.html', 'utf8');
    const scanner = await scanPage(reddit);
    // The fixture's deleted comment is a tombstone; its comment whose markup changed (no permalink) is not.
    expect(scanner.stats).toMatchObject({ gone: 1, skipped: 1, ads: 0 });
  });
});

/**
 * A scanner over the X fixture wanting the posts naming Acme, with what it handed on (`id: the start of its text`, or
 * the id alone) and gave up; posts the page changes are read again and given up at once unless told otherwise.
 */
function watch({ recheckMs = 0, dropAfterMs = 0, idsOnly = false } = {}) {
  document.body.innerHTML = fixture;
  const c = new AbortController();
  onTestFinished(() => c.abort());
  const read: string[] = [];
  const dropped: Element[] = [];
  const scanner = createPostScanner({
    adapter: x,
    doc: document,
    wanted: ({ text }) => /acme/i.test(text),
    onPosts: (b) => read.push(...b.map((p) => (idsOnly ? p.post.id : `${p.post.id}: ${p.post.text.slice(0, 20)}`))),
    onDropped: (roots) => dropped.push(...roots),
    signal: c.signal,
    recheckMs,
    dropAfterMs,
  });
  return { read, dropped, scanner };
}

describe('post scanner: posts the page changes after they were read', () => {
  const settle = async (scanner: { idle(): Promise<void> }) => {
    await new Promise((r) => setTimeout(r, 30));
    await scanner.idle();
  };
  const article = (id: string) => document.querySelector(`article:has(a[href$="/status/${id}"])`) ?? [...document.querySelectorAll('article')].find((a) => a.querySelector(`a[href$="/status/${id}"]`))!;

  it('reads a root the page reuses for another post (its links and words rewritten in place) as that post', async () => {
    const { read, dropped, scanner } = watch();
    await settle(scanner);
    const first = article('1790000000000000001');
    const brandPost = article('1790000000000000005');
    read.length = 0;
    // The complaint's root now shows Lisa's apple pie post: no brand, given up.
    first.innerHTML = article('1790000000000000003').innerHTML;
    await settle(scanner);
    expect(dropped).toEqual([first]);
    expect(read).toEqual([]);
    // Lisa's root now shows Sam's question about Acme Air, rewritten text node by text node: read as Sam's.
    const lisa = article('1790000000000000003');
    lisa.innerHTML = brandPost.innerHTML.replaceAll('1790000000000000005', '1790000000000000099');
    await settle(scanner);
    expect(read).toEqual(['1790000000000000099: Is Acme Air still fl']);
  });

  it('gives up a post deleted or emptied in place, and one whose brand was edited out; hands on one whose words were edited', async () => {
    const { read, dropped, scanner } = watch();
    await settle(scanner);
    read.length = 0;
    const complaint = article('1790000000000000001');
    complaint.replaceChildren(Object.assign(document.createElement('div'), { textContent: 'This Post was deleted by the Post author.' }));
    const praise = article('1790000000000000002');
    praise.querySelector('[data-testid="tweetText"]')!.textContent = 'Huge thanks to the crew!';
    const question = article('1790000000000000005');
    question.querySelector('[data-testid="tweetText"]')!.textContent = 'Is Acme Air still flying to Lisbon? Awful, they cancelled mine.';
    await settle(scanner);
    expect(dropped).toEqual([complaint, praise]);
    expect(read).toEqual(['1790000000000000005: Is Acme Air still fl']);
    expect(scanner.stats).toMatchObject({ read: 4, passed: 6 });
  });

  it('reads a post put back on the page after it changed while away, and nothing for replies loading into a post', async () => {
    const { read, scanner } = watch();
    await settle(scanner);
    read.length = 0;
    const question = article('1790000000000000005');
    const cell = question.parentElement!;
    question.remove();
    question.querySelector('[data-testid="tweetText"]')!.textContent = 'Acme Air answered, all good now';
    cell.append(question);
    await settle(scanner);
    expect(read).toEqual(['1790000000000000005: Acme Air answered, a']);
    // So is one whose cell is taken out and put back (a list that keeps the nodes it scrolls away).
    const holder = cell.parentElement!;
    cell.remove();
    question.querySelector('[data-testid="tweetText"]')!.textContent = 'Acme Air answered twice';
    holder.append(cell);
    await settle(scanner);
    expect(read).toEqual(['1790000000000000005: Acme Air answered, a', '1790000000000000005: Acme Air answered tw']);
    read.splice(1);
    // A post going into one read in full (as replies load into a comment) is read as itself, the other not again.
    const brand = article('1790000000000000004');
    const reply = article('1790000000000000003').cloneNode(true) as Element;
    reply.querySelectorAll('a[href*="/status/"]').forEach((a) => a.setAttribute('href', '/lisapark/status/77'));
    reply.querySelector('[data-testid="tweetText"]')!.textContent = 'Acme Air please answer';
    const reads = vi.spyOn(x, 'extractPost');
    brand.append(reply);
    await settle(scanner);
    expect(read).toEqual(['1790000000000000005: Acme Air answered, a', '77: Acme Air please answ']);
    expect(reads.mock.calls.map(([root]) => root)).toEqual([reply]);
    reads.mockRestore();
  });
});

describe('post scanner: posts changed often, or for a moment', () => {
  it('reads a post changed many times within a moment once, and gives one up only if it stays changed', async () => {
    const { read, dropped, scanner } = watch({ recheckMs: 200, dropAfterMs: 400, idsOnly: true });
    await scanner.idle();
    const question = [...document.querySelectorAll('article')].find((a) => a.querySelector('a[href$="/status/1790000000000000005"]'))!;
    const time = document.createTreeWalker(question.querySelector('time')!, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const reads = vi.spyOn(x, 'extractPost');
    // A counter ticking ten times within the moment: one read, nothing handed on.
    for (let i = 0; i < 10; i++) {
      time.data = `${i}m`;
      await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise((r) => setTimeout(r, 450));
    expect(reads.mock.calls.filter(([root]) => root === question)).toHaveLength(1);
    reads.mockRestore();
    // A spinner in place of its words for a moment: not given up, nor handed on again.
    const words = question.querySelector('[data-testid="tweetText"]')!;
    const was = [...words.childNodes];
    const count = read.length;
    words.replaceChildren(Object.assign(document.createElement('div'), { role: 'progressbar' }));
    await new Promise((r) => setTimeout(r, 90));
    words.replaceChildren(...was);
    await new Promise((r) => setTimeout(r, 700));
    expect(dropped).toEqual([]);
    // Handed on once more at most (read again in full): the same post, under the same key.
    expect(read.slice(count).every((id) => id === '1790000000000000005')).toBe(true);
    // Named by another link since, its words as they were: not handed on again.
    const handed = read.length;
    question.querySelectorAll('a[href$="/status/1790000000000000005"]').forEach((a) => a.setAttribute('href', '/samortiz/status/1790000000000000555'));
    time.data = '9m';
    await new Promise((r) => setTimeout(r, 450));
    expect(read).toHaveLength(handed);
    // Changed for good (deleted in place): given up once the moment has passed.
    question.replaceChildren(Object.assign(document.createElement('div'), { textContent: 'This Post was deleted by the Post author.' }));
    await new Promise((r) => setTimeout(r, 60));
    expect(dropped).toEqual([]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(dropped).toEqual([question]);
  });

  it('counts a reply waiting for the post it answers, then edited out of the brand, as no longer read', async () => {
    document.body.innerHTML = readFileSync('test/fixtures/x/status.html', 'utf8');
    const [focused, reply] = [...document.querySelectorAll('article[data-testid="tweet"]')] as Element[];
    // The focused post joined by the thread line to a post above it that is not on the page yet: a reply waiting.
    focused!.querySelector('.r-ttdzmv')!.parentElement!.insertAdjacentHTML(
      'afterbegin',
      '<div class="css-175oi2r r-18kxxzh r-1b7u577 r-onrtq4 r-15zivkp"><div class="css-175oi2r r-1bimlpy r-1jgb5lz r-m5arl1 r-1p0dtai"></div></div>',
    );
    const c = new AbortController();
    onTestFinished(() => c.abort());
    const scanner = createPostScanner({ adapter: x, doc: document, onPosts: () => undefined, wanted: ({ text }) => /Lisbon/.test(text), signal: c.signal, recheckMs: 0, dropAfterMs: 0 });
    await scanner.idle();
    expect(scanner.stats.read).toBe(1);
    focused!.querySelector('[data-testid="tweetText"]')!.textContent = 'Flight cancelled, rebooked for Thursday';
    await new Promise((r) => setTimeout(r, 30));
    await scanner.idle();
    expect(scanner.stats.read).toBe(0);
    const parent = reply!.closest('[data-testid="cellInnerDiv"]')!.cloneNode(true) as Element;
    parent.innerHTML = parent.innerHTML.replaceAll('kim_flies', 'AcmeAir').replaceAll('1790000000000000106', '1790000000000000100');
    focused!.closest('[data-testid="cellInnerDiv"]')!.before(parent);
    await new Promise((r) => setTimeout(r, 30));
    await scanner.idle();
    expect(scanner.stats.read).toBe(0);
  });
});
