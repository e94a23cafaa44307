import { interfaceLabel, netEntry } from '../../model/network';
import { q } from '../../util/quote';
import { defineRule, keyRange } from '../types';

export default defineRule({
  id: 'net-no-type',
  category: 'network',
  severity: 'error',
  summary: 'A network interface without a `type` line',
  docs: {
    description:
      'Any `lxc.net.N.*` line creates interface N. Without a `type` line the interface keeps type 0, which is ' +
      '`empty` (loopback), but with an empty name instead of `lo`, so the container fails to start ("Custom loopback ' +
      'device names not supported"). This usually means the `type` line has a typo in its index, or was forgotten.',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.link = lxcbr0\nlxc.net.1.link = lxcbr1',
    good: 'lxc.net.0.type = veth\nlxc.net.0.link = lxcbr0\nlxc.net.1.type = veth\nlxc.net.1.link = lxcbr1',
  },
  check(ctx) {
    let rejected: Set<unknown> | undefined;
    for (const iface of ctx.network.interfaces) {
      if (iface.type !== undefined || iface.legacy) continue;
      // Entries LXC refused (type-specific keys) are load errors already; they define nothing.
      const refused = (rejected ??= new Set(ctx.network.problems.map((p) => p.entry)));
      const first = iface.entries.find((e) => !refused.has(e));
      if (!first) continue;
      // A lone `name = lo` really is a loopback interface: it starts, just say what it is.
      const name = netEntry(iface, 'name');
      const loopback = name?.value === 'lo';
      ctx.report({
        doc: first.doc,
        ...keyRange(first),
        ...(loopback
          ? { severity: 'warning' as const, message: `${interfaceLabel(iface)} has no type line: LXC treats it as type "empty" (loopback only); write ${q(`lxc.net.${iface.index}.type = empty`)} if that is meant` }
          : { message: `${interfaceLabel(iface)} has no type line, so LXC treats it as an unnamed loopback device and the container fails to start; add ${q(`lxc.net.${iface.index}.type`)} before its other keys` }),
      });
    }
  },
});
