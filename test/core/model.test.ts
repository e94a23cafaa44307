import { describe, expect, it } from 'vitest';
import { buildNetworkModel, effectiveType, MemoryFileSystem, netValue, parseConfig, resolveConfig } from '@lxclint/core';

const resolve = (text: string, files: Record<string, string> = {}, cwd = '/') =>
  resolveConfig(parseConfig(text, { uri: '/c/config' }), new MemoryFileSystem(files, cwd));

describe('includes', () => {
  it('splices included files in at the include line', () => {
    const r = resolve('lxc.uts.name = a\nlxc.include = /inc/x.conf\nlxc.arch = amd64\n', { '/inc/x.conf': 'lxc.tty.max = 1\n' });
    expect(r.entries.map((e) => e.key)).toEqual(['lxc.uts.name', 'lxc.include', 'lxc.tty.max', 'lxc.arch']);
    expect(r.entries[2]!.includedFrom).toBe(r.entries[1]);
  });
  it('reads only *.conf names of 6+ characters from a directory, hidden ones included', () => {
    const r = resolve('lxc.include = /d/\n', { '/d/a.conf': 'lxc.a = 1\n', '/d/.h.conf': 'lxc.b = 1\n', '/d/.conf': 'lxc.c = 1\n', '/d/x.txt': 'lxc.d = 1\n' });
    expect(r.entries.map((e) => e.key).sort()).toEqual(['lxc.a', 'lxc.b', 'lxc.include']);
  });
  it('accepts a missing directory written with a trailing slash but not a missing file', () => {
    expect(resolve('lxc.include = /nope/\n').includeProblems).toEqual([]);
    expect(resolve('lxc.include = /nope\n').includeProblems.map((p) => p.kind)).toEqual(['missing']);
  });
  it('resolves relative includes against the working directory and says so', () => {
    const r = resolve('lxc.include = x.conf\n', { '/work/x.conf': 'lxc.tty.max = 2\n' }, '/work');
    expect(r.includeProblems.map((p) => [p.kind, p.path])).toEqual([['relative', '/work/x.conf']]);
    expect(r.entries.map((e) => e.key)).toContain('lxc.tty.max');
  });
  it('stops at cycles instead of recursing', () => {
    const r = resolve('lxc.include = /a.conf\n', { '/a.conf': 'lxc.include = /b.conf\n', '/b.conf': 'lxc.include = /a.conf\n' });
    expect(r.includeProblems.map((p) => p.kind)).toEqual(['cycle']);
  });
  it('treats an empty include as a no-op', () => {
    expect(resolve('lxc.include =\n').includeProblems).toEqual([]);
  });
});

describe('network model', () => {
  const net = (text: string) => buildNetworkModel(resolve(text));
  it('orders interfaces by index, not file order, and allows gaps', () => {
    const m = net('lxc.net.5.type = veth\nlxc.net.007.type = macvlan\nlxc.net.0.type = none\n');
    expect(m.interfaces.map((i) => [i.index, i.type])).toEqual([[0, 'none'], [5, 'veth'], [7, 'macvlan']]);
  });
  it('wipes what was set before a type line', () => {
    const m = net('lxc.net.0.link = br0\nlxc.net.0.name = eth9\nlxc.net.0.type = veth\nlxc.net.0.flags = up\n');
    const i = m.interfaces[0]!;
    expect(netValue(i, 'link')).toBeUndefined();
    expect(netValue(i, 'flags')).toBe('up');
    expect(i.wiped.map((w) => w.entry.key)).toEqual(['lxc.net.0.link', 'lxc.net.0.name']);
  });
  it('reads an interface without type as empty', () => {
    expect(effectiveType(net('lxc.net.1.link = br0\n').interfaces[0]!)).toBe('empty');
  });
  it('rejects type-specific keys while the type differs, and clears of undefined interfaces', () => {
    const m = net('lxc.net.0.macvlan.mode = bridge\nlxc.net.0.type = macvlan\nlxc.net.1.link =\n');
    expect(m.problems.map((p) => [p.kind, p.entry.key])).toEqual([
      ['type-mismatch', 'lxc.net.0.macvlan.mode'],
      ['clear-undefined', 'lxc.net.1.link'],
    ]);
  });
  it('removes interfaces with lxc.net.N = and all with lxc.net =', () => {
    expect(net('lxc.net.0.type = veth\nlxc.net.1.type = veth\nlxc.net.0 =\n').interfaces.map((i) => i.index)).toEqual([1]);
    expect(net('lxc.net.0.type = veth\nlxc.net =\nlxc.net.2.type = veth\n').interfaces.map((i) => i.index)).toEqual([2]);
  });
  it('opens a new legacy interface at each lxc.network.type and applies later keys to the last one', () => {
    const m = net('lxc.network.type = veth\nlxc.network.link = br0\nlxc.network.type = macvlan\nlxc.network.link = eth0\nlxc.network.ipv4 = 192.0.2.1/24\n');
    expect(m.interfaces.map((i) => [i.legacy, i.index, i.type, netValue(i, 'link')])).toEqual([
      [true, 0, 'veth', 'br0'],
      [true, 1, 'macvlan', 'eth0'],
    ]);
    expect(netValue(m.interfaces[1]!, 'ipv4.address')).toBe('192.0.2.1/24');
  });
  it('appends list subkeys and keeps gateway dev sticky', () => {
    const m = net('lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 192.0.2.1/24\nlxc.net.0.ipv4.address = 192.0.2.2/24\nlxc.net.0.ipv4.gateway = dev\nlxc.net.0.ipv4.gateway = 192.0.2.254\n');
    const i = m.interfaces[0]!;
    expect(i.keys.get('ipv4.address')!.map((e) => e.value)).toEqual(['192.0.2.1/24', '192.0.2.2/24']);
    expect(i.gatewayDev.ipv4?.value).toBe('dev');
  });
  it('clears legacy interfaces addressed by index even when the indices leave gaps', () => {
    const m = net('lxc.network.1.type = veth\nlxc.network =\nlxc.network.type = macvlan\n');
    expect(m.removed.map((r) => r.iface.index)).toEqual([1]);
    expect(m.interfaces.map((i) => [i.index, i.type])).toEqual([[0, 'macvlan']]);
  });
});
