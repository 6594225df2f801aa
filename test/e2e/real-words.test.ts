/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchWithExtension, serveHtml, writeSettings, type ExtensionBrowser } from './harness';

// The X timeline, with two posts rewritten: one names Boeing with a typo, one only holds real words
// one edit from "boeing" ("being", "boring").
const TYPO = 'Is the Boing 737 still flying to Lisbon in June? Cannot find it on the site';
const REAL_WORDS = 'Being honest, the flight was boring';
const FLIGHTY = 'Switched to Flighty and honestly never looking back';
// A plural of a name counts ("Teslas"), unless it is a real word ("apples").
const PLURAL = 'Both Teslas at the shop again, third time this month';
const APPLES = 'Picking apples this weekend, anyone have a good crust recipe?';
const page$ = fixture('x/timeline.html')
  .replace('Is Acme Air still flying to Lisbon in June? Cannot find it on the site', TYPO)
  .replace('Quiet morning, coffee and a good book', REAL_WORDS)
  .replace('Switched to SkyJet and honestly never looking back', FLIGHTY)
  .replace('Vol annulé par Acme Air sans explication, très déçu.', PLURAL)
  .replace('Baking an apple pie tonight, anyone have a good crust recipe?', APPLES);

describe('in real Chromium, real words are never variants of a brand name', () => {
  let ext: ExtensionBrowser;
  let page: Page;
  const storedRealWords = async () => ((await ext.worker.evaluate(() => chrome.storage.local.get('realWords'))).realWords as { words: string[] } | undefined)?.words;
  const annotatedTexts = () =>
    page.$$eval('article[data-firstreply-post]', (els) =>
      els.filter((e) => e.querySelector('firstreply-overlay')).map((e) => e.querySelector('[data-testid="tweetText"]')?.textContent ?? ''),
    );

  beforeAll(async () => {
    ext = await launchWithExtension();
    await serveHtml(ext.context, 'https://x.com/**', page$);
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('lists the real words near the brand names when the brands change', async () => {
    await writeSettings(ext.worker, { token: '', brands: [{ name: 'Boeing' }] });
    await expect.poll(storedRealWords, { timeout: 10_000 }).toContain('being');
    const words = (await storedRealWords())!;
    expect(words).toEqual(expect.arrayContaining(['boring', 'boxing']));
    expect(words).not.toContain('boing');
  });

  it('annotates the post with a typo of the name, not the one with real words near it', async () => {
    page = await ext.context.newPage();
    await page.goto('https://x.com/home');
    await expect.poll(annotatedTexts).toEqual([TYPO]);
    expect(await page.locator('firstreply-overlay').first().getAttribute('data-brands')).toBe('Boeing');
  });

  it('applies a new brand’s real words to an open page', async () => {
    // "flight" is a real word one edit from Flighty: the post holding it stays without an overlay.
    await writeSettings(ext.worker, { token: '', brands: [{ name: 'Boeing' }, { name: 'Flighty' }] });
    await expect.poll(storedRealWords, { timeout: 10_000 }).toContain('flight');
    await expect.poll(annotatedTexts).toEqual([TYPO, FLIGHTY]);
  });

  it("annotates a name's plural, not a real word that is another name's plural", async () => {
    await writeSettings(ext.worker, { token: '', brands: [{ name: 'Tesla' }, { name: 'Apple' }] });
    await expect.poll(storedRealWords, { timeout: 10_000 }).toContain('apples');
    expect(await storedRealWords()).not.toContain('teslas');
    await expect.poll(annotatedTexts).toEqual([PLURAL]);
  });
});
