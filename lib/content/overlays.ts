import { analysisOf, type AnalyzedPost, type PostMatch, type PostReading } from '../analyze';
import { ageStatus } from '../format';
import { customerKey, setNewest } from '../history-cache';
import { INTENT_LABELS, SENTIMENT_LABELS, urgencyLabel } from '../labels';
import { postKey, type Post } from '../schemas/post';
import type { SiteAdapter } from '../sites/types';
import { OVERLAY_TAG } from '../dom/post-scanner';
import { gatherFor } from '../dom/schedule';
import { OVERLAY_CSS } from './overlay-css';

const intentLabels: Record<string, string> = INTENT_LABELS;

export const POST_ATTR = 'data-firstreply-post';
export const OVERLAY_ATTR = 'data-firstreply-overlay';
/** Every annotated post root. */
const ANNOTATED = `[${POST_ATTR}]`;
/** The most posts one readPosts message may carry (its schema's limit). */
const READS_PER_MESSAGE = 200;
/** Customers whose history count is kept for overlays still to come. */
const HISTORY_KEPT = 5000;
/**
 * When a batch's reading fails (the background was restarting), it is asked again after these
 * delays, then left: those posts are read again on the next rescan.
 */
const RETRY_DELAYS_MS = [0, 3000];
/** How long posts that name a brand (and their authors, for history counts) are gathered before they are read together. */
export const READ_WINDOW_MS = 100;
/** The most looks (sentiment, brands, urgency, intents…) whose built overlay is kept to copy. */
const MAX_LOOKS = 500;

interface Annotation {
  post: Post;
  analysis: AnalyzedPost;
  host: HTMLElement;
  age: HTMLElement;
  history: HTMLElement;
  /** The customer, as history counts are keyed. */
  customer: string;
}

/** An overlay's host (its attributes) and bar, built for one look. */
interface Look {
  host: HTMLElement;
  bar: HTMLElement;
}

/** A post that names a brand, waiting for its reading. */
interface Waiting {
  root: Element;
  post: Post;
  match: PostMatch;
}

export interface OverlayContext {
  targetMinutes: number;
  onOpen: (post: Post, analysis: AnalyzedPost) => void;
  /** Reads posts (sentiment, intents, urgency…), keyed by post key. */
  read: (posts: Array<{ key: string; text: string }>) => Promise<Record<string, PostReading>>;
}

// An overlay is painted again when settings change and when its post is read again; a write that
// changes nothing would still have the page style and lay out the overlay anew, hundreds of them
// at once on a long timeline. These write only what differs.
function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

function setClass(el: HTMLElement, name: string): void {
  if (el.className !== name) el.className = name;
}

function setAttr(el: HTMLElement, name: string, value: string | undefined): void {
  if (value === undefined) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** What an overlay shows of a post's analysis (all of it but the post's age and history). */
function lookKey(analysis: AnalyzedPost): string {
  return [
    analysis.sentiment,
    analysis.brands.join(','),
    analysis.competitorBrands.join(','),
    analysis.ownBrand,
    analysis.byCompetitor,
    analysis.urgency,
    analysis.urgencyReasons.join(','),
    analysis.intents.join(','),
  ].join('|');
}

/** A span of the bar: a chip, or the sentiment, age or history line. */
function chip(doc: Document, cls: string, text: string, title?: string): HTMLElement {
  const e = doc.createElement('span');
  e.className = cls;
  e.textContent = text;
  if (title) e.title = title;
  return e;
}

/**
 * The overlays on one page. Each is a host element with an open shadow root (page CSS cannot
 * reach in, ours cannot leak out) sharing one constructed stylesheet; the DOM contract lives on
 * light-DOM attributes: the post root gets data-firstreply-post="<platform>:<id>", the host
 * data-sentiment, data-brands, data-urgency, data-intents and, once known, data-history-count.
 * Built with plain DOM calls: hundreds of these appear on a long timeline.
 */
export class Overlays {
  private readonly byRoot = new Map<Element, Annotation>();
  private sheet: CSSStyleSheet | undefined;
  /** Hosts and bars built once per look (sentiment, brands, urgency, intents…), copied for each overlay. */
  private readonly looks = new Map<string, Look>();
  private readonly listening = new AbortController();
  /** Posts waiting for their reading, by root: the latest request for a root wins. */
  private waiting = new WeakMap<Element, Waiting>();
  /** History counts of the customers seen, for overlays built after their count came. */
  private readonly historyCounts = new Map<string, number>();
  /**
   * Orders history counts: a count pushed for one customer (a log just reached the backend) is
   * newer than any batch asked for before it, and a reset (new settings: maybe another team)
   * makes every batch asked before it stale. Stamps come from one counter.
   */
  private historyClock = 0;
  private historyResetAt = 0;
  private readonly historyPushedAt = new Map<string, number>();

  constructor(
    private readonly adapter: SiteAdapter,
    private ctx: OverlayContext,
  ) {}

  /**
   * Queues a post that names a brand. The posts queued within READ_WINDOW_MS are read in one message,
   * and their overlays built in one task when the reading comes: a message, and a task's first DOM
   * calls, cost a content script more than reading a post, and a site adds the posts a reader
   * scrolls to a few at a time, frame after frame. Each overlay is built whole, so the page lays it
   * out once.
   */
  add(root: Element, post: Post, match: PostMatch): void {
    const w: Waiting = { root, post, match };
    this.waiting.set(root, w);
    this.queued.add(w);
  }

  private readonly queued = gatherFor<Waiting>(READ_WINDOW_MS, (gathered) => {
    // A post read again, or taken off, meanwhile: only its latest request is sent.
    const all = gathered.filter((w) => this.waiting.get(w.root) === w);
    for (let i = 0; i < all.length; i += READS_PER_MESSAGE) void this.read(all.slice(i, i + READS_PER_MESSAGE));
  });

  /** Reads a batch (again, a little later, if the background went away meanwhile) and builds its overlays. */
  private async read(batch: Waiting[], attempt = 0): Promise<void> {
    let readings: Record<string, PostReading>;
    try {
      readings = await this.ctx.read(batch.map((w) => ({ key: postKey(w.post), text: w.post.text })));
    } catch {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) {
        // Never read: an overlay held from before the settings changed would show the old settings' reading.
        for (const w of batch) if (this.waiting.get(w.root) === w && this.held.has(w.root)) this.detach(w.root);
        return;
      }
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      const still = batch.filter((w) => this.waiting.get(w.root) === w);
      if (still.length) await this.read(still, attempt + 1);
      return;
    }
    for (const w of batch) {
      // A post read again, or taken off, since it was queued: its latest state decides.
      if (this.waiting.get(w.root) !== w) continue;
      this.waiting.delete(w.root);
      const reading = readings[postKey(w.post)];
      if (reading && w.root.isConnected) this.attach(w.root, w.post, analysisOf(w.match, reading));
      else if (this.held.has(w.root)) this.detach(w.root);
    }
  }

  /**
   * Puts a post's overlay on the page, replacing any it had; one that already shows this post as it
   * looks now stays where it is (read again after a settings change, most posts look as they did,
   * and the page need not lay them out again).
   */
  attach(root: Element, post: Post, analysis: AnalyzedPost): void {
    this.held.delete(root);
    // One post read from two roots, one inside the other (a block around a post that an adapter took for a post
    // too): the inner one is the post, and the outer one is never annotated.
    // (Found by the one selector every post shares, which the browser parses once, then by value: a selector naming
    // each post's key was parsed anew for every overlay.)
    const key = postKey(post);
    for (const inner of root.querySelectorAll(ANNOTATED)) if (inner.getAttribute(POST_ATTR) === key) return;
    for (let outer = root.parentElement?.closest(ANNOTATED); outer; outer = outer.parentElement?.closest(ANNOTATED))
      if (outer.getAttribute(POST_ATTR) === key) {
        this.detach(outer);
        break;
      }
    const shown = this.byRoot.get(root);
    if (shown?.host.isConnected && postKey(shown.post) === postKey(post) && lookKey(shown.analysis) === lookKey(analysis)) {
      shown.post = post;
      shown.analysis = analysis;
      this.paintAge(shown);
      return;
    }
    this.detach(root);
    const doc = root.ownerDocument;
    // The host's attributes and the bar are built once per look and copied, one call each. The
    // shadow root is the copy's own, not clonable: a post the page copies (cloneNode) carries an
    // empty host, never a bar of ours.
    const kept = this.look(doc, analysis);
    const { host, bar } = kept
      ? { host: kept.host.cloneNode(false) as HTMLElement, bar: kept.bar.cloneNode(true) as HTMLElement }
      : this.build(doc, analysis);
    const shadow = host.attachShadow({ mode: 'open' });
    this.style(shadow);
    shadow.append(bar);
    const history = bar.lastChild as HTMLElement;
    const age = history.previousSibling as HTMLElement;
    this.listen(doc);

    const annotation: Annotation = { post, analysis, host, age, history, customer: customerKey(post.platform, post.author.handle) };
    this.paintAge(annotation, true);
    const count = this.historyCounts.get(annotation.customer);
    if (count !== undefined) this.paintHistory(annotation, count);
    this.byHost.set(host, annotation);
    const anchor = this.adapter.overlayAnchor(root) ?? root;
    // A post the page copied holds a copy of the original's (empty) host: it gives way to this one.
    const last = anchor.lastElementChild;
    if (last?.localName === OVERLAY_TAG && !this.byHost.has(last)) last.remove();
    anchor.append(host);
    root.setAttribute(POST_ATTR, postKey(post));
    this.byRoot.set(root, annotation);
  }

  /** The built host and bar for an analysis's look, kept for the next post that looks the same; none past 500 looks. */
  private look(doc: Document, analysis: AnalyzedPost): Look | undefined {
    const key = lookKey(analysis);
    let look = this.looks.get(key);
    if (!look && this.looks.size < MAX_LOOKS) this.looks.set(key, (look = this.build(doc, analysis)));
    return look;
  }

  /**
   * A host with the DOM contract's attributes, and the bar for its shadow root: sentiment, brand
   * chips, urgency and intents, then the age and history (left empty: they are the post's own).
   */
  private build(doc: Document, analysis: AnalyzedPost): Look {
    const host = doc.createElement(OVERLAY_TAG);
    host.setAttribute(OVERLAY_ATTR, '');
    host.setAttribute('data-sentiment', analysis.sentiment);
    host.setAttribute('data-brands', [...analysis.brands, ...analysis.competitorBrands].join(','));
    if (analysis.competitorBrands.length) host.setAttribute('data-competitors', analysis.competitorBrands.join(','));
    if (analysis.ownBrand) host.setAttribute('data-own', '');
    if (analysis.byCompetitor) host.setAttribute('data-by-competitor', '');
    host.setAttribute('data-urgency', String(analysis.urgency));
    if (analysis.intents.length) host.setAttribute('data-intents', analysis.intents.join(','));

    const bar = doc.createElement('button');
    bar.type = 'button';
    bar.title = 'Open in Firstreply';
    bar.className = `fr-bar fr-${analysis.sentiment}`;
    const chips = chip(doc, 'fr-chips', '');
    for (const b of analysis.brands) chips.append(chip(doc, 'fr-chip', b));
    for (const b of analysis.competitorBrands) chips.append(chip(doc, 'fr-chip fr-competitor', b, 'Competitor'));
    if (analysis.ownBrand) chips.append(chip(doc, 'fr-chip fr-own', 'Our post'));
    const urgent = urgencyLabel(analysis.urgency);
    if (urgent) chips.append(chip(doc, `fr-chip fr-urgent fr-urgency-${analysis.urgency}`, urgent, analysis.urgencyReasons.join(', ')));
    for (const intent of analysis.intents) if (intentLabels[intent]) chips.append(chip(doc, 'fr-chip fr-intent', intentLabels[intent]!));
    bar.append(
      chip(doc, 'fr-sentiment', SENTIMENT_LABELS[analysis.sentiment]),
      chips,
      chip(doc, 'fr-age', '', this.ageTitle()),
      chip(doc, 'fr-history', ''),
    );
    return { host, bar };
  }

  /**
   * One click listener for every overlay, on the window in the capture phase: a click on a bar
   * opens its post in the side panel and goes no further (the site would open the post).
   */
  private listen(doc: Document): void {
    if (this.listened) return;
    const win = doc.defaultView;
    if (!win) return;
    this.listened = true;
    win.addEventListener(
      'click',
      (e) => {
        const host = e.target;
        if (!(host instanceof win.HTMLElement) || host.localName !== OVERLAY_TAG || e.composedPath()[0] === host) return;
        const a = this.byHost.get(host);
        if (!a) return;
        e.preventDefault();
        e.stopPropagation();
        this.ctx.onOpen(a.post, a.analysis);
      },
      { capture: true, signal: this.listening.signal },
    );
  }

  private listened = false;

  /** Takes every overlay off the page and stops listening (the content script is going away). */
  dispose(): void {
    clearTimeout(this.pruneTimer);
    this.queued.cancel();
    this.detachAll();
    this.listening.abort();
  }

  get count(): number {
    return this.byRoot.size;
  }

  detach(root: Element): void {
    this.waiting.delete(root);
    this.held.delete(root);
    const a = this.byRoot.get(root);
    if (!a) return;
    a.host.remove();
    root.removeAttribute(POST_ATTR);
    this.byRoot.delete(root);
  }

  detachAll(): void {
    this.waiting = new WeakMap();
    this.held.clear();
    for (const root of [...this.byRoot.keys()]) this.detach(root);
  }

  /** Overlays kept through a settings change until their post is read again (holdAll). */
  private held = new Set<Element>();

  /**
   * A settings change: every overlay stays on its post while the page is read again under the new
   * settings. A post read again keeps it if it looks the same (attach), or gets a new one; `dropHeld`
   * then takes off those of posts that no longer name a brand. The page never shows the overlays
   * all gone, nor lays out again the posts whose overlay did not change.
   */
  holdAll(): void {
    this.waiting = new WeakMap();
    this.held = new Set(this.byRoot.keys());
  }

  /**
   * Takes off the held overlays whose post was not asked to be read again: it names no brand now.
   * Those being read stay held until their reading comes (attach), or fails (then they go too).
   */
  dropHeld(): void {
    for (const root of this.held) if (!this.waiting.has(root)) this.detach(root);
  }

  private prunedAt = -Infinity;
  private pruneTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Forgets overlays whose post left the page, so nothing keeps detached nodes alive, and puts back
   * those the page took out of a post still on it (a site re-rendering part of a post). Called when
   * nodes leave the page; runs at most once a second, and once more a second after the last call.
   */
  prune(now = performance.now()): void {
    if (now - this.prunedAt < 1000) {
      this.pruneTimer ??= setTimeout(() => {
        this.pruneTimer = undefined;
        this.prune();
      }, 1000 - (now - this.prunedAt));
      return;
    }
    this.prunedAt = now;
    for (const [root, a] of this.byRoot) {
      if (!root.isConnected) this.byRoot.delete(root);
      else if (!a.host.isConnected) {
        (this.adapter.overlayAnchor(root) ?? root).append(a.host);
        root.setAttribute(POST_ATTR, postKey(a.post));
      }
    }
  }

  private readonly byHost = new WeakMap<Element, Annotation>();

  setContext(ctx: OverlayContext): void {
    this.ctx = ctx;
    this.looks.clear(); // their age title names the response-time target
    for (const a of this.byRoot.values()) this.paintAge(a);
  }

  /** The stamp to give back to `setHistory` with counts asked for now. */
  historyStamp(): number {
    return this.historyClock;
  }

  /** Forgets every history count: they may belong to another team now. */
  resetHistory(): void {
    this.historyCounts.clear();
    this.historyPushedAt.clear();
    this.historyResetAt = ++this.historyClock;
    for (const a of this.byRoot.values()) this.paintHistory(a, undefined);
  }

  /**
   * Sets the history counts of these customers on their overlays, and on those still to come:
   * counts asked for at `askedAt` (a `historyStamp()`), or, without it, a count just pushed, which
   * no answer to an earlier question may overwrite.
   */
  setHistory(platform: string, counts: Record<string, number>, askedAt?: number): void {
    if (askedAt !== undefined && askedAt < this.historyResetAt) return;
    const changed = new Map<string, number>();
    for (const [handle, count] of Object.entries(counts)) {
      const key = customerKey(platform, handle);
      if (askedAt === undefined) {
        setNewest(this.historyPushedAt, key, ++this.historyClock, HISTORY_KEPT);
      } else if ((this.historyPushedAt.get(key) ?? -1) > askedAt) continue;
      setNewest(this.historyCounts, key, count, HISTORY_KEPT);
      changed.set(key, count);
    }
    if (!changed.size) return;
    for (const a of this.byRoot.values()) {
      const count = changed.get(a.customer);
      if (count !== undefined) this.paintHistory(a, count);
    }
  }

  private paintHistory(a: Annotation, count: number | undefined): void {
    setAttr(a.host, 'data-history-count', count === undefined ? undefined : String(count));
    setText(a.history, count === undefined ? '' : count === 0 ? 'New customer' : `${count} past`);
  }

  /** The post's age against the response-time target; a `fresh` bar already has the title and no age. */
  private paintAge(a: Annotation, fresh = false): void {
    const age = ageStatus(a.post.publishedAt, this.ctx.targetMinutes);
    if (fresh && !age) return;
    setClass(a.age, age ? `fr-age fr-age-${age.status}` : 'fr-age');
    setText(a.age, age ? age.age + (age.status === 'over' ? ' · over target' : '') : '');
    if (!fresh && a.age.title !== this.ageTitle()) a.age.title = this.ageTitle();
  }

  private ageTitle(): string {
    return `Target: answer within ${this.ctx.targetMinutes} min`;
  }

  /** One parsed stylesheet shared by every overlay; a <style> per overlay where that is not possible. */
  private style(shadow: ShadowRoot): void {
    try {
      if (!this.sheet) {
        this.sheet = new CSSStyleSheet();
        this.sheet.replaceSync(OVERLAY_CSS);
      }
      shadow.adoptedStyleSheets = [this.sheet];
    } catch {
      const style = shadow.ownerDocument.createElement('style');
      style.textContent = OVERLAY_CSS;
      shadow.append(style);
    }
  }
}
