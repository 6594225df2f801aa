import { h, render } from 'preact';
import { Overlay, OVERLAY_CSS } from '../../components/Overlay';
import type { AnalyzedPost } from '../../lib/analyze';
import { postKey, type Post } from '../../lib/schemas/post';
import type { SiteAdapter } from '../../lib/sites/types';

export const POST_ATTR = 'data-firstreply-post';
export const OVERLAY_ATTR = 'data-firstreply-overlay';

interface Annotation {
  post: Post;
  analysis: AnalyzedPost;
  host: HTMLElement;
  shadow: ShadowRoot;
  historyCount?: number;
}

export interface OverlayContext {
  targetMinutes: number;
  onOpen: (post: Post, analysis: AnalyzedPost) => void;
}

/**
 * The overlays on one page. Each is a host element with an open shadow root (page CSS cannot
 * reach in, ours cannot leak out); the DOM contract lives on light-DOM attributes:
 * the post root gets data-firstreply-post="<platform>:<id>", the host data-sentiment and data-brands.
 */
export class Overlays {
  private readonly byRoot = new Map<Element, Annotation>();

  constructor(
    private readonly adapter: SiteAdapter,
    private ctx: OverlayContext,
  ) {}

  attach(root: Element, post: Post, analysis: AnalyzedPost): void {
    this.detach(root);
    const doc = root.ownerDocument;
    const host = doc.createElement('firstreply-overlay');
    host.setAttribute(OVERLAY_ATTR, '');
    host.setAttribute('data-sentiment', analysis.sentiment);
    host.setAttribute('data-brands', [...analysis.brands, ...analysis.competitorBrands].join(','));
    if (analysis.competitorBrands.length) host.setAttribute('data-competitors', analysis.competitorBrands.join(','));
    if (analysis.ownBrand) host.setAttribute('data-own', '');
    const shadow = host.attachShadow({ mode: 'open' });
    const anchor = this.adapter.overlayAnchor(root) ?? root;
    anchor.append(host);
    root.setAttribute(POST_ATTR, postKey(post));
    const annotation: Annotation = { post, analysis, host, shadow };
    this.byRoot.set(root, annotation);
    this.paint(annotation);
  }

  detach(root: Element): void {
    const a = this.byRoot.get(root);
    if (!a) return;
    render(null, a.shadow);
    a.host.remove();
    root.removeAttribute(POST_ATTR);
    this.byRoot.delete(root);
  }

  detachAll(): void {
    for (const root of [...this.byRoot.keys()]) this.detach(root);
  }

  /** Drops overlays whose post left the page, so nothing keeps detached nodes alive. */
  prune(): void {
    for (const [root, a] of this.byRoot) if (!root.isConnected) {
      render(null, a.shadow);
      this.byRoot.delete(root);
    }
  }

  setContext(ctx: OverlayContext): void {
    this.ctx = ctx;
    for (const a of this.byRoot.values()) this.paint(a);
  }

  /** Sets the history count of every overlay of this customer. */
  setHistory(platform: string, handle: string, count: number): void {
    const key = handle.toLowerCase();
    for (const a of this.byRoot.values()) {
      if (a.post.platform === platform && a.post.author.handle.toLowerCase() === key) {
        a.historyCount = count;
        a.host.setAttribute('data-history-count', String(count));
        this.paint(a);
      }
    }
  }

  private paint(a: Annotation): void {
    const style = a.shadow.querySelector('style') ?? a.shadow.appendChild(a.host.ownerDocument.createElement('style'));
    style.textContent = OVERLAY_CSS;
    let mount = a.shadow.querySelector('div');
    if (!mount) mount = a.shadow.appendChild(a.host.ownerDocument.createElement('div'));
    render(
      h(Overlay, {
        ...a.analysis,
        publishedAt: a.post.publishedAt,
        targetMinutes: this.ctx.targetMinutes,
        historyCount: a.historyCount,
        onOpen: () => this.ctx.onOpen(a.post, a.analysis),
      }),
      mount,
    );
  }
}
