/**
 * Fast paths in the network parsers and the key lookup give exactly the answers of the code they replaced.
 * Each reference below is that code as it was (straight copies), run side by side with the current one on
 * generated inputs that stress the edge cases: leading zeros, too many parts, `::` anywhere, non-ASCII
 * digits, keys with odd indexes and subkeys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_KEYS, availableIn, legacyNetSubkey, lookupKey, NET_SUBKEY_NAMES, netSubkeyId, type KeyInfo, type KeyMatch, type LxcVersion,
} from '@lxclint/core';
import { parseIPv4, parseIPv6 } from '../../packages/core/src/net/inet';
import { ifnameProblem } from '../../packages/core/src/net/ifname';
import { canonicalMac, convertMac, macHasX, macRandomness, summarizeMac, type MacByte, type MacRandomness } from '../../packages/core/src/net/mac';
import {
  ipv6BytesOf, parseIPv4AddressValue, parseIPv6AddressValue, summarizeIPv4AddressValue, summarizeIPv6AddressValue,
} from '../../packages/core/src/net/address';
import { ipv4BytesOf } from '../../packages/core/src/net/inet';

// ---- references: the code before the fast paths ----
function refIsDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
function hexValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'a' && c <= 'f') return c.charCodeAt(0) - 87;
  if (c >= 'A' && c <= 'F') return c.charCodeAt(0) - 55;
  return -1;
}
function refParseIPv4(text: string): Uint8Array | undefined {
  const out = new Uint8Array(4);
  let octets = 0;
  let sawDigit = false;
  let cur = 0;
  for (const ch of text) {
    if (refIsDigit(ch)) {
      if (sawDigit && out[cur] === 0) return undefined;
      const next = out[cur]! * 10 + (ch.charCodeAt(0) - 48);
      if (next > 255) return undefined;
      out[cur] = next;
      if (!sawDigit) {
        if (++octets > 4) return undefined;
        sawDigit = true;
      }
    } else if (ch === '.' && sawDigit) {
      if (octets === 4) return undefined;
      cur++;
      sawDigit = false;
    } else {
      return undefined;
    }
  }
  if (octets < 4) return undefined;
  return out;
}
function refParseIPv6(text: string): Uint8Array | undefined {
  const tmp = new Uint8Array(16);
  let tp = 0;
  let colonp = -1;
  let i = 0;
  const n = text.length;
  if (n === 0) return undefined;
  // A leading `:` must be the start of `::`.
  if (text[0] === ':') {
    i = 1;
    if (i === n || text[i] !== ':') return undefined;
  }
  let curtok = i;
  let digits = 0;
  let val = 0;
  while (i < n) {
    const ch = text[i++]!;
    const d = hexValue(ch);
    if (d >= 0) {
      if (digits === 4) return undefined;
      val = (val << 4) | d;
      digits++;
      continue;
    }
    if (ch === ':') {
      curtok = i;
      if (digits === 0) {
        if (colonp >= 0) return undefined;
        colonp = tp;
        continue;
      } else if (i === n) {
        return undefined; // a trailing single `:`
      }
      if (tp + 2 > 16) return undefined;
      tmp[tp++] = (val >> 8) & 0xff;
      tmp[tp++] = val & 0xff;
      digits = 0;
      val = 0;
      continue;
    }
    if (ch === '.' && tp + 4 <= 16) {
      // The current group was really the start of a dotted quad: re-read it from the group's start.
      const v4 = refParseIPv4(text.slice(curtok));
      if (v4) {
        tmp.set(v4, tp);
        tp += 4;
        digits = 0;
        break;
      }
    }
    return undefined;
  }
  if (digits > 0) {
    if (tp + 2 > 16) return undefined;
    tmp[tp++] = (val >> 8) & 0xff;
    tmp[tp++] = val & 0xff;
  }
  if (colonp >= 0) {
    // `::` has to stand for at least one group.
    if (tp === 16) return undefined;
    const moved = tp - colonp;
    const tail = tmp.slice(colonp, tp);
    tmp.fill(0, colonp, 16);
    tmp.set(tail, 16 - moved);
    tp = 16;
  }
  if (tp !== 16) return undefined;
  return tmp;
}

function refIfnameProblem(name: string): string | undefined {
  if (name === '.' || name === '..') return `${name === '.' ? '"."' : '".."'} is not a valid interface name`;
  if (name.includes('/')) return 'an interface name cannot contain "/"';
  if (name.includes(':')) return 'an interface name cannot contain ":"';
  if (/[ \t\n\v\f\r]/.test(name)) return 'an interface name cannot contain whitespace';
  const percents = name.split('%').length - 1;
  if (percents > 0 && !(percents === 1 && name.includes('%d'))) return 'a "%" in an interface name must be a single "%d" template';
  return undefined;
}
const isX = (c: string | undefined) => c === 'x' || c === 'X';
function refMacRandomness(text: string, bytes: MacByte[]): MacRandomness {
  const template = /[xX]/.test(text);
  const first = bytes[0];
  const mayBeMulticast = first !== undefined && isX(text[first.lo]) && first.lo !== 1;
  let zeroChance = template && bytes.length === 6 ? 1 : 0;
  let random = 0;
  for (const b of bytes) {
    for (const at of [b.hi, b.lo]) {
      if (at === undefined) continue;
      if (isX(text[at])) {
        random++;
        zeroChance /= at === 1 ? 8 : 16;
      } else if (hexValue(text[at]!) !== 0) {
        zeroChance = 0;
      }
    }
  }
  if (random === 0) zeroChance = 0;
  return { template, mayBeMulticast, mayBeZero: zeroChance > 0, zeroChance };
}

// The catalogue's tables, built as catalog.ts builds them.
const exact = new Map<string, KeyInfo>();
const netSubkeys = new Map<string, KeyInfo>();
const byPattern = new Map<string, KeyInfo>();
for (const info of ALL_KEYS) {
  byPattern.set(info.key, info);
  if (info.key.startsWith('lxc.net.[i].')) netSubkeys.set(info.key.slice('lxc.net.[i].'.length), info);
  else if (!info.key.includes('[')) exact.set(info.key, info);
}
const DIGITS = /^[0-9]+/;
function refLookupKey(key: string, version: LxcVersion = '5.0'): KeyMatch | undefined {
  const direct = exact.get(key);
  if (direct && (direct.status === 'legacy' || availableIn(direct, version))) return { info: direct };
  if (key.startsWith('lxc.net.')) return refLookupNet(key);
  if (key.startsWith('lxc.network.')) return refLookupLegacyNet(key);
  for (const [prefix, pattern] of PREFIX_ROWS) {
    if (!key.startsWith(prefix)) continue;
    const info = byPattern.get(pattern)!;
    if (!availableIn(info, version) && info.status !== 'legacy') continue;
    const suffix = key.slice(prefix.length);
    // lxc.prlimit. (empty resource) is accepted by liblxc; the other families need a non-empty suffix.
    if (suffix.length === 0 && pattern !== 'lxc.prlimit.[resource]') return undefined;
    return { info, suffix };
  }
  return undefined;
}
const PREFIX_ROWS: Array<[string, string]> = [
  ['lxc.cgroup2.', 'lxc.cgroup2.[controller]'],
  ['lxc.cgroup.', 'lxc.cgroup.[controller]'],
  ['lxc.namespace.share.', 'lxc.namespace.share.[namespace]'],
  ['lxc.prlimit.', 'lxc.prlimit.[resource]'],
  ['lxc.sysctl.', 'lxc.sysctl.[parameter]'],
  ['lxc.proc.', 'lxc.proc.[file]'],
  ['lxc.limit.', 'lxc.limit.[resource]'],
];
function refLookupNet(key: string): KeyMatch | undefined {
  const rest = key.slice('lxc.net.'.length);
  const m = DIGITS.exec(rest);
  if (!m) return undefined;
  const netIndex = Number.parseInt(m[0], 10);
  if (netIndex >= 2147483647) return undefined;
  const after = rest.slice(m[0].length);
  if (after === '') return { info: byPattern.get('lxc.net.[i]')!, netIndex };
  if (!after.startsWith('.')) return undefined;
  const sub = after.slice(1);
  const info = netSubkeys.get(sub);
  return info ? { info, netIndex, netSubkey: sub } : undefined;
}
function refLookupLegacyNet(key: string): KeyMatch | undefined {
  const rest = key.slice('lxc.network.'.length);
  const m = DIGITS.exec(rest);
  if (!m) return undefined; // un-indexed legacy keys are exact rows, handled above
  const after = rest.slice(m[0].length);
  if (!after.startsWith('.')) return undefined;
  const sub = legacyNetSubkey(after.slice(1));
  if (!netSubkeys.has(sub)) return undefined;
  return { info: byPattern.get('lxc.network.[i].[subkey]')!, netIndex: Number.parseInt(m[0], 10), netSubkey: sub };
}


// ---- generators ----
const str = (chars: string[], maxLength: number) => fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(''));
const V4_CHARS = [...'0123456789', ...'0123456789', '.', '.', '.', ' ', 'x', '/', '٣', '-'];
const V6_CHARS = [...'0123456789abcdefABCDEF', ':', ':', ':', ':', '.', '.', 'g', ' ', '%', '[', '１'];
const v4Like = fc.oneof(
  str(V4_CHARS, 20),
  fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300), fc.constantFrom('', '0', '.1', '.', 'x')).map(([a, b, c, d, t]) => `${a}.${b}.${c}.${d}${t}`),
  fc.tuple(fc.nat(999), fc.nat(999)).map(([a, b]) => `0${a}.1.2.${b}`),
);
const hex = (minLength: number, maxLength: number) => fc.array(fc.constantFrom(...'0123456789abcdefABCDEF'), { minLength, maxLength }).map((a) => a.join(''));
const v6Like = fc.oneof(
  str(V6_CHARS, 45),
  fc.array(fc.oneof(hex(0, 5), fc.constant('')), { maxLength: 10 }).map((g) => g.join(':')),
  fc.tuple(fc.array(hex(1, 4), { maxLength: 7 }), v4Like).map(([g, v4]) => `${g.join(':')}::${v4}`),
);
const SUBS = [...netSubkeys.keys(), 'ipv4', 'ipv6', 'typo', '', 'type.', 'ipv4.address.x', 'Type', 'lInk', 'ipv4.addresx', 'ipv6_address', 'mtu ', 'veth.pai', 'x'];
const keyLike = fc.oneof(
  fc.tuple(fc.constantFrom('lxc.net.', 'lxc.network.', 'lxc.net', 'lxc.netw', 'lxc.network'), fc.constantFrom('', '0', '1', '007', '10', '2147483646', '2147483647', '99999999999999999999', 'x', '-1', ' 1'),
    fc.constantFrom('', '.', '..'), fc.constantFrom(...SUBS)).map((p) => p.join('')),
  fc.constantFrom(...ALL_KEYS.map((k) => k.key.replace('[i]', '0').replace(/\[[a-z]+\]/, 'x'))),
  fc.tuple(fc.constantFrom('lxc.cgroup2.', 'lxc.cgroup.', 'lxc.prlimit.', 'lxc.sysctl.', 'lxc.proc.', 'lxc.limit.', 'lxc.namespace.share.', 'lxc.'), str([...'abcnet.0'], 8)).map((p) => p.join('')),
);

describe('network parsers: fast paths = old code', () => {
  it('parseIPv4', () => {
    fc.assert(fc.property(v4Like, (s) => { expect(parseIPv4(s)).toStrictEqual(refParseIPv4(s)); }), { numRuns: 20000 });
    for (const s of ['0.0.0.0', '255.255.255.255', '256.1.1.1', '01.1.1.1', '1.1.1', '1.1.1.1.', '1.1.1.1.1', '', '.1.1.1', '1..1.1', '١.1.1.1', '1.1.1.1\ud835\udfd8']) {
      expect(parseIPv4(s), s).toStrictEqual(refParseIPv4(s));
    }
  });
  it('parseIPv6', () => {
    fc.assert(fc.property(v6Like, (s) => { expect(parseIPv6(s)).toStrictEqual(refParseIPv6(s)); }), { numRuns: 20000 });
    for (const s of ['::', '::1', '1::', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8', '1::2::3', '::ffff:192.0.2.1', '2001:db8::1:0:0:1']) {
      expect(parseIPv6(s), s).toStrictEqual(refParseIPv6(s));
    }
  });
  it('ifnameProblem', () => {
    fc.assert(fc.property(str([...'eth0%d%x.:/ \t'], 12), (s) => { expect(ifnameProblem(s)).toBe(refIfnameProblem(s)); }), { numRuns: 5000 });
  });
  it('macRandomness', () => {
    fc.assert(fc.property(str([...'0123456789abcdefABxX:::-'], 20), (s) => {
      const m = convertMac(s);
      if (m.ok) expect(macRandomness(s, m.bytes)).toStrictEqual(refMacRandomness(s, m.bytes));
    }), { numRuns: 10000 });
  });
  it('without x digits, equal octets ⇔ equal canonical text (net-duplicate-hwaddr keys on the octets)', () => {
    // Six groups of one or two hex digits (upper or lower case), with or without `:`, sometimes trailing text.
    const mac = fc.tuple(fc.array(hex(1, 2), { minLength: 6, maxLength: 6 }), fc.constantFrom(':', ':', ''), fc.constantFrom('', '', ':ff', 'zz'))
      .map(([groups, sep, tail]) => groups.join(sep) + tail);
    fc.assert(fc.property(mac, mac, (a, b) => {
      const ma = convertMac(a);
      const mb = convertMac(b);
      if (!ma.ok || !mb.ok || ma.bytes.length !== 6 || mb.bytes.length !== 6) return;
      const sameBytes = ma.bytes.every((x, i) => x.value === mb.bytes[i]!.value);
      expect(canonicalMac(a, ma.bytes) === canonicalMac(b, mb.bytes)).toBe(sameBytes);
    }), { numRuns: 3000 });
  });
});

describe('the lint\'s compact parse results = the full parsers', () => {
  // Address values: an address-like part, sometimes a prefix (plain, octal, hex, signed, empty, too big), sometimes a broadcast.
  const prefixLike = fc.constantFrom('', '/24', '/0', '/32', '/33', '/010', '/08', '/0x10', '/-1', '/+8', '/', '/64', '/128', '/200', '/4294967296', '/1 ', '/ 24', '/24\t1');
  const v4Value = fc.tuple(v4Like, prefixLike, fc.constantFrom('', '', ' 192.0.2.255', '  192.0.2.255', ' 1.2.3', ' x')).map((p) => p.join(''));
  const v6Value = fc.tuple(v6Like, prefixLike).map((p) => p.join(''));
  it('summarizeIPv4AddressValue', () => {
    fc.assert(fc.property(v4Value, (s) => {
      const full = parseIPv4AddressValue(s);
      const sum = summarizeIPv4AddressValue(s);
      if (!full.ok) {
        expect(sum).toStrictEqual(full);
        return;
      }
      expect(sum.ok).toBe(true);
      if (!sum.ok) return;
      expect(ipv4BytesOf(sum.bits)).toStrictEqual(full.value.addr);
      expect([sum.prefix, sum.hasPrefix]).toStrictEqual([full.value.prefix, full.value.prefixText !== undefined]);
    }), { numRuns: 20000 });
  });
  it('summarizeIPv6AddressValue', () => {
    fc.assert(fc.property(v6Value, (s) => {
      const full = parseIPv6AddressValue(s);
      const sum = summarizeIPv6AddressValue(s);
      if (!full.ok) {
        expect(sum).toStrictEqual(full);
        return;
      }
      expect(sum.ok).toBe(true);
      if (!sum.ok) return;
      expect(ipv6BytesOf(sum)).toStrictEqual(full.value.addr);
      expect(sum.prefix).toBe(full.value.prefix);
    }), { numRuns: 20000 });
  });
  it('summarizeMac', () => {
    fc.assert(fc.property(str([...'0123456789abcdefABxX:::-g '], 20), (s) => {
      const full = convertMac(s);
      const sum = summarizeMac(s);
      if (!full.ok) {
        expect(sum).toStrictEqual(full);
        return;
      }
      expect(sum.ok).toBe(true);
      if (!sum.ok) return;
      const octets = [0, 1, 2, 3, 4, 5].map((i) => full.bytes[i]?.value ?? 0);
      expect([sum.count, sum.end, sum.high, sum.low]).toStrictEqual([full.bytes.length, full.end, (octets[0]! << 16) | (octets[1]! << 8) | octets[2]!, (octets[3]! << 16) | (octets[4]! << 8) | octets[5]!]);
      // net-hwaddr-unusual's zero test: an x among the digits read, as isZeroMac looks for one.
      const xAtDigit = full.bytes.some((b) => /[xX]/.test(s[b.lo]!) || (b.hi !== undefined && /[xX]/.test(s[b.hi]!)));
      expect(macHasX(s, sum.end)).toBe(xAtDigit);
    }), { numRuns: 20000 });
  });
});

describe('lookupKey: digit scan and shared subkey names = old code', () => {
  it('gives the same match for every key and release', () => {
    fc.assert(fc.property(keyLike, fc.constantFrom<LxcVersion>('5.0', '6.0', '7.0'), (key, version) => {
      // The old code had no subkey numbers: compare without them, and check each against the subkey's name.
      const { netSubkeyId: id, ...match } = lookupKey(key, version) ?? ({} as Partial<KeyMatch>);
      const ref = refLookupKey(key, version);
      expect(ref === undefined ? undefined : match).toStrictEqual(ref);
      expect(id).toBe(match.netSubkey === undefined ? undefined : netSubkeyId(match.netSubkey));
      if (id !== undefined) expect(NET_SUBKEY_NAMES[id]).toBe(match.netSubkey);
    }), { numRuns: 20000 });
  });
});
