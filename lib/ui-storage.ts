import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { z } from 'zod/mini';

/** Reads a validated value from an extension storage area and follows its changes. */
export function useStoredValue<T extends z.ZodMiniType>(area: 'local' | 'session', key: string, schema: T): z.output<T> | undefined {
  const [value, setValue] = useState<z.output<T>>();
  useEffect(() => {
    const accept = (raw: unknown) => {
      const parsed = schema.safeParse(raw);
      setValue(parsed.success ? parsed.data : undefined);
    };
    void browser.storage[area].get(key).then((got) => accept(got[key]));
    const onChange = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
      if (changedArea === area && key in changes) accept(changes[key]!.newValue);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, [area, key]);
  return value;
}
