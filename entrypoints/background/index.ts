import { browser } from 'wxt/browser';
import { detailPost, readPosts } from '../../lib/analyze-detail';
import { ApiError, createApiClient, NetworkError } from '../../lib/api';
import '../../lib/schemas/english';
import { Outbox, openOutboxDB, type SendResult } from '../../lib/db/outbox';
import { HistoryCache } from '../../lib/history-cache';
import { syncMastodonScripts } from '../../lib/mastodon-instances';
import { otherSiteAt } from '../../lib/sites';
import { dispatch, type FocusedPost, type Handlers, type OutboxStatus } from '../../lib/messaging';
import { sendToTab, serveChannel } from '../../lib/messaging-client';
import { compileBrands } from '../../lib/match';
import { listCovers, parseDictionary, realWordsVersion, realWordVariants } from '../../lib/match/real-words';
import { REAL_WORDS_KEY, RealWordsSchema, SETTINGS_KEY, type Settings } from '../../lib/schemas/settings';
import { LAST_VALID_SETTINGS_KEY, loadSettings, resolveSettings } from '../../lib/settings';

export const FOCUSED_POST_KEY = 'focusedPost';
export const OUTBOX_STATUS_KEY = 'outboxStatus';
const SYNC_ALARM = 'firstreply-sync';

export default defineBackground(() => {
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

  const outboxReady = openOutboxDB().then((db) => new Outbox(db));
  const history = new HistoryCache();
  let lastError: string | null = null;
  let lastSyncAt: string | null = null;
  let syncedConnection = '';

  const settings = async (): Promise<Settings> => (await loadSettings(browser.storage.local)).settings;
  const api = async () => {
    const s = await settings();
    return createApiClient({ backendUrl: s.backendUrl, token: s.token });
  };
  const competitors = async () => (await settings()).brands.filter((b) => b.competitor).map((b) => b.name);
  const describe = (err: unknown) =>
    err instanceof NetworkError ? 'The backend is unreachable; logs are kept and will sync when it is back.' : (err as Error).message;

  async function status(): Promise<OutboxStatus> {
    const outbox = await outboxReady;
    const s: OutboxStatus = { pending: await outbox.pending(), rejected: await outbox.rejectedCount(), lastError, lastSyncAt };
    await browser.storage.session.set({ [OUTBOX_STATUS_KEY]: s });
    return s;
  }

  async function syncOutbox(): Promise<OutboxStatus> {
    const outbox = await outboxReady;
    const client = await api();
    const touched = new Map<string, { platform: FocusedPost['post']['platform']; handle: string }>();
    let failed = false;
    await outbox.flush(
      async (item): Promise<SendResult> => {
        try {
          await client.postInteraction(item.body);
          return { ok: true };
        } catch (err) {
          failed = true;
          lastError = describe(err);
          return { ok: false, permanent: err instanceof ApiError && err.permanent, error: lastError };
        }
      },
      (item) => touched.set(`${item.body.platform}:${item.body.customer.handle.toLowerCase()}`, { platform: item.body.platform, handle: item.body.customer.handle }),
    );
    if (!failed) {
      lastError = null;
      lastSyncAt = new Date().toISOString();
    }
    for (const { platform, handle } of touched.values()) void announceHistory(platform, handle);
    return status();
  }

  /** Tells every tab the new history count of a customer whose log just reached the backend. */
  async function announceHistory(platform: FocusedPost['post']['platform'], handle: string) {
    try {
      const { interactionCount } = await (await api()).getCustomer(platform, handle);
      history.set(platform, handle, interactionCount);
      for (const tab of await browser.tabs.query({})) {
        if (tab.id !== undefined) void sendToTab(tab.id, 'historyChanged', { platform, handle, count: interactionCount });
      }
    } catch {
      // Counts refresh on the next lookup.
    }
  }

  /** Brands are team-wide: the backend's list replaces the cached one whenever the connection changes. */
  async function syncBrands(force = false) {
    const s = await settings();
    const connection = `${s.backendUrl}\n${s.token}`;
    if (!s.token || (!force && connection === syncedConnection)) return;
    syncedConnection = connection;
    try {
      const { brands } = await (await api()).getBrands();
      if (JSON.stringify(brands) !== JSON.stringify(s.brands)) {
        const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, unknown> | undefined;
        await browser.storage.local.set({ [SETTINGS_KEY]: { ...stored, brands } });
      }
    } catch {
      syncedConnection = '';
    }
  }

  /**
   * Keeps REAL_WORDS_KEY up to date with the brands: the real words their matcher would read as
   * variants of their names (lib/match/real-words.ts). The dictionary is read only when the terms
   * with variants change.
   */
  let realWordsDone: Promise<void> = Promise.resolve();
  function refreshRealWords(brands: Settings['brands']): Promise<void> {
    realWordsDone = realWordsDone.then(async () => {
      const matcher = compileBrands(brands);
      const version = realWordsVersion(browser.runtime.getManifest().version);
      const stored = RealWordsSchema.safeParse((await browser.storage.local.get(REAL_WORDS_KEY))[REAL_WORDS_KEY]).data;
      if (listCovers(stored, matcher, version)) return;
      const terms = [...matcher.variantTerms];
      const words = terms.length ? realWordVariants(matcher, parseDictionary(await (await fetch(browser.runtime.getURL('/dictionary.txt'))).text())) : [];
      await browser.storage.local.set({ [REAL_WORDS_KEY]: { terms, version, words } });
    }).catch((err: unknown) => console.warn('Firstreply: could not list the real words near the brand names', err));
    return realWordsDone;
  }

  async function onSettingsChanged() {
    const stored = await browser.storage.local.get([SETTINGS_KEY, LAST_VALID_SETTINGS_KEY]);
    const loaded = resolveSettings(stored);
    if (!loaded.problem && JSON.stringify(stored[LAST_VALID_SETTINGS_KEY]) !== JSON.stringify(loaded.settings)) {
      await browser.storage.local.set({ [LAST_VALID_SETTINGS_KEY]: loaded.settings });
    }
    void refreshRealWords(loaded.settings.brands);
    history.clear();
    await syncMastodonScripts(
      browser.scripting,
      loaded.settings.mastodonInstances,
      (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
      { readElsewhere: (origin) => otherSiteAt(origin) !== undefined },
    ).catch((err: unknown) => console.warn('Firstreply: could not register the Mastodon content script', err));
    await syncBrands();
    await syncOutbox();
  }

  const handlers: Handlers = {
    async focusPost({ post, analysis }, sender) {
      // Open first, while the click's user gesture still holds; the panel follows the stored focus.
      const opening =
        sender.tabId === undefined
          ? Promise.resolve(false)
          : browser.sidePanel.open({ tabId: sender.tabId }).then(
              () => true,
              () => false, // Without a gesture the panel shows this post when the agent opens it.
            );
      const focused: FocusedPost = {
        post,
        analysis: detailPost(post, analysis, await competitors()),
        tabId: sender.tabId,
        focusedAt: new Date().toISOString(),
      };
      await browser.storage.session.set({ [FOCUSED_POST_KEY]: focused });
      return { opened: await opening };
    },

    async readPosts({ posts }) {
      return { readings: readPosts(posts, await competitors()) };
    },

    async getHistoryCounts({ platform, handles }) {
      const counts: Record<string, number> = {};
      const missing = handles.filter((h) => {
        const c = history.get(platform, h);
        if (c !== undefined) counts[h] = c;
        return c === undefined;
      });
      if (missing.length) {
        try {
          // One request for the whole batch (handles arrive without a leading @, as the backend keys them).
          const fetched = (await (await api()).historyCounts(platform, missing)).counts;
          for (const h of missing) {
            const c = fetched[h];
            if (c === undefined) continue;
            history.set(platform, h, c);
            counts[h] = c;
          }
        } catch {
          // The backend may be away: these overlays show no history until the next lookup.
        }
      }
      return { counts };
    },

    async getCustomerHistory({ platform, handle }) {
      try {
        return { history: await (await api()).getCustomer(platform, handle), error: null };
      } catch (err) {
        return { history: null, error: describe(err) };
      }
    },

    async logInteraction(body) {
      const outbox = await outboxReady;
      await outbox.enqueue(body);
      const s = await syncOutbox();
      const stillWaiting = (await outbox.list()).some((i) => i.id === body.id);
      return { synced: !stillWaiting && s.lastError === null, status: s };
    },

    syncOutbox: () => syncOutbox(),
    getOutboxStatus: () => status(),

    async testConnection({ backendUrl, token }) {
      try {
        const me = await createApiClient({ backendUrl, token }).me();
        return { ok: true, me };
      } catch (err) {
        return { ok: false, error: describe(err) };
      }
    },
  };

  browser.runtime.onMessage.addListener((message, sender) =>
    dispatch(handlers, message, { tabId: sender.tab?.id, url: sender.url }),
  );
  // Content scripts' frequent requests come over one port per tab.
  browser.runtime.onConnect.addListener((port) => serveChannel(port, (message, sender) => dispatch(handlers, message, sender)));

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) void onSettingsChanged();
  });

  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncOutbox().then(() => syncBrands(true));
  });
  self.addEventListener('online', () => void syncOutbox());

  // A build made by `npm start` comes set up for the local demo team.
  browser.runtime.onInstalled.addListener(async () => {
    const demoToken = import.meta.env.WXT_DEMO_TOKEN as string | undefined;
    const demoUrl = import.meta.env.WXT_DEMO_BACKEND_URL as string | undefined;
    if (!demoToken || !demoUrl) return;
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    if (stored[SETTINGS_KEY] === undefined) await browser.storage.local.set({ [SETTINGS_KEY]: { backendUrl: demoUrl, token: demoToken } });
  });

  void onSettingsChanged();
});
