import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { z } from 'zod/mini';
import { brandAddressed, matchPost } from '../analyze';
import { createPostScanner, type ScannedPost } from '../dom/post-scanner';
import { compileBrands } from '../match';
import { listCovers, realWordsVersion } from '../match/real-words';
import { contentProtocol } from '../messaging-content';
import { dispatchWith, type HandlersOf } from '../messaging-wire';
import { connectBackground, sendMessage } from '../messaging-client';
import { HANDLES_PER_REQUEST } from '../schemas/post';
import { REAL_WORDS_KEY, RealWordsSchema, SETTINGS_KEY, type Settings } from '../schemas/settings';
import { LAST_VALID_SETTINGS_KEY, resolveSettings } from '../settings';
import type { SiteAdapter } from '../sites/types';
import { isPageOf } from '../page-of';
import { gatherFor } from '../dom/schedule';
import { fillReplyBox } from '../dom/fill-reply';
import { openBoxOf, openReplyBox, type FoundBox } from '../dom/open-reply-box';
import { Overlays, POST_ATTR, READ_WINDOW_MS, type OverlayContext } from './overlays';

/** Sites whose reply box, answering a comment, starts with the commenter's name rather than their @handle. */
const NAME_MENTIONS = new Set(['facebook', 'linkedin']);

// Pages' content security policies forbid eval in content scripts: validate without compiling.
z.config({ jitless: true });

/**
 * The content script of one site (`entrypoints/<site>.content.ts`): reads the page's posts with that
 * site's adapter, annotates those that name a brand, and answers the side panel. Each site's script
 * holds its own adapter alone, so a page loads the code for its site and no other.
 */
export async function runContentScript(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  /** Whether the settings still have this script read the page (a site the team adds at run time). */
  readsHere: (settings: Settings) => boolean = () => true,
): Promise<void> {
  // The settings, and the real words never read as typos of the brands (made from them by the background).
  const load = async () => {
    const stored = await browser.storage.local.get([SETTINGS_KEY, LAST_VALID_SETTINGS_KEY, REAL_WORDS_KEY]);
    const { settings } = resolveSettings(stored);
    const list = RealWordsSchema.safeParse(stored[REAL_WORDS_KEY]).data;
    const matcher = compileBrands(settings.brands, { realWords: list?.words });
    // Until the background has listed the real words near these names, names count only as written.
    const covered = !matcher.variantTerms.length || listCovers(list, matcher, realWordsVersion(browser.runtime.getManifest().version));
    return { settings, matcher: covered ? matcher : compileBrands(settings.brands, { variants: false }) };
  };
  let { settings, matcher } = await load();
  if (ctx.isInvalid || !readsHere(settings)) return;

  const overlaysContext = (): OverlayContext => ({
    targetMinutes: settings.responseTargetMinutes,
    onOpen: (post, analysis) => {
      void sendMessage('focusPost', { post, analysis }).catch(() => undefined);
    },
    read: async (posts) => (await background.request('readPosts', { posts })).readings,
  });
  const background = connectBackground();
  ctx.onInvalidated(() => background.close());
  const overlays = new Overlays(adapter, overlaysContext());

  /** The page, when it is the own page of a post that names a brand (isPageOf). */
  let conversation: string | undefined;
  /** The page, when the brand has a post or comment on it. */
  let brandSpoke: string | undefined;

  const annotate = (posts: ScannedPost[]) => {
    // The page's address, read once for the batch when a post in it names a brand (a call into the browser each time).
    let page: { href: string; pathname: string } | undefined;
    for (const { root, post } of posts) {
      const match = matchPost(post, matcher);
      if (!match) {
        // A post read again that names no brand now (edited, or its root reused for another post) loses its overlay.
        overlays.detach(root);
        continue;
      }
      page ??= { href: location.href, pathname: location.pathname };
      const here = page.href;
      if (conversation !== here && isPageOf(post, page)) conversation = here;
      // Under a post or comment of the brand's own, or a competitor's, every comment is read in
      // full, whatever it says: a comment answering the brand is a conversation with it (matchPost).
      // On a post's own page where the brand takes part (its post, or its answer), that is the
      // whole page.
      if (match.ownBrand || match.byCompetitor) {
        scanner.readAllIn(root);
        // In a timeline, the answers shown under it (X's thread line) are read in full too.
        for (const el of adapter.answersShownAfter?.(root) ?? []) scanner.readAllIn(el);
      }
      if (match.ownBrand) brandSpoke = here;
      if (conversation === here && brandSpoke === here) scanner.readAllIn(document.body);
      overlays.add(root, post, match);
      if (!match.ownBrand && !match.byCompetitor && settings.token) customers.add(post.author.handle);
    }
  };

  // Their customers' history counts are asked for together too, as their posts are read.
  const customers = gatherFor<string>(READ_WINDOW_MS, (gathered) => {
    const handles = [...new Set(gathered)];
    for (let i = 0; i < handles.length; i += HANDLES_PER_REQUEST) void loadHistory(handles.slice(i, i + HANDLES_PER_REQUEST));
  });
  const loadHistory = async (handles: string[]) => {
    const asked = overlays.historyStamp();
    try {
      const { counts } = await background.request('getHistoryCounts', { platform: adapter.platform, handles });
      overlays.setHistory(adapter.platform, counts, asked);
    } catch {
      // The backend may be down; overlays simply show no history.
    }
  };

  const scanner = createPostScanner({
    adapter,
    doc: document,
    wanted: ({ text, authorHandle, repliesTo, quotes }) =>
      matcher.screen(text, authorHandle) ||
      (repliesTo !== undefined && brandAddressed(matcher, repliesTo) !== undefined) ||
      (quotes !== undefined && brandAddressed(matcher, quotes) !== undefined),
    onPosts: annotate,
    // Posts the page changed so that they name no brand, or show no post (deleted in place), lose their overlay.
    onDropped: (roots) => {
      for (const root of roots) overlays.detach(root);
    },
    // Overlays whose post left the page are forgotten (at most once a second).
    onRemoved: () => overlays.prune(),
    signal: ctx.signal,
  });

  /** Reads the whole page again: the overlays stay while it is read; those of posts that name no brand now go after. */
  const readAgain = async () => {
    overlays.holdAll();
    scanner.rescan();
    await scanner.idle();
    overlays.dropHeld();
  };

  const onStorage = async (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes || REAL_WORDS_KEY in changes)) return;
    const before = settings;
    ({ settings, matcher } = await load());
    if (ctx.isInvalid) return;
    conversation = brandSpoke = undefined;
    customers.cancel(); // customers gathered before: the rescan names those still on the page
    overlays.setContext(overlaysContext());
    // Another backend or token may be another team: its customers' history is not this one's.
    if (settings.backendUrl !== before.backendUrl || settings.token !== before.token) overlays.resetHistory();
    await readAgain();
  };

  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

  /** Reply boxes being opened, by post key. */
  const openings = new Map<string, Promise<FoundBox | undefined>>();
  const handlers: HandlersOf<typeof contentProtocol> = {
    historyChanged: async ({ platform, handle, count }) => {
      overlays.setHistory(platform, { [handle]: count });
      return {};
    },
    fillReply: async ({ post, text, openWithinMs }) => {
      // The post may be on the page twice (in the timeline and in the reply dialog over it): the one
      // whose reply box is open.
      const rootsOf = () => [...document.querySelectorAll(`[${POST_ATTR}]`)].filter((el) => el.getAttribute(POST_ATTR) === post);
      const roots = rootsOf();
      if (!roots.length) return { filled: false, reason: 'post-gone' as const };
      // A box not open yet is opened with the post's own Reply control, where the site has one: once,
      // however many ask for it meanwhile (a second click would close a box that toggles).
      let found = openBoxOf(adapter, roots);
      if (!found) {
        let opening = openings.get(post);
        if (!opening) {
          opening = openReplyBox(adapter, rootsOf, openWithinMs).finally(() => openings.delete(post));
          openings.set(post, opening);
        }
        found = await opening;
      }
      if (!found) return { filled: false, reason: 'no-reply-box' as const };
      // The mention of whom the reply answers, which the site may have put in the box, stays.
      const author = adapter.extractPost(found.root)?.author;
      const keep = author ? [`@${author.handle}`, ...(author.name && NAME_MENTIONS.has(adapter.platform) ? [author.name] : [])] : [];
      const filled = await fillReplyBox(found.box, text, keep).catch(() => false);
      return filled ? { filled: true } : { filled: false, reason: 'not-filled' as const };
    },
    pageStats: async () => ({
      url: location.href.slice(0, 2000),
      platform: adapter.platform,
      ...scanner.stats,
      annotated: overlays.count,
      at: new Date().toISOString(),
    }),
  };
  const onMessage = (message: unknown) => dispatchWith(contentProtocol, handlers, message, {});
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    overlays.dispose();
    customers.cancel();
  });

  // SPA navigation replaces the timeline, or refills it in place (YouTube's comments for the next video): forget what
  // was seen and read the new page; the overlays of posts that name no brand now go.
  ctx.addEventListener(window, 'wxt:locationchange', () => void readAgain());
}
