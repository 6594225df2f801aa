// Shared by the adapter unit tests (lib/sites/*.test.ts) only: it reads saved pages from
// test/fixtures/<site>/, so it must never be imported by the extension.
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Post } from '../schemas/post';
import { postRoots, type SiteAdapter } from './types';

/** How a fixture is loaded. */
export interface FixtureOptions {
  /** Also point the test window at the address the page was saved from (its "saved from url" comment). */
  atSavedUrl?: boolean;
  /** Point the test window at this address instead. */
  at?: string;
}

/** A fixture page read by an adapter: the document, every post root in it, and what the adapter reads from each. */
export interface FixturePage {
  doc: Document;
  roots: Element[];
  posts: (Post | undefined)[];
}

/** Where the unit tests' window starts, and where resetPageUrl puts it back. */
const START_URL = 'http://localhost:3000/';

/** Points happy-dom's window at url, as if the page had been opened there. */
export function setPageUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

/** Puts the window back at its starting address; register it with afterAll where fixtures are loaded atSavedUrl. */
export function resetPageUrl(): void {
  setPageUrl(START_URL);
}

/** A saved page's `<!-- saved from url=(NNNN)URL -->` comment. */
const SAVED_FROM = /<!-- saved from url=\(\d{4}\)(\S+) -->/;

/** The address in a saved page's `<!-- saved from url=(NNNN)URL -->` comment; throws when there is none. */
function savedFromUrl(html: string, path: string): string {
  const url = SAVED_FROM.exec(html)?.[1];
  if (!url) throw new Error(`${path} has no "<!-- saved from url=(NNNN)URL -->" comment, so it cannot be loaded atSavedUrl`);
  return url;
}

/**
 * Every fixture of an adapter (test/fixtures/<site>/*.html): its file, its name (without ".html"), and
 * whether it says where it was saved from (so it can be loaded atSavedUrl).
 */
export function fixturesOf(adapter: SiteAdapter): Array<{ file: string; name: string; saved: boolean }> {
  return readdirSync(`test/fixtures/${adapter.id}`)
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, name: file.slice(0, -'.html'.length), saved: SAVED_FROM.test(readFileSync(`test/fixtures/${adapter.id}/${file}`, 'utf8')) }));
}

/** Where a site's saved page is. */
const fixturePath = (site: string, name: string) => `test/fixtures/${site}/${name}.html`;

/** The saved page test/fixtures/<site>/<name>.html as a new document (and, atSavedUrl, at its saved address). */
export function loadFixture(site: string, name: string, options: FixtureOptions = {}): Document {
  const path = fixturePath(site, name);
  const html = readFileSync(path, 'utf8');
  if (options.at ?? options.atSavedUrl) setPageUrl(options.at ?? savedFromUrl(html, path));
  const doc = document.implementation.createHTMLDocument(site);
  doc.documentElement.innerHTML = html;
  return doc;
}

/**
 * The adapter's fixture in the test's own window, where a test may click and the page's observers see it
 * (`edit` changes its HTML first), at `url` when given; its post roots. Listeners the test adds to the page
 * go with it: put them on `document.body` or below, and register `closePage` with afterEach.
 */
export function openPage(adapter: SiteAdapter, name: string, url?: string, edit = (html: string) => html): Element[] {
  if (url) setPageUrl(url);
  document.documentElement.innerHTML = edit(readFileSync(fixturePath(adapter.id, name), 'utf8'));
  return postRoots(adapter, document);
}

/** Empties the test's own window after `openPage`, the page's own attributes on <html> and its address included. */
export function closePage(): void {
  const html = document.documentElement;
  for (const name of html.getAttributeNames()) html.removeAttribute(name);
  html.replaceChildren(document.createElement('head'), document.createElement('body'));
  resetPageUrl();
}

/** Loads the adapter's fixture (the folder is named by the adapter's id) and reads every post root in it. */
export function readFixture(adapter: SiteAdapter, name: string, options: FixtureOptions = {}): FixturePage {
  const doc = loadFixture(adapter.id, name, options);
  const roots = postRoots(adapter, doc);
  return { doc, roots, posts: roots.map((r) => adapter.extractPost(r)) };
}

/**
 * What the first read must give for a post: its own text and the text it quotes, its author, and the author of
 * what it quotes or shares when the full read knows it (a post quoting the brand's own is read in full whatever
 * it says).
 */
export function firstRead(post: Post): { text: string; authorHandle: string; quotes?: string } {
  const read = { text: [post.text, post.quoted?.text].filter(Boolean).join('\n'), authorHandle: post.author.handle };
  return post.quoted?.author === undefined ? read : { ...read, quotes: post.quoted.author };
}

/**
 * The first read agrees with the full read: the post's own text and what it quotes, the same handle,
 * the same handle answered when it gives one (always, for an adapter whose first read names it:
 * `withRepliesTo`), the author of what it quotes or shares, and nothing for what is skipped.
 */
export function expectPeekAgrees(adapter: SiteAdapter, roots: Element[], withRepliesTo = false): void {
  for (const root of roots) {
    const post = adapter.extractPost(root);
    const peek = adapter.peek!(root);
    if (!peek) {
      expect(post).toBeUndefined();
      continue;
    }
    const { repliesTo, ...read } = peek;
    expect(read).toEqual(post ? firstRead(post) : undefined);
    if (repliesTo !== undefined || withRepliesTo) expect(repliesTo).toBe(post?.inReplyTo);
  }
}
