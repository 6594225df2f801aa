// Lexical's plain-text editor, as Facebook, Instagram and Threads mount it on a contenteditable.
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { registerPlainText } from '@lexical/plain-text';
import { expose } from './expose';

const box = document.getElementById('box')!;
const editor = createEditor({ namespace: 'reply', onError: (e) => console.error(e) });
editor.setRootElement(box);
registerPlainText(editor);
expose({
  text: () => editor.getEditorState().read(() => $getRoot().getTextContent()),
  setDraft: (draft) =>
    new Promise<void>((resolve) =>
      editor.update(
        () => {
          $getRoot()
            .clear()
            .append(...draft.split('\n').map((line) => $createParagraphNode().append(...(line ? [$createTextNode(line)] : []))));
        },
        { discrete: true, onUpdate: resolve },
      ),
    ),
});
