import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { InteractionInput } from '../schemas/interaction';

export interface OutboxItem {
  id: string;
  body: InteractionInput;
  enqueuedAt: number;
  attempts: number;
  lastError?: string;
}

interface FirstreplyDB extends DBSchema {
  /** Logs waiting to reach the backend, in the order they were made. */
  outbox: { key: string; value: OutboxItem; indexes: { byEnqueuedAt: number } };
  /** Logs the backend refused (4xx); kept so nothing is lost, shown to the agent. */
  rejected: { key: string; value: OutboxItem & { rejectedAt: number } };
}

export type OutboxDB = IDBPDatabase<FirstreplyDB>;

export function openOutboxDB(name = 'firstreply'): Promise<OutboxDB> {
  return openDB<FirstreplyDB>(name, 1, {
    upgrade(db) {
      const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
      outbox.createIndex('byEnqueuedAt', 'enqueuedAt');
      db.createObjectStore('rejected', { keyPath: 'id' });
    },
  });
}

export type SendResult = { ok: true } | { ok: false; permanent: boolean; error: string };

/**
 * A durable queue of interaction logs. Items are written before any upload is tried, removed
 * only after the backend confirmed them, and uploaded one flush at a time; the backend is
 * idempotent on the item id, so a retry after a lost answer still stores one row.
 */
export class Outbox {
  private flushing: Promise<number> | undefined;

  constructor(private readonly db: OutboxDB) {}

  /** Adds an item; adding the same id again keeps the first one. */
  async enqueue(body: InteractionInput): Promise<void> {
    const tx = this.db.transaction('outbox', 'readwrite');
    if (!(await tx.store.getKey(body.id))) await tx.store.put({ id: body.id, body, enqueuedAt: Date.now(), attempts: 0 });
    await tx.done;
  }

  pending(): Promise<number> {
    return this.db.count('outbox');
  }

  rejectedCount(): Promise<number> {
    return this.db.count('rejected');
  }

  list(): Promise<OutboxItem[]> {
    return this.db.getAllFromIndex('outbox', 'byEnqueuedAt');
  }

  /**
   * Uploads waiting items in order until one fails for a passing reason (then stops, to retry
   * later). Concurrent calls share one flush. Resolves to the number of items uploaded.
   */
  flush(send: (item: OutboxItem) => Promise<SendResult>, onSent?: (item: OutboxItem) => void): Promise<number> {
    this.flushing ??= this.runFlush(send, onSent).finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async runFlush(send: (item: OutboxItem) => Promise<SendResult>, onSent?: (item: OutboxItem) => void): Promise<number> {
    let sent = 0;
    for (const item of await this.list()) {
      const result = await send(item);
      if (result.ok) {
        await this.db.delete('outbox', item.id);
        sent++;
        onSent?.(item);
        continue;
      }
      const updated = { ...item, attempts: item.attempts + 1, lastError: result.error };
      if (result.permanent) {
        const tx = this.db.transaction(['outbox', 'rejected'], 'readwrite');
        await tx.objectStore('rejected').put({ ...updated, rejectedAt: Date.now() });
        await tx.objectStore('outbox').delete(item.id);
        await tx.done;
        continue;
      }
      await this.db.put('outbox', updated);
      break;
    }
    return sent;
  }
}
