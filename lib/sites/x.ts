import { parsePost, type Post } from '../schemas/post';
import { readableText } from '../dom/readable-text';
import { defineAdapter, type SiteAdapter } from './types';

// X (twitter.com / x.com) renders each post as <article data-testid="tweet">; the author block is
// [data-testid="User-Name"], the text [data-testid="tweetText"] with emoji as <img alt>, and the
// permalink is the <a> around the post's <time datetime>. The reply box is the Draft.js editor
// [data-testid="tweetTextarea_0"] of the inline composer or the reply dialog.
const STATUS_HREF = /^(?:https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com)?\/([A-Za-z0-9_]{1,15})\/status\/(\d{1,25})(?:[/?#]|$)/;

function permalink(root: Element): { handle: string; id: string; href: string; time: Element } | undefined {
  // The post's own permalink wraps its <time>; a quoted post's time sits inside a nested block
  // (div[role="link"]), so take the first time that is not inside one.
  for (const time of root.querySelectorAll('time')) {
    const block = time.closest('div[role="link"]');
    if (block && block !== root) continue;
    const m = STATUS_HREF.exec(time.closest('a[href]')?.getAttribute('href') ?? '');
    if (m) return { handle: m[1]!, id: m[2]!, href: `https://x.com/${m[1]}/status/${m[2]}`, time };
  }
  return undefined;
}

/** The handle a reply answers, from X's "Replying to @handle" line above the text. */
function replyingTo(root: Element): string | undefined {
  for (const a of root.querySelectorAll('a[href^="/"]')) {
    // The line's links show "@handle" as their own text (the author's handle link wraps blocks).
    if (!a.firstChild?.nodeValue?.startsWith('@')) continue;
    // The line is a block whose own text starts "Replying to", a few levels above the handle's link.
    let line = a.parentElement;
    for (let depth = 0; line && line !== root && depth < 3; depth++, line = line.parentElement) {
      const lead = line.firstChild?.nodeType === 3 ? line.firstChild.nodeValue : undefined;
      if (lead && /^\s*Replying to/.test(lead)) return a.getAttribute('href')!.slice(1);
    }
  }
  return undefined;
}

/** The post's own text element and the text of the post it quotes (a nested div[role="link"] block). */
function textElements(root: Element): { own?: Element; quoteBlock?: Element; quote?: Element } {
  let own: Element | undefined;
  let quote: Element | undefined;
  let quoteBlock: Element | undefined;
  for (const el of root.querySelectorAll('[data-testid="tweetText"]')) {
    const block = el.closest('div[role="link"]');
    if (!block || block === root) own ??= el; // the post's own text, not a quoted post's
    else if (!quote) [quote, quoteBlock] = [el, block];
  }
  return { own, quoteBlock, quote };
}

export const x: SiteAdapter = defineAdapter({
  id: 'x',
  platform: 'x',
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*', 'https://mobile.x.com/*'],
  postSelector: 'article[data-testid="tweet"]',

  getPostId(root) {
    return permalink(root)?.id;
  },


  extractPost(root): Post | undefined {
    const link = permalink(root);
    if (!link) return undefined;
    const userName = root.querySelector('[data-testid="User-Name"]');
    const name = userName?.querySelector('a[href] span')?.textContent?.trim() || undefined;
    const { own: textEl, quoteBlock, quote: quoteText } = textElements(root);
    const quoteAuthor = quoteBlock?.querySelector('[data-testid="User-Name"] a[href^="/"]')?.getAttribute('href')?.slice(1);
    const inReplyTo = replyingTo(root);
    return parsePost({
      platform: 'x',
      id: link.id,
      url: link.href,
      author: { handle: link.handle, name, profileUrl: `https://x.com/${link.handle}` },
      text: textEl ? readableText(textEl) : '',
      publishedAt: link.time.getAttribute('datetime') ?? undefined,
      quoted: quoteText ? { author: quoteAuthor, text: readableText(quoteText) } : undefined,
      isReply: Boolean(inReplyTo),
      inReplyTo,
    });
  },

  overlayAnchor(root) {
    return root.querySelector('[data-testid="User-Name"]')?.parentElement ?? root;
  },

  findReplyBox(root) {
    const doc = root.ownerDocument;
    return (
      doc.querySelector<HTMLElement>('[role="dialog"] [data-testid="tweetTextarea_0"]') ??
      doc.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]') ??
      undefined
    );
  },
});
