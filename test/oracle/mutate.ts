/**
 * Deterministic (seeded) mutations of LXC configs for the differential test against liblxc: near-miss keys,
 * missing `=`, quotes, empty values, out-of-range numbers, bad enum words, wrong network types, keys before
 * `type`, bad addresses, includes of missing files, CR/CRLF/NUL/BOM bytes, legacy keys, inline comments...
 *
 * Generated files never touch the machine: `lxc.log.file` (which liblxc creates while loading) is pointed
 * into the output directory, includes are absolute, and bare `lxc.environment = NAME` lines (whose meaning
 * depends on the loading process's environment) and phys `link = prefix+` (host interfaces) are avoided.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, good enough for test-case generation, and the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Lines people write, per family; network lines use index 0 and get re-indexed. */
export const REALISTIC_LINES: readonly string[] = [
  'lxc.uts.name = web01', 'lxc.arch = amd64', 'lxc.arch = x86_64', 'lxc.arch = i686', 'lxc.rootfs.path = dir:/var/lib/lxc/web/rootfs',
  'lxc.rootfs.options = idmap=container', 'lxc.rootfs.mount = /usr/lib/x86_64-linux-gnu/lxc/rootfs', 'lxc.rootfs.managed = 0',
  'lxc.apparmor.profile = generated', 'lxc.apparmor.profile = unconfined', 'lxc.apparmor.allow_nesting = 1', 'lxc.apparmor.allow_incomplete = 0',
  'lxc.apparmor.raw = mount,', 'lxc.selinux.context = system_u:system_r:lxc_t:s0:c22', 'lxc.seccomp.profile = /usr/share/lxc/config/common.seccomp',
  'lxc.seccomp.allow_nesting = 1', 'lxc.seccomp.notify.proxy = unix:/run/seccomp.sock', 'lxc.seccomp.notify.cookie = abc',
  'lxc.start.auto = 1', 'lxc.start.delay = 5', 'lxc.start.order = 10', 'lxc.group = onboot', 'lxc.group = web db',
  'lxc.tty.max = 4', 'lxc.pty.max = 1024', 'lxc.tty.dir = lxc', 'lxc.console.path = none', 'lxc.console.logfile = /var/log/lxc/console.log',
  'lxc.console.size = auto', 'lxc.console.buffer.size = 1MB', 'lxc.console.rotate = 1',
  'lxc.init.cmd = /sbin/init', 'lxc.init.uid = 1000', 'lxc.init.gid = 1000', 'lxc.init.cwd = /root', 'lxc.init.groups = 1,2',
  'lxc.execute.cmd = /bin/sh', 'lxc.ephemeral = 0', 'lxc.no_new_privs = 1', 'lxc.sched.core = 0', 'lxc.keyring.session = 0',
  'lxc.autodev = 1', 'lxc.autodev.tmpfs.size = 500000', 'lxc.monitor.unshare = 0', 'lxc.monitor.signal.pdeath = SIGKILL',
  'lxc.signal.halt = SIGPWR', 'lxc.signal.reboot = SIGINT', 'lxc.signal.stop = SIGKILL', 'lxc.signal.halt = SIGRTMIN+3',
  'lxc.log.level = WARN', 'lxc.log.level = 1', 'lxc.log.syslog = daemon', 'lxc.log.file = /var/log/lxc/web.log',
  'lxc.mount.auto = proc:mixed sys:ro cgroup:mixed', 'lxc.mount.auto = cgroup:rw:force', 'lxc.mount.auto = shmounts:/srv/shared:/mnt/shared',
  'lxc.mount.entry = /srv/data srv/data none bind,create=dir 0 0', 'lxc.mount.entry = tmpfs tmp tmpfs defaults 0 0',
  'lxc.mount.fstab = /var/lib/lxc/web/fstab', 'lxc.idmap = u 0 100000 65536', 'lxc.idmap = g 0 100000 65536',
  'lxc.cap.drop = sys_module mac_admin mac_override sys_time', 'lxc.cap.keep = sys_admin net_admin', 'lxc.cap.keep = none',
  'lxc.cgroup2.memory.max = 1G', 'lxc.cgroup2.cpuset.cpus = 0-1', 'lxc.cgroup2.devices.allow = c 1:3 rwm', 'lxc.cgroup.devices.deny = a',
  'lxc.cgroup.dir = lxc.payload/web', 'lxc.cgroup.relative = 1', 'lxc.prlimit.nofile = 1024:4096', 'lxc.prlimit.nproc = unlimited',
  'lxc.prlimit.core = 0', 'lxc.sysctl.net.ipv4.ip_forward = 1', 'lxc.sysctl.kernel.msgmax = 65536', 'lxc.proc.oom_score_adj = 10',
  'lxc.hook.pre-start = /usr/local/bin/prestart', 'lxc.hook.mount = /usr/share/lxcfs/lxc.mount.hook', 'lxc.hook.version = 1',
  'lxc.hook.start-host = /bin/true', 'lxc.environment = TZ=UTC', 'lxc.environment = http_proxy=http://proxy:3128',
  'lxc.namespace.clone = mnt pid uts ipc net', 'lxc.namespace.keep = user net', 'lxc.namespace.share.net = 1234',
  'lxc.time.offset.boot = 5s', 'lxc.time.offset.monotonic = -2h', 'lxc.include = /usr/share/lxc/config/common.conf',
  'lxc.include = /usr/share/lxc/config/nesting.conf', 'lxc.include = /usr/share/lxc/config/common.conf.d/',
  'lxc.net.0.type = veth', 'lxc.net.0.link = lxcbr0', 'lxc.net.0.flags = up', 'lxc.net.0.name = eth0',
  'lxc.net.0.hwaddr = 00:16:3e:4a:7b:01', 'lxc.net.0.hwaddr = 00:16:3e:xx:xx:xx', 'lxc.net.0.mtu = 1500',
  'lxc.net.0.ipv4.address = 192.0.2.10/24', 'lxc.net.0.ipv4.address = 192.0.2.11/24 192.0.2.255', 'lxc.net.0.ipv4.gateway = 192.0.2.1',
  'lxc.net.0.ipv4.gateway = auto', 'lxc.net.0.ipv6.address = 2001:db8::10/64', 'lxc.net.0.ipv6.gateway = 2001:db8::1',
  'lxc.net.0.veth.pair = vethweb0', 'lxc.net.0.veth.mode = router', 'lxc.net.0.veth.ipv4.route = 198.51.100.0/24',
  'lxc.net.0.veth.ipv6.route = 2001:db8:1::/48', 'lxc.net.0.veth.vlan.id = 100', 'lxc.net.0.veth.vlan.tagged.id = 200',
  'lxc.net.0.veth.n_rxqueues = 2', 'lxc.net.0.script.up = /usr/local/bin/net-up', 'lxc.net.0.l2proxy = 1',
  'lxc.net.0.type = macvlan', 'lxc.net.0.macvlan.mode = bridge', 'lxc.net.0.type = ipvlan', 'lxc.net.0.ipvlan.mode = l3s',
  'lxc.net.0.ipvlan.isolation = private', 'lxc.net.0.type = vlan', 'lxc.net.0.vlan.id = 100', 'lxc.net.0.type = phys',
  'lxc.net.0.link = eth1', 'lxc.net.0.type = empty', 'lxc.net.0.type = none',
];

const LEGACY: Record<string, string> = {
  'lxc.uts.name': 'lxc.utsname', 'lxc.rootfs.path': 'lxc.rootfs', 'lxc.pty.max': 'lxc.pts', 'lxc.tty.max': 'lxc.tty',
  'lxc.tty.dir': 'lxc.devttydir', 'lxc.apparmor.profile': 'lxc.aa_profile', 'lxc.idmap': 'lxc.id_map', 'lxc.mount.fstab': 'lxc.mount',
  'lxc.seccomp.profile': 'lxc.seccomp', 'lxc.console.path': 'lxc.console', 'lxc.signal.halt': 'lxc.haltsignal', 'lxc.log.level': 'lxc.loglevel',
  'lxc.init.cmd': 'lxc.init_cmd', 'lxc.prlimit.nofile': 'lxc.limit.nofile',
};

const NUMBERS = ['0', '1', '2', '-1', '4095', '4094', '4096', '65535', '65536', '4294967295', '4294967296', '0x10', '010', '08', '1e3', '1.5', ' 5', '5 ', 'ten', '+3'];
const WORDS = ['yes', 'no', 'true', 'on', 'Bridge', 'VETH', 'l3x', 'router ', 'unlimited', 'auto', 'dev', 'none', 'TERM', 'sigterm', 'debug', 'local9', 'mnt', 'mount', 'proc:ro', 'cgroup2:rw', 'CAP_SYS_ADMIN', 'x86', 'arm64'];
const NET_TYPES = ['vethx', 'bridge', 'macvtap', 'Veth', 'veth ', 'phys', 'none', 'empty', 'vlan', 'ipvlan', 'macvlan', 'veth'];
const ADDRS = [
  '10.0.0.256/24', '10.1/8', '192.0.2.1/33', '192.0.2.1/', '192.0.2.1/24  192.0.2.255', '192.0.2.1/24\t192.0.2.255', '192.0.2.1/24 192.0.2.300',
  '192.0.2.200', '192.0.2.5', '192.0.2.1/0x18', '2001:db8::g/64', '2001:db8::1/129', '2001:db8::1/200', '2001:db8::1/64 x', '2001:DB8:0:0::1',
  '::ffff:192.0.2.1/96', 'fe80::1', '192.0.2.1/24/24', '0.0.0.0/0',
];

export interface Mutant {
  name: string;
  /** What was done, for failure messages. */
  ops: string[];
  bytes: Uint8Array;
}

type Doc = { lines: string[]; ops: string[]; raw?: (text: string) => Uint8Array };

function splitKV(line: string): { key: string; value: string } | undefined {
  const eq = line.indexOf('=');
  if (eq < 0) return undefined;
  return { key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim() };
}

function nearMiss(r: Rand, key: string): string {
  const parts = key.split('.');
  const i = 1 + Math.floor(r() * (parts.length - 1));
  const p = parts[i] ?? '';
  const variants = [
    p.length > 1 ? p.slice(0, -1) : `${p}x`, `${p}s`, p.length > 2 ? p[1]! + p[0]! + p.slice(2) : `${p}_`, p.toUpperCase(), p.replace(/_/g, '-'), p.replace(/-/g, '_'), '',
  ];
  parts[i] = pick(r, variants);
  const joined = parts.join('.');
  return r() < 0.15 ? joined.replace('.', '_') : joined;
}

/** One mutation of one line (or of the document), chosen at random. */
function mutateOnce(r: Rand, doc: Doc, dir: string): void {
  const lxcLines = doc.lines.map((l, i) => [l, i] as const).filter(([l]) => l.trimStart().startsWith('lxc.'));
  if (lxcLines.length === 0) {
    doc.lines.push(pick(r, REALISTIC_LINES));
    doc.ops.push('add realistic line');
    return;
  }
  const [line, at] = pick(r, lxcLines);
  const kv = splitKV(line);
  const set = (l: string, op: string) => {
    doc.lines[at] = l;
    doc.ops.push(`${op}: ${JSON.stringify(l)}`);
  };
  const op = Math.floor(r() * 22);
  switch (op) {
    case 0:
      if (kv) return set(`${nearMiss(r, kv.key)} = ${kv.value}`, 'near-miss key');
      break;
    case 1:
      return set(line.replace(/\s*=\s*/, ' '), 'drop =');
    case 2: {
      if (!kv) break;
      const q = pick(r, ['"', "'"]);
      return set(`${kv.key} = ${pick(r, [`${q}${kv.value}${q}`, `${q}${kv.value}`, `${kv.value}${q}`, `"${kv.value}'`, `${q}${q}`])}`, 'quotes');
    }
    case 3:
      if (kv) return set(`${kv.key} =${pick(r, ['', ' ', '\t'])}`, 'empty value');
      break;
    case 4:
      if (kv) return set(`${kv.key} = ${pick(r, NUMBERS)}`, 'number');
      break;
    case 5:
      if (kv) return set(`${kv.key} = ${pick(r, WORDS)}`, 'enum word');
      break;
    case 6: {
      const idx = /^lxc\.net\.(\d+)\./.exec(line)?.[1] ?? String(Math.floor(r() * 3));
      return set(`lxc.net.${idx}.type = ${pick(r, NET_TYPES)}`, 'network type');
    }
    case 7: {
      // Move a network line before the type line of its interface (or a type line after its keys).
      const m = /^lxc\.net\.(\d+)\./.exec(line);
      if (!m) break;
      const typeAt = doc.lines.findIndex((l) => l.startsWith(`lxc.net.${m[1]}.type`));
      if (typeAt < 0 || typeAt === at) break;
      const [moved] = doc.lines.splice(at, 1);
      doc.lines.splice(Math.min(typeAt, at), 0, moved!);
      doc.ops.push(`reorder network line: ${JSON.stringify(moved)}`);
      return;
    }
    case 8: {
      const idx = /^lxc\.net\.(\d+)\./.exec(line)?.[1] ?? '0';
      const sub = pick(r, ['ipv4.address', 'ipv6.address', 'ipv4.gateway', 'ipv6.gateway', 'veth.ipv4.route', 'veth.ipv6.route']);
      return set(`lxc.net.${idx}.${sub} = ${pick(r, ADDRS)}`, 'address');
    }
    case 9: {
      const target = pick(r, [`${dir}/missing.conf`, `${dir}/missing-dir/`, `${dir}/missing-dir`, '/usr/share/lxc/config/common.conf.d/', `${dir}/incdir/`, `${dir}/incdir`, '/usr/share/lxc/config/userns.conf']);
      doc.lines.splice(at, 0, `lxc.include = ${target}`);
      doc.ops.push(`include ${target}`);
      return;
    }
    case 10: {
      // Never cut a log-file line: a shortened path would be created outside the output directory.
      if (/log_?file|log\.file/.test(kv?.key ?? line)) break;
      const kind = pick(r, ['CR', 'CRLF', 'NUL', 'BOM', 'FF', 'latin1']);
      doc.ops.push(`bytes: ${kind} near line ${at + 1}`);
      const prev = doc.raw;
      doc.raw = (text) => {
        let t = text;
        const lines = t.split('\n');
        const l = lines[at] ?? '';
        const pos = Math.floor(r() * (l.length + 1));
        if (kind === 'CR') lines[at] = `${l.slice(0, pos)}\r${l.slice(pos)}`;
        if (kind === 'NUL') lines[at] = `${l.slice(0, pos)}\0${l.slice(pos)}`;
        if (kind === 'FF') lines[at] = r() < 0.5 ? `\f${l}` : `${l}\f`;
        const sep = kind === 'CRLF' ? '\r\n' : '\n';
        t = lines.join(sep);
        if (kind === 'BOM') t = `\ufeff${t}`;
        if (kind === 'latin1') {
          // A lone 0xE9 byte (latin1 é) at the end of the line: the file is no longer UTF-8.
          const enc = new TextEncoder();
          const head = enc.encode(lines.slice(0, at + 1).join(sep));
          return new Uint8Array([...head, 0xe9, ...enc.encode(t.slice(lines.slice(0, at + 1).join(sep).length))]);
        }
        return prev ? prev(t) : new TextEncoder().encode(t);
      };
      return;
    }
    case 11: {
      if (!kv) break;
      const legacy = LEGACY[kv.key] ?? kv.key.replace(/^lxc\.net\.\d+\./, 'lxc.network.').replace(/^lxc\.network\.ipv([46])\.address$/, 'lxc.network.ipv$1');
      return set(`${legacy} = ${kv.value}`, 'legacy key');
    }
    case 12:
      return set(`${line} # ${pick(r, ['comment', 'uplink', 'TODO'])}`, 'inline comment');
    case 13:
      doc.lines.splice(at, 0, line);
      doc.ops.push(`duplicate ${JSON.stringify(line)}`);
      return;
    case 14:
      doc.lines.splice(at, 1);
      doc.ops.push(`delete ${JSON.stringify(line)}`);
      return;
    case 15:
      return set(pick(r, [`  ${line}`, `\t${line}`, `${line}  `, line.replace(' = ', '='), line.replace(' = ', ' =  '), `#${line}`, ` # ${line}`]), 'whitespace/comment');
    case 16:
      if (kv) return set(`${kv.key} = ${pick(r, ['averyveryverylongname0', 'abcdefghijklmno', 'abcdefghijklmnop', 'x'.repeat(64), 'x'.repeat(65), 'a b', 'eth%d', `${kv.value}\\`])}`, 'long/odd value');
      break;
    case 17: {
      const m = /^lxc\.net\.(\d+)(\..*)$/.exec(line);
      if (!m) break;
      return set(`lxc.net.${pick(r, ['01', '007', 'x', '-1', '', '99999999999', '2147483647', '3', '10'])}${m[2]}`, 'network index');
    }
    case 18: {
      const extra = pick(r, REALISTIC_LINES);
      const idx = Math.floor(r() * 3);
      doc.lines.splice(at + (r() < 0.5 ? 0 : 1), 0, extra.replace(/^lxc\.net\.0\./, `lxc.net.${idx}.`));
      doc.ops.push(`insert ${JSON.stringify(extra)}`);
      return;
    }
    case 19:
      if (kv) return set(`${kv.key} = ${kv.value}${pick(r, [' ', 'x', '/', ':', ',', ' extra'])}`, 'trailing junk');
      break;
    case 20:
      return set(pick(r, ['lxc.net =', 'lxc.net.0 =', 'lxc.hook =', 'lxc.cgroup2 =', 'lxc.prlimit =', 'lxc.sysctl =', 'lxc.proc =', 'lxc.cap.drop =', 'lxc.idmap =', 'lxc.net = x', 'lxc.hook = x', 'lxc.net.0 = x', 'lxc.cgroup2 = x', 'lxc.include =']), 'clear');
    default: {
      if (!kv) break;
      // Swap the value for the value of another realistic line with the same key family.
      const other = splitKV(pick(r, REALISTIC_LINES))!;
      return set(`${kv.key} = ${other.value}`, 'foreign value');
    }
  }
  doc.lines.push(pick(r, REALISTIC_LINES));
  doc.ops.push('add realistic line');
}

/** Keep generated files from touching the machine or depending on the environment. */
function sanitize(lines: string[], dir: string, name: string): string[] {
  return lines
    .map((l) => (/log_?file|log\.file|logfile/.test(splitKV(l)?.key ?? '') ? `${splitKV(l)!.key} = ${dir}/logs/${name}.log` : l))
    .filter((l) => {
      const kv = splitKV(l);
      if (!kv) return true;
      if (kv.key.startsWith('lxc.environment') && kv.value !== '' && !/^[^=]*=/.test(kv.value.replace(/^["']/, ''))) return false;
      if (/\+$/.test(kv.value) && /link/.test(kv.key)) return false;
      if (kv.key === 'lxc.include' && kv.value !== '' && !kv.value.startsWith('/')) return false;
      return true;
    });
}

/** A synthetic config from realistic lines: a few top-level keys and one to three interfaces. */
function synthetic(r: Rand): string[] {
  const top = REALISTIC_LINES.filter((l) => !l.startsWith('lxc.net.'));
  const lines: string[] = [];
  for (let i = 0, n = 2 + Math.floor(r() * 6); i < n; i++) lines.push(pick(r, top));
  const nets = Math.floor(r() * 3);
  for (let n = 0; n < nets; n++) {
    const type = pick(r, ['veth', 'veth', 'macvlan', 'ipvlan', 'vlan', 'phys', 'empty', 'none']);
    lines.push(`lxc.net.${n}.type = ${type}`);
    const fitting = REALISTIC_LINES.filter((l) => l.startsWith('lxc.net.0.') && !l.includes('.type') && (!/\.(veth|macvlan|ipvlan|vlan)\./.test(l) || l.includes(`.${type}.`)));
    for (let i = 0, k = 1 + Math.floor(r() * 5); i < k; i++) lines.push(pick(r, fitting).replace('lxc.net.0.', `lxc.net.${n}.`));
  }
  return lines;
}

/**
 * Write `count` mutants into `dir` (plus `incdir/` with a small include) and return their paths.
 * `bases` are texts of real configs to mutate; about a third of the mutants start from synthetic configs.
 */
export function generateMutants(dir: string, bases: string[], count: number, seed = 20240607): Array<{ file: string; ops: string[] }> {
  mkdirSync(join(dir, 'logs'), { recursive: true });
  mkdirSync(join(dir, 'incdir'), { recursive: true });
  writeFileSync(join(dir, 'incdir', 'extra.conf'), 'lxc.start.delay = 3\nlxc.net.1.type = veth\nlxc.net.1.link = lxcbr0\n');
  const r = rng(seed);
  const out: Array<{ file: string; ops: string[] }> = [];
  for (let i = 0; i < count; i++) {
    const name = `m${String(i).padStart(5, '0')}`;
    const base = bases.length > 0 && r() < 0.65 ? pick(r, bases).split(/\r?\n/) : synthetic(r);
    const doc: Doc = { lines: sanitize(base, dir, name), ops: [] };
    for (let k = 0, n = 1 + Math.floor(r() * 3); k < n; k++) mutateOnce(r, doc, dir);
    doc.lines = sanitize(doc.lines, dir, name);
    const text = `${doc.lines.join('\n')}\n`;
    const bytes = doc.raw ? doc.raw(text) : new TextEncoder().encode(text);
    const file = join(dir, `${name}.conf`);
    writeFileSync(file, bytes);
    out.push({ file, ops: doc.ops });
  }
  return out;
}
