import { findLink } from '../../host/facts';
import { interfaceLabel } from '../../model/network';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { knownType, vethMode } from '../network/util';
import { describeLink, effectiveLink } from './util';

export default defineRule({
  id: 'host-link-not-bridge',
  category: 'host',
  severity: 'error',
  summary: 'A veth in bridge mode whose `link` is not a bridge',
  needsHost: true,
  docs: {
    description:
      'A veth in bridge mode is plugged into the bridge named by `link`. LXC decides how by looking for ' +
      '/sys/class/net/LINK/bridge: when it is missing, LXC assumes an Open vSwitch bridge and runs ' +
      '`ovs-vsctl add-port LINK ...`. For a physical device, a bond or a bridge port that fails and the container ' +
      'does not start. Name the bridge itself (for a port, its master), or use macvlan to share a physical device ' +
      'without a bridge. An Open vSwitch bridge is fine when Open vSwitch runs on the host.',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.link = eth0',
    good: 'lxc.net.0.type = veth\nlxc.net.0.link = br0',
  },
  check(ctx) {
    const facts = ctx.host!;
    for (const iface of ctx.network.interfaces) {
      if (knownType(iface) !== 'veth' || vethMode(iface) !== 'bridge') continue;
      const l = effectiveLink(iface, facts);
      if (!l?.link || l.link.kind === 'bridge') continue;
      const { entry, link } = l;
      const label = interfaceLabel(iface);
      const r = valueRange(entry);
      if (link.kind === 'openvswitch') {
        if (facts.openvswitch && link.ovsBridge !== false) continue;
        if (!facts.openvswitch) {
          ctx.report({ doc: entry.doc, ...r, severity: 'warning', message: `Link ${q(link.name)} of ${label} is an Open vSwitch device, but ovs-vsctl did not answer when the host facts were read: LXC needs it to attach the veth, or the container fails to start` });
          continue;
        }
      }
      const master = link.master ? findLink(facts, link.master) : undefined;
      let hint = '';
      if (master && (master.kind === 'bridge' || master.kind === 'openvswitch')) hint = `; it is a port of bridge ${q(master.name)}, use that`;
      else if (link.kind === 'physical' || link.kind === 'bond' || link.kind === 'vlan') hint = '; to share it without a bridge, use type macvlan';
      ctx.report({
        doc: entry.doc,
        ...r,
        message: `Link ${q(link.name)} of ${label} is ${describeLink(link)}, not a bridge: LXC then treats it as an Open vSwitch bridge and runs ovs-vsctl, which fails, so the container does not start${hint}`,
        ...(master && master.kind === 'bridge'
          ? { fix: { description: `Use bridge ${q(master.name)}`, safe: false, edits: [{ ...r, newText: master.name }] } }
          : {}),
      });
    }
  },
});
