import { interfaceLabel, netEntry } from '../../model/network';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';

export default defineRule({
  id: 'net-empty-name',
  category: 'network',
  severity: 'error',
  summary: 'An `empty` interface (loopback only) with a name other than `lo`',
  fix: 'unsafe',
  docs: {
    description:
      'Type `empty` gives the container only a loopback device. LXC sets its name to `lo` and refuses to start the ' +
      'container when a later `name` line changes it ("Custom loopback device names not supported").',
    bad: 'lxc.net.0.type = empty\nlxc.net.0.name = eth0',
    good: 'lxc.net.0.type = empty',
  },
  check(ctx) {
    for (const iface of ctx.network.interfaces) {
      if (iface.type !== 'empty') continue;
      const name = netEntry(iface, 'name');
      if (!name || name.value === 'lo') continue;
      ctx.report({
        doc: name.doc,
        ...valueRange(name),
        message: `${interfaceLabel(iface)} has type "empty" (loopback only), so its name must stay "lo", not ${q(name.value)}: the container fails to start`,
        fix: { description: 'Remove the name line', safe: false, edits: [{ start: name.line.start, end: name.line.end, newText: '' }] },
      });
    }
  },
});
