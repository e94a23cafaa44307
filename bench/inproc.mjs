#!/usr/bin/env node
/**
 * In-process timings, one mode per child process (a fresh heap for each case), printed as one JSON object.
 * Loads bench/out/core.mjs, the core bundled with the CLI's esbuild settings (run.mjs builds it).
 *
 *   lint FILE ITER WARMUP     read + decode + parse + resolve + lint (no host rules), like `lxclint check FILE`
 *                             (read with the CLI's own loadConfigFile);
 *                             also parse alone (scanner + chevrotain parser)
 *   engine FILE ITER WARMUP   the rule engine on a resolved config: every rule (host rules too, against synthetic
 *                             host facts) vs no rule, and each rule alone
 *   fmt FILE ITER WARMUP      parse + formatDocument
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const core = await import(new URL('./out/core.mjs', import.meta.url).href);
const [mode, file, iterText = '20', warmupText = '5'] = process.argv.slice(2);
const iter = Number(iterText);
const warmup = Number(warmupText);
const path = resolve(file);

/** The time of the first run of the last measure() (a fresh process: V8 has optimised nothing yet). */
let firstNs = 0;

/** Runs fn warmup times untimed (the first is timed apart), then iter times timed; returns nanoseconds per timed run. */
function measure(fn) {
  const f0 = process.hrtime.bigint();
  fn();
  firstNs = Number(process.hrtime.bigint() - f0);
  for (let i = 1; i < warmup; i++) fn();
  const ns = [];
  for (let i = 0; i < iter; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    ns.push(Number(process.hrtime.bigint() - t0));
  }
  return ns;
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
  out.total = measure(() => {
    const doc = core.loadConfigFile(path).doc;
    diagnostics = core.lintDocument(doc, fs, {}).diagnostics.length;
  });
  out.first = firstNs;
  const text = readFileSync(path, 'utf8');
  out.parse = measure(() => core.parseConfig(text, { uri: path }));
  out.diagnostics = diagnostics;
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
