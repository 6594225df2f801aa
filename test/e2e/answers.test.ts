/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchWithExtension, serveFixture, serveHtml, writeSettings, type ExtensionBrowser } from './harness';

// The Facebook feed with its first story written by the brand: a comment under it that never names
// the brand ("Did you try the refund form on their website?") still answers it.
const FEED = fixture('facebook/feed.html').replaceAll('maya.chen.77', 'AcmeAir').replaceAll('Maya Chen', 'Acme Air');

describe('in real Chromium, a comment answering the brand is a mention of it', () => {
  let ext: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    ext = await launchWithExtension();
    await writeSettings(ext.worker, { token: '', brands: [{ name: 'Acme Air', handles: ['AcmeAir'] }] });
    await serveHtml(ext.context, 'https://www.facebook.com/**', FEED);
    page = await ext.context.newPage();
    await page.goto('https://www.facebook.com/');
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('annotates a comment under the brand’s own post that never names the brand', async () => {
    const kim = page.locator('[role="article"][aria-label^="Comment by Kim Ito"]');
    await expect.poll(() => kim.getAttribute('data-firstreply-post')).toMatch(/^facebook:/);
    expect(await kim.locator('firstreply-overlay').first().getAttribute('data-brands')).toBe('Acme Air');
    // The story the comment is under is the brand's own.
    expect(await page.locator('firstreply-overlay[data-own]').count()).toBeGreaterThan(0);
  });
});

describe('in real Chromium, a competitor’s own post is shown as the competitor’s', () => {
  let ext: ExtensionBrowser;

  afterAll(async () => {
    await ext?.close();
  });

  it('marks it data-by-competitor, not as our own, even when it names no brand', async () => {
    ext = await launchWithExtension();
    // On the X timeline, @photofan's post names no brand; here @photofan is a competitor's handle.
    await writeSettings(ext.worker, { token: '', brands: [{ name: 'Acme Air', handles: ['AcmeAir'] }, { name: 'SkyJet', handles: ['photofan'], competitor: true }] });
    await serveFixture(ext.context, 'https://x.com/**', 'x/timeline.html');
    const page = await ext.context.newPage();
    await page.goto('https://x.com/home');
    const host = page.locator('[data-firstreply-post="x:1790000000000000008"] firstreply-overlay');
    await expect.poll(() => host.getAttribute('data-by-competitor')).toBe('');
    expect(await host.getAttribute('data-competitors')).toBe('SkyJet');
    expect(await host.getAttribute('data-own')).toBeNull();
    // The brand's own post is still ours.
    expect(await page.locator('[data-firstreply-post="x:1790000000000000004"] firstreply-overlay').getAttribute('data-own')).toBe('');
  });
});

describe('in real Chromium, a Bluesky reply shown as "Replied to Acme Air" answers the brand', () => {
  // Kenji's reply, its parent not shown, with the mention taken out of its text: only the label says
  // whom it answers, by display name.
  const html = fixture('bluesky/timeline.html');
  const kenji = html.indexOf('data-testid="feedItem-by-kenji.dev"');
  const text = html.indexOf('<a href="/profile/did:plc:gbgdgdgfgbgjhccegchdgbhj"', html.indexOf('data-testid="postText"', kenji));
  const TIMELINE = html.slice(0, text) + html.slice(html.indexOf('</a>', text) + '</a>'.length).replace(' any update on the refund for booking AC1234?', 'any update on the refund for booking AC1234?');
  let ext: ExtensionBrowser;

  afterAll(async () => {
    await ext?.close();
  });

  it('annotates it, though its text names no brand', async () => {
    ext = await launchWithExtension();
    await writeSettings(ext.worker, { token: '', brands: [{ name: 'Acme Air', handles: ['acmeair.bsky.social'] }] });
    await serveHtml(ext.context, 'https://bsky.app/**', TIMELINE);
    const page = await ext.context.newPage();
    await page.goto('https://bsky.app/');
    const host = page.locator('[data-testid="feedItem-by-kenji.dev"] firstreply-overlay');
    await expect.poll(() => host.getAttribute('data-brands')).toBe('Acme Air');
    expect(await page.locator('[data-testid="feedItem-by-kenji.dev"] [data-testid="postText"]').textContent()).toBe('any update on the refund for booking AC1234?');
    // A post about nothing of ours stays bare.
    expect(await page.locator('[data-testid="feedItem-by-lisapark.bsky.social"] firstreply-overlay').count()).toBe(0);
  });
});

describe('in real Chromium, on the page of a conversation the brand takes part in', () => {
  // Dana's post names @AcmeAir, the brand answers it, and Dana answers the brand without naming it.
  const CONVERSATION = fixture('x/conversation.html').replace('Booked the Porto connection, thank you Acme Air. But', 'Booked the Porto connection. But');
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchWithExtension();
    await writeSettings(ext.worker, { token: '', brands: [{ name: 'Acme Air', handles: ['AcmeAir'] }] });
    await serveHtml(ext.context, 'https://x.com/**', CONVERSATION);
  });

  afterAll(async () => {
    await ext?.close();
  });

  const answer = '[data-firstreply-post="x:1790000000000000103"] firstreply-overlay';

  it('annotates the customer’s answer to the brand, which does not name it', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://x.com/dana_flies/status/1790000000000000101');
    await expect.poll(() => page.locator(answer).getAttribute('data-brands')).toBe('Acme Air');
    await page.close();
  });

  it('annotates it in a timeline too, where X joins it to the brand’s answer by the thread line', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://x.com/home');
    await expect.poll(() => page.locator(answer).getAttribute('data-brands')).toBe('Acme Air');
    await page.close();
  });

  it('leaves a post the thread line does not join to the brand’s alone in a timeline', async () => {
    // The same page with the thread line above Dana's answer taken out: it is a post of its own, screened for the brand.
    const line = '<div class="css-175oi2r r-1bimlpy r-1jgb5lz r-m5arl1 r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af"></div>';
    const at = CONVERSATION.indexOf(line, CONVERSATION.indexOf('aria-labelledby="id__1790000000000000103"'));
    expect(at).toBeGreaterThan(0);
    const unjoined = CONVERSATION.slice(0, at) + CONVERSATION.slice(at + line.length);
    const page = await ext.context.newPage();
    await page.route('https://x.com/**', (route) => route.fulfill({ body: unjoined, contentType: 'text/html; charset=utf-8' }));
    await page.goto('https://x.com/home');
    await page.locator('[data-firstreply-post="x:1790000000000000102"] firstreply-overlay').waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    expect(await page.locator(answer).count()).toBe(0);
    await page.close();
  });
});

describe('in real Chromium, an answer to the brand that never names it, shown under the brand’s post or comment', () => {
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('annotates a Threads reply that the thread line joins to the brand’s post in a feed', async () => {
    // Dana's reply under the brand's post, with the hashtag that named the brand taken out.
    const feed = fixture('threads/feed.html').replace('Delayed again, three hours now #acmefail', 'Delayed again, three hours now');
    await writeSettings(ext.worker, { token: '', brands: [{ name: 'Acme Air', handles: ['acmeair'] }] });
    const page = await ext.context.newPage();
    await page.route('https://www.threads.com/**', (route) => route.fulfill({ body: feed, contentType: 'text/html; charset=utf-8' }));
    await page.goto('https://www.threads.com/');
    const reply = page.locator('[data-firstreply-post="threads:C7dAnA10rPl"] firstreply-overlay');
    await expect.poll(() => reply.getAttribute('data-brands')).toBe('Acme Air');
    expect(await page.locator('[data-firstreply-post="threads:C7bErLn09dY"] firstreply-overlay').getAttribute('data-own')).toBe('');
    await page.close();
  });

  it('annotates a LinkedIn reply nested under the brand’s comment on someone else’s post', async () => {
    // Kim Ito stands for the brand here: her comment on Maya's post is the brand's, and Maya's reply nested
    // under it ("Kim Ito yes, ref ACM-2291. Sent Acme Air a DM too") answers it without naming the brand.
    const feed = fixture('linkedin/feed.html');
    await writeSettings(ext.worker, { token: '', brands: [{ name: 'Ito Travel', handles: ['kim-ito-88a1b2'] }] });
    const page = await ext.context.newPage();
    await page.route('https://www.linkedin.com/**', (route) => route.fulfill({ body: feed, contentType: 'text/html; charset=utf-8' }));
    await page.goto('https://www.linkedin.com/feed/');
    const reply = page.locator('[data-firstreply-post="linkedin:comment:7328018447489678523"] firstreply-overlay').first();
    await expect.poll(() => reply.getAttribute('data-brands')).toBe('Ito Travel');
    await page.close();
  });
});
