/**
 * Generates the benchmark inputs (deterministic: same bytes on every run and machine).
 *
 *   mount-10k.conf   10,000 `lxc.mount.entry` lines
 *   net-1000.conf    1,000 network interfaces (type, link, flags, name, hwaddr, mtu, ipv4, ipv6: 8,000 lines)
 *   typical.conf     what lxc-create's download template writes for a Debian container, plus a few common keys
 *   lxcpath/         1,000 container directories (`NAME/config`); a third include `lxcpath/_shared/*.conf`
 *
 * Addresses come from the benchmarking range 198.18.0.0/15 (RFC 2544) and 2001:db8::/32 (documentation).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Written into each input folder so a rerun with the same generator version can skip the work. */
const GEN_VERSION = '1';

/** A tiny deterministic PRNG (mulberry32): the inputs must be identical on every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex2 = (n) => n.toString(16).padStart(2, '0');
/** A fixed, unique, locally administered unicast MAC in LXC's 00:16:3e range for interface i. */
const mac = (i) => `00:16:3e:${hex2((i >> 16) & 0xff)}:${hex2((i >> 8) & 0xff)}:${hex2(i & 0xff)}`;
/** 198.18.0.0/15 has 131,072 addresses: i → 198.18.x.y / 198.19.x.y. */
const ipv4 = (i) => `198.${18 + ((i >> 16) & 1)}.${(i >> 8) & 0xff}.${i & 0xff}`;

export function mountConfig(lines = 10_000) {
  const out = [];
  for (let i = 0; i < lines; i++) {
    out.push(`lxc.mount.entry = /srv/data/vol${i} srv/vol${i} none bind,create=dir,optional 0 0`);
  }
  return `${out.join('\n')}\n`;
}

export function networkConfig(interfaces = 1_000) {
  const out = [];
  for (let i = 0; i < interfaces; i++) {
    const p = `lxc.net.${i}`;
    out.push(
      `${p}.type = veth`,
      `${p}.link = lxcbr${i % 4}`,
      `${p}.flags = up`,
      `${p}.name = eth${i}`,
      `${p}.hwaddr = ${mac(i + 1)}`,
      `${p}.mtu = 1500`,
      `${p}.ipv4.address = ${ipv4(i + 2)}/15`,
      `${p}.ipv6.address = 2001:db8:${(i + 1).toString(16)}::2/64`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** The shape lxc-create -t download writes (Debian 12), with the include it uses and a few common additions. */
export function typicalConfig(name = 'web1', i = 1, include = '/usr/share/lxc/config/common.conf') {
  return `# Template used to create this container: /usr/share/lxc/templates/lxc-download
# Parameters passed to the template: -d debian -r bookworm -a amd64
# For additional config options, please look at lxc.container.conf(5)

# Uncomment the following line to support nesting containers:
#lxc.include = /usr/share/lxc/config/nesting.conf
# (Be aware this has security implications)


# Distribution configuration
${include ? `lxc.include = ${include}\n` : ''}lxc.arch = linux64

# Container specific configuration
lxc.apparmor.profile = generated
lxc.apparmor.allow_nesting = 1
lxc.rootfs.path = dir:/var/lib/lxc/${name}/rootfs
lxc.uts.name = ${name}
lxc.start.auto = 1
lxc.start.delay = 5
lxc.cgroup2.memory.max = 2G
lxc.cgroup2.cpu.max = 200000 100000

# Network configuration
lxc.net.0.type = veth
lxc.net.0.link = lxcbr0
lxc.net.0.flags = up
lxc.net.0.hwaddr = ${mac(i)}
lxc.net.0.ipv4.address = ${ipv4(i + 1)}/15
lxc.net.0.ipv4.gateway = 198.18.0.1

lxc.mount.entry = /srv/shared srv/shared none bind,create=dir 0 0
`;
}

/** Shared include files of the lxcpath tree (what sites factor out of their containers). */
function sharedFiles() {
  return {
    'common.conf': `# Site defaults, included by many containers
lxc.apparmor.profile = generated
lxc.start.auto = 1
lxc.cgroup2.memory.max = 1G
lxc.mount.auto = proc:mixed sys:mixed cgroup:mixed
`,
    'net-bridge.conf': `# Default network: one veth on the site bridge
lxc.net.0.type = veth
lxc.net.0.link = lxcbr0
lxc.net.0.flags = up
lxc.net.0.mtu = 1500
`,
  };
}

/** One container's config: varied like a real fleet (includes, extra NICs, mounts, limits, comments). */
function containerConfig(dir, name, i, rand) {
  const lines = [`# ${name}: generated for the lxclint benchmark`, ''];
  const viaShared = i % 3 === 0;
  if (viaShared) {
    lines.push(`lxc.include = ${join(dir, '_shared', 'common.conf')}`, `lxc.include = ${join(dir, '_shared', 'net-bridge.conf')}`);
  } else {
    lines.push('lxc.include = /usr/share/lxc/config/common.conf', 'lxc.arch = linux64', 'lxc.apparmor.profile = generated');
  }
  lines.push('', `lxc.rootfs.path = dir:${join(dir, name, 'rootfs')}`, `lxc.uts.name = ${name}`);
  if (!viaShared) lines.push('', '# Network configuration', 'lxc.net.0.type = veth', 'lxc.net.0.link = lxcbr0', 'lxc.net.0.flags = up');
  lines.push(`lxc.net.0.hwaddr = ${mac(i * 4 + 1)}`, `lxc.net.0.ipv4.address = ${ipv4(i * 4 + 2)}/15`, 'lxc.net.0.ipv4.gateway = 198.18.0.1');
  const extraNics = rand() < 0.3 ? 1 + Math.floor(rand() * 2) : 0;
  for (let n = 1; n <= extraNics; n++) {
    lines.push(
      `lxc.net.${n}.type = veth`, `lxc.net.${n}.link = lxcbr${n}`, `lxc.net.${n}.flags = up`, `lxc.net.${n}.name = eth${n}`,
      `lxc.net.${n}.hwaddr = ${mac(i * 4 + 1 + n)}`, `lxc.net.${n}.ipv6.address = 2001:db8:${i.toString(16)}:${n}::2/64`,
    );
  }
  const mounts = Math.floor(rand() * 4);
  if (mounts > 0) lines.push('', '# Storage');
  for (let m = 0; m < mounts; m++) lines.push(`lxc.mount.entry = /srv/${name}/data${m} srv/data${m} none bind,create=dir 0 0`);
  if (rand() < 0.25) lines.push('', '# Unprivileged', 'lxc.idmap = u 0 100000 65536', 'lxc.idmap = g 0 100000 65536');
  if (rand() < 0.4) lines.push('', `lxc.cgroup2.memory.max = ${1 + Math.floor(rand() * 8)}G`, `lxc.cgroup2.cpu.max = ${(1 + Math.floor(rand() * 4)) * 100000} 100000`);
  if (rand() < 0.2) lines.push(`lxc.start.order = ${Math.floor(rand() * 100)}`, `lxc.start.delay = ${Math.floor(rand() * 10)}`);
  return `${lines.join('\n')}\n`;
}

export function writeLxcpath(dir, containers = 1_000) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '_shared'), { recursive: true });
  for (const [name, text] of Object.entries(sharedFiles())) writeFileSync(join(dir, '_shared', name), text);
  const rand = rng(42);
  for (let i = 1; i <= containers; i++) {
    const name = `ct${String(i).padStart(4, '0')}`;
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'config'), containerConfig(dir, name, i, rand));
  }
}

/** Writes every input under `outDir` (skipped when already generated by this version). Returns their paths. */
export function generateInputs(dir) {
  // Absolute: configs name their includes and rootfs by absolute path, as lxc-create writes them.
  const outDir = resolve(dir);
  const paths = {
    mount: join(outDir, 'mount-10k.conf'),
    net: join(outDir, 'net-1000.conf'),
    typical: join(outDir, 'typical.conf'),
    lxcpath: join(outDir, 'lxcpath'),
  };
  const stamp = join(outDir, '.generated');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === GEN_VERSION) return paths;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(paths.mount, mountConfig());
  writeFileSync(paths.net, networkConfig());
  writeFileSync(paths.typical, typicalConfig());
  writeLxcpath(paths.lxcpath);
  writeFileSync(stamp, GEN_VERSION);
  return paths;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'bench/out/inputs';
  const p = generateInputs(dir);
  process.stdout.write(`${JSON.stringify(p, null, 2)}\n`);
}
