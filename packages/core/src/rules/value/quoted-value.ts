import { q } from '../../util/quote';
import { defineRule } from '../types';
import { valueStart } from './shared';

export default defineRule({
  id: 'quoted-value',
  category: 'style',
  severity: 'info',
  summary: 'Quotes around a value: LXC strips one matching pair, so they are usually not needed',
  fix: 'safe',
  docs: {
    description:
      'LXC removes one pair of matching quotes around a value and nothing else: there is no escaping, and quotes inside ' +
      'stay. Quotes are only needed to keep blanks at the start or end of a value. The fix removes the quotes when that ' +
      'leaves the value exactly the same; it leaves `""` (an empty value), quoted blanks and values that are quoted ' +
      'again inside alone.',
    bad: 'lxc.uts.name = "web"',
    good: 'lxc.uts.name = web',
  },
  check(ctx) {
    const entries = ctx.config.entries;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!; // indexed: see invalid-line
      const { line, doc } = entry;
      if (!line.quote) continue;
      const inner = entry.value;
      let note: string | undefined;
      if (inner === '') note = `Empty quotes for ${entry.key} are the same as writing nothing after "=": LXC reads an empty value`;
      else if (/^[ \t]|[ \t]$/.test(inner)) note = `LXC keeps the blanks inside the quotes: the value of ${entry.key} is ${q(inner)}`;
      else if (inner.length >= 2 && (inner[0] === '"' || inner[0] === "'") && inner.endsWith(inner[0]!)) {
        note = `LXC strips only the outer quotes: the value of ${entry.key} is ${q(inner)}, quotes included`;
      }
      const start = valueStart(entry) - 1;
      const end = line.valueSpan.end;
      ctx.report({
        doc,
        start: line.valueSpan.start,
        end,
        message: note ?? `The quotes around ${q(inner)} in ${entry.key} are not needed: LXC strips them`,
        ...(note
          ? {}
          : {
              fix: {
                description: 'Remove the quotes',
                safe: true,
                edits: [
                  { start, end: start + 1, newText: '' },
                  { start: end - 1, end, newText: '' },
                ],
              },
            }),
      });
    }
  },
});
