/**
 * Network interfaces as liblxc builds them while reading: `lxc.net.N.*` keyed by index (device order is
 * index order), legacy `lxc.network.*` blocks where each `type` line opens a new interface, the wipe a
 * `type` line does to what was set before it, and the clears an empty value does.
 */
import { isNetFamilyKey, legacyNetSubkey, networkSubkeyInfo } from '../catalog/catalog';
import { NETWORK_TYPES, type KeyMatch } from '../catalog/types';
import { safeUint } from '../values/numbers';
import type { ConfigEntry, ResolvedConfig } from './resolve';

export interface NetworkInterface {
  /** `lxc.net` index; for legacy blocks, the block's position (what lxc-update-config numbers it). */
  index: number;
  /** True when built from legacy `lxc.network.*` lines. */
  legacy: boolean;
  /** The last `type` entry, or undefined when none was set (liblxc then reads it back as `empty`). */
  typeEntry: ConfigEntry | undefined;
  /** Effective type: the type value, `''` after `type =`, undefined when never set. */
  type: string | undefined;
  /** Effective entries per subkey: the last one for single-valued keys, all of them for lists. */
  keys: Map<string, ConfigEntry[]>;
  /** Entries a later `type` line wiped (they have no effect). */
  wiped: Array<{ entry: ConfigEntry; by: ConfigEntry }>;
  /** Entries that set `ipv4.gateway`/`ipv6.gateway` to `dev`: that flag survives later addresses. */
  gatewayDev: { ipv4?: ConfigEntry; ipv6?: ConfigEntry };
  /** Every entry that addressed this interface, in order (wiped ones included). */
  entries: ConfigEntry[];
}

export interface NetworkProblem {
  kind: 'clear-undefined' | 'legacy-before-type' | 'type-mismatch';
  entry: ConfigEntry;
}

/** One network subkey assignment (modern or legacy). */
export interface NetEntry {
  entry: ConfigEntry;
  /** The modern subkey (`ipv4.address` for legacy `lxc.network.ipv4`), as netSubkeyOf() gives it. */
  sub: string;
  /** The interface it applied to; undefined when it applied to none (a load error of its own). */
  iface: NetworkInterface | undefined;
}

/** Which interface an entry applied to (the read side of a Map keyed by entry). */
export interface InterfaceLookup {
  get(entry: ConfigEntry): NetworkInterface | undefined;
}

export interface NetworkModel {
  /** Live interfaces in device order (index order). */
  interfaces: NetworkInterface[];
  /** Interfaces removed by `lxc.net =` or `lxc.net.N =`, for rules that explain lost settings. */
  removed: Array<{ iface: NetworkInterface; by: ConfigEntry }>;
  problems: NetworkProblem[];
  /** The interface an entry applies to (entries of removed interfaces included). */
  interfaceOf: InterfaceLookup;
  /** Every entry netSubkeyOf() gives a subkey for, in evaluation order, with the interface it applied to. */
  netEntries: NetEntry[];
}

function newInterface(index: number, legacy: boolean): NetworkInterface {
  return { index, legacy, typeEntry: undefined, type: undefined, keys: new Map(), wiped: [], gatewayDev: {}, entries: [] };
}

/**
 * interfaceOf as an array indexed by `entry.seq` (positions in evaluation order) instead of a Map: a file of
 * 1,000 interfaces has 8,000 entries to hash and hold. Built on the first question from the network entries,
 * which carry their interface already (few runs ask: mostly for legacy keys and repeated ones).
 */
class InterfaceBySeq implements InterfaceLookup {
  private bySeq: Array<NetworkInterface | undefined> | undefined;

  constructor(
    private readonly entries: readonly ConfigEntry[],
    private readonly netEntries: readonly NetEntry[],
    /** Entries applied to an interface without a subkey netSubkeyOf() knows (none with the shipped catalogue). */
    private readonly others: ReadonlyMap<ConfigEntry, NetworkInterface>,
  ) {}

  get(entry: ConfigEntry): NetworkInterface | undefined {
    if (this.bySeq === undefined) {
      const bySeq = new Array<NetworkInterface | undefined>(this.entries.length);
      for (const n of this.netEntries) if (n.iface !== undefined) bySeq[n.entry.seq] = n.iface;
      for (const [e, iface] of this.others) bySeq[e.seq] = iface;
      this.bySeq = bySeq;
    }
    // The seq check keeps the answer right for an entry of another config (the Map answered undefined).
    return this.entries[entry.seq] === entry ? this.bySeq[entry.seq] : undefined;
  }
}

export function buildNetworkModel(config: ResolvedConfig): NetworkModel {
  const modern = new Map<number, NetworkInterface>();
  const legacy: NetworkInterface[] = [];
  const removed: NetworkModel['removed'] = [];
  const problems: NetworkProblem[] = [];
  const others = new Map<ConfigEntry, NetworkInterface>();
  const netEntries: NetEntry[] = [];
  // The interface the previous modern entry addressed: consecutive lines mostly address the same one, which
  // then needs no Map lookup (-1 after any removal, when the Map is the only answer).
  let lastIndex = -1;
  let lastIface: NetworkInterface | undefined;
  /** The interface the entry being read applied to (set by apply). */
  let applied: NetworkInterface | undefined;

  // `info` is the subkey's row (the caller may have it already: a modern key's match is that row).
  const apply = (iface: NetworkInterface, sub: string, entry: ConfigEntry, info = networkSubkeyInfo(sub)) => {
    iface.entries.push(entry);
    applied = iface;
    if (sub === 'type') {
      for (const list of iface.keys.values()) for (const e of list) iface.wiped.push({ entry: e, by: entry });
      iface.keys.clear();
      if (iface.gatewayDev.ipv4 !== undefined || iface.gatewayDev.ipv6 !== undefined) iface.gatewayDev = {};
      iface.type = typeText(entry.value);
      iface.typeEntry = entry;
      return;
    }
    if (entry.value === '') {
      // Clearing never fails on a type mismatch: the clear functions just return.
      iface.keys.delete(sub);
      return;
    }
    // Type-specific keys fail to load while the interface has another type: they take no effect.
    if (info?.netTypeEnforced && !(info.netTypes ?? []).includes(iface.type ?? '')) {
      problems.push({ kind: 'type-mismatch', entry });
      return;
    }
    if (sub === 'ipv4.gateway' && entry.value === 'dev') iface.gatewayDev.ipv4 = entry;
    if (sub === 'ipv6.gateway' && entry.value === 'dev') iface.gatewayDev.ipv6 = entry;
    if (info?.multi) {
      const list = iface.keys.get(sub);
      if (list) list.push(entry);
      else iface.keys.set(sub, [entry]);
    } else {
      iface.keys.set(sub, [entry]);
    }
  };

  /** liblxc's reading of one entry (the network part of it). */
  const read = (entry: ConfigEntry, m: KeyMatch | undefined, key: string): void => {
    if (key === 'lxc.net' || key === 'lxc.network') {
      if (entry.value !== '') return; // a value here is a load error, reported by value rules
      // Legacy interfaces addressed by index (lxc.network.N.*) can leave gaps in the array: skip them.
      for (const iface of key === 'lxc.net' ? modern.values() : legacy) if (iface) removed.push({ iface, by: entry });
      if (key === 'lxc.net') {
        modern.clear();
        lastIndex = -1;
      } else {
        legacy.length = 0;
      }
      return;
    }
    if (!m) return;
    if (m.info.key === 'lxc.net.[i]' && m.netIndex !== undefined) {
      if (entry.value !== '') return; // a value here is a load error, reported by net-value-invalid
      // The removal path reads the index with lxc_safe_uint (base 0): `lxc.net.010 =` removes interface 8.
      const idx = bareNetIndex(key);
      const iface = idx === undefined ? undefined : modern.get(idx);
      if (iface) {
        removed.push({ iface, by: entry });
        modern.delete(idx!);
        lastIndex = -1;
      }
      return;
    }
    if (m.netIndex !== undefined && m.netSubkey !== undefined && m.info.status === 'current') {
      let iface = m.netIndex === lastIndex ? lastIface : modern.get(m.netIndex);
      if (!iface) {
        // An empty value looks the interface up without creating it: a load error when it does not exist.
        if (entry.value === '') {
          problems.push({ kind: 'clear-undefined', entry });
          return;
        }
        iface = newInterface(m.netIndex, false);
        modern.set(m.netIndex, iface);
      }
      lastIndex = m.netIndex;
      lastIface = iface;
      apply(iface, m.netSubkey, entry, m.info);
      return;
    }
    if (isLegacyNetKey(key)) {
      if (m.netIndex !== undefined && m.netSubkey !== undefined) {
        let iface = legacy[m.netIndex];
        if (!iface) {
          iface = newInterface(m.netIndex, true);
          legacy[m.netIndex] = iface;
        }
        apply(iface, m.netSubkey, entry);
        return;
      }
      const sub = legacyNetSubkey(key.slice('lxc.network.'.length));
      if (sub === 'type') {
        const iface = newInterface(legacy.length, true);
        legacy.push(iface);
        apply(iface, 'type', entry);
        return;
      }
      const last = legacy[legacy.length - 1];
      if (!last) {
        problems.push({ kind: 'legacy-before-type', entry });
        return;
      }
      apply(last, sub, entry);
    }
  };

  for (const entry of config.entries) {
    const m = entry.match;
    // Only `lxc.net`, `lxc.net.*` and `lxc.network*` keys concern the network: skip the others at a glance
    // (an indexed match is one of them without a look at the key).
    if (m?.netIndex === undefined && !isNetFamilyKey(entry.key)) continue;
    applied = undefined;
    read(entry, m, entry.key);
    if (m === undefined) continue;
    const sub = netSubkeyOf(entry);
    if (sub !== undefined) netEntries.push({ entry, sub, iface: applied });
    else if (applied !== undefined) others.set(entry, applied);
  }

  const interfaces = [...modern.values()].sort((a, b) => a.index - b.index);
  for (const iface of legacy) if (iface) interfaces.push(iface);
  return { interfaces, removed, problems, interfaceOf: new InterfaceBySeq(config.entries, netEntries, others), netEntries };
}

/**
 * The index `lxc.net.N =` removes: clr_config_jump_table_net() reads N with lxc_safe_uint (base 0), unlike
 * every other network key (base 10). Undefined when that parse fails (`lxc.net.08 =` is a load error).
 */
export function bareNetIndex(key: string): number | undefined {
  const r = safeUint(key.slice('lxc.net.'.length));
  return r.ok ? Number(r.value) : undefined;
}

/**
 * The network subkey an entry sets (`link`, `ipv4.address`, ...), for `lxc.net.N.*`, `lxc.network.N.*`
 * and un-indexed legacy `lxc.network.*` keys; undefined for other keys.
 */
export function netSubkeyOf(entry: ConfigEntry): string | undefined {
  const m = entry.match;
  if (!m) return undefined;
  if (m.netSubkey !== undefined) return m.netSubkey;
  if (isLegacyNetKey(entry.key) && m.info.status === 'legacy') return legacyNetSubkey(entry.key.slice('lxc.network.'.length));
  return undefined;
}

/** How messages name an interface: `lxc.net.0`, or `legacy interface 0` for the first `lxc.network.type` block. */
export function interfaceLabel(iface: NetworkInterface): string {
  return iface.legacy ? `legacy interface ${iface.index}` : `lxc.net.${iface.index}`;
}

/** The effective value of a single-valued subkey, or undefined. */
export function netValue(iface: NetworkInterface, sub: string): string | undefined {
  const list = iface.keys.get(sub);
  return list && list.length > 0 ? list[list.length - 1]!.value : undefined;
}

export function netEntry(iface: NetworkInterface, sub: string): ConfigEntry | undefined {
  const list = iface.keys.get(sub);
  return list && list.length > 0 ? list[list.length - 1] : undefined;
}

/** The effective type as liblxc reads it back: no type line means `empty`. */
export function effectiveType(iface: NetworkInterface): string {
  return iface.type === undefined ? 'empty' : iface.type;
}

/**
 * The type value as the one string the code's literals are when it is a known type (same text): rules compare
 * every interface's type with those literals, and identical strings compare at once.
 */
function typeText(value: string): string {
  for (const t of NETWORK_TYPES) if (t === value) return t;
  return value;
}

/** `key.startsWith('lxc.network.')`, checking index 7 ('w') first: startsWith is slow on sliced strings (once per entry). */
function isLegacyNetKey(key: string): boolean {
  return key.charCodeAt(7) === 119 && key.startsWith('lxc.network.');
}
