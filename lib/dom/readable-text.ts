/**
 * Text as a person reads it: emoji images become their alt text, shortened links (shown with a
 * trailing "…") their full shown URL, <br> a new line; hidden or decorative parts are skipped.
 */
export function readableText(el: Element): string {
  // Most posts hold none of what needs the walk; their text is the native textContent.
  if (!el.querySelector('img, br, a[href^="http"], script, style, template, [aria-hidden="true"]:not(span)')) {
    return (el.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
  }
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if (node instanceof Element) {
      if (node.getAttribute('aria-hidden') === 'true' && node.tagName !== 'SPAN') return;
      if (node.tagName === 'IMG') out += node.getAttribute('alt') ?? '';
      else if (node.tagName === 'SCRIPT' || node.tagName === 'STYLE' || node.tagName === 'TEMPLATE') return;
      else if (node.tagName === 'A' && /^https?:/.test(node.getAttribute('href') ?? '') && /…$/.test(node.textContent ?? '')) {
        out += node.textContent!.replace(/…$/, '');
      } else if (node.tagName === 'BR') out += '\n';
      else node.childNodes.forEach(walk);
    }
  };
  walk(el);
  return out.replace(/[ \t]+/g, ' ').trim();
}

