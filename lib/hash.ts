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
