import { interfaceLabel, netEntry } from '../../model/network';
import { q } from '../../util/quote';
import { defineRule, keyRange } from '../types';
import { knownType, vethMode } from '../network/util';
import { effectiveLink } from './util';

export default defineRule({
  id: 'host-bridge-vlan-filtering',
  category: 'host',
  severity: 'error',
  summary: 'veth VLAN settings on a bridge without VLAN filtering',
  needsHost: true,
  docs: {
    description:
      '`veth.vlan.id` and `veth.vlan.tagged.id` configure VLANs on the bridge port of the veth. For a kernel bridge LXC ' +
      'requires VLAN filtering to be on (/sys/class/net/BRIDGE/bridge/vlan_filtering = 1) and otherwise fails the start ' +
      '("vlan_filtering is not enabled"). Turn it on, e.g. `ip link set BRIDGE type bridge vlan_filtering 1`.',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.link = br0\nlxc.net.0.veth.vlan.id = 10',
    good: '# with vlan_filtering enabled on br0\nlxc.net.0.type = veth\nlxc.net.0.link = br0\nlxc.net.0.veth.vlan.id = 10',
  },
  check(ctx) {
    const facts = ctx.host!;
    for (const iface of ctx.network.interfaces) {
      if (knownType(iface) !== 'veth' || vethMode(iface) !== 'bridge') continue;
      const vlan = netEntry(iface, 'veth.vlan.id') ?? netEntry(iface, 'veth.vlan.tagged.id');
      const l = effectiveLink(iface, facts);
      if (!vlan || l?.link?.kind !== 'bridge' || l.link.vlanFiltering !== false) continue;
      ctx.report({
        doc: vlan.doc,
        ...keyRange(vlan),
        message: `${q(vlan.key)} needs VLAN filtering on bridge ${q(l.link.name)} (${interfaceLabel(iface)}'s link), and it is off: the container fails to start ("vlan_filtering is not enabled")`,
      });
    }
  },
});
