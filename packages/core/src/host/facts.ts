/**
 * What host-tier rules may know about the machine: its network links. The CLI fills it live from
 * /sys/class/net or from a JSON snapshot written by `lxclint facts`; the core only reads this shape.
 */
export type HostLinkKind = 'bridge' | 'openvswitch' | 'veth' | 'physical' | 'bond' | 'vlan' | 'macvlan' | 'loopback' | 'other';

export const HOST_LINK_KINDS: readonly HostLinkKind[] = ['bridge', 'openvswitch', 'veth', 'physical', 'bond', 'vlan', 'macvlan', 'loopback', 'other'];

export interface HostLink {
  name: string;
  /**
   * What the link is. `bridge` is a kernel bridge (has /sys/class/net/NAME/bridge); `openvswitch` is a device of
   * Open vSwitch (an OVS bridge's own port, or the `ovs-system` datapath).
   */
  kind: HostLinkKind;
  mtu: number;
  /** The bridge or bond this link is enslaved to (for OVS ports: the OVS bridge, when ovs-vsctl told us). */
  master?: string;
  /** Administratively up (IFF_UP). */
  up?: boolean;
  /** The kernel's operstate (`up`, `down`, `unknown`, `lowerlayerdown`, ...). */
  operstate?: string;
  /** For kernel bridges: whether VLAN filtering is on (veth.vlan.id needs it). */
  vlanFiltering?: boolean;
  /** True when ovs-vsctl lists this name as an OVS bridge (LXC can add ports to it). */
  ovsBridge?: boolean;
}

export interface HostFacts {
  /** Format version of the snapshot. */
  version: 1;
  hostname?: string;
  /** When the facts were read (ISO 8601), for snapshot staleness. */
  collectedAt?: string;
  /** True when an Open vSwitch daemon answered; LXC treats a non-bridge link as an OVS bridge. */
  openvswitch?: boolean;
  links: HostLink[];
}

export function findLink(facts: HostFacts, name: string): HostLink | undefined {
  return facts.links.find((l) => l.name === name);
}

/** Validate a parsed snapshot; returns an error message or undefined. */
export function checkHostFacts(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'host facts must be a JSON object';
  const d = data as Partial<HostFacts>;
  if (d.version !== 1) return `unsupported host facts version ${JSON.stringify(d.version)} (expected 1)`;
  if (!Array.isArray(d.links)) return 'host facts need a "links" array';
  if (d.openvswitch !== undefined && typeof d.openvswitch !== 'boolean') return '"openvswitch" must be true or false';
  if (d.hostname !== undefined && typeof d.hostname !== 'string') return '"hostname" must be a string';
  if (d.collectedAt !== undefined && typeof d.collectedAt !== 'string') return '"collectedAt" must be a string';
  const names = new Set<string>();
  for (const [i, l] of (d.links as unknown[]).entries()) {
    if (typeof l !== 'object' || l === null) return `links[${i}] must be an object`;
    const link = l as Partial<HostLink>;
    if (typeof link.name !== 'string' || typeof link.kind !== 'string' || typeof link.mtu !== 'number') {
      return `links[${i}] needs "name" (string), "kind" (string) and "mtu" (number)`;
    }
    if (!HOST_LINK_KINDS.includes(link.kind)) return `links[${i}] ("${link.name}") has unknown kind "${link.kind}" (one of: ${HOST_LINK_KINDS.join(', ')})`;
    if (!Number.isInteger(link.mtu) || link.mtu < 0) return `links[${i}] ("${link.name}") needs a whole, non-negative "mtu"`;
    if (link.master !== undefined && typeof link.master !== 'string') return `links[${i}] ("${link.name}"): "master" must be a string`;
    for (const flag of ['up', 'vlanFiltering', 'ovsBridge'] as const) {
      if (link[flag] !== undefined && typeof link[flag] !== 'boolean') return `links[${i}] ("${link.name}"): "${flag}" must be true or false`;
    }
    if (link.operstate !== undefined && typeof link.operstate !== 'string') return `links[${i}] ("${link.name}"): "operstate" must be a string`;
    if (names.has(link.name)) return `links[${i}]: "${link.name}" is listed twice`;
    names.add(link.name);
  }
  return undefined;
}
