#!/usr/bin/env node
// Summarise a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by file, top N.
// Usage: node bench/profile-summary.mjs FILE.cpuprofile [N]
import { readFileSync } from 'node:fs';

const [file, nText] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/profile-summary.mjs FILE.cpuprofile [N]\n');
  process.exit(2);
}
const n = Number(nText ?? 25);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((node) => [node.id, node]));
const self = new Map();
// Sample intervals: timeDeltas[i] is the time before sample i.
for (let i = 0; i < prof.samples.length; i++) {
  const id = prof.samples[i];
  self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
}
const byFn = new Map();
const byFile = new Map();
let total = 0;
for (const [id, us] of self) {
  const { callFrame } = byId.get(id);
  const where = callFrame.url ? callFrame.url.replace(/^file:\/\//, '').replace(/.*\/(node_modules|packages|bench)\//, '$1/') : '(native)';
  const fn = `${callFrame.functionName || '(anonymous)'}  ${where}:${callFrame.lineNumber + 1}`;
  byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  byFile.set(where, (byFile.get(where) ?? 0) + us);
  total += us;
}
const show = (title, map) => {
  process.stdout.write(`\n${title} (total ${(total / 1000).toFixed(1)} ms)\n`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    process.stdout.write(`${(us / 1000).toFixed(2).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}\n`);
  }
};
show('self time by function', byFn);
show('self time by file', byFile);
