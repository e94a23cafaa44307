import { q } from '../../util/quote';
import type { ConfigEntry } from '../../model/resolve';
import { networkSubkeyInfo, networkSubkeys } from '../../catalog/catalog';
import type { NetworkInterface } from '../../model/network';
import { defineRule, lineRange, type RuleContext } from '../types';

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
    // Other keys by their text; network subkeys one subkey at a time (their entries are indexed by subkey
    // already), where a key is mostly its interface index. A key is either kind, whatever its spelling.
    const last = new Map<string, ConfigEntry>();
    const others = ctx.analysis.otherEntries();
    for (let i = 0; i < others.length; i++) {
      const entry = others[i]!;
      if (!overwrites(entry)) continue;
      const prev = replace(last, entry);
      if (prev) check(ctx, prev, entry, entry.match?.netIndex !== undefined ? ctx.network.interfaceOf.get(entry) : undefined);
    }
    // Sized for the usual indexes 0..N-1 up front (grown by push for higher ones).
    const byIndex = new Array<ConfigEntry | undefined>(ctx.network.interfaces.length);
    const byText = new Map<string, ConfigEntry>();
    for (const [sub, row] of OVERWRITING_SUBKEYS) {
      const list = ctx.analysis.netEntriesOf(sub);
      if (list.length === 0) continue;
      // Emptied, not truncated: `length = 0` let V8 free the array, which then grew again for every subkey.
      byIndex.fill(undefined);
      byText.clear();
      for (let i = 0; i < list.length; i++) {
        const entry = list[i]!;
        if (entry.match?.info !== row) continue;
        // `lxc.net.N.sub` with N written without leading zeros (the key is then exactly that long): one key per
        // index, here where the subkey is fixed.
        const index = entry.match!.netIndex!;
        const canonical = index < MAX_SLOTTED_INDEX && entry.key.length === 9 + decimalDigits(index) + sub.length;
        let prev: ConfigEntry | undefined;
        if (!canonical) {
          prev = replace(byText, entry);
        } else if (entry.value === '') {
          if (index < byIndex.length) byIndex[index] = undefined;
        } else {
          while (byIndex.length < index) byIndex.push(undefined);
          prev = byIndex[index];
          byIndex[index] = entry;
        }
        if (prev) check(ctx, prev, entry, ctx.network.interfaceOf.get(entry));
      }
    }
  },
});

/**
 * The subkeys whose keys overwrite, with their rows: what overwrites() answers, once per subkey. Lists and
 * `type` do not; of the rest only the modern keys do, and their match is the subkey's row itself (legacy keys
 * match a legacy row).
 */
const OVERWRITING_SUBKEYS = networkSubkeys()
  .map((sub) => [sub, networkSubkeyInfo(sub)!] as const)
  .filter(([sub, row]) => !row.multi && row.status === 'current' && sub !== 'type');

/** Interfaces up to this index are tracked in an array; higher ones (rare) by key text. */
const MAX_SLOTTED_INDEX = 1 << 16;

/** How many digits `n` (below MAX_SLOTTED_INDEX) has in decimal. */
function decimalDigits(n: number): number {
  return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : 5;
}

/**
 * Records the entry as the last of its key and returns the one before it; an empty value clears (a clear after
 * a value is deliberate, not a duplicate).
 */
function replace(last: Map<string, ConfigEntry>, entry: ConfigEntry): ConfigEntry | undefined {
  if (entry.value === '') {
    last.delete(entry.key);
    return undefined;
  }
  const prev = last.get(entry.key);
  last.set(entry.key, entry);
  return prev;
}

/** Reports `prev`, which `entry` (same key) overrides, unless that is how configs are meant to work. */
function check(ctx: RuleContext, prev: ConfigEntry, entry: ConfigEntry, iface: NetworkInterface | undefined): void {
  // A later `type` line wipes the interface, which resets what counts as set before it.
  const wiped = iface?.wiped.some((w) => w.entry === prev);
  // Overriding what an included file set is the normal way to customise it: only repeats within one file count.
  // The same line applied twice (a file included twice) is not a second assignment anyone wrote.
  if (!wiped && prev.doc === entry.doc && prev.line !== entry.line) {
    ctx.report({
      doc: prev.doc,
      ...lineRange(prev),
      message: `${q(prev.key)} is set again on line ${entry.line.line + 1}, so this value ${q(prev.value)} has no effect`,
      related: [{ uri: entry.doc.uri, start: entry.line.keySpan.start, end: entry.line.contentEnd, message: 'the value that counts' }],
    });
  }
}
