/**
 * HostFacts from this machine (/sys/class/net, plus `ip` and `ovs-vsctl` when they are installed) or from a
 * snapshot file written by `lxclint facts`. Inside `ip netns exec NS` /sys shows that namespace's links.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { checkHostFacts, type HostFacts, type HostLink, type HostLinkKind } from '@lxclint/core';

const SYS_CLASS_NET = '/sys/class/net';
/** ARPHRD_LOOPBACK in /sys/class/net/NAME/type. */
const ARPHRD_LOOPBACK = 772;

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** An executable by name on PATH or in the sbin directories (often missing from a user's PATH). */
function findTool(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** Run a tool without a shell; undefined when it is missing, fails or takes too long. */
function run(tool: string, args: string[]): string | undefined {
  const r = spawnSync(tool, args, { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
  return r.status === 0 && typeof r.stdout === 'string' ? r.stdout : undefined;
}

/** Link kinds as `ip -d link` reports them (IFLA_INFO_KIND), when iproute2 is installed. */
function linkKindsFromIp(): Map<string, string> {
  const kinds = new Map<string, string>();
  const ip = findTool('ip');
  if (!ip) return kinds;
  const out = run(ip, ['-d', '-j', 'link', 'show']);
  if (!out) return kinds;
  try {
    for (const l of JSON.parse(out) as Array<{ ifname?: string; linkinfo?: { info_kind?: string } }>) {
      if (l.ifname && l.linkinfo?.info_kind) kinds.set(l.ifname, l.linkinfo.info_kind);
    }
  } catch {
    // Old iproute2 without -j: fall back to what sysfs tells.
  }
  return kinds;
}

const KIND_BY_INFO: Record<string, HostLinkKind> = {
  bridge: 'bridge', openvswitch: 'openvswitch', veth: 'veth', bond: 'bond', vlan: 'vlan', macvlan: 'macvlan', macvtap: 'macvlan',
};

function classify(dir: string, name: string, infoKind: string | undefined): HostLinkKind {
  if (isDir(join(dir, 'bridge'))) return 'bridge';
  if (isDir(join(dir, 'bonding'))) return 'bond';
  if (Number(readText(join(dir, 'type'))) === ARPHRD_LOOPBACK || name === 'lo') return 'loopback';
  if (infoKind) return KIND_BY_INFO[infoKind] ?? 'other';
  const devtype = /^DEVTYPE=(.*)$/m.exec(readText(join(dir, 'uevent')) ?? '')?.[1];
  if (devtype === 'vlan') return 'vlan';
  if (devtype === 'bond') return 'bond';
  // A link backed by hardware has a `device` entry; virtual ones do not.
  if (existsSync(join(dir, 'device'))) return 'physical';
  return 'other';
}

/** OVS bridges and their ports, when ovs-vsctl is installed and its database answers. */
function openvswitch(): { ok: boolean; bridges: Set<string>; portOf: Map<string, string> } {
  const none = { ok: false, bridges: new Set<string>(), portOf: new Map<string, string>() };
  const tool = findTool('ovs-vsctl');
  if (!tool) return none;
  const list = run(tool, ['--timeout=3', 'list-br']);
  if (list === undefined) return none;
  const bridges = new Set(list.split('\n').map((s) => s.trim()).filter(Boolean));
  const portOf = new Map<string, string>();
  for (const br of bridges) {
    const ports = run(tool, ['--timeout=3', 'list-ports', br]) ?? '';
    for (const p of ports.split('\n').map((s) => s.trim()).filter(Boolean)) portOf.set(p, br);
  }
  return { ok: true, bridges, portOf };
}

/** The network links of the machine (or network namespace) this process runs in. Throws when /sys/class/net is unreadable. */
export function readLiveHostFacts(): HostFacts {
  const names = readdirSync(SYS_CLASS_NET).sort();
  const infoKinds = linkKindsFromIp();
  const ovs = openvswitch();
  const links: HostLink[] = [];
  for (const name of names) {
    const dir = join(SYS_CLASS_NET, name);
    const mtu = Number(readText(join(dir, 'mtu')));
    let kind = classify(dir, name, infoKinds.get(name));
    const link: HostLink = { name, kind, mtu: Number.isInteger(mtu) && mtu >= 0 ? mtu : 0 };
    let master: string | undefined;
    try {
      master = basename(readlinkSync(join(dir, 'master')));
    } catch {
      master = undefined;
    }
    // The kernel shows OVS ports as enslaved to the datapath device; the bridge is what LXC's link names.
    const ovsBridge = ovs.portOf.get(name);
    if (ovsBridge) master = ovsBridge;
    if (master) link.master = master;
    const flags = readText(join(dir, 'flags'));
    if (flags !== undefined && /^0x[0-9a-f]+$/i.test(flags)) link.up = (Number.parseInt(flags, 16) & 1) === 1;
    const operstate = readText(join(dir, 'operstate'));
    if (operstate) link.operstate = operstate;
    if (kind === 'bridge') {
      // No vlan_filtering file: a kernel without bridge VLAN filtering; LXC's read of it fails the same way.
      link.vlanFiltering = readText(join(dir, 'bridge', 'vlan_filtering')) === '1';
    }
    if (ovs.bridges.has(name)) {
      kind = 'openvswitch';
      link.kind = kind;
      link.ovsBridge = true;
    } else if (ovs.ok && kind === 'openvswitch') {
      // An OVS device that is not a bridge (the ovs-system datapath): ovs-vsctl cannot add ports to it.
      link.ovsBridge = false;
    }
    links.push(link);
  }
  return { version: 1, hostname: hostname(), collectedAt: new Date().toISOString(), openvswitch: ovs.ok, links };
}

/** A snapshot written by `lxclint facts`, validated. Throws an Error whose message names the file. */
export function readHostFactsFile(path: string): HostFacts {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`cannot read host facts file "${path}": ${code === 'ENOENT' ? 'no such file' : (code ?? (err as Error).message)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`host facts file "${path}" is not valid JSON: ${(err as Error).message}`);
  }
  const problem = checkHostFacts(data);
  if (problem) throw new Error(`host facts file "${path}": ${problem} (write one with "lxclint facts -o FILE")`);
  return data as HostFacts;
}
