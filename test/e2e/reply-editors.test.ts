import { build } from 'esbuild';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, ROOT } from './harness';

/**
 * `fillReplyBox` (lib/dom/fill-reply.ts) against the editors the sites' reply boxes are built on,
 * in real Chromium: the reply must reach the editor's own model (what the site would post), not
 * only the screen, replace a half-written draft, and leave the editor in a state the agent can go
 * on typing in. Each editor is the published library, bundled here, on a bare page.
 */
const EDITORS: Record<string, { entry: string; box: string; sites: string; oneLine?: boolean }> = {
  'Draft.js': { entry: 'draft.tsx', box: '<div id="box"></div>', sites: 'X, TikTok' },
  Lexical: { entry: 'lexical.ts', box: '<div id="box" contenteditable="true" role="textbox"></div>', sites: 'Facebook, Instagram, Threads' },
  ProseMirror: { entry: 'prosemirror.ts', box: '<div id="box"></div>', sites: 'Bluesky (TipTap)' },
  Quill: { entry: 'quill.ts', box: '<div id="box"></div>', sites: 'LinkedIn' },
  'Quill 1': { entry: 'quill1.ts', box: '<div id="box"></div>', sites: 'LinkedIn' },
  'React text area': { entry: 'react-textarea.tsx', box: '<div id="box"></div>', sites: 'Mastodon, Instagram' },
  'plain contenteditable': { entry: 'plain.ts', box: '<div id="box" contenteditable="true"></div>', sites: 'YouTube' },
  'contenteditable in a shadow root': { entry: 'shadow-plain.ts', box: '<shreddit-simple-composer id="box-host"></shreddit-simple-composer>', sites: 'Reddit mobile' },
  'one-line input': { entry: 'input.ts', box: '<input id="box">', sites: 'one-line comment fields', oneLine: true },
};

type Editor = { text(): string; setDraft(d: string): Promise<void>; fill(t: string, keep?: string[]): Promise<boolean> };

describe('a reply put into the editors behind the sites\' reply boxes, in real Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  const bundles = new Map<string, string>();

  beforeAll(async () => {
    browser = await launchChromium();
    for (const [name, { entry }] of Object.entries(EDITORS)) {
      const out = await build({
        entryPoints: [join(ROOT, 'test/e2e/editors', entry)],
        bundle: true,
        format: 'iife',
        write: false,
        jsx: 'automatic',
        define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
        logLevel: 'silent',
      });
      bundles.set(name, out.outputFiles[0]!.text);
    }
  });
  afterAll(async () => browser?.close());

  for (const [name, { box, sites, oneLine }] of Object.entries(EDITORS)) {
    it(`${name} (${sites}): the reply is the editor's own text, replaces a draft, and typing goes on from it`, async () => {
      const page: Page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const html = `<!DOCTYPE html><html><body>${box}<script>${bundles.get(name)!.replace(/<\/script/gi, '<\\/script')}</script></body></html>`;
      await page.route('https://editor.test/**', (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
      await page.goto('https://editor.test/');
      const run = <T>(fn: (e: Editor, arg: string) => T | Promise<T>, arg = '') =>
        page.evaluate(([f, a]) => new Function('e', 'a', `return (${f})(e, a)`)((window as unknown as { __editor: Editor }).__editor, a), [fn.toString(), arg] as const) as Promise<T>;

      const reply = 'Hi Maya, your refund went out today — it shows within 3 days. 🙏';
      expect(await run((e, t) => e.fill(t), reply)).toBe(true);
      await expect.poll(() => run((e) => e.text())).toBe(reply);

      await run((e, d) => e.setDraft(d), 'half-written dra');
      await expect.poll(() => run((e) => e.text())).toBe('half-written dra');
      const second = 'Sorry for the wait, Maya. I have sent you a DM with the tracking link.';
      expect(await run((e, t) => e.fill(t), second)).toBe(true);
      await expect.poll(() => run((e) => e.text())).toBe(second);

      await page.keyboard.type(' Thanks!');
      await expect.poll(() => run((e) => e.text())).toBe(`${second} Thanks!`);

      // The mention of whom it answers, which the site put at the start of the box, stays; the rest goes.
      await run((e, d) => e.setDraft(d), '@maya.travels so sorry');
      expect(await run((e, t) => e.fill(t, ['@Maya.Travels', 'Maya']), second)).toBe(true);
      await expect.poll(() => run((e) => e.text())).toBe(`@maya.travels ${second}`);
      // A name whose lowercase form is longer (İ) is kept whole, and nothing after it.
      await run((e, d) => e.setDraft(d), 'İlkay Şahin so sorry');
      expect(await run((e, t) => e.fill(t, ['@ilkay', 'İlkay Şahin']), second)).toBe(true);
      await expect.poll(() => run((e) => e.text())).toBe(`İlkay Şahin ${second}`);
      await run((e, d) => e.setDraft(d), '@maya.travelsX hello');
      expect(await run((e, t) => e.fill(t, ['@maya.travels']), second)).toBe(true);
      await expect.poll(() => run((e) => e.text())).toBe(second);

      // A draft of several lines, empty ones after its text, goes whole; a reply filled over the same
      // reply (asked twice) is there once; a mention glued to nothing gets its space.
      await run((e, d) => e.setDraft(d), 'first line\nsecond line\n\n');
      expect(await run((e, t) => e.fill(t), second)).toBe(true);
      await expect.poll(() => run((e) => e.text())).toBe(second);
      expect(await run((e, t) => e.fill(t), second)).toBe(true);
      await expect.poll(() => run((e) => e.text())).toBe(second);
      await run((e, d) => e.setDraft(d), '@maya.travels');
      expect(await run((e, t) => e.fill(t, ['@maya.travels']), second)).toBe(true);
      await expect.poll(() => run((e) => e.text())).toBe(`@maya.travels ${second}`);

      // Asked twice at once (a double click), the box ends with the second reply alone.
      expect(await run((e, t) => Promise.all([e.fill('A first reply.'), e.fill(t)]).then((r) => r.every(Boolean)), second)).toBe(true);
      await expect.poll(() => run((e) => e.text())).toBe(second);

      // A reply of two lines stays two lines (a one-line field takes them joined).
      const lines = 'Hi Maya,\nthe refund for order 1182 went out today.';
      expect(await run((e, t) => e.fill(t), lines)).toBe(true);
      await expect.poll(() => run((e) => e.text())).toBe(oneLine ? lines.replace('\n', ' ') : lines);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
