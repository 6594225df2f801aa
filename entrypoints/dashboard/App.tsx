import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createApiClient } from '../../lib/api';
import { OUTCOME_LABELS, OUTCOMES, type Interaction, type MetricsSummary } from '../../lib/schemas/interaction';
import { loadSettings } from '../../lib/settings';

/** Team leads' view: first-response resolution, response times and the latest replies. */
export function App() {
  const [data, setData] = useState<{ metrics: MetricsSummary; interactions: Interaction[] }>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    void (async () => {
      try {
        const { settings } = await loadSettings(browser.storage.local);
        const api = createApiClient({ backendUrl: settings.backendUrl, token: settings.token });
        const [metrics, { interactions }] = await Promise.all([api.metrics(), api.listInteractions(50)]);
        setData({ metrics, interactions });
      } catch (err) {
        setError((err as Error).message);
      }
    })();
  }, []);

  if (error) return <main><h1>Firstreply dashboard</h1><p class="error" data-testid="dashboard-error">{error}</p></main>;
  if (!data) return <main><h1>Firstreply dashboard</h1><p class="muted">Loading…</p></main>;
  const { metrics, interactions } = data;
  const rate = metrics.firstResponseResolutionRate;
  return (
    <main>
      <h1>Firstreply dashboard</h1>
      <section class="row">
        <div class="card"><div class="muted">Interactions</div><strong data-testid="metric-interactions">{metrics.interactions}</strong></div>
        <div class="card"><div class="muted">Resolved in first response</div>
          <strong data-testid="metric-frr">{rate === null ? '—' : `${Math.round(rate * 100)}%`}</strong></div>
        <div class="card"><div class="muted">Median response time</div>
          <strong>{metrics.medianResponseMinutes === null ? '—' : `${Math.round(metrics.medianResponseMinutes)} min`}</strong></div>
      </section>
      <h2>By outcome</h2>
      <table><tbody>
        {OUTCOMES.map((o) => <tr key={o}><td>{OUTCOME_LABELS[o]}</td><td>{metrics.byOutcome[o] ?? 0}</td></tr>)}
      </tbody></table>
      <h2>Latest replies</h2>
      <table>
        <thead><tr><th>When</th><th>Customer</th><th>Agent</th><th>Outcome</th><th>Reply</th></tr></thead>
        <tbody>
          {interactions.map((i) => (
            <tr key={i.id}>
              <td>{new Date(i.repliedAt).toLocaleString()}</td>
              <td><a href={i.postUrl} target="_blank" rel="noreferrer">@{i.customer.handle}</a> ({i.platform})</td>
              <td>{i.agentName}</td><td>{OUTCOME_LABELS[i.outcome]}</td><td>{i.reply}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
