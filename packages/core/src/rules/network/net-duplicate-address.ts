import { interfaceLabel, type NetworkInterface } from '../../model/network';
import type { ConfigEntry } from '../../model/resolve';
import { parseIPv4AddressValue, parseIPv6AddressValue } from '../../net/address';
import { formatIPv4, formatIPv6 } from '../../net/inet';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { knownType } from './util';

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
    const seen = new Map<string, Seen>();
    for (const iface of ctx.network.interfaces) {
      const type = knownType(iface);
      if (type === 'empty' || type === 'none') continue;
      for (const family of [4, 6] as const) {
        for (const entry of iface.keys.get(`ipv${family}.address`) ?? []) {
          const p = family === 4 ? parseIPv4AddressValue(entry.value) : parseIPv6AddressValue(entry.value);
          if (!p.ok) continue;
          const text = family === 4 ? formatIPv4(p.value.addr) : formatIPv6(p.value.addr);
          const key = `${family} ${text}`;
          const prev = seen.get(key);
          if (!prev) {
            seen.set(key, { iface, entry, prefix: p.value.prefix });
            continue;
          }
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
