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
          const p = $createParagraphNode();
          p.append($createTextNode(draft));
          $getRoot().clear().append(p);
        },
        { discrete: true, onUpdate: resolve },
      ),
    ),
});
