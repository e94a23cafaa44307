import { q } from '../../util/quote';
import { defineRule } from '../types';

export default defineRule({
  id: 'inline-comment',
  category: 'value',
  severity: 'warning',
  summary: 'A `#` after a value is not a comment: LXC keeps it as part of the value',
  fix: 'unsafe',
  docs: {
    description:
      'LXC only treats `#` as a comment at the start of a line. In `lxc.net.0.link = lxcbr0 # bridge` the value is ' +
      '`lxcbr0 # bridge`, which usually breaks the setting (here: no such bridge) or fails the load. The fix moves the ' +
      'text after `#` to a comment line above; that changes the value, so it is an unsafe fix.',
    bad: 'lxc.net.0.link = lxcbr0 # the default bridge',
    good: '# the default bridge\nlxc.net.0.link = lxcbr0',
  },
  check(ctx) {
    for (const entry of ctx.config.entries) {
      const { line, doc } = entry;
      const raw = doc.text.slice(line.valueSpan.start, line.valueSpan.end);
      // A `#` preceded by a blank reads as a comment to a human; `a#b` (e.g. in a URL or hook) usually does not.
      const m = /[ \t]#/.exec(raw);
      if (!m) continue;
      const hashAt = line.valueSpan.start + m.index + 1;
      let keep = m.index;
      while (keep > 0 && (raw[keep - 1] === ' ' || raw[keep - 1] === '\t')) keep--;
      const comment = doc.text.slice(hashAt, line.valueSpan.end);
      const indent = doc.text.slice(line.indent.start, line.indent.end);
      ctx.report({
        doc,
        start: hashAt,
        end: line.valueSpan.end,
        message: `${q(comment)} is part of the value of ${q(entry.key)} (LXC reads ${q(entry.value)}): LXC has no trailing comments`,
        fix: {
          description: 'Move the comment to its own line above',
          safe: false,
          edits: [
            { start: line.start, end: line.start, newText: `${indent}${comment}${line.eol || '\n'}` },
            { start: line.valueSpan.start + keep, end: line.contentEnd, newText: '' },
          ],
        },
      });
    }
  },
});
