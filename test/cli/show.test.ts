/** `lxclint show`: the effective configuration (overrides, clears, includes, type wipes, legacy mapping). */
import { describe, expect, it } from 'vitest';
import { requireBuiltCli, runCli, useTempDir } from './helpers';

requireBuiltCli();
const tmp = useTempDir();

describe('lxclint show', () => {
  it('prints the effective values as JSON, lists as arrays, after overrides, clears, includes and type wipes', () => {
    tmp.write('inc/net.conf', 'lxc.net.1.type = macvlan\nlxc.net.1.link = eth0\n');
    const file = tmp.write(
      'config',
      [
        'lxc.uts.name = first',
        'lxc.include = inc/net.conf',
        'lxc.uts.name = "web"',
        'lxc.mount.entry = a b none bind 0 0',
        'lxc.mount.entry =',
        'lxc.mount.entry = c d none bind 0 0',
        'lxc.mount.auto = proc sys',
        'lxc.mount.auto = proc:rw',
        'lxc.prlimit.nofile = 1024',
        'lxc.prlimit.nofile = 2048:4096',
        'lxc.net.0.link = lost-before-type',
        'lxc.net.0.type = veth',
        'lxc.net.0.ipv4.address = 192.0.2.10/24',
        'lxc.net.0.ipv4.address = 192.0.2.11/24',
        '',
      ].join('\n'),
    );
    const r = runCli(['show', '--json', file], { cwd: tmp.dir() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      'lxc.uts.name': 'web',
      'lxc.mount.entry': ['c d none bind 0 0'],
      'lxc.mount.auto': ['proc:rw', 'sys'],
      'lxc.prlimit.nofile': '2048:4096',
      'lxc.net.0.type': 'veth',
      'lxc.net.0.veth.mode': 'bridge',
      'lxc.net.0.ipv4.address': ['192.0.2.10/24', '192.0.2.11/24'],
      'lxc.net.1.type': 'macvlan',
      'lxc.net.1.macvlan.mode': 'private',
      'lxc.net.1.link': 'eth0',
    });
  });

  it('prints key = value lines without --json, one line per list item', () => {
    const file = tmp.write('human.conf', 'lxc.cap.drop = sys_module mac_admin\nlxc.uts.name = h\n');
    const r = runCli(['show', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('lxc.cap.drop = sys_module\nlxc.cap.drop = mac_admin\nlxc.uts.name = h\n');
  });

  it('shows legacy keys under their modern names and exits 1 because LXC refuses them', () => {
    const file = tmp.write('legacy.conf', 'lxc.utsname = old\nlxc.network.type = veth\nlxc.network.ipv4 = 192.0.2.5/24\n');
    const r = runCli(['show', '--json', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/LXC would refuse to load this config/);
    expect(JSON.parse(r.stdout)).toEqual({
      'lxc.uts.name': 'old',
      'lxc.net.0.type': 'veth',
      'lxc.net.0.veth.mode': 'bridge',
      'lxc.net.0.ipv4.address': ['192.0.2.5/24'],
    });
  });

  it('--as-liblxc prints values the way get_config_item does', () => {
    const file = tmp.write('raw.conf', 'lxc.start.auto = 0x1\nlxc.signal.halt = SIGTERM\nlxc.net.0.type = veth\nlxc.net.0.ipv4.address = 192.0.2.5\n');
    const r = runCli(['show', '--as-liblxc', file]);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout) as Record<string, string>;
    expect(v['lxc.start.auto']).toBe('1');
    expect(v['lxc.signal.halt']).toBe('15');
    expect(v['lxc.net.0.ipv4.address']).toBe('192.0.2.5/8');
    expect(v['lxc.net']).toBe('veth\n');
  });

  it('rejects a missing FILE, two FILEs and an unknown --lxc-version', () => {
    expect(runCli(['show']).code).toBe(2);
    expect(runCli(['show', 'a', 'b']).code).toBe(2);
    expect(runCli(['show', '--lxc-version', '4.0', 'x']).code).toBe(2);
    const missing = runCli(['show', `${tmp.dir()}/nope.conf`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/ENOENT/);
  });
});
