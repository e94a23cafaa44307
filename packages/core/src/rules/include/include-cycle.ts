import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';

export default defineRule({
  id: 'include-cycle',
  category: 'include',
  severity: 'error',
  summary: 'Files include each other in a loop (or nest too deep): LXC recurses until it crashes',
  docs: {
    description:
      'liblxc follows `lxc.include` without any cycle check or depth limit, so a file that includes itself, directly ' +
      'or through other files, makes it recurse until the process crashes. lxclint stops at the repeated file (and at ' +
      'a nesting depth of 16) and reports the include line that closes the loop.',
    bad: '# in /etc/lxc/common.conf\nlxc.include = /etc/lxc/common.conf',
    good: '# include shared settings once, from the container config only\nlxc.include = /etc/lxc/common.conf',
  },
  check(ctx) {
    for (const p of ctx.config.includeProblems) {
      if (p.kind !== 'cycle' && p.kind !== 'depth') continue;
      const chain: string[] = [];
      for (let e = p.entry.includedFrom; e; e = e.includedFrom) chain.unshift(e.doc.uri);
      const message =
        p.kind === 'cycle'
          ? `Including ${q(p.path)} here closes an include loop (${[...chain, p.entry.doc.uri, p.path].join(' → ')}): LXC would recurse until it crashes`
          : `Including ${q(p.path)} nests includes more than 16 deep; lxclint stops following them here`;
      ctx.report({ doc: p.entry.doc, ...valueRange(p.entry), message });
    }
  },
});
