import type { Kysely } from 'kysely';
import { BrandSchema, type Brand } from '../../lib/schemas';
import type { Database } from './schema';

/** The team's brands in the order they were saved. */
export async function listBrands(db: Kysely<Database>, teamId: string): Promise<Brand[]> {
  const rows = await db.selectFrom('brands').select('data').where('team_id', '=', teamId).orderBy('position').execute();
  // Parsing fills defaults for fields added after a brand was saved.
  return rows.map((r) => BrandSchema.parse(r.data));
}

/** Replaces the team's whole list. */
export async function replaceBrands(db: Kysely<Database>, teamId: string, brands: Brand[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Two admins saving at once take turns instead of colliding on the key.
    await trx.selectFrom('teams').select('id').where('id', '=', teamId).forUpdate().execute();
    await trx.deleteFrom('brands').where('team_id', '=', teamId).execute();
    if (brands.length === 0) return;
    await trx
      .insertInto('brands')
      .values(brands.map((brand, position) => ({ team_id: teamId, position, name: brand.name, data: JSON.stringify(brand) })))
      .execute();
  });
}
