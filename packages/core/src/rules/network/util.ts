/** Shared helpers for the network rules: which entries are network settings, and ranges inside values. */
import { NETWORK_TYPES } from '../../catalog/types';
import { netSubkeyOf, type NetworkInterface } from '../../model/network';
import type { ConfigEntry } from '../../model/resolve';
import type { RuleContext } from '../types';
import { valueRange } from '../types';
import { suggest } from '../../util/suggest';

/** Every network subkey assignment (modern and legacy) in evaluation order (computed once per lint run). */
export function netEntries(ctx: RuleContext): readonly ConfigEntry[] {
  return ctx.analysis.netEntries();
}

/**
 * Entries whose setter never looked at the value: a type-specific key set while the interface had
 * another type fails on the type check first (net-key-wrong-type reports those).
 */
export function rejectedForType(ctx: RuleContext): ReadonlySet<ConfigEntry> {
  return ctx.analysis.rejectedForType();
}

/**
 * Entries whose value liblxc's setter actually parsed (non-empty, not rejected for the type), in evaluation
 * order. Each one's subkey is netSubkeyOf(entry), its interface ctx.network.interfaceOf.get(entry).
 */
export function parsedEntries(ctx: RuleContext, subs: readonly string[]): readonly ConfigEntry[] {
  return ctx.analysis.parsedEntries(subs);
}

/** A valid type value (the interface then starts with that type's rules). */
export function knownType(iface: NetworkInterface): string | undefined {
  const t = iface.type;
  return t !== undefined && (NETWORK_TYPES as readonly string[]).includes(t) ? t : undefined;
}

/** Document range of `[from, to)` inside an entry's value (offsets into the value liblxc sees). */
export function valuePartRange(entry: ConfigEntry, from: number, to: number): { start: number; end: number } {
  const r = valueRange(entry);
  if (entry.line.valueSpan.end <= entry.line.valueSpan.start) return r;
  const base = r.start + (entry.line.quote ? 1 : 0);
  const len = entry.value.length;
  const a = Math.max(0, Math.min(from, len));
  const b = Math.max(a, Math.min(to, len));
  return b > a ? { start: base + a, end: base + b } : r;
}

/** The one closest candidate ("did you mean"), with a case-insensitive exact match preferred. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === lower);
  if (exact) return exact;
  const s = suggest(word, candidates);
  return s.unique ? s.matches[0] : undefined;
}

/**
 * Whether the entry is part of what the container starts with: its interface still exists at the end
 * and the entry was neither replaced, cleared nor wiped. Start-time rules only look at these.
 */
export function isEffective(ctx: RuleContext, entry: ConfigEntry): boolean {
  return ctx.analysis.isEffective(entry);
}

/** Document offset of position `at` inside an entry's value (for insertions). */
export function valueOffset(entry: ConfigEntry, at: number): number {
  const r = valueRange(entry);
  if (entry.line.valueSpan.end <= entry.line.valueSpan.start) return r.start;
  return r.start + (entry.line.quote ? 1 : 0) + Math.max(0, Math.min(at, entry.value.length));
}

/**
 * The veth mode LXC starts with: `bridge` after `type = veth`, the last `veth.mode` after that, and
 * undefined after `veth.mode =` (which leaves no valid mode).
 */
export function vethMode(iface: NetworkInterface): string | undefined {
  let mode: string | undefined = 'bridge';
  const from = iface.typeEntry ? iface.entries.indexOf(iface.typeEntry) : 0;
  for (const e of iface.entries.slice(from + 1)) {
    if (netSubkeyOf(e) !== 'veth.mode') continue;
    if (e.value === '') mode = undefined;
    else if (iface.keys.get('veth.mode')?.includes(e)) mode = e.value;
  }
  return mode;
}

/**
 * The `hwaddr` entries LXC converts when the container starts: parsed, effective, on an interface that gets a
 * device (not `empty` or `none`), in evaluation order.
 */
export function startHwaddrs(ctx: RuleContext): ConfigEntry[] {
  const list = parsedEntries(ctx, ['hwaddr']);
  const out: ConfigEntry[] = [];
  for (let i = 0; i < list.length; i++) {
    const entry = list[i]!;
    if (!isEffective(ctx, entry)) continue;
    const type = ctx.network.interfaceOf.get(entry)!.type;
    if (type !== 'empty' && type !== 'none') out.push(entry);
  }
  return out;
}
