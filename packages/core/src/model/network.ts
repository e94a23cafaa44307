/**
 * Network interfaces as liblxc builds them while reading: `lxc.net.N.*` keyed by index (device order is
 * index order), legacy `lxc.network.*` blocks where each `type` line opens a new interface, the wipe a
 * `type` line does to what was set before it, and the clears an empty value does.
 */
import { legacyNetSubkey, networkSubkeyInfo } from '../catalog/catalog';
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

export interface NetworkModel {
  /** Live interfaces in device order (index order). */
  interfaces: NetworkInterface[];
  /** Interfaces removed by `lxc.net =` or `lxc.net.N =`, for rules that explain lost settings. */
  removed: Array<{ iface: NetworkInterface; by: ConfigEntry }>;
  problems: NetworkProblem[];
  /** The interface an entry applies to (entries of removed interfaces included). */
  interfaceOf: Map<ConfigEntry, NetworkInterface>;
}

function newInterface(index: number, legacy: boolean): NetworkInterface {
  return { index, legacy, typeEntry: undefined, type: undefined, keys: new Map(), wiped: [], gatewayDev: {}, entries: [] };
}

export function buildNetworkModel(config: ResolvedConfig): NetworkModel {
  const modern = new Map<number, NetworkInterface>();
  const legacy: NetworkInterface[] = [];
  const removed: NetworkModel['removed'] = [];
  const problems: NetworkProblem[] = [];
  const interfaceOf = new Map<ConfigEntry, NetworkInterface>();

  const apply = (iface: NetworkInterface, sub: string, entry: ConfigEntry) => {
    iface.entries.push(entry);
    interfaceOf.set(entry, iface);
    if (sub === 'type') {
      for (const list of iface.keys.values()) for (const e of list) iface.wiped.push({ entry: e, by: entry });
      iface.keys.clear();
      iface.gatewayDev = {};
      iface.type = entry.value;
      iface.typeEntry = entry;
      return;
    }
    const info = networkSubkeyInfo(sub);
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

  for (const entry of config.entries) {
    const m = entry.match;
    const key = entry.key;
    if (key === 'lxc.net' || key === 'lxc.network') {
      if (entry.value !== '') continue; // a value here is a load error, reported by value rules
      // Legacy interfaces addressed by index (lxc.network.N.*) can leave gaps in the array: skip them.
      for (const iface of key === 'lxc.net' ? modern.values() : legacy) if (iface) removed.push({ iface, by: entry });
      if (key === 'lxc.net') modern.clear();
      else legacy.length = 0;
      continue;
    }
    if (!m) continue;
    if (m.info.key === 'lxc.net.[i]' && m.netIndex !== undefined) {
      if (entry.value !== '') continue; // a value here is a load error, reported by net-value-invalid
      // The removal path reads the index with lxc_safe_uint (base 0): `lxc.net.010 =` removes interface 8.
      const idx = bareNetIndex(key);
      const iface = idx === undefined ? undefined : modern.get(idx);
      if (iface) {
        removed.push({ iface, by: entry });
        modern.delete(idx!);
      }
      continue;
    }
    if (m.netIndex !== undefined && m.netSubkey !== undefined && m.info.status === 'current') {
      let iface = modern.get(m.netIndex);
      if (!iface) {
        // An empty value looks the interface up without creating it: a load error when it does not exist.
        if (entry.value === '') {
          problems.push({ kind: 'clear-undefined', entry });
          continue;
        }
        iface = newInterface(m.netIndex, false);
        modern.set(m.netIndex, iface);
      }
      apply(iface, m.netSubkey, entry);
      continue;
    }
    if (isLegacyNetKey(key)) {
      if (m.netIndex !== undefined && m.netSubkey !== undefined) {
        let iface = legacy[m.netIndex];
        if (!iface) {
          iface = newInterface(m.netIndex, true);
          legacy[m.netIndex] = iface;
        }
        apply(iface, m.netSubkey, entry);
        continue;
      }
      const sub = legacyNetSubkey(key.slice('lxc.network.'.length));
      if (sub === 'type') {
        const iface = newInterface(legacy.length, true);
        legacy.push(iface);
        apply(iface, 'type', entry);
        continue;
      }
      const last = legacy[legacy.length - 1];
      if (!last) {
        problems.push({ kind: 'legacy-before-type', entry });
        continue;
      }
      apply(last, sub, entry);
    }
  }

  const interfaces = [...modern.values()].sort((a, b) => a.index - b.index);
  for (const iface of legacy) if (iface) interfaces.push(iface);
  return { interfaces, removed, problems, interfaceOf };
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

/** `key.startsWith('lxc.network.')`, checking index 7 ('w') first: startsWith is slow on sliced strings (once per entry). */
function isLegacyNetKey(key: string): boolean {
  return key.charCodeAt(7) === 119 && key.startsWith('lxc.network.');
}
