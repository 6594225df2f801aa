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

  it('reads words written in styled letters as plain ones', () => {
    const plain = classify('Terrible service, never flying with you again. Call me at 415 555 0134');
    const styled = classify('𝐓𝐞𝐫𝐫𝐢𝐛𝐥𝐞 𝐬𝐞𝐫𝐯𝐢𝐜𝐞, 𝘯𝘦𝘷𝘦𝘳 𝘧𝘭𝘺𝘪𝘯𝘨 𝘸𝘪𝘵𝘩 𝘺𝘰𝘶 𝘢𝘨𝘢𝘪𝘯. Call me at 𝟒𝟏𝟓 𝟓𝟓𝟓 𝟎𝟏𝟑𝟒');
    expect(plain.sentiment).toBe('negative');
    expect({ ...styled, privateData: styled.privateData.map((p) => p.kind) }).toEqual({ ...plain, privateData: plain.privateData.map((p) => p.kind) });
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
