import { interfaceLabel, netEntry, type NetworkInterface } from '../../model/network';
import type { ConfigEntry } from '../../model/resolve';
import { canonicalMac, convertMac } from '../../net/mac';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { knownType } from './util';

export default defineRule({
  id: 'net-duplicate-hwaddr',
  category: 'network',
  severity: 'warning',
  summary: 'Two interfaces of the container with the same hardware address',
  docs: {
    description:
      'Each interface should have its own hardware address. Two interfaces with the same fixed `hwaddr` (written the ' +
      'same or differently, e.g. upper and lower case) confuse ARP and bridges when they share a network, and usually ' +
      'come from copying an interface block without changing it. Use an `x` template (`00:16:3e:xx:xx:xx`) or distinct ' +
      'addresses. Templates are random per interface and are not compared.',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.hwaddr = 00:16:3e:00:00:01\nlxc.net.1.type = veth\nlxc.net.1.hwaddr = 00:16:3E:00:00:01',
    good: 'lxc.net.0.type = veth\nlxc.net.0.hwaddr = 00:16:3e:00:00:01\nlxc.net.1.type = veth\nlxc.net.1.hwaddr = 00:16:3e:00:00:02',
  },
  check(ctx) {
    const first = new Map<string, { iface: NetworkInterface; entry: ConfigEntry }>();
    for (const iface of ctx.network.interfaces) {
      const type = knownType(iface);
      if (type === 'empty' || type === 'none') continue;
      const entry = netEntry(iface, 'hwaddr');
      if (!entry || /[xX]/.test(entry.value)) continue;
      const mac = convertMac(entry.value);
      if (!mac.ok || mac.bytes.length !== 6) continue;
      const canon = canonicalMac(entry.value, mac.bytes);
      const prev = first.get(canon);
      if (!prev) {
        first.set(canon, { iface, entry });
        continue;
      }
      ctx.report({
        doc: entry.doc,
        ...valueRange(entry),
        message: `Hardware address ${q(entry.value)} of ${interfaceLabel(iface)} is the same as ${interfaceLabel(prev.iface)}'s (${canon})`,
        related: [{ uri: prev.entry.doc.uri, start: valueRange(prev.entry).start, end: valueRange(prev.entry).end, message: 'the same address' }],
      });
    }
  },
});
