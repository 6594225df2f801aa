import { useEffect, useState } from 'preact/hooks';
import { HistoryList } from '../../components/HistoryList';
import { PostCard } from '../../components/PostCard';
import { ReplyForm, type InsertResult } from '../../components/ReplyForm';
import { FocusedPostSchema, OutboxStatusSchema, PageStatsSchema, type OutboxStatus, type PageStats, type ResponseOf } from '../../lib/messaging';
import { contentProtocol } from '../../lib/messaging-content';
import { sendMessage, sendToTab } from '../../lib/messaging-client';
import { postKey } from '../../lib/schemas/post';
import type { CustomerHistory, Outcome } from '../../lib/schemas/interaction';
import { SETTINGS_KEY, SettingsSchema } from '../../lib/schemas/settings';
import { useStoredValue } from '../../lib/ui-storage';

type LogState = { state: 'synced' | 'queued' | 'rejected' | 'error'; message: string };

export function App() {
  const focused = useStoredValue('session', 'focusedPost', FocusedPostSchema);
  const outbox = useStoredValue('session', 'outboxStatus', OutboxStatusSchema);
  const settings = useStoredValue('local', SETTINGS_KEY, SettingsSchema);
  const [history, setHistory] = useState<{ history: CustomerHistory | null; error: string | null }>({ history: null, error: null });
  const [busy, setBusy] = useState(false);
  const [log, setLog] = useState<LogState>();

  const post = focused?.post;
  const stats = usePageStats(focused?.tabId);
  const loadHistory = async () => {
    if (!post) return;
    setHistory({ history: null, error: null });
    setHistory(await sendMessage('getCustomerHistory', { platform: post.platform, handle: post.author.handle }));
  };
  useEffect(() => {
    setLog(undefined);
    void loadHistory();
  }, [post?.platform, post?.id]);
  useEffect(() => {
    void sendMessage('getOutboxStatus', {}).catch(() => undefined);
  }, []);

  if (!focused || !post) {
    return (
      <main>
        <h1>Firstreply</h1>
        <p class="muted" data-testid="empty-state">
          Click the Firstreply bar on a post that mentions your brand to answer it here.
        </p>
        <OutboxLine status={outbox} />
      </main>
    );
  }

  const onLog = async (reply: string, outcome: Outcome): Promise<boolean> => {
    setBusy(true);
    try {
      const { synced, status } = await sendMessage('logInteraction', {
        id: crypto.randomUUID(),
        platform: post.platform,
        postId: post.id,
        postUrl: post.url,
        customer: post.author,
        postText: post.text,
        postedAt: post.publishedAt,
        reply,
        outcome,
        sentiment: focused.analysis.sentiment,
        brands: [...focused.analysis.brands, ...focused.analysis.competitorBrands],
        repliedAt: new Date().toISOString(),
      });
      if (synced) {
        setLog({ state: 'synced', message: 'Logged to the team backend.' });
        void loadHistory();
      } else if (status.lastError && status.pending === 0) {
        setLog({ state: 'rejected', message: `The backend refused this log: ${status.lastError}. It is kept under "rejected".` });
      } else {
        setLog({ state: 'queued', message: `Saved on this device; ${status.pending} waiting. ${status.lastError ?? ''}` });
      }
      return true;
    } catch (err) {
      setLog({ state: 'error', message: `Not saved: ${(err as Error).message}` });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onInsert = async (reply: string): Promise<InsertResult> => {
    const answer = focused.tabId === undefined ? undefined : await sendToTab(focused.tabId, 'fillReply', { post: postKey(post), text: reply }, 0);
    const result = contentProtocol.fillReply.response.safeParse(answer).data;
    if (result?.filled) return { state: 'filled', message: 'It is in the post\'s reply box on the page: read it over there, then post it.' };
    return { state: 'failed', message: INSERT_FAILED[result?.reason ?? 'no-page'] };
  };

  return (
    <main>
      <h1>Firstreply</h1>
      <PostCard post={post} analysis={focused.analysis} targetMinutes={settings?.responseTargetMinutes ?? 60} />
      <h2>Customer history</h2>
      <HistoryList history={history.history} error={history.error} />
      <h2>Reply</h2>
      <ReplyForm busy={busy} target={postKey(post)} onLog={onLog} onInsert={onInsert} brandDomains={settings?.brands.filter((b) => !b.competitor).flatMap((b) => b.domains) ?? []} />
      {log && (
        <p class={log.state === 'synced' ? 'ok' : log.state === 'queued' ? 'warn' : 'error'} data-testid="log-status" data-state={log.state}>
          {log.message}
        </p>
      )}
      <OutboxLine status={outbox} />
      <PageDiagnostics stats={stats} />
    </main>
  );
}

/** Why a reply could not be put into the post's reply box, and what the agent can do. */
const INSERT_FAILED: Record<NonNullable<ResponseOf<'fillReply'>['reason']> | 'no-page', string> = {
  'post-gone': 'The post is no longer on the page. Scroll back to it, or open it, then try again.',
  'no-reply-box': 'The post\'s reply box is not open, and Firstreply could not open it. Click Reply under the post on the page, then try again.',
  'not-filled': 'The site\'s reply box would not take the text. Copy your reply and paste it there.',
  'no-page': 'The post\'s page is closed or was reloaded. Click its Firstreply bar again, then try again.',
};

/** How often the panel asks the focused tab for its diagnostics while the panel is visible. */
const PAGE_STATS_EVERY_MS = 2000;

/**
 * The diagnostics of a tab's page, asked of its top frame's content script while the panel is
 * visible (a page nobody is looking at spends nothing on them).
 */
function usePageStats(tabId: number | undefined): PageStats | undefined {
  const [stats, setStats] = useState<PageStats>();
  useEffect(() => {
    setStats(undefined);
    if (tabId === undefined) return;
    let stopped = false;
    const ask = async () => {
      const answer = await sendToTab(tabId, 'pageStats', {}, 0);
      if (!stopped) setStats(PageStatsSchema.safeParse(answer).data);
    };
    void ask();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void ask();
    }, PAGE_STATS_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [tabId]);
  return stats;
}

function PageDiagnostics({ stats }: { stats: PageStats | undefined }) {
  if (!stats) return null;
  return (
    <details class="muted" data-testid="page-diagnostics" data-read={stats.read} data-skipped={stats.skipped} data-ads={stats.ads} data-annotated={stats.annotated}>
      <summary>This page</summary>
      {stats.annotated} post{stats.annotated === 1 ? '' : 's'} mention your brands; {stats.read + stats.passed} read
      {stats.ads > 0 && <> · {stats.ads} ad{stats.ads === 1 ? '' : 's'} passed over</>}
      {stats.skipped > 0 && <span class="warn"> · {stats.skipped} could not be read (the site's markup may have changed)</span>}
    </details>
  );
}

function OutboxLine({ status }: { status: OutboxStatus | undefined }) {
  if (!status || (status.pending === 0 && status.rejected === 0)) return null;
  return (
    <p class="warn" data-testid="outbox-status" data-pending={status.pending}>
      {status.pending} log{status.pending === 1 ? '' : 's'} waiting to sync
      {status.rejected ? `, ${status.rejected} refused by the backend` : ''}.{' '}
      <button type="button" data-testid="sync-now" onClick={() => void sendMessage('syncOutbox', {})}>Sync now</button>
    </p>
  );
}
