/**
 * How long ago something was posted, as sites show it instead of a date: TikTok's "2h ago", YouTube's
 * "3 days ago" and "5 months ago (edited)", in the languages their pages come in most (en, fr, es, pt, de, it, nl, pl,
 * tr, ru, uk, id, fil, vi, th, hi, ja, ko, zh, ar, he).
 * The time it gives is as approximate as what the site shows ("1 year ago" may be 18 months); text that is not
 * such a time gives none.
 */

/** Units of a fixed length, in milliseconds; months and years are counted on the calendar. */
const FIXED_MS = { s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
type Unit = keyof typeof FIXED_MS | 'mo' | 'y';

/**
 * The words and abbreviations of each unit, lower-cased: TikTok abbreviates ("2h", "5 j", "vor 2 Std.", "5 sa. önce"),
 * YouTube writes them out; en, fr, es, pt, de, it, nl, pl, tr, ru, uk, id, fil, vi, th, hi, ja, ko, zh, ar and he. A word may stand for two of
 * its unit (Arabic's dual: "قبل ساعتين", two hours ago) or one (a unit alone: "قبل ساعة", an hour ago).
 */
const WORDS: Record<Unit, string[]> = {
  s: ['s', 'sec', 'secs', 'second', 'seconds', 'seg', 'sek', 'segundo', 'segundos', 'seconde', 'secondes', 'sekunde', 'sekunden', 'secondo', 'secondi', 'seconden', 'sekund', 'sekundy', 'saniye', 'sn', 'секунд', 'секунды', 'секунду', 'секунди', 'detik', 'giây', 'วินาที', 'सेकंड', '秒', '초', 'ثانية', 'ثوان', 'שנייה', 'שניות'],
  min: ['m', 'min', 'mins', 'minute', 'minutes', 'minuto', 'minutos', 'minuten', 'minuti', 'minuut', 'minut', 'minuty', 'dakika', 'dk', 'минут', 'минуты', 'минуту', 'мин', 'хвилину', 'хвилини', 'хвилин', 'menit', 'phút', 'นาที', 'मिनट', '分', '分钟', '分鐘', '분', 'دقيقة', 'دقائق', 'דקה', 'דקות'],
  h: ['h', 'hr', 'hrs', 'hour', 'hours', 'std', 'stunde', 'stunden', 'hora', 'horas', 'heure', 'heures', 'ora', 'ore', 'uur', 'u', 'godz', 'godzina', 'godziny', 'godzin', 'godzinę', 'saat', 'sa', 'час', 'часа', 'часов', 'ч', 'годину', 'години', 'годин', 'jam', 'oras', 'giờ', 'ชั่วโมง', 'घंटा', 'घंटे', '時間', '小时', '小時', '시간', 'ساعة', 'ساعات', 'שעה', 'שעות'],
  d: ['d', 'j', 't', 'g', 'day', 'days', 'tag', 'tage', 'tagen', 'día', 'días', 'dia', 'dias', 'jour', 'jours', 'giorno', 'giorni', 'dag', 'dagen', 'dzień', 'dni', 'gün', 'день', 'дня', 'дней', 'дн', 'дні', 'днів', 'hari', 'araw', 'ngày', 'วัน', 'दिन', '日', '天', '일', 'يوم', 'أيام', 'יום', 'ימים'],
  w: ['w', 'wk', 'wks', 'week', 'weeks', 'sem', 'wo', 'sett', 'woche', 'wochen', 'semana', 'semanas', 'semaine', 'semaines', 'settimana', 'settimane', 'weken', 'tydzień', 'tygodnie', 'tygodni', 'tyg', 'hafta', 'hf', 'неделю', 'недели', 'недель', 'нед', 'тиждень', 'тижні', 'тижнів', 'minggu', 'linggo', 'tuần', 'สัปดาห์', 'हफ़्ता', 'हफ़्ते', 'हफ्ता', 'हफ्ते', 'सप्ताह', '週間', '週', '周', '주', 'أسبوع', 'أسابيع', 'שבוע', 'שבועות'],
  mo: ['month', 'months', 'monat', 'monate', 'monaten', 'mes', 'meses', 'mês', 'mois', 'mese', 'mesi', 'maand', 'maanden', 'miesiąc', 'miesiące', 'miesięcy', 'ay', 'месяц', 'месяца', 'месяцев', 'мес', 'місяць', 'місяці', 'місяців', 'bulan', 'buwan', 'tháng', 'เดือน', 'महीना', 'महीने', 'か月', 'ヶ月', 'ヵ月', 'カ月', '个月', '個月', '개월', '달', 'شهر', 'أشهر', 'شهور', 'חודש', 'חודשים'],
  y: ['year', 'years', 'jahr', 'jahre', 'jahren', 'año', 'años', 'ano', 'anos', 'an', 'ans', 'anno', 'anni', 'jaar', 'rok', 'lata', 'lat', 'yıl', 'год', 'года', 'лет', 'рік', 'роки', 'років', 'tahun', 'taon', 'năm', 'ปี', 'साल', 'वर्ष', '年', '년', 'سنة', 'سنوات', 'عام', 'أعوام', 'שנה', 'שנים'],
};
const UNITS = new Map(Object.entries(WORDS).flatMap(([unit, words]) => words.map((w) => [w.normalize('NFC'), unit as Unit])));
/** Arabic's and Hebrew's duals: two of a unit, written without a number. */
const TWO = new Map<string, Unit>([
  ['ثانيتين', 's'],
  ['دقيقتين', 'min'],
  ['ساعتين', 'h'],
  ['يومين', 'd'],
  ['أسبوعين', 'w'],
  ['شهرين', 'mo'],
  ['سنتين', 'y'],
  ['عامين', 'y'],
  ['שעתיים', 'h'],
  ['יומיים', 'd'],
  ['שבועיים', 'w'],
  ['חודשיים', 'mo'],
  ['שנתיים', 'y'],
]);

/**
 * "2h ago", "il y a 5 j", "hace 2 h", "há 3 d", "vor 2 Std.", "5 g fa", "2 uur geleden", "5 sa. önce", "2 часа назад",
 * "2 時間前", "2시간 전", "2小时前", "قبل 3 أيام": a number and a unit, with a word saying "ago" before or after them.
 */
const AGO =
  /^(il y a|hace|há|vor|قبل|منذ|לפני)?\s*(\d{1,4})?\s*([\p{L}\p{M}]{1,12}?)\.?\s*(ago|atrás|fa|geleden|temu|önce|назад|тому|yang lalu|lalu|ang nakalipas|trước|ที่ผ่านมา|ที่แล้ว|पहले|前|전)?$/iu;
const JUST_NOW = /^(?:just now|à l'instant|justo ahora|agora mesmo|gerade eben|proprio ora|ahora|zojuist|przed chwilą|az önce|только что|baru saja|たった今|방금|刚刚|剛剛|الآن)$/i;
/** YouTube's mark on a comment edited since: "3 hours ago (edited)", "vor 3 Stunden (bearbeitet)", "2 時間前（編集済み）". */
const EDITED =
  /\s*[(（](?:edited|bearbeitet|editado|modifié|modificato|bewerkt|edytowano|düzenlendi|изменено|змінено|diedit|na-edit|đã chỉnh sửa|แก้ไขแล้ว|संपादित|נערך|編集済み|수정됨|已编辑|已編輯|تم التعديل)[)）]$/i;

/** The time a relative time as shown stands for, from `now`; undefined for text that is not one. */
export function relativeTime(shown: string, now = Date.now()): string | undefined {
  // Composed as the words above are: pages may write "giờ" or "हफ़्ते" with a combining mark.
  const text = shown.normalize('NFC').trim().replace(/\s+/g, ' ').replace(EDITED, '');
  if (JUST_NOW.test(text)) return new Date(now).toISOString();
  const ago = AGO.exec(text);
  const word = ago?.[3]?.toLowerCase() ?? '';
  const dual = ago && !ago[2] ? TWO.get(word) : undefined;
  // Ukrainian abbreviates hours as Russian does years ("2 год. тому", two hours ago; "2 год. назад", two years ago).
  const unit = dual ?? (ago ? (word === 'год' && ago[4] === 'тому' ? 'h' : UNITS.get(word)) : undefined);
  // Without "ago" in some language before or after it, "5 d" is not taken for a time; without a number, only a unit
  // written out in Arabic or Hebrew ("قبل ساعة", "قبل ساعتين", "לפני שעה", "לפני שעתיים") is one.
  if (!ago || !unit || !(ago[1] || ago[4]) || (!ago[2] && !/^[\u0590-\u05ff\u0600-\u06ff]+$/.test(word))) return undefined;
  return unitsBefore(dual ? 2 : ago[2] ? Number(ago[2]) : 1, unit, now);
}

/** The time `n` of a unit before `now`, months and years counted on the calendar. */
function unitsBefore(n: number, unit: Unit, now: number): string | undefined {
  const at = new Date(now);
  if (unit === 'mo') at.setUTCMonth(at.getUTCMonth() - n);
  else if (unit === 'y') at.setUTCFullYear(at.getUTCFullYear() - n);
  else at.setTime(now - n * FIXED_MS[unit]);
  // Nothing was posted on these sites before 1970: "vor 2000 Jahren" is no time of theirs.
  return at.getTime() >= 0 ? at.toISOString() : undefined;
}

/**
 * The units of the short labels Facebook and Instagram put where a post's time goes, without "ago" ("5m", "2h", "3d",
 * "1w", "2y"), lower-cased; in the reader's language too ("2 Std.", "3 j", "1 sem.", "2 a", "5 g").
 */
const LABEL_UNITS = new Map<string, Unit>([
  ...['m', 'min', 'mins', 'мин', 'د', '分', '分钟', '分鐘'].map((w) => [w, 'min'] as const),
  ...['h', 'hr', 'hrs', 'std', 'u', 'sa', 'ч', 'س', '小时', '小時', '時間'].map((w) => [w, 'h'] as const),
  ...['d', 'j', 't', 'g', 'gün', 'д', 'hari', 'ي', '天', '日'].map((w) => [w, 'd'] as const),
  ...['w', 'wk', 'wks', 'sem', 'sett', 'wo', 'tyg', 'hf', 'нед', 'mgg', '周', '週'].map((w) => [w, 'w'] as const),
  ...['mth', 'mths', 'mo', 'mos'].map((w) => [w, 'mo'] as const),
  ...['y', 'yr', 'yrs', 'a', 'an', 'ans', 'yıl', 'г', 'thn', '年'].map((w) => [w, 'y'] as const),
]);
/** A short label: a number and one of LABEL_UNITS ("2h", "3 d", "2 Std.", "5 g", "19 س", "2天"). */
const LABEL = /^(\d{1,3})\s?(\p{L}{1,5})\.?$/u;
/**
 * Month names as Facebook writes dates in the languages its pages come in most (en, ar, fr, es, pt, de, it, nl), full or
 * cut short ("Sept.", "juil.", "Okt."), lower-cased, each with its month (0–11).
 */
const MONTH_NAMES: string[][] = [
  ['january', 'يناير', 'janvier', 'enero', 'janeiro', 'januar', 'gennaio', 'januari', 'jänner'],
  ['february', 'فبراير', 'février', 'febrero', 'fevereiro', 'februar', 'febbraio', 'februari'],
  ['march', 'مارس', 'mars', 'marzo', 'março', 'märz', 'maart'],
  ['april', 'أبريل', 'avril', 'abril', 'aprile'],
  ['may', 'مايو', 'mai', 'mayo', 'maio', 'maggio', 'mei'],
  ['june', 'يونيو', 'juin', 'junio', 'junho', 'juni', 'giugno'],
  ['july', 'يوليو', 'juillet', 'julio', 'julho', 'juli', 'luglio'],
  ['august', 'أغسطس', 'août', 'agosto', 'augustus'],
  ['september', 'سبتمبر', 'septembre', 'septiembre', 'setembro', 'settembre', 'sept'],
  ['october', 'أكتوبر', 'octobre', 'octubre', 'outubro', 'oktober', 'ottobre'],
  ['november', 'نوفمبر', 'novembre', 'noviembre', 'novembro'],
  ['december', 'ديسمبر', 'décembre', 'diciembre', 'dezembro', 'dezember', 'dicembre'],
];

/** The month a written month names, whole or cut short to three letters or more ("Sept", "juil", "Okt"), if any. */
function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const found = MONTH_NAMES.findIndex((names) => names.some((n) => n.startsWith(w)));
  // Three letters shared by two months' names ("jun"/"jul" are apart; "mar" is March alone, "ma" too short) never occur.
  return found < 0 ? undefined : found;
}

/** The words a date label puts before its time of day: " at 3:04 PM", " à 15:04", " um 15:04", " a las 15:04"… */
const AT = '(?:(?:,? (?:at|à|um|a las|às|alle|om|a la)|,) (\\d{1,2})[:.h](\\d{2})\\s*([ap]\\.?m\\.?)?)?';
/** The day of the week a full date opens with ("Monday, May 6, 2024 at 10:00 AM", "lundi 6 mai 2024"), in those languages. */
const WEEKDAY =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag),? /i;
/** "Yesterday" and "today" in those languages. */
const YESTERDAY = ['yesterday', 'hier', 'gestern', 'ayer', 'ontem', 'ieri', 'gisteren'];
const TODAY = ['today', "aujourd'hui", 'heute', 'hoy', 'hoje', 'oggi', 'vandaag'];
/** "Yesterday at 15:04", "Today at 1:00 PM" (the touch site), in those languages. */
const DAY_BEFORE = new RegExp(`^(${[...YESTERDAY, ...TODAY].join('|')})${AT}$`, 'iu');
/** "May 6", "May 6, 2023", "May 6 at 10:00 AM" (a month, then its day). */
const MONTH_DAY = new RegExp(`^(\\p{L}{3,10})\\.? (\\d{1,2})(?:,? (\\d{4}))?${AT}$`, 'iu');
/** "6 May", "6 May 2023", "11 juillet à 15:04", "11. Juli 2023", "11 de julio de 2023" (a day, then its month). */
const DAY_MONTH = new RegExp(`^(\\d{1,2})\\.? (?:de )?(\\p{L}{3,10})\\.?(?:,? (?:de )?(\\d{4}))?${AT}$`, 'iu');

/** A time of day as a date label gives it ("3:04 PM", "15:04"), or midnight. */
function timeOfDay(hour: string | undefined, minute: string | undefined, half: string | undefined): [number, number] {
  if (!hour) return [0, 0];
  let h = Number(hour) % (half ? 12 : 24);
  if (half && /^p/i.test(half)) h += 12;
  return [h, Number(minute)];
}

/**
 * When a post was posted, from the label Facebook or Instagram shows where its time goes: a short one ("5m", "2h",
 * "3d", "1w", "2y", "2 Std."; "m" is minutes there, never months), "Just now", or an English date ("Yesterday at
 * 15:04", "May 6 at 10:00 AM", "May 6", "May 6, 2023", "6 May 2023"), read in the reader's time zone; a date without a
 * year is the last such day. As approximate as the label; text that is none of these gives no time.
 */
export function labelTime(shown: string, now = Date.now()): string | undefined {
  const text = shown.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 40) return undefined;
  if (JUST_NOW.test(text)) return new Date(now).toISOString();
  const short = LABEL.exec(text);
  const unit = short && LABEL_UNITS.get(short[2]!.toLowerCase());
  if (short && unit) return unitsBefore(Number(short[1]), unit, now);
  const today = new Date(now);
  const dated = text.replace(WEEKDAY, '');
  const named = DAY_BEFORE.exec(dated);
  if (named) {
    const [h, m] = timeOfDay(named[2], named[3], named[4]);
    const back = YESTERDAY.includes(named[1]!.toLowerCase()) ? 1 : 0;
    return new Date(today.getFullYear(), today.getMonth(), today.getDate() - back, h, m).toISOString();
  }
  const md = MONTH_DAY.exec(dated);
  const dm = md ? undefined : DAY_MONTH.exec(dated);
  const parts = md ? { month: md[1]!, day: md[2]!, year: md[3], rest: md.slice(4) } : dm ? { month: dm[2]!, day: dm[1]!, year: dm[3], rest: dm.slice(4) } : undefined;
  // A label saying "ago" ("1 hour ago", "hace 10 horas", "about an hour ago", "een dag geleden": the basic site's, and
  // a comment's own label).
  if (!parts) return relativeTime(text.replace(/^(?:about |environ |etwa |cerca de |circa |ongeveer )?(?:an?|one|une?|een|ein|eine|uno?|una|um|uma) (?=\p{L})/iu, '1 '), now);
  const month = monthOf(parts.month);
  const day = Number(parts.day);
  if (month === undefined || day < 1 || day > 31) return undefined;
  const [h, m] = timeOfDay(parts.rest[0], parts.rest[1], parts.rest[2]);
  let at = new Date(parts.year ? Number(parts.year) : today.getFullYear(), month, day, h, m);
  // Without a year, the last such day: "Dec 30" read in January is last year's.
  if (!parts.year && at.getTime() > now + 86_400_000) at = new Date(today.getFullYear() - 1, month, day, h, m);
  return at.getMonth() === month && at.getTime() <= now + 86_400_000 ? at.toISOString() : undefined;
}
