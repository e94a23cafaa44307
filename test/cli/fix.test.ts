/** `lxclint check --fix`, `--unsafe-fixes`, `--fix-dry-run`. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { onlyRules, requireBuiltCli, runCli, TEST_RULES, useTempDir } from './helpers';

requireBuiltCli();
const tmp = useTempDir();
beforeAll(() => void tmp.write('lxclint.json', onlyRules(TEST_RULES)));

const SRC = 'lxc.utsname = web\nlxc.uts.nmae = x\nlxc.net.0.type = veth\nlxc.net.0.link = br0 # bridge\n';

describe('check fix flags', () => {
  it('--fix-dry-run prints the diff of safe fixes, writes nothing, exits 1', () => {
    const f = tmp.write('dry/config', SRC);
    const r = runCli(['check', '--fix-dry-run', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('-lxc.utsname = web\n+lxc.uts.name = web\n');
    expect(r.stdout).not.toContain('+# bridge');
    expect(r.stderr).toContain('2 more fixes are available with --unsafe-fixes');
    expect(readFileSync(f, 'utf8')).toBe(SRC);
  });

  it('--fix applies safe fixes in place and reports what is left', () => {
    const f = tmp.write('safe/config', SRC);
    const r = runCli(['check', '--fix', f]);
    expect(readFileSync(f, 'utf8')).toBe('lxc.uts.name = web\nlxc.uts.nmae = x\nlxc.net.0.type = veth\nlxc.net.0.link = br0 # bridge\n');
    expect(r.stderr).toContain(`fixed ${f}: 1 problem`);
    expect(r.code).toBe(1); // the unknown key is still an error
    expect(r.stdout).toContain('unknown-key');
    expect(r.stdout).not.toContain('legacy-key');
  });

  it('--fix --unsafe-fixes applies the rest too', () => {
    const f = tmp.write('unsafe/config', SRC);
    const r = runCli(['check', '--fix', '--unsafe-fixes', f]);
    expect(readFileSync(f, 'utf8')).toBe('lxc.uts.name = web\nlxc.uts.name = x\nlxc.net.0.type = veth\n# bridge\nlxc.net.0.link = br0\n');
    expect(r.stderr).toContain(`fixed ${f}: 3 problems (2 with unsafe fixes)`);
  });

  it('does not edit included files', () => {
    const inc = tmp.write('inc/common.conf', 'lxc.tty = 4\n');
    const f = tmp.write('inc/config', `lxc.include = ${inc}\nlxc.pts = 10\n`);
    const r = runCli(['check', '--fix', f]);
    expect(readFileSync(f, 'utf8')).toBe(`lxc.include = ${inc}\nlxc.pty.max = 10\n`);
    expect(readFileSync(inc, 'utf8')).toBe('lxc.tty = 4\n');
    expect(r.stderr).toContain(`${inc}: has fixable problems; it is included by ${f} and was not changed`);
  });

  it('rejects --unsafe-fixes alone and --fix with --fix-dry-run', () => {
    const f = tmp.write('usage/config', SRC);
    expect(runCli(['check', '--unsafe-fixes', f]).code).toBe(2);
    expect(runCli(['check', '--fix', '--fix-dry-run', f]).code).toBe(2);
  });
});
