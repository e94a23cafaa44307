import { interfaceLabel } from '../../model/network';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { knownType, vethMode } from '../network/util';
import { effectiveLink, similarLinks } from './util';

/** Types created on, or taken from, a host device. */
const ON_LINK = ['macvlan', 'ipvlan', 'vlan', 'phys'];

export default defineRule({
  id: 'host-link-missing',
  category: 'host',
  severity: 'error',
  summary: 'The `link` does not exist on the host',
  needsHost: true,
  docs: {
    description:
      'A veth in bridge mode is attached to the bridge named by `link`; macvlan, ipvlan and vlan interfaces are created ' +
      'on it; phys moves it into the container. When the host has no interface of that name the container fails to ' +
      'start ("bridge interface doesn\'t exist", "Failed to retrieve ifindex"). For a veth in router mode the link only ' +
      'gives the MTU to inherit, so a missing one is a warning. For phys, `link = eth+` is matched against the host\'s ' +
      'interfaces while the config loads; when nothing matches, the link stays empty and the start fails.',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.link = lxcbr1',
    good: 'lxc.net.0.type = veth\nlxc.net.0.link = lxcbr0',
  },
  check(ctx) {
    const facts = ctx.host!;
    for (const iface of ctx.network.interfaces) {
      const type = knownType(iface);
      if (type !== 'veth' && !ON_LINK.includes(type ?? '')) continue;
      const l = effectiveLink(iface, facts);
      if (!l || l.link) continue;
      const { entry, name } = l;
      const label = interfaceLabel(iface);
      // liblxc treats the name "none" as existing (lxc_nic_exists), a leftover of lxc-user-nic.
      if (type === 'veth' && name === 'none') continue;
      if (type === 'phys' && entry.value.endsWith('+')) {
        const stem = entry.value.slice(0, -1);
        if (facts.links.some((x) => x.name.startsWith(stem))) continue;
        ctx.report({ doc: entry.doc, ...valueRange(entry), message: `No host interface name starts with ${q(stem)} (${q(entry.key)} = ${q(entry.value)}): LXC leaves the link empty and the container fails to start` });
        continue;
      }
      const near = similarLinks(facts, name, type === 'veth' ? ['bridge', 'openvswitch'] : undefined);
      const hint = near.length > 0 ? ` (the host has ${near.map((n) => q(n)).join(', ')})` : '';
      const shown = name === entry.value ? q(name) : `${q(name)} (${q(entry.value)} cut to 15 bytes)`;
      if (type === 'veth') {
        if (vethMode(iface) === 'router') {
          ctx.report({ doc: entry.doc, ...valueRange(entry), severity: 'warning', message: `Link ${shown} of ${label} does not exist on the host${hint}: in router mode LXC only takes the MTU from it, so the veth gets the default MTU` });
        } else if (vethMode(iface) === 'bridge') {
          ctx.report({ doc: entry.doc, ...valueRange(entry), message: `Bridge ${shown} of ${label} does not exist on the host${hint}: the container fails to start ("bridge interface doesn't exist")` });
        }
        continue;
      }
      ctx.report({ doc: entry.doc, ...valueRange(entry), message: `Link ${shown} of ${label} (${type}) does not exist on the host${hint}: the container fails to start` });
    }
  },
});
