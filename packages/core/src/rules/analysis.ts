/**
 * What several rules need to know about one resolved config, computed at most once per lint run and only
 * when a rule first asks (like ESLint's `context.sourceCode` or Ruff's semantic model). The engine makes one
 * per run and hands it to every rule as `ctx.analysis`; nothing here reports, it only answers questions
 * the rules used to answer each for itself (every network rule rescanned every entry, each address rule
 * parsed every address again). Results are exactly what the per-rule code computed.
 */
import { NET_SUBKEY_NAMES, netSubkeyId } from '../catalog/catalog';
import { isList, isNetSubkeyEntry, netSubkeyIdOf, type NetworkInterface, type NetworkModel } from '../model/network';
import type { ConfigEntry, ResolvedConfig } from '../model/resolve';
import {
  summarizeIPv4AddressValue, summarizeIPv6AddressValue, type IPv4AddressError, type IPv4Summary, type IPv6AddressError, type IPv6Summary,
} from '../net/address';
import { summarizeMac, type MacSummary } from '../net/mac';

const NONE: readonly ConfigEntry[] = [];
/** Lists longer than this get a Set for membership tests (most hold one entry). */
const SET_FROM = 8;

/*
 * A network entry is a plain ConfigEntry: its subkey is netSubkeyOf(entry) (the match's, for modern keys) and
 * its interface ctx.network.interfaceOf.get(entry). No object per network line (8,000 for 1,000 interfaces).
 * Loops over entry lists are indexed: a for-of that runs before V8 optimizes it makes one result object per step.
 */
export class ConfigAnalysis {
  /** The network entries by subkey, each list in evaluation order. */
  private bySub: ReadonlyArray<ConfigEntry[] | undefined> | undefined;
  private parsedBySub: Map<string, readonly ConfigEntry[]> | undefined;
  private rejected: Set<ConfigEntry> | undefined;
  private others: readonly ConfigEntry[] | undefined;
  private net: readonly ConfigEntry[] | undefined;
  private live: Set<NetworkInterface> | undefined;
  private listSets: WeakMap<readonly ConfigEntry[], Set<ConfigEntry>> | undefined;
  // Parsed values per `entry.seq` (not Maps keyed by entry: one slot per entry, nothing to hash), one array for
  // the three parsers: an entry's value is parsed one way (its subkey's), `parsedAs` says which.
  private parsed: unknown[] | undefined;
  private parsedAs: Uint8Array | undefined;

  constructor(readonly config: ResolvedConfig, readonly network: NetworkModel) {}

  /** The network entries by subkey number (netSubkeyIdOf), each list in evaluation order. */
  private subIndex(): ReadonlyArray<ConfigEntry[] | undefined> {
    if (this.bySub) return this.bySub;
    // Count first and fill lists of the final size (growing them by push copied each list several times); by
    // number, not by name: a Map keyed by subkey cost two lookups per network line.
    const entries = this.config.entries;
    const { from, to } = this.network.netSpan;
    const counts = new Int32Array(NET_SUBKEY_NAMES.length);
    for (let i = from; i < to; i++) {
      const id = netSubkeyIdOf(entries[i]!);
      if (id !== undefined) counts[id]!++;
    }
    const at = new Array<ConfigEntry[] | undefined>(NET_SUBKEY_NAMES.length);
    for (let id = 0; id < counts.length; id++) {
      if (counts[id] !== 0) at[id] = new Array<ConfigEntry>(counts[id]!);
      counts[id] = 0; // from here: how many are filled
    }
    for (let i = from; i < to; i++) {
      const entry = entries[i]!;
      const id = netSubkeyIdOf(entry);
      if (id !== undefined) at[id]![counts[id]!++] = entry;
    }
    return (this.bySub = at);
  }

  /**
   * The entries that are not network subkey assignments (netSubkeyOf() answers undefined for them), in
   * evaluation order: for rules about other keys, which then skip a file's thousands of `lxc.net.N.*` lines
   * without looking at each. The config's own list when it has no network entries.
   */
  otherEntries(): readonly ConfigEntry[] {
    if (this.others) return this.others;
    const entries = this.config.entries;
    const { from, to } = this.network.netSpan;
    let i = from;
    while (i < to && !isNetSubkeyEntry(entries[i]!)) i++;
    if (i === to) return (this.others = entries);
    const out = entries.slice(0, i);
    for (i++; i < to; i++) if (!isNetSubkeyEntry(entries[i]!)) out.push(entries[i]!);
    for (; i < entries.length; i++) out.push(entries[i]!);
    return (this.others = out);
  }

  /** Every network subkey assignment (modern and legacy) in evaluation order. */
  netEntries(): readonly ConfigEntry[] {
    if (this.net) return this.net;
    const entries = this.config.entries;
    const out: ConfigEntry[] = [];
    for (let i = this.network.netSpan.from; i < this.network.netSpan.to; i++) if (isNetSubkeyEntry(entries[i]!)) out.push(entries[i]!);
    return (this.net = out);
  }

  /** The network entries of one subkey, empty values and rejected ones included, in evaluation order. */
  netEntriesOf(sub: string): readonly ConfigEntry[] {
    const id = netSubkeyId(sub);
    return (id === undefined ? undefined : this.subIndex()[id]) ?? NONE;
  }

  /**
   * Entries whose setter never looked at the value: a type-specific key set while the interface had
   * another type fails on the type check first (net-key-wrong-type reports those).
   */
  rejectedForType(): ReadonlySet<ConfigEntry> {
    if (this.rejected) return this.rejected;
    const set = new Set<ConfigEntry>();
    for (const p of this.network.problems) if (p.kind === 'type-mismatch') set.add(p.entry);
    return (this.rejected = set);
  }

  /** Entries of these subkeys whose value liblxc's setter actually parsed (non-empty, not rejected for the type), in evaluation order. */
  parsedEntries(subs: readonly string[]): readonly ConfigEntry[] {
    if (subs.length === 1) return this.parsedOf(subs[0]!);
    // Each subkey's list is in evaluation order already: merge them into it (no sort, no copy for one list).
    let out: readonly ConfigEntry[] = NONE;
    for (let i = 0; i < subs.length; i++) {
      if (subs.indexOf(subs[i]!) !== i) continue; // a subkey named twice
      const list = this.parsedOf(subs[i]!);
      if (list.length > 0) out = out.length === 0 ? list : mergeBySeq(out, list);
    }
    return out;
  }

  /** parsedEntries() of one subkey, computed once per run. */
  private parsedOf(sub: string): readonly ConfigEntry[] {
    const cache = (this.parsedBySub ??= new Map());
    let list = cache.get(sub);
    if (!list) cache.set(sub, (list = this.parsedAt(sub)));
    return list;
  }

  private parsedAt(sub: string): readonly ConfigEntry[] {
    const list = this.netEntriesOf(sub);
    if (list.length === 0) return NONE;
    const rejected = this.rejectedForType();
    const kept = (e: ConfigEntry) => e.value !== '' && (rejected.size === 0 || !rejected.has(e));
    // Most lists keep every entry: hand out the list itself (read-only) instead of a copy.
    let i = 0;
    while (i < list.length && kept(list[i]!)) i++;
    if (i === list.length) return list;
    const out = list.slice(0, i);
    for (i++; i < list.length; i++) if (kept(list[i]!)) out.push(list[i]!);
    return out.length === 0 ? NONE : out;
  }

  /** Whether the interface still exists when loading ends (not removed by `lxc.net =` or `lxc.net.N =`). */
  isLive(iface: NetworkInterface): boolean {
    // Every interface the model made is either in its final list or in `removed`: with nothing removed, all are.
    if (this.network.removed.length === 0) return iface !== undefined;
    this.live ??= new Set(this.network.interfaces);
    return this.live.has(iface);
  }

  /**
   * Whether a network entry is part of what the container starts with: its interface still exists at the end
   * and the entry was neither replaced, cleared nor wiped.
   */
  isEffective(entry: ConfigEntry): boolean {
    const iface = this.network.interfaceOf.get(entry);
    if (iface === undefined || !this.isLive(iface)) return false;
    const id = netSubkeyIdOf(entry);
    const slot = id === undefined ? undefined : iface.keys.slotAt(id);
    if (slot === undefined) return false;
    if (!isList(slot)) return slot === entry;
    return this.listHas(slot, entry);
  }

  private listHas(list: readonly ConfigEntry[], entry: ConfigEntry): boolean {
    if (list.length < SET_FROM) return list.includes(entry);
    // The network model is final before the first rule runs, so a list's Set stays valid for the run.
    const sets = (this.listSets ??= new WeakMap());
    let set = sets.get(list);
    if (!set) sets.set(list, (set = new Set(list)));
    return set.has(entry);
  }

  /** summarizeIPv4AddressValue() of the entry's value, parsed once per run (callers must not modify the result). */
  ipv4Address(entry: ConfigEntry): IPv4Summary | { ok: false; error: IPv4AddressError } {
    return this.memo(entry, AS_IPV4, summarizeIPv4AddressValue);
  }

  /** summarizeIPv6AddressValue() of the entry's value, parsed once per run (callers must not modify the result). */
  ipv6Address(entry: ConfigEntry): IPv6Summary | { ok: false; error: IPv6AddressError } {
    return this.memo(entry, AS_IPV6, summarizeIPv6AddressValue);
  }

  /** summarizeMac() of the entry's value, once per run (callers must not modify the result). */
  mac(entry: ConfigEntry): MacSummary {
    return this.memo(entry, AS_MAC, summarizeMac);
  }

  private memo<T>(entry: ConfigEntry, as: number, parse: (value: string) => T): T {
    const n = this.config.entries.length;
    const values = (this.parsed ??= new Array<unknown>(n));
    const kinds = (this.parsedAs ??= new Uint8Array(n));
    const seq = entry.seq;
    if (kinds[seq] === as) return values[seq] as T;
    const value = parse(entry.value);
    // The first parse of an entry is kept; another one (never asked by the rules) is just computed.
    if (kinds[seq] === 0) {
      kinds[seq] = as;
      values[seq] = value;
    }
    return value;
  }
}

/** What `ConfigAnalysis.parsedAs` records (0: not parsed yet). */
const AS_IPV4 = 1;
const AS_IPV6 = 2;
const AS_MAC = 3;

/** Two lists in evaluation order merged into one (entries are distinct, so seqs never tie). */
function mergeBySeq(a: readonly ConfigEntry[], b: readonly ConfigEntry[]): ConfigEntry[] {
  const out = new Array<ConfigEntry>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]!.seq < b[j]!.seq ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
