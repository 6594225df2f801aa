// A contenteditable in a custom element's open shadow root, as Reddit's mobile layout keeps its
// comment box (<shreddit-simple-composer>): the selection and the typing happen inside the shadow tree.
import { expose } from './expose';

const host = document.getElementById('box-host')!;
const shadow = host.attachShadow({ mode: 'open' });
shadow.innerHTML = '<div class="editor" contenteditable="true" role="textbox" aria-label="Add a comment"></div>';
const box = shadow.querySelector<HTMLElement>('.editor')!;
expose({
  text: () => box.innerText.replace(/\n$/, ''),
  setDraft: async (draft) => void (box.innerHTML = draft.split('\n').map((line) => `<div>${line || '<br>'}</div>`).join('')),
  editable: () => box,
});
