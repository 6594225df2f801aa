/// <reference types="chrome" />
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { freePort } from '../free-port';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** A real backend process (`tsx server/main.ts`) on embedded PGlite in a temp folder. */
/** Backends started and not yet stopped: ended with the test process, whose Ctrl+C does not reach their group. */
const running = new Set<number>();
process.once('exit', () => running.forEach(killGroup));

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // (Gone already.)
  }
}

export class Backend {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'fr-e2e-data-'));
  private proc: ChildProcess | undefined;
  url = '';

  constructor(private port = 0) {}

  async start(): Promise<this> {
    this.port ||= await freePort();
    this.url = `http://127.0.0.1:${this.port}`;
    this.proc = spawn(TSX, ['server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', FIRSTREPLY_DATA: this.dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: tsx runs the server in a child process, and a stop that has to force
      // it must end both, or the server goes on answering on the port.
      detached: true,
    });
    running.add(this.proc.pid!);
    let output = '';
    this.proc.stdout!.on('data', (d) => (output += d));
    this.proc.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.proc.exitCode !== null) throw new Error(`backend exited: ${output}`);
      const ok = await fetch(`${this.url}/v1/health`).then((r) => r.ok, () => false);
      if (ok) return this;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`backend did not start: ${output}`);
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (proc.exitCode === null && proc.signalCode === null) {
      killGroup(proc.pid!);
      await exited;
    }
    running.delete(proc.pid!);
  }

  /** Runs the real CLI: `npm run server -- create-team <name>`. The server must be stopped or share the data dir safely. */
  async createTeam(name: string): Promise<{ teamId: string; token: string }> {
    const out = await new Promise<string>((ok, fail) => {
      const p = spawn(TSX, ['server/main.ts', 'create-team', name], {
        cwd: ROOT,
        env: { ...process.env, FIRSTREPLY_DATA: this.dataDir, DATABASE_URL: '' },
      });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (d) => (stdout += d));
      p.stderr.on('data', (d) => (stderr += d));
      p.on('exit', (code) => (code === 0 ? ok(stdout) : fail(new Error(`create-team failed: ${stderr}`))));
    });
    return JSON.parse(out.trim().split('\n').pop()!);
  }

  async api<T = unknown>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const res = await fetch(this.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as T };
  }

  dispose(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

const QUIET_NETWORK = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Debian's Chromium, headless, with no extension or with one unpacked extension loaded. */
export async function launchChromium(extensionDir?: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'fr-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      ...QUIET_NETWORK,
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the built extension loaded (see shared/BROWSER-TESTING.md). */
export async function launchWithExtension(extensionDir = EXTENSION_DIR): Promise<ExtensionBrowser> {
  const { context, close } = await launchChromium(extensionDir);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker, close };
}

export function fixture(path: string): string {
  return readFileSync(join(ROOT, 'test/fixtures', path), 'utf8');
}

/** Serves a saved page at a real site URL, so the real content-script match patterns apply. */
export async function serveFixture(context: BrowserContext, urlGlob: string, path: string): Promise<void> {
  await serveHtml(context, urlGlob, fixture(path));
}

/** Serves a page (a fixture rewritten for a test) at a real site URL; other requests get nothing. */
export async function serveHtml(context: BrowserContext, urlGlob: string, body: string): Promise<void> {
  await context.route(urlGlob, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ body, contentType: 'text/html; charset=utf-8' })
      : route.fulfill({ status: 204, body: '' }),
  );
}

/** Writes `settings` in chrome.storage.local the way any tool may: through the service worker. */
export async function writeSettings(worker: Worker, settings: unknown): Promise<void> {
  await worker.evaluate(async (s) => {
    await chrome.storage.local.set({ settings: s });
  }, settings);
}
