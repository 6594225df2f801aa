import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Kysely } from 'kysely';
import { createApp } from './app';
import { openDatabase, type Database, type DatabaseKind } from './db';

export { createApp } from './app';
export { openDatabase } from './db';
export { createAgent, createTeam } from './teams';

export interface StartServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
  version?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  kind: DatabaseKind;
  db: Kysely<Database>;
  close(): Promise<void>;
}

/** Opens the database (migrating it) and serves the API until `close()`. */
export async function startServer({ port = 8787, host = '127.0.0.1', databaseUrl, dataDir, version }: StartServerOptions = {}): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl, dataDir });
  const app = createApp({ db: database.db, kind: database.kind, version });
  // Without TLS or HTTP/2 options the adaptor makes a plain node:http server.
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await database.close();
    throw err;
  }

  const actualPort = (server.address() as AddressInfo).port;
  const draining = drainConnections(server);
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${actualPort}`,
    port: actualPort,
    kind: database.kind,
    db: database.db,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        draining.start();
      }).then(() => database.close())),
  };
}

/** How long a stopping server lets the requests it is answering finish before it cuts them off. */
const DRAIN_MS = 10_000;

/**
 * A stopping server answers the requests it has begun and no more. `server.close()` alone only stops
 * new connections: a client's keep-alive connection that was busy at that moment stays open, and the
 * client's next requests on it are still answered (for as long as it keeps sending them), so a server
 * told to stop could go on logging. Here every answer from then on closes its connection, idle ones
 * are closed at once and whenever one becomes idle, and after DRAIN_MS all of them.
 */
function drainConnections(server: Server): { start(): void } {
  const answering = new Set<ServerResponse>();
  let stopping = false;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (stopping) res.setHeader('connection', 'close');
    answering.add(res);
    res.once('close', () => {
      answering.delete(res);
      if (stopping) setImmediate(() => server.closeIdleConnections());
    });
  });
  return {
    start() {
      stopping = true;
      for (const res of answering) if (!res.headersSent) res.setHeader('connection', 'close');
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), DRAIN_MS).unref();
    },
  };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
