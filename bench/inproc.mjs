#!/usr/bin/env node
/**
 * In-process timings, one mode per child process (a fresh heap for each case), printed as one JSON object.
 * Loads bench/out/core.mjs, the core bundled with the CLI's esbuild settings (run.mjs builds it).
 *
 *   lint FILE ITER WARMUP     read + decode + parse + resolve + lint (no host rules), like `lxclint check FILE`
 *                             (read with the CLI's own loadConfigFile);
 *                             also parse alone (scanner + chevrotain parser), the garbage collections during the
 *                             timed runs, and the bytes one run allocates
 *   engine FILE ITER WARMUP   the rule engine on a resolved config: every rule (host rules too, against synthetic
 *                             host facts) vs no rule, and each rule alone
 *   fmt FILE ITER WARMUP      parse + formatDocument
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';

const core = await import(new URL('./out/core.mjs', import.meta.url).href);
const [mode, file, iterText = '20', warmupText = '5'] = process.argv.slice(2);
const iter = Number(iterText);
const warmup = Number(warmupText);
const path = resolve(file);

/** The time of the first run of the last measure() (a fresh process: V8 has optimised nothing yet). */
let firstNs = 0;
/** [start, end] of each timed run of the last measure(), on the performance timeline (ms), to place GC events. */
let spans = [];

/** Runs fn warmup times untimed (the first is timed apart), then iter times timed; returns nanoseconds per timed run. */
function measure(fn) {
  const f0 = process.hrtime.bigint();
  fn();
  firstNs = Number(process.hrtime.bigint() - f0);
  for (let i = 1; i < warmup; i++) fn();
  const ns = [];
  spans = [];
  for (let i = 0; i < iter; i++) {
    const p0 = performance.now();
    const t0 = process.hrtime.bigint();
    fn();
    ns.push(Number(process.hrtime.bigint() - t0));
    spans.push([p0, performance.now()]);
  }
  return ns;
}

/**
 * measure(fn) with V8's garbage collections recorded: how many timed runs had one inside, and the GC time per run.
 * The timings are bimodal when a young-generation collection lands inside a run (it then copies everything the run
 * holds), so the table shows this next to the median. GC entries arrive after the loop (the observer is async).
 */
async function measureWithGc(fn) {
  const events = [];
  const observer = new PerformanceObserver((list) => events.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const ns = measure(fn);
  await new Promise((r) => setTimeout(r, 10));
  observer.disconnect();
  const runs = spans.map(() => 0);
  let inRuns = 0;
  let count = 0;
  for (const e of events) {
    const i = spans.findIndex(([a, b]) => e.startTime >= a && e.startTime < b);
    if (i >= 0) {
      runs[i] += e.duration;
      inRuns += e.duration;
      count++;
    }
  }
  return { ns, gc: { collections: count, runsWithGc: runs.filter((x) => x > 0).length, msPerRun: inRuns / spans.length, perRunMs: runs } };
}

/**
 * Bytes fn allocates per run, collected or not: V8's sampling heap profiler (one sample per 128 bytes on average)
 * over `runs` runs, with the objects the collector freed counted too.
 */
async function allocatedPerRun(fn, runs = 10) {
  // A Node built without the inspector has no sampling profiler: no figure then.
  const { Session } = await import('node:inspector/promises').catch(() => ({}));
  if (Session === undefined) return undefined;
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 128, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true,
  });
  for (let i = 0; i < runs; i++) fn();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  let bytes = 0;
  const walk = (node) => {
    bytes += node.selfSize;
    node.children.forEach(walk);
  };
  walk(profile.head);
  return bytes / runs;
}

/** Host facts under which every host rule runs: the bridges the generated configs name exist. */
const HOST = {
  version: 1,
  links: [
    ...[0, 1, 2, 3].map((i) => ({ name: `lxcbr${i}`, kind: 'bridge', mtu: 1500, up: true, operstate: 'up' })),
    { name: 'eth0', kind: 'physical', mtu: 1500, up: true, operstate: 'up' },
  ],
};

const out = { mode, file: path };
if (mode === 'lint') {
  const fs = new core.NodeFileSystem();
  let diagnostics = 0;
  const lint = () => {
    const doc = core.loadConfigFile(path).doc;
    diagnostics = core.lintDocument(doc, fs, {}).diagnostics.length;
  };
  const timed = await measureWithGc(lint);
  out.total = timed.ns;
  out.gc = timed.gc;
  out.first = firstNs;
  const text = readFileSync(path, 'utf8');
  out.parse = measure(() => core.parseConfig(text, { uri: path }));
  out.diagnostics = diagnostics;
  out.allocatedBytes = await allocatedPerRun(lint);
} else if (mode === 'engine') {
  const fs = new core.NodeFileSystem();
  const config = core.resolveConfig(core.parseConfigBytes(readFileSync(path), path), fs, {});
  const rules = core.allRules;
  out.rules = rules.length;
  out.all = measure(() => core.lintConfig(config, { host: HOST }));
  out.none = measure(() => core.lintConfig(config, { host: HOST, ruleSet: [] }));
  out.perRule = {};
  for (const rule of rules) out.perRule[rule.id] = measure(() => core.lintConfig(config, { host: HOST, ruleSet: [rule] }));
} else if (mode === 'fmt') {
  if (typeof core.formatDocument !== 'function') {
    out.skipped = 'formatDocument is not exported by @lxclint/core';
  } else {
    const text = readFileSync(path, 'utf8');
    out.total = measure(() => core.formatDocument(core.parseConfig(text, { uri: path })));
  }
} else {
  process.stderr.write(`inproc.mjs: unknown mode "${mode}" (lint, engine, fmt)\n`);
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
