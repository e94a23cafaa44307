// Bundles the CLI (and later the server and extension) with esbuild.
//
// Start-up is part of the product (bench/ case 2: a cold `lxclint check FILE` against `node -e 0`). Measured
// (see bench/RESULTS.md): most of a cold check is V8 compiling the bundle and the functions the first run
// calls (chevrotain's grammar analysis, the core, the rules), not running them. So:
//   dist/lxclint-<hash>.cjs        the whole CLI, minified, one file; each command's module is initialised only
//                                  when main.ts's `import()` asks for it (esbuild keeps them lazy)
//   dist/lxclint-<hash>.cjs.cache  V8's code cache for it, written by a training run of `check` right here
//   dist/lxclint.cjs               the loader (scripts/cli-loader.cjs): runs the bundle with that cache
// Naming the bundle and cache after the content hash means a cache never meets another source (V8's own check
// is by length only). Every file is written under a temporary name and renamed, so a CLI started during a build
// always finds a consistent set.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

const outdir = 'packages/cli/dist';
mkdirSync(outdir, { recursive: true });

function writeAtomic(path, contents) {
  const tmp = join(outdir, `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

const result = await build({
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'warning', write: false,
  sourcemap: 'external', entryPoints: ['packages/cli/src/main.ts'], outfile: join(outdir, 'lxclint.cjs'),
});
const code = result.outputFiles.find((f) => f.path.endsWith('.cjs')).text;
const map = result.outputFiles.find((f) => f.path.endsWith('.cjs.map')).text;
const name = `lxclint-${createHash('sha256').update(code).digest('hex').slice(0, 12)}.cjs`;
writeAtomic(join(outdir, `${name}.map`), map);
writeAtomic(join(outdir, name), `${code}//# sourceMappingURL=${name}.map\n`);

// The loader, first under a training name: a run of `check` over a typical config writes the code cache.
const loader = readFileSync('scripts/cli-loader.cjs', 'utf8').replace("'__BUNDLE__'", JSON.stringify(name));
const trainer = join(outdir, `.train-${process.pid}.cjs`);
writeFileSync(trainer, loader);
const sampleDir = mkdtempSync(join(tmpdir(), 'lxclint-build-'));
try {
  const sample = join(sampleDir, 'config');
  writeFileSync(sample, [
    '# A typical container config (what lxc-create writes), for the code-cache training run', '',
    'lxc.include = /usr/share/lxc/config/common.conf', 'lxc.arch = linux64', 'lxc.rootfs.path = dir:/var/lib/lxc/c1/rootfs',
    'lxc.uts.name = c1', 'lxc.apparmor.profile = generated', 'lxc.cgroup2.memory.max = 1G', 'lxc.start.auto = 1', '',
    'lxc.net.0.type = veth', 'lxc.net.0.link = lxcbr0', 'lxc.net.0.flags = up', 'lxc.net.0.hwaddr = 00:16:3e:00:00:01',
    'lxc.net.0.ipv4.address = 198.18.0.2/15', 'lxc.net.0.ipv4.gateway = 198.18.0.1', 'lxc.net.0.mtu = 1500',
    'lxc.mount.entry = /srv/data srv/data none bind,create=dir 0 0', 'lxc.idmap = u 0 100000 65536', '',
  ].join('\n'));
  const run = spawnSync(process.execPath, [trainer, 'check', '--no-host', sample], {
    env: { ...process.env, LXCLINT_BUILD_CODE_CACHE: '1' }, encoding: 'utf8',
  });
  // Exit 0/1 are verdicts on the sample; anything else means the CLI itself failed: build without a cache.
  if (run.status !== 0 && run.status !== 1) {
    process.stderr.write(`build: code-cache training run failed (exit ${run.status}); the CLI will start without a cache\n${run.stderr}`);
    rmSync(join(outdir, `${name}.cache`), { force: true });
  }
} finally {
  rmSync(sampleDir, { recursive: true, force: true });
  rmSync(trainer, { force: true });
}
writeAtomic(join(outdir, 'lxclint.cjs'), loader);

// Bundles and caches of earlier builds (and the chunks of the old split build) are no longer referenced. Builds
// can run at the same time (each vitest run builds), so only what is older than ten minutes goes.
const keep = new Set(['lxclint.cjs', name, `${name}.map`, `${name}.cache`]);
const old = Date.now() - 10 * 60 * 1000;
for (const entry of readdirSync(outdir)) {
  if (keep.has(entry)) continue;
  const stale = entry === 'chunks' || /^lxclint(-[0-9a-f]{12}\.cjs(\.map|\.cache)?|\.js|\.js\.map)$/.test(entry) || /^\..*\.(tmp|c?js)$/.test(entry);
  try {
    if (stale && statSync(join(outdir, entry)).mtimeMs < old) rmSync(join(outdir, entry), { recursive: true, force: true });
  } catch {
    // Removed by a build running at the same time.
  }
}
