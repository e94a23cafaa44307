/**
 * The effective configuration: what liblxc holds after reading a config, key by key. Scalar keys keep their
 * last value, list keys append, empty values clear (per the catalogue's emptyBehavior), `lxc.mount.auto`
 * merges per group, `lxc.cap.keep = none` empties the capability list, prlimit/sysctl replace in place,
 * network interfaces come in index order with `type` wiping what came before it and the defaults a `type`
 * line sets. Legacy keys are shown under their modern names (liblxc itself refuses them).
 *
 * Values are the text the file gave (quotes stripped); turning them into what get_config_item prints
 * (numbers in decimal, paths simplified, ...) is effective-format.ts's job.
 */
import { keyInfo, modernKeyFor, networkSubkeyInfo } from '../catalog/catalog';
import { safeUint } from '../values/numbers';
import type { NetworkInterface, NetworkModel } from './network';
import type { ConfigEntry, ResolvedConfig } from './resolve';

export type EffectiveValue = string | string[];

/** Families liblxc keeps as one ordered list across member keys (get_config_item on the bare key prints it). */
export type EffectiveFamily = 'lxc.cgroup2' | 'lxc.cgroup' | 'lxc.prlimit' | 'lxc.sysctl' | 'lxc.proc';
export const EFFECTIVE_FAMILIES: readonly EffectiveFamily[] = ['lxc.cgroup2', 'lxc.cgroup', 'lxc.prlimit', 'lxc.sysctl', 'lxc.proc'];

export interface EffectiveConfig {
  /** Key → value; list keys as arrays. Top-level keys in first-set order, then `lxc.net.N.*` in index order. */
  values: Map<string, EffectiveValue>;
  /** The entries behind each key's current value (the last one for scalars). */
  sources: Map<string, ConfigEntry[]>;
  /** Member entries of the pattern families in liblxc's list order, as [full key, value]. */
  families: Map<EffectiveFamily, Array<[string, string]>>;
  /** Network interfaces in device order: index and the `lxc.net.N.` prefix their keys use. */
  interfaces: Array<{ index: number; legacy: boolean }>;
}

/** liblxc 5.0 ignores a value these setters cannot read as a number: the previous value stays (seen on 5.0.2). */
const IGNORES_NON_NUMBERS = new Set(['lxc.init.uid', 'lxc.init.gid', 'lxc.hook.version', 'lxc.seccomp.allow_nesting']);
/** Keys whose cleared state is not what any value would give (`lxc.console.size = 0` means one page, clearing means none). */
const CLEARS_TO_NOTHING = new Set(['lxc.console.size', 'lxc.console.buffer.size']);

const NAMESPACE_ORDER = ['user', 'mnt', 'pid', 'uts', 'ipc', 'net', 'cgroup', 'time'];
const HOOK_PREFIX = 'lxc.hook.';

/** What an empty value leaves in a scalar key, from the catalogue's emptyBehavior ("sets 0", "sets true (default)"). */
function emptyScalar(key: string): string {
  if (CLEARS_TO_NOTHING.has(key)) return '';
  const pattern = key.startsWith('lxc.namespace.share.') ? 'lxc.namespace.share.[namespace]' : key;
  const behavior = keyInfo(pattern)?.emptyBehavior ?? '';
  const m = /^sets ([^\s,;]+)/.exec(behavior);
  if (!m) return '';
  const word = m[1]!;
  return word === 'false' ? '0' : word === 'true' ? '1' : word;
}

/** Which group of lxc.mount.auto a token belongs to (a later token replaces only its own group). */
function mountGroup(token: string): string | undefined {
  if (token.startsWith('shmounts:')) return 'shmounts';
  const base = token.split(':')[0]!;
  if (base === 'proc' || base === 'sys') return base;
  if (base === 'cgroup' || base === 'cgroup-full' || base === 'cgroup2') return 'cgroup';
  return undefined;
}

/** Split a time offset into liblxc's two fields: h/m/s go to seconds, ms/us/ns to nanoseconds. */
function timeParts(value: string): { s?: bigint; ns?: bigint } {
  const m = /^([+-]?[0-9]+)\s*(h|m|s|ms|us|ns)$/.exec(value);
  if (!m) return {};
  const n = BigInt(m[1]!);
  const mul: Record<string, [keyof ReturnType<typeof timeParts>, bigint]> = {
    h: ['s', 3600n], m: ['s', 60n], s: ['s', 1n], ms: ['ns', 1_000_000n], us: ['ns', 1000n], ns: ['ns', 1n],
  };
  const [field, factor] = mul[m[2]!]!;
  return { [field]: n * factor };
}

export function effectiveConfig(config: ResolvedConfig, network: NetworkModel): EffectiveConfig {
  const values = new Map<string, EffectiveValue>();
  const sources = new Map<string, ConfigEntry[]>();
  const families = new Map<EffectiveFamily, Array<[string, string]>>();
  const time = new Map<string, { s: bigint; ns: bigint }>();
  let capMode: 'lxc.cap.drop' | 'lxc.cap.keep' | undefined;

  const setScalar = (key: string, value: string, entry: ConfigEntry) => {
    values.set(key, value);
    sources.set(key, [entry]);
  };
  const append = (key: string, items: string[], entry: ConfigEntry) => {
    const list = values.get(key);
    values.set(key, Array.isArray(list) ? [...list, ...items] : items);
    sources.set(key, [...(sources.get(key) ?? []), entry]);
  };
  const remove = (key: string) => {
    values.delete(key);
    sources.delete(key);
  };
  const familyList = (family: EffectiveFamily) => {
    let list = families.get(family);
    if (!list) families.set(family, (list = []));
    return list;
  };
  const rebuildFamilyKey = (family: EffectiveFamily, key: string, entry: ConfigEntry | undefined) => {
    const items = familyList(family).filter(([k]) => k === key).map(([, v]) => v);
    if (items.length === 0) return remove(key);
    const list = family === 'lxc.cgroup2' || family === 'lxc.cgroup' || family === 'lxc.proc';
    values.set(key, list ? items : items[0]!);
    if (entry) sources.set(key, list ? [...(sources.get(key) ?? []), entry] : [entry]);
  };

  for (const entry of config.entries) {
    const m = entry.match;
    if (!m || entry.key === 'lxc.include') continue;
    // Network keys come from the network model below.
    if (m.netIndex !== undefined || entry.key === 'lxc.net' || entry.key === 'lxc.network' || entry.key.startsWith('lxc.network.')) continue;
    let key = entry.key;
    if (m.info.status === 'legacy') {
      const modern = modernKeyFor(m, key);
      if (!modern) continue;
      key = modern;
    }
    const value = entry.value;
    // Family members by catalogue row, so `lxc.cgroup.dirs` (a v1 controller key) is one but `lxc.cgroup.dir` is not.
    const family = EFFECTIVE_FAMILIES.find((f) => key === f || (key.startsWith(`${f}.`) && (keyInfo(key) === undefined || keyInfo(key)!.key !== key)));
    if (family) {
      const list = familyList(family);
      if (key === family) {
        // Bare key: an empty value clears the whole family (a value is a load error).
        if (value !== '') continue;
        for (const [k] of list) remove(k);
        list.length = 0;
        continue;
      }
      if (value === '') {
        families.set(family, list.filter(([k]) => k !== key));
        remove(key);
        continue;
      }
      const replace = family === 'lxc.prlimit' || family === 'lxc.sysctl';
      const at = replace ? list.findIndex(([k]) => k === key) : -1;
      if (at >= 0) list[at] = [key, value];
      else list.push([key, value]);
      rebuildFamilyKey(family, key, entry);
      continue;
    }
    if (key === 'lxc.hook') {
      if (value === '') for (const k of [...values.keys()]) if (k.startsWith(HOOK_PREFIX) && k !== 'lxc.hook.version') remove(k);
      continue;
    }
    if (key === 'lxc.cap.drop' || key === 'lxc.cap.keep') {
      if (value === '') {
        remove('lxc.cap.drop');
        remove('lxc.cap.keep');
        capMode = undefined;
        continue;
      }
      const tokens = value.split(/[ \t]+/).filter((t) => t !== '');
      capMode = key;
      const other = key === 'lxc.cap.drop' ? 'lxc.cap.keep' : 'lxc.cap.drop';
      remove(other);
      for (const t of tokens) {
        // `none` (keep only) empties the list but leaves keep mode on.
        if (t === 'none' && key === 'lxc.cap.keep') {
          values.set(key, []);
          sources.set(key, [...(sources.get(key) ?? []), entry]);
        } else append(key, [t], entry);
      }
      continue;
    }
    if (key === 'lxc.mount.auto') {
      if (value === '') {
        remove(key);
        continue;
      }
      const current = (values.get(key) as string[] | undefined) ?? [];
      const byGroup = new Map(current.map((t) => [mountGroup(t) ?? t, t]));
      for (const t of value.split(/[ \t]+/).filter((x) => x !== '')) byGroup.set(mountGroup(t) ?? t, t);
      values.set(key, [...byGroup.values()]);
      sources.set(key, [...(sources.get(key) ?? []), entry]);
      continue;
    }
    if (key === 'lxc.namespace.clone' || key === 'lxc.namespace.keep') {
      if (value === '') {
        remove(key);
        continue;
      }
      const set = new Set((values.get(key) as string[] | undefined) ?? []);
      for (const t of value.split(/[ \t]+/)) if (t !== '') set.add(t.toLowerCase());
      values.set(key, NAMESPACE_ORDER.filter((n) => set.has(n)).concat([...set].filter((n) => !NAMESPACE_ORDER.includes(n))));
      sources.set(key, [...(sources.get(key) ?? []), entry]);
      continue;
    }
    if (key === 'lxc.time.offset.boot' || key === 'lxc.time.offset.monotonic') {
      const t = value === '' ? { s: 0n, ns: 0n } : { ...(time.get(key) ?? { s: 0n, ns: 0n }), ...timeParts(value) };
      time.set(key, t);
      if (t.s === 0n && t.ns === 0n) remove(key);
      else setScalar(key, t.s !== 0n && t.ns !== 0n ? `${t.s}s ${t.ns}ns` : t.s !== 0n ? `${t.s}s` : `${t.ns}ns`, entry);
      continue;
    }
    const info = m.info.status === 'legacy' ? (keyInfo(key) ?? m.info) : m.info;
    if (info.multi) {
      if (value === '') {
        remove(key);
        continue;
      }
      // Empty parts (`1,2,`) are skipped, as liblxc's tokenizer does.
      if (key === 'lxc.init.groups') append(key, value.split(',').map((s) => s.trim()).filter((s) => s !== ''), entry);
      else if (key === 'lxc.group') append(key, value.split(/[ \t]+/).filter((s) => s !== ''), entry);
      else append(key, [value], entry);
      continue;
    }
    if (value !== '' && IGNORES_NON_NUMBERS.has(key) && !safeUint(value).ok) continue;
    setScalar(key, value === '' ? emptyScalar(key) : value, entry);
  }
  if (capMode === undefined) {
    remove('lxc.cap.drop');
    remove('lxc.cap.keep');
  }

  const interfaces: EffectiveConfig['interfaces'] = [];
  const usedIndices = new Set(network.interfaces.filter((i) => !i.legacy).map((i) => i.index));
  let nextLegacy = usedIndices.size > 0 ? Math.max(...usedIndices) + 1 : 0;
  for (const iface of network.interfaces) {
    // Legacy blocks take their block number unless a modern interface already uses it.
    let index = iface.index;
    if (iface.legacy && usedIndices.has(index)) index = nextLegacy++;
    usedIndices.add(index);
    interfaces.push({ index, legacy: iface.legacy });
    for (const [sub, v] of effectiveInterface(iface)) {
      const key = `lxc.net.${index}.${sub}`;
      values.set(key, v.value);
      sources.set(key, v.entries);
    }
  }
  return { values, sources, families, interfaces };
}

/** Defaults liblxc sets when a `type` line is read. */
const TYPE_DEFAULTS: Record<string, Record<string, string>> = {
  veth: { 'veth.mode': 'bridge' },
  macvlan: { 'macvlan.mode': 'private' },
  ipvlan: { 'ipvlan.mode': 'l2', 'ipvlan.isolation': 'bridge' },
  empty: { name: 'lo' },
};

/** Replays one interface's entries: type wipes and sets defaults, clears, appends, the sticky gateway `dev`. */
function effectiveInterface(iface: NetworkInterface): Map<string, { value: EffectiveValue; entries: ConfigEntry[] }> {
  let out = new Map<string, { value: EffectiveValue; entries: ConfigEntry[] }>();
  let type: string | undefined;
  const gw: Record<string, { auto: boolean; dev: boolean; addr?: string; entries: ConfigEntry[] }> = {};
  for (const entry of iface.entries) {
    const m = entry.match;
    let sub = m?.netSubkey;
    if (sub === undefined && entry.key.startsWith('lxc.network.')) sub = entry.key.slice('lxc.network.'.length).replace(/^ipv([46])$/, 'ipv$1.address');
    if (sub === undefined) continue;
    const value = entry.value;
    if (sub === 'type') {
      out = new Map();
      for (const k of Object.keys(gw)) delete gw[k];
      type = value;
      out.set('type', { value, entries: [entry] });
      for (const [k, v] of Object.entries(TYPE_DEFAULTS[value] ?? {})) out.set(k, { value: v, entries: [entry] });
      continue;
    }
    const info = networkSubkeyInfo(sub);
    const typeOk = !info?.netTypeEnforced || (info.netTypes ?? []).includes(type ?? '');
    if (sub === 'ipv4.gateway' || sub === 'ipv6.gateway') {
      const g = (gw[sub] ??= { auto: false, dev: false, entries: [] });
      // Clearing frees the address only; `auto` and `dev` flags survive (auto is reset by a later address).
      if (value === '') g.addr = undefined;
      else if (value === 'auto') Object.assign(g, { auto: true, addr: undefined });
      else if (value === 'dev') Object.assign(g, { auto: false, dev: true, addr: undefined });
      else Object.assign(g, { auto: false, addr: value });
      g.entries.push(entry);
      const shown = g.auto ? 'auto' : g.dev ? 'dev' : g.addr;
      if (shown === undefined) out.delete(sub);
      else out.set(sub, { value: shown, entries: [...g.entries] });
      continue;
    }
    if (!typeOk) continue; // set: a load error; clear: silently ignored
    if (value === '') {
      // Type-specific modes read back as invalid once cleared; everything else is simply gone.
      if (['veth.mode', 'macvlan.mode', 'ipvlan.mode', 'ipvlan.isolation'].includes(sub)) out.set(sub, { value: '', entries: [entry] });
      else out.delete(sub);
      continue;
    }
    if (info?.multi) {
      const prev = out.get(sub);
      out.set(sub, { value: [...((prev?.value as string[] | undefined) ?? []), value], entries: [...(prev?.entries ?? []), entry] });
    } else {
      out.set(sub, { value, entries: [entry] });
    }
  }
  // An interface no `type` line reached reads back as `empty` (without the `lo` name).
  if (!out.has('type')) out = new Map([['type', { value: 'empty', entries: [] }], ...out]);
  return out;
}
