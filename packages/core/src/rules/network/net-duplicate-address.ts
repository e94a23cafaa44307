import { interfaceLabel, type NetworkInterface } from '../../model/network';
import type { ConfigEntry } from '../../model/resolve';
import { formatIPv4, formatIPv6 } from '../../net/inet';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { knownType } from './util';

/**
 * A map key per address: equal bytes give equal keys, as the formatted text would, without formatting each
 * one. IPv4 keys are numbers and IPv6 keys strings (eight 16-bit groups), so the families never collide.
 */
function addressKey(family: 4 | 6, a: Uint8Array): number | string {
  if (family === 4) return ((a[0]! << 24) | (a[1]! << 16) | (a[2]! << 8) | a[3]!) >>> 0;
  return String.fromCharCode((a[0]! << 8) | a[1]!, (a[2]! << 8) | a[3]!, (a[4]! << 8) | a[5]!, (a[6]! << 8) | a[7]!,
    (a[8]! << 8) | a[9]!, (a[10]! << 8) | a[11]!, (a[12]! << 8) | a[13]!, (a[14]! << 8) | a[15]!);
}

const FAMILIES = [[4, 'ipv4.address'], [6, 'ipv6.address']] as const;

interface Seen {
  iface: NetworkInterface;
  entry: ConfigEntry;
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
    const seen = new Map<number | string, Seen>();
    for (const iface of ctx.network.interfaces) {
      const type = knownType(iface);
      if (type === 'empty' || type === 'none') continue;
      for (const [family, sub] of FAMILIES) {
        const list = iface.keys.get(sub);
        if (!list) continue;
        for (const entry of list) {
          const p = family === 4 ? ctx.analysis.ipv4Address(entry) : ctx.analysis.ipv6Address(entry);
          if (!p.ok) continue;
          const key = addressKey(family, p.value.addr);
          const prev = seen.get(key);
          if (!prev) {
            seen.set(key, { iface, entry, prefix: p.value.prefix });
            continue;
          }
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
