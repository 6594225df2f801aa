// Quill, LinkedIn's comment box (div.ql-editor).
import Quill from 'quill';
import { expose } from './expose';

const quill = new Quill(document.getElementById('box')!);
expose({
  text: () => quill.getText().replace(/\n$/, ''),
  setDraft: async (draft) => void quill.setText(draft, 'api'),
  editable: () => quill.root,
});
