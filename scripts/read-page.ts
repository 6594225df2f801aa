/**
 * What an adapter reads from a saved page: `npm run read-page -- <page.html> <the page's URL>`.
 * Loads the page (scripts and styles left out) at its URL, picks the adapter as the extension does,
 * and prints one JSON line per post root: the post, or why it was skipped. Use it on a page saved
 * from a site ("Save Page As", or `document.documentElement.outerHTML`) to see whether its markup
 * changed.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import type { Post } from '../lib/schemas/post';
import { adapterFor } from '../lib/sites';
import { postRoots } from '../lib/sites/types';

/** A post root the adapter could not read: the root's tag and the id it shows, if any. */
export interface Skipped {
  skipped: string;
  id: string | null;
}

export interface PageReading {
  adapter: string;
  /** One per post root, in page order. */
  results: Array<Post | Skipped>;
}

export const isSkipped = (r: Post | Skipped): r is Skipped => 'skipped' in r;

export function readPage(html: string, url: string): PageReading {
  const adapter = adapterFor(new URL(url));
  if (!adapter) throw new Error(`no adapter reads ${url}`);
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  try {
    const doc = window.document as unknown as Document;
    // Saved pages carry megabytes of scripts and styles that nothing reads.
    doc.documentElement.innerHTML = html
      .replace(/<script\b[\s\S]*?<\/script>/gi, '')
      .replace(/<style\b[\s\S]*?<\/style>/gi, '')
      .replace(/^[\s\S]*?<html[^>]*>/i, '')
      .replace(/<\/html>\s*$/i, '');
    const results = postRoots(adapter, doc).map((root) => adapter.extractPost(root) ?? { skipped: root.localName, id: adapter.getPostId(root) ?? null });
    return { adapter: adapter.id, results };
  } finally {
    void window.happyDOM.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, url] = process.argv.slice(2);
  if (!file || !url) {
    console.error('usage: npm run read-page -- <page.html> <the page URL>');
    process.exit(2);
  }
  const { adapter, results } = readPage(readFileSync(file, 'utf8'), url);
  for (const r of results) console.log(JSON.stringify(r));
  const skipped = results.filter(isSkipped).length;
  console.error(`${adapter}: ${results.length} post roots, ${results.length - skipped} read, ${skipped} skipped`);
}
