/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BRANDS, renderDemoFeed } from '../../scripts/demo-feed';
import { launchWithExtension, serveHtml, writeSettings, type ExtensionBrowser } from './harness';

describe('the demo feed `npm start` serves, in real Chromium', () => {
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('is annotated where npm start serves it, and nowhere else on that host', async () => {
    await serveHtml(ext.context, 'http://localhost:8788/**', renderDemoFeed());
    await writeSettings(ext.worker, { brands: DEMO_BRANDS });
    const page = await ext.context.newPage();
    await page.goto('http://localhost:8788/firstreply-demo/');
    // The five posts that name Acme Air or SkyJet (scripts/demo-feed.test.ts), and Acme Air's own post.
    await expect.poll(() => page.locator('firstreply-overlay').count()).toBe(6);
    expect(await page.locator('[data-firstreply-post^="x:"]').count()).toBe(6);
    expect(await page.locator('firstreply-overlay[data-own]').count()).toBe(1);
    // The same page at another path of the host is no demo feed: no content script runs there.
    await page.goto('http://localhost:8788/elsewhere/');
    await page.waitForTimeout(500);
    expect(await page.locator('firstreply-overlay').count()).toBe(0);
  });
});
