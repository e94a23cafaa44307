import { legacyNetSubkey } from '../../catalog/catalog';
import { q } from '../../util/quote';
import { defineRule, keyRange } from '../types';

export default defineRule({
  id: 'net-legacy-before-type',
  category: 'legacy',
  severity: 'error',
  summary: 'A legacy `lxc.network.*` key before any `lxc.network.type` line',
  docs: {
    description:
      'In the LXC 2.x format each `lxc.network.type` line starts a new interface and the `lxc.network.*` lines after ' +
      'it configure that interface. A line before the first `type` belongs to no interface: LXC 2.1 refused the config ' +
      '("network is not created for ..."), and lxc-update-config converts it to `lxc.net.-1.*`, which no release ' +
      'accepts. Move it below a type line before migrating. (LXC 3.0 and later refuse every legacy key, see legacy-key.)',
    bad: 'lxc.network.link = lxcbr0\nlxc.network.type = veth',
    good: 'lxc.network.type = veth\nlxc.network.link = lxcbr0',
  },
  check(ctx) {
    for (const p of ctx.network.problems) {
      if (p.kind !== 'legacy-before-type') continue;
      const e = p.entry;
      const sub = legacyNetSubkey(e.key.slice('lxc.network.'.length));
      ctx.report({
        doc: e.doc,
        ...keyRange(e),
        message: `${q(e.key)} comes before any lxc.network.type line, so it belongs to no interface: LXC 2.1 refused it, and lxc-update-config turns it into ${q(`lxc.net.-1.${sub}`)}, which no release accepts`,
      });
    }
  },
});
