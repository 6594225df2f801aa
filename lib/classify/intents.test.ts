import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectIntents, type Intent } from './intents';
import { findPrivateData } from './pii';

const COMPETITORS = ['SkyJet', 'Globex Mobile'];
const intents = (text: string, score: number, competitors: string[] = COMPETITORS) => detectIntents({ text, score, competitors });
const has = (text: string, score: number, intent: Intent) => intents(text, score).includes(intent);

describe('complaint', () => {
  it.each([
    ['@AcmeAir still waiting for my refund, 3 weeks now', -0.8],
    ['@AcmeShop my package never arrived', -0.6],
    ['@AcmeBroadband internet not working since Monday', -0.7],
    ['@AcmeBank charged twice for the same coffee', -0.5],
    ['Flight cancelled at the gate, no explanation @AcmeAir', -0.7],
    ['@AcmeAir lost my bag again', -0.9],
    ['The staff at the Leeds store were so rude', -0.8],
    ['3rd time I ask for an update @AcmeTelecom', -0.6],
    ['Sent 5 DMs, no reply', -0.5],
    ['Screen arrived broken @AcmeShop', -0.6],
    ['When I landed my bag was gone', -0.7],
    ['Not impressed @AcmeAir', -0.6],
  ])('a negative post with complaint cues: %j', (text, score) => {
    expect(has(text, score, 'complaint')).toBe(true);
  });

  it('needs a negative score for weak cues, but not for strong ones', () => {
    // "refund" in a neutral question is not a complaint; in an angry post it is.
    expect(has('What is your refund policy for upgrades?', 0.1, 'complaint')).toBe(false);
    expect(has('Where is my refund', -0.6, 'complaint')).toBe(true);
    // Strong cues stand alone, whatever the model says.
    expect(has('Worst customer service ever @AcmeTelecom', 0.2, 'complaint')).toBe(true);
    expect(has('3 hours at the gate #acmefail', 0, 'complaint')).toBe(true);
    expect(has('#NeverFlyingAcmeAgain', 0, 'complaint')).toBe(true);
    expect(has('Would not recommend @AcmeBank', 0, 'complaint')).toBe(true);
  });

  it('reads sarcasm as a complaint, not praise', () => {
    for (const [text, score] of [
      ['Thanks for nothing @AcmeAir', 0.3],
      ['Great, another delay. Love it @AcmeAir', 0.4],
      ['Great job losing my bag @AcmeAir', 0.2],
      ['Love how my flight got cancelled again', 0.1],
      ['cheers for nothing', 0.1],
    ] as const) {
      expect(intents(text, score)).toContain('complaint');
      expect(intents(text, score)).not.toContain('praise');
    }
  });

  it('is flipped by negation', () => {
    expect(has('No complaints, smooth flight as always', -0.3, 'complaint')).toBe(false);
    expect(has('Never had a problem with @AcmeBank in 10 years', -0.3, 'complaint')).toBe(false);
    expect(has('I have a problem with my bill', -0.3, 'complaint')).toBe(true);
  });

  it('reads elongation, capitals and curly apostrophes', () => {
    expect(has('Sooo disappointed, stilllll waiting', -0.5, 'complaint')).toBe(true);
    expect(has('STILL WAITING FOR MY REFUND', -0.5, 'complaint')).toBe(true);
    expect(has('My order hasn’t arrived', -0.5, 'complaint')).toBe(true);
    // Only the squashed words carry the cue here.
    expect(has('The worrrrst serviceeee', 0.1, 'complaint')).toBe(true);
    expect(has('stilllll waiting', -0.5, 'complaint')).toBe(true);
    expect(has('pleeeease heeelp', 0, 'question')).toBe(true);
  });

  it('leaves praise and plain chatter alone', () => {
    expect(has('Just landed in Lisbon, lovely crew @AcmeAir', 0.8, 'complaint')).toBe(false);
    expect(has('Watching the match on @AcmeTV tonight', 0.1, 'complaint')).toBe(false);
  });
});

describe('question', () => {
  it.each([
    'What time does boarding start for AX123?',
    '@AcmeAir where is my bag',
    'how do I change my seat',
    'Why was I charged a fee',
    'When will my refund arrive',
    'Can you check my booking please',
    'Does the pro plan include roaming',
    'Is there wifi on the Lisbon flight',
    'are you open on Sundays',
    'Which plan has the most data',
    'Anyone know if the lounge at T5 is open?',
    'Any idea when the app will be back up',
    'please help, my card is blocked',
    'Help me get my money back',
    'need help with my account',
    'can someone from @AcmeBank call me',
    'DM me please',
    'HELP ME PLEASE',
    "where's my parcel @AcmeShop",
  ])('%j', (text) => {
    expect(has(text, -0.1, 'question')).toBe(true);
  });

  it.each([
    'Do not fly with them',
    'Will never fly with @AcmeAir again',
    'What a day! Thanks @AcmeAir',
    'How rude was that gate agent',
    'When I landed my bag was gone',
    'Are the worst airline ever',
    'Have a great flight everyone!',
    'seriously?',
    'Is this a joke?',
    'Which is why I never fly with them',
    'Nobody would help me at the desk',
    'I don’t need help, just a refund',
    'check out https://acme.com/deals?ref=home',
  ])('not a question: %j', (text) => {
    expect(has(text, -0.5, 'question')).toBe(false);
  });
});

describe('praise', () => {
  it.each([
    ['Thank you @AcmeAir for rebooking me so quickly', 0.8],
    ['Kudos to the crew on AX123 today', 0.7],
    ['Shoutout to Maria at the @AcmeBank branch 🙌', 0.8],
    ['I love my new @AcmePhone', 0.9],
    ['Amazing service from @AcmeShop as usual', 0.9],
    ['Great job on the new app @AcmeBank', 0.7],
    ['Well done @AcmeTelecom, fixed in 10 minutes', 0.6],
    ['Thanks!', 0.6],
    ['No complaints, smooth flight as always', 0.5],
    ["Can't thank you enough for the help today", 0.3],
    ['Sooo happy with my upgrade 😍', 0.8],
  ])('%j', (text, score) => {
    expect(has(text, score, 'praise')).toBe(true);
  });

  it('needs a non-negative score, except for heartfelt thanks for a fix', () => {
    expect(has('Amazing, I love waiting in line', -0.7, 'praise')).toBe(false);
    expect(has('I love @AcmeAir', -0.2, 'praise')).toBe(false);
    expect(has('Thanks for sorting my lost bag so fast!', -0.55, 'praise')).toBe(true);
    expect(has('Thanks for sorting my lost bag so fast!', -0.55, 'complaint')).toBe(false);
    expect(has('Thanks for the reply but my bag is still missing', -0.5, 'praise')).toBe(false);
  });

  it('does not count courtesy thanks on a request, a refusal, or a negated compliment', () => {
    expect(has('Can you move me to an aisle seat? Thanks', 0.6, 'praise')).toBe(false);
    expect(has('Thanks in advance!', 0.6, 'praise')).toBe(false);
    expect(has('No thanks', 0.1, 'praise')).toBe(false);
    expect(has('The new app is not great', 0.0, 'praise')).toBe(false);
    expect(has('Would love to know where my refund is', 0.1, 'praise')).toBe(false);
    expect(has('It would be amazing if you added Apple Pay', 0.7, 'praise')).toBe(false);
  });
});

describe('purchase interest', () => {
  it.each([
    'Thinking of getting the Acme X2, any good?',
    'Looking for a phone with a good camera',
    'Which plan should I get for 2 lines?',
    'How much is the unlimited plan',
    'What is the price of an extra bag on AX123',
    'Is the premium card worth it?',
    'Where can I buy the new Acme X2',
    'Can anyone recommend a good laptop under 800',
    'Considering upgrading to business class',
    'I want to upgrade my broadband',
    'Thinking of switching to @AcmeMobile, worth it?',
    'Switching from Globex Mobile to you guys next week',
  ])('%j', (text) => {
    expect(has(text, 0.1, 'purchase_interest')).toBe(true);
  });

  it.each([
    ['Looking for a refund, not another voucher', -0.5],
    ['Considering the delay, I expected better', -0.6],
    ['I would recommend @AcmeBank to anyone', 0.8],
    ['Switching to SkyJet', -0.5],
    ['Thinking of switching to SkyJet after this', -0.3],
  ] as const)('not purchase interest: %j', (text, score) => {
    expect(has(text, score, 'purchase_interest')).toBe(false);
  });
});

describe('product feedback', () => {
  it.each([
    ['The app keeps crashing when I open my statements', -0.6],
    ['Found a bug: the checkout button does nothing', -0.3],
    ['Your website doesn’t load on Safari', -0.5],
    ['App freezes on the boarding pass screen', -0.5],
    ['Getting error code 504 when I try to pay', -0.4],
    ['Would be nice if the app had dark mode', 0.4],
    ['Please add Apple Pay', 0.1],
    ['I wish the app had a widget', 0.2],
    ['You should add a way to split bills', 0.2],
    ['Feature request: export to CSV', 0.1],
    ['The new UI is so confusing', -0.1],
    ['Since the update I get logged out every day', -0.4],
  ] as const)('%j', (text, score) => {
    expect(has(text, score, 'product_feedback')).toBe(true);
  });

  it.each([
    ['The app never crashes, love it', 0.8],
    ['No bugs so far with the new version', 0.5],
    ['Freezing on this plane, blankets please?', -0.3],
    ['Error on my bill, charged twice', -0.7],
    ['Love the new design!', 0.9],
  ] as const)('not product feedback: %j', (text, score) => {
    expect(has(text, score, 'product_feedback')).toBe(false);
  });
});

describe('churn risk', () => {
  it.each([
    ['How do I cancel my subscription', -0.3],
    ['Cancelling my account today @AcmeBank', -0.7],
    ['I want to close my account', -0.5],
    ['Switching to SkyJet, done with this', -0.8],
    ['Moving to Globex Mobile next month', -0.3],
    ['Never again @AcmeAir', -0.8],
    ['Will never fly with @AcmeAir again', -0.7],
    ['#NeverAcmeAgain', -0.5],
    ['#BoycottAcme', -0.5],
    ['Done with you @AcmeTelecom', -0.8],
    ['Leaving you for a bank that answers the phone', -0.6],
    ['Last time I fly with @AcmeAir', -0.8],
    ['How do I unsubscribe', -0.2],
    ['Thinking of switching to another bank', -0.4],
    ['I’m sooo done with @AcmeTelecom', -0.9],
  ] as const)('%j', (text, score) => {
    expect(has(text, score, 'churn_risk')).toBe(true);
  });

  it.each([
    ['Not cancelling, just asking about the new plan', 0.1],
    ['Not switching to SkyJet, don’t worry', 0.2],
    ["I'd never leave you @AcmeBank", 0.8],
    ['How do I cancel my booking?', -0.1],
    ['Leaving for the airport now', 0.3],
    ['Moving to London next month, can I keep my number?', 0.1],
    ['Done with my shopping, thanks @AcmeMart', 0.6],
    ['Unsubscribe me from your marketing emails', -0.2],
    ['Last time I flew with you it was great', 0.6],
    ['Switched to you from SkyJet, best decision ever', 0.8],
  ] as const)('not churn risk: %j', (text, score) => {
    expect(has(text, score, 'churn_risk')).toBe(false);
  });

  it('tells a competitor from an unnamed brand after "thinking of switching to"', () => {
    expect(intents('Thinking of switching to Orbit Mobile', 0.1)).toEqual(['purchase_interest']);
    expect(intents('Thinking of switching to Orbit Mobile', 0.1, ['Orbit Mobile'])).toEqual(['churn_risk']);
    expect(intents('Thinking of switching to @orbitmobile', 0.1, ['Orbit Mobile'])).toEqual(['churn_risk']);
  });
});

describe('private data', () => {
  it('is flagged when the post holds private data', () => {
    expect(has('@AcmeAir booking ref XK7P2Q please rebook me', -0.2, 'private_data')).toBe(true);
    expect(has('call me on 07700 900123', 0, 'private_data')).toBe(true);
    expect(has('flight AX123 delayed 2 hours', -0.6, 'private_data')).toBe(false);
  });
});

describe('several at once', () => {
  it('reads a complaint that asks, and threatens to leave for a competitor', () => {
    expect(intents('My flight got cancelled and nobody is answering. Thinking of switching to SkyJet. Can anyone help?', -0.9)).toEqual([
      'complaint',
      'question',
      'churn_risk',
    ]);
  });

  it('reads a complaint with a bug, a question and private data, in the order of the union', () => {
    expect(intents('@AcmeBank app keeps crashing and I was charged twice. Why?? Account no 12345678', -0.8)).toEqual([
      'complaint',
      'question',
      'product_feedback',
      'private_data',
    ]);
  });

  it('reads praise with a feature request', () => {
    expect(intents('Love the new app! Would be nice if it had dark mode though', 0.6)).toEqual(['praise', 'product_feedback']);
  });

  it('reads nothing in empty or neutral posts', () => {
    expect(intents('', 0)).toEqual([]);
    expect(intents('   ', 0)).toEqual([]);
    expect(intents('Just landed in Lisbon', 0.3)).toEqual([]);
  });
});

describe('properties', () => {
  const ORDER: Intent[] = ['complaint', 'question', 'praise', 'purchase_interest', 'product_feedback', 'churn_risk', 'private_data'];
  const piece = fc.oneof(
    fc.stringMatching(/^[a-z]{1,8}$/),
    fc.constantFrom('not', 'never', 'thanks', 'refund', 'worst', '?', '!', 'switching to', 'SkyJet', 'cancel my subscription', 'sooo', '’', '#fail', '07700 900123', 'bug'),
    fc.string({ maxLength: 5 }),
  );

  it('never throws, returns known intents once each in union order, and flags private data exactly when there is some', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }).map((p) => p.join(' ')), fc.double({ min: -1, max: 1, noNaN: true }), (text, score) => {
        const got = detectIntents({ text, score, competitors: COMPETITORS });
        const positions = got.map((i) => ORDER.indexOf(i));
        expect(positions.every((p) => p >= 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        expect(new Set(got).size).toBe(got.length);
        expect(got.includes('private_data')).toBe(findPrivateData(text).length > 0);
        expect(got.includes('praise') && got.includes('complaint') && /thanks? for nothing/i.test(text)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
