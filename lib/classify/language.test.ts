import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('English', () => {
  it.each([
    'lost my bag again',
    'thanks!',
    'still waiting',
    'Thank you so much',
    'why',
    'STILL WAITING FOR MY REFUND',
    'I’m done with this',
    '@AcmeAir my flight AX123 was cancelled and no one is answering the phone',
    'Still waiting on my refund from @AcmeBank 😡 #fail https://acme.com/help?id=4',
    'Is it down?',
    'sooo slow today smh',
  ])('%j', (text) => {
    expect(detectLanguage(text)).toBe('en');
  });

  it('ignores brand-like words that happen to be words of another language', () => {
    expect(detectLanguage('Just flew La Compagnie to Paris, lovely crew')).toBe('en');
    expect(detectLanguage('Thanks to El Corte Inglés for the quick delivery')).toBe('en');
    expect(detectLanguage('Loving my new Casa Del Mar order, arrived today')).toBe('en');
    expect(detectLanguage('Thanks El Corte Inglés!')).toBe('en');
    expect(detectLanguage('Flying La Compagnie de la Mer again')).toBe('en');
  });
});

describe('other supported languages', () => {
  it.each([
    ['Sigo esperando mi reembolso, ¿alguien me puede ayudar?', 'es'],
    ['Hola @AcmeAir, mi vuelo fue cancelado', 'es'],
    ['Muchas gracias', 'es'],
    ['gracias', 'es'],
    ["J'attends toujours ma valise depuis trois jours", 'fr'],
    ['Merci beaucoup pour votre aide', 'fr'],
    ["Ce n'est pas normal", 'fr'],
    ['merci', 'fr'],
    ['Ich warte seit drei Wochen auf meine Bestellung', 'de'],
    ['Das ist nicht gut', 'de'],
    ['Vielen Dank!', 'de'],
    ['Ainda estou esperando o reembolso, não recebi nada', 'pt'],
    ['obrigado', 'pt'],
    ['Sto ancora aspettando il rimborso, nessuno risponde', 'it'],
    ['grazie mille', 'it'],
    ['Ik wacht nog steeds op mijn terugbetaling', 'nl'],
    ['De app werkt niet', 'nl'],
    ['bedankt', 'nl'],
  ])('%j → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('weighs letters only one language uses', () => {
    expect(detectLanguage('Straße gesperrt, Fußweg auch')).toBe('de');
    expect(detectLanguage('¡Qué desastre!')).toBe('es');
    expect(detectLanguage('Atendimento péssimo, não voltarei')).toBe('pt');
  });
});

describe('unknown', () => {
  it.each([
    '',
    '   ',
    '👍👍',
    '😡😡😡 🔥',
    '@AcmeAir',
    '@AcmeAir @SkyJet #fail #acme',
    'https://t.co/abc123',
    'AX123',
    '12:45 2024-05-13',
    'ok',
    'no',
    'Wow',
    'Hallo',
  ])('too little to go on: %j', (text) => {
    expect(detectLanguage(text)).toBe('unknown');
  });

  it.each([
    ['Japanese', '荷物がまだ届きません'],
    ['Arabic', 'لم تصل حقيبتي بعد'],
    ['Russian', 'Я всё ещё жду возврат денег'],
    ['Russian with a handle and a link', '@AcmeAir где мой багаж? https://acme.com'],
    ['Japanese with a few English words', '荷物がまだ届きません。空港で三時間待っています。my bag is lost'],
    ['Swedish', 'Jag väntar fortfarande på min väska'],
    ['Indonesian', 'Saya masih menunggu pengembalian dana'],
    ['Polish', 'Nie dostałem jeszcze zwrotu pieniędzy'],
    ['Turkish', 'Bu çok kötü bir hizmet, hâlâ bekliyorum'],
  ])('another language or script: %s', (_, text) => {
    expect(detectLanguage(text)).toBe('unknown');
  });
});

describe('properties', () => {
  const LANGS = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'unknown'];
  it('always answers one of the known codes, and never names a language for posts of only handles, tags, links and emoji', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        expect(LANGS).toContain(detectLanguage(text));
      }),
      { numRuns: 300 },
    );
    const noise = fc.oneof(
      fc.stringMatching(/^@[A-Za-z0-9_]{1,12}$/),
      fc.stringMatching(/^#[A-Za-z0-9_]{1,12}$/),
      fc.stringMatching(/^https:\/\/[a-z]{1,8}\.com\/[a-z0-9]{0,8}$/),
      fc.constantFrom('😡', '👍', '🙏', '🔥', '✈️', '❤️', '!!!', '...', '123', '2024-05-13'),
    );
    fc.assert(
      fc.property(fc.array(noise, { maxLength: 12 }), (pieces) => {
        expect(detectLanguage(pieces.join(' '))).toBe('unknown');
      }),
      { numRuns: 300 },
    );
  });
});
