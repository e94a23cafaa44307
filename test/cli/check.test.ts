/** `lxclint check`: paths, exit codes, --max-warnings, --quiet, stdin, output file, colour, host options. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, CLEAN, ONE_ERROR, ONE_WARNING, onlyRules, requireBuiltCli, runCli, TEST_RULES, useTempDir } from './helpers';

requireBuiltCli();
const tmp = useTempDir();
// Only the rules these tests are about: other rules' findings must not change them.
beforeAll(() => void tmp.write('lxclint.json', onlyRules(TEST_RULES)));

describe('lxclint check', () => {
  it('exits 0 on a clean config and prints nothing, with every rule on', () => {
    const f = tmp.write('clean/config', CLEAN);
    expect(runCli(['check', f])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(runCli(['check', '--no-config', f])).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 on errors and reports path:line:col severity message rule-id with a code frame', () => {
    const f = tmp.write('err/config', ONE_ERROR);
    const r = runCli(['check', f]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`${f}:1:1  error  Legacy key "lxc.utsname" is not accepted since LXC 3.0: use "lxc.uts.name"  legacy-key`);
    expect(lines[1]).toBe('  1 | lxc.utsname = web');
    expect(lines[2]).toBe('    | ^^^^^^^^^^^');
    expect(r.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('warnings alone exit 0, or 1 above --max-warnings', () => {
    const f = tmp.write('warn/config', ONE_WARNING);
    expect(runCli(['check', f]).code).toBe(0);
    expect(runCli(['check', '--max-warnings', '1', f]).code).toBe(0);
    const over = runCli(['check', '--max-warnings=0', f]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('too many warnings (1, --max-warnings 0)');
  });

  it('--quiet reports errors only; hidden warnings still count for --max-warnings', () => {
    const f = tmp.write('mixed/config', `${ONE_ERROR}${ONE_WARNING}`);
    const r = runCli(['check', '--quiet', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('legacy-key');
    expect(r.stdout).not.toContain('duplicate-key');
    const w = tmp.write('quiet-warn/config', ONE_WARNING);
    expect(runCli(['check', '--quiet', w])).toMatchObject({ code: 0, stdout: '' });
    expect(runCli(['check', '--quiet', '--max-warnings', '0', w]).code).toBe(1);
  });

  it('reports several files and one summary line', () => {
    const a = tmp.write('multi/a/config', ONE_ERROR);
    const b = tmp.write('multi/b/config', ONE_WARNING);
    tmp.write('multi/c/config', CLEAN);
    tmp.write('multi/not-a-container/notes.txt', 'x');
    const r = runCli(['check', join(tmp.dir(), 'multi')]);
    expect(r.code).toBe(1);
    const locations = r.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l)).map((l) => l.split(' ')[0]);
    expect(locations).toEqual([`${a}:1:1`, `${b}:1:1`]);
    expect(r.stdout.trimEnd().split('\n').filter((l) => l.startsWith('✖'))).toEqual(['✖ 2 problems (1 error, 1 warning)']);
  });

  it('a container directory means its config', () => {
    tmp.write('ct/web/config', ONE_ERROR);
    const r = runCli(['check', join(tmp.dir(), 'ct', 'web')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(join(tmp.dir(), 'ct', 'web', 'config'));
  });

  it('without PATH checks the containers under --lxcpath', () => {
    tmp.write('lxcpath/one/config', ONE_ERROR);
    tmp.write('lxcpath/two/config', CLEAN);
    const r = runCli(['check', '--no-host', '--lxcpath', join(tmp.dir(), 'lxcpath')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(join(tmp.dir(), 'lxcpath', 'one', 'config'));
    expect(r.stdout).not.toContain('two');
    // Live host facts are the default there; the run must work with them too.
    expect(runCli(['check', '--lxcpath', join(tmp.dir(), 'lxcpath')]).code).toBe(1);
  });

  it('reads standard input for "-", shown as <stdin> or --stdin-filename', () => {
    const r = runCli(['check', '-'], { input: ONE_ERROR });
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('<stdin>:1:1  error')).toBe(true);
    const named = runCli(['check', '--stdin-filename', 'web/config', '-'], { input: ONE_ERROR, cwd: tmp.dir() });
    expect(named.stdout.startsWith('web/config:1:1  error')).toBe(true);
    expect(runCli(['check', '-'], { input: CLEAN })).toMatchObject({ code: 0, stdout: '' });
  });

  it('a missing path is exit 2 with a message, after checking the rest', () => {
    const f = tmp.write('present/config', ONE_WARNING);
    const r = runCli(['check', join(tmp.dir(), 'nope'), f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`lxclint: ${join(tmp.dir(), 'nope')}: no such file or directory`);
    expect(r.stdout).toContain('duplicate-key');
  });

  it('an unreadable path is exit 2; a directory without containers is fine', () => {
    tmp.write('empty/notes.txt', 'x');
    expect(runCli(['check', join(tmp.dir(), 'empty')])).toMatchObject({ code: 0, stdout: '' });
    expect(runCli(['check', '/proc/self/mem']).code).toBe(2);
  });

  it('usage errors are exit 2', () => {
    const f = tmp.write('usage/config', CLEAN);
    for (const args of [
      ['--format', 'xml', f],
      ['--max-warnings', 'many', f],
      ['--max-warnings', '-1', f],
      ['--lxc-version', '4.0', f],
      ['--bogus', f],
      ['--host', '--host-facts', 'x.json', f],
      ['--config', 'x.json', '--no-config', f],
      ['--stdin-filename', 'x', f],
    ]) {
      const r = runCli(['check', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^lxclint check: /);
    }
  });

  it('--lxc-version selects the release', () => {
    // lxc.environment.runtime is new in 7.0: unknown to 5.0 (the default), accepted by 7.0.
    const f = tmp.write('version/config', 'lxc.environment.runtime = A=1\n');
    const v5 = runCli(['check', '--format', 'json', f]);
    const v6 = runCli(['check', '--format', 'json', '--lxc-version', '7.0', f]);
    const ids = (out: string) => (JSON.parse(out) as Array<{ messages: Array<{ ruleId: string }> }>)[0]!.messages.map((m) => m.ruleId);
    expect(ids(v5.stdout)).toContain('unknown-key');
    expect(ids(v6.stdout)).not.toContain('unknown-key');
  });

  it('--output-file writes the report there', () => {
    const f = tmp.write('out/config', ONE_ERROR);
    const out = join(tmp.dir(), 'report.json');
    const r = runCli(['check', '-f', 'json', '-o', out, f], { env: { FORCE_COLOR: '1' } });
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(readFileSync(out, 'utf8'))[0].errorCount).toBe(1);
    expect(runCli(['check', '-o', join(tmp.dir(), 'no', 'such', 'dir', 'r.txt'), f]).code).toBe(2);
  });

  it('colour: FORCE_COLOR turns it on, NO_COLOR always off, and never without a TTY', () => {
    const f = tmp.write('color/config', ONE_ERROR);
    expect(runCli(['check', f]).stdout).not.toContain('\u001b[');
    expect(runCli(['check', f], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31merror\u001b[0m');
    expect(runCli(['check', f], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(runCli(['check', f], { env: { FORCE_COLOR: '0' } }).stdout).not.toContain('\u001b[');
  });

  // `script` (util-linux) runs the CLI on a pseudo-terminal.
  it.skipIf(spawnSync('script', ['--version']).status !== 0)('colour: on for a terminal, off there with NO_COLOR', () => {
    const f = tmp.write('tty/config', ONE_ERROR);
    const onTty = (env: Record<string, string>) =>
      spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} check ${JSON.stringify(f)}`, '/dev/null'], {
        encoding: 'utf8', env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NO_COLOR' && k !== 'FORCE_COLOR')), ...env },
      }).stdout;
    expect(onTty({})).toContain('\u001b[31merror\u001b[0m');
    expect(onTty({ NO_COLOR: '1' })).not.toContain('\u001b[');
    expect(onTty({ NO_COLOR: '1' })).toContain('error');
  });

  it('--host-facts reads a snapshot; a bad one is exit 2 with a message', () => {
    const f = tmp.write('host/config', CLEAN);
    const good = tmp.write('host/facts.json', JSON.stringify({ version: 1, links: [{ name: 'lxcbr0', kind: 'bridge', mtu: 1500 }] }));
    expect(runCli(['check', '--host-facts', good, f]).code).toBe(0);
    const bad = tmp.write('host/bad.json', '{"version": 1}');
    const r = runCli(['check', '--host-facts', bad, f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lxclint: /);
    expect(runCli(['check', '--host-facts', join(tmp.dir(), 'host', 'missing.json'), f]).code).toBe(2);
    // --no-host wins: the snapshot is not even read.
    expect(runCli(['check', '--no-host', '--host-facts', bad, f]).code).toBe(0);
  });

  it('host tier: a snapshot, live facts by default without PATH, --host, and --no-host', () => {
    // Only host-link-missing, so the outcome depends on the host facts alone.
    const cfg = tmp.write('tier/host-only.json', onlyRules(['host-link-missing']));
    const nobridge = 'lxc.net.0.type = veth\nlxc.net.0.link = lxclint-nobr0\n';
    const f = tmp.write('tier/ct/web/config', nobridge);
    const facts = (links: unknown[]) => tmp.write(`tier/facts-${links.length}.json`, JSON.stringify({ version: 1, links }));
    const has = (r: { stdout: string }) => r.stdout.includes('host-link-missing');
    // A PATH without host options: no host rules.
    expect(has(runCli(['check', '-c', cfg, f]))).toBe(false);
    expect(has(runCli(['check', '-c', cfg, '--host-facts', facts([]), f]))).toBe(true);
    expect(has(runCli(['check', '-c', cfg, '--host-facts', facts([{ name: 'lxclint-nobr0', kind: 'bridge', mtu: 1500 }]), f]))).toBe(false);
    // This machine has no such bridge: live facts find that.
    expect(has(runCli(['check', '-c', cfg, '--host', f]))).toBe(true);
    expect(has(runCli(['check', '-c', cfg, '--lxcpath', join(tmp.dir(), 'tier', 'ct')]))).toBe(true);
    expect(has(runCli(['check', '-c', cfg, '--no-host', '--lxcpath', join(tmp.dir(), 'tier', 'ct')]))).toBe(false);
    expect(has(runCli(['check', '-c', cfg, '--no-host', '--host', f]))).toBe(false);
  });

  it('--help prints the options', () => {
    const r = runCli(['check', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--format', '--lxcpath', '--lxc-version', '--host', '--host-facts', '--no-host', '--config', '--no-config', '--no-ignore', '--stdin-filename', '--max-warnings', '--quiet', '--output-file']) {
      expect(r.stdout).toContain(opt);
    }
  });
});
