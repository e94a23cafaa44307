import { interfaceLabel, netEntry } from '../../model/network';
import { q } from '../../util/quote';
import { safeUint } from '../../values/numbers';
import { defineRule, valueRange } from '../types';
import { knownType, vethMode } from '../network/util';
import { effectiveLink } from './util';

/** Devices the kernel caps at their lower device's MTU (macvlan, ipvlan: -EINVAL; vlan: -ERANGE). */
const CAPPED = ['macvlan', 'ipvlan', 'vlan'];

export default defineRule({
  id: 'host-mtu-exceeds-link',
  category: 'host',
  severity: 'error',
  summary: 'An interface MTU above the MTU of its host link',
  needsHost: true,
  docs: {
    description:
      'macvlan, ipvlan and vlan devices cannot have a larger MTU than the host device they sit on: the kernel refuses ' +
      'it and the container fails to start. A veth may have a larger MTU than its bridge, but frames above the ' +
      "bridge's MTU are dropped on the way to other ports, so large packets silently vanish (a warning). Raise the " +
      "host link's MTU first, or lower the container's.",
    bad: 'lxc.net.0.type = macvlan\nlxc.net.0.link = eth0\nlxc.net.0.mtu = 9000',
    good: 'lxc.net.0.type = macvlan\nlxc.net.0.link = eth0\nlxc.net.0.mtu = 1500',
  },
  check(ctx) {
    const facts = ctx.host!;
    for (const iface of ctx.network.interfaces) {
      const type = knownType(iface);
      const isVethBridge = type === 'veth' && vethMode(iface) === 'bridge';
      if (!type || !(CAPPED.includes(type) || isVethBridge)) continue;
      const mtuEntry = netEntry(iface, 'mtu');
      const l = effectiveLink(iface, facts);
      if (!mtuEntry || !l?.link || l.link.mtu <= 0) continue;
      const parsed = safeUint(mtuEntry.value);
      if (!parsed.ok) continue; // net-mtu-invalid
      const mtu = Number(parsed.value);
      if (mtu <= l.link.mtu) continue;
      const label = interfaceLabel(iface);
      ctx.report({
        doc: mtuEntry.doc,
        ...valueRange(mtuEntry),
        ...(isVethBridge
          ? { severity: 'warning' as const, message: `MTU ${mtu} of ${label} (${q(mtuEntry.key)}) is above the MTU ${l.link.mtu} of bridge ${q(l.link.name)}: frames larger than ${l.link.mtu} bytes are dropped on the way through the bridge` }
          : { message: `MTU ${mtu} of ${label} (${q(mtuEntry.key)}) is above the MTU ${l.link.mtu} of its host link ${q(l.link.name)}: the kernel refuses a ${type} MTU above its lower device's and the container fails to start` }),
      });
    }
  },
});
