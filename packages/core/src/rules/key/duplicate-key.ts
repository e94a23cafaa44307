import { q } from '../../util/quote';
import type { ConfigEntry } from '../../model/resolve';
import { defineRule, lineRange } from '../types';

const NOT_OVERWRITING = new Set(['lxc.include', 'lxc.net', 'lxc.cgroup2', 'lxc.cgroup', 'lxc.hook', 'lxc.prlimit', 'lxc.sysctl', 'lxc.proc']);

/** Keys whose repeats do not simply overwrite: lists, merges, and the network keys (handled per interface). */
function overwrites(entry: ConfigEntry): boolean {
  const info = entry.match?.info;
  if (!info || info.multi || info.status !== 'current') return false;
  if (entry.match!.netIndex !== undefined) return entry.match!.netSubkey !== 'type';
  return !NOT_OVERWRITING.has(info.key);
}

export default defineRule({
  id: 'duplicate-key',
  category: 'key',
  severity: 'warning',
  summary: 'A single-valued key is set more than once: only the last value counts',
  docs: {
    description:
      'For keys that hold one value, LXC keeps the last assignment and silently drops the earlier ones. A repeated key ' +
      'is usually a leftover from an edit, or a setting in an included file that the container config overrides. ' +
      'List keys (`lxc.mount.entry`, `lxc.cap.drop`, addresses, ...) are not affected. A repeated `lxc.net.N.type` is ' +
      'reported by `net-key-before-type`, since it wipes the interface.',
    bad: 'lxc.uts.name = web\nlxc.uts.name = db',
    good: 'lxc.uts.name = db',
  },
  check(ctx) {
    const last = new Map<string, ConfigEntry>();
    for (const entry of ctx.config.entries) {
      if (!overwrites(entry)) continue;
      // An empty value clears; a clear after a value is deliberate, not a duplicate.
      if (entry.value === '') {
        last.delete(entry.key);
        continue;
      }
      const prev = last.get(entry.key);
      // A later `type` line wipes the interface, which resets what counts as set before it.
      const iface = prev && entry.match?.netIndex !== undefined ? ctx.network.interfaceOf.get(entry) : undefined;
      const wiped = prev && iface?.wiped.some((w) => w.entry === prev);
      // Overriding what an included file set is the normal way to customise it: only repeats within one file count.
      // The same line applied twice (a file included twice) is not a second assignment anyone wrote.
      if (prev && !wiped && prev.doc === entry.doc && prev.line !== entry.line) {
        ctx.report({
          doc: prev.doc,
          ...lineRange(prev),
          message: `${q(prev.key)} is set again on line ${entry.line.line + 1}, so this value ${q(prev.value)} has no effect`,
          related: [{ uri: entry.doc.uri, start: entry.line.keySpan.start, end: entry.line.contentEnd, message: 'the value that counts' }],
        });
      }
      last.set(entry.key, entry);
    }
  },
});
