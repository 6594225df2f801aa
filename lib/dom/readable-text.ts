/** Characters of the Private Use Area, which icon fonts draw (Threads' Instagram glyph before a linked account), but for U+F8FF, Apple's logo. */
const ICON_GLYPHS = /[\uE000-\uF8FE]/g;
const HAS_ICON_GLYPH = /[\uE000-\uF8FE]/;

/**
 * A line break followed by indentation (a tab, or two spaces or more), with the white space around it: the layout
 * of the page's source (markup written one tag a line, or a saved page run through a formatter), which the page
 * shows as one space. A line break a person wrote (X, Bluesky, YouTube and TikTok keep them as typed) is not
 * followed by indentation, and stays. Looked for within each text node: the line breaks readers of blocks add
 * (a text node of their own, as blockText's) are kept.
 */
const SOURCE_BREAK = /\s*\n(?:\t|  )\s*/g;
const HAS_SOURCE_BREAK = /\n(?:\t|  )/;

/** Runs of spaces and tabs as one space, icon-font glyphs dropped, no white space at the ends. */
function tidy(text: string): string {
  const spaced = text.replace(/[ \t]+/g, ' ');
  return (HAS_ICON_GLYPH.test(spaced) ? spaced.replace(ICON_GLYPHS, '').replace(/[ \t]+/g, ' ') : spaced).trim();
}

/**
 * Text as a person reads it: emoji images become their alt text, shortened links (shown with a
 * trailing "…") their full shown URL, <br> a new line, the source's own indented line breaks a space;
 * hidden or decorative parts (icon-font glyphs too) are skipped.
 */
export function readableText(el: Element): string {
  // Most posts hold none of what needs the walk; their text is the native textContent.
  const all = el.textContent ?? '';
  if (!HAS_SOURCE_BREAK.test(all) && !el.querySelector('img, br, a[href^="http"], script, style, template, [aria-hidden="true"]:not(span)')) {
    return tidy(all);
  }
  let out = '';
  const walk = (node: Node) => {
    // (In code a person wrote, indentation is theirs.)
    if (node.nodeType === 3) out += node.parentElement?.closest('pre, code') ? (node.nodeValue ?? '') : (node.nodeValue ?? '').replace(SOURCE_BREAK, ' ');
    else if (node.nodeType === 1) {
      const el = node as Element;
      if (el.getAttribute('aria-hidden') === 'true' && el.tagName !== 'SPAN') return;
      if (el.tagName === 'IMG') out += el.getAttribute('alt') ?? '';
      else if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'TEMPLATE') return;
      else if (el.tagName === 'A' && /^https?:/.test(el.getAttribute('href') ?? '') && /…$/.test(el.textContent ?? '')) {
        out += el.textContent!.replace(/…$/, '');
      } else if (el.tagName === 'BR') out += '\n';
      else el.childNodes.forEach(walk);
    }
  };
  walk(el);
  return tidy(out);
}


/**
 * Whether `el` (a mention link, say) is what `container`'s text opens with: it shows some text, and nothing but white
 * space stands before that text.
 */
export function opensWith(container: Element, el: Element): boolean {
  const shown = (el.textContent ?? '').trim();
  const all = container.textContent ?? '';
  const at = shown ? all.indexOf(shown) : -1;
  return at >= 0 && !all.slice(0, at).trim();
}

/** A copy of an element without the parts matching `selector` (buttons, screen-reader duplicates), to read text from. */
export function copyWithout(el: Element, selector: string): Element {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll(selector).forEach((n) => n.remove());
  return copy;
}

/** The element to read without the parts matching `selector`: itself when it has none (read it, never change it). */
export function without(el: Element, selector: string): Element {
  return el.querySelector(selector) ? copyWithout(el, selector) : el;
}

/** A name or label on one line: every run of white space one space, none at the ends. */
export function squeeze(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** squeeze(), or undefined when nothing is left (for optional fields). */
export function oneLine(s: string | null | undefined): string | undefined {
  return squeeze(s) || undefined;
}
