import { describe, expect, it } from 'vitest';
import { labelTime, relativeTime } from './relative-time';

describe('relative times as sites show them', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  const at = (shown: string) => relativeTime(shown, now);

  it("reads YouTube's times, written out, in the languages its pages come in most", () => {
    expect(at('3 days ago')).toBe('2026-03-07T12:00:00.000Z');
    expect(at('1 hour ago')).toBe('2026-03-10T11:00:00.000Z');
    expect(at('45 minutes ago')).toBe('2026-03-10T11:15:00.000Z');
    expect(at('2 weeks ago')).toBe('2026-02-24T12:00:00.000Z');
    expect(at('1 second ago')).toBe('2026-03-10T11:59:59.000Z');
    expect(at('vor 2 Tagen')).toBe('2026-03-08T12:00:00.000Z');
    expect(at('vor 1 Stunde')).toBe('2026-03-10T11:00:00.000Z');
    expect(at('hace 3 días')).toBe('2026-03-07T12:00:00.000Z');
    expect(at('il y a 2 jours')).toBe('2026-03-08T12:00:00.000Z');
    expect(at('há 2 dias')).toBe('2026-03-08T12:00:00.000Z');
    expect(at('2 giorni fa')).toBe('2026-03-08T12:00:00.000Z');
    expect(at('3 ore fa')).toBe('2026-03-10T09:00:00.000Z');
  });

  it('reads them in Dutch, Polish, Turkish, Russian, Indonesian, Japanese, Korean, Chinese and Arabic too', () => {
    const twoHours = '2026-03-10T10:00:00.000Z';
    for (const shown of ['2 uur geleden', '2 godziny temu', '2 saat önce', '2 sa. önce', '2 часа назад', '2 jam yang lalu', '2 時間前', '2時間前', '2시간 전', '2小时前', '2 小時前', 'قبل 2 ساعة', 'قبل ساعتين']) {
      expect(at(shown), shown).toBe(twoHours);
    }
    expect(at('3 日前')).toBe('2026-03-07T12:00:00.000Z');
    expect(at('3 gün önce')).toBe('2026-03-07T12:00:00.000Z');
    expect(at('قبل 3 أيام')).toBe('2026-03-07T12:00:00.000Z');
    expect(at('قبل يوم')).toBe('2026-03-09T12:00:00.000Z');
    expect(at('1 か月前')).toBe('2026-02-10T12:00:00.000Z');
    expect(at('5 лет назад')).toBe('2021-03-10T12:00:00.000Z');
    expect(at('1週間前')).toBe('2026-03-03T12:00:00.000Z');
    expect(at('10 dk. önce')).toBe('2026-03-10T11:50:00.000Z');
    expect(at('2 時間前（編集済み）')).toBe(twoHours);
    expect(at('2 saat önce (düzenlendi)')).toBe(twoHours);
    expect(at('たった今')).toBe('2026-03-10T12:00:00.000Z');
    // A unit without a number is a time only in Arabic, and a number and a unit without "ago" none.
    expect(at('時間前')).toBeUndefined();
    expect(at('hours ago')).toBeUndefined();
    expect(at('2 時間')).toBeUndefined();
    expect(at('Tokyo 2 日')).toBeUndefined();
  });

  it('reads them in Ukrainian, Filipino, Vietnamese, Thai, Hindi and Hebrew too', () => {
    const twoHours = '2026-03-10T10:00:00.000Z';
    for (const shown of ['2 години тому', '2 oras ang nakalipas', '2 giờ trước', '2 ชั่วโมงที่ผ่านมา', '2 ชั่วโมงที่แล้ว', '2 घंटे पहले', 'לפני 2 שעות', 'לפני שעתיים']) {
      expect(at(shown), shown).toBe(twoHours);
    }
    expect(at('3 ngày trước')).toBe('2026-03-07T12:00:00.000Z');
    expect(at('3 วันที่ผ่านมา')).toBe('2026-03-07T12:00:00.000Z');
    expect(at('3 दिन पहले')).toBe('2026-03-07T12:00:00.000Z');
    expect(at('לפני 3 ימים')).toBe('2026-03-07T12:00:00.000Z');
    expect(at('לפני שנה')).toBe('2025-03-10T12:00:00.000Z');
    expect(at('5 tháng trước')).toBe('2025-10-10T12:00:00.000Z');
    expect(at('1 साल पहले')).toBe('2025-03-10T12:00:00.000Z');
    expect(at('10 хвилин тому')).toBe('2026-03-10T11:50:00.000Z');
    // The week in Hindi with its nukta composed or combining, Vietnamese with its marks combining.
    expect(at('2 \u0939\u095e\u094d\u0924\u0947 \u092a\u0939\u0932\u0947')).toBe('2026-02-24T12:00:00.000Z');
    expect(at('2 \u0939\u092b\u093c\u094d\u0924\u0947 \u092a\u0939\u0932\u0947')).toBe('2026-02-24T12:00:00.000Z');
    expect(at('2 gio\u031b\u0300 tru\u031bo\u031b\u0301c')).toBe(twoHours);
    // Ukrainian abbreviates hours as Russian does years.
    expect(at('2 год. тому')).toBe(twoHours);
    expect(at('2 года назад')).toBe('2024-03-10T12:00:00.000Z');
    // Edited comments, as YouTube marks them in these languages.
    expect(at('3 ngày trước (đã chỉnh sửa)')).toBe('2026-03-07T12:00:00.000Z');
    expect(at('2 घंटे पहले (संपादित)')).toBe(twoHours);
    expect(at('לפני 3 ימים (נערך)')).toBe('2026-03-07T12:00:00.000Z');
    expect(at('2 giờ')).toBeUndefined();
    expect(at('שעות')).toBeUndefined();
  });

  it('counts months and years on the calendar', () => {
    expect(at('5 months ago')).toBe('2025-10-10T12:00:00.000Z');
    expect(at('1 month ago')).toBe('2026-02-10T12:00:00.000Z');
    expect(at('1 year ago')).toBe('2025-03-10T12:00:00.000Z');
    expect(at('vor 2 Jahren')).toBe('2024-03-10T12:00:00.000Z');
    expect(at('vor 1 Monat')).toBe('2026-02-10T12:00:00.000Z');
    expect(at('hace 2 meses')).toBe('2026-01-10T12:00:00.000Z');
    expect(at('hace 1 año')).toBe('2025-03-10T12:00:00.000Z');
    expect(at('il y a 3 mois')).toBe('2025-12-10T12:00:00.000Z');
    expect(at('il y a 2 ans')).toBe('2024-03-10T12:00:00.000Z');
    expect(at('há 1 mês')).toBe('2026-02-10T12:00:00.000Z');
    expect(at('há 3 anos')).toBe('2023-03-10T12:00:00.000Z');
    expect(at('4 mesi fa')).toBe('2025-11-10T12:00:00.000Z');
    expect(at('1 anno fa')).toBe('2025-03-10T12:00:00.000Z');
  });

  it("reads YouTube's time of an edited comment", () => {
    expect(at('3 hours ago (edited)')).toBe('2026-03-10T09:00:00.000Z');
    expect(at('vor 3 Stunden (bearbeitet)')).toBe('2026-03-10T09:00:00.000Z');
    expect(at('hace 2 días (editado)')).toBe('2026-03-08T12:00:00.000Z');
    expect(at('il y a 1 jour (modifié)')).toBe('2026-03-09T12:00:00.000Z');
    expect(at('5 giorni fa (modificato)')).toBe('2026-03-05T12:00:00.000Z');
  });

  it("reads TikTok's short forms", () => {
    expect(at('2h ago')).toBe('2026-03-10T10:00:00.000Z');
    expect(at('il y a 5 j')).toBe('2026-03-05T12:00:00.000Z');
    expect(at('vor 2 Std.')).toBe('2026-03-10T10:00:00.000Z');
    expect(at('5 g fa')).toBe('2026-03-05T12:00:00.000Z');
    expect(at('just now')).toBe('2026-03-10T12:00:00.000Z');
  });

  it('gives no time for text that is not one', () => {
    for (const junk of [
      '',
      'yesterday',
      '3 hours',
      '5 d',
      '(edited)',
      'shared 2 hours ago',
      'Premiered 3 days ago',
      '3 days ago from Lisbon',
      '2 flights ago',
      '5-26',
      'vor 9999 Jahren',
    ]) {
      expect(at(junk)).toBeUndefined();
    }
  });
});

describe('time labels as Facebook and Instagram show them, without "ago"', () => {
  // Monday 7 December 2026, 18:30 in the reader's time zone.
  const now = new Date(2026, 11, 7, 18, 30).getTime();
  const local = (...a: [number, number, number, number?, number?]) => new Date(a[0], a[1], a[2], a[3] ?? 0, a[4] ?? 0).toISOString();
  const HOUR = 3_600_000;

  it('reads short labels: "m" is minutes, never months', () => {
    expect(labelTime('5m', now)).toBe(new Date(now - 5 * 60_000).toISOString());
    expect(labelTime('2h', now)).toBe(new Date(now - 2 * HOUR).toISOString());
    expect(labelTime('3d', now)).toBe(new Date(now - 72 * HOUR).toISOString());
    expect(labelTime('1w', now)).toBe(new Date(now - 168 * HOUR).toISOString());
    expect(labelTime('2y', now)?.slice(0, 4)).toBe('2024');
    expect(labelTime('Just now', now)).toBe(new Date(now).toISOString());
  });

  it("reads them in the reader's language", () => {
    expect(labelTime('2 Std.', now)).toBe(new Date(now - 2 * HOUR).toISOString());
    expect(labelTime('3 j', now)).toBe(new Date(now - 72 * HOUR).toISOString());
    expect(labelTime('5 g', now)).toBe(new Date(now - 120 * HOUR).toISOString());
    expect(labelTime('1 sem.', now)).toBe(new Date(now - 168 * HOUR).toISOString());
    expect(labelTime('2 sa', now)).toBe(new Date(now - 2 * HOUR).toISOString());
  });

  it('reads English dates, with or without a year and a time of day; a date without a year is the last such day', () => {
    expect(labelTime('Yesterday at 3:04 PM', now)).toBe(local(2026, 11, 6, 15, 4));
    expect(labelTime('Yesterday at 15:04', now)).toBe(local(2026, 11, 6, 15, 4));
    expect(labelTime('May 6 at 10:00 AM', now)).toBe(local(2026, 4, 6, 10, 0));
    expect(labelTime('May 6 at 12:30 PM', now)).toBe(local(2026, 4, 6, 12, 30));
    expect(labelTime('May 6', now)).toBe(local(2026, 4, 6));
    expect(labelTime('May 6, 2023', now)).toBe(local(2023, 4, 6));
    expect(labelTime('6 May 2023', now)).toBe(local(2023, 4, 6));
    expect(labelTime('September 30', now)).toBe(local(2026, 8, 30));
    expect(labelTime('Dec 30', now)).toBe(local(2025, 11, 30));
  });

  it("reads dates in the reader's language (fr, es, pt, de, it, nl)", () => {
    expect(labelTime('11 juillet à 15:04', now)).toBe(local(2026, 6, 11, 15, 4));
    expect(labelTime('11. Juli', now)).toBe(local(2026, 6, 11));
    expect(labelTime('11 de julio de 2023', now)).toBe(local(2023, 6, 11));
    expect(labelTime('5 de março às 09:30', now)).toBe(local(2026, 2, 5, 9, 30));
    expect(labelTime('3 ott 2024', now)).toBe(local(2024, 9, 3));
    expect(labelTime('4 mei', now)).toBe(local(2026, 4, 4));
    expect(labelTime('Gestern um 15:04', now)).toBe(local(2026, 11, 6, 15, 4));
    expect(labelTime('hier à 15:04', now)).toBe(local(2026, 11, 6, 15, 4));
    expect(labelTime('Ayer a las 15:04', now)).toBe(local(2026, 11, 6, 15, 4));
  });

  it('reads a full date, as the label of a date shown with its letters shuffled has it', () => {
    expect(labelTime('Monday, May 6, 2024 at 10:00 AM', now)).toBe(local(2024, 4, 6, 10, 0));
    expect(labelTime('lundi 6 mai 2024 à 10:00', now)).toBe(local(2024, 4, 6, 10, 0));
    expect(labelTime('Montag, 6. Mai 2024 um 10:00', now)).toBe(local(2024, 4, 6, 10, 0));
  });

  it('reads the forms real pages show besides: Arabic and Chinese units, months, "Today at", a comma before the time, "ago"', () => {
    expect(labelTime('19 س', now)).toBe(new Date(now - 19 * HOUR).toISOString());
    expect(labelTime('2天', now)).toBe(new Date(now - 48 * HOUR).toISOString());
    expect(labelTime('2週', now)).toBe(new Date(now - 336 * HOUR).toISOString());
    expect(labelTime('10 فبراير', now)).toBe(local(2026, 1, 10));
    expect(labelTime('4 mths', now)?.slice(0, 7)).toBe('2026-08');
    expect(labelTime('Today at 1:00 PM', now)).toBe(local(2026, 11, 7, 13, 0));
    expect(labelTime('17 juin, 23:50', now)).toBe(local(2026, 5, 17, 23, 50));
    expect(labelTime('1 hour ago', now)).toBe(new Date(now - HOUR).toISOString());
    expect(labelTime('about an hour ago', now)).toBe(new Date(now - HOUR).toISOString());
    expect(labelTime('hace 10 horas', now)).toBe(new Date(now - 10 * HOUR).toISOString());
    expect(labelTime('een dag geleden', now)).toBe(new Date(now - 24 * HOUR).toISOString());
  });

  it('gives no time for anything else', () => {
    for (const text of ['', 'Reply', 'Like', '2', 'h', '12 likes', 'Maya Chen', '3 comments', '2 shares', 'Like 12', 'May', 'Feb 30', 'May 6th party', '2 hrs ago at the gate', 'Sponsored', 'See more', '5 ma']) {
      expect(labelTime(text, now), text).toBeUndefined();
    }
  });
});
