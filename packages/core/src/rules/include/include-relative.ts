import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';

export default defineRule({
  id: 'include-relative',
  category: 'include',
  severity: 'warning',
  summary: 'A relative `lxc.include` path depends on the working directory of whoever loads the config',
  docs: {
    description:
      'liblxc resolves a relative `lxc.include` path against the current directory of the process that loads the ' +
      'config (lxc-start, lxc-ls, a library user), not against the directory of the config file. The same config ' +
      'therefore works from one directory and fails from another. Use an absolute path.',
    bad: 'lxc.include = common.conf',
    good: 'lxc.include = /var/lib/lxc/web/common.conf',
  },
  check(ctx) {
    for (const p of ctx.config.includeProblems) {
      if (p.kind !== 'relative') continue;
      ctx.report({
        doc: p.entry.doc,
        ...valueRange(p.entry),
        message: `Relative include ${q(p.entry.value)} is resolved against the loading process's working directory (here ${q(p.path)}), not the config's directory; use an absolute path`,
      });
    }
  },
});
