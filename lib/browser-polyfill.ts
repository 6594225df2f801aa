/**
 * What `wxt/browser` resolves to in the built extension (wxt.config.ts aliases
 * `webextension-polyfill` here): the browser's own promise-based `browser` where it has one
 * (Firefox, Safari, Chrome 144+), else Mozilla's webextension-polyfill over `chrome`. The
 * polyfill makes the same choice itself; this only spares every page the cost of importing it as
 * a CommonJS module, whose ES-module wrapper reads every property of the `browser` it returns and
 * so sets up each extension API (a few milliseconds of a page's load) and of loading it at all
 * where the browser has its own.
 */
declare const require: (id: string) => unknown;

const own = (globalThis as { browser?: { runtime?: { id?: string } } }).browser;

export default own?.runtime?.id ? own : require('webextension-polyfill/dist/browser-polyfill.js');
