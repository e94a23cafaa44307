/**
 * Network interfaces as liblxc builds them while reading: `lxc.net.N.*` keyed by index (device order is
 * index order), legacy `lxc.network.*` blocks where each `type` line opens a new interface, the wipe a
 * `type` line does to what was set before it, and the clears an empty value does.
 */
import { isNetFamilyKey, legacyNetSubkey, netSubkeyId, networkSubkeyInfo } from '../catalog/catalog';
import { NETWORK_TYPES, type KeyMatch } from '../catalog/types';
import { safeUint } from '../values/numbers';
import { InterfaceKeys } from './interface-keys';
import type { ConfigEntry, ResolvedConfig } from './resolve';

export { InterfaceKeys, isList } from './interface-keys';

/** What `wiped` and `gatewayDev` are until something is wiped or set to `dev` (most interfaces: shared, never modified). */
const NO_WIPES: ReadonlyArray<{ entry: ConfigEntry; by: ConfigEntry }> = Object.freeze([]);
const NO_DEV: Readonly<{ ipv4?: ConfigEntry; ipv6?: ConfigEntry }> = Object.freeze({});
const NO_ENTRIES: readonly ConfigEntry[] = Object.freeze([]);

export class NetworkInterface {
  /** The last `type` entry, or undefined when none was set (liblxc then reads it back as `empty`). */
  typeEntry: ConfigEntry | undefined = undefined;
  /** Effective type: the type value, `''` after `type =`, undefined when never set. */
  type: string | undefined = undefined;
  /** Effective entries per subkey: the last one for single-valued keys, all of them for lists. */
  readonly keys = new InterfaceKeys();
  /** Entries a later `type` line wiped (they have no effect), in evaluation order. */
  wiped: ReadonlyArray<{ entry: ConfigEntry; by: ConfigEntry }> = NO_WIPES;
  /** Entries that set `ipv4.gateway`/`ipv6.gateway` to `dev`: that flag survives later addresses. */
  gatewayDev: Readonly<{ ipv4?: ConfigEntry; ipv6?: ConfigEntry }> = NO_DEV;
  /** @internal Filled by EntryLists on the first question. */
  entryList: ConfigEntry[] | undefined = undefined;
  /** Creation order in its model (0, 1, ...): a key for arrays indexed by interface, where a Map would be built. */
  readonly id: number;

  constructor(
    /** `lxc.net` index; for legacy blocks, the block's position (what lxc-update-config numbers it). */
    readonly index: number,
    /** True when built from legacy `lxc.network.*` lines. */
    readonly legacy: boolean,
    private readonly lists: EntryLists,
  ) {
    this.id = lists.created++;
  }

  /** Every entry that addressed this interface, in order (wiped ones included). */
  get entries(): readonly ConfigEntry[] {
    this.lists.fill();
    return this.entryList ?? NO_ENTRIES;
  }
}

export interface NetworkProblem {
  kind: 'clear-undefined' | 'legacy-before-type' | 'type-mismatch';
  entry: ConfigEntry;
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
  /**
   * The interface an entry applied to (entries of removed interfaces included); undefined for entries that
   * applied to none. With netSubkeyOf() it says all the model knows about one network line: the model keeps
   * no object per line (a file of 1,000 interfaces has 8,000 of them).
   */
  interfaceOf: InterfaceLookup;
  /**
   * Positions (`seq`) from..to (exclusive) that hold every network line (`lxc.net*` keys): a scan for network
   * entries need not look outside, and a config without any (from === to) need not scan at all.
   */
  netSpan: { from: number; to: number };
}

/**
 * interfaceOf as an array indexed by `entry.seq` (positions in evaluation order) instead of a Map: a file of
 * 1,000 interfaces has 8,000 entries to hash and hold. The array is made at the first entry that applies to an
 * interface (a config without network lines makes none).
 */
class InterfaceBySeq implements InterfaceLookup {
  /** @internal */
  bySeq: Array<NetworkInterface | undefined> | undefined;

  constructor(private readonly entries: readonly ConfigEntry[]) {}

  set(entry: ConfigEntry, iface: NetworkInterface): void {
    (this.bySeq ??= new Array<NetworkInterface | undefined>(this.entries.length))[entry.seq] = iface;
  }

  get(entry: ConfigEntry): NetworkInterface | undefined {
    // The seq check keeps the answer right for an entry of another config (the Map answered undefined).
    return this.bySeq !== undefined && this.entries[entry.seq] === entry ? this.bySeq[entry.seq] : undefined;
  }
}

/**
 * The interfaces' `entries` lists, built for all of them on the first question from interfaceOf: the lint
 * rarely asks (`lxclint show` does), so a run need not fill 1,000 lists.
 */
class EntryLists {
  /** How many interfaces the model made (live and removed). */
  created = 0;
  private filled = false;

  constructor(private readonly entries: readonly ConfigEntry[], private readonly of: InterfaceBySeq) {}

  fill(): void {
    if (this.filled) return;
    this.filled = true;
    const bySeq = this.of.bySeq;
    if (bySeq === undefined) return;
    for (let i = 0; i < this.entries.length; i++) {
      const iface = bySeq[this.entries[i]!.seq];
      if (iface !== undefined) (iface.entryList ??= []).push(this.entries[i]!);
    }
  }
}

export function buildNetworkModel(config: ResolvedConfig): NetworkModel {
  const modern = new Map<number, NetworkInterface>();
  const legacy: NetworkInterface[] = [];
  const removed: NetworkModel['removed'] = [];
  const problems: NetworkProblem[] = [];
  const interfaceOf = new InterfaceBySeq(config.entries);
  const lists = new EntryLists(config.entries, interfaceOf);
  // The interface the previous modern entry addressed: consecutive lines mostly address the same one, which
  // then needs no Map lookup (-1 after any removal, when the Map is the only answer).
  let lastIndex = -1;
  let lastIface: NetworkInterface | undefined;
  /** The interface the entry being read applied to (set by apply). */
  let applied: NetworkInterface | undefined;

  // `id` is the subkey's number (netSubkeyId); `info` its row (the caller may have it already: a modern key's
  // match is that row). Every subkey the model is handed is a catalogue subkey (lookupKey checks them).
  const apply = (iface: NetworkInterface, sub: string, id: number, entry: ConfigEntry, info = networkSubkeyInfo(sub)) => {
    applied = iface;
    if (sub === 'type') {
      wipe(iface, entry);
      iface.gatewayDev = NO_DEV;
      iface.type = typeText(entry.value);
      iface.typeEntry = entry;
      return;
    }
    if (entry.value === '') {
      // Clearing never fails on a type mismatch: the clear functions just return.
      iface.keys.delete(id);
      return;
    }
    // Type-specific keys fail to load while the interface has another type: they take no effect.
    if (info?.netTypeEnforced && !(info.netTypes ?? []).includes(iface.type ?? '')) {
      problems.push({ kind: 'type-mismatch', entry });
      return;
    }
    if (sub === 'ipv4.gateway' && entry.value === 'dev') iface.gatewayDev = { ...iface.gatewayDev, ipv4: entry };
    if (sub === 'ipv6.gateway' && entry.value === 'dev') iface.gatewayDev = { ...iface.gatewayDev, ipv6: entry };
    iface.keys.set(id, entry, info?.multi === true);
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
        iface = new NetworkInterface(m.netIndex, false, lists);
        modern.set(m.netIndex, iface);
      }
      lastIndex = m.netIndex;
      lastIface = iface;
      apply(iface, m.netSubkey, m.netSubkeyId!, entry, m.info);
      return;
    }
    if (isLegacyNetKey(key)) {
      if (m.netIndex !== undefined && m.netSubkey !== undefined) {
        let iface = legacy[m.netIndex];
        if (!iface) {
          iface = new NetworkInterface(m.netIndex, true, lists);
          legacy[m.netIndex] = iface;
        }
        apply(iface, m.netSubkey, m.netSubkeyId!, entry);
        return;
      }
      const sub = legacyNetSubkey(key.slice('lxc.network.'.length));
      if (sub === 'type') {
        const iface = new NetworkInterface(legacy.length, true, lists);
        legacy.push(iface);
        apply(iface, 'type', TYPE_ID, entry);
        return;
      }
      const last = legacy[legacy.length - 1];
      if (!last) {
        problems.push({ kind: 'legacy-before-type', entry });
        return;
      }
      apply(last, sub, netSubkeyId(sub)!, entry);
    }
  };

  const entries = config.entries;
  const netSpan = { from: 0, to: 0 };
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const m = entry.match;
    // Only `lxc.net`, `lxc.net.*` and `lxc.network*` keys concern the network: skip the others at a glance
    // (an indexed match is one of them without a look at the key).
    if (m?.netIndex === undefined && !isNetFamilyKey(entry.key)) continue;
    if (netSpan.to === 0) netSpan.from = i;
    netSpan.to = i + 1;
    applied = undefined;
    read(entry, m, entry.key);
    if (applied !== undefined) interfaceOf.set(entry, applied);
  }

  const interfaces = [...modern.values()].sort((a, b) => a.index - b.index);
  for (const iface of legacy) if (iface) interfaces.push(iface);
  return { interfaces, removed, problems, interfaceOf, netSpan };
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
  if (m.info.status === 'legacy' && isLegacyNetKey(entry.key)) return legacyNetSubkey(entry.key.slice('lxc.network.'.length));
  return undefined;
}

/** netSubkeyId() of netSubkeyOf(entry): the number of the subkey the entry sets, or undefined. */
export function netSubkeyIdOf(entry: ConfigEntry): number | undefined {
  // Network matches carry the number; only un-indexed legacy keys (`lxc.network.link`) are looked up by name.
  const id = entry.match?.netSubkeyId;
  if (id !== undefined) return id;
  const sub = netSubkeyOf(entry);
  return sub === undefined ? undefined : netSubkeyId(sub);
}

const TYPE_ID = netSubkeyId('type')!;

/** Whether netSubkeyOf() gives the entry a subkey (without making the legacy subkey's string). */
export function isNetSubkeyEntry(entry: ConfigEntry): boolean {
  const m = entry.match;
  return m !== undefined && (m.netSubkey !== undefined || (m.info.status === 'legacy' && isLegacyNetKey(entry.key)));
}

/** How messages name an interface: `lxc.net.0`, or `legacy interface 0` for the first `lxc.network.type` block. */
export function interfaceLabel(iface: NetworkInterface): string {
  return iface.legacy ? `legacy interface ${iface.index}` : `lxc.net.${iface.index}`;
}

/** The effective value of a single-valued subkey, or undefined. */
export function netValue(iface: NetworkInterface, sub: string): string | undefined {
  return iface.keys.last(sub)?.value;
}

/** The effective entry of a single-valued subkey (the last one of a list), or undefined. */
export function netEntry(iface: NetworkInterface, sub: string): ConfigEntry | undefined {
  return iface.keys.last(sub);
}

/** A `type` line resets the interface: everything set before it is lost. */
function wipe(iface: NetworkInterface, by: ConfigEntry): void {
  const lost = iface.keys.clear();
  if (lost === undefined) return;
  const wiped = iface.wiped === NO_WIPES ? (iface.wiped = []) : (iface.wiped as Array<{ entry: ConfigEntry; by: ConfigEntry }>);
  for (const entry of lost) wiped.push({ entry, by });
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
