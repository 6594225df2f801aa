// A plain contenteditable with no editor library (YouTube's comment box, #contenteditable-root).
import { expose } from './expose';

const box = document.getElementById('box')!;
expose({
  text: () => box.innerText.replace(/\n$/, ''),
  setDraft: async (draft) => void (box.innerHTML = draft.split('\n').map((line) => `<div>${line || '<br>'}</div>`).join('')),
});
