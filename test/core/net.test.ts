/**
 * Unit tests of the network value parsers against facts seen in liblxc 5.0.2 (python3-lxc load_config on
 * this kind of machine) and in lxc_convert_mac() (its loop compiled on its own with the same input).
 */
import { describe, expect, it } from 'vitest';
import {
  derivedIPv4Prefix, intendedIPv4Prefix, parseGatewayValue, parseIPv4AddressValue, parseIPv6AddressValue, parseRouteValue,
} from '../../packages/core/src/net/address';
import { parseIPv4 } from '../../packages/core/src/net/inet';
import { ifnameProblem, truncateIfname } from '../../packages/core/src/net/ifname';
import { canonicalMac, convertMac, isMulticastMac, isZeroMac, macRandomness } from '../../packages/core/src/net/mac';

describe('ipv4.address values (set_config_net_ipv4_address)', () => {
  const ok = (v: string) => {
    const r = parseIPv4AddressValue(v);
    if (!r.ok) throw new Error(`rejected: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const err = (v: string) => {
    const r = parseIPv4AddressValue(v);
    if (r.ok) throw new Error('accepted');
    return r.error;
  };
  it('reads address, prefix and broadcast', () => {
    expect(ok('192.0.2.10/24').prefix).toBe(24);
    expect(ok('192.0.2.10/24 192.0.2.255').broadcastText).toBe('192.0.2.255');
    // lxc_safe_uint is base 0: /0x10 is 16 and /010 is 8 [5.0.2 run: 192.0.2.5/0x10 reads back as /16].
    expect(ok('192.0.2.5/0x10').prefix).toBe(16);
    expect(ok('192.0.2.5/010').prefix).toBe(8);
    expect(ok('192.0.2.5/32').prefix).toBe(32);
    expect(ok('192.0.2.5/0').prefix).toBe(0);
  });
  it('derives a missing prefix from the LAST octet, as liblxc does on x86 [5.0.2 run]', () => {
    expect(ok('192.0.2.5').prefix).toBe(8);
    expect(ok('192.0.2.200').prefix).toBe(24);
    expect(ok('192.0.2.250').prefix).toBe(0);
    expect(ok('10.0.0.130').prefix).toBe(16);
    expect(ok('10.0.0.5').prefixText).toBeUndefined();
    expect(derivedIPv4Prefix(parseIPv4('198.51.100.191')!)).toBe(16);
    expect(derivedIPv4Prefix(parseIPv4('198.51.100.192')!)).toBe(24);
    expect(derivedIPv4Prefix(parseIPv4('198.51.100.223')!)).toBe(24);
    expect(derivedIPv4Prefix(parseIPv4('198.51.100.224')!)).toBe(0);
    expect(intendedIPv4Prefix(parseIPv4('192.0.2.5')!)).toBe(24);
    expect(intendedIPv4Prefix(parseIPv4('172.16.0.1')!)).toBe(16);
    expect(intendedIPv4Prefix(parseIPv4('10.0.0.1')!)).toBe(8);
  });
  it('fails in the order liblxc checks: address, broadcast, prefix', () => {
    expect(err('192.0.2.005/24')).toEqual({ kind: 'address', text: '192.0.2.005' });
    expect(err('10.1/8')).toEqual({ kind: 'address', text: '10.1' });
    // The broadcast starts after the FIRST space: two spaces leave one in front of it.
    expect(err('192.0.2.10/24  192.0.2.255')).toEqual({ kind: 'broadcast', text: ' 192.0.2.255' });
    // A tab is not a separator, so it ends up in the prefix.
    expect(err('192.0.2.10/24\t192.0.2.255')).toEqual({ kind: 'prefix', text: '24\t192.0.2.255' });
    // The space is cut before the slash: "/ 24" leaves an empty prefix and "24" as broadcast.
    expect(err('192.0.2.10/ 24')).toEqual({ kind: 'broadcast', text: '24' });
    expect(err('192.0.2.10/')).toEqual({ kind: 'prefix', text: '' });
    expect(err('192.0.2.10/-1')).toEqual({ kind: 'prefix', text: '-1' });
    expect(err('192.0.2.10/08')).toEqual({ kind: 'prefix', text: '08' });
    expect(err('192.0.2.10/33')).toEqual({ kind: 'prefix-range', text: '33', value: 33 });
    expect(err('bogus/99 x')).toEqual({ kind: 'address', text: 'bogus' });
  });
});

describe('ipv6.address values (set_config_net_ipv6_address)', () => {
  it('defaults to /64 and does not range-check the prefix [5.0.2 run: /200 accepted]', () => {
    const a = parseIPv6AddressValue('2001:db8::1');
    expect(a.ok && a.value.prefix).toBe(64);
    const b = parseIPv6AddressValue('1:2:3:4:5:6:7::/200');
    expect(b.ok && b.value.prefix).toBe(200);
    const c = parseIPv6AddressValue('2001:db8::1/0x30');
    expect(c.ok && c.value.prefix).toBe(48);
  });
  it('checks the prefix before the address, and nothing may follow it', () => {
    expect(parseIPv6AddressValue('2001:db8::1/64 x')).toEqual({ ok: false, error: { kind: 'prefix', text: '64 x' } });
    expect(parseIPv6AddressValue('zz/64 x')).toEqual({ ok: false, error: { kind: 'prefix', text: '64 x' } });
    expect(parseIPv6AddressValue('zz/64')).toEqual({ ok: false, error: { kind: 'address', text: 'zz' } });
    expect(parseIPv6AddressValue('2001:db8::1%eth0')).toEqual({ ok: false, error: { kind: 'address', text: '2001:db8::1%eth0' } });
  });
});

describe('gateways and veth routes', () => {
  it('takes auto, dev or a bare address', () => {
    expect(parseGatewayValue('auto', 4)).toEqual({ kind: 'auto' });
    expect(parseGatewayValue('dev', 6)).toEqual({ kind: 'dev' });
    expect(parseGatewayValue('Auto', 4)).toBeUndefined();
    expect(parseGatewayValue('192.0.2.1', 4)?.kind).toBe('address');
    expect(parseGatewayValue('192.0.2.1/24', 4)).toBeUndefined();
    expect(parseGatewayValue('192.0.2.1', 6)).toBeUndefined();
    expect(parseGatewayValue('fe80::1', 6)?.kind).toBe('address');
  });
  it('needs a prefix on routes and range-checks it per family', () => {
    expect(parseRouteValue('198.51.100.0', 4)).toEqual({ ok: false, error: { kind: 'no-prefix' } });
    expect(parseRouteValue('198.51.100.0/', 4)).toEqual({ ok: false, error: { kind: 'no-prefix' } });
    expect(parseRouteValue('198.51.100.0/33', 4)).toEqual({ ok: false, error: { kind: 'prefix-range', text: '33', value: 33, max: 32 } });
    expect(parseRouteValue('2001:db8::/129', 6)).toEqual({ ok: false, error: { kind: 'prefix-range', text: '129', value: 129, max: 128 } });
    expect(parseRouteValue('2001:db8::/128', 6).ok).toBe(true);
    expect(parseRouteValue('198.51.100.0/0x18', 4).ok).toBe(true);
    // The prefix is checked before the address.
    expect(parseRouteValue('bogus/x', 4)).toEqual({ ok: false, error: { kind: 'prefix', text: 'x' } });
  });
});

/** lxc_convert_mac() results for the same strings, from its loop compiled on its own: bytes read and where it stopped. */
const MAC: Array<[string, { hex: string; end: number } | { at: number }]> = [
  ["00:16:3e:12:34:56", {"hex": "00163e123456", "end": 17}],
  ["00-16-3e-12-34-56", {"at": 2}],
  ["aabbccddeeff", {"hex": "aabbccddeeff", "end": 12}],
  ["a:b:c:d:e:f", {"hex": "0a0b0c0d0e0f", "end": 11}],
  ["a::b:c:d:e:f", {"hex": "0a0b0c0d0e0f", "end": 12}],
  ["00:16:3e", {"hex": "00163e", "end": 8}],
  ["00:16:3e:00:00:01:ff", {"hex": "00163e000001", "end": 18}],
  ["00:16:3e:12:34:56 # x", {"hex": "00163e123456", "end": 17}],
  ["0g:00:00:00:00:00", {"at": 1}],
  [":00:11:22:33:44:55", {"at": 0}],
  ["aab:c:d:e:f:1", {"hex": "aa0b0c0d0e0f", "end": 12}],
  ["00::11:22:33:44:55", {"at": 3}],
  ["000:11:22:33:44:55", {"hex": "000011223344", "end": 16}],
  ["0:1:2:3:4:5", {"hex": "000102030405", "end": 11}],
  ["AA:BB:CC:DD:EE:FF", {"hex": "aabbccddeeff", "end": 17}],
  ["a", {"hex": "0a", "end": 1}],
  ["ab:", {"hex": "ab", "end": 3}],
  ["ab::", {"at": 3}],
  ["ab:::cd", {"at": 3}],
  ["zz", {"at": 0}],
  ["00:16:3e:12:34:5g", {"at": 16}],
  ["1:2:3:4:5:6:7:8", {"hex": "010203040506", "end": 12}],
];

describe('hwaddr (lxc_convert_mac)', () => {
  it.each(MAC)('%j', (text, expected) => {
    const r = convertMac(text);
    if ('at' in expected) {
      expect(r).toEqual({ ok: false, at: expected.at });
    } else {
      if (!r.ok) throw new Error(`rejected at ${r.at}`);
      expect(r.bytes.map((b) => b.value.toString(16).padStart(2, '0')).join('')).toBe(expected.hex);
      expect(r.end).toBe(expected.end);
    }
  });
  it('treats x as a random hex digit and knows which ones can make the address multicast', () => {
    const t = convertMac('00:16:3e:xx:xx:xx');
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(canonicalMac('00:16:3E:xX:xx:xx', t.bytes)).toBe('00:16:3e:xx:xx:xx');
    expect(macRandomness('00:16:3e:xx:xx:xx', t.bytes)).toEqual({ template: true, mayBeMulticast: false, mayBeZero: false, zeroChance: 0 });
    const offset1 = convertMac('xx:00:00:00:00:00');
    if (!offset1.ok) throw new Error('rejected');
    // Offset 1 is drawn from even digits: unicast, and zero once in 16 * 8.
    expect(macRandomness('xx:00:00:00:00:00', offset1.bytes)).toEqual({ template: true, mayBeMulticast: false, mayBeZero: true, zeroChance: 1 / 128 });
    const single = convertMac('x:16:3e:00:00:01');
    if (!single.ok) throw new Error('rejected');
    expect(macRandomness('x:16:3e:00:00:01', single.bytes).mayBeMulticast).toBe(true);
  });
  it('recognises multicast and zero addresses', () => {
    const m = convertMac('01:00:5e:00:00:01');
    expect(m.ok && isMulticastMac(m.bytes)).toBe(true);
    const u = convertMac('02:00:5e:00:00:01');
    expect(u.ok && isMulticastMac(u.bytes)).toBe(false);
    const z = convertMac('0:0:0:0:0:0');
    expect(z.ok && isZeroMac('0:0:0:0:0:0', z.bytes)).toBe(true);
    const zx = convertMac('0:0:0:0:0:x');
    expect(zx.ok && isZeroMac('0:0:0:0:0:x', zx.bytes)).toBe(false);
  });
});

describe('interface names', () => {
  it('cuts at 15 bytes, not characters', () => {
    expect(truncateIfname('eth-frontend-001', 'utf8')).toEqual({ text: 'eth-frontend-00', splitChar: false });
    expect(truncateIfname('eth0', 'utf8')).toEqual({ text: 'eth0', splitChar: false });
    expect(truncateIfname('brücke-äußere-x', 'utf8')).toEqual({ text: 'brücke-äußer', splitChar: false });
    expect(truncateIfname('vethcontainer-ü', 'utf8')).toEqual({ text: 'vethcontainer-', splitChar: true });
    expect(truncateIfname('vethcontainer-ü', 'latin1')).toEqual({ text: 'vethcontainer-ü', splitChar: false });
  });
  it('knows what the kernel refuses', () => {
    expect(ifnameProblem('eth0')).toBeUndefined();
    expect(ifnameProblem('eth%d')).toBeUndefined();
    expect(ifnameProblem('eth0:1')).toMatch(/":"/);
    expect(ifnameProblem('a b')).toMatch(/whitespace/);
    expect(ifnameProblem('a/b')).toMatch(/"\/"/);
    expect(ifnameProblem('..')).toBeDefined();
    expect(ifnameProblem('eth%d%d')).toBeDefined();
    expect(ifnameProblem('eth%s')).toBeDefined();
  });
});

describe('network model details', () => {
  it('`lxc.net.010 =` removes interface 8: the removal reads the index as a C number [5.0.2 run]', async () => {
    const { buildNetworkModel, parseConfig, resolveConfig } = await import('@lxclint/core');
    const config = resolveConfig(parseConfig('lxc.net.8.type = veth\nlxc.net.8.link = br0\nlxc.net.10.type = veth\nlxc.net.010 =\n', { uri: 'm.conf' }), undefined);
    const model = buildNetworkModel(config);
    expect(model.interfaces.map((i) => i.index)).toEqual([10]);
    expect(model.removed.map((r) => r.iface.index)).toEqual([8]);
  });
});
