import { defineConfig } from 'wxt';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // The polyfill behind wxt/browser, loaded only where the browser lacks its own (lib/browser-polyfill.ts).
    resolve: { alias: [{ find: /^webextension-polyfill$/, replacement: resolve(import.meta.dirname, 'lib/browser-polyfill.ts') }] },
    build: { ...(process.env.FIRSTREPLY_NO_MINIFY ? { minify: false } : {}), ...(process.env.FIRSTREPLY_SOURCEMAP ? { sourcemap: true } : {}) },
  }),
  manifest: {
    name: 'Firstreply',
    description: 'Answer customers in place on social sites: sentiment, history and replies beside every brand mention.',
    permissions: ['storage', 'sidePanel', 'alarms', 'scripting'],
    // Mastodon instances are added by the team at run time; access is asked for each one then.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Open Firstreply' },
  },
});
