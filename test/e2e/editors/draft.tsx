/** @jsxImportSource react */
// Draft.js in React, as X and TikTok mount their reply boxes.
import { ContentState, Editor, EditorState } from 'draft-js';
import { expose } from './expose';
import { mountControlled } from './react-box';

const editor = mountControlled(EditorState.createEmpty(), (state, onChange) => <Editor editorState={state} onChange={onChange} placeholder="Post your reply" />);
expose({
  text: () => editor.latest().getCurrentContent().getPlainText(),
  setDraft: async (draft) => editor.set(EditorState.createWithContent(ContentState.createFromText(draft))),
  editable: () => document.querySelector<HTMLElement>('#box [contenteditable="true"]')!,
});
