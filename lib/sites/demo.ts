/** The demo feed that `npm start` serves is X-like markup, read by the X adapter (entrypoints/x.content.ts). */
export const DEMO_MATCHES = ['http://localhost/firstreply-demo/*', 'http://127.0.0.1/firstreply-demo/*'];
export const DEMO_PATH = '/firstreply-demo/';
