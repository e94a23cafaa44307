/** Running the built CLI (`node packages/cli/bin/lxclint.cjs`) on files in temporary directories. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, inject } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** LXCLINT_BIN runs another build of the CLI (with LXCLINT_SKIP_BUILD=1). */
export const BIN = process.env.LXCLINT_BIN ?? join(ROOT, 'packages', 'cli', 'bin', 'lxclint.cjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fail the suite with the build error if the global setup could not build the bundle. */
export function requireBuiltCli(): void {
  beforeAll(() => {
    const error = inject('cliBuildError');
    if (error) throw new Error(error);
  });
}

export function runCli(args: string[], options: { cwd?: string; input?: string | Uint8Array; env?: Record<string, string | undefined> } = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env };
  // The caller decides about colour; the test runner's own settings must not leak in.
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  Object.assign(env, options.env ?? {});
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory per test file, removed afterwards; `write` creates files (and their directories) in it. */
export function useTempDir(): { dir: () => string; write: (rel: string, content: string | Uint8Array) => string } {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lxclint-cli-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    write(rel, content) {
      const p = join(dir, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
      return p;
    },
  };
}

/** A realistic config with no problems for the rules in this repo. */
export const CLEAN = [
  '# Template used: download',
  'lxc.uts.name = web',
  'lxc.arch = linux64',
  'lxc.rootfs.path = dir:/var/lib/lxc/web/rootfs',
  'lxc.net.0.type = veth',
  'lxc.net.0.link = lxcbr0',
  'lxc.net.0.flags = up',
  'lxc.net.0.hwaddr = 00:16:3e:12:34:56',
  '',
].join('\n');

/** One warning (duplicate-key on line 1) and nothing else. */
export const ONE_WARNING = 'lxc.uts.name = a\nlxc.uts.name = b\n';

/** One error (legacy-key on line 1: `lxc.utsname`). */
export const ONE_ERROR = 'lxc.utsname = web\n';

/**
 * An lxclint.json text that turns off every rule but `ids`, so a test's expectations do not change when
 * rules are added. Rule ids come from the built CLI (`lxclint rules --json`).
 */
export function onlyRules(ids: string[], extra: Record<string, unknown> = {}): string {
  const all = (JSON.parse(runCli(['rules', '--json']).stdout) as Array<{ id: string }>).map((r) => r.id);
  for (const id of ids) if (!all.includes(id)) throw new Error(`no rule ${id}`);
  const rules: Record<string, string> = {};
  for (const id of all) if (!ids.includes(id)) rules[id] = 'off';
  return JSON.stringify({ ...extra, rules: { ...rules, ...((extra.rules as object | undefined) ?? {}) } });
}

/** The rules the CLI tests' configs exercise. */
export const TEST_RULES = ['legacy-key', 'duplicate-key', 'inline-comment', 'unknown-key', 'suppression-malformed', 'suppression-unused'];
