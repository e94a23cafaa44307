/**
 * What several rules need to know about one resolved config, computed at most once per lint run and only
 * when a rule first asks (like ESLint's `context.sourceCode` or Ruff's semantic model). The engine makes one
 * per run and hands it to every rule as `ctx.analysis`; nothing here reports, it only answers questions
 * the rules used to answer each for itself (every network rule rescanned every entry, each address rule
 * parsed every address again). Results are exactly what the per-rule code computed.
 */
import { netSubkeyOf, type NetworkInterface, type NetworkModel } from '../model/network';
import type { ConfigEntry, ResolvedConfig } from '../model/resolve';
import {
  parseIPv4AddressValue, parseIPv6AddressValue, type IPv4Address, type IPv4AddressError, type IPv6Address, type IPv6AddressError,
  type Parsed,
} from '../net/address';
import { convertMac, type MacParse } from '../net/mac';

export interface NetEntry {
  entry: ConfigEntry;
  /** The modern subkey (`ipv4.address` for legacy `lxc.network.ipv4`). */
  sub: string;
  /** The interface it applied to; undefined when it applied to none (a load error of its own). */
  iface: NetworkInterface | undefined;
}

const NONE: readonly NetEntry[] = [];
/** Lists longer than this get a Set for membership tests (most hold one entry). */
const SET_FROM = 8;

export class ConfigAnalysis {
  /** Network entries in evaluation order, and the positions of each subkey's entries in that list. */
  private net: { all: NetEntry[]; at: Map<string, number[]> } | undefined;
  private bySub = new Map<string, readonly NetEntry[]>();
  private parsedBySub = new Map<string, readonly NetEntry[]>();
  private rejected: Set<ConfigEntry> | undefined;
  private live: Set<NetworkInterface> | undefined;
  private listSets = new WeakMap<readonly ConfigEntry[], Set<ConfigEntry>>();
  private v4 = new Map<ConfigEntry, Parsed<IPv4Address, IPv4AddressError>>();
  private v6 = new Map<ConfigEntry, Parsed<IPv6Address, IPv6AddressError>>();
  private macs = new Map<ConfigEntry, MacParse>();

  constructor(readonly config: ResolvedConfig, readonly network: NetworkModel) {}

  private netIndex(): { all: NetEntry[]; at: Map<string, number[]> } {
    if (this.net) return this.net;
    const all: NetEntry[] = [];
    const at = new Map<string, number[]>();
    const interfaceOf = this.network.interfaceOf;
    for (const entry of this.config.entries) {
      const sub = netSubkeyOf(entry);
      if (sub === undefined) continue;
      const list = at.get(sub);
      if (list) list.push(all.length);
      else at.set(sub, [all.length]);
      all.push({ entry, sub, iface: interfaceOf.get(entry) });
    }
    return (this.net = { all, at });
  }

  /** Every network subkey assignment (modern and legacy) in evaluation order. */
  netEntries(): readonly NetEntry[] {
    return this.netIndex().all;
  }

  /** The network entries of one subkey, empty values and rejected ones included, in evaluation order. */
  netEntriesOf(sub: string): readonly NetEntry[] {
    let list = this.bySub.get(sub);
    if (!list) {
      const { all, at } = this.netIndex();
      list = at.get(sub)?.map((i) => all[i]!) ?? NONE;
      this.bySub.set(sub, list);
    }
    return list;
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
  parsedEntries(subs: readonly string[]): readonly NetEntry[] {
    if (subs.length === 1) {
      const sub = subs[0]!;
      let list = this.parsedBySub.get(sub);
      if (!list) this.parsedBySub.set(sub, (list = this.parsedAt([sub])));
      return list;
    }
    return this.parsedAt(subs);
  }

  private parsedAt(subs: readonly string[]): readonly NetEntry[] {
    const { all, at } = this.netIndex();
    const rejected = this.rejectedForType();
    const positions: number[] = [];
    let lists = 0;
    for (const sub of subs.length === 1 ? subs : new Set(subs)) {
      const list = at.get(sub);
      if (!list) continue;
      lists++;
      for (const i of list) {
        const entry = all[i]!.entry;
        if (entry.value !== '' && !rejected.has(entry)) positions.push(i);
      }
    }
    if (positions.length === 0) return NONE;
    // Each subkey's positions are ascending already; several lists need merging into evaluation order.
    if (lists > 1) positions.sort((a, b) => a - b);
    return positions.map((i) => all[i]!);
  }

  /** Whether the interface still exists when loading ends (not removed by `lxc.net =` or `lxc.net.N =`). */
  isLive(iface: NetworkInterface): boolean {
    this.live ??= new Set(this.network.interfaces);
    return this.live.has(iface);
  }

  /**
   * Whether the entry is part of what the container starts with: its interface still exists at the end
   * and the entry was neither replaced, cleared nor wiped.
   */
  isEffective(n: NetEntry): boolean {
    if (n.iface === undefined || !this.isLive(n.iface)) return false;
    const list = n.iface.keys.get(n.sub);
    return list !== undefined && this.listHas(list, n.entry);
  }

  private listHas(list: readonly ConfigEntry[], entry: ConfigEntry): boolean {
    if (list.length < SET_FROM) return list.includes(entry);
    // The network model is final before the first rule runs, so a list's Set stays valid for the run.
    let set = this.listSets.get(list);
    if (!set) this.listSets.set(list, (set = new Set(list)));
    return set.has(entry);
  }

  /** parseIPv4AddressValue() of the entry's value, parsed once per run (callers must not modify the result). */
  ipv4Address(entry: ConfigEntry): Parsed<IPv4Address, IPv4AddressError> {
    let p = this.v4.get(entry);
    if (!p) this.v4.set(entry, (p = parseIPv4AddressValue(entry.value)));
    return p;
  }

  /** parseIPv6AddressValue() of the entry's value, parsed once per run (callers must not modify the result). */
  ipv6Address(entry: ConfigEntry): Parsed<IPv6Address, IPv6AddressError> {
    let p = this.v6.get(entry);
    if (!p) this.v6.set(entry, (p = parseIPv6AddressValue(entry.value)));
    return p;
  }

  /** convertMac() of the entry's value, once per run (callers must not modify the result). */
  mac(entry: ConfigEntry): MacParse {
    let m = this.macs.get(entry);
    if (!m) this.macs.set(entry, (m = convertMac(entry.value)));
    return m;
  }
}
