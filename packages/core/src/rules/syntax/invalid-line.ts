import { q } from '../../util/quote';
import { defineRule } from '../types';

export default defineRule({
  id: 'invalid-line',
  category: 'syntax',
  severity: 'error',
  summary: 'An `lxc.` line without `=`: LXC refuses to load the config',
  docs: {
    description:
      'Every line that starts with `lxc.` must have the form `key = value`. liblxc stops loading at the first such line ' +
      '("Invalid configuration line") and the container does not start. A line continued with a trailing backslash is a ' +
      'common cause: LXC has no line continuation.',
    bad: 'lxc.apparmor.profile unconfined',
    good: 'lxc.apparmor.profile = unconfined',
  },
  check(ctx) {
    for (const doc of ctx.config.documents.values()) {
      // Indexed: a for-of over thousands of lines makes a result object per step until V8 optimizes it.
      for (let i = 0; i < doc.lines.length; i++) {
        const line = doc.lines[i]!;
        if (line.kind !== 'text' || !line.invalid) continue;
        const text = doc.text.slice(line.body.start, line.body.end).trimEnd();
        ctx.report({
          doc,
          start: line.body.start,
          end: line.body.start + text.length,
          message: `Line ${q(text)} has no "=": LXC fails to load the config here`,
        });
      }
    }
  },
});
