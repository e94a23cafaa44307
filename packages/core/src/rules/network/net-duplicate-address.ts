import { interfaceLabel, type NetworkInterface } from '../../model/network';
import type { ConfigEntry } from '../../model/resolve';
import { ipv6BytesOf, type IPv6Summary } from '../../net/address';
import { formatIPv4, formatIPv6, ipv4BytesOf } from '../../net/inet';
import { q } from '../../util/quote';
import { defineRule, valueRange, type RuleContext } from '../types';
import { knownType } from './util';

/**
 * The addresses seen so far, each with its first assignment (only the entry is kept: its interface and parsed
 * value are looked up again for the rare duplicate). IPv4 addresses are keyed by their 32 bits as a signed
 * int32 (a small integer for V8: no boxed number, no string); IPv6 ones by a hash of their four words with the
 * words compared within a bucket (no string built and hashed per address).
 */
class SeenAddresses {
  private v4 = new Map<number, ConfigEntry>();
  private v6 = new Map<number, ConfigEntry | ConfigEntry[]>();

  constructor(private readonly ctx: RuleContext) {}

  /** The first assignment of this IPv4 address, or undefined after recording this one as the first. */
  firstOrAdd4(entry: ConfigEntry, bits: number): ConfigEntry | undefined {
    const prev = this.v4.get(bits);
    if (prev === undefined) this.v4.set(bits, entry);
    return prev;
  }

  /** The same for an IPv6 address. */
  firstOrAdd6(entry: ConfigEntry, a: IPv6Summary): ConfigEntry | undefined {
    let h = 0x811c9dc5; // FNV-1a over the words: nearby addresses (…::1:2, …::2:1) land in different buckets
    h = Math.imul(h ^ a.w0, 0x01000193);
    h = Math.imul(h ^ a.w1, 0x01000193);
    h = Math.imul(h ^ a.w2, 0x01000193);
    h = Math.imul(h ^ a.w3, 0x01000193);
    const bucket = this.v6.get(h);
    if (bucket === undefined) {
      this.v6.set(h, entry);
      return undefined;
    }
    if (!Array.isArray(bucket)) {
      if (this.same6(bucket, a)) return bucket;
      this.v6.set(h, [bucket, entry]);
      return undefined;
    }
    for (const e of bucket) if (this.same6(e, a)) return e;
    bucket.push(entry);
    return undefined;
  }

  private same6(seen: ConfigEntry, a: IPv6Summary): boolean {
    const b = this.ctx.analysis.ipv6Address(seen) as IPv6Summary; // parsed when it was recorded
    return b.w0 === a.w0 && b.w1 === a.w1 && b.w2 === a.w2 && b.w3 === a.w3;
  }
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
    const seen = new SeenAddresses(ctx);
    for (const iface of ctx.network.interfaces) {
      const type = knownType(iface);
      if (type === 'empty' || type === 'none') continue;
      for (const entry of iface.keys.get('ipv4.address') ?? []) {
        const p = ctx.analysis.ipv4Address(entry);
        if (!p.ok) continue;
        const prev = seen.firstOrAdd4(entry, p.bits);
        if (prev) report(ctx, iface, entry, prev, formatIPv4(ipv4BytesOf(p.bits)), p.prefix, 4);
      }
      for (const entry of iface.keys.get('ipv6.address') ?? []) {
        const p = ctx.analysis.ipv6Address(entry);
        if (!p.ok) continue;
        const prev = seen.firstOrAdd6(entry, p);
        if (prev) report(ctx, iface, entry, prev, formatIPv6(ipv6BytesOf(p)), p.prefix, 6);
      }
    }
  },
});

function report(ctx: RuleContext, iface: NetworkInterface, entry: ConfigEntry, prev: ConfigEntry, text: string, prefix: number, family: 4 | 6): void {
  const prevIface = ctx.network.interfaceOf.get(prev)!;
  const prevPrefix = family === 4 ? (ctx.analysis.ipv4Address(prev) as { prefix: number }).prefix : 0;
  const sameIface = prevIface === iface;
  const fatal = sameIface && (family === 6 || prevPrefix === prefix);
  const where = sameIface ? `already assigned to ${interfaceLabel(iface)}` : `also assigned to ${interfaceLabel(prevIface)}`;
  ctx.report({
    doc: entry.doc,
    ...valueRange(entry),
    ...(fatal ? { severity: 'error' as const } : {}),
    message: fatal
      ? `Address ${text} in ${q(entry.key)} is ${where}: the kernel refuses the second one and the container fails to start`
      : `Address ${text} in ${q(entry.key)} is ${where}${sameIface ? ' with another prefix' : ''}: replies may leave through either, check for a copied block`,
    related: [{ uri: prev.doc.uri, ...valueRange(prev), message: 'first assigned here' }],
  });
}
