/**
 * Puts text into a site's own reply box the way typing would, so the site's editor state
 * (React inputs, Draft.js, Lexical, ProseMirror) sees it. Returns false when it could not.
 */
export function fillReplyBox(box: HTMLElement, text: string): boolean {
  const doc = box.ownerDocument;
  const win = doc.defaultView;
  if (!win) return false;
  box.focus();
  if (box instanceof win.HTMLTextAreaElement || box instanceof win.HTMLInputElement) {
    // React tracks the value through the prototype's setter; set it there, then announce the input.
    const proto = box instanceof win.HTMLTextAreaElement ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(box, text);
    box.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    box.dispatchEvent(new win.Event('change', { bubbles: true }));
    return box.value === text;
  }
  if (box.isContentEditable) {
    const selection = win.getSelection();
    if (selection) {
      const range = doc.createRange();
      range.selectNodeContents(box);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    // execCommand goes through the editor's own input handling; fall back to a plain text edit.
    const inserted = typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
    if (!inserted || !box.textContent?.includes(text.slice(0, 20))) {
      box.textContent = text;
      box.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    }
    return (box.textContent ?? '').includes(text.slice(0, 20));
  }
  return false;
}
