import { NETWORK_TYPES } from '../../catalog/types';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { closestWord } from './util';

export default defineRule({
  id: 'net-type-invalid',
  category: 'network',
  severity: 'error',
  summary: 'Network type is not one of veth, macvlan, ipvlan, vlan, phys, empty, none',
  fix: 'unsafe',
  docs: {
    description:
      'The `type` of an interface must be written exactly (lower case) as one of `veth`, `macvlan`, `ipvlan`, `vlan`, ' +
      '`phys`, `empty` or `none`. Any other value makes LXC refuse the whole config ("Invalid network type"). An empty ' +
      'value (`lxc.net.0.type =`) on an interface that exists wipes it and leaves it without a valid type: the config ' +
      'loads, but the container fails to start with "Invalid network configuration type -1".',
    bad: 'lxc.net.0.type = Veth\nlxc.net.0.link = lxcbr0',
    good: 'lxc.net.0.type = veth\nlxc.net.0.link = lxcbr0',
  },
  check(ctx) {
    const list = ctx.analysis.netEntriesOf('type');
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      const value = entry.value;
      if (value === '') {
        const iface = ctx.network.interfaceOf.get(entry);
        // On an undefined interface this is net-clear-undefined; only a live wipe matters here.
        if (!iface || iface.legacy || iface.typeEntry !== entry || !ctx.analysis.isLive(iface)) continue;
        ctx.report({
          doc: entry.doc,
          ...valueRange(entry),
          message: `Empty ${q(entry.key)} wipes the interface and leaves it without a type: the container fails to start ("Invalid network configuration type -1"); set a type, or write ${q(`${entry.key.replace(/\.type$/, '')} =`)} to remove the interface`,
        });
        continue;
      }
      if ((NETWORK_TYPES as readonly string[]).includes(value)) continue;
      const guess = closestWord(value, NETWORK_TYPES);
      const r = valueRange(entry);
      ctx.report({
        doc: entry.doc,
        ...r,
        message: `Invalid network type ${q(value)} for ${q(entry.key)}: LXC refuses to load the config; use one of ${NETWORK_TYPES.join(', ')}${guess ? ` (did you mean ${q(guess)}?)` : ''}`,
        ...(guess ? { fix: { description: `Replace with ${q(guess)}`, safe: false, edits: [{ ...r, newText: guess }] } } : {}),
      });
    }
  },
});
