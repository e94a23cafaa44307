import { q } from '../../util/quote';
import { defineRule, lineRange } from '../types';

export default defineRule({
  id: 'net-clear-undefined',
  category: 'network',
  severity: 'error',
  summary: 'An empty network key (`lxc.net.N.key =`) for an interface not defined yet',
  fix: 'safe',
  docs: {
    description:
      'An empty value clears a network setting, but LXC looks the interface up without creating it: when no earlier ' +
      'line has defined interface N (or `lxc.net =` removed it), `lxc.net.N.link =` makes the whole config fail to ' +
      'load. Such lines are often left over from a template. Delete the line, or move it below the interface\'s ' +
      '`type` line. (`lxc.net.N =` alone, which removes an interface, is fine either way.)',
    bad: 'lxc.net.0.hwaddr =\nlxc.net.0.type = veth',
    good: 'lxc.net.0.type = veth',
  },
  check(ctx) {
    for (const p of ctx.network.problems) {
      if (p.kind !== 'clear-undefined') continue;
      const e = p.entry;
      const idx = e.match?.netIndex;
      ctx.report({
        doc: e.doc,
        ...lineRange(e),
        message: `${q(e.key)} = (empty) clears a setting of interface ${idx}, which is not defined at this point: LXC refuses to load the config`,
        // Clearing a setting that does not exist changes nothing once the load error is gone.
        fix: { description: 'Delete the line', safe: true, edits: [{ start: e.line.start, end: e.line.end, newText: '' }] },
      });
    }
  },
});
