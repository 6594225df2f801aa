/**
 * `npm run --silent classify < posts.jsonl > out.jsonl`: one JSON object per line in,
 * {"id","text"}; one per line out, in the same order, with sentiment, score, intents and urgency.
 * A line that cannot be read gets an "error" field instead; the command never stops on one.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod/mini';
import { classify } from '../lib/classify';
import '../lib/schemas/english';

const LineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  authorFollowers: z.optional(z.int().check(z.nonnegative())),
  competitors: z.optional(z.array(z.string())),
});

export function classifyLine(line: string): string {
  if (line.trim() === '') return JSON.stringify({ id: null, error: 'empty line' });
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return JSON.stringify({ id: null, error: 'not valid JSON' });
  }
  const parsed = LineSchema.safeParse(json);
  if (!parsed.success) {
    const id = typeof json === 'object' && json !== null && 'id' in json ? (json as { id: unknown }).id : null;
    const issue = parsed.error.issues[0]!;
    return JSON.stringify({ id, error: `${issue.path.join('.') || 'line'}: ${issue.message}` });
  }
  const { id, text, ...context } = parsed.data;
  const c = classify(text, context);
  return JSON.stringify({
    id,
    sentiment: c.sentiment,
    score: c.score,
    confidence: c.confidence,
    intents: c.intents,
    urgency: c.urgency,
    language: c.language,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    process.stdout.write(classifyLine(line) + '\n');
  }
}
