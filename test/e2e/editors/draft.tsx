/** @jsxImportSource react */
// Draft.js in React, as X and TikTok mount their reply boxes.
import { ContentState, Editor, EditorState } from 'draft-js';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { expose } from './expose';

let latest = EditorState.createEmpty();
let set: (s: EditorState) => void = () => undefined;
function Reply() {
  const [state, setState] = useState(latest);
  set = (s) => {
    latest = s;
    setState(s);
  };
  return <Editor editorState={state} onChange={set} placeholder="Post your reply" />;
}
flushSync(() => createRoot(document.getElementById('box')!).render(<Reply />));
expose({
  text: () => latest.getCurrentContent().getPlainText(),
  setDraft: async (draft) => flushSync(() => set(EditorState.createWithContent(ContentState.createFromText(draft)))),
  editable: () => document.querySelector<HTMLElement>('#box [contenteditable="true"]')!,
});
