/**
 * Key lookup, following liblxc's lxc_get_config(): exact rows first, then the prefix rows
 * (`lxc.cgroup2`, `lxc.cgroup`, `lxc.namespace.share.`, `lxc.net.`, `lxc.prlimit`, `lxc.sysctl`, `lxc.proc`),
 * which also swallow keys such as `lxc.prlimitx` that then fail inside the setter.
 */
import keysJson from './lxc-keys.json';
import type { KeyInfo, KeyMatch, LxcVersion } from './types';

export const ALL_KEYS: readonly KeyInfo[] = keysJson as KeyInfo[];

const exact = new Map<string, KeyInfo>();
/**
 * Each subkey's name as one shared string: matches carry it instead of a fresh slice of the key, so the
 * model's and the rules' comparisons and map lookups on it hit V8's fast paths (same text, same results).
 */
const subkeyRows = new Map<string, SubkeyRow>();
interface SubkeyRow {
  name: string;
  info: KeyInfo;
  /** The subkey's number (see NET_SUBKEY_NAMES). */
  id: number;
  /** This row's matches by interface index (see netMatch). */
  matches: Array<KeyMatch | undefined>;
  /** The name's last character code, and a position in it (and its code) telling it from rows as long (subkeyAt). */
  last: number;
  tell: number;
  tellCode: number;
}
const byPattern = new Map<string, KeyInfo>();
for (const info of ALL_KEYS) {
  byPattern.set(info.key, info);
  if (info.key.startsWith('lxc.net.[i].')) {
    const sub = info.key.slice('lxc.net.[i].'.length);
    subkeyRows.set(sub, { name: sub, info, id: -1, matches: [], last: sub.charCodeAt(sub.length - 1), tell: 0, tellCode: sub.charCodeAt(0) });
  } else if (!info.key.includes('[')) {
    exact.set(info.key, info);
  }
}

/**
 * Network subkeys by number: each subkey row has one, so per-subkey tables (an interface's effective entries,
 * the lint's lists by subkey) are arrays indexed by it instead of Maps keyed by the name. The subkeys most
 * interfaces set come first, which keeps an interface's table short; the rest follow in catalogue order.
 */
export const NET_SUBKEY_NAMES: readonly string[] = (() => {
  const common = ['link', 'flags', 'name', 'hwaddr', 'mtu', 'ipv4.address', 'ipv6.address', 'veth.pair'];
  const names = [...common.filter((n) => subkeyRows.has(n)), ...[...subkeyRows.keys()].filter((n) => !common.includes(n))];
  names.forEach((n, id) => (subkeyRows.get(n)!.id = id));
  return names;
})();

/** The number of a network subkey (`link`, `ipv4.address`, ...), or undefined for a name that is none. */
export function netSubkeyId(sub: string): number | undefined {
  return subkeyRows.get(sub)?.id;
}

/** Subkey rows by name length, for subkeyAt(). */
const subkeysByLength: SubkeyRow[][] = [];
for (const row of subkeyRows.values()) (subkeysByLength[row.name.length] ??= []).push(row);
// Per row, the first position where it differs from every other row of its length and the same last character.
for (const rows of subkeysByLength) {
  for (const row of rows ?? []) {
    const rivals = rows!.filter((r) => r !== row && r.last === row.last);
    let tell = 0;
    while (tell < row.name.length - 1 && rivals.some((r) => r.name.charCodeAt(tell) === row.name.charCodeAt(tell))) tell++;
    row.tell = tell;
    row.tellCode = row.name.charCodeAt(tell);
  }
}
const NO_EXACT_UNDER_NET = ![...exact.keys()].some((k) => k.startsWith('lxc.net.'));

/** The catalogue row for a pattern as written in lxc-keys.json (`lxc.net.[i].link`). */
export function keyInfo(pattern: string): KeyInfo | undefined {
  return byPattern.get(pattern);
}

/** Network subkeys LXC accepts (`type`, `link`, `ipv4.address`, ...). */
export function networkSubkeys(): string[] {
  return [...subkeyRows.keys()];
}

export function networkSubkeyInfo(subkey: string): KeyInfo | undefined {
  return subkeyRows.get(subkey)?.info;
}

/** Legacy `lxc.network.<sub>` → modern subkey (`ipv4` → `ipv4.address`). */
export function legacyNetSubkey(sub: string): string {
  if (sub === 'ipv4') return 'ipv4.address';
  if (sub === 'ipv6') return 'ipv6.address';
  return sub;
}

/** Whether a key row exists in the given release (7.0 dropped the cgroup-v1 prefix row). */
export function availableIn(info: KeyInfo, version: LxcVersion): boolean {
  if (info.status !== 'current') return false;
  if (info.key === 'lxc.cgroup' || info.key === 'lxc.cgroup.[controller]') return version !== '7.0';
  if (info.key === 'lxc.environment.runtime' || info.key === 'lxc.environment.hooks') return version === '7.0';
  return true;
}

/**
 * Resolve a key as written in a file. Returns undefined for keys no LXC release knows; legacy keys resolve
 * to their legacy row (status 'legacy'). Keys that a prefix row swallows but whose form the setter rejects
 * (`lxc.net.x.type`, `lxc.cgroup2x`) resolve to undefined too: both are load errors.
 */
export function lookupKey(key: string, version: LxcVersion = '5.0'): KeyMatch | undefined {
  // One character tells `lxc.net.` (index 7 '.') and `lxc.network.` (index 7 'w') from the rest: startsWith is
  // slow on the sliced strings keys are, and this runs once per entry.
  const c7 = key.charCodeAt(7);
  // No exact row starts with `lxc.net.` (checked when the catalogue loads), so those keys skip the exact
  // lookup, which would hash every distinct `lxc.net.N.*` key once only to miss.
  if (c7 === 46 && NO_EXACT_UNDER_NET && isNetFamilyKey(key)) return lookupNet(key);
  const direct = exact.get(key);
  if (direct && (direct.status === 'legacy' || availableIn(direct, version))) return { info: direct };
  if (c7 === 46 && key.startsWith('lxc.net.')) return lookupNet(key);
  if (c7 === 119 && key.startsWith('lxc.network.')) return lookupLegacyNet(key);
  for (const [prefix, pattern] of PREFIX_ROWS) {
    if (!key.startsWith(prefix)) continue;
    const info = byPattern.get(pattern)!;
    if (!availableIn(info, version) && info.status !== 'legacy') continue;
    const suffix = key.slice(prefix.length);
    // lxc.prlimit. (empty resource) is accepted by liblxc; the other families need a non-empty suffix.
    if (suffix.length === 0 && pattern !== 'lxc.prlimit.[resource]') return undefined;
    return { info, suffix };
  }
  return undefined;
}

const PREFIX_ROWS: Array<[string, string]> = [
  ['lxc.cgroup2.', 'lxc.cgroup2.[controller]'],
  ['lxc.cgroup.', 'lxc.cgroup.[controller]'],
  ['lxc.namespace.share.', 'lxc.namespace.share.[namespace]'],
  ['lxc.prlimit.', 'lxc.prlimit.[resource]'],
  ['lxc.sysctl.', 'lxc.sysctl.[parameter]'],
  ['lxc.proc.', 'lxc.proc.[file]'],
  ['lxc.limit.', 'lxc.limit.[resource]'],
];

/**
 * `key.startsWith('lxc.net')` (true of `lxc.net`, `lxc.net.*` and `lxc.network*`) by character codes, the most
 * telling first: startsWith is slow on the sliced strings keys are, and this runs once per entry.
 */
export function isNetFamilyKey(key: string): boolean {
  return key.charCodeAt(6) === 116 && key.charCodeAt(4) === 110 && key.charCodeAt(5) === 101 && key.charCodeAt(3) === 46
    && key.charCodeAt(0) === 108 && key.charCodeAt(1) === 120 && key.charCodeAt(2) === 99;
}

/** End of the run of ASCII digits in `key` from `from` (what /^[0-9]+/ matches there, without a regex or slices). */
function digitsEnd(key: string, from: number): number {
  let i = from;
  while (i < key.length) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i;
}

/** The digits' value as Number.parseInt(digits, 10) reads it; exact by hand for short runs. */
function digitsValue(key: string, from: number, to: number): number {
  if (to - from > 9) return Number.parseInt(key.slice(from, to), 10);
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (key.charCodeAt(i) - 48);
  return n;
}

const NET_PREFIX = 'lxc.net.'.length;
const LEGACY_NET_PREFIX = 'lxc.network.'.length;

function lookupNet(key: string): KeyMatch | undefined {
  // The digits' end and value in one pass for short runs (each character read once: this runs for every
  // `lxc.net.N.*` key); longer runs as digitsEnd()/digitsValue() read them.
  let end = NET_PREFIX;
  let netIndex = 0;
  let c = key.charCodeAt(end);
  while (c >= 48 && c <= 57 && end - NET_PREFIX < 9) {
    netIndex = netIndex * 10 + (c - 48);
    c = key.charCodeAt(++end);
  }
  if (end === NET_PREFIX) return undefined;
  if (c >= 48 && c <= 57) {
    end = digitsEnd(key, end);
    netIndex = digitsValue(key, NET_PREFIX, end);
    c = key.charCodeAt(end);
  }
  if (netIndex >= 2147483647) return undefined;
  if (end === key.length) return netMatch(NET_ROW, netIndex);
  if (c !== 46) return undefined;
  const row = subkeyAt(key, end + 1);
  return row ? netMatch(row, netIndex) : undefined;
}

/** The `lxc.net.[i]` row itself, as a SubkeyRow without a subkey, for its own match cache. */
const NET_ROW: SubkeyRow = { name: '', info: byPattern.get('lxc.net.[i]')!, id: -1, matches: [], last: -1, tell: 0, tellCode: -1 };
/** Interfaces below this index have their matches cached (per row: at most this many, made on demand). */
const NET_MATCH_CACHE = 4096;

/**
 * The match of `row` for interface `netIndex`: one shared, never mutated object per (row, index) up to
 * NET_MATCH_CACHE, instead of a new one per key. Each `lxc.net.N.*` key occurs about once per file, so
 * within one resolve nothing repeats, but every later resolve of the same or a similar file (the language
 * server, the benchmark's steady state) finds its matches made: 8,000 objects less per resolve of 1,000
 * interfaces. Legacy `lxc.network.N.*` matches (other row, same fields) are rare and not cached.
 */
function netMatch(row: SubkeyRow, netIndex: number): KeyMatch {
  if (netIndex >= NET_MATCH_CACHE) return makeNetMatch(row, netIndex);
  const matches = row.matches;
  // Filled up to the index, so the array stays a fast one (a far write into an empty array makes a slow one).
  while (matches.length <= netIndex) matches.push(undefined);
  return (matches[netIndex] ??= makeNetMatch(row, netIndex));
}

function makeNetMatch(row: SubkeyRow, netIndex: number): KeyMatch {
  return row === NET_ROW ? { info: row.info, netIndex } : { info: row.info, netIndex, netSubkey: row.name, netSubkeyId: row.id };
}

/**
 * The subkey row whose name is exactly `key` from `from` on: subkeyRows.get(key.slice(from)) without slicing
 * and hashing a new string for every `lxc.net.N.*` key.
 */
function subkeyAt(key: string, from: number): SubkeyRow | undefined {
  const rows = subkeysByLength[key.length - from];
  if (rows === undefined) return undefined;
  // Every row here is as long as the rest of the key, so ending with its name is being it (endsWith measured
  // faster than comparing character codes one by one; startsWith is not).
  // Rows of one length differ in their first or last character or in the one the row names (`tell`), so two
  // character codes rule out all rows but one before a single endsWith confirms it (on `ipv6.address`, a
  // third row of six, that halves the lookup).
  const last = key.charCodeAt(key.length - 1);
  for (const row of rows) {
    if (row.last === last && key.charCodeAt(from + row.tell) === row.tellCode && key.endsWith(row.name)) return row;
  }
  return undefined;
}

function lookupLegacyNet(key: string): KeyMatch | undefined {
  const end = digitsEnd(key, LEGACY_NET_PREFIX);
  if (end === LEGACY_NET_PREFIX) return undefined; // un-indexed legacy keys are exact rows, handled above
  if (end === key.length || key.charCodeAt(end) !== 46) return undefined;
  const sub = legacyNetSubkey(key.slice(end + 1));
  const row = subkeyRows.get(sub);
  if (row === undefined) return undefined;
  return { info: byPattern.get('lxc.network.[i].[subkey]')!, netIndex: digitsValue(key, LEGACY_NET_PREFIX, end), netSubkey: row.name, netSubkeyId: row.id };
}

/** Every concrete key a user could type, for completion and "did you mean". */
export function knownKeyNames(version: LxcVersion = '5.0'): string[] {
  const names: string[] = [];
  for (const info of ALL_KEYS) {
    if (info.status !== 'current' || !availableIn(info, version)) continue;
    names.push(info.key.replace('[i]', '0'));
  }
  return names;
}

/** The modern key for a legacy key as written (`lxc.network.ipv4` in interface 2 → `lxc.net.2.ipv4.address`). */
export function modernKeyFor(match: KeyMatch, key: string, netIndex?: number): string | undefined {
  const info = match.info;
  if (info.status !== 'legacy') return undefined;
  if (key.startsWith('lxc.network.') && match.netSubkey === undefined) {
    const sub = legacyNetSubkey(key.slice('lxc.network.'.length));
    return netIndex === undefined ? undefined : `lxc.net.${netIndex}.${sub}`;
  }
  if (match.netSubkey !== undefined && match.netIndex !== undefined) return `lxc.net.${match.netIndex}.${match.netSubkey}`;
  if (key.startsWith('lxc.limit.')) return `lxc.prlimit.${key.slice('lxc.limit.'.length)}`;
  if (!info.replacedBy || info.replacedBy.startsWith('(') || info.replacedBy.includes(' ')) return undefined;
  return info.replacedBy;
}
