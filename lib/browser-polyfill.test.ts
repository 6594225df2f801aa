import { afterEach, describe, expect, it, vi } from 'vitest';

/** The module is read fresh for each case: it makes its choice when it is loaded. */
async function load(): Promise<unknown> {
  vi.resetModules();
  return (await import('./browser-polyfill')).default;
}

describe('the browser API behind wxt/browser', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is the browser's own promise-based browser where it has one, without loading the polyfill", async () => {
    const own = { runtime: { id: 'abc' } };
    vi.stubGlobal('browser', own);
    // Without chrome.runtime the polyfill throws as it loads: it is not loaded here.
    vi.stubGlobal('chrome', undefined);
    expect(await load()).toBe(own);
  });

  it("is Mozilla's polyfill over chrome where the browser has none, or one that is not the extension's", async () => {
    vi.stubGlobal('chrome', { runtime: { id: 'abc', getURL: (p: string) => `chrome-extension://abc/${p}` } });
    for (const browser of [undefined, {}, { runtime: {} }]) {
      vi.stubGlobal('browser', browser);
      const api = (await load()) as { runtime: { id: string; getURL(p: string): string } };
      expect(api).not.toBe(browser);
      expect(api.runtime.id).toBe('abc');
      expect(api.runtime.getURL('x.html')).toBe('chrome-extension://abc/x.html');
    }
  });
});
