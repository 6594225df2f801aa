import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';

const LOCK_FILE = 'firstreply.lock';
/** Folders this process holds; a lock naming our pid that is not listed here is left from an earlier run. */
const held = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockOwner(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * PGlite lets two processes open the same folder and then corrupts it, so a process claims
 * the folder first. A lock left by a process that has exited is taken over.
 * Returns the function that gives the folder back.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = resolve(dataDir, LOCK_FILE);
  if (held.has(path)) throw new Error(`The database in ${dataDir} is already open in this process.`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path);
      return () => {
        if (held.delete(path)) rmSync(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = lockOwner(path);
      if (owner !== undefined && owner !== process.pid && isRunning(owner)) {
        throw new Error(
          `The database in ${dataDir} is in use by process ${owner}. Stop that process (the running server) first, ` +
            `or share a PostgreSQL server through DATABASE_URL. If that process is not a Firstreply backend, delete ${path}.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock ${path}`);
}
