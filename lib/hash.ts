/** FNV-1a, 32 bits: the string hash the matcher and the sentiment model share. */
export const FNV_BASIS = 0x811c9dc5;

export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, 16777619);
}

export function fnv(s: string, seed = FNV_BASIS): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h >>> 0;
}

/**
 * A 64-bit hex key for a post a page gives no id: the same text in, the same key out, on every
 * visit and in every browser (two FNV-1a passes with different seeds).
 */
export function contentKey(...parts: string[]): string {
  const key = parts.join('\n');
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return hex(fnv(key)) + hex(fnv(key, 0x01000193));
}
