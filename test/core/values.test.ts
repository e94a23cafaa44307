/**
 * The value validators against liblxc 5.0.2's setters. Every "reject"/"ok" row below was also loaded with the real
 * liblxc (python3-lxc load_config) when it was written; rows marked with a kind are accepted by liblxc but reported.
 */
import { describe, expect, it } from 'vitest';
import {
  allowedWords, archNames, checkValue, lintText, lookupKey, lxcPathSimplify, parseByteSize, parseIdmap, parsePrlimit,
  parseTimeOffset, sigParse, type LxcVersion, type ValueFindingKind,
} from '@lxclint/core';

/** reject: the load fails; error: reported as invalid, but the load does not (always) fail. */
type Verdict = 'ok' | 'reject' | 'error' | Exclude<ValueFindingKind, 'invalid'>;

function verdict(key: string, value: string, version: LxcVersion = '5.0'): Verdict[] {
  const match = lookupKey(key, version);
  if (!match) throw new Error(`no key ${key}`);
  const found = checkValue(match, value, version);
  if (found.length === 0) return ['ok'];
  return found.map((f) => (f.kind === 'invalid' ? (f.rejects ? 'reject' : 'error') : f.kind));
}

const cases: Array<[string, string, Verdict]> = [
  // booleans: lxc_safe_uint (base 0) then 0 or 1
  ['lxc.start.auto', '1', 'ok'], ['lxc.start.auto', '0x1', 'ok'], ['lxc.start.auto', '01', 'ok'], ['lxc.start.auto', '08', 'reject'],
  ['lxc.start.auto', '010', 'reject'], ['lxc.start.auto', 'yes', 'reject'], ['lxc.start.auto', '2', 'reject'], ['lxc.start.auto', '-0', 'reject'],
  ['lxc.autodev', '1', 'ok'], ['lxc.ephemeral', 'true', 'reject'], ['lxc.no_new_privs', '1', 'ok'], ['lxc.rootfs.managed', '0', 'ok'],
  ['lxc.cgroup.relative', '2', 'reject'], ['lxc.console.rotate', '1', 'ok'], ['lxc.sched.core', '1', 'ok'],
  ['lxc.apparmor.allow_incomplete', '1', 'ok'], ['lxc.apparmor.allow_nesting', '3', 'reject'],
  // setters that lose lxc_safe_uint's error: ignored; '-' depends on a stale errno; 64-bit overflow fails
  ['lxc.hook.version', '2', 'reject'], ['lxc.hook.version', 'yes', 'ignored'], ['lxc.hook.version', '-1', 'error'],
  ['lxc.seccomp.allow_nesting', 'yes', 'ignored'], ['lxc.seccomp.allow_nesting', '2', 'reject'],
  ['lxc.init.uid', '08', 'ignored'], ['lxc.init.uid', 'www-data', 'ignored'], ['lxc.init.uid', '4294967296', 'ignored'],
  ['lxc.init.uid', '99999999999999999999999', 'reject'], ['lxc.init.uid', '-1', 'error'], ['lxc.init.gid', '0x3e8', 'ok'],
  // unsigned and signed ints
  ['lxc.tty.max', '4', 'ok'], ['lxc.tty.max', '010', 'numeric-base'], ['lxc.tty.max', '1e3', 'reject'], ['lxc.tty.max', '0x10', 'ok'],
  ['lxc.start.delay', '-1', 'reject'], ['lxc.start.delay', '4294967295', 'ok'], ['lxc.start.delay', '4294967296', 'reject'],
  ['lxc.start.order', '-5', 'ok'], ['lxc.start.order', '2147483648', 'reject'], ['lxc.pty.max', '1024', 'ok'], ['lxc.monitor.unshare', '5', 'ok'],
  // signals: sig_parse()
  ['lxc.signal.stop', 'SIGRTMIN+3', 'ok'], ['lxc.signal.stop', 'TERM', 'reject'], ['lxc.signal.stop', 'sigterm', 'ok'],
  ['lxc.signal.stop', 'SIGRTMAX-30', 'ok'], ['lxc.signal.stop', 'SIGRTMAX-31', 'reject'], ['lxc.signal.stop', 'SIGRTMIN+31', 'reject'],
  ['lxc.signal.stop', 'SIGRTMIN', 'reject'], ['lxc.signal.stop', 'sigrtmin+0', 'ok'], ['lxc.signal.stop', '999', 'surprising'],
  ['lxc.signal.stop', '2147483647', 'surprising'], ['lxc.signal.stop', '4294967295', 'reject'], ['lxc.signal.stop', 'SIGEMT', 'reject'],
  ['lxc.signal.stop', 'SIGUNUSED', 'reject'], ['lxc.signal.stop', 'SIGPOLL', 'ok'], ['lxc.signal.stop', 'SIGIOT', 'ok'],
  ['lxc.signal.stop', 'SIG', 'reject'], ['lxc.signal.halt', '09', 'reject'], ['lxc.signal.halt', '010', 'numeric-base'],
  ['lxc.monitor.signal.pdeath', 'SIGKILL', 'ok'], ['lxc.monitor.signal.pdeath', '99', 'error'],
  // log level and facility
  ['lxc.log.level', '8', 'ok'], ['lxc.log.level', '9', 'reject'], ['lxc.log.level', '010', 'numeric-base'], ['lxc.log.level', 'warn', 'ok'],
  ['lxc.log.level', 'WARNING', 'reject'], ['lxc.log.level', '-1', 'reject'], ['lxc.log.level', '+1', 'reject'],
  ['lxc.log.syslog', 'LOCAL3', 'ok'], ['lxc.log.syslog', 'daemon', 'ok'], ['lxc.log.syslog', 'user', 'reject'],
  // arch
  ['lxc.arch', 'x86_64', 'ok'], ['lxc.arch', 'amd64', 'ok'], ['lxc.arch', 'X86_64', 'reject'], ['lxc.arch', 'x32', 'reject'],
  ['lxc.arch', 'loongarch64', 'reject'], ['lxc.arch', 'loong64', 'reject'], ['lxc.arch', '', 'reject'],
  // empty values
  ['lxc.mount.fstab', '', 'reject'], ['lxc.autodev', '', 'surprising'], ['lxc.monitor.signal.pdeath', '', 'surprising'],
  ['lxc.rootfs.mount', '', 'surprising'], ['lxc.uts.name', '', 'ok'], ['lxc.cap.drop', '', 'ok'], ['lxc.include', '', 'ok'],
  ['lxc.cgroup2', '', 'ok'], ['lxc.hook', '', 'ok'], ['lxc.log.level', '', 'ok'],
  // byte sizes
  ['lxc.autodev.tmpfs.size', 'garbage', 'ignored'], ['lxc.autodev.tmpfs.size', '-5', 'surprising'], ['lxc.autodev.tmpfs.size', '500000', 'ok'],
  ['lxc.console.size', '5x', 'ignored'], ['lxc.console.size', '4MB', 'ok'], ['lxc.console.size', '4 mb', 'ok'], ['lxc.console.size', '5KiB', 'reject'],
  ['lxc.console.size', 'KB', 'reject'], ['lxc.console.size', 'AUTO', 'reject'], ['lxc.console.size', 'auto', 'ok'], ['lxc.console.size', '-1', 'reject'],
  ['lxc.console.size', '0xAB', 'reject'], ['lxc.console.size', '1234567890123456789012', 'reject'], ['lxc.console.size', '12345678901234567890', 'reject'],
  ['lxc.console.size', '5.5MB', 'reject'], ['lxc.console.buffer.size', '10TB', 'reject'], ['lxc.console.buffer.size', '0', 'ignored'],
  // id maps
  ['lxc.idmap', 'u 0 100000 65536', 'ok'], ['lxc.idmap', 'g\t0\t100000\t65536', 'ok'], ['lxc.idmap', 'x 0 100000 65536', 'reject'],
  ['lxc.idmap', 'u 0 100000', 'reject'], ['lxc.idmap', 'u 0 100000 65536 1', 'reject'], ['lxc.idmap', 'uid 0 100000 65536', 'reject'],
  ['lxc.idmap', 'u 0 -1 65536', 'reject'], ['lxc.idmap', 'u 0 0x10 08', 'reject'], ['lxc.idmap', 'u 0 0100000 65536', 'numeric-base'],
  ['lxc.idmap', 'u 0 100000 0', 'error'],
  // capabilities
  ['lxc.cap.drop', 'sys_admin net_raw', 'ok'], ['lxc.cap.drop', 'CAP_SYS_ADMIN', 'reject'], ['lxc.cap.drop', 'none', 'reject'],
  ['lxc.cap.keep', 'none', 'ok'], ['lxc.cap.drop', '40', 'ok'], ['lxc.cap.drop', '41', 'reject'], ['lxc.cap.drop', '010', 'numeric-base'],
  ['lxc.cap.drop', 'Sys_admin', 'reject'], ['lxc.cap.keep', 'checkpoint_restore\tbpf', 'ok'],
  // mount.auto
  ['lxc.mount.auto', 'proc:mixed sys:ro cgroup:mixed', 'ok'], ['lxc.mount.auto', 'proc:ro', 'reject'], ['lxc.mount.auto', 'shmounts:', 'surprising'],
  ['lxc.mount.auto', 'shmounts:/a:/b', 'ok'], ['lxc.mount.auto', 'cgroup2:mixed', 'reject'], ['lxc.mount.auto', 'PROC', 'reject'],
  ['lxc.mount.auto', 'cgroup-full:rw:force', 'ok'], ['lxc.mount.auto', 'proc:rw proc:mixed', 'surprising'],
  // namespaces
  ['lxc.namespace.clone', 'mount net', 'reject'], ['lxc.namespace.clone', 'MNT net', 'ok'], ['lxc.namespace.keep', 'user net', 'ok'],
  ['lxc.namespace.share.net', '1234', 'ok'], ['lxc.namespace.share.NET', '1234', 'reject'], ['lxc.namespace.share.foo', '1234', 'reject'],
  // time offsets (5.0)
  ['lxc.time.offset.boot', '-1h', 'reject'], ['lxc.time.offset.boot', '-1s', 'ok'], ['lxc.time.offset.boot', '-5ns', 'ok'],
  ['lxc.time.offset.boot', '-5ms', 'reject'], ['lxc.time.offset.boot', '5 ms', 'reject'], ['lxc.time.offset.boot', '5 s', 'ok'],
  ['lxc.time.offset.boot', '5', 'reject'], ['lxc.time.offset.boot', '5d', 'reject'], ['lxc.time.offset.boot', '0x5s', 'reject'],
  ['lxc.time.offset.boot', '9223372036854775807s', 'ok'], ['lxc.time.offset.boot', '9223372036854775808s', 'reject'],
  ['lxc.time.offset.boot', '-9223372036854775809s', 'ok'], ['lxc.time.offset.boot', '9223372036854775807h', 'reject'],
  ['lxc.time.offset.monotonic', '-0h', 'ok'],
  // prlimit
  ['lxc.prlimit.nofile', '1024:4096', 'ok'], ['lxc.prlimit.nofile', 'unlimited', 'ok'], ['lxc.prlimit.nofile', '-1', 'ok'],
  ['lxc.prlimit.nofile', ':5', 'surprising'], ['lxc.prlimit.nofile', '5:', 'ok'], ['lxc.prlimit.nofile', '5 : 6', 'ok'],
  ['lxc.prlimit.nofile', '5 6', 'reject'], ['lxc.prlimit.nofile', '0x10', 'reject'], ['lxc.prlimit.nofile', 'unlimitedx', 'reject'],
  ['lxc.prlimit.nofile', 'UNLIMITED', 'reject'], ['lxc.prlimit.nofile', '5:6:7', 'reject'], ['lxc.prlimit.nofile', '99999999999999999999', 'reject'],
  ['lxc.prlimit.nofile', '4096:1024', 'error'], ['lxc.prlimit.foo', '5', 'error'], ['lxc.prlimit.7', '5', 'ok'],
  // bare prefix keys: only empty
  ['lxc.prlimit', '5', 'reject'], ['lxc.cgroup2', 'x', 'reject'], ['lxc.sysctl', 'x', 'reject'], ['lxc.proc', 'x', 'reject'],
  ['lxc.hook', 'x', 'reject'], ['lxc.cgroup', 'x', 'reject'],
  // cgroup dirs
  ['lxc.cgroup.dir', '/abs', 'reject'], ['lxc.cgroup.dir', 'a..b', 'reject'], ['lxc.cgroup.dir', 'a/b', 'ok'],
  ['lxc.cgroup.dir.container.inner', 'a/b', 'reject'], ['lxc.cgroup.dir.container.inner', '..', 'reject'],
  ['lxc.cgroup.dir.container.inner', 'inner', 'ok'], ['lxc.cgroup.dir.monitor.pivot', 'lxc.pivot', 'ok'],
  // environment, seccomp proxy, groups, rootfs
  ['lxc.environment', 'FOO=bar', 'ok'], ['lxc.environment', 'PATH', 'load-time'],
  ['lxc.seccomp.notify.proxy', 'unix:/run/x.sock', 'ok'], ['lxc.seccomp.notify.proxy', 'unix:@x', 'ok'],
  ['lxc.seccomp.notify.proxy', 'unix:/', 'reject'], ['lxc.seccomp.notify.proxy', 'tcp:1.2.3.4', 'reject'], ['lxc.seccomp.notify.proxy', 'unix:x', 'reject'],
  ['lxc.seccomp.notify.proxy', `unix:/${'a'.repeat(106)}`, 'ok'], ['lxc.seccomp.notify.proxy', `unix:/${'a'.repeat(107)}`, 'reject'],
  ['lxc.init.groups', '1,2,3', 'ok'], ['lxc.init.groups', '1, 2', 'ok'], ['lxc.init.groups', '1 ,2', 'reject'], ['lxc.init.groups', ',', 'reject'],
  ['lxc.init.groups', 'wheel', 'reject'], ['lxc.init.groups', '010', 'numeric-base'],
  ['lxc.rootfs.options', 'nodev,nosuid', 'ok'], ['lxc.rootfs.options', 'optional', 'reject'], ['lxc.rootfs.options', 'data=relative', 'reject'],
  ['lxc.rootfs.options', 'idmap=container', 'ok'], ['lxc.rootfs.options', 'idmap=', 'reject'], ['lxc.rootfs.options', 'idmap=/run/userns', 'load-time'],
  ['lxc.rootfs.path', '/var/lib/lxc/a:b/rootfs', 'surprising'], ['lxc.rootfs.path', 'dir:/var/lib/lxc/a/rootfs', 'ok'],
  ['lxc.rootfs.path', 'overlayfs:/lower:/upper', 'ok'], ['lxc.keyring.session', '1', 'surprising'], ['lxc.keyring.session', '0', 'surprising'],
  // lengths: uts.name < 65 bytes, tty.dir < 256 bytes, paths < 4096 after simplification
  ['lxc.uts.name', 'a'.repeat(64), 'ok'], ['lxc.uts.name', 'a'.repeat(65), 'reject'], ['lxc.uts.name', 'é'.repeat(33), 'reject'],
  ['lxc.tty.dir', 'a'.repeat(255), 'ok'], ['lxc.tty.dir', 'a'.repeat(256), 'reject'],
  ['lxc.init.cwd', `/${'a'.repeat(4094)}`, 'ok'], ['lxc.init.cwd', `/${'a'.repeat(4095)}`, 'reject'], ['lxc.init.cwd', `/${'a'.repeat(4094)}//`, 'ok'],
  ['lxc.log.file', '/var/log/lxc/c.log', 'ok'], ['lxc.log.file', 'c.log', 'load-time'],
  // free text
  ['lxc.mount.entry', 'anything at all', 'ok'], ['lxc.hook.pre-start', '/bin/true', 'ok'], ['lxc.cgroup2.memory.max', '1G', 'ok'],
  ['lxc.sysctl.net.ipv4.ip_forward', '1', 'ok'], ['lxc.apparmor.profile', 'generated', 'ok'],
];

describe('checkValue against liblxc 5.0.2', () => {
  for (const [key, value, expected] of cases) {
    it(`${key} = ${JSON.stringify(value.length > 40 ? `${value.slice(0, 20)}…(${value.length})` : value)} → ${expected}`, () => {
      expect(verdict(key, value)).toContain(expected);
      if (expected === 'ok') expect(verdict(key, value)).toEqual(['ok']);
      if (expected !== 'reject') expect(verdict(key, value)).not.toContain('reject');
    });
  }
});

describe('release differences', () => {
  it('accepts x32, loongarch64 and loong64 from 6.0', () => {
    for (const arch of ['x32', 'loongarch64', 'loong64']) expect(verdict('lxc.arch', arch, '6.0')).toEqual(['ok']);
    expect(archNames('5.0')).not.toContain('x32');
  });
  it('accepts negative offsets in every unit from 6.0', () => {
    for (const v of ['-1h', '-2m', '-5ms', '-7us']) {
      expect(verdict('lxc.time.offset.boot', v, '6.0')).toEqual(['ok']);
      expect(verdict('lxc.time.offset.boot', v, '7.0')).toEqual(['ok']);
    }
    expect(verdict('lxc.time.offset.boot', '-9223372036854775807h', '6.0')).toEqual(['reject']);
  });
  it('checks lxc.environment.runtime and .hooks in 7.0', () => {
    expect(verdict('lxc.environment.runtime', 'A=b', '7.0')).toEqual(['ok']);
    expect(verdict('lxc.environment.hooks', 'HOME', '7.0')).toEqual(['load-time']);
    expect(lookupKey('lxc.environment.runtime', '5.0')).toBeUndefined();
  });
});

describe('parsers', () => {
  it('reads signals like sig_parse()', () => {
    expect(sigParse('SIGRTMIN+3')).toMatchObject({ ok: true, value: 37 });
    expect(sigParse('sigrtmax-0')).toMatchObject({ ok: true, value: 64 });
    expect(sigParse('0x9')).toMatchObject({ ok: true, value: 9 });
    expect(sigParse('TERM')).toEqual({ ok: false, hint: 'SIGTERM' });
    expect(sigParse('SIGRTMIN')).toEqual({ ok: false, hint: 'SIGRTMIN+0' });
  });
  it('reads byte sizes like parse_byte_size_string()', () => {
    expect(parseByteSize('5x')).toMatchObject({ ok: true, value: 5n, ignoredSuffix: 'x' });
    expect(parseByteSize('2 kb')).toMatchObject({ ok: true, value: 2048n });
    expect(parseByteSize('0x1B')).toMatchObject({ ok: true, value: 1n, ignoredSuffix: 'B' });
    expect(parseByteSize('1GB')).toMatchObject({ ok: true, value: 1073741824n });
    expect(parseByteSize('5TB')).toMatchObject({ ok: false, reason: 'suffix' });
  });
  it('reads prlimit values like set_config_prlimit()', () => {
    expect(parsePrlimit('-1')).toMatchObject({ ok: true, soft: 'unlimited', hard: 'unlimited' });
    expect(parsePrlimit(':5')).toMatchObject({ ok: true, soft: 0n, hard: 5n, emptySoft: true });
    expect(parsePrlimit('5:')).toMatchObject({ ok: true, soft: 5n, hard: 5n });
    expect(parsePrlimit('unlimited:10')).toMatchObject({ ok: true, soft: 'unlimited', hard: 10n });
    expect(parsePrlimit('1 2')).toEqual({ ok: false, at: 2 });
  });
  it('reads time offsets with the 5.0 overflow bug', () => {
    expect(parseTimeOffset('-1h', '5.0')).toMatchObject({ ok: false, reason: 'negative-5.0' });
    expect(parseTimeOffset('-1h', '6.0')).toMatchObject({ ok: true, value: -1n, unit: 'h' });
    expect(parseTimeOffset('5 ms', '6.0')).toMatchObject({ ok: false, reason: 'unit' });
  });
  it('parses id maps into fields with offsets', () => {
    const r = parseIdmap('u 0 100000 65536');
    expect(r).toMatchObject({ ok: true, type: 'u' });
    if (r.ok) expect(r.fields.map((f) => [f.text, f.start, f.value])).toEqual([['0', 2, 0n], ['100000', 4, 100000n], ['65536', 11, 65536n]]);
  });
  it('simplifies paths like lxc_path_simplify()', () => {
    expect(lxcPathSimplify('//a/./b//')).toBe('/a/b');
    expect(lxcPathSimplify('./a/../b')).toBe('a/../b');
    expect(lxcPathSimplify('/')).toBe('/');
    expect(lxcPathSimplify('.')).toBe('.');
  });
});

describe('word lists for hover and completion', () => {
  it('lists the closed grammars', () => {
    expect(allowedWords('lxc.log.level')).toContain('NOTICE');
    expect(allowedWords('lxc.arch', '6.0')).toContain('loong64');
    expect(allowedWords('lxc.cap.keep')).toContain('none');
    expect(allowedWords('lxc.cap.drop')).not.toContain('none');
    expect(allowedWords('lxc.signal.stop')).toContain('SIGTERM');
    expect(allowedWords('lxc.namespace.clone')).toEqual(['user', 'mnt', 'pid', 'uts', 'ipc', 'net', 'cgroup', 'time']);
    expect(allowedWords('lxc.start.auto')).toEqual(['0', '1']);
    expect(allowedWords('lxc.uts.name')).toBeUndefined();
  });
});

describe('value rules on whole configs', () => {
  const lint = (text: string) => lintText(text, '/c/config', undefined).diagnostics;
  it('offers an unsafe fix for a signal name without SIG, inside quotes too', () => {
    const d = lint('lxc.signal.stop = "TERM"\n').find((x) => x.ruleId === 'invalid-value')!;
    expect(d.fix).toMatchObject({ safe: false, edits: [{ start: 19, end: 23, newText: 'SIGTERM' }] });
  });
  it('fills an empty lxc.autodev with the default, keeping a blank after "="', () => {
    const d = lint('lxc.autodev =\n').find((x) => x.ruleId === 'surprising-value')!;
    expect(d.fix?.edits).toEqual([{ start: 13, end: 13, newText: ' 1' }]);
  });
  it('removes redundant quotes with a safe fix only when the value stays the same', () => {
    const fixOf = (text: string) => lint(text).find((x) => x.ruleId === 'quoted-value')?.fix;
    expect(fixOf('lxc.uts.name = "web"\n')).toMatchObject({ safe: true, edits: [{ start: 15, end: 16, newText: '' }, { start: 19, end: 20, newText: '' }] });
    expect(fixOf('lxc.uts.name = " web"\n')).toBeUndefined();
    expect(fixOf('lxc.uts.name = ""\n')).toBeUndefined();
    expect(fixOf(`lxc.uts.name = "'web'"\n`)).toBeUndefined();
  });
  it('replays cap keep/drop and namespace clone/keep in load order', () => {
    const ids = (text: string) => lint(text).filter((x) => x.ruleId === 'mutually-exclusive-keys').map((x) => x.range.start.line);
    expect(ids('lxc.cap.drop = sys_module\nlxc.cap.keep = sys_admin\n')).toEqual([1]);
    expect(ids('lxc.cap.keep = sys_admin\nlxc.cap.drop = sys_module\n')).toEqual([1]);
    expect(ids('lxc.cap.keep = none\nlxc.cap.drop = sys_module\n')).toEqual([1]);
    expect(ids('lxc.cap.keep = sys_admin\nlxc.cap.keep =\nlxc.cap.drop = sys_module\n')).toEqual([]);
    expect(ids('lxc.cap.drop = sys_module\nlxc.cap.drop =\nlxc.cap.keep = sys_admin\n')).toEqual([]);
    expect(ids('lxc.namespace.clone = net\nlxc.namespace.keep = user\n')).toEqual([1]);
    expect(ids('lxc.namespace.keep = net\nlxc.namespace.keep =\nlxc.namespace.clone = user\n')).toEqual([]);
  });
  it('ignores network keys (another rule family checks them)', () => {
    expect(lint('lxc.net.0.type = veth\nlxc.net.0.mtu = 010\n').filter((x) => x.ruleId === 'numeric-base')).toEqual([]);
  });
});
