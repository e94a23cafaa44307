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
    // By the first three octets, then the last three: two small integers instead of one 48-bit number, which
    // V8 would box for every address.
    const first = new Map<number, Map<number, { iface: NetworkInterface; entry: ConfigEntry }>>();
    for (const iface of ctx.network.interfaces) {
      const type = knownType(iface);
      if (type === 'empty' || type === 'none') continue;
      const entry = netEntry(iface, 'hwaddr');
      if (!entry || entry.value.includes('x') || entry.value.includes('X')) continue; // templates: random per interface
      const mac = ctx.analysis.mac(entry);
      if (!mac.ok || mac.count !== 6) continue;
      // Without x digits the canonical text is the octets in lower-case hex: equal octets, equal text.
      const { high, low } = mac;
      let byLow = first.get(high);
      if (!byLow) first.set(high, (byLow = new Map()));
      const prev = byLow.get(low);
      if (!prev) {
        byLow.set(low, { iface, entry });
        continue;
      }
      const full = convertMac(entry.value);
      const canon = full.ok ? canonicalMac(entry.value, full.bytes) : '';
      ctx.report({
        doc: entry.doc,
        ...valueRange(entry),
        message: `Hardware address ${q(entry.value)} of ${interfaceLabel(iface)} is the same as ${interfaceLabel(prev.iface)}'s (${canon})`,
        related: [{ uri: prev.entry.doc.uri, start: valueRange(prev.entry).start, end: valueRange(prev.entry).end, message: 'the same address' }],
      });
    }
  },
});
