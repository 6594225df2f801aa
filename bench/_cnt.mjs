// Profile sample counts for extension frames, mapped through the source map: self and total by function.
import { readFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';
const [profPath, mapPath] = process.argv.slice(2);
const prof = JSON.parse(readFileSync(profPath, 'utf8'));
const smc = new SourceMapConsumer(JSON.parse(readFileSync(mapPath, 'utf8')));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const isExt = (n) => n.callFrame.url.startsWith('chrome-extension://');
const name = (n) => {
  const cf = n.callFrame;
  if (!isExt(n)) return `[${cf.functionName || '(anon)'}]`;
  const p = smc.originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber });
  return `${p.name ?? cf.functionName ?? '?'} ${(p.source ?? '').replace(/.*\/(lib|entrypoints|node_modules)\//, '$1/')}:${p.line}`;
};
const self = new Map(), total = new Map();
let extSamples = 0;
for (const s of prof.samples) {
  let id = s; const stack = [];
  while (id !== undefined) { stack.push(byId.get(id)); id = parent.get(id); }
  if (!stack.some(isExt)) continue;
  extSamples++;
  // self: the top frame (native frames above ext code are charged by name in brackets)
  const top = stack[0];
  const k = name(top); self.set(k, (self.get(k) ?? 0) + 1);
  const seen = new Set();
  for (const f of stack) { if (!isExt(f)) continue; const k2 = name(f); if (seen.has(k2)) continue; seen.add(k2); total.set(k2, (total.get(k2) ?? 0) + 1); }
}
const show = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${String(v).padStart(5)} ${(100 * v / extSamples).toFixed(1).padStart(5)}%  ${k}`).join('\n');
console.log(`extension samples: ${extSamples}\n-- self --\n${show(self, 40)}\n-- total --\n${show(total, 45)}`);
