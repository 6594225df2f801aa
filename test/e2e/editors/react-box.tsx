/** @jsxImportSource react */
import { useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';

/**
 * Mounts a React-controlled editor in #box, as a site's page does, and gives the test its latest
 * state and a way to set it (the page's own code setting a draft).
 */
export function mountControlled<T>(initial: T, render: (value: T, onChange: (value: T) => void) => ReactElement): { latest(): T; set(value: T): void } {
  let latest = initial;
  let update: (value: T) => void = () => undefined;
  const onChange = (value: T) => {
    latest = value;
    update(value);
  };
  function Reply() {
    const [value, setValue] = useState(latest);
    update = setValue;
    return render(value, onChange);
  }
  flushSync(() => createRoot(document.getElementById('box')!).render(<Reply />));
  return { latest: () => latest, set: (value) => flushSync(() => onChange(value)) };
}
