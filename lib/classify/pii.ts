/**
 * Private data in a post or a reply: emails, phone numbers, payment cards, order/booking/case
 * numbers, street addresses, account numbers, bank accounts (IBAN), identity documents (social
 * security, passport, driving licence, national id and tax numbers) and dates of birth. Rule-based and linear-time: it runs on every
 * brand-mentioning post of a page, in the page's main thread.
 *
 * How it works: URLs, @handles and #hashtags are blanked out of a working copy of the text first
 * (same length, so offsets stay those of the original), then each stage finds its kind and blanks
 * what it found, so later stages never report the same characters twice. All patterns are
 * compiled once here, anchored by look-behinds so that each can only start at the beginning of a
 * token, and built from quantifiers that cannot split the same characters two ways.
 */

export type PiiKind = 'email' | 'phone' | 'card' | 'order_number' | 'address' | 'account_id' | 'bank_account' | 'government_id' | 'birth_date';

export interface PiiFinding {
  kind: PiiKind;
  start: number;
  end: number;
  /** the text, partly masked for display: "j***@gmail.com", "**** **** **** 4242" */
  masked: string;
}

interface Span {
  start: number;
  end: number;
}

/** Stands in for blanked characters: matches no letter, digit, space or separator below. */
const BLANK = '\u0000';

// ---------------------------------------------------------------------------------------------
// Blanked zones: links, handles, hashtags.

const URL_RE = /(?:\bhttps?:\/\/|\bwww\.)[^\s<>"]+/giu;
/** A bare domain followed by a path ("x.com/acme/status/1790…"): ids in paths are not phones. */
const BARE_LINK_RE = /(?<![\p{L}\p{N}@.\/-])(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>"]*/giu;
/** @handles, including fediverse ones (@name@instance.social). */
const HANDLE_RE = /(?<![\p{L}\p{N}_@.])@[\p{L}\p{N}_.]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?/gu;
const HASHTAG_RE = /(?<![\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu;
/** Calendar dates in numeric forms (2024-05-13, 13/05/2024, 13.05.24) and clock times (10:45). */
const DATE_RE = /(?<![\p{N}.\/-])(?:\d{4}[-.\/]\d{1,2}[-.\/]\d{1,2}|\d{1,2}[-.\/]\d{1,2}[-.\/](?:\d{4}|\d{2}))(?![\p{N}])/gu;
const TIME_RE = /(?<![\p{N}:])\d{1,2}:\d{2}(?::\d{2})?(?![\p{N}:])/gu;

// ---------------------------------------------------------------------------------------------
// Introduced numbers: "order #A12345", "booking ref XK7P2Q", "account no 123456789".

const INTRO_RE =
  /(?<![\p{L}\p{N}])(social security|ssn|passport|driver['’]?s licen[cs]e|driving licen[cs]e|national id|national insurance|ni|tax id|tin|id card|identity card|aadhaar|dni|nie|nif|cpf|order|booking|reservation|ticket|confirmation|case|reference|ref|pnr|tracking|incident|complaint|claim|invoice|receipt|transaction|shipment|parcel|consignment|rma|return|refund|request|record|locator|account|acct|a\/c|customer|member|membership|loyalty|subscriber|client|policy|rewards|user|ff|frequent flyer|frequent flier|iban)(?![\p{L}\p{N}])/giu;

/** Words that introduce the number of an identity document. */
const GOVERNMENT_WORDS = new Set([
  'social security', 'ssn', 'passport', "driver's license", "driver's licence", 'drivers license', 'drivers licence', 'driving license',
  'driving licence', 'national id', 'national insurance', 'ni', 'tax id', 'tin', 'id card', 'identity card', 'aadhaar', 'dni', 'nie', 'nif', 'cpf',
]);
/** Of those, the acronyms that are words in other languages: counted in capitals alone ("DNI", not Polish "dni", days). */
const ACRONYMS = new Set(['ssn', 'ni', 'tin', 'dni', 'nie', 'nif', 'cpf']);
const ACCOUNT_WORDS = new Set([
  'account', 'acct', 'a/c', 'customer', 'member', 'membership', 'loyalty', 'subscriber', 'client', 'policy', 'rewards', 'user', 'ff',
  'frequent flyer', 'frequent flier', 'iban',
]);
/** Words too common to introduce a number on their own: "member ID 88442211" yes, "member 2 years" no. */
const NEEDS_MARKER = new Set([
  'ni', 'tin', 'national insurance', 'social security', 'id card', 'identity card', 'customer', 'member', 'membership', 'loyalty', 'subscriber', 'client', 'policy', 'rewards', 'user', 'ff', 'frequent flyer', 'frequent flier',
  'record', 'request', 'return', 'refund',
]);
/** Words that may introduce an all-letter airline record locator ("PNR ABCDEF", "booking ref QWERTY"). */
const LOCATOR_WORDS = new Set(['pnr', 'ref', 'reference', 'locator', 'code', 'confirmation']);
/** Words between the introducing word and the value. */
const MARKERS = new Set(['number', 'num', 'no', 'nº', 'nr', 'nbr', 'id', 'code', 'ref', 'reference', 'locator', 'is', 'was', 'details']);
const EXPLICIT_MARKERS = new Set(['number', 'num', 'no', 'nº', 'nr', 'nbr', 'id', 'code', 'ref', 'reference', 'locator', '#']);
const GAP_RE = /[\s:#.=()\[\]–-]{0,6}/uy;
const VALUE_RE = /[\p{L}\p{N}º]+(?:[-\/][\p{L}\p{N}]+)*/uy;
const NEXT_DIGITS_RE = /[ -](\d{3,})(?![\p{L}\p{N}])/uy;
const UNIT_VALUE = /^\d+(?:st|nd|rd|th|am|pm|h|hr|hrs|min|mins|k|m|kg|km|gb|mb|tb|x|s)$/i;
const FLIGHT_SHAPE = /^[A-Z]{2}\d{1,4}$|^[A-Z]\d\d{1,4}$|^\d[A-Z]\d{1,4}$/;
const YEAR_SHAPE = /^(?:19|20)\d\d$/;
const DATE_SHAPE = /^\d{1,4}[-\/]\d{1,2}[-\/]\d{1,4}$/;

// ---------------------------------------------------------------------------------------------
// Runs of digits: cards and phones. Groups are separated by exactly one separator (or a
// parenthesis), so a run can be read only one way and the pattern stays linear.

const RUN_RE = /(?<![\p{L}\p{N}_.,\/:#@$€£¥₹+\-])(?:\+|\(\+?)?\d+(?:(?:[ .\-]|\) ?| ?\()\d+)*\)?/gu;
const DIGIT_GROUP_RE = /\d+/g;
const CURRENCY_BEFORE = /[$€£¥₹]\s?$/u;
const AFTER_NOT_PHONE =
  /^(?:\s?(?:%|€|£|\$|usd|eur|gbp|dollars?|euros?|pounds?|bucks|k|m|mil|million|billion)(?![\p{L}])|[.,]\d|\s(?:followers|views|likes|people|users|customers|points|miles|km|times|hours|days|minutes|seconds|steps|subscribers|downloads|members|votes|retweets|reposts|years|tickets|items|units|pieces|passengers|bags|flights)\b)/iu;

// ---------------------------------------------------------------------------------------------
// Street addresses.

const STREET_TYPES =
  'street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|way|terrace|close|crescent|cres|square|sq|highway|hwy|parkway|pkwy|circle|cir|trail|mews|gardens|grove';
const ADDRESS_RE = new RegExp(
  `(?<![\\p{L}\\p{N}$€£#.,/:-])(\\d{1,5}[a-zA-Z]?(?:-\\d{1,5})?),?\\s((?:[\\p{L}][\\p{L}'’.-]*\\s){1,3}?)(${STREET_TYPES})(?![\\p{L}\\p{N}])\\.?`,
  'giu',
);
/** Continental forms: "Calle Mayor 12", "Via Roma 10", "Rua Augusta 100", "Hauptstraße 5", "Kalverstraat 12", "12 rue de Rivoli". */
const EU_ADDRESS_RE =
  /(?<![\p{L}\p{N}])(?:(?:calle|avenida|avda\.|via|viale|corso|piazza|rua|travessa|plaza|paseo|carrer)\s(?:[\p{L}'’.-]+\s){1,3}?\d{1,4}[a-z]?|[\p{L}]+(?:straße|strasse|str\.|weg|allee|platz|gasse|laan|straat|gracht|plein|kade|singel)\s\d{1,4}[a-z]?|\d{1,4}(?:\s?bis)?,?\s(?:rue|avenue|boulevard|bd|allée|impasse|chemin|quai)\s(?:(?:de|du|des|la|le|les|l'|d')\s?|[\p{Lu}][\p{L}'’-]*\s?){1,4})(?![\p{L}\p{N}])/giu;
const UNIT_BEFORE = /(?:^|[^\p{L}\p{N}])((?:flat|apt|apartment|unit|suite|ste)\.?\s?#?[\p{L}\p{N}]{1,5},?\s?)$/iu;
const POSTCODE_AFTER =
  /^(?:,?\s?[\p{Lu}][\p{L}'’.-]*(?:\s[\p{Lu}][\p{L}'’.-]*){0,2}){0,2},?\s?(?:[A-Z]{2}\s)?([A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|\d{5}(?:-\d{4})?|\d{4}\s?[A-Z]{2}|\d{4,5})(?![\p{L}\p{N}])/u;
/** Words that cannot name a street: "2 hours on the road", "3 times a day". */
const NOT_STREET_NAME = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'on', 'in', 'at', 'to', 'for', 'from', 'by', 'with', 'my', 'your', 'our', 'their', 'his', 'her',
  'this', 'that', 'these', 'those', 'is', 'was', 'are', 'were', 'i', 'you', 'we', 'they', 'it', 'more', 'other', 'hours', 'hour', 'hrs',
  'days', 'day', 'mins', 'minutes', 'weeks', 'months', 'years', 'times', 'people', 'items', 'bags', 'flights', 'tickets', 'seats', 'stops',
  'miles', 'km', 'of', 'each', 'per', 'every', 'out', 'but', 'so', 'not', 'no', 'down', 'up', 'off', 'over', 'lost', 'still', 'just',
]);
/** Words kept readable in a masked address: street types and flat/unit words. */
const KEPT_ADDRESS_WORDS = new Set([
  ...STREET_TYPES.split('|'),
  ...'flat|apt|apartment|unit|suite|ste|calle|avenida|avda|via|viale|corso|piazza|rua|travessa|plaza|paseo|carrer|rue|boulevard|bd|allée|impasse|chemin|quai'.split('|'),
]);

// ---------------------------------------------------------------------------------------------

/** The local parts of the addresses a brand gives out for its care (support@, care@, help@…). */
const ROLE_ADDRESS =
  /^(?:support|care|help|helpdesk|service|services|customerservice|customer[._-]service|customercare|customer[._-]care|info|contact|hello|feedback|complaints|social|socialcare|press|privacy|dpo|refunds?|bookings?|reservations?)$/i;

/**
 * Whether an email is one a brand gives out in public for its care: a role address (support@, care@, help@…) at one
 * of the brand's own domains or their subdomains. An agent may write it in a public reply; an agent's own address at
 * the brand's domain stays private.
 */
export function isBrandContact(email: string, domains: readonly string[]): boolean {
  const at = email.lastIndexOf('@');
  if (at < 1) return false;
  const host = email.slice(at + 1).toLowerCase();
  return ROLE_ADDRESS.test(email.slice(0, at)) && domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/**
 * Whether a finding of `findPrivateData(text)` is the brand's own care address. Only an address standing alone counts:
 * "josé.care@…" or "sam/care@…", whose address is read from "care", is someone's own.
 */
export function isBrandContactIn(text: string, finding: PiiFinding, domains: readonly string[]): boolean {
  if (finding.kind !== 'email') return false;
  const before = finding.start > 0 ? text[finding.start - 1]! : ' ';
  return /[\s(<\[{"'“‘«,;:]/u.test(before) && isBrandContact(text.slice(finding.start, finding.end), domains);
}

/** Every piece of private data in the text, in order of position. Never throws. */
export function findPrivateData(text: string): PiiFinding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const found: PiiFinding[] = [];
  let work = text;

  // Emails first: their @ must not be read as a handle.
  const emails = findEmails(text);
  for (const e of emails.emails) found.push({ kind: 'email', start: e.start, end: e.end, masked: maskEmail(text.slice(e.start, e.end)) });
  work = blank(work, [...emails.emails, ...emails.handles]);

  work = blank(work, [...spans(work, URL_RE), ...spans(work, BARE_LINK_RE)]);
  work = blank(work, spans(work, HANDLE_RE));

  // Bank accounts by their own check digits, before a word could introduce part of one.
  const ibans = findIbans(work, text);
  found.push(...ibans);
  work = blank(work, ibans);

  // Numbers a word introduces, before hashtags: "order #A12345" is an order, not a tag.
  const introduced = findIntroduced(work, text);
  found.push(...introduced);
  work = blank(work, introduced);

  // Identity numbers by their shape, and dates of birth by the words before them, before dates are blanked.
  const documents = [...findIdentityNumbers(work, text), ...findBirthDates(work, text)];
  found.push(...documents);
  work = blank(work, documents);

  work = blank(work, [...spans(work, HASHTAG_RE), ...spans(work, DATE_RE)]);
  work = blank(work, spans(work, TIME_RE));

  const numbers = findNumbers(work, text);
  found.push(...numbers);
  work = blank(work, numbers);

  found.push(...findAddresses(work, text));
  return found.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------

function spans(work: string, re: RegExp): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(work); m; m = re.exec(work)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The text with the spans replaced by BLANK, in one pass. */
function blank(work: string, list: Span[]): string {
  if (list.length === 0) return work;
  const sorted = [...list].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    const start = Math.max(s.start, at);
    if (s.end <= start) continue;
    out += work.slice(at, start) + BLANK.repeat(s.end - start);
    at = s.end;
  }
  return out + work.slice(at);
}

// ---------------------------------------------------------------------------------------------
// Bank accounts, identity numbers, dates of birth.

/**
 * An IBAN as written: country, check digits, then groups of four (with or without spaces), in either case; cut to its
 * country's length below.
 */
const IBAN_RE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/giu;

/** The length of each country's IBANs (ISO 13616 registry). */
const IBAN_LENGTHS = new Map(
  Object.entries({
    AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18,
    DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23,
    IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27,
    MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27,
    ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
  }),
);

/** Whether an IBAN's check digits hold (ISO 13616: the number read with its country and check digits moved to the end, mod 97, is 1). */
function ibanValid(iban: string): boolean {
  let rest = 0;
  for (const c of iban.slice(4) + iban.slice(0, 4)) {
    const code = c.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : c;
    for (const d of value) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/**
 * IBANs: an IBAN-shaped run cut to its country's length (the run may take in the next word: "AT61 1904 3002 3457
 * 3201 EUR"), kept when its check digits hold.
 */
function findIbans(work: string, text: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const sp of spans(work, IBAN_RE)) {
    // The run may start with a code that is none ("ref ab12 DE89 3704 …"): an IBAN may start at any of its groups.
    for (let start = sp.start; start >= 0 && start < sp.end; start = text.indexOf(' ', start) + 1 || -1) {
      const found = ibanAt(text, start, sp.end);
      if (found) {
        out.push(found);
        break;
      }
    }
  }
  return out;
}

/** The IBAN that starts at `start` and ends by `limit` (the end of its run), if its country, length and check digits hold. */
function ibanAt(text: string, start: number, limit: number): PiiFinding | undefined {
  if (!/^[A-Za-z]{2}\d{2}/.test(text.slice(start, start + 4))) return undefined;
  const length = IBAN_LENGTHS.get(text.slice(start, start + 2).toUpperCase());
  if (!length) return undefined;
  let end = start;
  let count = 0;
  while (end < limit && count < length) if (text[end++] !== ' ') count++;
  const iban = text.slice(start, end);
  // The run ends where the IBAN does, or a space after it: never inside a group.
  if (count < length || (end < limit && text[end] !== ' ')) return undefined;
  const written = iban.replace(/ /g, '');
  const compact = written.toUpperCase();
  // Typed in lower case, it could be words ("at10 from home with kids"): an account number is mostly digits.
  if (compact !== written && compact.slice(4).replace(/\D/g, '').length * 2 < compact.length - 4) return undefined;
  if (!ibanValid(compact)) return undefined;
  return { kind: 'bank_account', start, end, masked: iban.slice(0, 2) + maskKeepingLast(iban.slice(2), /[A-Za-z0-9]/, 3) };
}

/** A US social security number: 3-2-4 digits, never area 000, 666 or 9xx, group 00 or serial 0000. */
const SSN_RE = /(?<![\p{L}\p{N}_.,\/:#@$€£¥₹+\-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\p{L}\p{N}]|-\d)/gu;

/** A UK national insurance number, as printed ("QQ 12 34 56 C") or written together; capitals only. */
const NINO_RE =
  /(?<![\p{L}\p{N}_.,\/:#@$€£¥₹+\-])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z](?: \d{2} \d{2} \d{2} |\d{6})[A-D](?![\p{L}\p{N}_]|[.\-]\w)/gu;
/** What names a national insurance number shortly before it: "national insurance (number)", "NI (number)", "NINO". */
const NINO_NAMED = /(?:national insurance|(?<![\p{L}\p{N}])NI(?:NO)?(?![\p{L}\p{N}]))[^\n]{0,24}$/iu;
/** A Brazilian CPF as written, 123.456.789-09, kept when its two check digits hold. */
const CPF_RE = /(?<![\p{L}\p{N}.\-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\p{N}]|[.\-]\d)/gu;

function cpfValid(raw: string): boolean {
  const d = raw.replace(/\D/g, '').split('').map(Number);
  if (d.every((x) => x === d[0])) return false;
  const check = (n: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += d[i]! * (n + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  return check(9) === d[9] && check(10) === d[10];
}

/** Identity numbers known by their shape alone: a social security number, a national insurance number, a CPF. */
function findIdentityNumbers(work: string, text: string): PiiFinding[] {
  const cpfs = spans(work, CPF_RE).filter((sp) => cpfValid(text.slice(sp.start, sp.end)));
  // A national insurance number's shape is shared by codes of all kinds (models, promotions, lots): named, it is one.
  const ninos = spans(work, NINO_RE).filter((sp) => NINO_NAMED.test(work.slice(Math.max(0, sp.start - 40), sp.start)));
  return [...spans(work, SSN_RE), ...ninos, ...cpfs].map((sp) => ({ kind: 'government_id' as const, ...sp, masked: maskCode(text.slice(sp.start, sp.end)) }));
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/**
 * "Date of birth 12/05/1990", "DOB: 1990-05-12", "born on 12 May 1990", "my birthday is May 12, 1990": a date with its
 * year. After "born" or "birthday" alone it is someone's date of birth only when it is 13 years ago or more ("booked for
 * my birthday 12/05/2025" is a trip; "our son was born on 3 March 2024" is news).
 */
const BIRTH_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(date of birth|d\\.?o\\.?b\\.?|birth ?date|born on|born|birthday is|birthday)\\s*[:=–-]?\\s*(?:is\\s)?` +
    `(\\d{1,4}[-.\\/]\\d{1,2}[-.\\/]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th)?\\s(?:of\\s)?${MONTH},?\\s\\d{4}|${MONTH}\\s\\d{1,2}(?:st|nd|rd|th)?,?\\s\\d{4})(?![\\p{L}\\p{N}])`,
  'giu',
);
const WEAK_BIRTH = /^(?:born|birthday)/i;
/** Years of age below which a date after "born" or "birthday" is taken for something else. */
const MIN_AGE = 13;

/** The year a written date holds (its four-digit part, or a two-digit one at its end), if any. */
function yearOf(date: string, thisYear: number): number | undefined {
  const four = /(?<!\d)\d{4}(?!\d)/.exec(date)?.[0];
  if (four) return Number(four);
  const two = /[-.\/](\d{2})$/.exec(date)?.[1];
  if (!two) return undefined;
  const y = 2000 + Number(two);
  return y > thisYear ? y - 100 : y;
}

function findBirthDates(work: string, text: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  const thisYear = new Date().getFullYear();
  const latest = thisYear - MIN_AGE;
  BIRTH_RE.lastIndex = 0;
  for (let m = BIRTH_RE.exec(work); m; m = BIRTH_RE.exec(work)) {
    if (WEAK_BIRTH.test(m[1]!) && (yearOf(m[2]!, thisYear) ?? Infinity) > latest) continue;
    const start = m.index + m[0].length - m[2]!.length;
    const end = m.index + m[0].length;
    out.push({ kind: 'birth_date', start, end, masked: maskKeepingLast(text.slice(start, end), /[\p{L}\p{N}]/u, 0) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Emails, scanned around each "@" (linear: no character is scanned from two "@"s).

const isLocalChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
const isDomainChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 45;
const TLD_RE = /^[A-Za-z]{2,}$/;

function findEmails(text: string): { emails: Span[]; handles: Span[] } {
  const emails: Span[] = [];
  const handles: Span[] = [];
  let floor = 0;
  let at = text.indexOf('@');
  while (at !== -1) {
    let s = at;
    while (s > floor && isLocalChar(text.charCodeAt(s - 1))) s--;
    while (s < at && text[s] === '.') s++;
    let e = at + 1;
    while (e < text.length && isDomainChar(text.charCodeAt(e))) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    const domain = text.slice(at + 1, e);
    const dot = domain.lastIndexOf('.');
    const valid = s < at && dot > 0 && TLD_RE.test(domain.slice(dot + 1)) && !domain.includes('..');
    if (valid) {
      // "@name@instance.social" is a fediverse handle, not an email.
      if (s > 0 && text[s - 1] === '@') handles.push({ start: s - 1, end: e });
      else emails.push({ start: s, end: e });
      floor = e;
      at = text.indexOf('@', e);
    } else {
      at = text.indexOf('@', at + 1);
    }
  }
  return { emails, handles };
}

function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

// ---------------------------------------------------------------------------------------------

function findIntroduced(work: string, text: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  INTRO_RE.lastIndex = 0;
  for (let m = INTRO_RE.exec(work); m; m = INTRO_RE.exec(work)) {
    const keyword = m[1]!.toLowerCase().replace('’', "'");
    // Acronyms that are words in other languages (Polish "nie", "dni"; Spanish "ni"; "tin") count in capitals alone.
    if (ACRONYMS.has(keyword) && m[1] !== m[1]!.toUpperCase()) continue;
    let at = m.index + m[0].length;
    let marker = false;
    let locator = LOCATOR_WORDS.has(keyword);
    let account = ACCOUNT_WORDS.has(keyword);
    let government = GOVERNMENT_WORDS.has(keyword);
    let value: { start: number; end: number; raw: string } | undefined;
    for (let step = 0; step < 4 && at < work.length; step++) {
      GAP_RE.lastIndex = at;
      const gap = GAP_RE.exec(work)?.[0] ?? '';
      if (gap.includes('#')) marker = true;
      at += gap.length;
      VALUE_RE.lastIndex = at;
      const v = VALUE_RE.exec(work);
      if (!v) break;
      const word = v[0].toLowerCase();
      if (MARKERS.has(word) || (INTRO_WORD_SET.has(word) && step === 0)) {
        if (EXPLICIT_MARKERS.has(word)) marker = true;
        if (LOCATOR_WORDS.has(word)) locator = true;
        if (ACCOUNT_WORDS.has(word)) account = true;
        // "passport booking ref XK7P2Q": the word nearest the value says what it is.
        if (INTRO_WORD_SET.has(word) && !GOVERNMENT_WORDS.has(word)) government = false;
        at += v[0].length;
        continue;
      }
      value = { start: at, end: at + v[0].length, raw: v[0] };
      break;
    }
    if (!value) continue;
    // A long run of words joined by dashes is no value; the keywords inside it are not read again one by one.
    if (value.end - value.start > 30) {
      INTRO_RE.lastIndex = value.end;
      continue;
    }
    if (NEEDS_MARKER.has(keyword) && !marker) continue;
    // "reference 7731 2231": digit groups that carry on; "SSN 123 45 6789", a social security number written spaced.
    let end = value.end;
    let spacedSsn = false;
    if (government && /^\d{3}$/.test(value.raw)) {
      const spaced = /^ \d{2} \d{4}(?![\p{L}\p{N}])/u.exec(work.slice(end, end + 9));
      if (spaced) {
        end += spaced[0].length;
        spacedSsn = true;
      }
    }
    if (!spacedSsn && /^\d{3,}$/.test(value.raw)) {
      for (let i = 0; i < 4 && end - value.start < 30; i++) {
        NEXT_DIGITS_RE.lastIndex = end;
        const n = NEXT_DIGITS_RE.exec(work);
        if (!n) break;
        end += n[0].length;
      }
    }
    const raw = text.slice(value.start, end);
    // A number in groups of 3, 2 and 4 (123-45-6789) is no date: a social security number, or an order's.
    if (!SSN_SHAPE.test(raw.replace(/ /g, '-')) && !isIntroducedValue(end === value.end ? raw : raw.replace(/[ -]/g, ''), marker, locator)) continue;
    out.push({ kind: government ? 'government_id' : account ? 'account_id' : 'order_number', start: value.start, end, masked: maskCode(raw) });
    INTRO_RE.lastIndex = end;
  }
  return out;
}

const SSN_SHAPE = /^\d{3}-\d{2}-\d{4}$/;

const INTRO_WORD_SET = new Set([
  'order', 'booking', 'reservation', 'ticket', 'confirmation', 'case', 'reference', 'ref', 'pnr', 'tracking', 'incident', 'complaint', 'claim',
  'invoice', 'receipt', 'transaction', 'shipment', 'parcel', 'consignment', 'rma', 'return', 'refund', 'request', 'record', 'locator', 'account',
  'acct', 'customer', 'member', 'membership', 'loyalty', 'subscriber', 'client', 'policy', 'rewards', 'user', 'ff', 'iban',
]);

function isIntroducedValue(raw: string, marker: boolean, locator: boolean): boolean {
  if (raw.length > 30) return false;
  const digits = raw.replace(/\D/g, '').length;
  if (digits === 0) {
    // An all-letter airline record locator: six capitals after "PNR", "ref", "code"…
    return locator && /^[A-Z]{6}$/.test(raw);
  }
  if (raw.length < (marker ? 4 : 5)) return false;
  if (UNIT_VALUE.test(raw) || DATE_SHAPE.test(raw)) return false;
  if (!marker && (YEAR_SHAPE.test(raw) || FLIGHT_SHAPE.test(raw))) return false;
  return true;
}

/** Hides all but the last 2–3 characters of a code, keeping its separators. */
function maskCode(raw: string): string {
  const alnum = raw.replace(/[^\p{L}\p{N}]/gu, '').length;
  const keep = alnum > 6 ? 3 : 2;
  return maskKeepingLast(raw, /[\p{L}\p{N}]/u, keep);
}

function maskKeepingLast(raw: string, which: RegExp, keep: number): string {
  const chars = [...raw];
  let seen = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!which.test(chars[i]!)) continue;
    seen++;
    if (seen > keep) chars[i] = '*';
  }
  return chars.join('');
}

// ---------------------------------------------------------------------------------------------

function findNumbers(work: string, text: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  RUN_RE.lastIndex = 0;
  for (let m = RUN_RE.exec(work); m; m = RUN_RE.exec(work)) {
    let start = m.index;
    let run = m[0];
    // A closing parenthesis only belongs to the run when it opened one: "(call 0800 123 4567)".
    if (run.endsWith(')') && !run.includes('(')) run = run.slice(0, -1);
    const end = start + run.length;
    const after = text.slice(end, end + 16);
    if (/^[\p{L}\p{N}_]/u.test(after)) continue;
    if (CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 2), start))) continue;

    const card = cardIn(run);
    if (card) {
      const s = start + card.start;
      const e = start + card.end;
      out.push({ kind: 'card', start: s, end: e, masked: maskKeepingLast(text.slice(s, e), /\d/, 4) });
      continue;
    }
    if (AFTER_NOT_PHONE.test(after)) continue;
    if (isPhone(run)) {
      if (run.startsWith('(') && !/\)/.test(run.slice(1))) {
        start += 1;
        run = run.slice(1);
      }
      out.push({ kind: 'phone', start, end, masked: maskKeepingLast(text.slice(start, end), /\d/, 3) });
    }
  }
  return out;
}

/** A payment card inside a run: the whole run, or consecutive groups of it, 13–19 digits, Luhn-valid. */
function cardIn(run: string): Span | undefined {
  if (run.includes('+') || run.includes('(')) return undefined;
  const groups: Array<{ start: number; end: number; digits: string }> = [];
  DIGIT_GROUP_RE.lastIndex = 0;
  for (let g = DIGIT_GROUP_RE.exec(run); g; g = DIGIT_GROUP_RE.exec(run)) groups.push({ start: g.index, end: g.index + g[0].length, digits: g[0] });
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    for (let j = i; j < groups.length; j++) {
      digits += groups[j]!.digits;
      if (digits.length > 19) break;
      if (digits.length < 13) continue;
      const lengths = groups.slice(i, j + 1).map((g) => g.digits.length);
      if (cardShaped(lengths) && /^[2-6]/.test(digits) && luhn(digits)) return { start: groups[i]!.start, end: groups[j]!.end };
    }
  }
  return undefined;
}

function cardShaped(lengths: number[]): boolean {
  if (lengths.length === 1) return true;
  const key = lengths.join('-');
  if (key === '4-6-5' || key === '4-6-4') return true;
  return lengths.every((l, i) => (i === lengths.length - 1 ? l >= 1 && l <= 4 : l === 4));
}

function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function isPhone(run: string): boolean {
  const groups = run.match(/\d+/g) ?? [];
  const digits = groups.join('');
  const international = run.startsWith('+') || run.startsWith('(+') || /^00[1-9]/.test(digits);
  if (digits.length < 9 || digits.length > 15) return false;
  if (groups.every((g) => YEAR_SHAPE.test(g)) && groups.length > 1) return false;
  if (international) return groups.length <= 7;
  if (groups.length > 6) return false;
  if (groups.length === 1) return true;
  // "1.234.567.890": thousands, not a phone.
  if (/^\d{1,3}(?:\.\d{3})+$/.test(run)) return false;
  // "seats 12 14 16 18 20": a list. National numbers in pairs start with 0 ("06 12 34 56 78").
  const first = groups[0]!;
  if (groups.length >= 4 && first[0] !== '0' && groups.every((g) => g.length === first.length && g.length <= 3)) return false;
  let singles = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (g.length > 8) return false;
    if (g.length === 1) {
      singles++;
      if (i !== 0 || !/[01]/.test(g)) return false;
    }
  }
  return singles <= 1;
}

// ---------------------------------------------------------------------------------------------

function findAddresses(work: string, text: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  // Widened to a unit or a postcode, two matches may meet; the first found keeps the text.
  const overlapsAny = (f: PiiFinding) => out.some((o) => o.start < f.end && f.start < o.end);
  ADDRESS_RE.lastIndex = 0;
  for (let m = ADDRESS_RE.exec(work); m; m = ADDRESS_RE.exec(work)) {
    const words = m[2]!.trim().split(/\s+/);
    if (words.some((w) => NOT_STREET_NAME.has(w.toLowerCase().replace(/[.'’]/g, '')))) {
      ADDRESS_RE.lastIndex = m.index + 1;
      continue;
    }
    const found = address(work, text, m.index, m.index + m[0].length);
    // The next match starts after this one's postcode ("12 High St 0000 Low St").
    ADDRESS_RE.lastIndex = Math.max(ADDRESS_RE.lastIndex, found.end);
    if (!overlapsAny(found)) out.push(found);
  }
  EU_ADDRESS_RE.lastIndex = 0;
  for (let m = EU_ADDRESS_RE.exec(work); m; m = EU_ADDRESS_RE.exec(work)) {
    const found = address(work, text, m.index, m.index + m[0].trimEnd().length);
    if (!overlapsAny(found)) out.push(found);
  }
  return out;
}

/**
 * An address span widened to a flat/unit before it and a postcode after it, read in `work`, where
 * what was found before (phones, cards…) is blanked out and cannot be taken for either.
 */
function address(work: string, text: string, start: number, end: number): PiiFinding {
  const before = UNIT_BEFORE.exec(work.slice(Math.max(0, start - 24), start));
  if (before) start -= before[1]!.length;
  const after = POSTCODE_AFTER.exec(work.slice(end, end + 60));
  if (after) end += after[0].length;
  return { kind: 'address', start, end, masked: maskAddress(text.slice(start, end)) };
}

/** Keeps street types and the first letter of each word; hides numbers and postcodes. */
function maskAddress(raw: string): string {
  return raw.replace(/[\p{L}\p{N}'’]+/gu, (w) => {
    if (KEPT_ADDRESS_WORDS.has(w.toLowerCase())) return w;
    if (/\d/.test(w) || /^[A-Z]{1,2}$/.test(w)) return '*'.repeat(w.length);
    return w.length <= 1 ? w : w[0] + '*'.repeat(w.length - 1);
  });
}
