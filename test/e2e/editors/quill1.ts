// Quill 1 (LinkedIn's comment box has long been a Quill 1 div.ql-editor), whose paste handling
// reads what the browser pasted into a hidden box of its own.
import Quill from 'quill1';
import { expose } from './expose';

const quill = new Quill(document.getElementById('box')!);
expose({
  text: () => quill.getText().replace(/\n$/, ''),
  setDraft: async (draft) => void quill.setText(draft, 'api'),
  editable: () => quill.root,
});
