/**
 * What `wxt/browser` resolves to in the built extension (wxt.config.ts aliases
 * `webextension-polyfill` here): the browser's own promise-based `browser` where it has one
 * (Firefox, Safari, recent Chrome), else Mozilla's webextension-polyfill over `chrome`. The
 * polyfill makes the same choice itself. Deciding here means it is not loaded where it is not
 * needed, and not imported as a CommonJS module: that import's wrapper reads every property of
 * the object it gets, which on Chrome's own `browser` sets up every extension API (a few
 * milliseconds of each page's load).
 */
declare const require: (id: string) => unknown;

const own = (globalThis as { browser?: { runtime?: { id?: string } } }).browser;

export default own?.runtime?.id ? own : require('webextension-polyfill/dist/browser-polyfill.js');
