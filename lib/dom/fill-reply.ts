/** The editors sites build reply boxes with, by the marks they leave on their editable root. */
const EDITOR = '[data-lexical-editor], .public-DraftEditor-content, .ProseMirror, .ql-editor';
/**
 * Those handed the reply as a paste. Quill is not: it reads typed text from the changes to its
 * elements (both versions), and Quill 1 reads a paste from what the browser pasted into a hidden box
 * of its own, which a paste made by a script never fills.
 */
const PASTED = '[data-lexical-editor], .public-DraftEditor-content, .ProseMirror';

/** How long an editor is given to hear of a selection or apply an input before it is read back. */
const SETTLE_MS = 50;

/**
 * Puts text into a site's own reply box the way typing would, so the site's editor state (React
 * inputs, Draft.js, Lexical, ProseMirror, Quill) holds it and what the agent sees is what the site
 * would post; whatever the box held is replaced, but for the mention of whom it answers that the site
 * put at its start (any of `keep`). Resolves false when the box would not take it.
 *
 * An editor keeps its own model of the text and its own copy of the selection: the box's text is
 * selected (textRange), and the editor is given a turn to hear of it (selectionchange comes as a
 * task of its own). A box Draft.js, Lexical or ProseMirror owns is handed the text as a paste, which
 * the editor applies to its model; Quill's, and a box no editor owns, get it through
 * `execCommand('insertText')`, as typed. The box's elements are never written directly while an
 * editor owns them.
 */
export function fillReplyBox(box: HTMLElement, text: string, keep: string[] = []): Promise<boolean> {
  // One fill at a time per box: a second one waits for the first to be done with the selection.
  const done = (filling.get(box) ?? Promise.resolve(false)).then(() => fill(box, text, keep));
  filling.set(box, done.catch(() => false));
  return done;
}

/** The fill each box is busy with. */
const filling = new WeakMap<HTMLElement, Promise<boolean>>();

async function fill(box: HTMLElement, text: string, keep: string[]): Promise<boolean> {
  const doc = box.ownerDocument;
  const win = doc.defaultView;
  if (!win) return false;
  box.focus();
  if (box instanceof win.HTMLTextAreaElement || box instanceof win.HTMLInputElement) {
    // React tracks the value through the prototype's setter; set it there, then announce the input.
    // A one-line field takes its lines joined (it would drop the line breaks itself).
    const value = withKept(box.value, keep) + (box instanceof win.HTMLInputElement ? text.replace(/\s*[\r\n]+\s*/g, ' ') : text);
    const proto = box instanceof win.HTMLTextAreaElement ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(box, value);
    box.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    box.dispatchEvent(new win.Event('change', { bubbles: true }));
    return box.value === value;
  }
  if (!box.isContentEditable) return false;
  const current = box.textContent ?? '';
  // What the box should hold: the kept mention (with a space after it), then the reply. The box's
  // text after the mention is replaced with the rest.
  const from = keptLength(current, keep);
  const expected = withKept(current, keep) + text;
  const insert = expected.slice(from);
  const selection = win.getSelection();
  const selected = new Promise<void>((resolve) => {
    const heard = () => resolve();
    doc.addEventListener('selectionchange', heard, { once: true });
    win.setTimeout(() => (doc.removeEventListener('selectionchange', heard), resolve()), SETTLE_MS);
  });
  if (selection) {
    selection.removeAllRanges();
    selection.addRange(textRange(box, from));
  }
  await selected;
  await turn(win);
  // An editor is handed the text as a paste, which it applies to its model alone (Draft.js lets the
  // browser insert typed text itself, then loses track of its own elements); a box no editor owns,
  // or an editor that ignores the paste, gets it typed.
  const owned = box.closest(EDITOR) !== null;
  if (box.closest(PASTED) && typeof win.DataTransfer === 'function' && typeof win.ClipboardEvent === 'function') {
    const data = new win.DataTransfer();
    data.setData('text/plain', insert);
    box.dispatchEvent(new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await turn(win);
    if (holds(box, expected)) return caretAtEnd(box);
  }
  if (typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, insert)) await turn(win);
  if (holds(box, expected)) return caretAtEnd(box);
  if (owned) return false;
  // A bare contenteditable that took nothing typed: its text is written directly.
  box.textContent = expected;
  box.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return holds(box, expected);
}

/**
 * The box's text, from the start of its first text to the end of its last line: an editor maps a
 * selection inside its lines to its model, but not one that takes its block elements themselves
 * (Draft.js then keeps its old selection and lets the browser replace the blocks). An empty box gets
 * a caret in its first innermost element (its empty line).
 */
function textRange(box: HTMLElement, from = 0): Range {
  const doc = box.ownerDocument;
  const range = doc.createRange();
  const walker = doc.createTreeWalker(box, 4 /* NodeFilter.SHOW_TEXT */);
  let first: { node: Node; offset: number } | undefined;
  let last: Node | undefined;
  // `from` characters of the box's text are left out (a mention kept at its start).
  for (let n = walker.nextNode(), seen = 0; n; n = walker.nextNode()) {
    const length = n.nodeValue?.length ?? 0;
    if (!length) continue;
    if (!first && seen + length > from) first = { node: n, offset: from - seen };
    seen += length;
    last = n;
  }
  if (first && last) {
    range.setStart(first.node, first.offset);
    // To the end of the box's last line, which may be empty lines after the text (a <br> each).
    let end: Node = box;
    while (end.lastChild) end = end.lastChild;
    if (end.nodeType === 3) range.setEnd(end, end.nodeValue!.length);
    else range.setEndAfter(end);
    return range;
  }
  if (last && from) {
    // All of the text is kept: the caret goes after it.
    range.setStart(last, last.nodeValue!.length);
    return range;
  }
  let el: Element = box;
  while (el.firstElementChild && el.firstElementChild.localName !== 'br') el = el.firstElementChild;
  range.selectNodeContents(el);
  range.collapse(true);
  return range;
}

/**
 * Puts the caret after the reply, where the agent goes on typing (an editor that re-rendered its
 * text on a paste may have left the page's caret before it); the editor hears of it as of any
 * selection. Returns true.
 */
function caretAtEnd(box: HTMLElement): true {
  const selection = box.ownerDocument.defaultView?.getSelection();
  const range = textRange(box);
  range.collapse(false);
  selection?.removeAllRanges();
  selection?.addRange(range);
  return true;
}

/** The kept mention of a box's text (keptLength), with a space after it. */
function withKept(current: string, keep: string[]): string {
  const kept = current.slice(0, keptLength(current, keep));
  return kept && !/\s$/.test(kept) ? `${kept} ` : kept;
}

/**
 * How much of the box's text stays: a mention the site put at its start when the agent chose to
 * answer someone (Instagram's and YouTube's "@handle ", Facebook's name), with the space after it;
 * `keep` lists the forms it may take. Nothing else that was in the box stays.
 */
function keptLength(current: string, keep: string[]): number {
  const lead = current.length - current.trimStart().length;
  // Compared piece for piece, as long as the mention itself: lowering the case may change a text's
  // length (İ), and the box's text must be cut where the mention ends in it.
  const mention = keep.find(
    (k) => k && current.slice(lead, lead + k.length).toLowerCase() === k.toLowerCase() && /^(?:\s|$)/.test(current.slice(lead + k.length)),
  );
  if (!mention) return 0;
  const end = lead + mention.length;
  return end + (current.slice(end).length - current.slice(end).trimStart().length);
}

/** A task later: editors apply an input in a microtask or in a task of their own. */
function turn(win: Window): Promise<void> {
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}

/**
 * Whether the box shows exactly this text: nothing of what it held before but the kept mention
 * (blocks, line breaks and the invisible characters editors keep in empty lines aside: an editor
 * puts each line in a block of its own).
 */
function holds(box: HTMLElement, expected: string): boolean {
  const bare = (s: string) => s.replace(/[\s\u200b\ufeff]+/g, '');
  return bare(box.textContent ?? '') === bare(expected);
}
