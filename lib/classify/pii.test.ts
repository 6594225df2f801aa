import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPrivateData, isBrandContact, isBrandContactIn, type PiiKind } from './pii';

/** Each finding as [kind, the original text it covers, masked]. */
const read = (text: string) => findPrivateData(text).map((f) => [f.kind, text.slice(f.start, f.end), f.masked] as const);
const kinds = (text: string) => findPrivateData(text).map((f) => f.kind);
const THIS_YEAR = new Date().getFullYear();
const covered = (text: string, kind: PiiKind) => findPrivateData(text).filter((f) => f.kind === kind).map((f) => text.slice(f.start, f.end));

describe('emails', () => {
  it('finds an email and masks its local part', () => {
    expect(read('@AcmeBank my email is jane.doe@gmail.com, please call me back')).toEqual([['email', 'jane.doe@gmail.com', 'j***@gmail.com']]);
    expect(read('Reach me: J.Smith+acme@mail.example.co.uk.')).toEqual([['email', 'J.Smith+acme@mail.example.co.uk', 'J***@mail.example.co.uk']]);
  });

  it('reads @handles, fediverse handles and a lone @ as no email', () => {
    expect(findPrivateData('@AcmeAir @support_team thanks!')).toEqual([]);
    expect(findPrivateData('cc @acme@mastodon.social and @bob@fosstodon.org')).toEqual([]);
    expect(findPrivateData('meet @ 5 at the gate, email@ me')).toEqual([]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['Call me on +44 7700 900123 please', '+44 7700 900123'],
    ['my number is (555) 123-4567', '(555) 123-4567'],
    ['text 555-123-4567 when ready', '555-123-4567'],
    ['ring 555.123.4567', '555.123.4567'],
    ['+1 (555) 123-4567 is my cell', '+1 (555) 123-4567'],
    ['1-800-555-0199 is always busy', '1-800-555-0199'],
    ['UK landline 020 7946 0958', '020 7946 0958'],
    ['mobile 07700 900123', '07700 900123'],
    ['appelez-moi au 06 12 34 56 78', '06 12 34 56 78'],
    ['ou +33 6 12 34 56 78', '+33 6 12 34 56 78'],
    ['Rufnummer 030 1234567', '030 1234567'],
    ['0044 20 7946 0958 from abroad', '0044 20 7946 0958'],
    ['07700900123', '07700900123'],
  ])('finds the phone in %j', (text, phone) => {
    expect(covered(text, 'phone')).toEqual([phone]);
  });

  it('masks all but the last three digits, keeping the layout', () => {
    expect(read('call +44 7700 900123')).toEqual([['phone', '+44 7700 900123', '+** **** ***123']]);
    expect(read('call (555) 123-4567')).toEqual([['phone', '(555) 123-4567', '(***) ***-*567']]);
  });

  it.each([
    'It was $1,299.99 and now it is £1 299',
    'Booked on 2024-05-13, flying 13/05/2024 at 10:45, back 14.05.2024',
    'Prices up 12.5% since 2023, 2024 and 2025',
    'https://x.com/acme/status/1790012345678901234 look at this',
    'see x.com/AcmeAir/status/1790012345678901234',
    'Flight AX123 delayed 2 hours, 3rd time this year',
    'we have 123456789 followers and 1.234.567.890 views',
    'rows 1 2 3 4 5 6 7 8 9 10 are empty',
    'seats 12 14 16 18 20',
    'I paid 1 299 999 € for this',
    '#acme2024 #1234567890',
    '8 digits only: 1234 5678',
    'the jackpot is $ 1250000000 this week',
    'promo code 4155550123abc expired',
  ])('finds no phone in %j', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('payment cards', () => {
  it('finds a grouped card number and shows only its last four digits', () => {
    expect(read('charged twice on my card 4242 4242 4242 4242, exp 12/26')).toEqual([['card', '4242 4242 4242 4242', '**** **** **** 4242']]);
  });

  it.each([
    ['card 4111111111111111 declined', '4111111111111111'],
    ['Mastercard 5555-5555-5555-4444 was charged', '5555-5555-5555-4444'],
    ['amex 3782 822463 10005 blocked', '3782 822463 10005'],
    ['Visa 4012 8888 8888 1881 then 2 hours on hold', '4012 8888 8888 1881'],
  ])('finds the card in %j', (text, card) => {
    expect(covered(text, 'card')).toEqual([card]);
  });

  it('ignores card-length numbers that fail the Luhn check or card prefixes', () => {
    expect(kinds('card 4242 4242 4242 4241')).toEqual([]);
    // A post id: 19 digits starting with 1, not a card, too long for a phone.
    expect(kinds('post 1790012345678901234')).toEqual([]);
  });
});

describe('order, booking, ticket and case numbers', () => {
  it.each([
    ['@AcmeShop order #A12345 still not here', 'A12345', '****45'],
    ['booking ref XK7P2Q, flight cancelled', 'XK7P2Q', '****2Q'],
    ['confirmation code: 4F9K2L', '4F9K2L', '****2L'],
    ['case 12345678 was closed without a reply', '12345678', '*****678'],
    ['PNR ABC123', 'ABC123', '****23'],
    ['my PNR is QWERTY', 'QWERTY', '****TY'],
    ['Order ID: 112-3344556-7788990', '112-3344556-7788990', '***-*******-****990'],
    ['tracking number 1Z999AA10123456784 says delivered', '1Z999AA10123456784', '***************784'],
    ['ticket no. 55123 opened', '55123', '***23'],
    ['reference 7731 2231', '7731 2231', '**** *231'],
  ])('finds the number in %j', (text, value, masked) => {
    expect(read(text)).toEqual([['order_number', value, masked]]);
  });

  it.each([
    'AX123 is a flight, not a booking',
    'flight AX123 to Lisbon',
    'my booking for flight AX123 is gone',
    'XK7P2Q',
    'order number is delayed',
    'my booking was CANCEL',
    'I ordered 3 items 2 days ago',
    'opened a ticket 2 days ago',
    'case closed, thanks',
    'order 2024-05-13 never came',
    'order 10am delivery',
    'in case 3 of us are late',
  ])('finds nothing in %j', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('account numbers', () => {
  it.each([
    ['@AcmeBank account no 123456789 is locked', '123456789'],
    ['member ID 88442211, gold tier', '88442211'],
    ['customer number: CU-55321', 'CU-55321'],
    ['frequent flyer number AX1234567 missing miles', 'AX1234567'],
  ])('finds the account number in %j', (text, value) => {
    expect(covered(text, 'account_id')).toEqual([value]);
  });

  it.each(['my account has been locked for 3 days', 'member for 10 years', 'customer service 24/7', 'user 12345 here'])('finds nothing in %j', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe("the brand's own care addresses", () => {
  it('knows a role address at one of the brand\'s domains, or their subdomains, and nothing else', () => {
    const domains = ['acmeair.com'];
    for (const email of ['care@acmeair.com', 'Support@help.acmeair.com', 'customer.service@acmeair.com', 'refunds@acmeair.com']) expect(isBrandContact(email, domains), email).toBe(true);
    for (const email of ['sam.care@acmeair.com', 'care@acmeair.com.evil.net', 'care@notacmeair.com', 'care@gmail.com', 'care@']) expect(isBrandContact(email, domains), email).toBe(false);
    expect(isBrandContact('care@acmeair.com', [])).toBe(false);
  });

  it('takes only an address standing alone in a text for one: part of a longer one is someone\'s own', () => {
    const contact = (text: string) => findPrivateData(text).map((f) => isBrandContactIn(text, f, ['acmeair.com']));
    expect(contact('write to care@acmeair.com or (support@acmeair.com)')).toEqual([true, true]);
    expect(contact('write to josé.care@acmeair.com')).toEqual([false]);
    expect(contact('write to sam/care@acmeair.com')).toEqual([false]);
  });
});

describe('bank accounts', () => {
  it('finds an IBAN by its check digits, grouped or not, and shows its country and last three characters', () => {
    expect(read('my IBAN is DE89 3704 0044 0532 0130 00, refund there')).toEqual([['bank_account', 'DE89 3704 0044 0532 0130 00', 'DE** **** **** **** ***0 00']]);
    expect(read('send it to GB82WEST12345698765432 thanks')).toEqual([['bank_account', 'GB82WEST12345698765432', 'GB*****************432']]);
  });

  it('finds an IBAN typed in lower case, and takes no run of lower-case words for one', () => {
    expect(covered('refund to de89 3704 0044 0532 0130 00 pls', 'bank_account')).toEqual(['de89 3704 0044 0532 0130 00']);
    expect(covered('iban: nl91abna0417164300', 'bank_account')).toEqual(['nl91abna0417164300']);
    expect(covered('my iban Gb82 West 1234 5698 7654 32', 'bank_account')).toEqual(['Gb82 West 1234 5698 7654 32']);
    // Four-letter words after a country and two digits: its length and check digits may hold, its digits do not.
    for (let n = 10; n < 100; n++) expect(kinds(`at${n} from home with kids`)).not.toContain('bank_account');
    // A code before it that is none does not hide it.
    expect(covered('ref ab12 DE89 3704 0044 0532 0130 00 thanks', 'bank_account')).toEqual(['DE89 3704 0044 0532 0130 00']);
    expect(covered('order tx12 de89 3704 0044 0532 0130 00', 'bank_account')).toEqual(['de89 3704 0044 0532 0130 00']);
  });

  it('takes no IBAN-shaped code whose check digits fail for one, nor one of no country or of another length', () => {
    expect(kinds('GB82WEST12345698765433 is my code')).not.toContain('bank_account');
    expect(kinds('flight AB12 CDEF GHIJ boarding')).toEqual([]);
    // Check digits that happen to hold, one run of capitals in 97: a country and its length must hold too.
    expect(kinds('LH49 GATE B123 SHUT AT 9')).not.toContain('bank_account');
    expect(kinds('BA04 WHAT THEY DID TO ME')).not.toContain('bank_account');
  });

  it('finds an IBAN followed by a currency, a word or a number, cut to its country\'s length', () => {
    expect(covered('AT61 1904 3002 3457 3201 EUR please refund', 'bank_account')).toEqual(['AT61 1904 3002 3457 3201']);
    expect(covered('PL61 1090 1014 0000 0712 1981 2874 PLN', 'bank_account')).toEqual(['PL61 1090 1014 0000 0712 1981 2874']);
    expect(covered('ES91 2100 0418 4502 0005 1332 2024', 'bank_account')).toEqual(['ES91 2100 0418 4502 0005 1332']);
    expect(covered('BE68 5390 0754 7034 OK?', 'bank_account')).toEqual(['BE68 5390 0754 7034']);
  });
});

describe('identity documents and dates of birth', () => {
  it.each([
    ['SSN 123-45-6789', '123-45-6789'],
    ['my social security number is 123-45-6789', '123-45-6789'],
    ['they asked for 123-45-6789 over the phone', '123-45-6789'],
    ['my passport number is X1234567', 'X1234567'],
    ['passport no. 123456789, flight tomorrow', '123456789'],
    ["driver's license D1234-5678-9012", 'D1234-5678-9012'],
    ['NI number QQ123456C', 'QQ123456C'],
    ['DNI 12345678Z', '12345678Z'],
    ['My driver’s license D1234-5678-9012 was stolen', 'D1234-5678-9012'],
    ['SSN 123 45 6789', '123 45 6789'],
    ['SSN 123 45 6789 1234 is what they asked for', '123 45 6789'],
    ['national insurance number AB 12 34 56 C', 'AB 12 34 56 C'],
    ['my NI is AB123456C', 'AB123456C'],
    ['meu cpf é 529.982.247-25', '529.982.247-25'],
  ])('finds the identity number in %j', (text, value) => {
    expect(covered(text, 'government_id')).toEqual([value]);
    expect(findPrivateData(text).find((f) => f.kind === 'government_id')!.masked).not.toContain(value.slice(0, 3));
  });

  it.each([
    ['date of birth 12/05/1990', '12/05/1990'],
    ['DOB: 1990-05-12', '1990-05-12'],
    ['born on 12 May 1990 in Porto', '12 May 1990'],
    ['Date of birth:  12/05/1990', '12/05/1990'],
    ['my birthday is May 12th, 1990', 'May 12th, 1990'],
  ])('finds the date of birth in %j, and shows none of it', (text, value) => {
    expect(read(text)).toEqual([['birth_date', value, value.replace(/[\p{L}\p{N}]/gu, '*')]]);
  });

  it.each([
    'I have a passport and a visa',
    'my passport expires in 2 weeks',
    'tin can 12345',
    'my birthday is May 12',
    'born in 1990',
    'the area code 000-12-3456 is no number of anyone',
    // Words of other languages written like the acronyms: Polish "nie" (not) and "dni" (days), Spanish "ni" (nor).
    'Dostałem zwrot nie 500zł tylko 50zł',
    'Czekam już 14 dni 2000zł zamrożone',
    'Paczka nie 123456 dotarła',
    // A CPF's check digits that fail; letters and digits in a national insurance number's shape that no such number has.
    'CPF 123.456.789-00',
    'flight TN 12 34 56 A',
    // Codes in a national insurance number's shape, not named as one.
    'model SM123456A stopped charging',
    'Promo code WX123456A did not work',
    'Gate code AB 12 34 56 C',
    'booking ref AB 12 34 56 C',
    'no tengo ni #12345',
    // A date after "birthday" or "born" that is no one's date of birth: a trip, a wish, a baby's news.
    `Booked this trip for my birthday 12/05/${THIS_YEAR} and the flight got cancelled`,
    `Happy birthday 2/3/${THIS_YEAR - 1}!`,
    `our son was born on 3 March ${THIS_YEAR - 1} and we need a bassinet seat`,
  ])('finds no identity number nor date of birth in %j', (text) => {
    expect(kinds(text).filter((k) => k === 'government_id' || k === 'birth_date')).toEqual([]);
  });

  it('calls a number in groups of 3, 2 and 4 an order\'s where a word says so, and a booking reference after "passport" a booking\'s', () => {
    expect(kinds('my order number is 123-45-6789')).toEqual(['order_number']);
    expect(kinds('refund case 123-45-6789')).toEqual(['order_number']);
    expect(kinds('passport booking ref XK7P2Q')).toEqual(['order_number']);
  });
});

describe('street addresses', () => {
  it.each([
    ['deliver to flat 3, 12 High Street, London SW1A 1AA please', 'flat 3, 12 High Street, London SW1A 1AA'],
    ['I live at 221B Baker St. and nothing came', '221B Baker St.'],
    ['parcel left at 1600 Pennsylvania Avenue NW, Washington, DC 20500', '1600 Pennsylvania Avenue NW, Washington, DC 20500'],
    ['send it to 42 st mary’s road', '42 st mary’s road'],
    ['Calle Mayor 12, Madrid', 'Calle Mayor 12'],
    ['Lieferung an Hauptstraße 5, 10115 Berlin', 'Hauptstraße 5, 10115'],
  ])('finds the address in %j', (text, value) => {
    expect(covered(text, 'address')).toEqual([value]);
  });

  it('masks house numbers, postcodes and names but keeps street types', () => {
    expect(read('flat 3, 12 High Street, London SW1A 1AA')[0]?.[2]).toBe('flat *, ** H*** Street, L***** **** ***');
  });

  it.each([
    'waited 2 hours on the road',
    '3 times on Main Street',
    'postcode SW1A 1AA',
    'zip 10115',
    '2 days in a row, drive safe',
  ])('finds nothing in %j', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('whole posts', () => {
  it('finds every kind in one post, in order of position', () => {
    const post =
      '@AcmeTelecom 3rd time asking!! Account no 99887766, order #ZX9981 never came to 7 Elm Road. Call 07700 900123 or mail sam@example.org. Card 4242 4242 4242 4242 charged twice, see https://acme.com/status/1790012345678901234';
    expect(kinds(post)).toEqual(['account_id', 'order_number', 'address', 'phone', 'email', 'card']);
    const papers = 'Passport no. X1234567 and DOB 12/05/1990 were on the form, refund to DE89 3704 0044 0532 0130 00 please';
    expect(kinds(papers)).toEqual(['government_id', 'birth_date', 'bank_account']);
  });

  it('finds nothing in ordinary complaints', () => {
    expect(findPrivateData('@AcmeAir flight AX123 delayed 3 hours on 13/05/2024, 2nd time this month. Paid $1,299.99 for this 😡 #acmefail')).toEqual([]);
    expect(findPrivateData('')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

const luhnCheckDigit = (body: string) => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
};
const word = fc.stringMatching(/^[a-z]{1,8}$/);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const postPiece = fc.oneof(
  word,
  digits(4),
  fc.constantFrom('@acme', '#fail', 'https://x.com/a/status/1790012345678901234', '+44', '(555)', '-', '.', ',', '$', '€', '%', ':', '/', '12/26', 'order #', 'ref', 'St', 'Road', '\n', '😡', '  '),
  fc.string({ maxLength: 6 }),
);

describe('properties', () => {
  it('never lets an address widened to its unit or postcode overlap another finding (cases fast-check found)', () => {
    const spans = (text: string) => findPrivateData(text).map((f) => [f.kind, f.start, f.end]);
    expect(spans('+44 b St 0000 j St')).toEqual([['address', 1, 13]]);
    expect(spans('0000 B Road 0000 0000 0000')).toEqual([['address', 0, 11], ['phone', 12, 26]]);
    expect(spans('Calle flat 2, Calle a 0000')).toEqual([['address', 0, 12]]);
  });

  it('never throws, and every finding lies inside the text, in order, without overlap', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200, unit: 'grapheme' }), fc.array(postPiece, { maxLength: 40 }).map((p) => p.join(' '))), (text) => {
        let last = 0;
        const bad = findPrivateData(text).filter((f) => {
          const ok = f.start >= last && f.end > f.start && f.end <= text.length && f.masked.length > 0;
          last = f.end;
          return !ok;
        });
        expect(bad).toEqual([]);
      }),
      { numRuns: 250 },
    );
  });

  it('finds any Luhn-valid card, however it is grouped, and never shows more than its last four digits', () => {
    fc.assert(
      fc.property(fc.constantFrom('4', '51', '52', '53', '54', '55', '6011'), digits(15), fc.constantFrom(' ', '-', ''), word, word, (prefix, rest, sep, before, after) => {
        const body = (prefix + rest).slice(0, 15);
        const card = body + luhnCheckDigit(body);
        const shown = card.match(/\d{4}/g)!.join(sep);
        const text = `${before} my card ${shown} was charged twice ${after}`;
        const found = findPrivateData(text).filter((f) => f.kind === 'card');
        expect(found.map((f) => text.slice(f.start, f.end))).toEqual([shown]);
        const maskedDigits = found[0]!.masked.replace(/\D/g, '');
        expect(maskedDigits).toBe(card.slice(-4));
        expect(found[0]!.masked).not.toContain(card);
      }),
      { numRuns: 300 },
    );
  });

  it('never shows the full digits of a phone or card it finds', () => {
    const phone = fc.oneof(
      digits(9).map((d) => `07${d}`),
      digits(9).map((d) => `+44 7${d}`),
      digits(7).map((d) => `(555) ${d.slice(0, 3)}-${d.slice(3)}`),
      digits(8).map((d) => `020 ${d.slice(0, 4)} ${d.slice(4)}`),
    );
    fc.assert(
      fc.property(fc.array(postPiece, { maxLength: 30 }), phone, (pieces, number) => {
        const text = `${pieces.join(' ')} call ${number}, thanks ${pieces.join(' ')}`;
        for (const f of findPrivateData(text)) {
          if (f.kind !== 'card' && f.kind !== 'phone') continue;
          const original = text.slice(f.start, f.end).replace(/\D/g, '');
          const shown = f.masked.replace(/\D/g, '');
          expect(shown.length).toBeLessThan(original.length);
          expect(f.masked).not.toContain(original);
        }
        expect(findPrivateData(text).some((f) => f.kind === 'phone' && text.slice(f.start, f.end) === number)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
