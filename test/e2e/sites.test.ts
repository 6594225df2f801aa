/// <reference types="chrome" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchPost } from '../../lib/analyze';
import { readPost } from '../../lib/analyze-detail';
import { compileBrands } from '../../lib/match';
import { BrandListSchema } from '../../lib/schemas/brand';
import { postKey, type Post } from '../../lib/schemas/post';
import { ADAPTERS } from '../../lib/sites';
import { closestRoot, postRoots } from '../../lib/sites/types';
import { clickableReplyControl } from '../../lib/dom/open-reply-box';
import { launchWithExtension, ROOT, writeSettings, type ExtensionBrowser } from './harness';

const BRANDS = BrandListSchema.parse([
  { name: 'Acme Air', aliases: ['AcmeAir'], handles: ['AcmeAir', 'acmeair', 'acmeair.bsky.social'], hashtags: ['acmefail'], domains: ['acmeair.com'] },
  { name: 'SkyJet', competitor: true },
]);

/** Where each saved page lives on its site (fixtures that say so carry a "saved from url" line). */
const URLS: Record<string, string> = {
  'x/timeline.html': 'https://x.com/home',
  'facebook/feed.html': 'https://www.facebook.com/',
  'linkedin/feed.html': 'https://www.linkedin.com/feed/',
  'bluesky/notifications.html': 'https://bsky.app/notifications',
  'mastodon/home.html': 'https://mastodon.social/home',
  'mastodon/thread.html': 'https://mastodon.social/@AcmeAir@acmeair.social/112445566778899201',
  'mastodon/home-redesign.html': 'https://mastodon.social/home',
  'mastodon/post-redesign.html': 'https://mastodon.social/@AcmeAir@acmeair.social/113300000000000201',
  'reddit/comments.html': 'https://www.reddit.com/r/flying/comments/1cs1def/acme_air_vs_skyjet_for_transatlantic/',
  'reddit/feed.html': 'https://www.reddit.com/r/travel/',
  'reddit/old-comments.html': 'https://old.reddit.com/r/travel/comments/1cr0abc/acme_air_lost_my_bag_again/',
  'tiktok/video.html': 'https://www.tiktok.com/@maya.travels/video/7503255146975644911',
  'youtube/watch.html': 'https://www.youtube.com/watch?v=k3Yq9wAcm3E',
  'youtube/posts.html': 'https://www.youtube.com/@AcmeAir/posts',
};

/** Pages laid out as a fixture but found at another address too. */
const ALSO_AT: Record<string, string[]> = {
  // The For You feed has the video page's layout, its comment drawer beside the cards. (There a photo post's card
  // names no post, nor does the drawer showing its comments: lib/sites/tiktok.test.ts.)
  'tiktok/video-2025.html': ['https://www.tiktok.com/foryou'],
  // Search results list posts as notifications do.
  'bluesky/notifications.html': ['https://bsky.app/search?q=acme+air'],
  // Reddit's sh. host, still served in 2025–2026, shows new Reddit.
  'reddit/comments.html': ['https://sh.reddit.com/r/travel/comments/1cr0abc/acme_air_lost_my_bag_again/'],
  // The bare hosts the sites send on to www. (a link, a bookmark or a saved page may keep them).
  'reddit/feed.html': ['https://reddit.com/r/travel/'],
  'facebook/feed.html': ['https://facebook.com/'],
  'instagram/feed.html': ['https://instagram.com/'],
  'linkedin/feed.html': ['https://linkedin.com/feed/'],
  // A post's page seen logged out, on a country's host.
  'linkedin/post-logged-out.html': ['https://uk.linkedin.com/posts/priya-raman-3b1a2c_acme-air-refund-activity-7410643423461978113-qX2k'],
  'linkedin/company-logged-out.html': ['https://de.linkedin.com/company/skyjet'],
  'youtube/watch.html': ['https://youtube.com/watch?v=k3Yq9wAcm3E'],
};

const fixtures = ADAPTERS.flatMap((adapter) =>
  readdirSync(join(ROOT, 'test/fixtures', adapter.id))
    .filter((f) => f.endsWith('.html'))
    .flatMap((file) => {
      const path = `${adapter.id}/${file}`;
      const html = readFileSync(join(ROOT, 'test/fixtures', path), 'utf8');
      const url = /saved from url=\(\d+\)(\S+?) ?-->/.exec(html)?.[1] ?? URLS[path];
      return [{ adapter, path, html, url: url! }, ...(ALSO_AT[path] ?? []).map((at) => ({ adapter, path: `${path} at ${at}`, html, url: at }))];
    }),
);

/** The elements a reply box may be, in document order: where a filled reply is looked for. */
const EDITABLE = 'textarea, input, [contenteditable]:not([contenteditable="false"])';

interface Expected {
  post: Post;
  sentiment: string;
  brands: string;
  /** The post's reply box, as its place among the page's EDITABLE elements; -1 when the page shows none for it. */
  box: number;
  /**
   * Where the post's Reply control is, when it shows one free to click (clicked to open a box not open yet): the
   * post's key, or '' for a control apart from every post (findReplyControl); undefined when none.
   */
  control: string | undefined;
}

/** What the adapter, the matcher and the sentiment model make of a page outside the browser: the posts to annotate. */
function expected(html: string, url: string, adapter: (typeof ADAPTERS)[number]): Map<string, Expected> {
  const window = new Window({ url });
  window.document.write(html);
  const doc = window.document as unknown as Document;
  const matcher = compileBrands(BRANDS);
  const out = new Map<string, Expected>();
  const editable = [...doc.querySelectorAll(EDITABLE)];
  for (const root of postRoots(adapter, doc)) {
    const post = adapter.extractPost(root);
    const match = post && matchPost(post, matcher);
    if (!match) continue;
    const found = adapter.findReplyBox(root);
    const box = found ? editable.indexOf(found) : -1;
    if (found && box < 0) throw new Error(`${postKey(post)}: its reply box is none of ${EDITABLE}`);
    const clickable = clickableReplyControl(adapter, root);
    const control = clickable ? (closestRoot(adapter, clickable) ? postKey(post) : '') : out.get(postKey(post))?.control;
    out.set(postKey(post), { post, sentiment: readPost(post.text).sentiment, brands: [...match.brands, ...match.competitorBrands].join(','), box, control });
  }
  void window.happyDOM.close();
  return out;
}

/** The ads among a page's post roots (skipped on purpose), outside the browser. */
function adsIn(html: string, url: string, adapter: (typeof ADAPTERS)[number]): number {
  const window = new Window({ url });
  window.document.write(html);
  const doc = window.document as unknown as Document;
  const ads = postRoots(adapter, doc).filter((root) => !adapter.extractPost(root) && adapter.isAd?.(root)).length;
  void window.happyDOM.close();
  return ads;
}

describe('every site adapter, through the extension in real Chromium', () => {
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchWithExtension();
    await writeSettings(ext.worker, { brands: BRANDS, token: '' });
  });
  afterAll(async () => ext?.close());

  it('has a URL for every fixture, and fixtures where a reply box is open', () => {
    const boxes = fixtures.filter((f) => [...expected(f.html, f.url, f.adapter).values()].some((w) => w.box >= 0));
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    expect(fixtures.filter((f) => !f.url).map((f) => f.path)).toEqual([]);
  });

  for (const { adapter, path, html, url } of fixtures) {
    it(`${path}: annotates the posts that mention a brand, with the DOM contract and the fields read`, async () => {
      const want = expected(html, url, adapter);
      expect(want.size, 'the fixture mentions a brand').toBeGreaterThan(0);
      const origin = new URL(url).origin;
      const page: Page = await ext.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // Nothing leaves the machine: other origins (images, fonts on CDNs) are refused at once.
      await page.route((u) => u.origin !== origin, (route) => route.abort());
      await page.route(`${origin}/**`, (route) =>
        route.request().resourceType() === 'document' ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }) : route.fulfill({ status: 204, body: '' }),
      );
      await page.goto(url);
      const annotated = () => page.$$eval('[data-firstreply-post]', (els) => els.map((e) => e.getAttribute('data-firstreply-post')!).sort());
      await expect.poll(annotated, { timeout: 10_000 }).toEqual([...want.keys()].sort());
      const keys = await annotated();
      // Every annotated post has exactly one overlay host of its own carrying the contract, and
      // the sentiment and brands read in the browser are those read outside it.
      const hosts = await page.$$eval('[data-firstreply-post]', (els) =>
        els.map((e) => {
          const own = [...e.querySelectorAll('firstreply-overlay')].filter((h) => h.closest('[data-firstreply-post]') === e);
          return { key: e.getAttribute('data-firstreply-post')!, n: own.length, sentiment: own[0]?.getAttribute('data-sentiment'), brands: own[0]?.getAttribute('data-brands') };
        }),
      );
      for (const { key, ...h } of hosts) {
        const { sentiment, brands } = want.get(key)!;
        expect(h, key).toEqual({ n: 1, sentiment, brands });
      }
      // The fields read in the browser are those read outside it.
      const first = keys[0]!;
      // (The post an earlier page focused may have this one's id: it goes first.)
      await ext.worker.evaluate(() => chrome.storage.session.remove('focusedPost'));
      // A click as the agent makes it; dispatched, since some saved pages hold an open dialog over the post.
      await page.locator(`[data-firstreply-post="${first}"] firstreply-overlay button`).first().dispatchEvent('click');
      await expect
        .poll(async () => ((await ext.worker.evaluate(() => chrome.storage.session.get('focusedPost'))).focusedPost as { post?: Post } | undefined)?.post?.id)
        .toBe(want.get(first)!.post.id);
      const focused = (await ext.worker.evaluate(() => chrome.storage.session.get('focusedPost'))).focusedPost as { post: Post };
      const { publishedAt: a, ...inBrowser } = focused.post;
      const { publishedAt: b, ...outside } = want.get(first)!.post;
      expect(inBrowser).toEqual(outside);
      expect(Boolean(a)).toBe(Boolean(b));
      // A reply is put into each annotated post's own reply box when the page shows one, and into no
      // other: asked of the page's content script as the side panel asks it.
      // (The page's tab, as the side panel knows it: from the post focused above.)
      const tabId = ((await ext.worker.evaluate(() => chrome.storage.session.get("focusedPost"))).focusedPost as { tabId: number }).tabId;
      // Where a post's box is not open, its own Reply control is clicked to open it (the saved page, without
      // the site's code, opens nothing): the page notes which post each click is in, and stops it there (the
      // saved page's inline handlers call the site's scripts, which it does not have).
      await page.evaluate(() => {
        const w = window as unknown as { __replyClicks: string[] };
        w.__replyClicks = [];
        document.addEventListener(
          'click',
          (e) => {
            w.__replyClicks.push((e.target as Element).closest('[data-firstreply-post]')?.getAttribute('data-firstreply-post') ?? '');
            e.stopPropagation();
            e.preventDefault();
          },
          true,
        );
      });
      for (const key of keys) {
        const text = `Thanks for telling us, we are on it (${key}).`;
        await page.evaluate(() => ((window as unknown as { __replyClicks: string[] }).__replyClicks = []));
        const answer = await ext.worker.evaluate(
          ([tab, data]) => chrome.tabs.sendMessage(tab, { firstreply: 1, name: 'fillReply', data }, { frameId: 0 }),
          [tabId, { post: key, text, openWithinMs: 100 }] as const,
        );
        const { box, control } = want.get(key)!;
        expect(answer, key).toEqual(box < 0 ? { filled: false, reason: 'no-reply-box' } : { filled: true });
        const clicks = await page.evaluate(() => (window as unknown as { __replyClicks: string[] }).__replyClicks);
        expect(clicks, `${key}: its Reply control clicked`).toEqual(box < 0 && control !== undefined ? [control] : []);
        const holding = await page.$$eval(
          EDITABLE,
          (els, t) => els.flatMap((el, i) => (((el as HTMLInputElement).value ?? el.textContent ?? '').includes(t) || (el.textContent ?? '').includes(t) ? [i] : [])),
          text,
        );
        expect(holding, key).toEqual(box < 0 ? [] : [box]);
      }
      // The page's diagnostics count its ads apart from what could not be read, as outside the browser.
      const stats = (await ext.worker.evaluate(
        ([tab]) => chrome.tabs.sendMessage(tab, { firstreply: 1, name: 'pageStats', data: {} }, { frameId: 0 }),
        [tabId] as const,
      )) as { ads: number };
      expect(stats.ads, 'ads').toBe(adsIn(html, url, adapter));
      const gone = await ext.worker.evaluate(
        ([tab]) => chrome.tabs.sendMessage(tab, { firstreply: 1, name: 'fillReply', data: { post: 'x:0', text: 'Hello' } }, { frameId: 0 }),
        [tabId] as const,
      );
      expect(gone).toEqual({ filled: false, reason: 'post-gone' });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
