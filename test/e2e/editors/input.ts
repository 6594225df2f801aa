// A one-line field (a search-style comment input some layouts use): it holds no line breaks.
import { expose } from './expose';

const box = document.getElementById('box') as HTMLInputElement;
expose({
  text: () => box.value,
  setDraft: async (draft) => void (box.value = draft.replace(/\n/g, ' ')),
});
