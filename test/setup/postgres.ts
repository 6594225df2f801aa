/**
 * Vitest globalSetup of the server project: a throwaway PostgreSQL cluster for the tests,
 * provided as `inject('postgresUrl')` ('' when skipped). Test files create their own database in it.
 *
 *   DATABASE_URL_TEST=postgres://…   use that server instead of starting one
 *   FIRSTREPLY_SKIP_POSTGRES=1       run without PostgreSQL (its tests are skipped)
 */
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway cluster's `postgres` database; '' when PostgreSQL tests are skipped. */
    postgresUrl: string;
  }
}

const INSTALL_HINT = 'install postgresql: apt-get install -y postgresql (or set FIRSTREPLY_SKIP_POSTGRES=1 to skip its tests)';

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (process.env.DATABASE_URL_TEST) {
    project.provide('postgresUrl', process.env.DATABASE_URL_TEST);
    return undefined;
  }
  if (process.env.FIRSTREPLY_SKIP_POSTGRES === '1') {
    project.provide('postgresUrl', '');
    return undefined;
  }
  const bin = findPostgresBin();
  if (!bin) throw new Error(`The server tests need PostgreSQL and none was found: ${INSTALL_HINT}`);
  const cluster = await startCluster(bin);
  project.provide('postgresUrl', cluster.url);
  return cluster.stop;
}

/** The newest /usr/lib/postgresql/<version>/bin, else the folder on PATH holding initdb and pg_ctl. */
function findPostgresBin(): string | undefined {
  const hasTools = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v)) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (hasTools(join(root, v, 'bin'))) return join(root, v, 'bin');
  return (process.env.PATH ?? '').split(delimiter).find((dir) => dir && hasTools(dir));
}

/** PostgreSQL refuses to run as root: then the cluster belongs to the `postgres` account. */
function clusterOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(`Running as root, PostgreSQL needs the "postgres" account, which does not exist: ${INSTALL_HINT}`);
  }
}

async function startCluster(bin: string): Promise<{ url: string; stop: () => void }> {
  const owner = clusterOwner();
  const dir = mkdtempSync(join(tmpdir(), 'firstreply-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const dataDir = join(dir, 'data');
  const run = (tool: string, args: string[], options: SpawnSyncOptions = {}) => {
    const result = spawnSync(join(bin, tool), args, { cwd: dir, encoding: 'utf8', ...owner, ...options });
    if (result.status !== 0) {
      throw new Error(`${tool} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}${result.stderr}`);
    }
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    spawnSync(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], { cwd: dir, stdio: 'ignore', ...owner });
    rmSync(dir, { recursive: true, force: true });
  };
  // Also when the test run is cut short: never leave a server behind.
  process.on('exit', stop);

  try {
    run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // A port found free can be taken before the server binds it: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const options = `-p ${port} -c listen_addresses=127.0.0.1 -k "${dir}" -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      const log = join(dir, 'postgres.log');
      try {
        run('pg_ctl', ['-D', dataDir, '-l', log, '-w', '-t', '30', '-o', options, 'start']);
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
      } catch (err) {
        if (attempt === 3) {
          const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
          throw new Error(`${(err as Error).message}\n${serverLog}`);
        }
      }
    }
  } catch (err) {
    stop();
    throw err;
  }
}
