import { interfaceLabel, isList, type NetworkInterface } from '../../model/network';
import type { ConfigEntry } from '../../model/resolve';
import { ipv6BytesOf, type IPv6Summary } from '../../net/address';
import { formatIPv4, formatIPv6, ipv4BytesOf } from '../../net/inet';
import { q } from '../../util/quote';
import { defineRule, valueRange, type RuleContext } from '../types';
import { EntryTable, mixBits } from './entry-table';
import { knownType } from './util';

/**
 * The addresses seen so far, each with its first assignment (only the entry is kept: its interface and parsed
 * value are looked up again, parsed once per run). IPv4 addresses are hashed by their 32 bits, IPv6 ones by their
 * four words; no string is built per address.
 */
class SeenAddresses {
  private readonly v4: EntryTable;
  private readonly v6: EntryTable;
  private readonly hash4 = (e: ConfigEntry) => mixBits(this.bits4(e));
  private readonly hash6 = (e: ConfigEntry) => hash6(this.summary6(e));

  constructor(private readonly ctx: RuleContext, expected4: number, expected6: number) {
    this.v4 = new EntryTable(ctx.config.entries, expected4);
    this.v6 = new EntryTable(ctx.config.entries, expected6);
  }

  /** The first assignment of this IPv4 address, or undefined after recording this one as the first. */
  firstOrAdd4(entry: ConfigEntry, bits: number): ConfigEntry | undefined {
    const t = this.v4;
    let i = t.start(mixBits(bits));
    for (let seen = t.at(i); seen !== undefined; seen = t.at((i = t.next(i)))) if (this.bits4(seen) === bits) return seen;
    t.put(i, entry, this.hash4);
    return undefined;
  }

  /** The same for an IPv6 address. */
  firstOrAdd6(entry: ConfigEntry, a: IPv6Summary): ConfigEntry | undefined {
    const t = this.v6;
    let i = t.start(hash6(a));
    for (let seen = t.at(i); seen !== undefined; seen = t.at((i = t.next(i)))) if (same6(this.summary6(seen), a)) return seen;
    t.put(i, entry, this.hash6);
    return undefined;
  }

  private bits4(seen: ConfigEntry): number {
    return (this.ctx.analysis.ipv4Address(seen) as { bits: number }).bits; // parsed when it was recorded
  }

  private summary6(seen: ConfigEntry): IPv6Summary {
    return this.ctx.analysis.ipv6Address(seen) as IPv6Summary; // parsed when it was recorded
  }
}

/** FNV-1a over the words: nearby addresses (…::1:2, …::2:1) land in different slots. */
function hash6(a: IPv6Summary): number {
  let h = 0x811c9dc5;
  h = Math.imul(h ^ a.w0, 0x01000193);
  h = Math.imul(h ^ a.w1, 0x01000193);
  h = Math.imul(h ^ a.w2, 0x01000193);
  h = Math.imul(h ^ a.w3, 0x01000193);
  return mixBits(h);
}

function same6(b: IPv6Summary, a: IPv6Summary): boolean {
  return b.w0 === a.w0 && b.w1 === a.w1 && b.w2 === a.w2 && b.w3 === a.w3;
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
    // Sized for every parsed address (an upper bound of the effective ones): no table grows.
    const seen = new SeenAddresses(ctx, ctx.analysis.parsedEntries(['ipv4.address']).length, ctx.analysis.parsedEntries(['ipv6.address']).length);
    const interfaces = ctx.network.interfaces;
    for (let i = 0; i < interfaces.length; i++) {
      const iface = interfaces[i]!;
      const type = knownType(iface);
      if (type === 'empty' || type === 'none') continue;
      // The slots as stored (one entry, or a list of more): get() would make an array per interface.
      const v4 = iface.keys.slot('ipv4.address');
      if (v4 !== undefined) {
        if (!isList(v4)) check4(ctx, seen, iface, v4);
        else for (let k = 0; k < v4.length; k++) check4(ctx, seen, iface, v4[k]!);
      }
      const v6 = iface.keys.slot('ipv6.address');
      if (v6 !== undefined) {
        if (!isList(v6)) check6(ctx, seen, iface, v6);
        else for (let k = 0; k < v6.length; k++) check6(ctx, seen, iface, v6[k]!);
      }
    }
  },
});

function check4(ctx: RuleContext, seen: SeenAddresses, iface: NetworkInterface, entry: ConfigEntry): void {
  const p = ctx.analysis.ipv4Address(entry);
  if (!p.ok) return;
  const prev = seen.firstOrAdd4(entry, p.bits);
  if (prev) report(ctx, iface, entry, prev, formatIPv4(ipv4BytesOf(p.bits)), p.prefix, 4);
}

function check6(ctx: RuleContext, seen: SeenAddresses, iface: NetworkInterface, entry: ConfigEntry): void {
  const p = ctx.analysis.ipv6Address(entry);
  if (!p.ok) return;
  const prev = seen.firstOrAdd6(entry, p);
  if (prev) report(ctx, iface, entry, prev, formatIPv6(ipv6BytesOf(p)), p.prefix, 6);
}

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
