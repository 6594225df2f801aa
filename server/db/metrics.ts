import { sql, type Kysely } from 'kysely';
import { OUTCOMES, OutcomeSchema, type MetricsSummary, type Outcome } from '../../lib/schemas';
import type { Database } from './schema';

/** The team's totals: outcomes, first-response resolution, median minutes from post to reply. */
export async function metricsSummary(db: Kysely<Database>, teamId: string): Promise<MetricsSummary> {
  const [outcomes, timing] = await Promise.all([
    db
      .selectFrom('interactions')
      .select(['outcome', sql<number>`count(*)::int`.as('count')])
      .where('team_id', '=', teamId)
      .groupBy('outcome')
      .execute(),
    db
      .selectFrom('interactions')
      .select(
        // A reply timestamped before the post (clocks differ) counts as immediate.
        sql<number | null>`percentile_cont(0.5) within group (order by greatest(0, extract(epoch from (replied_at - posted_at)) / 60)::float8)`.as(
          'median',
        ),
      )
      .where('team_id', '=', teamId)
      .where('posted_at', 'is not', null)
      .executeTakeFirstOrThrow(),
  ]);

  const byOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const row of outcomes) byOutcome[OutcomeSchema.parse(row.outcome)] += row.count;
  const interactions = Object.values(byOutcome).reduce((a, b) => a + b, 0);
  const resolvedFirstResponse = byOutcome.resolved_first_response;
  const median = timing.median === null ? null : Number(timing.median);

  return {
    interactions,
    resolvedFirstResponse,
    firstResponseResolutionRate: interactions === 0 ? null : resolvedFirstResponse / interactions,
    medianResponseMinutes: median === null ? null : Math.round(median * 100) / 100,
    byOutcome,
  };
}
