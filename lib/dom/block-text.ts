import { readableText } from './readable-text';

/** The block elements of rendered post HTML (Markdown output, Mastodon's sanitized status HTML). */
export const TEXT_BLOCKS = 'p, li, blockquote, pre, h1, h2, h3, h4, h5, h6';

/**
 * Text of rendered rich text as a person reads it, block by block: every paragraph, list item,
 * quote, code block or heading (whatever matches `blocks`) ends a line, <br> is a new line and emoji
 * images are their alt text (as in `readableText`). Whitespace inside a line collapses to one space
 * (the HTML's own line breaks between tags do not count) and blank lines are dropped. `el` is not
 * changed: the work is done on a copy.
 */
export function blockText(el: Element, blocks: string = TEXT_BLOCKS): string {
  const copy = el.cloneNode(true) as Element;
  const walker = copy.ownerDocument.createTreeWalker(copy, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) n.nodeValue = (n.nodeValue ?? '').replace(/\s+/g, ' ');
  for (const block of copy.querySelectorAll(blocks)) block.append('\n');
  return readableText(copy)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}
