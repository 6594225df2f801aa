import { browser } from 'wxt/browser';
import { z } from 'zod';
import { matchPost, unreadAnalysis, type PostMatch } from '../../lib/analyze';
import { createPostScanner, type ScannedPost } from '../../lib/dom/post-scanner';
import { compileBrands, type BrandMatcher } from '../../lib/match';
import { dispatch, READ_BATCH, type Handlers } from '../../lib/messaging';
import { connectBackground, sendMessage } from '../../lib/messaging-client';
import type { PostReading } from '../../lib/reading';
import { postKey } from '../../lib/schemas/post';
import { SETTINGS_KEY } from '../../lib/schemas/settings';
import { loadSettings } from '../../lib/settings';
import { adapterFor, CONTENT_SCRIPT_MATCHES } from '../../lib/sites';
import { Overlays, type OverlayContext } from './overlays';

// Pages' content security policies forbid eval in content scripts: validate without compiling.
z.config({ jitless: true });

interface Matched {
  root: Element;
  post: ScannedPost['post'];
  match: PostMatch;
}

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    let { settings } = await loadSettings(browser.storage.local);
    const adapter = adapterFor(new URL(location.href), settings.mastodonInstances);
    if (!adapter) return;

    let matcher: BrandMatcher = compileBrands(settings.brands);
    const overlaysContext = (): OverlayContext => ({
      targetMinutes: settings.responseTargetMinutes,
      onOpen: (post, analysis) => {
        void sendMessage('focusPost', { post, analysis }).catch(() => undefined);
      },
    });
    const overlays = new Overlays(adapter, overlaysContext());
    const background = connectBackground();
    ctx.onInvalidated(() => background.close());
    /** Bumped when settings change: readings asked for before then are not shown. */
    let generation = 0;

    // The scanner hands over posts read from the page; those naming a brand are read in the
    // background (sentiment, intents, urgency: one message per batch) and get their overlay then.
    const annotate = (posts: ScannedPost[]) => {
      const matched: Matched[] = [];
      for (const { root, post } of posts) {
        const match = matchPost(post, matcher);
        if (match) matched.push({ root, post, match });
        else overlays.detach(root);
      }
      overlays.prune();
      if (matched.length) void read(matched, generation);
      reportStats();
    };

    const read = async (matched: Matched[], asked: number) => {
      const readings: Record<string, PostReading> = {};
      try {
        for (let i = 0; i < matched.length; i += READ_BATCH) {
          const posts = matched.slice(i, i + READ_BATCH).map(({ post }) => ({ key: postKey(post), text: post.text }));
          Object.assign(readings, (await background.request('readPosts', { posts })).readings);
        }
      } catch {
        // The background did not answer (the extension is reloading): overlays show brands only.
      }
      if (asked !== generation) return;
      const handles = new Set<string>();
      for (const { root, post, match } of matched) {
        if (!root.isConnected) continue;
        const reading = readings[postKey(post)];
        overlays.attach(root, post, reading ? { ...match, ...reading, read: true } : unreadAnalysis(match));
        if (!match.ownBrand) handles.add(post.author.handle);
      }
      if (handles.size && settings.token) void loadHistory([...handles]);
      reportStats();
    };

    // Diagnostics for the side panel, at most every two seconds.
    let statsTimer: number | undefined;
    const reportStats = () => {
      statsTimer ??= ctx.setTimeout(() => {
        statsTimer = undefined;
        const { read, passed, skipped } = scanner.stats;
        void background.request('reportPageStats', {
          url: location.href.slice(0, 2000),
          platform: adapter.platform,
          read,
          passed,
          skipped,
          annotated: overlays.count,
          at: new Date().toISOString(),
        }).catch(() => undefined);
      }, 2000);
    };

    const loadHistory = async (handles: string[]) => {
      try {
        const { counts } = await background.request('getHistoryCounts', { platform: adapter.platform, handles });
        for (const [handle, count] of Object.entries(counts)) overlays.setHistory(adapter.platform, handle, count);
      } catch {
        // The backend may be down; overlays simply show no history.
      }
    };

    const scanner = createPostScanner({
      adapter,
      doc: document,
      wanted: ({ text, authorHandle }) => matcher.screen(text, authorHandle),
      onPosts: annotate,
      signal: ctx.signal,
    });

    const onStorage = async (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
      ({ settings } = await loadSettings(browser.storage.local));
      matcher = compileBrands(settings.brands);
      overlays.setContext(overlaysContext());
      generation++;
      overlays.detachAll();
      scanner.rescan();
      reportStats();
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

    const handlers: Handlers = {
      historyChanged: async ({ platform, handle, count }) => {
        overlays.setHistory(platform, handle, count);
        return {};
      },
    };
    const onMessage = (message: unknown) => dispatch(handlers, message, {});
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      overlays.detachAll();
    });

    // SPA navigation replaces the timeline; forget what was seen and read the new page.
    ctx.addEventListener(window, 'wxt:locationchange', () => scanner.rescan());
  },
});
