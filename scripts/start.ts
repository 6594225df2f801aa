/**
 * `npm start`: the backend on embedded PGlite, a demo team on first run, the extension built
 * for that team, and a demo feed to see it on. Prints how to load the extension.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApiClient } from '../lib/api';
import { BrandListSchema } from '../lib/schemas/brand';
import { DEMO_PATH } from '../lib/sites';
import { startServer } from '../server';
import { createTeam } from '../server/teams';
import { DEMO_BRANDS, renderDemoFeed } from './demo-feed';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.FIRSTREPLY_DATA ?? 'data');
const port = Number(process.env.PORT ?? 8787);
const demoPort = Number(process.env.DEMO_PORT ?? 8788);
const stateFile = resolve(root, '.firstreply/demo.json');
const extensionDir = resolve(root, '.output/chrome-mv3');

const server = await startServer({ port, host: '127.0.0.1', dataDir, databaseUrl: process.env.DATABASE_URL || undefined });
const backendUrl = `http://localhost:${server.port}`;

// The demo team: created once, remembered next to the data, re-created if its token stopped working.
let demo: { teamId: string; token: string; dataDir: string } | undefined;
if (existsSync(stateFile)) demo = JSON.parse(readFileSync(stateFile, 'utf8'));
const works = demo && demo.dataDir === dataDir && (await createApiClient({ backendUrl, token: demo.token }).me().then(() => true, () => false));
if (!demo || !works) {
  const created = await createTeam(server.db, 'Demo team');
  demo = { teamId: created.teamId, token: created.token, dataDir };
  mkdirSync(resolve(root, '.firstreply'), { recursive: true });
  writeFileSync(stateFile, JSON.stringify(demo, null, 2));
  await createApiClient({ backendUrl, token: demo.token }).putBrands(BrandListSchema.parse(DEMO_BRANDS));
  console.log('Created the demo team with the brands Acme Air and SkyJet (competitor).');
}

console.log('Building the extension…');
const build = spawnSync(resolve(root, 'node_modules/.bin/wxt'), ['build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, WXT_DEMO_BACKEND_URL: backendUrl, WXT_DEMO_TOKEN: demo.token },
});
if (build.status !== 0) {
  console.error('The extension build failed.');
  await server.close();
  process.exit(1);
}

const feed = new Hono();
feed.get('/', (c) => c.redirect(DEMO_PATH));
feed.get(DEMO_PATH, (c) => c.html(renderDemoFeed()));
const feedServer = serve({ fetch: feed.fetch, port: demoPort, hostname: '127.0.0.1' });
const feedUrl = `http://localhost:${demoPort}${DEMO_PATH}`;

console.log(`
Firstreply is running.
  Backend:    ${backendUrl}  (embedded PGlite in ${dataDir})
  Demo feed:  ${feedUrl}
  Extension:  ${extensionDir}
  Demo token: ${demo.token}

To see it:
  1. Open chrome://extensions in Chrome or Chromium, switch on "Developer mode",
     click "Load unpacked" and choose ${extensionDir}
     (it comes set up for the demo team: backend URL and token are filled in).
  2. Open ${feedUrl}
     Posts that mention Acme Air or SkyJet get a Firstreply bar with sentiment, age and history.
  3. Click a bar: the side panel opens on that post. Write a reply, pick the outcome, "Log reply".
     The bar then shows that customer's history; the dashboard (extension menu → Options page
     link, or chrome-extension://<id>/dashboard.html) shows first-response resolution.
Stop with Ctrl+C.`);

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
if (process.env.DISPLAY && chromium && process.env.FIRSTREPLY_NO_BROWSER !== '1') {
  const profile = resolve(root, '.firstreply/chromium-profile');
  spawn(chromium, [`--user-data-dir=${profile}`, `--load-extension=${extensionDir}`, `--disable-extensions-except=${extensionDir}`, '--no-first-run', feedUrl], {
    stdio: 'ignore',
    detached: true,
  }).unref();
  console.log(`Launched ${chromium} with the extension loaded.`);
}

const stop = async () => {
  feedServer.close();
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
