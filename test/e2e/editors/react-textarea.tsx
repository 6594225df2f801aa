/** @jsxImportSource react */
// A React-controlled text area (Mastodon's compose box, Instagram's older comment box): React keeps
// its own copy of the value and ignores a change it did not see come through an input event.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { expose } from './expose';

let latest = '';
let set: (s: string) => void = () => undefined;
function Reply() {
  const [value, setValue] = useState(latest);
  set = (v) => {
    latest = v;
    setValue(v);
  };
  return <textarea value={value} onChange={(e) => set(e.currentTarget.value)} placeholder="Reply" />;
}
flushSync(() => createRoot(document.getElementById('box')!).render(<Reply />));
expose({
  text: () => latest,
  setDraft: async (draft) => flushSync(() => set(draft)),
  editable: () => document.querySelector<HTMLElement>('#box textarea')!,
});
