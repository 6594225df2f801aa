/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend, launchWithExtension, writeSettings, type ExtensionBrowser } from './harness';

describe('options, dashboard and side panel pages, in real Chromium', () => {
  const backend = new Backend();
  let team: { teamId: string; token: string };
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    team = await backend.createTeam('Pages team');
    await backend.start();
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await backend.stop();
    backend.dispose();
  });

  it('opens the side panel from the toolbar button', async () => {
    const behavior = await ext.worker.evaluate(() => chrome.sidePanel.getPanelBehavior());
    expect(behavior.openPanelOnActionClick).toBe(true);
  });

  it('saves the connection, tests it, and saves brands for the team', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.getByTestId('backend-url').fill(backend.url);
    await options.getByTestId('token').fill('fr_wrong');
    await options.getByTestId('test-connection').click();
    await expect.poll(() => options.getByTestId('settings-note').getAttribute('class')).toBe('error');

    await options.getByTestId('token').fill(team.token);
    await options.getByTestId('test-connection').click();
    await expect.poll(() => options.getByTestId('settings-note').textContent()).toMatch(/Connected to team “Pages team” as Admin \(admin\)/);
    await options.getByTestId('save-settings').click();
    const stored = await ext.worker.evaluate(() => chrome.storage.local.get('settings'));
    expect(stored.settings).toMatchObject({ backendUrl: backend.url, token: team.token });

    await options.getByTestId('brands-json').fill('[{"name": ""}]');
    await options.getByTestId('save-brands').click();
    await expect.poll(() => options.getByTestId('brands-note').textContent()).toMatch(/brands\.0\.name/);

    await options.getByTestId('brands-json').fill('[{"name": "Northwind", "handles": ["@northwind"]}]');
    await options.getByTestId('save-brands').click();
    await expect.poll(() => options.getByTestId('brands-note').textContent()).toMatch(/Saved 1 brand for the whole team/);
    const { json } = await backend.api<{ brands: Array<{ name: string; handles: string[] }> }>(team.token, 'GET', '/v1/brands');
    expect(json.brands).toMatchObject([{ name: 'Northwind', handles: ['northwind'] }]);
    const cached = await ext.worker.evaluate(() => chrome.storage.local.get('settings'));
    expect((cached.settings as { brands: unknown }).brands).toMatchObject([{ name: 'Northwind' }]);
    await options.close();
  });

  it('shows first-response resolution on the dashboard', async () => {
    await writeSettings(ext.worker, { backendUrl: backend.url, token: team.token });
    for (const [i, outcome] of ['resolved_first_response', 'resolved_first_response', 'needs_follow_up'].entries()) {
      const res = await backend.api(team.token, 'POST', '/v1/interactions', {
        id: crypto.randomUUID(),
        platform: 'x',
        postId: `p${i}`,
        postUrl: `https://x.com/c/status/${i}`,
        customer: { handle: `customer${i}` },
        reply: 'Done, thanks for telling us!',
        outcome,
        repliedAt: new Date().toISOString(),
      });
      expect(res.status).toBe(201);
    }
    const dash = await ext.context.newPage();
    await dash.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    await expect.poll(() => dash.getByTestId('metric-interactions').textContent()).toBe('3');
    expect(await dash.getByTestId('metric-frr').textContent()).toBe('67%');
    await dash.close();
  });

  it('says so in the side panel when nothing is focused yet', async () => {
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
    await expect.poll(() => panel.getByTestId('empty-state').isVisible()).toBe(true);
    await panel.close();
  });
});
