/// <reference types="chrome" />
/**
 * What the content script costs a page, in real Chromium: a timeline grown to 2,000 posts,
 * with no extension, with a bare content script (querySelectorAll + textContent), and with
 * Firstreply. The content script's main-thread time is read from V8's sampling profiler (every
 * sample with an extension frame on its stack, DOM calls included), its longest task from the
 * longest unbroken run of such samples; long tasks of the page as a whole from a
 * PerformanceObserver; heap from CDP after forced collections.
 */
import { gzipSync } from 'node:zlib';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { OVERLAY_CSS } from '../lib/content/overlay-css';
import { EXTENSION_DIR, launchChromium } from '../test/e2e/harness';

const BARE = resolve(import.meta.dirname, 'bare-extension');
/**
 * The bare script plus the least the DOM contract asks of each post that names the brand (an
 * attribute on its root, a host with one line of text in its shadow root), and the same with
 * Firstreply's bar and stylesheet in the shadow root: what showing the overlays costs, reading nothing.
 */
const FLOOR = resolve(import.meta.dirname, 'floor-extension');
/** The bar as Overlays builds it for a negative complaint about one brand, 2 h old, over target. */
const FLOOR_BAR =
  '<span class="fr-sentiment">Negative</span><span class="fr-chips"><span class="fr-chip">Acme Air</span>' +
  '<span class="fr-chip fr-intent">Complaint</span></span><span class="fr-age fr-age-over">2h · over target</span><span class="fr-history"></span>';

/** A copy of the floor extension with its look written in. */
function floorExtension(styled: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'fr-floor-'));
  cpSync(FLOOR, dir, { recursive: true });
  const script = join(dir, 'content.js');
  const look = styled ? JSON.stringify({ css: OVERLAY_CSS, bar: FLOOR_BAR }) : 'null';
  writeFileSync(script, readFileSync(script, 'utf8').replace('const LOOK = null;', `const LOOK = ${look};`));
  return dir;
}
/** Each content script of a built extension (one a site) and its size gzipped, in KB. */
export function contentScriptSizes(dir: string): Array<{ name: string; kb: number }> {
  const scripts = join(dir, 'content-scripts');
  return readdirSync(scripts)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ name: f.replace(/\.js$/, ''), kb: gzipSync(readFileSync(join(scripts, f))).length / 1024 }));
}

/** The built extension measured; another build's folder may be given to compare two builds. */
const FIRSTREPLY_DIR = process.env.FIRSTREPLY_EXTENSION_DIR ?? EXTENSION_DIR;
const PAGE = readFileSync(resolve(import.meta.dirname, 'pages/x-growing.html'), 'utf8');
const BRANDS = [
  { name: 'Acme Air', aliases: ['AcmeAir'], handles: ['AcmeAir'], hashtags: ['acmefail'] },
  { name: 'SkyJet', competitor: true },
];
const STEPS = 40;
const PER_STEP = 50;
/**
 * FIRSTREPLY_BENCH_PER_FRAME=n adds each step's posts n at a time, a frame apart, as X renders the
 * cells a reader scrolls to; by default they come 50 at once.
 */
const PER_FRAME = Number(process.env.FIRSTREPLY_BENCH_PER_FRAME) || 0;

type Config = 'none' | 'bare' | 'floor' | 'floor-styled' | 'firstreply' | 'firstreply-home' | 'firstreply-quiet';

/** The timeline each configuration reads: a brand search unless it says otherwise (see x-growing.html). */
const PAGE_URL: Record<Config, string> = {
  none: 'https://x.com/search?q=acme',
  bare: 'https://x.com/search?q=acme',
  floor: 'https://x.com/search?q=acme',
  'floor-styled': 'https://x.com/search?q=acme',
  firstreply: 'https://x.com/search?q=acme',
  'firstreply-home': 'https://x.com/home?home',
  'firstreply-quiet': 'https://x.com/home?quiet',
};

interface Run {
  /** Main-thread time with an extension frame on the stack from navigation until the first posts are annotated. */
  loadMs: number;
  /** Longest unbroken stretch of extension work in that time. */
  longestLoadMs: number;
  /** Main-thread time with an extension frame on the stack. */
  extensionMs: number;
  /** Longest unbroken stretch of extension work. */
  longestExtensionMs: number;
  scriptMs: number;
  taskMs: number;
  longestTaskMs: number;
  longTasks: number;
  annotated: number;
  /** Heap growth per 2,000 more posts on a timeline that keeps only 200 in the DOM (mean over 6,000). */
  heapGrowthKb: number;
  /** Longest task (over 50 ms, else 0) when a settings change has all 2,000 posts read again. */
  rescanLongestMs: number;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** Two frames and a task; at most 200 ms (frames stop while a page is hidden). */
const frames = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((r) => (requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))), setTimeout(r, 200))),
  );

/** Waits until the count of annotated posts holds for 300 ms (posts are read together every 100 ms). */
async function settle(page: Page) {
  let last = -1;
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(300);
    const n = await page.locator('[data-firstreply-post]').count();
    if (n === last) return;
    last = n;
  }
}

/**
 * Grows the timeline as a reader does: more posts load when the reader reaches the bottom, and
 * the reader scrolls through them a screen at a time (a frame each), so every post comes into
 * view once. With `scroll` false, posts are only added (the memory check, where the page drops
 * old posts from the top).
 */
async function grow(page: Page, steps: number, scroll = true) {
  for (let s = 0; s < steps; s++) {
    if (PER_FRAME)
      await page.evaluate(([n, f]) => (window as unknown as { __trickle(n: number, f: number): Promise<number> }).__trickle(n!, f!), [PER_STEP, PER_FRAME]);
    else await page.evaluate((n) => (window as unknown as { __grow(n: number): number }).__grow(n), PER_STEP);
    if (scroll)
      await page.evaluate(async () => {
        // (No named helpers in here: the bundler would wrap them in a function the page lacks.)
        // A screen at a time until the bottom, or until scrolling stops moving; a frame waits at
        // most 100 ms (frames stop while a page is hidden).
        for (let at = -1; scrollY !== at && scrollY + innerHeight < document.documentElement.scrollHeight - 1; ) {
          at = scrollY;
          scrollBy(0, innerHeight);
          for (let f = 0; f < 2; f++) await new Promise((r) => (requestAnimationFrame(r), setTimeout(r, 100)));
        }
      });
    await frames(page);
  }
  await settle(page);
}

interface Profile {
  nodes: Array<{ id: number; callFrame: { url: string }; children?: number[] }>;
  samples: number[];
  startTime: number;
  endTime: number;
}

/**
 * Time (ms) of the samples whose stack holds a frame of an extension, and its longest unbroken run.
 * Each sample stands for the profile's mean interval: on a busy two-core machine the sampler
 * thread is sometimes not scheduled for milliseconds, and weighting a sample by the gap after it
 * would charge that whole stall (often the page's own layout) to whatever ran at its start.
 */
function extensionTime(profile: Profile): { total: number; longest: number } {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inExtension = new Map<number, boolean>();
  const check = (id: number): boolean => {
    const known = inExtension.get(id);
    if (known !== undefined) return known;
    const own = byId.get(id)!.callFrame.url.startsWith('chrome-extension://');
    const p = parent.get(id);
    const result = own || (p !== undefined && check(p));
    inExtension.set(id, result);
    return result;
  };
  const interval = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  let total = 0;
  let run = 0;
  let longest = 0;
  for (const id of profile.samples) {
    if (check(id)) {
      total += interval;
      run += interval;
      longest = Math.max(longest, run);
    } else run = 0;
  }
  return { total, longest };
}

async function heapKb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).JSHeapUsedSize! / 1024;
}

async function run(config: Config): Promise<Run> {
  const floorDir = config.startsWith('floor') ? floorExtension(config === 'floor-styled') : undefined;
  const browser = await launchChromium(config === 'none' ? undefined : config === 'bare' ? BARE : (floorDir ?? FIRSTREPLY_DIR));
  const firstreply = config.startsWith('firstreply');
  try {
    const context: BrowserContext = browser.context;
    if (firstreply) {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      await worker.evaluate((brands) => chrome.storage.local.set({ settings: { brands, token: '' } }), BRANDS);
      // Browsing, not a change of brands, is measured: the real words near the names are listed
      // first, as they are long before an agent opens a page (a build without the list waits 5 s).
      for (let waited = 0; waited < 5000; waited += 100) {
        if ((await worker.evaluate(() => chrome.storage.local.get('realWords'))).realWords) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await context.route('https://x.com/**', (route) => route.fulfill({ body: PAGE, contentType: 'text/html' }));
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    // Page load: the first 20 posts arrive with the page (the content script's start, settings,
    // the brands compiled and the first posts read and annotated).
    await cdp.send('Profiler.start');
    await page.goto(PAGE_URL[config]);
    await settle(page);
    const loadProfile = (await cdp.send('Profiler.stop')).profile as Profile;
    const load = extensionTime(loadProfile);
    if (process.env.FIRSTREPLY_PROFILE_OUT && config !== 'none') writeFileSync(`${process.env.FIRSTREPLY_PROFILE_OUT}.load.json`, JSON.stringify(loadProfile));
    const before = await metrics(cdp);
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
    await cdp.send('Profiler.start');
    await grow(page, STEPS);
    const { profile } = await cdp.send('Profiler.stop');
    const after = await metrics(cdp);
    const ext = extensionTime(profile as Profile);
    if (process.env.FIRSTREPLY_PROFILE_OUT && config !== 'none') writeFileSync(process.env.FIRSTREPLY_PROFILE_OUT, JSON.stringify(profile));
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const annotated = await page.locator('[data-firstreply-post]').count();

    // A settings change (a brand added) has every post on the page read again; the page itself is
    // idle then, so its long tasks (PerformanceObserver) are the content script's.
    let rescanLongestMs = NaN;
    // FIRSTREPLY_BENCH_GROW_ONLY=1 measures the growing timeline only (to compare two builds quickly).
    const growOnly = process.env.FIRSTREPLY_BENCH_GROW_ONLY === '1';
    if (firstreply && !growOnly) {
      const worker = context.serviceWorkers()[0]!;
      await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
      const before = await metrics(cdp);
      await worker.evaluate((brands) => chrome.storage.local.set({ settings: { brands, token: '' } }), [...BRANDS, { name: 'Globex' }]);
      await page.waitForTimeout(300);
      await settle(page);
      const after = await metrics(cdp);
      const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
      rescanLongestMs = Math.max(0, ...tasks);
    }

    // Memory: keep 200 posts in the DOM (as X does) and grow by 2,000 more, four times; the growth
    // per 2,000 is taken over the last three (one collection's noise spread over three steps).
    await page.evaluate(() => ((window as unknown as { __keep: number }).__keep = 200));
    const heaps: number[] = [];
    // (The floors' memory is not measured: they keep nothing.)
    const heapRounds = growOnly || config.startsWith('floor') ? 0 : 4;
    for (let round = 0; round < heapRounds; round++) {
      await grow(page, STEPS, false);
      heaps.push(await heapKb(cdp));
    }
    return {
      loadMs: load.total,
      longestLoadMs: load.longest,
      extensionMs: ext.total,
      longestExtensionMs: ext.longest,
      scriptMs: (after.ScriptDuration! - before.ScriptDuration!) * 1000,
      taskMs: (after.TaskDuration! - before.TaskDuration!) * 1000,
      longestTaskMs: Math.max(0, ...longTasks),
      longTasks: longTasks.length,
      annotated,
      heapGrowthKb: heapRounds ? (heaps[3]! - heaps[0]!) / 3 : NaN,
      rescanLongestMs,
    };
  } finally {
    await browser.close();
    if (floorDir) rmSync(floorDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchPageCost(rounds = Number(process.env.FIRSTREPLY_BENCH_ROUNDS) || 3): Promise<string> {
  const results: Record<Config, Run[]> = { none: [], bare: [], floor: [], 'floor-styled': [], firstreply: [], 'firstreply-home': [], 'firstreply-quiet': [] };
  // FIRSTREPLY_BENCH_ONLY=bare,floor,firstreply measures those configurations only; with one of them
  // and FIRSTREPLY_PROFILE_OUT=file, it is profiled (the page's load in file.load.json).
  const configs = process.env.FIRSTREPLY_BENCH_ONLY ? (process.env.FIRSTREPLY_BENCH_ONLY.split(',') as Config[]) : (['none', 'bare', 'floor', 'floor-styled', 'firstreply', 'firstreply-home', 'firstreply-quiet'] as const);
  for (let r = 0; r < rounds; r++)
    for (const c of configs) {
      process.stderr.write(`page cost: ${c}, run ${r + 1} of ${rounds}\n`);
      results[c].push(await run(c));
    }
  const m = (c: Config, k: keyof Run) => (results[c].length ? median(results[c].map((x) => x[k])) : NaN);
  // The ratio is taken within each round, whose runs follow one another on the machine as it was
  // then (a busy machine slows both), and the median over the rounds is given with their range.
  const ratio = (c: Config, to: Config = 'bare') => {
    const rounds = results[c].map((run, r) => run.extensionMs / Math.max(0.001, results[to][r]?.extensionMs ?? NaN)).filter(Number.isFinite);
    if (!rounds.length) return '**NaN×**';
    return `**${median(rounds).toFixed(1)}×** (rounds: ${Math.min(...rounds).toFixed(1)}–${Math.max(...rounds).toFixed(1)}×)`;
  };
  // (Not measured with FIRSTREPLY_BENCH_GROW_ONLY, nor without a Firstreply run.)
  const rescan = (ms: number) => (!Number.isFinite(ms) ? 'not measured in this run' : ms ? `${ms.toFixed(0)} ms` : 'none');
  const worst = (k: keyof Run) => Math.max(...[m('firstreply', k), m('firstreply-home', k), m('firstreply-quiet', k)].filter(Number.isFinite));
  const bundles = contentScriptSizes(FIRSTREPLY_DIR);
  const largest = bundles.reduce((a, b) => (b.kb > a.kb ? b : a));
  const kb = (name: string) => bundles.find((b) => b.name === name)?.kb.toFixed(1) ?? '?';
  const row = (c: Config, label: string) =>
    `| ${label} | ${c === 'none' ? '—' : `${m(c, 'loadMs').toFixed(1)} (${m(c, 'longestLoadMs').toFixed(1)})`} | ${c === 'none' ? '—' : m(c, 'extensionMs').toFixed(1)} | ${c === 'none' ? '—' : m(c, 'longestExtensionMs').toFixed(1)} | ${m(c, 'scriptMs').toFixed(0)} | ${m(c, 'taskMs').toFixed(0)} | ${m(c, 'longestTaskMs').toFixed(0)} (${m(c, 'longTasks')}) | ${m(c, 'heapGrowthKb').toFixed(0)} |`;
  return [
    `### Page cost (X timeline grown to ${STEPS * PER_STEP} posts, median of ${rounds} runs, real Chromium)`,
    '',
    '| | content script ms at page load (longest task) | content script ms while growing | its longest task ms | page script ms | page main-thread ms | page longest task ms (count > 50 ms) | heap growth KB per 2,000 more posts (200 kept in DOM; mean of 6,000) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('none', 'page alone'),
    row('bare', 'bare content script (baseline)'),
    row('floor', `least annotation, brand search (${m('floor', 'annotated')} posts: root attribute + shadow host, nothing read)`),
    row('floor-styled', `least annotation with Firstreply's bar, brand search (${m('floor-styled', 'annotated')} posts, nothing read)`),
    row('firstreply', `Firstreply, brand search (${m('firstreply', 'annotated')} posts annotated)`),
    row('firstreply-home', `Firstreply, home timeline (${m('firstreply-home', 'annotated')} posts annotated)`),
    row('firstreply-quiet', 'Firstreply, timeline without mentions'),
    '',
    `Firstreply's content script time is ${ratio('firstreply-home')} the bare content script's on a home timeline ` +
      `(one post in twenty mentions the brand), ${ratio('firstreply')} on a brand search (four in ten, each with an overlay) ` +
      `and ${ratio('firstreply-quiet')} on a timeline that never mentions it (each round's ratio, then their median). ` +
      `On the brand search the least annotation the DOM contract allows, reading nothing, costs ${ratio('floor')} the bare script, ` +
      `and with Firstreply's bar ${ratio('floor-styled')}; Firstreply costs ${ratio('firstreply', 'floor-styled')} the latter; ` +
      `its longest task is ${worst('longestExtensionMs').toFixed(1)} ms while the timeline grows, ` +
      `and when a settings change has all ${STEPS * PER_STEP} posts read again the page's longest task over 50 ms is ${rescan(worst('rescanLongestMs'))}. ` +
      `Content scripts, one a site, gzipped: **${largest.kb.toFixed(1)} KB** at most (${largest.name}), ${kb('x')} KB on X, where this was measured ` +
      `(${bundles.map((b) => `${b.name} ${b.kb.toFixed(1)}`).join(', ')}; the sentiment model is read in the background, once for every tab).`,
  ].join('\n');
}
