import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrandListSchema, BrandsBodySchema, type BrandInput } from '../../lib/schemas';
import { createTestApp, type TestApp } from '../../test/server/helpers';
import { createTeam } from '../teams';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ACME: BrandInput = { name: 'Acme Air', aliases: ['AcmeAir'], handles: ['@AcmeAir'], hashtags: ['#acmefail'] };
const SKYJET: BrandInput = { name: 'SkyJet', competitor: true };

describe('GET and PUT /v1/brands', () => {
  it('starts empty', async () => {
    const res = await t.api(t.viewer.token)('GET', '/v1/brands');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ brands: [] });
  });

  it('lets an admin save the list, normalized, and every role read it back in order', async () => {
    const expected = BrandListSchema.parse([SKYJET, ACME]);
    const saved = await t.api(t.admin.token)('PUT', '/v1/brands', { brands: [SKYJET, ACME] });
    expect(saved.status).toBe(200);
    expect(BrandsBodySchema.parse(saved.json).brands).toEqual(expected);
    expect(saved.json.brands[1].handles).toEqual(['AcmeAir']);
    for (const token of [t.admin.token, t.agent.token, t.viewer.token]) {
      expect((await t.api(token)('GET', '/v1/brands')).json.brands).toEqual(expected);
    }
  });

  it('replaces the whole list', async () => {
    await t.api(t.admin.token)('PUT', '/v1/brands', { brands: [ACME, SKYJET] });
    await t.api(t.admin.token)('PUT', '/v1/brands', { brands: [SKYJET] });
    expect((await t.api(t.agent.token)('GET', '/v1/brands')).json.brands.map((b: { name: string }) => b.name)).toEqual(['SkyJet']);
    await t.api(t.admin.token)('PUT', '/v1/brands', { brands: [] });
    expect((await t.api(t.agent.token)('GET', '/v1/brands')).json.brands).toEqual([]);
  });

  it('is for admins only', async () => {
    for (const token of [t.agent.token, t.viewer.token]) {
      const res = await t.api(token)('PUT', '/v1/brands', { brands: [ACME] });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    }
    expect((await t.api(t.admin.token)('GET', '/v1/brands')).json.brands).toEqual([]);
  });

  it('names the offending field of a bad list', async () => {
    const api = t.api(t.admin.token);
    const empty = await api('PUT', '/v1/brands', { brands: [{ name: ' ' }] });
    expect(empty.status).toBe(400);
    expect(empty.json.error).toMatchObject({ code: 'invalid_body', field: 'brands.0.name' });
    expect(empty.json.error.message).toMatch(/^brands\.0\.name: /);
    expect(empty.json.error.issues[0].path).toBe('brands.0.name');

    const duplicate = await api('PUT', '/v1/brands', { brands: [ACME, { name: 'acme air' }] });
    expect(duplicate.status).toBe(400);
    expect(duplicate.json.error.field).toBe('brands.1.name');
    expect(duplicate.json.error.message).toContain('duplicate');
  });

  it('keeps each team to its own list', async () => {
    await t.api(t.admin.token)('PUT', '/v1/brands', { brands: [ACME] });
    const other = await createTeam(t.db, 'Other team');
    expect((await t.api(other.token)('GET', '/v1/brands')).json.brands).toEqual([]);
    await t.api(other.token)('PUT', '/v1/brands', { brands: [ACME, SKYJET] });
    expect((await t.api(t.admin.token)('GET', '/v1/brands')).json.brands).toHaveLength(1);
  });
});
