import { interfaceLabel, netEntry } from '../../model/network';
import type { ConfigEntry } from '../../model/resolve';
import { canonicalMac, convertMac } from '../../net/mac';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { EntryTable, mixBits } from './entry-table';
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
    // Hashed by the first three octets and the last three (two small integers: one 48-bit number would be boxed).
    const seen = new EntryTable(ctx.config.entries, ctx.network.interfaces.length);
    const hashOf = (e: ConfigEntry) => hashMac(ctx.analysis.mac(e) as { high: number; low: number });
    const interfaces = ctx.network.interfaces;
    for (let k = 0; k < interfaces.length; k++) {
      const iface = interfaces[k]!;
      const type = knownType(iface);
      if (type === 'empty' || type === 'none') continue;
      const entry = netEntry(iface, 'hwaddr');
      if (!entry || entry.value.includes('x') || entry.value.includes('X')) continue; // templates: random per interface
      const mac = ctx.analysis.mac(entry);
      if (!mac.ok || mac.count !== 6) continue;
      // Without x digits the canonical text is the octets in lower-case hex: equal octets, equal text.
      let i = seen.start(hashMac(mac));
      let prev = seen.at(i);
      for (; prev !== undefined; prev = seen.at((i = seen.next(i)))) {
        const p = ctx.analysis.mac(prev) as { high: number; low: number }; // parsed when it was recorded
        if (p.high === mac.high && p.low === mac.low) break;
      }
      if (prev === undefined) {
        seen.put(i, entry, hashOf);
        continue;
      }
      const prevIface = ctx.network.interfaceOf.get(prev)!;
      const full = convertMac(entry.value);
      const canon = full.ok ? canonicalMac(entry.value, full.bytes) : '';
      ctx.report({
        doc: entry.doc,
        ...valueRange(entry),
        message: `Hardware address ${q(entry.value)} of ${interfaceLabel(iface)} is the same as ${interfaceLabel(prevIface)}'s (${canon})`,
        related: [{ uri: prev.doc.uri, start: valueRange(prev).start, end: valueRange(prev).end, message: 'the same address' }],
      });
    }
  },
});

function hashMac(mac: { high: number; low: number }): number {
  return mixBits(Math.imul(mac.high, 0x01000193) ^ mac.low);
}
