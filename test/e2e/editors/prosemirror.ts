// ProseMirror (under TipTap, Bluesky's composer).
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { expose } from './expose';

const view = new EditorView(document.getElementById('box')!, { state: EditorState.create({ schema }) });
expose({
  text: () => view.state.doc.textBetween(0, view.state.doc.content.size, "\n"),
  setDraft: async (draft) => {
    const { tr, doc } = view.state;
    const lines = draft.split('\n').map((line) => schema.node('paragraph', null, line ? [schema.text(line)] : []));
    view.dispatch(tr.replaceWith(0, doc.content.size, lines));
  },
  editable: () => view.dom as HTMLElement,
});
