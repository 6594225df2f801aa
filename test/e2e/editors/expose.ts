import { fillReplyBox } from '../../../lib/dom/fill-reply';

/** What a test page offers the test: the editor's own idea of its text, a draft to start from, and filling. */
export interface EditorPage {
  /** The text as the editor's model holds it (what the site would post). */
  text(): string;
  setDraft(draft: string): Promise<void>;
  /** The element a site adapter finds as the reply box (the contenteditable root); #box by default. */
  editable?(): HTMLElement;
}

export function expose(page: EditorPage): void {
  const editable = page.editable ?? (() => document.getElementById('box')!);
  Object.assign(window, {
    __editor: { text: page.text, setDraft: page.setDraft, fill: (text: string, keep?: string[]) => fillReplyBox(editable(), text, keep) },
  });
}
