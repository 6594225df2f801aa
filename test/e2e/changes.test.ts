/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, serveFixture, writeSettings, type ExtensionBrowser } from './harness';

// A page is not written once: YouTube refills its comment renderers in place for another video or sort order, posts
// are edited, expanded and deleted where they stand. The overlays follow what each root shows now.
describe('in real Chromium, posts the page changes after they were annotated', () => {
  let ext: ExtensionBrowser;
  let page: Page;
  const root = (id: string) => page.locator(`article:has(a[href$="/status/${id}"])`);

  beforeAll(async () => {
    ext = await launchWithExtension();
    await writeSettings(ext.worker, { token: '', brands: [{ name: 'Acme Air', handles: ['AcmeAir'], hashtags: ['acmefail'] }, { name: 'SkyJet', competitor: true }] });
    await serveFixture(ext.context, 'https://x.com/**', 'x/timeline.html');
    page = await ext.context.newPage();
    await page.goto('https://x.com/home');
    await page.waitForSelector('[data-firstreply-post="x:1790000000000000005"]');
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('follows a root reused for another post: no overlay where it names no brand, the new post’s where it does', async () => {
    // The complaint's article is given Lisa's apple pie post; Lisa's is given a new post naming SkyJet and Acme Air.
    await page.evaluate(() => {
      const find = (id: string) => [...document.querySelectorAll('article')].find((a) => a.querySelector(`a[href$="/status/${id}"]`))!;
      const complaint = find('1790000000000000001');
      const lisa = find('1790000000000000003');
      const pie = lisa.innerHTML;
      lisa.innerHTML = find('1790000000000000006').innerHTML.replaceAll('1790000000000000006', '1790000000000000077');
      lisa.querySelector('[data-testid="tweetText"]')!.textContent = 'Switched from Acme Air to SkyJet, never looking back';
      complaint.innerHTML = pie.replaceAll('1790000000000000003', '1790000000000000078');
    });
    const reused = root('1790000000000000077');
    await expect.poll(() => reused.getAttribute('data-firstreply-post'), { timeout: 5000 }).toBe('x:1790000000000000077');
    expect(await reused.locator('firstreply-overlay').getAttribute('data-brands')).toBe('Acme Air,SkyJet');
    const pie = root('1790000000000000078');
    await expect.poll(() => pie.getAttribute('data-firstreply-post'), { timeout: 5000 }).toBeNull();
    expect(await pie.locator('firstreply-overlay').count()).toBe(0);
  });

  it('reads an edited post again, and takes the overlay off a post deleted in place for good', async () => {
    await page.evaluate(() => {
      const find = (id: string) => [...document.querySelectorAll('article')].find((a) => a.querySelector(`a[href$="/status/${id}"]`))!;
      find('1790000000000000002').querySelector('[data-testid="tweetText"]')!.textContent = 'Acme Air lost my bag again, worst airline ever, I want a refund';
      find('1790000000000000005').replaceChildren(Object.assign(document.createElement('div'), { textContent: 'This Post was deleted by the Post author.' }));
    });
    const edited = root('1790000000000000002').locator('firstreply-overlay');
    await expect.poll(() => edited.getAttribute('data-sentiment'), { timeout: 5000 }).toBe('negative');
    const deleted = page.locator('article:not(:has(a))');
    await expect.poll(() => deleted.first().getAttribute('data-firstreply-post'), { timeout: 5000 }).toBeNull();
    // The overlays of posts still on the page are put back when the page takes them out (at most a second later):
    // not this one's.
    await page.waitForTimeout(1500);
    expect(await page.locator('article:not(:has(a)) firstreply-overlay').count()).toBe(0);
    expect(await page.locator('article:not(:has(a))[data-firstreply-post]').count()).toBe(0);
  });
});

describe("in real Chromium, a YouTube watch page refilled in place for another video", () => {
  let ext: ExtensionBrowser;
  let page: Page;
  const video = () => page.locator('ytd-watch-metadata');

  beforeAll(async () => {
    ext = await launchWithExtension();
    await writeSettings(ext.worker, { token: '', brands: [{ name: 'Acme Air', handles: ['AcmeAir'], hashtags: ['acmefail'] }, { name: 'SkyJet', competitor: true }] });
    await serveFixture(ext.context, 'https://www.youtube.com/**', 'youtube/watch-video.html');
    page = await ext.context.newPage();
    await page.goto('https://www.youtube.com/watch?v=Vd3Acm7Lost');
    await page.waitForSelector('ytd-watch-metadata[data-firstreply-post="youtube:Vd3Acm7Lost"]');
  });

  afterAll(async () => {
    await ext?.close();
  });

  /** What YouTube does on going to another video: a new address, the same elements given that video's id, title, channel and description. */
  const goTo = (v: string, title: string, channel: string, description: string) =>
    page.evaluate(
      ([v, title, channel, description]) => {
        history.pushState({}, '', `/watch?v=${v}`);
        window.dispatchEvent(new PopStateEvent('popstate'));
        document.querySelector('ytd-watch-flexy')!.setAttribute('video-id', v);
        const meta = document.querySelector('ytd-watch-metadata')!;
        meta.setAttribute('video-id', v);
        meta.querySelector('#title h1 yt-formatted-string')!.textContent = title;
        for (const a of meta.querySelectorAll('ytd-video-owner-renderer a')) a.setAttribute('href', `/@${channel}`);
        meta.querySelector('ytd-channel-name a')!.textContent = channel;
        meta.querySelector('#attributed-snippet-text')!.textContent = description;
        document.querySelector('ytd-engagement-panel-section-list-renderer')?.remove();
      },
      [v, title, channel, description] as const,
    );

  it('takes the overlay off when the next video names no brand, and puts on the one after it that does, by its own id', async () => {
    await goTo('Porto48hrsX', 'Porto in 48 hours', 'jo.wanders', 'Two days of tiles, trams and pastéis de nata.');
    await expect.poll(() => video().getAttribute('data-firstreply-post'), { timeout: 5000 }).toBeNull();
    expect(await video().locator('firstreply-overlay').count()).toBe(0);
    await goTo('Sk7Seats001', "SkyJet's new seats, first look", 'flightreviewer', 'Flew the new SkyJet cabin to Madrid. Better than Acme Air?');
    await expect.poll(() => video().getAttribute('data-firstreply-post'), { timeout: 5000 }).toBe('youtube:Sk7Seats001');
    expect(await video().locator('firstreply-overlay').count()).toBe(1);
    expect(await video().locator('firstreply-overlay').getAttribute('data-brands')).toBe('Acme Air,SkyJet');
  });
});
