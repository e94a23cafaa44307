import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';

export default defineRule({
  id: 'include-not-found',
  category: 'include',
  severity: 'error',
  summary: '`lxc.include` names a file that cannot be read: LXC fails to load the config',
  docs: {
    description:
      'A file included with `lxc.include` must exist: liblxc stops loading with "Failed to open file" otherwise. A ' +
      'value that ends with `/` (or names a directory) includes every `*.conf` file in that directory; a missing ' +
      'directory written with the trailing `/` is silently accepted, without it the load fails. A directory entry ' +
      'that is itself a directory named `*.conf` cannot be read either.',
    bad: 'lxc.include = /usr/share/lxc/config/debian.commom.conf',
    good: 'lxc.include = /usr/share/lxc/config/debian.common.conf',
  },
  check(ctx) {
    for (const p of ctx.config.includeProblems) {
      const { entry } = p;
      let message: string;
      if (p.kind === 'missing') message = `Included file ${q(p.path)} does not exist: LXC fails to load the config`;
      else if (p.kind === 'not-a-file') message = `${q(p.path)} is a directory, so LXC cannot include it as a file: the load fails`;
      else if (p.kind === 'not-a-dir') message = `${q(p.path)} is a file, but the trailing "/" makes LXC open it as a directory: the load fails`;
      else continue;
      ctx.report({ doc: entry.doc, ...valueRange(entry), message });
    }
  },
});
