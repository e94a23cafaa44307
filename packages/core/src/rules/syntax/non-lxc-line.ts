import { q } from '../../util/quote';
import { defineRule } from '../types';

export default defineRule({
  id: 'non-lxc-line',
  category: 'syntax',
  severity: 'warning',
  summary: 'A line whose key does not start with `lxc.` is silently ignored by LXC',
  docs: {
    description:
      'liblxc skips every non-comment line that does not begin with the exact, case-sensitive bytes `lxc.`, without a ' +
      'message. A typo in the prefix (`lxc,`, `LXC.`, `lcx.`) therefore turns a setting off without anyone noticing.',
    bad: 'LXC.uts.name = web',
    good: 'lxc.uts.name = web',
  },
  check(ctx) {
    for (const doc of ctx.config.documents.values()) {
      // Indexed: a for-of over thousands of lines makes a result object per step until V8 optimizes it.
      for (let i = 0; i < doc.lines.length; i++) {
        const line = doc.lines[i]!;
        // A BOM or NUL has its own rule; a BOM-prefixed first line is reported there.
        if (line.kind === 'entry' && !line.isLxc) {
          if (line.line === 0 && doc.bom) continue;
          ctx.report({ doc, start: line.keySpan.start, end: line.keySpan.end > line.keySpan.start ? line.keySpan.end : line.equals + 1,
            message: `Key ${q(line.key)} does not start with "lxc.": LXC ignores this line` });
        } else if (line.kind === 'text' && !line.invalid) {
          if (line.line === 0 && doc.bom) continue;
          const text = doc.text.slice(line.body.start, line.body.end).trimEnd();
          ctx.report({ doc, start: line.body.start, end: line.body.start + text.length,
            message: `Line ${q(text)} is not a comment and not an "lxc." setting: LXC ignores it` });
        }
      }
    }
  },
});
