import { q } from '../../util/quote';
import type { ConfigDocument } from '../../syntax/tree';
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
    const hashes = new HashFinder();
    const entries = ctx.config.entries;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!; // indexed: see invalid-line
      const { line, doc } = entry;
      if (!hashes.within(doc, line.valueSpan.start, line.valueSpan.end)) continue; // most values: no slice, no regex
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

/**
 * Whether `text` has a `#` in [start, end), answered from the first `#` at or after an earlier start: one
 * indexOf per `#` in the file instead of a scan of every value. Exact for any order of queries.
 */
class HashFinder {
  private doc: ConfigDocument | undefined;
  private from = 0;
  private at = -1;

  within(doc: ConfigDocument, start: number, end: number): boolean {
    // The cached answer holds for any start between `from` and the `#` it found (none in between).
    if (doc !== this.doc || start < this.from || (this.at >= 0 && this.at < start)) {
      this.doc = doc;
      this.from = start;
      this.at = doc.text.indexOf('#', start);
    }
    return this.at >= 0 && this.at < end;
  }
}
