import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { parsedEntries } from './util';

export default defineRule({
  id: 'net-flags',
  category: 'network',
  severity: 'warning',
  summary: '`flags` other than `up`: LXC brings the interface up anyway',
  fix: 'safe',
  docs: {
    description:
      'The only documented value of `flags` is `up`, and LXC does not look at the value at all: any non-empty text, ' +
      '`down` included, brings the interface up. To leave an interface down, remove the `flags` line (or write ' +
      '`flags =`). The fix writes `up`, which is what LXC already does.',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.flags = down',
    good: 'lxc.net.0.type = veth\nlxc.net.0.flags = up',
  },
  check(ctx) {
    const list = parsedEntries(ctx, ['flags']);
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      if (entry.value === 'up') continue;
      const r = valueRange(entry);
      const down = /^(down|off|no|0|false|none)$/i.test(entry.value.trim());
      ctx.report({
        doc: entry.doc,
        ...r,
        message: down
          ? `${q(entry.key)} = ${q(entry.value)} brings the interface UP: LXC treats any value as "up"; to leave it down, remove the line`
          : `${q(entry.key)} = ${q(entry.value)}: LXC treats any value as "up"; write "up"`,
        fix: { description: 'Write "up" (what LXC does)', safe: true, edits: [{ ...r, newText: 'up' }] },
      });
    }
  },
});
