export interface BenchRow {
  name: string;
  perSecond: number;
  ms: number;
  /** Speed relative to the baseline row of the same run. */
  ratio?: number;
  note?: string;
}

/** Runs `fn` once to warm up, then `rounds` times; reports the median round. */
export function measure(name: string, items: number, fn: () => void, rounds = 5): BenchRow {
  fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)]!;
  return { name, ms, perSecond: (items / ms) * 1000 };
}

export function table(title: string, rows: BenchRow[]): string {
  const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));
  const lines = [`### ${title}`, '', '| | items/s | median ms | ratio to baseline | note |', '| --- | ---: | ---: | ---: | --- |'];
  for (const r of rows) lines.push(`| ${r.name} | ${fmt(r.perSecond)} | ${r.ms.toFixed(1)} | ${r.ratio === undefined ? '1 (baseline)' : r.ratio.toFixed(1) + '×'} | ${r.note ?? ''} |`);
  return lines.join('\n');
}
