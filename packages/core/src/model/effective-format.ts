/**
 * The effective configuration rendered the way liblxc 5.0's get_config_item() prints it: numbers in decimal,
 * signals as numbers, log levels as names, paths simplified, addresses canonical with their prefix, lists
 * newline-separated, plus the quirks (cap.keep and cap.drop print the same list, `lxc.proc.X` concatenates its
 * values, the two time offsets print with different spacing). Used to compare lxclint with liblxc and by
 * `lxclint show --lxc-format`. Keys liblxc reports that the config never set are left out.
 */
import { lxcPathSimplify, parseLogLevel, sigParse } from '../values/parsers';
import { BOOLEAN_KEYS, isArch32, LOG_LEVELS, UINT_KEYS } from '../values/words';
import { cStrtoBig, getU16, safeInt, safeUint, safeUlong } from '../values/numbers';
import { EFFECTIVE_FAMILIES, type EffectiveConfig, type EffectiveValue } from './effective';

const PAGE_SIZE = 4096n;

/** Stored as unsigned numbers, printed in decimal. */
const NUMERIC_UINT: ReadonlySet<string> = new Set([...BOOLEAN_KEYS, ...UINT_KEYS]);
const PATH_KEYS = new Set(['lxc.rootfs.mount', 'lxc.init.cwd', 'lxc.mount.fstab', 'lxc.console.logfile', 'lxc.console.path', 'lxc.seccomp.profile']);
const NULL_WHEN_EMPTY = new Set(['lxc.cgroup.dir', 'lxc.cgroup.dir.monitor', 'lxc.cgroup.dir.monitor.pivot', 'lxc.cgroup.dir.container', 'lxc.cgroup.dir.container.inner']);
/** Printed one per line, each followed by a newline. */
const LINE_LISTS = new Set(['lxc.mount.entry', 'lxc.apparmor.raw', 'lxc.environment', 'lxc.group', 'lxc.environment.runtime', 'lxc.environment.hooks']);

/** Keys stored unsigned but printed with %d: values above INT_MAX read back negative. */
const PRINTED_SIGNED = new Set(['lxc.init.uid', 'lxc.init.gid', 'lxc.start.delay', 'lxc.monitor.unshare']);

const num = (r: ReturnType<typeof safeUint>, raw: string) => (r.ok ? r.value.toString() : raw);
const asList = (v: EffectiveValue) => (Array.isArray(v) ? v : [v]);
const asText = (v: EffectiveValue) => (Array.isArray(v) ? v.join(' ') : v);

/** Signals print as their numbers. */
function sigOut(v: string): string {
  const r = sigParse(v);
  return r.ok ? String(r.value) : v;
}



function byteSize(v: string): string {
  if (v === '') return '0';
  let n: bigint;
  if (v === 'auto') n = 131072n;
  else {
    const m = /^\s*\+?([0-9]+|0[xX][0-9a-fA-F]+)\s*([a-zA-Z]{0,2})$/.exec(v);
    if (!m) return v;
    n = safeUlong(m[1]!).ok ? (safeUlong(m[1]!) as { value: bigint }).value : 0n;
    const mul: Record<string, bigint> = { KB: 1024n, MB: 1024n ** 2n, GB: 1024n ** 3n };
    if (m[2]!.length === 2) n *= mul[m[2]!.toUpperCase()] ?? 1n;
  }
  if (n < PAGE_SIZE) n = PAGE_SIZE;
  let p = 1n;
  while (p < n) p <<= 1n;
  return p.toString();
}

/** One prlimit part: `unlimited`, or strtoull base 10 (a `-` wraps around, so `-1` is unlimited). */
function prlimitPart(s: string): string {
  const t = s.trim();
  if (t.startsWith('unlimited')) return 'unlimited';
  const r = cStrtoBig(t, 10);
  const v = r.negative ? (2n ** 64n - (r.value % 2n ** 64n)) % 2n ** 64n : r.value;
  return v === 2n ** 64n - 1n ? 'unlimited' : v.toString();
}

function prlimit(v: string): string {
  const colon = v.indexOf(':');
  if (colon < 0) return prlimitPart(v);
  const soft = prlimitPart(v.slice(0, colon));
  // Nothing after the colon means the hard limit equals the soft one (seen on 5.0.2: `5:` reads back as `5`).
  const hard = v.slice(colon + 1).trim() === '' ? soft : prlimitPart(v.slice(colon + 1));
  return soft === hard ? soft : `${soft}:${hard}`;
}

function timeOffset(v: string, spaced: boolean): string {
  const s = /(-?[0-9]+)s\b/.exec(v)?.[1] ?? '0';
  const ns = /(-?[0-9]+)ns/.exec(v)?.[1] ?? '0';
  const sep = spaced ? ' ' : '';
  return s !== '0' ? `${s}${sep}s\n` : `${ns}${sep}ns\n`;
}

function mountAuto(tokens: string[]): string {
  // Forced cgroup modes, cgroup2 and shmounts do not print (get_config_mount_auto only knows these).
  const printed: Record<string, string> = {
    proc: 'proc:mixed', 'proc:mixed': 'proc:mixed', 'proc:rw': 'proc:rw',
    sys: 'sys:mixed', 'sys:ro': 'sys:ro', 'sys:mixed': 'sys:mixed', 'sys:rw': 'sys:rw',
    cgroup: 'cgroup', 'cgroup:mixed': 'cgroup:mixed', 'cgroup:ro': 'cgroup:ro', 'cgroup:rw': 'cgroup:rw',
    'cgroup-full': 'cgroup-full', 'cgroup-full:mixed': 'cgroup-full:mixed', 'cgroup-full:ro': 'cgroup-full:ro', 'cgroup-full:rw': 'cgroup-full:rw',
  };
  const group = (t: string) => (t.startsWith('proc') ? 0 : t.startsWith('sys') ? 1 : 2);
  return tokens.filter((t) => printed[t]).sort((a, b) => group(a) - group(b)).map((t) => printed[t]).join(' ');
}

function idmap(entry: string): string {
  const f = entry.trim().split(/[ \t]+/);
  if (f.length !== 4) return entry;
  return [f[0], ...f.slice(1).map((x) => num(safeUlong(x), x))].join(' ');
}

/** IPv6 text → glibc inet_ntop() form (lower-case, longest zero run of 2+ groups as `::`, dotted tail for v4-mapped). */
export function canonicalIpv6(addr: string): string {
  const groups = parseIpv6(addr);
  if (!groups) return addr;
  let best = { base: -1, len: 0 };
  let cur = { base: -1, len: 0 };
  for (let i = 0; i < 8; i++) {
    if (groups[i] === 0) {
      cur = cur.base === -1 ? { base: i, len: 1 } : { base: cur.base, len: cur.len + 1 };
      if (cur.len > best.len) best = { ...cur };
    } else cur = { base: -1, len: 0 };
  }
  if (best.len < 2) best = { base: -1, len: 0 };
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (best.base !== -1 && i >= best.base && i < best.base + best.len) {
      if (i === best.base) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (i === 6 && best.base === 0 && (best.len === 6 || (best.len === 5 && groups[5] === 0xffff))) {
      out += `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
      break;
    }
    out += groups[i]!.toString(16);
  }
  if (best.base !== -1 && best.base + best.len === 8) out += ':';
  return out;
}

function parseIpv6(addr: string): number[] | undefined {
  let text = addr;
  const tail: number[] = [];
  const v4 = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const b = v4.slice(2, 6).map(Number);
    if (b.some((x) => x > 255)) return undefined;
    tail.push((b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!);
    text = v4[1]!.endsWith('::') ? v4[1]! : v4[1]!.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((h) => (/^[0-9a-fA-F]{1,4}$/.test(h) ? parseInt(h, 16) : NaN)));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const total = head.length + rest.length + tail.length;
  if ([...head, ...rest].some(Number.isNaN)) return undefined;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  return [...head, ...new Array<number>(8 - total).fill(0), ...rest, ...tail];
}

function ipv4Address(v: string): string {
  const space = v.indexOf(' ');
  const main = space >= 0 ? v.slice(0, space) : v;
  const slash = main.indexOf('/');
  const addr = slash >= 0 ? main.slice(0, slash) : main;
  let prefix: string;
  if (slash >= 0) prefix = num(safeUint(main.slice(slash + 1)), main.slice(slash + 1));
  else {
    // config_ip_prefix() reads the address in network byte order on a little-endian host: the last octet decides.
    const last = Number(addr.split('.')[3] ?? 0);
    prefix = last < 128 ? '8' : last < 192 ? '16' : last < 224 ? '24' : '0';
  }
  return `${addr}/${prefix}`;
}

function ipv6Address(v: string, defaultPrefix: string): string {
  const slash = v.indexOf('/');
  const addr = slash >= 0 ? v.slice(0, slash) : v;
  const prefix = slash >= 0 ? num(safeUint(v.slice(slash + 1)), v.slice(slash + 1)) : defaultPrefix;
  return `${canonicalIpv6(addr)}/${prefix}`;
}

/** Interface names are copied into a 16-byte buffer: at most 15 bytes survive. */
function ifname(v: string, latin1: boolean): string {
  // Count bytes in the file's own encoding (a non-UTF-8 file was decoded one char per byte).
  const bytes = latin1 ? Uint8Array.from(v, (c) => c.charCodeAt(0) & 0xff) : new TextEncoder().encode(v);
  if (bytes.length <= 15) return v;
  const cut = bytes.slice(0, 15);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(cut);
  } catch {
    // The cut split a character: the bytes are no longer UTF-8; show them byte for byte (latin1), as lxclint's decoder does.
    return String.fromCharCode(...cut);
  }
}

const NET_BASE = ['type', 'flags', 'link', 'name', 'hwaddr', 'mtu', 'ipv4.address', 'ipv4.gateway', 'ipv6.address', 'ipv6.gateway', 'l2proxy', 'script.up', 'script.down'];
const NET_BY_TYPE: Record<string, string[]> = {
  veth: ['veth.mode', 'veth.pair', 'veth.n_rxqueues', 'veth.n_txqueues', 'veth.ipv4.route', 'veth.ipv6.route', 'veth.vlan.id', 'veth.vlan.tagged.id'],
  macvlan: ['macvlan.mode'],
  ipvlan: ['ipvlan.mode', 'ipvlan.isolation'],
  vlan: ['vlan.id'],
};
const NET_ZERO_DEFAULT = new Set(['l2proxy', 'veth.vlan.id', 'vlan.id']);

function netValue(sub: string, v: EffectiveValue | undefined, latin1 = false): string {
  if (v === undefined) return NET_ZERO_DEFAULT.has(sub) ? '0' : '';
  const list = asList(v);
  const text = asText(v);
  switch (sub) {
    case 'type':
      return text === '' ? '(null)' : text;
    case 'flags':
      return 'up';
    case 'link':
    case 'name':
    case 'veth.pair':
      return ifname(text, latin1);
    case 'ipv4.address':
      return list.map(ipv4Address).join('\n');
    case 'ipv6.address':
      return list.map((a) => ipv6Address(a, '64')).join('\n');
    case 'veth.ipv4.route':
      return list.map(ipv4Address).join('\n');
    case 'veth.ipv6.route':
      return list.map((a) => ipv6Address(a, '0')).join('\n');
    case 'ipv4.gateway':
      return text;
    case 'ipv6.gateway':
      return text === 'auto' || text === 'dev' ? text : canonicalIpv6(text);
    case 'l2proxy':
      return num(safeUint(text), text);
    case 'vlan.id':
      return num(getU16(text), text);
    case 'veth.vlan.id':
      return text === 'none' ? '-1' : num(getU16(text), text);
    case 'veth.vlan.tagged.id':
      return list.map((x) => num(getU16(x), x)).join('\n');
    case 'veth.n_rxqueues':
    case 'veth.n_txqueues':
      return num(safeInt(text), text);
    case 'veth.mode':
    case 'macvlan.mode':
    case 'ipvlan.mode':
    case 'ipvlan.isolation':
      return text === '' ? '(invalid)' : text;
    default:
      return text;
  }
}

function topValue(key: string, v: EffectiveValue): string {
  const text = asText(v);
  if (NUMERIC_UINT.has(key)) {
    const r = safeUint(text);
    if (r.ok && PRINTED_SIGNED.has(key) && r.value > 0x7fffffffn) return (r.value - 0x100000000n).toString();
    return num(r, text);
  }
  if (PATH_KEYS.has(key)) return text === '' ? '' : lxcPathSimplify(text);
  if (NULL_WHEN_EMPTY.has(key)) return text === '' ? '(null)' : lxcPathSimplify(text);
  if (LINE_LISTS.has(key) || key.startsWith('lxc.hook.') && key !== 'lxc.hook.version') return asList(v).map((x) => `${x}\n`).join('');
  if (key.startsWith('lxc.namespace.share.')) return text === '' ? '(null)' : text;
  switch (key) {
    case 'lxc.start.order':
      return num(safeInt(text), text);
    case 'lxc.autodev.tmpfs.size': {
      const r = safeInt(text);
      return r.ok ? r.value.toString() : '500000';
    }
    case 'lxc.signal.halt':
    case 'lxc.signal.reboot':
    case 'lxc.signal.stop':
    case 'lxc.monitor.signal.pdeath':
      return sigOut(text);
    case 'lxc.log.level': {
      const r = parseLogLevel(text);
      return r.ok ? LOG_LEVELS[r.value]! : text;
    }
    case 'lxc.arch':
      return isArch32(text) ? 'i686' : 'x86_64';
    case 'lxc.console.size':
    case 'lxc.console.buffer.size':
      return byteSize(text);
    case 'lxc.rootfs.path': {
      const colon = text.indexOf(':');
      const path = colon >= 0 ? text.slice(colon + 1) : text;
      return path === '' ? '' : lxcPathSimplify(path);
    }
    case 'lxc.seccomp.notify.proxy':
      return text.replace(/^unix:/, '').replace(/^@/, '');
    case 'lxc.time.offset.boot':
      return timeOffset(text, true);
    case 'lxc.time.offset.monotonic':
      return timeOffset(text, false);
    case 'lxc.mount.auto':
      return mountAuto(asList(v));
    case 'lxc.namespace.clone':
    case 'lxc.namespace.keep':
      return asList(v).map((x) => `${x}\n`).join('');
    case 'lxc.idmap':
      return asList(v).map(idmap).join('\n');
    case 'lxc.init.groups':
      // Printed with %d: group ids above INT_MAX read back negative.
      return asList(v)
        .map((x) => {
          const r = safeUint(x);
          return r.ok && r.value > 0x7fffffffn ? (r.value - 0x100000000n).toString() : num(r, x);
        })
        .join(',');
    case 'lxc.cap.drop':
    case 'lxc.cap.keep':
      return asList(v).map((x) => `${x}\n`).join('');
    default:
      return text;
  }
}

/** Every key the effective config sets, as get_config_item() would return it (raw string, no list splitting). */
export function formatAsLiblxc(eff: EffectiveConfig): Record<string, string> {
  const out: Record<string, string> = {};
  const familyMember = (key: string) => EFFECTIVE_FAMILIES.some((f) => key.startsWith(`${f}.`)) && !NULL_WHEN_EMPTY.has(key) && key !== 'lxc.cgroup.relative';
  for (const [key, v] of eff.values) {
    if (key.startsWith('lxc.net.') || familyMember(key)) continue;
    out[key] = topValue(key, v);
  }
  // One capability list serves both keys.
  const caps = eff.values.get('lxc.cap.drop') ?? eff.values.get('lxc.cap.keep');
  if (caps !== undefined) out['lxc.cap.drop'] = out['lxc.cap.keep'] = topValue('lxc.cap.drop', caps);
  for (const family of EFFECTIVE_FAMILIES) {
    const list = eff.families.get(family) ?? [];
    if (list.length === 0) continue;
    const shown = family === 'lxc.prlimit' ? list.map(([k, v]) => [k, prlimit(v)] as const) : list;
    out[family] = shown.map(([k, v]) => `${k} = ${v}\n`).join('');
    for (const [k] of shown) {
      const items = shown.filter(([x]) => x === k).map(([, v]) => v);
      if (family === 'lxc.cgroup2' || family === 'lxc.cgroup') out[k] = items.map((x) => `${x}\n`).join('');
      else if (family === 'lxc.proc') out[k] = items.join('');
      else out[k] = items[items.length - 1]!;
    }
  }
  if (eff.interfaces.length > 0) {
    const types: string[] = [];
    for (const { index } of eff.interfaces) {
      const prefix = `lxc.net.${index}.`;
      const type = asText(eff.values.get(`${prefix}type`) ?? 'empty');
      // A cleared type reads back as `(null)` on its own but `(invalid)` in the `lxc.net` list.
      types.push(type === '' ? '(invalid)' : type);
      for (const sub of [...NET_BASE, ...(NET_BY_TYPE[type] ?? [])]) {
        const latin1 = eff.sources.get(prefix + sub)?.some((e) => e.doc.encoding === 'latin1') ?? false;
        out[prefix + sub] = netValue(sub, eff.values.get(prefix + sub), latin1);
      }
    }
    out['lxc.net'] = types.map((t) => `${t}\n`).join('');
  }
  return out;
}
