import { ifnameProblem } from '../../net/ifname';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { isEffective, parsedEntries } from './util';

export default defineRule({
  id: 'net-name-invalid',
  category: 'network',
  severity: 'error',
  summary: 'An interface name the kernel refuses (`/`, `:`, whitespace, `%` other than `%d`)',
  docs: {
    description:
      'LXC accepts any text as `name` or `veth.pair`, but the kernel refuses to create or rename an interface whose ' +
      'name contains `/`, `:` or whitespace, or is `.` or `..`. A `%` is only allowed as a single `%d`, which the ' +
      'kernel replaces with the first free number (`eth%d`). With such a name the container fails to start.',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.name = eth0:1',
    good: 'lxc.net.0.type = veth\nlxc.net.0.name = eth1',
  },
  check(ctx) {
    const list = parsedEntries(ctx, ['name', 'veth.pair']);
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      // Only the name the container starts with matters; a replaced one is duplicate-key's business.
      if (!isEffective(ctx, entry)) continue;
      const why = ifnameProblem(entry.value);
      if (!why) continue;
      ctx.report({
        doc: entry.doc,
        ...valueRange(entry),
        message: `Invalid interface name ${q(entry.value)} for ${q(entry.key)}: ${why}, so the container fails to start`,
      });
    }
  },
});
