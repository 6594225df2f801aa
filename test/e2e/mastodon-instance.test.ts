/// <reference types="chrome" />
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchWithExtension, serveFixture, writeSettings, type ExtensionBrowser } from './harness';

const INSTANCE = 'https://social.example.org';
/** An instance the team has removed, whose registration the background has not taken back yet. */
const REMOVED = 'https://removed.example.net';

/**
 * A Mastodon instance the team adds: the browser's grant is asked for on the options page, with a click no
 * test can give, so this copy of the extension holds that grant from its install.
 */
function extensionGrantedInstance(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fr-e2e-granted-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `${INSTANCE}/*`, `${REMOVED}/*`];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('a Mastodon instance the team adds, in real Chromium', () => {
  let dir: string;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    dir = extensionGrantedInstance();
    ext = await launchWithExtension(dir);
  });

  afterAll(async () => {
    await ext?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the Mastodon content script there once the instance is added, and annotates its posts', async () => {
    await serveFixture(ext.context, `${INSTANCE}/**`, 'mastodon/home.html');
    const brands = [{ name: 'Acme Air', aliases: ['AcmeAir'], handles: ['AcmeAir'], hashtags: ['acmefail'] }];
    const page = await ext.context.newPage();
    // Not added yet: nothing runs there.
    await writeSettings(ext.worker, { brands });
    await page.goto(`${INSTANCE}/home`);
    await page.waitForTimeout(500);
    expect(await page.locator('firstreply-overlay').count()).toBe(0);

    await writeSettings(ext.worker, { brands, mastodonInstances: [INSTANCE] });
    await expect
      .poll(async () => (await ext.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).map((s) => [s.js, s.matches]))
      .toEqual([[['content-scripts/mastodon.js'], [`${INSTANCE}/*`]]]);
    await page.reload();
    await expect.poll(() => page.locator('firstreply-overlay').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-firstreply-post^="mastodon:"]').count()).toBe(await page.locator('firstreply-overlay').count());
  });

  it('reads nothing on an instance the team removed, even where the script is still registered there', async () => {
    await serveFixture(ext.context, `${REMOVED}/**`, 'mastodon/home.html');
    await ext.worker.evaluate(
      (matches) => chrome.scripting.registerContentScripts([{ id: 'left-behind', matches, js: ['content-scripts/mastodon.js'], runAt: 'document_idle' }]),
      [`${REMOVED}/*`],
    );
    const page = await ext.context.newPage();
    await page.goto(`${REMOVED}/home`);
    // The same page on an instance still added is read (the script runs at document_idle there too).
    const added = await ext.context.newPage();
    await added.goto(`${INSTANCE}/home`);
    await expect.poll(() => added.locator('firstreply-overlay').count()).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    expect(await page.locator('firstreply-overlay, [data-firstreply-post]').count()).toBe(0);
  });

  it('refuses, on the options page, an address another site of Firstreply has its own script on', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.getByTestId('mastodon-instance').fill('https://x.com/home');
    await options.getByTestId('add-instance').click();
    await expect.poll(() => options.getByTestId('instance-note').textContent()).toBe('https://x.com is not a Mastodon instance: Firstreply reads it with its own x adapter already.');
    expect(await options.getByTestId('instance-note').getAttribute('class')).toBe('error');
    const stored = await ext.worker.evaluate(() => chrome.storage.local.get('settings'));
    expect((stored.settings as { mastodonInstances?: string[] }).mastodonInstances ?? []).not.toContain('https://x.com');
  });
});
