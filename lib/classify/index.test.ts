import { describe, expect, it } from 'vitest';
import { classify } from '.';

describe('classify', () => {
  it('reads a complaint with private data as urgent, and says it belongs in a DM', () => {
    const c = classify('Still waiting for my refund, 3rd time I ask 😡 booking ref XK7P2Q', { competitors: ['SkyJet'] });
    expect(c).toMatchObject({ sentiment: 'negative', language: 'en' });
    expect(c.intents).toEqual(expect.arrayContaining(['complaint', 'private_data']));
    expect(c.urgency).toBeGreaterThanOrEqual(2);
    expect(c.privateData.map((p) => p.kind)).toContain('order_number');
  });

  it('reads praise as praise, with no urgency', () => {
    expect(classify('Thanks @AcmeAir, the crew was amazing!')).toMatchObject({ sentiment: 'positive', intents: ['praise'], urgency: 0 });
  });

  it('marks churn toward a competitor', () => {
    expect(classify('Done with you, switching to SkyJet next month', { competitors: ['SkyJet'] }).intents).toContain('churn_risk');
  });

  it('is less sure outside English', () => {
    const fr = classify('Vol annulé sans explication, très déçu. Je ne prendrai plus jamais cette compagnie.');
    expect(fr.language).toBe('fr');
    expect(fr.confidence).toBeLessThanOrEqual(0.5);
  });
});
