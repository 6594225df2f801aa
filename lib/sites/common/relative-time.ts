/**
 * How long ago something was posted, as sites show it instead of a date: TikTok's "2h ago", YouTube's
 * "3 days ago" and "5 months ago (edited)", in the languages their pages come in most (en, fr, es, pt, de, it).
 * The time it gives is as approximate as what the site shows ("1 year ago" may be 18 months); text that is not
 * such a time gives none.
 */

/** Units of a fixed length, in milliseconds; months and years are counted on the calendar. */
const FIXED_MS = { s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
type Unit = keyof typeof FIXED_MS | 'mo' | 'y';

/** The words and abbreviations of each unit, lower-cased: TikTok abbreviates ("2h", "5 j", "vor 2 Std."), YouTube writes them out. */
const WORDS: Record<Unit, string[]> = {
  s: ['s', 'sec', 'secs', 'second', 'seconds', 'seg', 'sek', 'segundo', 'segundos', 'seconde', 'secondes', 'sekunde', 'sekunden', 'secondo', 'secondi'],
  min: ['m', 'min', 'mins', 'minute', 'minutes', 'minuto', 'minutos', 'minuten', 'minuti'],
  h: ['h', 'hr', 'hrs', 'hour', 'hours', 'std', 'stunde', 'stunden', 'hora', 'horas', 'heure', 'heures', 'ora', 'ore'],
  d: ['d', 'j', 't', 'g', 'day', 'days', 'tag', 'tage', 'tagen', 'día', 'días', 'dia', 'dias', 'jour', 'jours', 'giorno', 'giorni'],
  w: ['w', 'wk', 'wks', 'week', 'weeks', 'sem', 'wo', 'sett', 'woche', 'wochen', 'semana', 'semanas', 'semaine', 'semaines', 'settimana', 'settimane'],
  mo: ['month', 'months', 'monat', 'monate', 'monaten', 'mes', 'meses', 'mês', 'mois', 'mese', 'mesi'],
  y: ['year', 'years', 'jahr', 'jahre', 'jahren', 'año', 'años', 'ano', 'anos', 'an', 'ans', 'anno', 'anni'],
};
const UNITS = new Map(Object.entries(WORDS).flatMap(([unit, words]) => words.map((w) => [w, unit as Unit])));

/** "2h ago", "il y a 5 j", "hace 2 h", "há 3 d", "vor 2 Std.", "5 g fa": a number and a unit, with a word saying "ago". */
const AGO = /^(il y a\s+|hace\s+|há\s+|vor\s+)?(\d{1,4})\s*([a-zà-ÿ]{1,10})\.?(\s+(?:ago|atrás|fa))?$/i;
const JUST_NOW = /^(?:just now|à l'instant|justo ahora|agora mesmo|gerade eben|proprio ora|ahora)$/i;
/** YouTube's mark on a comment edited since: "3 hours ago (edited)", "vor 3 Stunden (bearbeitet)". */
const EDITED = /\s*\((?:edited|bearbeitet|editado|modifié|modificato)\)$/i;

/** The time a relative time as shown stands for, from `now`; undefined for text that is not one. */
export function relativeTime(shown: string, now = Date.now()): string | undefined {
  const text = shown.trim().replace(/\s+/g, ' ').replace(EDITED, '');
  if (JUST_NOW.test(text)) return new Date(now).toISOString();
  const ago = AGO.exec(text);
  const unit = ago && UNITS.get(ago[3]!.toLowerCase());
  // Without "ago" in some language before or after it, "5 d" is not taken for a time.
  if (!ago || !unit || !(ago[1] || ago[4])) return undefined;
  const n = Number(ago[2]);
  const at = new Date(now);
  if (unit === 'mo') at.setUTCMonth(at.getUTCMonth() - n);
  else if (unit === 'y') at.setUTCFullYear(at.getUTCFullYear() - n);
  else at.setTime(now - n * FIXED_MS[unit]);
  // Nothing was posted on these sites before 1970: "vor 2000 Jahren" is no time of theirs.
  return at.getTime() >= 0 ? at.toISOString() : undefined;
}
