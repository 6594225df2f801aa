/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Backend, launchWithExtension, serveFixture, writeSettings, type ExtensionBrowser } from './harness';

const BRANDS = [
  { name: 'Acme Air', aliases: ['AcmeAir'], handles: ['AcmeAir'], hashtags: ['acmefail'] },
  { name: 'Apple', exclude: ['apple pie'] },
  { name: 'SkyJet', competitor: true },
];
const post = (id: string) => `[data-firstreply-post="x:${id}"]`;
const COMPLAINT = '1790000000000000001';

describe('X: overlay → side panel → log → history, in real Chromium', () => {
  const backend = new Backend();
  let team: { teamId: string; token: string };
  let ext: ExtensionBrowser;
  let page: Page;

  const customerCount = async (handle: string) =>
    (await backend.api<{ interactionCount: number }>(team.token, 'GET', `/v1/customers/x/${handle}`)).json.interactionCount;

  beforeAll(async () => {
    team = await backend.createTeam('Acme Air Care');
    await backend.start();
    expect((await backend.api(team.token, 'PUT', '/v1/brands', { brands: BRANDS })).status).toBe(200);
    ext = await launchWithExtension();
    await writeSettings(ext.worker, { backendUrl: backend.url, token: team.token, brands: BRANDS });
    await serveFixture(ext.context, 'https://x.com/**', 'x/timeline.html');
    page = await ext.context.newPage();
    await page.goto('https://x.com/home');
  });

  afterAll(async () => {
    await ext?.close();
    await backend.stop();
    backend.dispose();
  });

  it('annotates exactly the posts that mention a brand, with the DOM contract', async () => {
    await page.locator(`${post(COMPLAINT)} firstreply-overlay`).waitFor({ state: 'attached' });
    const annotated = await page.$$eval('[data-firstreply-post]', (els) => els.map((e) => e.getAttribute('data-firstreply-post')));
    expect(annotated.sort()).toEqual(
      ['1', '2', '4', '5', '6', '7'].map((n) => `x:179000000000000000${n}`).sort(),
    );
    const host = (id: string) => page.locator(`${post(id)} firstreply-overlay`);
    expect(await host(COMPLAINT).getAttribute('data-sentiment')).toBe('negative');
    expect(await host(COMPLAINT).getAttribute('data-brands')).toBe('Acme Air');
    expect(await host('1790000000000000002').getAttribute('data-sentiment')).toBe('positive');
    // Praising a competitor over a quote of the brand's own post: it speaks to the brand too.
    expect(await host('1790000000000000006').getAttribute('data-brands')).toBe('Acme Air,SkyJet');
    expect(await host('1790000000000000006').getAttribute('data-competitors')).toBe('SkyJet');
    expect(await host('1790000000000000004').getAttribute('data-own')).toBe('');
    // The overlay is visible inside its shadow root, and page CSS did not reach it.
    await expect(host(COMPLAINT).locator('button.fr-bar').isVisible()).resolves.toBe(true);
    expect(await host(COMPLAINT).locator('.fr-sentiment').textContent()).toBe('Negative');
    // In view, the overlay also reads what the customer wants and how urgent it is.
    await expect.poll(() => host(COMPLAINT).getAttribute('data-intents')).toMatch(/complaint/);
    expect(Number(await host(COMPLAINT).getAttribute('data-urgency'))).toBeGreaterThanOrEqual(2);
    expect(await host(COMPLAINT).locator('.fr-urgent').textContent()).toMatch(/Urgent|Critical/);
  });

  it('shows a new customer as such before any log', async () => {
    await expect.poll(() => page.locator(`${post(COMPLAINT)} firstreply-overlay`).getAttribute('data-history-count')).toBe('0');
    expect(await page.locator(`${post(COMPLAINT)} firstreply-overlay .fr-history`).textContent()).toBe('New customer');
  });

  it('opens the side panel on the clicked post, logs a reply, and the overlay shows the history', async () => {
    await page.locator(`${post(COMPLAINT)} firstreply-overlay button`).click();
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
    await expect.poll(() => panel.getByTestId('focused-post').getAttribute('data-post')).toBe(`x:${COMPLAINT}`);
    expect(await panel.getByTestId('post-text').textContent()).toContain('my order from @AcmeAir never arrived');
    expect(await panel.getByTestId('post-sentiment').textContent()).toBe('negative');
    expect(await panel.getByTestId('post-intent').allTextContents()).toContain('Complaint');
    expect(await panel.getByTestId('post-urgency').textContent()).toMatch(/Urgent|Critical/);
    await expect.poll(() => panel.getByTestId('history-count').getAttribute('data-count')).toBe('0');
    // Diagnostics: six posts annotated, and the one whose markup changed counted as unreadable.
    const diag = panel.getByTestId('page-diagnostics');
    await expect.poll(() => diag.getAttribute('data-annotated'), { timeout: 5000 }).toBe('6');
    expect(await diag.getAttribute('data-skipped')).toBe('1');

    // A reply with private data in it is flagged before it goes out.
    await panel.getByTestId('reply-text').fill('Maya, write to me at sam.care@acmeair.com with your order number');
    await expect.poll(() => panel.getByTestId('reply-private-data').textContent()).toMatch(/email/);
    // The brand's own care address, at a domain the team lists for it, is public: no warning. The agent's own stays private.
    await writeSettings(ext.worker, { backendUrl: backend.url, token: team.token, brands: [{ ...BRANDS[0], domains: ['acmeair.com'] }, BRANDS[1], BRANDS[2]] });
    await panel.getByTestId('reply-text').fill('Maya, write to care@acmeair.com with your order number');
    await expect.poll(() => panel.getByTestId('reply-private-data').count()).toBe(0);
    await panel.getByTestId('reply-text').fill('Maya, write to me at sam.care@acmeair.com with your order number');
    await expect.poll(() => panel.getByTestId('reply-private-data').textContent()).toMatch(/email/);
    await writeSettings(ext.worker, { backendUrl: backend.url, token: team.token, brands: BRANDS });
    await panel.getByTestId('reply-text').fill('Maya, I am sorry your order went missing. I have refunded it: you will see it within 3 days.');
    expect(await panel.getByTestId('reply-private-data').count()).toBe(0);
    await panel.getByTestId('outcome-resolved_first_response').check();
    await panel.getByTestId('log-button').click();
    await expect.poll(() => panel.getByTestId('log-status').getAttribute('data-state')).toBe('synced');
    expect(await customerCount('mayachen_')).toBe(1);
    await expect.poll(() => panel.getByTestId('history-count').getAttribute('data-count')).toBe('1');
    await expect.poll(() => page.locator(`${post(COMPLAINT)} firstreply-overlay`).getAttribute('data-history-count')).toBe('1');
    // Each overlay, a copy of the host built for its look, shows its own customer's history.
    expect(await page.locator(`${post(COMPLAINT)} firstreply-overlay .fr-history`).textContent()).toBe('1 past');
    expect(await page.locator(`${post('1790000000000000005')} firstreply-overlay .fr-history`).textContent()).toBe('New customer');
    await panel.close();
  });

  it('keeps a log made while the backend is down and syncs it exactly once', async () => {
    await backend.stop();
    await page.locator(`${post(COMPLAINT)} firstreply-overlay button`).click();
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
    await panel.getByTestId('reply-text').fill('Following up by DM with your booking details, Maya.');
    await panel.getByTestId('outcome-moved_to_dm').check();
    await panel.getByTestId('log-button').click();
    await expect.poll(() => panel.getByTestId('log-status').getAttribute('data-state')).toBe('queued');
    expect(await panel.getByTestId('log-status').textContent()).toMatch(/unreachable/);
    await expect.poll(() => panel.getByTestId('outbox-status').getAttribute('data-pending')).toBe('1');

    await backend.start();
    await panel.getByTestId('sync-now').click();
    await expect.poll(() => panel.getByTestId('outbox-status').count()).toBe(0);
    expect(await customerCount('mayachen_')).toBe(2);
    // A second sync has nothing left to send.
    await ext.worker.evaluate(() => chrome.runtime.sendMessage({ firstreply: 1, name: 'syncOutbox', data: {} }).catch(() => null));
    expect(await customerCount('mayachen_')).toBe(2);
    await panel.close();
  });

  it('applies new settings on an open tab without a reload', async () => {
    await writeSettings(ext.worker, { backendUrl: backend.url, token: team.token, brands: [{ name: 'SkyJet', competitor: true }] });
    await expect.poll(() => page.locator('[data-firstreply-post]').count()).toBe(1);
    expect(await page.locator('[data-firstreply-post]').getAttribute('data-firstreply-post')).toBe('x:1790000000000000006');
    await writeSettings(ext.worker, { backendUrl: backend.url, token: team.token, brands: BRANDS });
    await expect.poll(() => page.locator('[data-firstreply-post]').count()).toBe(6);
    // Settings that change how one post looks (SkyJet no longer a competitor): every post is read
    // again; that one gets a new overlay, and the others keep the very overlay they had all along (the
    // page lays none of them out again, and none blinks off meanwhile).
    // Every overlay taken off the page meanwhile is counted, in the page.
    await page.evaluate(() => {
      const w = window as unknown as { __gone: string[] };
      w.__gone = [];
      document.querySelectorAll('firstreply-overlay').forEach((h, i) => h.setAttribute('data-seen', String(i)));
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.removedNodes) if (n instanceof Element && n.localName === 'firstreply-overlay') w.__gone.push(n.getAttribute('data-seen') ?? 'new');
      }).observe(document.body, { childList: true, subtree: true });
    });
    await writeSettings(ext.worker, { backendUrl: backend.url, token: team.token, brands: [BRANDS[0], BRANDS[1], { name: 'SkyJet' }] });
    const skyjet = page.locator(`${post('1790000000000000006')} firstreply-overlay`);
    await expect.poll(() => skyjet.getAttribute('data-seen')).toBeNull();
    expect(await skyjet.getAttribute('data-competitors')).toBeNull();
    expect(await page.locator('firstreply-overlay[data-seen]').count()).toBe(5);
    expect(await page.locator('firstreply-overlay').count()).toBe(6);
    expect(await page.evaluate(() => (window as unknown as { __gone: string[] }).__gone)).toHaveLength(1);
    await writeSettings(ext.worker, { backendUrl: backend.url, token: team.token, brands: BRANDS });
    await expect.poll(() => skyjet.getAttribute('data-competitors')).toBe('SkyJet');
  });

  it('falls back to the last valid settings when the stored ones are malformed, and says so', async () => {
    await writeSettings(ext.worker, { backendUrl: 'not a url', brands: 'nope' });
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await expect.poll(() => options.getByTestId('settings-problem').textContent()).toMatch(/last valid settings/);
    await page.reload();
    await expect.poll(() => page.locator('[data-firstreply-post]').count()).toBe(6);
    await options.close();
  });

  it('annotates posts that load later, as on an infinite timeline', async () => {
    await page.evaluate(() => {
      const first = document.querySelector('article[data-testid="tweet"]')!.closest('[data-testid="cellInnerDiv"]')!;
      // A copy of a post on the page, its overlay copied with it (as a site's own cloneNode would).
      const clone = first.cloneNode(true) as Element;
      clone.querySelector('article')!.removeAttribute('data-firstreply-post');
      for (const a of clone.querySelectorAll('a[href*="/status/"]')) a.setAttribute('href', '/mayachen_/status/1790000000000000099');
      first.parentElement!.append(clone);
    });
    await page.locator(`${post('1790000000000000099')} firstreply-overlay`).waitFor({ state: 'attached' });
    // Its own overlay only: the copy of the original's is gone.
    expect(await page.locator(`${post('1790000000000000099')} firstreply-overlay`).count()).toBe(1);
    expect(await page.locator(`${post(COMPLAINT)} firstreply-overlay`).count()).toBe(1);
  });

  it('puts an overlay back when the site re-renders the part of a post that held it', async () => {
    const overlay = page.locator(`${post(COMPLAINT)} firstreply-overlay`);
    await overlay.waitFor({ state: 'attached' });
    // As React does when it replaces a post's header with a new one showing the same: our host goes with the element
    // it was in.
    const removed = await page.evaluate((id) => {
      const host = document.querySelector(`[data-firstreply-post="x:${id}"] firstreply-overlay`)!;
      const holder = host.parentElement!;
      const fresh = holder.cloneNode(true) as Element;
      fresh.querySelector('firstreply-overlay')?.remove();
      holder.replaceWith(fresh);
      return !host.isConnected && !document.querySelector(`[data-firstreply-post="x:${id}"] firstreply-overlay`);
    }, COMPLAINT);
    expect(removed).toBe(true);
    await overlay.waitFor({ state: 'attached' });
    expect(await overlay.getAttribute('data-sentiment')).toBe('negative');
  });

  it('puts the reply from the side panel into the post\'s own reply box, or says what to do', async () => {
    // On the timeline the post's reply box is not open: the panel says so and nothing is typed anywhere.
    // (A post the tests above left whole: its header, and with it its time link, is as X rendered it.)
    const PRAISE = '1790000000000000005';
    await page.locator(`${post(PRAISE)} firstreply-overlay button`).click();
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
    await expect.poll(() => panel.getByTestId('focused-post').getAttribute('data-post')).toBe(`x:${PRAISE}`);
    expect(await panel.getByTestId('insert-button').isDisabled()).toBe(true);
    await panel.getByTestId('reply-text').fill('Maya, your refund went out today.');
    // The saved page has none of X's code: its Reply button, clicked for the agent, opens nothing.
    await panel.getByTestId('insert-button').click();
    await expect.poll(() => panel.getByTestId('insert-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('failed');
    expect(await panel.getByTestId('insert-status').textContent()).toMatch(/reply box is not open, and Firstreply could not open it/);

    // As X does, its Reply button opens a dialog showing the post above a Draft.js box: the reply goes there.
    await page.evaluate(() => {
      document.addEventListener('click', (e) => {
        const post = (e.target as Element).closest('[data-testid="reply"]')?.closest('article[data-testid="tweet"]');
        const link = post?.querySelector('a[href*="/status/"] time')?.parentElement?.getAttribute('href');
        if (!link || document.querySelector('[role="dialog"]')) return;
        setTimeout(() => {
          document.body.insertAdjacentHTML(
            'beforeend',
            `<div role="dialog" aria-modal="true"><a href="${link}"><time>2h</time></a>` +
              '<div class="public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="tweetTextarea_0"><div data-contents="true"><div data-block="true"><div><span><br data-text="true"></span></div></div></div></div></div>',
          );
        }, 300);
      });
    });
    await panel.getByTestId('insert-button').click();
    await expect.poll(() => panel.getByTestId('insert-status').getAttribute('data-state'), { timeout: 8000 }).toBe('filled');
    expect(await page.locator('[role="dialog"] [data-testid="tweetTextarea_0"]').textContent()).toBe('Maya, your refund went out today.');
    await page.evaluate(() => document.querySelector('[role="dialog"]')!.remove());

    // On the post's own page, under it, is its reply box: the reply goes there, and is not posted.
    await serveFixture(ext.context, 'https://x.com/dana_flies/status/**', 'x/status.html');
    await page.goto('https://x.com/dana_flies/status/1790000000000000101');
    const focused = page.locator(`${post('1790000000000000101')} firstreply-overlay button`);
    await focused.click();
    await expect.poll(() => panel.getByTestId('focused-post').getAttribute('data-post')).toBe('x:1790000000000000101');
    // What the panel said of the other post's box is gone with it.
    expect(await panel.getByTestId('insert-status').count()).toBe(0);
    const reply = 'Dana, I have moved you to the 18:40 flight to Lisbon tonight, seat 14C. Your new booking is in your inbox.';
    await panel.getByTestId('reply-text').fill(reply);
    await panel.getByTestId('insert-button').click();
    await expect.poll(() => panel.getByTestId('insert-status').getAttribute('data-state')).toBe('filled');
    expect(await page.getByTestId('tweetTextarea_0').textContent()).toBe(reply);

    // Once the page is gone, the panel says to open the post again.
    await page.goto('about:blank');
    await panel.getByTestId('insert-button').click();
    await expect.poll(() => panel.getByTestId('insert-status').textContent()).toMatch(/closed or was reloaded/);
    await panel.close();
  });
});
