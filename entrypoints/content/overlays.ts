import type { AnalyzedPost } from '../../lib/analyze';
import { ageStatus } from '../../lib/format';
import { postKey, type Post, type SentimentLabel } from '../../lib/schemas/post';
import type { SiteAdapter } from '../../lib/sites/types';
import { OVERLAY_CSS } from './overlay-css';

export const POST_ATTR = 'data-firstreply-post';
export const OVERLAY_ATTR = 'data-firstreply-overlay';

const SENTIMENT_TEXT: Record<SentimentLabel, string> = { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' };
export const INTENT_LABELS: Record<string, string> = {
  complaint: 'Complaint',
  question: 'Question',
  praise: 'Praise',
  purchase_interest: 'Sales lead',
  product_feedback: 'Feedback',
  churn_risk: 'Churn risk',
  private_data: 'Private data → DM',
};

interface Annotation {
  post: Post;
  host: HTMLElement;
  age: HTMLElement;
  history: HTMLElement;
}

export interface OverlayContext {
  targetMinutes: number;
  onOpen: (post: Post, analysis: AnalyzedPost) => void;
}

/**
 * The overlays on one page. Each is a host element with an open shadow root (page CSS cannot
 * reach in, ours cannot leak out) sharing one constructed stylesheet; the DOM contract lives on
 * light-DOM attributes: the post root gets data-firstreply-post="<platform>:<id>", the host
 * data-brands, data-sentiment, data-urgency and data-intents (once the post is read) and, once
 * known, data-history-count. Built once per post with plain DOM calls: hundreds of these appear
 * on a long timeline.
 */
function chip(doc: Document, cls: string, text: string, title?: string): HTMLElement {
  const e = doc.createElement('span');
  e.className = cls;
  e.textContent = text;
  if (title) e.title = title;
  return e;
}

export class Overlays {
  private readonly byRoot = new Map<Element, Annotation>();
  private sheet: CSSStyleSheet | undefined;
  private template: HTMLButtonElement | undefined;

  constructor(
    private readonly adapter: SiteAdapter,
    private ctx: OverlayContext,
  ) {}

  attach(root: Element, post: Post, analysis: AnalyzedPost): void {
    this.detach(root);
    const doc = root.ownerDocument;
    const host = doc.createElement('firstreply-overlay');
    host.setAttribute(OVERLAY_ATTR, '');
    host.setAttribute('data-brands', [...analysis.brands, ...analysis.competitorBrands].join(','));
    if (analysis.competitorBrands.length) host.setAttribute('data-competitors', analysis.competitorBrands.join(','));
    if (analysis.ownBrand) host.setAttribute('data-own', '');
    const shadow = host.attachShadow({ mode: 'open' });
    this.style(shadow);

    const bar = this.barTemplate(doc).cloneNode(true) as HTMLButtonElement;
    const [sentiment, chips, age, history] = bar.children as unknown as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    if (analysis.read) {
      host.setAttribute('data-sentiment', analysis.sentiment);
      host.setAttribute('data-urgency', String(analysis.urgency));
      if (analysis.intents.length) host.setAttribute('data-intents', analysis.intents.join(','));
      bar.className = `fr-bar fr-${analysis.sentiment}`;
      sentiment.textContent = SENTIMENT_TEXT[analysis.sentiment];
    } else {
      bar.className = 'fr-bar';
      sentiment.textContent = 'Not read';
    }
    for (const b of analysis.brands) chips.append(chip(doc, 'fr-chip', b));
    for (const b of analysis.competitorBrands) chips.append(chip(doc, 'fr-chip fr-competitor', b, 'Competitor'));
    if (analysis.ownBrand) chips.append(chip(doc, 'fr-chip fr-own', 'Our post'));
    if (analysis.urgency >= 2) {
      chips.append(chip(doc, `fr-chip fr-urgent fr-urgency-${analysis.urgency}`, analysis.urgency === 3 ? 'Critical' : 'Urgent', analysis.urgencyReasons.join(', ')));
    }
    for (const intent of analysis.intents) if (INTENT_LABELS[intent]) chips.append(chip(doc, 'fr-chip fr-intent', INTENT_LABELS[intent]!));
    bar.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation(); // the site's own click handler would open the post
      this.ctx.onOpen(post, analysis);
    });
    shadow.append(bar);

    const annotation: Annotation = { post, host, age, history };
    this.paintAge(annotation);
    (this.adapter.overlayAnchor(root) ?? root).append(host);
    root.setAttribute(POST_ATTR, postKey(post));
    this.byRoot.set(root, annotation);
  }

  get count(): number {
    return this.byRoot.size;
  }

  detach(root: Element): void {
    const a = this.byRoot.get(root);
    if (!a) return;
    a.host.remove();
    root.removeAttribute(POST_ATTR);
    this.byRoot.delete(root);
  }

  detachAll(): void {
    for (const root of [...this.byRoot.keys()]) this.detach(root);
  }

  private prunedAt = 0;

  /** Forgets overlays whose post left the page, so nothing keeps detached nodes alive (at most once a second). */
  prune(now = performance.now()): void {
    if (now - this.prunedAt < 1000) return;
    this.prunedAt = now;
    for (const root of this.byRoot.keys()) if (!root.isConnected) this.byRoot.delete(root);
  }

  setContext(ctx: OverlayContext): void {
    this.ctx = ctx;
    for (const a of this.byRoot.values()) this.paintAge(a);
  }

  /** Sets the history count of every overlay of this customer. */
  setHistory(platform: string, handle: string, count: number): void {
    const key = handle.toLowerCase();
    for (const a of this.byRoot.values()) {
      if (a.post.platform === platform && a.post.author.handle.toLowerCase() === key) {
        a.host.setAttribute('data-history-count', String(count));
        a.history.textContent = count === 0 ? 'New customer' : `${count} past`;
      }
    }
  }

  private paintAge(a: Annotation): void {
    const age = ageStatus(a.post.publishedAt, this.ctx.targetMinutes);
    a.age.className = age ? `fr-age fr-age-${age.status}` : 'fr-age';
    a.age.textContent = age ? age.age + (age.status === 'over' ? ' · over target' : '') : '';
    a.age.title = `Target: answer within ${this.ctx.targetMinutes} min`;
  }

  /** The bar's skeleton, built once and cloned: sentiment, brand chips, age, history. */
  private barTemplate(doc: Document): HTMLButtonElement {
    if (!this.template) {
      const bar = doc.createElement('button');
      bar.type = 'button';
      bar.title = 'Open in Firstreply';
      bar.innerHTML = '<span class="fr-sentiment"></span><span class="fr-chips"></span><span class="fr-age"></span><span class="fr-history"></span>';
      this.template = bar;
    }
    return this.template;
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
