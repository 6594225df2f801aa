/** "45m", "3h", "2d": how long ago something happened, compactly. */
export function formatAge(ms: number): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 60) return `${min}m`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

export type AgeStatus = 'within' | 'due' | 'over';

/** Where a post's age stands against the team's response-time target. */
export function ageStatus(publishedAt: string | undefined, targetMinutes: number, now = Date.now()): { age: string; status: AgeStatus } | undefined {
  if (!publishedAt) return undefined;
  const ms = now - Date.parse(publishedAt);
  if (!Number.isFinite(ms)) return undefined;
  const ratio = ms / (targetMinutes * 60_000);
  return { age: formatAge(ms), status: ratio > 1 ? 'over' : ratio > 0.75 ? 'due' : 'within' };
}
