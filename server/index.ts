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
 * told to stop could go on logging. Here the last answer a connection owes says it closes it, and a
 * connection is closed once it owes none (so requests sent one after another on it, pipelined, are all
 * answered first): idle connections at once, the others as they become idle, and after DRAIN_MS all.
 */
function drainConnections(server: Server): { start(): void } {
  /** Requests received on each connection and not yet answered. */
  const owed = new WeakMap<object, number>();
  let stopping = false;
  // Before the app's own listener, so that every answer is seen before it is written.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    owed.set(socket, (owed.get(socket) ?? 0) + 1);
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
      if (stopping && owed.get(socket) === 1 && !this.headersSent) this.setHeader('connection', 'close');
      return writeHead.apply(this, args);
    } as ServerResponse['writeHead'];
    let answered = false;
    const done = () => {
      if (answered) return;
      answered = true;
      owed.set(socket, (owed.get(socket) ?? 1) - 1);
      if (stopping) setImmediate(() => server.closeIdleConnections());
    };
    // (Written in full, or cut off: whichever comes first.)
    res.once('finish', done);
    res.once('close', done);
  });
  return {
    start() {
      stopping = true;
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), DRAIN_MS).unref();
    },
  };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
