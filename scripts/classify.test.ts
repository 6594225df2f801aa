import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { classifyLine } from './classify';

describe('classify command', () => {
  it('answers every line in order, with an error for bad lines', () => {
    const input = ['{"id":1,"text":"my bag is lost, still waiting 😡"}', 'not json', '{"id":2}', '', '{"id":"b","text":"love the new app!"}'].join('\n');
    const run = spawnSync('node_modules/.bin/tsx', ['scripts/classify.ts'], { input, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const out = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual([1, null, 2, null, 'b']);
    expect(out[0]).toMatchObject({ sentiment: 'negative', intents: expect.arrayContaining(['complaint']) });
    expect(out[0].urgency).toBeGreaterThanOrEqual(1);
    expect(out[1].error).toMatch(/JSON/);
    expect(out[2].error).toMatch(/^text/);
    expect(out[3].error).toMatch(/empty/);
    expect(out[4]).toMatchObject({ sentiment: 'positive', score: expect.any(Number) });
  }, 30_000);

  it('keeps the id of a line it cannot classify', () => {
    expect(JSON.parse(classifyLine('{"id":7,"text":42}'))).toMatchObject({ id: 7, error: expect.stringMatching(/^text/) });
  });
});
