#!/usr/bin/env node
/**
 * lxclint benchmarks: `npm run bench` (builds the CLI first) or `node bench/run.mjs [options]`.
 *
 * Generates its inputs, builds the liblxc harness, runs every case several times after a warm-up, and prints
 * a table of medians and of ratios against baselines measured in the same run (liblxc's load_config, `node -e 0`).
 * Writes bench/out/results.json and bench/out/results.md. See bench/README.md.
 *
 * Options:
 *   --quick          fewer iterations (a smoke run; figures are noisier)
 *   --only 1,3       run only these cases
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, hostname } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateInputs } from './gen.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'lxclint.cjs');
const HARNESS = join(OUT, 'liblxc-load');

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyArg = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const only = onlyArg ? new Set(onlyArg.split(',').map((s) => s.trim())) : undefined;
const wants = (n) => !only || only.has(String(n));
/** Iterations scaled down for --quick. */
const n = (full) => (quick ? Math.max(3, Math.ceil(full / 4)) : full);

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function run(cmd, args, options = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
}

// ---------------------------------------------------------------- statistics and formatting

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ms = (ns) => ns / 1e6;
const fmtMs = (v) => (v === undefined || v === null ? '—' : v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`);
const fmtRatio = (r) => (r === undefined || r === null ? '—' : `${r.toFixed(r < 0.1 ? 3 : 2)}×`);

const rows = [];
const details = {};
/** One line of the table: `value` against `base` (same unit), with an optional target ratio or absolute limit. */
function row(caseId, name, value, base, target) {
  const ratio = base ? value / base : undefined;
  let met;
  if (target?.ratio !== undefined && ratio !== undefined) met = ratio <= target.ratio;
  if (target?.max !== undefined) met = value <= target.max;
  const r = { case: caseId, name, value, base, ratio, unit: target?.unit ?? 'ms', target: target?.text, met };
  rows.push(r);
  return r;
}

// ---------------------------------------------------------------- preparation

function prerequisites() {
  const gcc = run('gcc', ['--version']);
  if (gcc.error || gcc.status !== 0) fail('gcc is missing: the liblxc harness is compiled for each run (apt-get install -y gcc lxc-dev)');
  if (!existsSync('/usr/include/lxc/lxccontainer.h')) fail('lxc-dev is missing (/usr/include/lxc/lxccontainer.h): apt-get install -y lxc-dev gcc');
  if (!existsSync(join(ROOT, 'packages', 'cli', 'dist', 'lxclint.cjs'))) fail('the CLI is not built: run `npm run build` (or use `npm run bench`)');
}

function buildHarness() {
  const src = join(ROOT, 'bench', 'liblxc-load.c');
  if (existsSync(HARNESS) && statSync(HARNESS).mtimeMs >= statSync(src).mtimeMs) return;
  const r = run('gcc', ['-O2', '-Wall', '-o', HARNESS, src, '-llxc']);
  if (r.status !== 0) fail(`building the liblxc harness failed (needs lxc-dev):\n${r.stderr}`);
}

/** The core bundled as the CLI bundles it (esbuild, ESM), for the in-process cases. */
async function buildCore() {
  const { build } = await import('esbuild');
  await build({
    bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning',
    entryPoints: [join(ROOT, 'bench', 'core-entry.ts')], outfile: join(OUT, 'core.mjs'),
  });
}

function inproc(mode, file, iter, warmup) {
  const r = run(process.execPath, [join(ROOT, 'bench', 'inproc.mjs'), mode, file, String(iter), String(warmup)]);
  if (r.status !== 0) fail(`inproc ${mode} ${file} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

function liblxc(file, iter, warmup) {
  const r = run(HARNESS, [file, String(iter), String(warmup)]);
  if (r.status !== 0) fail(`liblxc load_config of ${file} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

const hasHyperfine = !run('hyperfine', ['--version']).error;

/**
 * Cold process starts of each command: hyperfine when installed, otherwise spawn and time. Returns per command
 * { median (ms, wall), cpu (ms, mean user+system, hyperfine only), runs }.
 */
function processTimes(commands, runs, warmup) {
  // On a shared machine the load drifts; hyperfine runs one command's runs back to back, so a drift would land on
  // one command only. Runs are split into rounds that take every command in turn, and the medians pool the rounds.
  const rounds = Math.min(ROUNDS, runs);
  const perRound = Math.ceil(runs / rounds);
  const wall = commands.map(() => []);
  const cpu = commands.map(() => []);
  for (let round = 0; round < rounds; round++) {
    if (hasHyperfine) {
      const json = join(OUT, 'hyperfine.json');
      const args = ['-N', '-i', '--style', 'none', '--warmup', String(round === 0 ? warmup : 1), '--runs', String(perRound), '--export-json', json, ...commands.map((c) => c.join(' '))];
      const r = run('hyperfine', args, { cwd: ROOT });
      if (r.status !== 0) fail(`hyperfine failed:\n${r.stderr}`);
      JSON.parse(readFileSync(json, 'utf8')).results.forEach((res, i) => {
        wall[i].push(...res.times.map((t) => t * 1000));
        cpu[i].push((res.user + res.system) * 1000);
      });
      continue;
    }
    for (const [i, [cmd, ...args]] of commands.entries()) {
      for (let k = 0; k < (round === 0 ? warmup : 1); k++) run(cmd, args, { cwd: ROOT, stdio: 'ignore' });
      for (let k = 0; k < perRound; k++) {
        const t0 = process.hrtime.bigint();
        run(cmd, args, { cwd: ROOT, stdio: 'ignore' });
        wall[i].push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
  }
  return commands.map((_, i) => ({
    median: median(wall[i]),
    // hyperfine reports user and system time as means per command; pooled as the median of the rounds' means.
    cpu: cpu[i].length ? median(cpu[i]) : undefined,
    runs: wall[i].length, rounds, wallMs: wall[i], tool: hasHyperfine ? 'hyperfine' : 'spawnSync',
  }));
}
const ROUNDS = 5;

// ---------------------------------------------------------------- cases

function case1(inputs) {
  // Both sides run in ROUNDS alternating rounds, each a fresh process with its own warm-up, and the samples are
  // pooled: a drift in the machine's load then hits liblxc and lxclint alike (this machine's CPU is shared).
  // This case measures the steady state of a process that lints many files (an editor, --lxcpath): the warm-up is
  // long enough for V8 to finish optimising (the first ~20 runs of a fresh process are slower), and the first run
  // of each fresh process is reported on a row of its own. The cold single `check` is case 2.
  const specs = [
    { name: '10,000 lxc.mount.entry lines', file: inputs.mount, iter: n(30), warmup: 30, target: 1.0 },
    { name: '1,000 network interfaces (8,000 lines)', file: inputs.net, iter: n(20), warmup: 30, target: 0.1 },
  ];
  details.case1 = [];
  for (const s of specs) {
    const theirs = { ns: [] };
    const ours = { total: [], parse: [], first: [], gcMs: [], allocated: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const t = liblxc(s.file, s.iter, s.warmup);
      theirs.ns.push(...t.ns);
      theirs.lxc = t.lxc;
      const o = inproc('lint', s.file, s.iter, s.warmup);
      ours.total.push(...o.total);
      ours.parse.push(...o.parse);
      ours.first.push(o.first);
      ours.gcMs.push(...o.gc.perRunMs);
      if (o.allocatedBytes !== undefined) ours.allocated.push(o.allocatedBytes);
      ours.diagnostics = o.diagnostics;
    }
    const base = ms(median(theirs.ns));
    row(1, `parse + lint: ${s.name} vs liblxc load_config`, ms(median(ours.total)), base, { ratio: s.target, text: `≤ ${s.target}×` });
    row(1, `  of which parse (scanner + chevrotain parser)`, ms(median(ours.parse)), base);
    // The mean includes garbage collection, which a median of single runs may leave out or count fully.
    row(1, `  mean of the same runs (both sides)`, ms(mean(ours.total)), ms(mean(theirs.ns)));
    row(1, `  first run in a fresh process (nothing optimised yet; median of the rounds)`, ms(median(ours.first)), base);
    // The runs split in two: those a young-generation collection landed in, and the rest (the work alone).
    const clean = ours.total.filter((_, i) => ours.gcMs[i] === 0);
    const hit = ours.total.length - clean.length;
    if (clean.length > 0) row(1, `  runs without a garbage collection inside (${clean.length} of ${ours.total.length})`, ms(median(clean)), base);
    row(1, `  garbage collection: ${hit} of ${ours.total.length} runs had one; GC time per run (mean)`, mean(ours.gcMs), undefined);
    if (ours.allocated.length > 0) row(1, `  allocated per run (MB; V8 sampling heap profiler)`, median(ours.allocated) / 1e6, undefined, { unit: 'MB' });
    details.case1.push({
      ...s, rounds: ROUNDS, liblxcVersion: theirs.lxc, liblxcNs: theirs.ns, lintNs: ours.total, parseNs: ours.parse, firstNs: ours.first,
      gcMsPerRun: ours.gcMs, allocatedBytesPerRun: ours.allocated,
      diagnostics: ours.diagnostics,
    });
  }
}

function case2(inputs) {
  const cmds = [
    ['node', '-e', '0'],
    ['node', relative(ROOT, BIN), 'check', relative(ROOT, inputs.typical)],
    ['node', relative(ROOT, BIN), '--version'],
  ];
  const [node, check, version] = processTimes(cmds, n(40), 5);
  row(2, '`lxclint check typical.conf`, cold process, vs `node -e 0`', check.median, node.median, { ratio: 1.3, text: '≤ 1.3×' });
  if (check.cpu !== undefined) row(2, '  CPU time (user + system) of the same runs', check.cpu, node.cpu);
  row(2, '  `lxclint --version` (start-up alone)', version.median, node.median);
  details.case2 = { commands: cmds.map((c) => c.join(' ')), node, check, version };
}

function case3(inputs) {
  const hasTime = existsSync('/usr/bin/time');
  const runs = n(5);
  const times = [];
  const rss = [];
  let status;
  let files;
  const args = [BIN, 'check', '--lxcpath', inputs.lxcpath, '--no-host', '--format', 'json'];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = process.hrtime.bigint();
    const r = hasTime
      ? run('/usr/bin/time', ['-f', 'RSS_KB=%M', process.execPath, ...args], { cwd: ROOT })
      : run(process.execPath, args, { cwd: ROOT });
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    status = r.status;
    if (status === 2 || status === null) fail(`check --lxcpath failed (exit ${status}):\n${r.stderr.slice(0, 2000)}`);
    if (i === 0) {
      // Warm-up run; also count what was checked (the JSON report lists one entry per file).
      try {
        const report = JSON.parse(r.stdout);
        files = Array.isArray(report) ? report.length : Array.isArray(report.files) ? report.files.length : undefined;
      } catch {
        files = undefined;
      }
      continue;
    }
    times.push(wall);
    const m = /RSS_KB=(\d+)/.exec(r.stderr);
    if (m) rss.push(Number(m[1]) / 1024);
  }
  row(3, '`check --lxcpath` over 1,000 containers: wall time', median(times), undefined, { max: 2000, text: '≤ 2 s' });
  if (rss.length) row(3, '  peak memory (max RSS)', median(rss), undefined, { max: 150, unit: 'MiB', text: '≤ 150 MiB' });
  details.case3 = { runs, wallMs: times, maxRssMiB: rss, exitStatus: status, filesReported: files, command: `node ${relative(ROOT, BIN)} check --lxcpath bench/out/inputs/lxcpath --no-host --format json` };
}

function case4(inputs) {
  details.case4 = {};
  // fmt as a whole process, when the command exists.
  const help = run(process.execPath, [BIN, 'fmt', '--help'], { cwd: ROOT });
  if (help.status === 0) {
    const [node, fmt] = processTimes([['node', '-e', '0'], ['node', relative(ROOT, BIN), 'fmt', relative(ROOT, inputs.mount)]], n(20), 3);
    row(4, '`lxclint fmt mount-10k.conf`, cold process, vs `node -e 0`', fmt.median, node.median);
    details.case4.fmtProcess = { node, fmt };
  } else {
    rows.push({ case: 4, name: '`lxclint fmt` — command not available in this build', value: null });
  }
  const f = inproc('fmt', inputs.mount, n(20), 3);
  if (f.total) row(4, '  in process: parse + formatDocument, 10,000 lines', ms(median(f.total)), undefined);
  details.case4.fmtInProcess = f;

  // The rule engine: every rule vs none, on each input; then each rule alone to find a slow one. Warmed up like
  // case 1 (30 runs): with 2, the median of 10 runs of net-1000 fell inside V8's optimisation (2 ms steady, 14 ms).
  details.case4.engine = [];
  const files = [['typical.conf', inputs.typical, n(200), 30], ['mount-10k.conf', inputs.mount, n(20), 30], ['net-1000.conf', inputs.net, n(10), 30]];
  for (const [label, file, iter, warmup] of files) {
    const e = inproc('engine', file, iter, warmup);
    const all = ms(median(e.all));
    const none = ms(median(e.none));
    row(4, `rule engine on ${label}: all ${e.rules} rules vs none (model + suppressions only)`, all, none);
    const perRule = Object.entries(e.perRule)
      .map(([id, xs]) => ({ id, ms: Math.max(0, ms(median(xs)) - none) }))
      .sort((a, b) => b.ms - a.ms);
    for (const r of perRule.slice(0, 5)) row(4, `    ${r.id}`, r.ms, undefined);
    details.case4.engine.push({ file: label, rules: e.rules, allMs: all, noneMs: none, perRuleMs: perRule });
  }
}

// ---------------------------------------------------------------- report

function machine() {
  const cpu = cpus();
  const lxc = existsSync(HARNESS) ? (() => {
    try {
      return JSON.parse(run(HARNESS, [join(OUT, 'inputs', 'typical.conf'), '1', '0']).stdout).lxc;
    } catch {
      return undefined;
    }
  })() : undefined;
  const commit = run('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).stdout?.trim();
  const dirty = (run('git', ['status', '--porcelain'], { cwd: ROOT }).stdout ?? '').trim() !== '';
  return {
    hostname: hostname(),
    cpu: cpu[0]?.model, cores: cpu.length, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    node: process.version, liblxc: lxc, hyperfine: hasHyperfine ? run('hyperfine', ['--version']).stdout.trim() : null,
    commit: commit ? `${commit}${dirty ? ' (+ uncommitted changes)' : ''}` : undefined,
  };
}

function table() {
  const head = ['case', 'measure', 'lxclint', 'baseline', 'ratio', 'target', ''];
  const body = rows.map((r) => [
    String(r.case), r.name,
    r.value === null ? '—' : r.unit === 'MiB' ? `${r.value.toFixed(0)} MiB` : r.unit === 'MB' ? `${r.value.toFixed(2)} MB` : fmtMs(r.value),
    r.base === undefined ? '' : fmtMs(r.base),
    r.ratio === undefined ? '' : fmtRatio(r.ratio),
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'met' : 'MISSED',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const md = ['| ' + head.join(' | ') + ' |', '|' + head.map((_, i) => (i >= 2 && i <= 4 ? '---:' : '---')).join('|') + '|', ...body.map((b) => '| ' + b.map((c) => c.replace(/\|/g, '\\|').replace(/^ +/, (s) => '\u00a0'.repeat(s.length))).join(' | ') + ' |')];
  return { text: [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n'), md: md.join('\n') };
}

// ---------------------------------------------------------------- main

prerequisites();
mkdirSync(OUT, { recursive: true });
buildHarness();
await buildCore();
const inputs = generateInputs(join(OUT, 'inputs'));
const started = new Date();
const loadBefore = loadavg();
process.stderr.write(`bench: load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')}${quick ? ' (quick run)' : ''}\n`);

for (const [i, fn] of [[1, case1], [2, case2], [3, case3], [4, case4]]) {
  if (!wants(i)) continue;
  process.stderr.write(`bench: case ${i}...\n`);
  fn(inputs);
}

const loadAfter = loadavg();
const meta = {
  command: `node bench/run.mjs${argv.length ? ` ${argv.join(' ')}` : ''}`,
  date: started.toISOString(),
  seconds: +((Date.now() - started.getTime()) / 1000).toFixed(1),
  quick,
  loadAverage: { before: loadBefore, after: loadAfter },
  ...machine(),
};
const { text, md } = table();
process.stdout.write(`\n${text}\n\nload average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')}` +
  ` (1, 5, 15 min); ${meta.cores} × ${meta.cpu}; node ${meta.node}; liblxc ${meta.liblxc ?? '?'}\n`);
writeFileSync(join(OUT, 'results.json'), `${JSON.stringify({ meta, rows, details }, null, 1)}\n`);
writeFileSync(join(OUT, 'results.md'), `Produced by \`${meta.command}\` on ${meta.date} (${meta.cores} × ${meta.cpu}, ${meta.memoryGiB} GiB, node ${meta.node}, liblxc ${meta.liblxc}, ${meta.hyperfine ?? 'no hyperfine'}, commit ${meta.commit}).\nLoad average before: ${loadBefore.map((x) => x.toFixed(2)).join(', ')}; after: ${loadAfter.map((x) => x.toFixed(2)).join(', ')}.\n\n${md}\n`);
process.stdout.write(`wrote ${relative(process.cwd(), join(OUT, 'results.json'))} and results.md\n`);
