import { intendedIPv4Prefix } from '../../net/address';
import { formatIPv4, ipv4BytesOf } from '../../net/inet';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { parsedEntries, valueOffset } from './util';

export default defineRule({
  id: 'net-ipv4-prefix-missing',
  category: 'network',
  severity: 'warning',
  summary: 'An `ipv4.address` without `/PREFIX`: LXC derives one from the wrong octet',
  fix: 'unsafe',
  docs: {
    description:
      'Without a prefix LXC means to use the old address class (A: /8, B: /16, C: /24), but its code tests the ' +
      'address in network byte order, so on little-endian machines (x86, arm64) the LAST octet decides: 0-127 gives ' +
      '/8, 128-191 /16, 192-223 /24 and 224-255 /0. `192.0.2.5` therefore gets /8 and `192.0.2.250` gets /0, which ' +
      'routes everything through that interface. Always write the prefix. The fix adds the prefix LXC uses when that ' +
      'is also the class prefix (safe); otherwise it adds the class prefix, which changes what LXC does.',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 192.0.2.5',
    good: 'lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 192.0.2.5/24',
  },
  check(ctx) {
    const list = parsedEntries(ctx, ['ipv4.address']);
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      const p = ctx.analysis.ipv4Address(entry);
      if (!p.ok || p.hasPrefix) continue;
      const used = p.prefix;
      const bytes = ipv4BytesOf(p.bits);
      const meant = intendedIPv4Prefix(bytes);
      const addr = formatIPv4(bytes);
      const at = valueOffset(entry, entry.value.indexOf(' ') >= 0 ? entry.value.indexOf(' ') : entry.value.length);
      const same = used === meant;
      const message = same
        ? `No prefix on ${addr} in ${q(entry.key)}: LXC derives /${used} from the last octet (by a byte-order bug that happens to agree with the address class here); write ${q(`${addr}/${used}`)}`
        : `No prefix on ${addr} in ${q(entry.key)}: LXC derives it from the last octet (a byte-order bug) and uses /${used}${used === 0 ? ', which covers every address' : ''}, not the /${meant} the address class suggests; write the prefix, e.g. ${q(`${addr}/${meant}`)}`;
      ctx.report({
        doc: entry.doc,
        ...valueRange(entry),
        message,
        fix: same
          ? { description: `Add /${used}, the prefix LXC uses`, safe: true, edits: [{ start: at, end: at, newText: `/${used}` }] }
          : { description: `Add /${meant}, the class prefix (LXC now uses /${used})`, safe: false, edits: [{ start: at, end: at, newText: `/${meant}` }] },
      });
    }
  },
});
