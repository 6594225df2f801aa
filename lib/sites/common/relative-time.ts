/**
 * How long ago something was posted, as sites show it instead of a date: TikTok's "2h ago", YouTube's
 * "3 days ago" and "5 months ago (edited)", in the languages their pages come in most (en, fr, es, pt, de, it, nl, pl,
 * tr, ru, id, ja, ko, zh, ar).
 * The time it gives is as approximate as what the site shows ("1 year ago" may be 18 months); text that is not
 * such a time gives none.
 */

/** Units of a fixed length, in milliseconds; months and years are counted on the calendar. */
const FIXED_MS = { s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
type Unit = keyof typeof FIXED_MS | 'mo' | 'y';

/**
 * The words and abbreviations of each unit, lower-cased: TikTok abbreviates ("2h", "5 j", "vor 2 Std.", "5 sa. önce"),
 * YouTube writes them out; en, fr, es, pt, de, it, nl, pl, tr, ru, id, ja, ko, zh and ar. A word may stand for two of
 * its unit (Arabic's dual: "قبل ساعتين", two hours ago) or one (a unit alone: "قبل ساعة", an hour ago).
 */
const WORDS: Record<Unit, string[]> = {
  s: ['s', 'sec', 'secs', 'second', 'seconds', 'seg', 'sek', 'segundo', 'segundos', 'seconde', 'secondes', 'sekunde', 'sekunden', 'secondo', 'secondi', 'seconden', 'sekund', 'sekundy', 'saniye', 'sn', 'секунд', 'секунды', 'секунду', 'detik', '秒', '초', 'ثانية', 'ثوان'],
  min: ['m', 'min', 'mins', 'minute', 'minutes', 'minuto', 'minutos', 'minuten', 'minuti', 'minuut', 'minut', 'minuty', 'dakika', 'dk', 'минут', 'минуты', 'минуту', 'мин', 'menit', '分', '分钟', '分鐘', '분', 'دقيقة', 'دقائق'],
  h: ['h', 'hr', 'hrs', 'hour', 'hours', 'std', 'stunde', 'stunden', 'hora', 'horas', 'heure', 'heures', 'ora', 'ore', 'uur', 'u', 'godz', 'godzina', 'godziny', 'godzin', 'godzinę', 'saat', 'sa', 'час', 'часа', 'часов', 'ч', 'jam', '時間', '小时', '小時', '시간', 'ساعة', 'ساعات'],
  d: ['d', 'j', 't', 'g', 'day', 'days', 'tag', 'tage', 'tagen', 'día', 'días', 'dia', 'dias', 'jour', 'jours', 'giorno', 'giorni', 'dag', 'dagen', 'dzień', 'dni', 'gün', 'день', 'дня', 'дней', 'дн', 'hari', '日', '天', '일', 'يوم', 'أيام'],
  w: ['w', 'wk', 'wks', 'week', 'weeks', 'sem', 'wo', 'sett', 'woche', 'wochen', 'semana', 'semanas', 'semaine', 'semaines', 'settimana', 'settimane', 'weken', 'tydzień', 'tygodnie', 'tygodni', 'tyg', 'hafta', 'hf', 'неделю', 'недели', 'недель', 'нед', 'minggu', '週間', '週', '周', '주', 'أسبوع', 'أسابيع'],
  mo: ['month', 'months', 'monat', 'monate', 'monaten', 'mes', 'meses', 'mês', 'mois', 'mese', 'mesi', 'maand', 'maanden', 'miesiąc', 'miesiące', 'miesięcy', 'ay', 'месяц', 'месяца', 'месяцев', 'мес', 'bulan', 'か月', 'ヶ月', 'ヵ月', 'カ月', '个月', '個月', '개월', '달', 'شهر', 'أشهر', 'شهور'],
  y: ['year', 'years', 'jahr', 'jahre', 'jahren', 'año', 'años', 'ano', 'anos', 'an', 'ans', 'anno', 'anni', 'jaar', 'rok', 'lata', 'lat', 'yıl', 'год', 'года', 'лет', 'tahun', '年', '년', 'سنة', 'سنوات', 'عام', 'أعوام'],
};
const UNITS = new Map(Object.entries(WORDS).flatMap(([unit, words]) => words.map((w) => [w, unit as Unit])));
/** Arabic's duals: two of a unit, written without a number. */
const TWO = new Map<string, Unit>([
  ['ثانيتين', 's'],
  ['دقيقتين', 'min'],
  ['ساعتين', 'h'],
  ['يومين', 'd'],
  ['أسبوعين', 'w'],
  ['شهرين', 'mo'],
  ['سنتين', 'y'],
  ['عامين', 'y'],
]);

/**
 * "2h ago", "il y a 5 j", "hace 2 h", "há 3 d", "vor 2 Std.", "5 g fa", "2 uur geleden", "5 sa. önce", "2 часа назад",
 * "2 時間前", "2시간 전", "2小时前", "قبل 3 أيام": a number and a unit, with a word saying "ago" before or after them.
 */
const AGO = /^(il y a|hace|há|vor|قبل|منذ)?\s*(\d{1,4})?\s*(\p{L}{1,12}?)\.?\s*(ago|atrás|fa|geleden|temu|önce|назад|yang lalu|lalu|前|전)?$/iu;
const JUST_NOW = /^(?:just now|à l'instant|justo ahora|agora mesmo|gerade eben|proprio ora|ahora|zojuist|przed chwilą|az önce|только что|baru saja|たった今|방금|刚刚|剛剛|الآن)$/i;
/** YouTube's mark on a comment edited since: "3 hours ago (edited)", "vor 3 Stunden (bearbeitet)", "2 時間前（編集済み）". */
const EDITED = /\s*[(（](?:edited|bearbeitet|editado|modifié|modificato|bewerkt|edytowano|düzenlendi|изменено|diedit|編集済み|수정됨|已编辑|已編輯|تم التعديل)[)）]$/i;

/** The time a relative time as shown stands for, from `now`; undefined for text that is not one. */
export function relativeTime(shown: string, now = Date.now()): string | undefined {
  const text = shown.trim().replace(/\s+/g, ' ').replace(EDITED, '');
  if (JUST_NOW.test(text)) return new Date(now).toISOString();
  const ago = AGO.exec(text);
  const word = ago?.[3]?.toLowerCase() ?? '';
  const dual = ago && !ago[2] ? TWO.get(word) : undefined;
  const unit = dual ?? (ago ? UNITS.get(word) : undefined);
  // Without "ago" in some language before or after it, "5 d" is not taken for a time; without a number, only a unit
  // written out in Arabic ("قبل ساعة", "قبل ساعتين") is one.
  if (!ago || !unit || !(ago[1] || ago[4]) || (!ago[2] && !/^[\u0600-\u06ff]+$/.test(word))) return undefined;
  const n = dual ? 2 : ago[2] ? Number(ago[2]) : 1;
  const at = new Date(now);
  if (unit === 'mo') at.setUTCMonth(at.getUTCMonth() - n);
  else if (unit === 'y') at.setUTCFullYear(at.getUTCFullYear() - n);
  else at.setTime(now - n * FIXED_MS[unit]);
  // Nothing was posted on these sites before 1970: "vor 2000 Jahren" is no time of theirs.
  return at.getTime() >= 0 ? at.toISOString() : undefined;
}
