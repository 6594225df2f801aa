import { useState } from 'preact/hooks';
import { findPrivateData, isBrandContactIn } from '../lib/classify/pii';
import { OUTCOMES, OUTCOME_LABELS, type Outcome } from '../lib/schemas/interaction';

/** The longest reply a site's box is asked to take (the content script's limit). */
const REPLY_MAX = 10_000;

/** What became of a reply put into the site's reply box: a line for the agent. */
export interface InsertResult {
  state: 'filled' | 'failed';
  message: string;
}

export interface ReplyFormProps {
  busy: boolean;
  /** The post answered (`<platform>:<id>`): what was said of an earlier post's reply box goes when it changes. */
  target: string;
  onLog: (reply: string, outcome: Outcome) => Promise<boolean>;
  /** Puts the reply into the post's own reply box on the page (the agent posts it there). */
  onInsert: (reply: string) => Promise<InsertResult>;
  /** The team's own brands' domains: their care addresses (support@, care@…) are no private data in a reply. */
  brandDomains: readonly string[];
}

/** The agent's reply and how the exchange ended; cleared once the log is safely stored. */
export function ReplyForm({ busy, target, onLog, onInsert, brandDomains }: ReplyFormProps) {
  const [reply, setReply] = useState('');
  // What became of the last reply put in, and for which post: shown only while that post is the one answered
  // (an answer about another post's box, come late or left from before, is not shown under this one).
  const [inserted, setInserted] = useState<InsertResult & { post: string }>();
  const [inserting, setInserting] = useState(false);
  const shown = inserted?.post === target ? inserted : undefined;
  const [outcome, setOutcome] = useState<Outcome>('resolved_first_response');
  const privateData = findPrivateData(reply).filter((p) => !isBrandContactIn(reply, p, brandDomains));
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await onLog(reply, outcome)) setReply('');
  };
  return (
    <form onSubmit={submit} class="reply">
      <label for="reply">Your reply</label>
      <textarea id="reply" data-testid="reply-text" rows={5} maxLength={REPLY_MAX} value={reply} onInput={(e) => (setReply(e.currentTarget.value), setInserted(undefined))}
        placeholder="Write a personal, specific answer…" />
      {privateData.length > 0 && (
        <p class="warn" data-testid="reply-private-data">
          Your reply holds private data ({[...new Set(privateData.map((p) => p.kind.replace(/_/g, ' ')))].join(', ')}: {privateData.map((p) => p.masked).join(', ')}).
          Send it by direct message, not in a public reply.
        </p>
      )}
      <p class="row">
        <button type="button" data-testid="insert-button" disabled={inserting || reply.trim() === ''}
          onClick={async () => {
            const post = target;
            setInserting(true);
            setInserted(undefined);
            const result = await onInsert(reply.trim()).finally(() => setInserting(false));
            setInserted({ ...result, post });
          }}>
          {inserting ? 'Putting it in the reply box…' : "Put in the post's reply box"}
        </button>
      </p>
      {shown && (
        <p class={shown.state === 'filled' ? 'ok' : 'warn'} data-testid="insert-status" data-state={shown.state}>
          {shown.message}
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
