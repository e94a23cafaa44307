import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, migrateText } from '@lxclint/core';

const m = (text: string) => migrateText(text);
const legacyDir = join(import.meta.dirname, '..', 'fixtures', 'legacy');

describe('renamed keys', () => {
  it('renames every 2.x key to its current name, keeping layout and values', () => {
    const src = [
      '  lxc.utsname=web', 'lxc.tty = 4', 'lxc.pts = 1024', 'lxc.devttydir = lxc', 'lxc.aa_profile = "unconfined"', 'lxc.aa_allow_incomplete = 1',
      'lxc.se_context = a:b:c', 'lxc.id_map = u 0 100000 65536', 'lxc.mount = /f', 'lxc.seccomp = /s', 'lxc.console = none',
      'lxc.haltsignal = SIGPWR', 'lxc.rebootsignal = SIGINT', 'lxc.stopsignal = SIGKILL', 'lxc.syslog = daemon', 'lxc.loglevel = 3',
      'lxc.logfile = /l', 'lxc.init_cmd = /sbin/init', 'lxc.init_uid = 1', 'lxc.init_gid = 2', 'lxc.limit.nofile = 1:2', 'lxc.limit =',
      'lxc.mount.entry = a b none bind 0 0', 'lxc.console.logfile = /c', '',
    ].join('\n');
    expect(m(src).text).toBe([
      '  lxc.uts.name=web', 'lxc.tty.max = 4', 'lxc.pty.max = 1024', 'lxc.tty.dir = lxc', 'lxc.apparmor.profile = "unconfined"',
      'lxc.apparmor.allow_incomplete = 1', 'lxc.selinux.context = a:b:c', 'lxc.idmap = u 0 100000 65536', 'lxc.mount.fstab = /f',
      'lxc.seccomp.profile = /s', 'lxc.console.path = none', 'lxc.signal.halt = SIGPWR', 'lxc.signal.reboot = SIGINT', 'lxc.signal.stop = SIGKILL',
      'lxc.log.syslog = daemon', 'lxc.log.level = 3', 'lxc.log.file = /l', 'lxc.init.cmd = /sbin/init', 'lxc.init.uid = 1', 'lxc.init.gid = 2',
      'lxc.prlimit.nofile = 1:2', 'lxc.prlimit =', 'lxc.mount.entry = a b none bind 0 0', 'lxc.console.logfile = /c', '',
    ].join('\n'));
  });
  it('leaves comments byte for byte, commented legacy lines included', () => {
    const src = '# lxc.utsname = old\n#lxc.network.type = veth\n\t# lxc.network.0.ipv4 = 1.2.3.4\n';
    expect(m(src).text).toBe(src);
    expect(m(src).changed).toBe(false);
  });
  it('is idempotent', () => {
    for (const name of readdirSync(legacyDir)) {
      const once = m(readFileSync(join(legacyDir, name), 'latin1')).text;
      expect(m(once).text, name).toBe(once);
    }
  });
});

describe('network blocks', () => {
  it('numbers a new interface at each active type line, ignoring commented ones', () => {
    const src = '# lxc.network.type = veth\nlxc.network.type = veth\nlxc.network.link = br0\n#lxc.network.type = phys\nlxc.network.type = macvlan\nlxc.network.macvlan.mode = bridge\n';
    expect(m(src).text).toBe('# lxc.network.type = veth\nlxc.net.0.type = veth\nlxc.net.0.link = br0\n#lxc.network.type = phys\nlxc.net.1.type = macvlan\nlxc.net.1.macvlan.mode = bridge\n');
  });
  it('turns ipv4/ipv6 into .address in both forms and keeps gateways', () => {
    const src = 'lxc.network.type = veth\nlxc.network.ipv4 = 192.0.2.2/24\nlxc.network.ipv4.gateway = 192.0.2.1\nlxc.network.ipv6 = 2001:db8::2/64\nlxc.network.ipv6.gateway = 2001:db8::1\nlxc.network.0.ipv4 = 192.0.2.3/24\nlxc.network.0.ipv6 = 2001:db8::3/64\n';
    expect(m(src).text).toBe('lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 192.0.2.2/24\nlxc.net.0.ipv4.gateway = 192.0.2.1\nlxc.net.0.ipv6.address = 2001:db8::2/64\nlxc.net.0.ipv6.gateway = 2001:db8::1\nlxc.net.0.ipv4.address = 192.0.2.3/24\nlxc.net.0.ipv6.address = 2001:db8::3/64\n');
  });
  it('maps lxc.network.N.* to the N-th legacy interface', () => {
    expect(m('lxc.network.type = veth\nlxc.network.type = phys\nlxc.network.1.link = eth1\nlxc.network.0.link = br0\n').text)
      .toBe('lxc.net.0.type = veth\nlxc.net.1.type = phys\nlxc.net.1.link = eth1\nlxc.net.0.link = br0\n');
  });
  it('turns the clears into lxc.net = and restarts the numbering as LXC 2.x did', () => {
    expect(m('lxc.network.type = veth\nlxc.network =\nlxc.network.type = phys\nlxc.network.type =\nlxc.network.type = veth\n').text)
      .toBe('lxc.net.0.type = veth\nlxc.net =\nlxc.net.0.type = phys\nlxc.net =\nlxc.net.0.type = veth\n');
  });
  it('numbers legacy blocks after existing lxc.net.N and says so', () => {
    const r = m('lxc.net.0.type = veth\nlxc.net.2.type = veth\nlxc.network.type = veth\nlxc.network.link = br1\n');
    expect(r.text).toBe('lxc.net.0.type = veth\nlxc.net.2.type = veth\nlxc.net.3.type = veth\nlxc.net.3.link = br1\n');
    expect(r.notes.some((n) => n.kind === 'numbering')).toBe(true);
  });
  it('writes an empty legacy flags as up (LXC 2.x brought the interface up for any value)', () => {
    expect(m('lxc.network.type = veth\nlxc.network.flags =\n').text).toBe('lxc.net.0.type = veth\nlxc.net.0.flags = up\n');
  });
  it('leaves lines LXC 2.x refused unchanged and reports them', () => {
    const r = m('lxc.network.link = br0\nlxc.network.type = veth\nlxc.network.3.link = x\nlxc.network.bogus = 1\nlxc.network = x\n');
    expect(r.text).toBe('lxc.network.link = br0\nlxc.net.0.type = veth\nlxc.network.3.link = x\nlxc.network.bogus = 1\nlxc.network = x\n');
    expect(r.notes.filter((n) => n.problem).map((n) => n.line)).toEqual([0, 2, 3, 4]);
    expect(r.summary.leftUnchanged).toBe(4);
  });
});

describe('rootfs and removed keys', () => {
  it('adds the backend as storage prefix, wherever the backend line is', () => {
    expect(m('lxc.rootfs.backend = lvm\nlxc.rootfs = /dev/vg/a\n').text).toMatch(/^# lxclint migrate: LXC 3\.0 removed lxc\.rootfs\.backend.*\n# lxc\.rootfs\.backend = lvm\nlxc\.rootfs\.path = lvm:\/dev\/vg\/a\n$/);
    expect(m('lxc.rootfs = "/r"\nlxc.rootfs.backend = dir\n').text).toMatch(/^lxc\.rootfs\.path = "dir:\/r"\n/);
  });
  it('keeps a value that already has a storage prefix, and a plain path without backend', () => {
    expect(m('lxc.rootfs = overlayfs:/a:/b\nlxc.rootfs.backend = overlayfs\n').text).toMatch(/^lxc\.rootfs\.path = overlayfs:\/a:\/b\n/);
    expect(m('lxc.rootfs = /var/lib/lxc/a/rootfs\n').text).toBe('lxc.rootfs.path = /var/lib/lxc/a/rootfs\n');
  });
  it('turns removed keys into a comment saying why, followed by the old line, keeping indentation and CRLF', () => {
    expect(m('  lxc.kmsg = 0\r\nlxc.pivotdir=x\r\n').text).toBe(
      '  # lxclint migrate: LXC 2.1 removed lxc.kmsg; it has no replacement. The line was:\r\n  # lxc.kmsg = 0\r\n' +
        '# lxclint migrate: LXC 2.1 removed lxc.pivotdir; it has no replacement. The line was:\r\n# lxc.pivotdir=x\r\n',
    );
  });
  it('reports a backend with no rootfs line in the file', () => {
    expect(m('lxc.rootfs.backend = zfs\n').notes.some((n) => n.kind === 'rootfs' && n.problem)).toBe(true);
  });
});

describe('the legacy corpus', () => {
  it('leaves no legacy key behind (check finds none) in any fixture', () => {
    for (const name of readdirSync(legacyDir)) {
      const out = m(readFileSync(join(legacyDir, name), 'latin1')).text;
      const { diagnostics } = lintText(out, name, undefined);
      expect(diagnostics.filter((d) => d.ruleId === 'legacy-key' || d.ruleId === 'unknown-key').map((d) => d.message), name).toEqual([]);
    }
  });
});
