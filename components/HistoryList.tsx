import { OUTCOME_LABELS, type CustomerHistory } from '../lib/schemas/interaction';

export function HistoryList({ history, error }: { history: CustomerHistory | null; error: string | null }) {
  if (error) return <p class="warn" data-testid="history-error">History unavailable: {error}</p>;
  if (!history) return <p class="muted">Loading history…</p>;
  if (history.interactionCount === 0) return <p class="muted" data-testid="history-count" data-count="0">First contact with this customer.</p>;
  return (
    <section>
      <p data-testid="history-count" data-count={history.interactionCount}>
        {history.interactionCount} past interaction{history.interactionCount === 1 ? '' : 's'}
        {history.lastOutcome ? ` · last: ${OUTCOME_LABELS[history.lastOutcome]}` : ''}
      </p>
      <ul class="history">
        {history.interactions.slice(0, 10).map((i) => (
          <li key={i.id}>
            <span class="muted">{new Date(i.repliedAt).toLocaleString()} · {i.agentName} · {OUTCOME_LABELS[i.outcome]}</span>
            <div>{i.reply}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
