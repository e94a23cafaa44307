import { interfaceLabel, type NetworkInterface } from '../../model/network';
import type { ConfigEntry } from '../../model/resolve';
import { bytesEqual, formatIPv4, formatIPv6 } from '../../net/inet';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { knownType } from './util';

/**
 * The addresses seen so far, each with its first assignment. IPv4 addresses are keyed by their 32 bits as a
 * signed int32 (a small integer for V8: no boxed number, no string); IPv6 ones by a hash of their 16 bytes
 * with the bytes compared within a bucket (no string built and hashed per address).
 */
class SeenAddresses {
  private v4 = new Map<number, Seen>();
  private v6 = new Map<number, Seen | Seen[]>();

  /** The first assignment of this address, or undefined after recording this one as the first. */
  firstOrAdd(family: 4 | 6, iface: NetworkInterface, entry: ConfigEntry, a: Uint8Array, prefix: number): Seen | undefined {
    if (family === 4) {
      const key = (a[0]! << 24) | (a[1]! << 16) | (a[2]! << 8) | a[3]!;
      const prev = this.v4.get(key);
      if (prev === undefined) this.v4.set(key, { iface, entry, addr: a, prefix });
      return prev;
    }
    let h = 0x811c9dc5; // FNV-1a: nearby addresses (…::1:2, …::2:1) land in different buckets
    for (let i = 0; i < 16; i++) h = Math.imul(h ^ a[i]!, 0x01000193);
    const bucket = this.v6.get(h);
    if (bucket === undefined) {
      this.v6.set(h, { iface, entry, addr: a, prefix });
      return undefined;
    }
    if (!Array.isArray(bucket)) {
      if (bytesEqual(bucket.addr, a)) return bucket;
      this.v6.set(h, [bucket, { iface, entry, addr: a, prefix }]);
      return undefined;
    }
    for (const s of bucket) if (bytesEqual(s.addr, a)) return s;
    bucket.push({ iface, entry, addr: a, prefix });
    return undefined;
  }
}

const FAMILIES = [[4, 'ipv4.address'], [6, 'ipv6.address']] as const;

interface Seen {
  iface: NetworkInterface;
  entry: ConfigEntry;
  addr: Uint8Array;
  prefix: number;
}

export default defineRule({
  id: 'net-duplicate-address',
  category: 'network',
  severity: 'warning',
  summary: 'The same IP address twice in the container\'s network settings',
  docs: {
    description:
      'An address assigned twice to the same interface makes the start fail: the kernel refuses the second one ' +
      '("address already assigned"), for IPv4 when the prefix is the same too, for IPv6 always (an error). The same ' +
      'address on two interfaces, or twice on one interface with different IPv4 prefixes, is accepted but leaves ' +
      'routing to chance (a warning). Usually an interface block was copied and not edited.',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 192.0.2.10/24\nlxc.net.1.type = veth\nlxc.net.1.ipv4.address = 192.0.2.10/24',
    good: 'lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 192.0.2.10/24\nlxc.net.1.type = veth\nlxc.net.1.ipv4.address = 192.0.2.11/24',
  },
  check(ctx) {
    const seen = new SeenAddresses();
    for (const iface of ctx.network.interfaces) {
      const type = knownType(iface);
      if (type === 'empty' || type === 'none') continue;
      for (const [family, sub] of FAMILIES) {
        const list = iface.keys.get(sub);
        if (!list) continue;
        for (const entry of list) {
          const p = family === 4 ? ctx.analysis.ipv4Address(entry) : ctx.analysis.ipv6Address(entry);
          if (!p.ok) continue;
          const a = p.value;
          const prev = seen.firstOrAdd(family, iface, entry, a.addr, a.prefix);
          if (!prev) continue;
          const text = family === 4 ? formatIPv4(p.value.addr) : formatIPv6(p.value.addr);
          const sameIface = prev.iface === iface;
          const fatal = sameIface && (family === 6 || prev.prefix === p.value.prefix);
          const where = sameIface ? `already assigned to ${interfaceLabel(iface)}` : `also assigned to ${interfaceLabel(prev.iface)}`;
          ctx.report({
            doc: entry.doc,
            ...valueRange(entry),
            ...(fatal ? { severity: 'error' as const } : {}),
            message: fatal
              ? `Address ${text} in ${q(entry.key)} is ${where}: the kernel refuses the second one and the container fails to start`
              : `Address ${text} in ${q(entry.key)} is ${where}${sameIface ? ' with another prefix' : ''}: replies may leave through either, check for a copied block`,
            related: [{ uri: prev.entry.doc.uri, ...valueRange(prev.entry), message: 'first assigned here' }],
          });
        }
      }
    }
  },
});
