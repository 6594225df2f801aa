/** @jsxImportSource react */
// A React-controlled text area (Mastodon's compose box, Instagram's older comment box): React keeps
// its own copy of the value and ignores a change it did not see come through an input event.
import { expose } from './expose';
import { mountControlled } from './react-box';

const area = mountControlled('', (value, onChange) => <textarea value={value} onChange={(e) => onChange(e.currentTarget.value)} placeholder="Reply" />);
expose({
  text: () => area.latest(),
  setDraft: async (draft) => area.set(draft),
  editable: () => document.querySelector<HTMLElement>('#box textarea')!,
});
