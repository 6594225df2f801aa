import { useState } from 'preact/hooks';
import { findPrivateData } from '../lib/classify/pii';
import { OUTCOMES, OUTCOME_LABELS, type Outcome } from '../lib/schemas/interaction';

export interface ReplyFormProps {
  busy: boolean;
  onLog: (reply: string, outcome: Outcome) => Promise<boolean>;
}

/** The agent's reply and how the exchange ended; cleared once the log is safely stored. */
export function ReplyForm({ busy, onLog }: ReplyFormProps) {
  const [reply, setReply] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('resolved_first_response');
  const privateData = findPrivateData(reply);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await onLog(reply, outcome)) setReply('');
  };
  return (
    <form onSubmit={submit} class="reply">
      <label for="reply">Your reply</label>
      <textarea id="reply" data-testid="reply-text" rows={5} value={reply} onInput={(e) => setReply(e.currentTarget.value)}
        placeholder="Write a personal, specific answer…" />
      {privateData.length > 0 && (
        <p class="warn" data-testid="reply-private-data">
          Your reply holds private data ({[...new Set(privateData.map((p) => p.kind.replace(/_/g, ' ')))].join(', ')}: {privateData.map((p) => p.masked).join(', ')}).
          Send it by direct message, not in a public reply.
        </p>
      )}
      <fieldset>
        <legend>Outcome</legend>
        {OUTCOMES.map((o) => (
          <label key={o} class="radio">
            <input type="radio" name="outcome" value={o} data-testid={`outcome-${o}`} checked={outcome === o}
              onChange={() => setOutcome(o)} />
            {OUTCOME_LABELS[o]}
          </label>
        ))}
      </fieldset>
      <button type="submit" data-testid="log-button" disabled={busy || reply.trim() === ''}>Log reply</button>
    </form>
  );
}
