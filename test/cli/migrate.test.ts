/** `lxclint migrate`: diff by default, --write with a .backup, --no-backup, exit codes. */
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requireBuiltCli, runCli, useTempDir } from './helpers';

requireBuiltCli();
const tmp = useTempDir();

const LEGACY = '# old\nlxc.utsname = a\nlxc.network.type = veth\nlxc.network.link = br0\nlxc.network.ipv4 = 192.0.2.2/24\n';
const MODERN = '# old\nlxc.uts.name = a\nlxc.net.0.type = veth\nlxc.net.0.link = br0\nlxc.net.0.ipv4.address = 192.0.2.2/24\n';

describe('lxclint migrate', () => {
  it('prints a diff by default (and with --dry-run), changes nothing and exits 1', () => {
    const f = tmp.write('dry/config', LEGACY);
    for (const args of [['migrate', f], ['migrate', '--dry-run', f]]) {
      const r = runCli(args);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('\n-lxc.network.ipv4 = 192.0.2.2/24\n');
      expect(r.stdout).toContain('\n+lxc.net.0.ipv4.address = 192.0.2.2/24\n');
    }
    expect(readFileSync(f, 'utf8')).toBe(LEGACY);
  });

  it('--write rewrites the file, keeps FILE.backup with the original and the mode, and a second run has nothing to do', () => {
    const f = tmp.write('write/config', LEGACY);
    chmodSync(f, 0o600);
    const r = runCli(['migrate', '--write', f]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`migrated ${f}: 1 key renamed, 3 network lines, 0 removed (original in ${f}.backup)`);
    expect(readFileSync(f, 'utf8')).toBe(MODERN);
    expect(readFileSync(`${f}.backup`, 'utf8')).toBe(LEGACY);
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(statSync(`${f}.backup`).mode & 0o777).toBe(0o600);
    expect(runCli(['migrate', f])).toMatchObject({ code: 0, stdout: '' });
    expect(runCli(['check', '--no-config', f]).code).toBe(0);
  });

  it('--no-backup keeps no copy', () => {
    const f = tmp.write('nobackup/config', LEGACY);
    expect(runCli(['migrate', '--write', '--no-backup', f]).code).toBe(0);
    expect(existsSync(`${f}.backup`)).toBe(false);
    expect(readFileSync(f, 'utf8')).toBe(MODERN);
  });

  it('warns about lines it cannot migrate and exits 1', () => {
    const f = tmp.write('left/config', 'lxc.network.link = br0\nlxc.network.type = veth\n');
    const r = runCli(['migrate', '--write', '--no-backup', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:1: warning: lxc.network.link: no lxc.network.type before it`);
    expect(readFileSync(f, 'utf8')).toBe('lxc.network.link = br0\nlxc.net.0.type = veth\n');
  });

  it('rejects --no-backup without --write, and --write of standard input', () => {
    expect(runCli(['migrate', '--no-backup', '-'], { input: LEGACY }).code).toBe(2);
    expect(runCli(['migrate', '--write', '-'], { input: LEGACY }).code).toBe(2);
  });
});
