import type { Server } from 'node:http';
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
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${actualPort}`,
    port: actualPort,
    kind: database.kind,
    db: database.db,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }).then(() => database.close())),
  };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
