import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { startHwaddrs, valuePartRange } from './util';

export default defineRule({
  id: 'net-hwaddr-format',
  category: 'network',
  severity: 'error',
  summary: 'A hardware address LXC cannot convert, or converts only in part',
  docs: {
    description:
      'LXC does not check `hwaddr` while reading the config; it converts it when the container starts. It reads up to ' +
      'six groups of one or two hex digits separated by `:` (`x` stands for a random digit). Any other character, ' +
      'such as `-` as a separator, makes the start fail ("Failed to setup hw address"). With fewer than six groups the ' +
      'start goes on and the missing bytes come from uninitialised memory; text after the sixth group is ignored. ' +
      'Both are warnings.',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.hwaddr = 00-16-3e-12-34-56',
    good: 'lxc.net.0.type = veth\nlxc.net.0.hwaddr = 00:16:3e:12:34:56',
  },
  check(ctx) {
    const list = startHwaddrs(ctx);
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      const value = entry.value;
      const mac = ctx.analysis.mac(entry);
      if (!mac.ok) {
        const ch = value[mac.at]!;
        ctx.report({
          doc: entry.doc,
          ...valuePartRange(entry, mac.at, mac.at + 1),
          message: `Invalid hardware address ${q(value)} for ${q(entry.key)}: ${q(ch)} at position ${mac.at + 1} is not a hex digit${ch === '-' ? ' (separate the octets with ":")' : ''}; the container fails to start`,
        });
        continue;
      }
      if (mac.count < 6) {
        ctx.report({
          doc: entry.doc,
          ...valueRange(entry),
          severity: 'warning',
          message: `Hardware address ${q(value)} for ${q(entry.key)} has ${mac.count} of 6 octets: LXC takes the other ${6 - mac.count} from uninitialised memory`,
        });
      } else if (mac.end < value.length) {
        ctx.report({
          doc: entry.doc,
          ...valuePartRange(entry, mac.end, value.length),
          severity: 'warning',
          message: `LXC ignores ${q(value.slice(mac.end))} after the sixth octet of hardware address ${q(value)} for ${q(entry.key)}`,
        });
      }
    }
  },
});
