/**
 * The time a site's ids carry (X-style "snowflake" ids: the time in their top bits, a counter below): the id shifted
 * right by `shift` bits, in units of `unitMs`, when that falls between `from` and `to` (epoch milliseconds); none
 * for an id that is no number, or whose time falls outside (an id counted before the site used such ids).
 */
export function timeInId(id: string, shift: number, unitMs: number, from: number, to = Date.UTC(2100, 0, 1)): string | undefined {
  try {
    const ms = Number(BigInt(id) >> BigInt(shift)) * unitMs;
    return ms < from || ms > to ? undefined : new Date(ms).toISOString();
  } catch {
    return undefined;
  }
}
