import { interfaceLabel, netEntry } from '../../model/network';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { knownType } from './util';

/** Types that are created on (or are) a host device. */
const NEEDS_LINK = ['macvlan', 'ipvlan', 'vlan', 'phys'];

export default defineRule({
  id: 'net-link-required',
  category: 'network',
  severity: 'error',
  summary: 'A macvlan, ipvlan, vlan or phys interface without a `link`',
  docs: {
    description:
      'macvlan, ipvlan and vlan interfaces are created on top of a host device, and phys moves a host device into ' +
      'the container; `link` names that device. LXC loads a config without it, but the container fails to start ' +
      '("No link for macvlan network device specified", "No link for physical interface specified").',
    bad: 'lxc.net.0.type = macvlan\nlxc.net.0.macvlan.mode = bridge',
    good: 'lxc.net.0.type = macvlan\nlxc.net.0.link = eth0\nlxc.net.0.macvlan.mode = bridge',
  },
  check(ctx) {
    for (const iface of ctx.network.interfaces) {
      const type = knownType(iface);
      if (!type || !NEEDS_LINK.includes(type) || netEntry(iface, 'link') || !iface.typeEntry) continue;
      const t = iface.typeEntry;
      ctx.report({
        doc: t.doc,
        ...valueRange(t),
        message: `${interfaceLabel(iface)} (type ${type}) has no link: the container fails to start; set ${q(t.key.replace(/type$/, 'link'))} to the host ${type === 'phys' ? 'device to move into the container' : 'device to attach it to'}`,
      });
    }
  },
});
