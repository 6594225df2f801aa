import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Firstreply',
    description: 'Answer customers in place on social sites: sentiment, history and replies beside every brand mention.',
    permissions: ['storage', 'sidePanel', 'alarms'],
    action: { default_title: 'Open Firstreply' },
  },
});
