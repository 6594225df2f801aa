import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Intent } from './intents';
import { urgencyOf } from './urgency';

const of = (text: string, score: number, intents: Intent[] = [], extra: { authorFollowers?: number; echoes?: number } = {}) =>
  urgencyOf({ text, score, intents, ...extra });

describe('none and low', () => {
  it('gives praise and neutral chatter no urgency', () => {
    expect(of('Thank you @AcmeAir, lovely crew today', 0.9, ['praise'])).toEqual({ level: 0, reasons: [] });
    expect(of('Watching the match on @AcmeTV', 0.1)).toEqual({ level: 0, reasons: [] });
  });

  it('gives a question or mild negativity low urgency', () => {
    expect(of('What time does boarding start?', 0, ['question'])).toEqual({ level: 1, reasons: ['question'] });
    expect(of('meh, the new menu is a bit bland', -0.3)).toEqual({ level: 1, reasons: ['negative tone'] });
    expect(of('Is the pro plan worth it?', 0.1, ['question', 'purchase_interest'])).toEqual({ level: 1, reasons: ['question', 'purchase interest'] });
  });
});

describe('high', () => {
  it('rates complaints, churn risk and strong negativity high', () => {
    expect(of('Still waiting for my refund', -0.5, ['complaint'])).toEqual({ level: 2, reasons: ['complaint', 'negative tone'] });
    expect(of('How do I cancel my subscription', -0.1, ['question', 'churn_risk'])).toEqual({ level: 2, reasons: ['churn risk', 'question'] });
    expect(of('ugh', -0.8)).toEqual({ level: 2, reasons: ['strong negativity'] });
  });

  it('raises a post that needs an answer when a big account posts it or others echo it', () => {
    expect(of('Does the lounge open at 5?', 0, ['question'], { authorFollowers: 25_000 })).toEqual({
      level: 2,
      reasons: ['large audience (25k followers)', 'question'],
    });
    expect(of('Is the app down?', -0.1, ['question'], { echoes: 4 })).toEqual({ level: 2, reasons: ['4 others report this', 'question'] });
  });

  it('does not raise praise or chatter for audience or echoes', () => {
    expect(of('Great flight, thanks!', 0.9, ['praise'], { authorFollowers: 2_000_000, echoes: 9 })).toEqual({ level: 0, reasons: [] });
  });

  it('keeps small audiences and a single echo from raising the level', () => {
    expect(of('When does the sale start?', 0, ['question'], { authorFollowers: 9_999 }).level).toBe(1);
    expect(of('When does the sale start?', 0, ['question'], { echoes: 1 })).toEqual({ level: 1, reasons: ['1 other reports this', 'question'] });
  });
});

describe('critical', () => {
  it.each([
    ['Passenger injured by a falling bag on AX123', 'safety'],
    ['Smoke in the cabin and nobody is telling us anything', 'safety'],
    ['Stuck on the tarmac for 3 hours with no water', 'safety'],
    ['Stranded in Lisbon with two kids', 'safety'],
    ['My charger caught fire in the hotel room', 'safety'],
    ['Medical emergency on board, crew took 20 minutes', 'safety'],
    ['Talking to my lawyer about this', 'legal threat'],
    ['I will sue you for every penny', 'legal threat'],
    ['See you in small claims court', 'legal threat'],
    ['There is a fraudulent charge on my account', 'security or fraud'],
    ['My account was hacked and you did nothing', 'security or fraud'],
    ['Card stolen and 3 unauthorised transactions', 'security or fraud'],
    ['This is a scam', 'security or fraud'],
    ['Was there a data breach? Got a phishing email', 'security or fraud'],
    ['@AcmeBank app is down again', 'outage'],
    ['Major outage in Leeds', 'outage'],
    ['Login not working for everyone in my office', 'outage'],
    ['Anyone else having issues with @AcmeTelecom?', 'outage'],
    ['I was refused boarding and it felt like discrimination', 'discrimination'],
    ['Your staff were openly racist', 'discrimination'],
  ])('%j → %s', (text, reason) => {
    const u = of(text, -0.6, ['complaint']);
    expect(u.level).toBe(3);
    expect(u.reasons[0]).toBe(reason);
  });

  it('reads a complaint from a very large account, or echoed by five others, as critical', () => {
    expect(of('Lost my bag again', -0.8, ['complaint'], { authorFollowers: 120_000 })).toEqual({
      level: 3,
      reasons: ['large audience (120k followers)', 'complaint', 'strong negativity'],
    });
    expect(of('Lost my bag again', -0.8, ['complaint'], { authorFollowers: 1_500_000 }).reasons[0]).toBe('large audience (1.5M followers)');
    expect(of('Lost my bag again', -0.8, ['complaint'], { echoes: 5 })).toEqual({
      level: 3,
      reasons: ['5 others report this', 'complaint', 'strong negativity'],
    });
    // A question from a very large account, or echoed, is high, not critical.
    expect(of('When do gates open?', 0, ['question'], { authorFollowers: 500_000, echoes: 7 }).level).toBe(2);
    expect(of('Lost my bag again', -0.8, ['complaint'], { echoes: 4, authorFollowers: 99_999 }).level).toBe(2);
  });

  it('ignores negated and figurative uses', () => {
    expect(of('Not hacked, just forgot my password lol', -0.1).level).toBeLessThan(3);
    expect(of('Nobody was injured, thankfully', 0.2).level).toBeLessThan(3);
    expect(of('Sue at the desk was brilliant', 0.9, ['praise']).level).toBe(0);
    expect(of('I talked to Sue at check-in about my seat', 0).level).toBe(0);
    expect(of('Prices are down 20% this week', 0.3).level).toBe(0);
    expect(of('Great news for everyone, the food court is open', 0.8, ['praise']).level).toBe(0);
    expect(of('Book an emergency exit row seat?', 0, ['question']).level).toBe(1);
  });

  it('marks a safety story told as praise high, not critical', () => {
    expect(of('Shoutout to the crew who handled the medical emergency so calmly', 0.9, ['praise'])).toEqual({ level: 2, reasons: ['safety'] });
  });

  it('lists every critical reason, most serious first', () => {
    expect(of('App is down and my account was hacked, calling my lawyer', -0.9, ['complaint']).reasons.slice(0, 3)).toEqual([
      'security or fraud',
      'outage',
      'legal threat',
    ]);
  });
});

describe('properties', () => {
  const INTENTS: Intent[] = ['complaint', 'question', 'praise', 'purchase_interest', 'product_feedback', 'churn_risk', 'private_data'];
  it('always returns a level from 0 to 3, with reasons exactly when above 0, and never lowers with more followers or echoes', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.subarray(INTENTS),
        fc.nat(3_000_000),
        fc.nat(20),
        (text, score, intents, followers, echoes) => {
          const base = urgencyOf({ text, score, intents });
          const more = urgencyOf({ text, score, intents, authorFollowers: followers, echoes });
          for (const u of [base, more]) {
            expect([0, 1, 2, 3]).toContain(u.level);
            expect(u.reasons.length > 0).toBe(u.level > 0);
          }
          expect(more.level).toBeGreaterThanOrEqual(base.level);
        },
      ),
      { numRuns: 300 },
    );
  });
});
